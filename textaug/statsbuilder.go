package textaug

import (
	"fmt"
	"maps"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/textaug/textaug/tokenize"
)

// Defaults of a StatsBuilder's thresholds; StatsBuilder explains each.
const (
	DefaultMinZ       = 3.0
	DefaultMinRows    = 3
	DefaultMinShare   = 0.1
	DefaultMaxAnchors = 6
	DefaultPrior      = 10.0
	DefaultEntityRows = 1
	DefaultMaxEntries = 1 << 20
	DefaultMaxFillers = 8
)

// StatsBuilder makes CorpusStats from (text, label) pairs fed one at a
// time: it never holds the corpus, only counts. Its memory grows with the
// vocabulary (words and adjacent word pairs, per label) and, for the
// label-swap contexts, up to MaxEntries entries.
//
// Statistics do not depend on the order of the rows: counts are sums, and
// when the contexts outgrow MaxEntries the builder keeps those whose hash
// falls in the lower half, then quarter, and so on (adaptive sampling),
// which is a property of the set of contexts, not of their order. Forms
// tied in frequency are ordered alphabetically.
//
// The zero StatsBuilder uses tokenize.Auto, the default stopwords and
// negations and the default thresholds. A StatsBuilder is not safe for
// concurrent use.
type StatsBuilder struct {
	// Tokenizer cuts the texts; nil means tokenize.Auto{}. Use the
	// tokenizer the augmenter uses, so that anchors match its tokens.
	Tokenizer Tokenizer
	// Stopwords and Negations are never anchors or fillers; nil means
	// DefaultStopwords and DefaultNegations. Phrases may include one
	// stopword ("top up").
	Stopwords, Negations []string

	// MinZ is the least z-score of an anchor; 0 means DefaultMinZ (3: one-sided p < 0.002).
	MinZ float64
	// MinRows is the least number of the label's rows that hold an anchor;
	// 0 means DefaultMinRows (3).
	MinRows int
	// MinShare is the least share of the label's rows that hold an anchor;
	// 0 means DefaultMinShare (0.1). The larger of MinRows and
	// MinShare·rows applies.
	MinShare float64
	// MaxAnchors caps the anchors of a label (the highest z first); 0
	// means DefaultMaxAnchors (6).
	MaxAnchors int
	// Prior is α0, the weight in rows of the informative Dirichlet prior
	// (the corpus-wide frequencies); 0 means DefaultPrior (10).
	Prior float64
	// EntityRows is the least number of rows in which a word or sequence
	// must be written capitalised in the middle of a sentence to be an
	// entity; 0 means DefaultEntityRows (1).
	EntityRows int
	// MaxEntries bounds the (context, filler) entries kept for LabelSwap;
	// 0 means DefaultMaxEntries (2^20, tens of megabytes at most).
	MaxEntries int
	// MaxFillers caps the fillers kept per context (the most frequent);
	// 0 means DefaultMaxFillers (8).
	MaxFillers int
	// SkipContexts leaves out the label-swap contexts (the Stats have
	// none, and LabelSwap nothing to draw from): for a pass whose
	// statistics only lock anchors and entities, it saves most of the
	// pass's memory on a corpus of many distinct words.
	SkipContexts bool
	// Entities are names that are entities whatever the corpus shows (a
	// pack's company or product names): matched case-insensitively, one
	// to four words; longer ones are ignored.
	Entities []string

	st *buildState
}

type buildState struct {
	pol    *Policy // stopword and negation tables
	rows   int
	total  map[string]int32         // term -> labelled rows holding it
	labels map[string]*labelCount   // label -> counts
	forms  map[string]tally[string] // term -> written form -> rows
	stems  map[string]string        // word -> stem (memo)
	words  map[string]*caseCount    // lower word -> case evidence
	seqs   map[string]int32         // capitalised sequence -> rows
	lowerP map[string]bool          // word pairs seen in lower case
	ctx    contextSample
}

type labelCount struct {
	rows int
	df   map[string]int32
}

type caseCount struct {
	mid   int32 // rows where it is capitalised mid-sentence
	lower bool  // seen in lower case
}

func (b *StatsBuilder) state() *buildState {
	if b.st == nil {
		pol := &Policy{Stopwords: b.Stopwords, Negations: b.Negations}
		pol.build()
		b.st = &buildState{
			pol: pol, total: map[string]int32{}, labels: map[string]*labelCount{},
			forms: map[string]tally[string]{}, stems: map[string]string{},
			words: map[string]*caseCount{}, seqs: map[string]int32{}, lowerP: map[string]bool{},
			ctx: contextSample{max: b.settings().MaxEntries, entries: map[ctxID]*ctxCount{}},
		}
	}
	return b.st
}

// Add reads one row. label "" counts towards entities only. The error is
// the tokenizer's (a model that failed to load). A row longer than
// PieceBytes is read piece by piece (Pieces), one piece's tokens at a
// time; it still counts once wherever it counts rows, and the share of
// capitalised words that tells a text in capitals from one with names
// (see CorpusStats.Entities) is judged per piece.
func (b *StatsBuilder) Add(text, label string) error {
	st := b.state()
	tk := b.Tokenizer
	if tk == nil {
		tk = tokenize.Auto{}
	}
	if len(text) > PieceBytes {
		tk = pieceTokenizer(tk, text)
	}
	var row rowSeen
	var terms map[string]string
	for _, piece := range piecesOf(text) {
		toks, err := tk.Tokenize(piece)
		if err != nil {
			return fmt.Errorf("textaug: corpus statistics: %w", err)
		}
		idx := nonSpace(toks)
		st.addCase(toks, idx, &row)
		if label == "" {
			continue
		}
		if terms == nil {
			terms = st.terms(toks, idx)
		} else {
			maps.Copy(terms, st.terms(toks, idx)) // a later form wins, as within a piece
		}
		if !b.SkipContexts {
			st.addContexts(label, toks, idx, &row)
		}
	}
	st.rows++
	if label == "" {
		return nil
	}
	lc := st.labels[label]
	if lc == nil {
		lc = &labelCount{df: map[string]int32{}}
		st.labels[label] = lc
	}
	lc.rows++
	for term, form := range terms {
		lc.df[term]++
		st.total[term]++
		f := st.forms[term]
		f.add(form)
		st.forms[term] = f
	}
	return nil
}

// rowSeen is what one row has already counted, so that a row read in
// pieces counts each thing once, as a row read whole does.
type rowSeen struct {
	caps map[string]bool   // capitalised words and sequences (addCase)
	ctx  map[ctxEntry]bool // (context, filler) entries (addContexts)
}

// candidate reports whether the word token t may be part of an anchor
// (stop false) or may stand in a phrase beside one (stop true).
func (st *buildState) candidate(t *tokenize.Token, lw string, stop bool) bool {
	if t.Kind != tokenize.Word || !wordOK(lw) || st.pol.negation[lw] || st.pol.negatedHan(lw) {
		return false
	}
	return stop || !st.pol.stop[lw]
}

// stem returns the anchor key of the lower-case word lw.
func (st *buildState) stem(lw string) string {
	s, ok := st.stems[lw]
	if !ok {
		s = stemWord(lw)
		st.stems[lw] = s
	}
	return s
}

// stemWord is the Snowball English stem of an ASCII word; other words are
// their own stem.
func stemWord(lw string) string {
	for i := 0; i < len(lw); i++ {
		if c := lw[i]; c >= utf8.RuneSelf || !(c >= 'a' && c <= 'z' || c == '-' || c == '\'') {
			return lw
		}
	}
	return english.Stem(lw, false)
}

// terms returns the anchor terms of one row (words and adjacent pairs, by
// stem) with a written form of each.
func (st *buildState) terms(toks []tokenize.Token, idx []int) map[string]string {
	out := map[string]string{}
	prev, prevLW := -1, "" // previous word token that may be in a phrase
	for _, i := range idx {
		t := &toks[i]
		lw := lower(t.Text)
		if !st.candidate(t, lw, true) {
			prev = -1
			continue
		}
		s := st.stem(lw)
		if !st.pol.stop[lw] {
			out[s] = lw
		}
		if prev >= 0 && adjacent(toks, prev, i) && !st.pol.stop[prevLW] && (!st.pol.stop[lw] || particles[lw]) {
			out[st.stem(prevLW)+" "+s] = prevLW + " " + lw
		}
		prev, prevLW = i, lw
	}
	return out
}

// particles are the stopwords that may end an anchor phrase ("top up",
// "log in", "cash out"); no other stopword is part of one.
var particles = map[string]bool{
	"up": true, "down": true, "in": true, "out": true, "on": true, "off": true,
	"over": true, "back": true, "away": true,
}

// adjacent reports whether tokens i < j stand next to each other, with at
// most white space between.
func adjacent(toks []tokenize.Token, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if toks[k].Kind != tokenize.Space {
			return false
		}
	}
	return true
}

// sentenceStart reports whether the non-space token idx[n] opens a
// sentence: it is the first, or follows a sentence mark, an opening quote
// or bracket, a dash, an emoji or a symbol.
func sentenceStart(toks []tokenize.Token, idx []int, n int) bool {
	if n == 0 {
		return true
	}
	p := &toks[idx[n-1]]
	switch p.Kind {
	case tokenize.Emoji, tokenize.Symbol:
		return true
	case tokenize.Punct:
		return strings.ContainsAny(p.Text, ".!?:;…\"“”'‘(（[【-–—•*。！？：；")
	}
	return false
}

// capitalised reports whether w starts with an upper-case letter.
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// lowerWord reports whether w has a letter and no upper-case letter.
func lowerWord(w string) bool {
	letter := false
	for _, r := range w {
		if unicode.IsUpper(r) {
			return false
		}
		letter = letter || unicode.IsLetter(r)
	}
	return letter
}

// tally counts keys, the first one inline: most terms have one written
// form and most contexts one filler, and a map for each cost about ten
// times as much (a 1 MB row of 62,000 distinct words held 111 MB of
// statistics with a map each).
type tally[K comparable] struct {
	first K
	n     int32       // the first key's count; 0: empty
	more  map[K]int32 // the others
}

// add counts k once and reports whether it is new.
func (t *tally[K]) add(k K) bool {
	switch {
	case t.n == 0:
		t.first, t.n = k, 1
		return true
	case t.first == k:
		t.n++
		return false
	}
	if t.more == nil {
		t.more = map[K]int32{}
	}
	t.more[k]++
	return t.more[k] == 1
}

// len returns the number of distinct keys.
func (t *tally[K]) len() int {
	if t.n == 0 {
		return 0
	}
	return 1 + len(t.more)
}

// all yields the keys and their counts, the first key first, the others
// in map order.
func (t *tally[K]) all(yield func(K, int32) bool) {
	if t.n == 0 || !yield(t.first, t.n) {
		return
	}
	for k, n := range t.more {
		if !yield(k, n) {
			return
		}
	}
}

// counts returns the keys and their counts as a map.
func (t *tally[K]) counts() map[K]int32 {
	m := make(map[K]int32, t.len())
	for k, n := range t.all {
		m[k] = n
	}
	return m
}
