package textaug

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/tokenize"
)

// LabelSwap replaces n = max(1, round(Rate·e)) of the e eligible words by
// another word that fills the same context in other rows of the same
// label, so that a variant gains words the label already uses rather than
// dictionary senses: "When did you send me my new card?" may become "...
// my replacement card?" because card_arrival rows say both.
//
// A context is the word's two neighbours (the tokens just before and
// after it, lower case; at least one of them a word other than a
// stopword, since "I _ my" says too little), or, for a noun after "to", "from" or "for",
// possibly with a determiner between ("to my sister"), the slot of that
// preposition: nouns of one slot are exchanged between rows of the label
// ("to my sister" -> "to my landlord"). Amounts, figures and every other
// protected token are never replaced. A replacement has the same Penn tag
// as the word it replaces ("seeing" is never replaced by "see"; a noun by
// a noun with or without a plural -s as it has) and, when either word has a
// polarity in Polarity, the same polarity ("fell" never becomes "gained",
// although both fill "profit _ by" in a neutral label).
//
// A word is eligible when the policy lets it be replaced and deleted (so
// never an anchor, a stopword, a negation, an entity, a protected span,
// a word next to a figure or a Policy.Anchors word), its tag is an open
// class, and the label has another filler for its context. Two
// neighbouring words are never both replaced in one variant, since each
// was vetted against the other's original. The replacement keeps the
// word's case pattern; "a"/"an" is fixed as in SynonymReplace.
//
// Stats and Label choose the table: LabelSwap is built once per label (it
// never sees a record's label). The zero value, or a label the statistics
// do not know, changes nothing. Safe for concurrent use.
type LabelSwap struct {
	Stats *CorpusStats
	Label string
	Rate  float64 // share of eligible words replaced; 0 means 0.1
	Max   int     // at most this many replacements; 0 means no cap
	// Polarity lists word polarities; nil means synonyms.DefaultPolarity
	// (if it fails to load, nothing is replaced).
	Polarity *synonyms.PolarityLexicon
}

// Name implements Edit.
func (LabelSwap) Name() string { return "label-swap" }

// Edit implements Edit.
func (s LabelSwap) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	if s.Stats == nil {
		return toks
	}
	table := s.Stats.idx().contexts[s.Label]
	if len(table) == 0 {
		return toks
	}
	lex := s.Polarity
	if lex == nil {
		var err error
		if lex, err = synonyms.DefaultPolarity(); err != nil {
			return toks
		}
	}
	idx := nonSpace(toks)
	var pos []int // positions in idx
	var cands [][]string
	for n, i := range idx {
		if !replaceable(&toks[i]) || toks[i].Lock&tokenize.LockDelete != 0 {
			continue
		}
		if c := fitsArticle(toks, i, fillersAt(table, lex, toks, idx, n)); len(c) > 0 {
			pos = append(pos, n)
			cands = append(cands, c)
		}
	}
	n := count(or(s.Rate, 0.1), len(pos), s.Max)
	if n == 0 {
		return toks
	}
	choice := pickApart(r, pos, cands, n)
	out := make([]tokenize.Token, 0, len(toks)+2*n)
	next := 0
	for n, i := range idx {
		c, ok := choice[n]
		if !ok {
			continue
		}
		out = append(out, toks[next:i]...)
		out = phrase(out, c, toks[i].Tag, caseOf(toks[i].Text), toks[i].Lock)
		next = i + 1
	}
	out = append(out, toks[next:]...)
	fixArticles(out)
	return out
}

// pickApart draws up to n of the positions pos (indices of non-space
// tokens), never two neighbours, and a candidate for each.
func pickApart(r *rand.Rand, pos []int, cands [][]string, n int) map[int]string {
	choice := make(map[int]string, n)
	for _, k := range r.Perm(len(pos)) {
		at := pos[k]
		if _, ok := choice[at-1]; ok {
			continue
		}
		if _, ok := choice[at+1]; ok {
			continue
		}
		choice[at] = cands[k][r.IntN(len(cands[k]))]
		if len(choice) == n {
			break
		}
	}
	return choice
}

// fillersAt returns the other fillers of the contexts of the word at
// idx[n], of its tag and polarity, sorted and without
// repeats.
func fillersAt(table map[ctxKey][]Filler, lex *synonyms.PolarityLexicon, toks []tokenize.Token, idx []int, n int) []string {
	t := &toks[idx[n]]
	tag, lw := fillerTag(t.Tag), lower(t.Text)
	if tag == "" {
		return nil
	}
	left, right := neighbours(toks, idx, n)
	var out []string
	add := func(f []Filler) {
		for _, x := range f {
			if sameForm(x, tag, lw) && x.Word != lw && lex.Polarity(x.Word) == lex.Polarity(lw) && !lex.Antonyms(x.Word, lw) {
				out = append(out, x.Word)
			}
		}
	}
	add(table[ctxKey{left: left, right: right}])
	if slot := slotOf(toks, idx, n); slot != "" && nounTag(tag) {
		add(table[ctxKey{left: slot, slot: true}])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sameForm reports whether filler f may stand where the word lw tagged tag
// stands: the same Penn tag, except that for nouns, which taggers call NN
// or NNS unevenly ("euros" NN, "dollars" NNS), both must be nouns and
// both, or neither, end in a plural -s.
func sameForm(f Filler, tag, lw string) bool {
	if nounTag(tag) && nounTag(f.Tag) {
		return pluralS(f.Word) == pluralS(lw)
	}
	return f.Tag == tag
}

func pluralS(w string) bool {
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}
