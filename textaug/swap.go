package textaug

import (
	"math/rand/v2"

	"github.com/textaug/textaug/tokenize"
)

// RandomSwap swaps n = max(1, round(Rate·e)) times two of the e words that
// the policy lets move (never negations, protected spans or glued
// tokens), as in EDA. The white space between tokens stays in place.
//
// The zero value swaps once per ten movable words, at least once. Safe for
// concurrent use.
type RandomSwap struct {
	Rate float64 // 0 means 0.1
	Max  int     // 0 means no cap
}

// Name implements Edit.
func (RandomSwap) Name() string { return "swap" }

// Edit implements Edit.
func (s RandomSwap) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	var pos []int
	for i := range toks {
		if toks[i].Kind == tokenize.Word && toks[i].Lock&tokenize.LockMove == 0 {
			pos = append(pos, i)
		}
	}
	if len(pos) < 2 {
		return toks
	}
	n := count(or(s.Rate, 0.1), len(pos), s.Max)
	out := make([]tokenize.Token, len(toks))
	copy(out, toks)
	for ; n > 0; n-- {
		a := r.IntN(len(pos))
		b := r.IntN(len(pos) - 1)
		if b >= a {
			b++
		}
		i, j := pos[a], pos[b]
		out[i], out[j] = out[j], out[i]
	}
	return out
}
