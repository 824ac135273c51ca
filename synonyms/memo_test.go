package synonyms_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/synonyms"
)

// countingSource counts its lookups.
type countingSource struct {
	mu sync.Mutex
	n  int
}

func (c *countingSource) Synonyms(word, tag string) []string {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return []string{word + "-" + tag}
}

func TestMemo(t *testing.T) {
	inner := &countingSource{}
	m := synonyms.NewMemo(inner, 64)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 100; i++ {
				assert.Equal(t, []string{"card-NN"}, m.Synonyms("card", "NN"))
				assert.Equal(t, []string{"card-VB"}, m.Synonyms("card", "VB"))
			}
		}()
	}
	wg.Wait()
	assert.LessOrEqual(t, inner.n, 8, "each key computed about once")
	// Bounded: many distinct keys are still answered right.
	for i := 0; i < 1000; i++ {
		w := fmt.Sprint("w", i)
		assert.Equal(t, []string{w + "-NN"}, m.Synonyms(w, "NN"))
	}
	assert.False(t, m.Owns("card", "NN"))
}
