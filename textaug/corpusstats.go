package textaug

import (
	"fmt"
	"hash/maphash"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/tokenize"
)

// CorpusStats is what one pass over a labelled corpus learned: for each
// label its anchors (the words and two-word phrases the label lives on)
// and the contexts its words fill (the material of LabelSwap), and for the
// whole corpus its entities (words and sequences written capitalised in
// the middle of sentences and never in lower case).
//
// A StatsBuilder makes it; WriteTo and ReadStats store it as versioned
// JSON, so that shards and workers share the same statistics. Every list
// is sorted, so equal corpora give byte-identical files whatever the order
// of their rows (see StatsBuilder for the one exception).
//
// A CorpusStats is read-only once built; it is then safe for concurrent
// use. It builds its lookup tables on first use and must not be copied
// after that. CorpusLocks (in a Policy) and LabelSwap use it.
type CorpusStats struct {
	// Settings are the thresholds the statistics were made with.
	Settings StatsSettings `json:"settings"`
	// Rows counts the rows read, labelled or not.
	Rows int `json:"rows"`
	// ContextSample says which label-swap contexts were kept: those whose
	// hash starts with this many zero bits (0: all; see StatsBuilder).
	ContextSample int `json:"context_sample"`
	// Entities are the corpus entities, lower case, the words of a
	// sequence separated by one space ("nokia", "nordea bank"); sorted.
	Entities []string `json:"entities"`
	// Labels holds one entry per label, sorted by label. Rows without a
	// label count towards entities only.
	Labels []LabelStats `json:"labels"`

	once  sync.Once
	index *statsIndex
}

// StatsSettings are the thresholds of a StatsBuilder, as used (defaults
// filled in); a stats file records them.
type StatsSettings struct {
	MinZ       float64 `json:"min_z"`
	MinRows    int     `json:"min_rows"`
	MinShare   float64 `json:"min_share"`
	MaxAnchors int     `json:"max_anchors"`
	Prior      float64 `json:"prior"`
	EntityRows int     `json:"entity_rows"`
	MaxEntries int     `json:"max_context_entries"`
	MaxFillers int     `json:"max_fillers"`
}

// LabelStats is what the corpus says about one label.
type LabelStats struct {
	Label string `json:"label"`
	Rows  int    `json:"rows"`
	// Anchors are sorted by Z, highest first, then by Term.
	Anchors []Anchor `json:"anchors,omitempty"`
	// Contexts are the label's fillable contexts, sorted by (Slot, Left,
	// Right).
	Contexts []Context `json:"contexts,omitempty"`
}

// Anchor is a word or two-word phrase that marks a label.
type Anchor struct {
	// Term is the match key: the words' stems (Snowball English stemmer
	// for Latin words; other words as they are), lower case, separated by
	// one space ("arriv", "direct debit"). A token whose stem equals a
	// word of Term matches it, so "arrive", "arrived" and "arrival" are one
	// anchor.
	Term string `json:"term"`
	// Forms are the written forms of the term in the corpus, most
	// frequent first (at most four): what a person reads.
	Forms []string `json:"forms"`
	// Z is the z-score of the smoothed log-odds ratio, label against the
	// rest (Monroe, Colaresi and Quinn 2008).
	Z float64 `json:"z"`
	// Rows counts the label's rows that hold the term.
	Rows int `json:"rows"`
}

// Context is a place in a sentence and the words that fill it in a
// label's rows.
//
// A plain context is the two neighbours of a word: Left and Right are the
// lower-case texts of the tokens just before and after it ("" at the start
// or end of the text). A slot (Slot true) is the noun after a preposition
// of the slot list (SlotWords): Left is the preposition, possibly followed
// by a determiner ("to my"), and Right is empty.
type Context struct {
	Left    string   `json:"left"`
	Right   string   `json:"right"`
	Slot    bool     `json:"slot,omitempty"`
	Fillers []Filler `json:"fillers"`
}

// Filler is a word seen in a context, with its Penn tag (an open class:
// NN, NNS, VB, VBD, VBG, VBN, VBP, VBZ, JJ, JJR, JJS, RB, RBR, RBS) and the
// number of rows it filled the context in.
type Filler struct {
	Word string `json:"word"`
	Tag  string `json:"tag,omitempty"`
	Rows int    `json:"rows"`
}

// Label returns the statistics of label, or nil.
func (s *CorpusStats) Label(label string) *LabelStats {
	if s == nil {
		return nil
	}
	return s.idx().labels[label]
}

// AnchorsOf returns the anchors of label (nil for an unknown label). The
// slice belongs to s.
func (s *CorpusStats) AnchorsOf(label string) []Anchor {
	if l := s.Label(label); l != nil {
		return l.Anchors
	}
	return nil
}

// statsIndex holds the lookup tables of a CorpusStats.
type statsIndex struct {
	labels   map[string]*LabelStats
	entity   map[string][][]string // first word -> entity word sequences
	anchors  map[string]*anchorIndex
	contexts map[string]map[ctxKey][]Filler
	stems    stemMemo // stems CorpusLocks looked up lately
}

// stemMemo remembers the stems of recently looked-up words (stemWord) in
// a direct-mapped table of stemSlots entries, for concurrent lookups
// without a lock: Snowball costs about as much as tagging a word, and the
// words of a corpus repeat (a third less CPU on a long row under the
// default preset, 3 to 5% on banking77, for about 200 KB). A word whose slot
// holds another is stemmed again; a stem is the same either way.
type stemMemo struct {
	slots [stemSlots]atomic.Pointer[stemEntry]
}

type stemEntry struct{ word, stem string }

const stemSlots = 1 << 12

var stemSeed = maphash.MakeSeed()

func (m *stemMemo) stem(lw string) string {
	slot := &m.slots[maphash.String(stemSeed, lw)&(stemSlots-1)]
	if e := slot.Load(); e != nil && e.word == lw {
		return e.stem
	}
	s := stemWord(lw)
	slot.Store(&stemEntry{word: strings.Clone(lw), stem: s}) // no hold on the row's text
	return s
}

type anchorIndex struct {
	single map[string]bool            // stem -> anchor
	pairs  map[string]map[string]bool // first stem -> second stems
}

type ctxKey struct {
	left, right string
	slot        bool
}

func (s *CorpusStats) idx() *statsIndex {
	s.once.Do(func() {
		x := &statsIndex{
			labels:   make(map[string]*LabelStats, len(s.Labels)),
			entity:   make(map[string][][]string, len(s.Entities)),
			anchors:  make(map[string]*anchorIndex, len(s.Labels)),
			contexts: make(map[string]map[ctxKey][]Filler, len(s.Labels)),
		}
		for _, e := range s.Entities {
			w := strings.Fields(e)
			if len(w) > 0 {
				x.entity[w[0]] = append(x.entity[w[0]], w)
			}
		}
		for i := range s.Labels {
			l := &s.Labels[i]
			x.labels[l.Label] = l
			a := &anchorIndex{single: map[string]bool{}, pairs: map[string]map[string]bool{}}
			for _, an := range l.Anchors {
				w := strings.Fields(an.Term)
				switch len(w) {
				case 1:
					a.single[w[0]] = true
				case 2:
					if a.pairs[w[0]] == nil {
						a.pairs[w[0]] = map[string]bool{}
					}
					a.pairs[w[0]][w[1]] = true
				}
			}
			x.anchors[l.Label] = a
			c := make(map[ctxKey][]Filler, len(l.Contexts))
			for _, ct := range l.Contexts {
				c[ctxKey{ct.Left, ct.Right, ct.Slot}] = ct.Fillers
			}
			x.contexts[l.Label] = c
		}
		s.index = x
	})
	return s.index
}

// Describe returns a short human-readable account of label's anchors:
// "card (z 14.2, 93 rows), arrive/arrived (z 11.0, 60 rows)".
func (s *CorpusStats) Describe(label string) string {
	var b strings.Builder
	for i, a := range s.AnchorsOf(label) {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%s (z %.1f, %d rows)", strings.Join(a.Forms, "/"), a.Z, a.Rows)
	}
	return b.String()
}

// wordOK reports whether the lower-case word w may be an anchor or a
// filler: a word of at least two characters (one for a Han character)
// holding a letter.
func wordOK(w string) bool {
	n, letter := 0, false
	for _, r := range w {
		n++
		letter = letter || isHan(r) || r >= 'a' && r <= 'z' || r > utf8.RuneSelf && !isHan(r) && r != '’'
	}
	return letter && (n >= 2 || isHan([]rune(w)[0]))
}

// fillerTag returns tag when it is an open-class Penn tag (NN, NNS,
// VB*, JJ*, RB*): the words LabelSwap may exchange; else "".
func fillerTag(tag string) string {
	if _, ok := synonyms.FromPenn(tag); ok {
		return tag
	}
	return ""
}

// nonSpace returns the indices of the non-space tokens of toks.
func nonSpace(toks []tokenize.Token) []int {
	idx := make([]int, 0, len(toks))
	for i := range toks {
		if toks[i].Kind != tokenize.Space {
			idx = append(idx, i)
		}
	}
	return idx
}
