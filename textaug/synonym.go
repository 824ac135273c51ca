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
	return s.draw(r, toks, s.eligible(toks))
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
func (s SynonymReplace) draw(r *rand.Rand, toks []tokenize.Token, e replacements) []tokenize.Token {
	pos, cands := e.pos, e.cands
	n := count(or(s.Rate, 0.1), len(pos), s.Max)
	if n == 0 {
		return toks
	}
	choice := make(map[int]string, n)
	for _, k := range r.Perm(len(pos))[:n] {
		c := cands[k]
		choice[pos[k]] = c[r.IntN(len(c))]
	}
	if s.AllOccurrences {
		byWord := make(map[string]string, n)
		keys := make([]int, 0, n)
		for i := range choice {
			keys = append(keys, i)
		}
		slices.Sort(keys)
		for _, i := range keys {
			if _, ok := byWord[lower(toks[i].Text)]; !ok {
				byWord[lower(toks[i].Text)] = choice[i]
			}
		}
		for _, i := range pos {
			if c, ok := byWord[lower(toks[i].Text)]; ok {
				choice[i] = c
			}
		}
	}
	out := make([]tokenize.Token, 0, len(toks)+2*n)
	for i := range toks {
		c, ok := choice[i]
		if !ok {
			out = append(out, toks[i])
			continue
		}
		out = phrase(out, c, toks[i].Tag, caseOf(toks[i].Text), toks[i].Lock)
	}
	fixArticles(out)
	return out
}
