package textaug

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"
	"unsafe"

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

// The stem memo gives stemWord's stem for every word, from many
// goroutines at once, whatever it evicted, and keeps no hold on the text
// the word was cut from.
func TestStemMemoIsStemWord(t *testing.T) {
	words := strings.Fields("arrived arrives arriving arrival card cards carded transfer transferred " +
		"transferring top-up topped refunds refunded declined declining exchange exchanged rates rated " +
		"happy happiness skies dying news early only gently 'tis")
	for i := range 20_000 { // more words than slots: collisions evict
		words = append(words, fmt.Sprintf("word%dings", i))
	}
	var m stemMemo
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range words {
				w := words[(i*7+g*13)%len(words)]
				assert.Equal(t, stemWord(w), m.stem(w), w)
			}
		}()
	}
	wg.Wait()
	row := "cards arrived" // a word cut from a row is stored as a copy
	w := row[:5]
	m.stem(w)
	e := m.slots[maphash.String(stemSeed, w)&(stemSlots-1)].Load()
	assert.Equal(t, "cards", e.word)
	assert.NotSame(t, unsafe.StringData(row), unsafe.StringData(e.word))
}
