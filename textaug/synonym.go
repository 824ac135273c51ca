package textaug

import (
	"math/rand/v2"
	"slices"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/tokenize"
)

// SynonymReplace replaces n = max(1, round(Rate·e)) of the e eligible words
// by a synonym drawn from Source: EDA's synonym replacement.
//
// A word is eligible when the policy lets it be replaced (not a stopword,
// negation, proper noun or protected span), its tag is an open class, and
// Source has a candidate for it. The replacement keeps the word's case
// pattern (lower, Title, UPPER); a multi-word synonym becomes several
// tokens; "a"/"an" before it is fixed.
//
// The zero value with a Source replaces one word in ten (Rate 0.1, EDA's
// α), at least one, and only the occurrence drawn; without a Source it
// changes nothing. Safe for concurrent use if Source is.
type SynonymReplace struct {
	Source synonyms.Source
	Rate   float64 // share of eligible words replaced; 0 means 0.1
	Max    int     // at most this many replacements; 0 means no cap
	// AllOccurrences replaces every occurrence of a drawn word with the
	// same synonym, as the EDA reference does.
	AllOccurrences bool
}

// Name implements Edit.
func (SynonymReplace) Name() string { return "synonym" }

// Edit implements Edit.
func (s SynonymReplace) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	return s.draw(r, toks, s.eligible(toks), nil)
}

func (s SynonymReplace) prepare(toks []tokenize.Token) Edit {
	return prepared(s.Name(), toks, s.eligible, s.draw)
}

// replacements are the words of a text that SynonymReplace may replace,
// and their candidates.
type replacements struct {
	pos   []int
	cands [][]string
}

// eligible finds the words of toks that may be replaced, and their
// candidates: what every attempt at a record shares.
func (s SynonymReplace) eligible(toks []tokenize.Token) replacements {
	var e replacements
	if s.Source == nil {
		return e
	}
	for i := range toks {
		if !replaceable(&toks[i]) {
			continue
		}
		if c := fitsArticle(toks, i, candidates(s.Source, &toks[i])); len(c) > 0 {
			e.pos = append(e.pos, i)
			e.cands = append(e.cands, c)
		}
	}
	return e
}

// draw replaces words of toks, which e describes.
func (s SynonymReplace) draw(r *rand.Rand, toks []tokenize.Token, e replacements, dst []tokenize.Token) []tokenize.Token {
	pos, cands := e.pos, e.cands
	n := count(or(s.Rate, 0.1), len(pos), s.Max)
	if n == 0 {
		return toks
	}
	var permBuf [64]int
	var choiceBuf [16]replacement
	choice := choiceBuf[:0]
	for _, k := range perm(r, len(pos), permBuf[:0])[:n] {
		c := cands[k]
		choice = append(choice, replacement{pos[k], c[r.IntN(len(c))]})
	}
	slices.SortFunc(choice, func(a, b replacement) int { return a.at - b.at })
	if s.AllOccurrences {
		choice = s.everyOccurrence(toks, pos, choice)
	}
	out := slices.Grow(dst[:0], len(toks)+2*n)
	last := 0
	for _, c := range choice {
		out = append(out, toks[last:c.at]...)
		t := &toks[c.at]
		out = phrase(out, c.with, t.Tag, caseOf(t.Text), t.Lock)
		last = c.at + 1
	}
	out = append(out, toks[last:]...)
	fixArticles(out)
	return out
}

// replacement is one word to replace: its position and its synonym.
type replacement struct {
	at   int
	with string
}

// everyOccurrence extends choice, sorted by position, to every eligible
// occurrence (pos) of each chosen word, with the synonym drawn for its
// first chosen occurrence.
func (s SynonymReplace) everyOccurrence(toks []tokenize.Token, pos []int, choice []replacement) []replacement {
	byWord := make(map[string]string, len(choice))
	for _, c := range choice {
		if _, ok := byWord[lower(toks[c.at].Text)]; !ok {
			byWord[lower(toks[c.at].Text)] = c.with
		}
	}
	all := make([]replacement, 0, len(pos))
	for _, i := range pos {
		if c, ok := byWord[lower(toks[i].Text)]; ok {
			all = append(all, replacement{i, c})
		}
	}
	return all
}

// perm is r.Perm(n) written into buf: the same permutation from the same
// draws, without a new slice when buf is large enough.
func perm(r *rand.Rand, n int, buf []int) []int {
	p := slices.Grow(buf[:0], n)[:n]
	for i := range p {
		p[i] = i
	}
	r.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}
