package textaug

import (
	"math/rand/v2"

	"github.com/textaug/textaug/tokenize"
)

// RandomSwap swaps n = max(1, round(Rate·e)) times two of the e words that
// the policy lets move (never negations, protected spans or glued
// tokens), as in EDA. The white space between tokens stays in place; a
// swap that would write two tokens as one (a Chinese word between them
// moving away, as in "A的B") is undone.
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
		if joinsAt(out, i) || joinsAt(out, j) {
			out[i], out[j] = out[j], out[i] // "A的B" must not become "AB的"
		}
	}
	return out
}

// joinsAt reports whether the token at i could now read as one with a
// neighbour it was not written next to (see joins): possible only where
// Chinese words, written without spaces, move next to Latin ones.
func joinsAt(toks []tokenize.Token, i int) bool {
	return i > 0 && toks[i-1].End != toks[i].Start && joins(&toks[i-1], &toks[i]) ||
		i+1 < len(toks) && toks[i].End != toks[i+1].Start && joins(&toks[i], &toks[i+1])
}
