package textaug_test

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// FuzzNewOps: on any text, typo, contraction and entity-swap keep every
// figure and every negation (KeepsFigures both ways for contraction,
// which must not add one either), and no operation panics or writes
// invalid UTF-8.
func FuzzNewOps(f *testing.F) {
	for _, s := range append(sentences, "I can't and won't, CAN'T you? it's been 3 days", "Nokia's CEO Anna Virtanen in New York on 5 March 2024 ...", "order #A0123 at 10:30 for EUR 1.234,5 mn (3.5 %)") {
		f.Add(s, uint64(1))
	}
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		if !utf8.ValidString(s) {
			return
		}
		toks := tokenize.Tokenize(s)
		(&textaug.Policy{}).Apply(s, toks)
		for _, e := range []textaug.Edit{textaug.Typo{Rate: 1}, textaug.Contraction{Rate: 1}, textaug.EntitySwap{}, textaug.NumberSwap{}} {
			out := tokenize.Join(e.Edit(rand.New(rand.NewPCG(seed, 1)), toks))
			if !utf8.ValidString(out) {
				t.Fatalf("%s: invalid UTF-8 from %q", e.Name(), s)
			}
			if _, swaps := e.(textaug.NumberSwap); swaps {
				continue
			}
			if !textaug.KeepsFigures(s, out) {
				t.Fatalf("%s: %q -> %q loses a figure or negation", e.Name(), s, out)
			}
			if _, ok := e.(textaug.Contraction); ok && !textaug.KeepsFigures(out, s) {
				t.Fatalf("contraction: %q -> %q adds a negation", s, out)
			}
		}
	})
}
