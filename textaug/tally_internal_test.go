package textaug

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A tally counts as a map does: the same counts, the same number of
// distinct keys, add true exactly for a key not seen before.
func TestTallyCountsAsAMap(t *testing.T) {
	var zero tally[string]
	assert.Equal(t, 0, zero.len())
	assert.Empty(t, zero.counts())
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 50 {
		var got tally[string]
		want := map[string]int32{}
		for range r.IntN(20) {
			k := string(rune('a' + r.IntN(5)))
			assert.Equal(t, want[k] == 0, got.add(k), "round %d: add(%q)", round, k)
			want[k]++
			assert.Equal(t, len(want), got.len())
		}
		assert.Equal(t, want, got.counts(), "round %d", round)
		n := 0
		for range got.all {
			n++
			break // all stops when asked to
		}
		assert.Equal(t, min(1, len(want)), n)
	}
}
