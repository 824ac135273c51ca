package textaug

import (
	"math/rand/v2"

	"github.com/textaug/textaug/tokenize"
)

// AEDAMarks are the punctuation marks of AEDA (Karimi et al., 2021).
var AEDAMarks = []string{".", ";", "?", ":", "!", ","}

// Punctuation inserts punctuation marks before q randomly chosen words, q
// drawn uniformly from 1..int(Ratio·words + 1): AEDA. Marks go between
// words only, never inside protected spans, with a space after each mark.
//
// The zero value uses AEDAMarks and Ratio 0.3, AEDA's defaults. Safe for
// concurrent use.
type Punctuation struct {
	Marks []string // nil means AEDAMarks
	Ratio float64  // 0 means 0.3
}

// Name implements Edit.
func (Punctuation) Name() string { return "punct" }

// Edit implements Edit.
func (p Punctuation) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	marks := p.Marks
	if len(marks) == 0 {
		marks = AEDAMarks
	}
	words := 0
	for i := range toks {
		if content(&toks[i]) {
			words++
		}
	}
	sl := slots(toks)
	if len(sl) == 0 {
		return toks
	}
	q := 1 + r.IntN(int(or(p.Ratio, 0.3)*float64(words)+1))
	q = min(q, len(sl))
	at := make(map[int]string, q)
	for _, k := range r.Perm(len(sl))[:q] {
		at[sl[k]] = marks[r.IntN(len(marks))]
	}
	out := make([]tokenize.Token, 0, len(toks)+2*q)
	for i := range toks {
		if m, ok := at[i]; ok {
			out = append(out, tokenize.Token{Text: m, Start: -1, End: -1, Kind: tokenize.Punct, Lock: tokenize.Frozen}, space)
		}
		out = append(out, toks[i])
	}
	return out
}
