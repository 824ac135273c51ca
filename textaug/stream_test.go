package textaug_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/textaug"
)

// Stream is RecordSeed's stream: the digest of (seed, key) once, then one
// derived seed per attempt; streams of different seeds, keys and attempts
// differ.
func TestStreamDerivesAttemptsFromOneDigest(t *testing.T) {
	first := map[uint64]string{}
	for _, seed := range []uint64{0, 1, 2} {
		for _, key := range []string{"", "a", "b", "I lost my card"} {
			rs := textaug.NewRecordSeed(seed, key)
			for a := range 50 {
				want := textaug.Stream(seed, key, a).Uint64()
				assert.Equal(t, want, rs.Stream(a).Uint64(), "seed %d key %q attempt %d", seed, key, a)
				id := fmt.Sprintf("seed %d key %q attempt %d", seed, key, a)
				if prev, ok := first[want]; ok {
					t.Errorf("%s and %s start with the same number", prev, id)
				}
				first[want] = id
			}
		}
	}
}
