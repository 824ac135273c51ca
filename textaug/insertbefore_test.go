package textaug

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/tokenize"
)

// insertBeforeCopy is insertBefore as it was before it could grow a slice
// in place: a fresh copy every time.
func insertBeforeCopy(toks []tokenize.Token, j int, ins []tokenize.Token) []tokenize.Token {
	out := make([]tokenize.Token, 0, len(toks)+len(ins)+2)
	out = append(out, toks[:j]...)
	if j > 0 && spaced(&toks[j-1], &ins[0]) {
		out = append(out, space)
	}
	out = append(out, ins...)
	if j < len(toks) && spaced(&ins[len(ins)-1], &toks[j]) {
		out = append(out, space)
	}
	return append(out, toks[j:]...)
}

// TestInsertBeforeInPlace inserts at every position of English and Chinese
// texts, first into a shared slice (which must stay as it was) and then
// again in place into the copy, and compares with fresh copies.
func TestInsertBeforeInPlace(t *testing.T) {
	for _, text := range []string{"I lost my card, please help.", "我的卡丢了", "card 123 (new)"} {
		toks, err := tokenize.Auto{}.Tokenize(text)
		require.NoError(t, err)
		ins := phrase(nil, "bank card", "NN", caseLower, 0)
		orig := slices.Clone(toks)
		for j := range len(toks) + 1 {
			first := insertBefore(toks, j, ins, nil, 8)
			assert.Equal(t, orig, toks, "the shared tokens changed (j=%d)", j)
			want := insertBeforeCopy(toks, j, ins)
			require.Equal(t, want, first, "%q, j=%d", text, j)
			for k := range len(first) + 1 {
				want := insertBeforeCopy(first, k, ins)
				roomy := slices.Grow(slices.Clone(first), 8) // grows in place
				assert.Equal(t, want, insertBefore(roomy, k, ins, roomy, 0), "%q, j=%d, then k=%d", text, j, k)
				full := slices.Clip(slices.Clone(first)) // no room: a new slice
				assert.Equal(t, want, insertBefore(full, k, ins, full, 0), "%q, j=%d, then k=%d, full", text, j, k)
			}
		}
	}
}

// After each of many insertions at random places (every slot, the end of
// the text, and places that are no slot: inside a protected span, before
// white space), updateSlots gives what slots computes from scratch, for
// English, Chinese and mixed texts, and insertBefore into a separate
// buffer gives what a fresh copy gives.
func TestUpdateSlotsMatchesSlots(t *testing.T) {
	texts := []string{
		"I lost my card, please help. Operating profit rose to EUR 25.8 mn in 2007!",
		"我的银行卡丢了，怎么办？请帮我查一下余额。",
		"card 123 (new) 我的Apple手机 and  two  spaces\tand tabs ",
	}
	phrases := [][]tokenize.Token{
		phrase(nil, "bank card", "NN", caseLower, 0),
		phrase(nil, "信用卡", "n", caseLower, 0),
		phrase(nil, "quickly", "RB", caseLower, tokenize.LockJoin),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, text := range texts {
		toks, err := tokenize.Auto{}.Tokenize(text)
		require.NoError(t, err)
		Tokens{}.Policy.Apply(text, toks)
		out := slices.Clone(toks)
		sl := slots(out, nil)
		for range 200 {
			j := r.IntN(len(out) + 1)
			ins := phrases[r.IntN(len(phrases))]
			want := insertBeforeCopy(out, j, ins)
			got := insertBefore(out, j, ins, make([]tokenize.Token, 0, len(out)+8), 0)
			require.Equal(t, want, got, "%q: insertion before %d into a buffer", text, j)
			sl = updateSlots(sl, got, j, len(got)-len(out))
			out = got
			require.Equal(t, slots(out, nil), sl, "%q after an insertion before %d", text, j)
		}
	}
}
