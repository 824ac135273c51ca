package textaug

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestLazyChaCha8IsChaCha8 checks that the lazily seeded generator gives
// rand.NewChaCha8's values: drawn at once, after being re-seeded without a
// draw in between, and re-seeded in the middle of a stream (past a refill
// of the generator's buffer).
func TestLazyChaCha8IsChaCha8(t *testing.T) {
	var l lazyChaCha8
	for i, draws := range []int{0, 1, 3, 0, 0, 40, 2, 200, 0, 5} {
		var seed [32]byte
		for k := range seed {
			seed[k] = byte(i*37 + k)
		}
		l.Seed(seed)
		want := rand.NewChaCha8(seed)
		for d := range draws {
			require.Equal(t, want.Uint64(), l.Uint64(), "seed %d draw %d", i, d)
		}
	}
}

// TestSplitStreamIsSplit checks that the recycled child stream the
// composites use is Split's, and leaves the parent where Split leaves it.
func TestSplitStreamIsSplit(t *testing.T) {
	for n := range 20 {
		a := rand.New(rand.NewChaCha8([32]byte{byte(n)}))
		b := rand.New(rand.NewChaCha8([32]byte{byte(n)}))
		want := Split(a)
		got := split(b)
		for d := range n {
			require.Equal(t, want.Uint64(), got.r.Uint64(), "split %d draw %d", n, d)
		}
		got.release()
		require.Equal(t, a.Uint64(), b.Uint64(), "parent after split %d", n)
	}
}

// BenchmarkSplit is a composite's child stream: split and released
// without a draw (an edit with nothing to do, a Sometimes that does not
// run), or with one.
func BenchmarkSplit(b *testing.B) {
	for _, draws := range []int{0, 1} {
		b.Run([]string{"undrawn", "drawn"}[draws], func(b *testing.B) {
			r := rand.New(rand.NewChaCha8([32]byte{1}))
			b.ReportAllocs()
			for b.Loop() {
				c := split(r)
				for range draws {
					_ = c.r.Uint64()
				}
				c.release()
			}
		})
	}
}
