package augment

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/textaug"
)

func TestLabelTally(t *testing.T) {
	var tally LabelTally
	results := []struct {
		label string
		res   textaug.Result
	}{
		{"b", textaug.Result{Variants: make([]textaug.Variant, 2)}},
		{"a", textaug.Result{Variants: make([]textaug.Variant, 1), Shortfall: 2, Reason: "only 1 distinct variants in 22 attempts"}},
		{"a", textaug.Result{Shortfall: 3, Reason: "no editable word"}},
		{"b", textaug.Result{Variants: make([]textaug.Variant, 3)}},
	}
	var wg sync.WaitGroup
	for _, r := range results {
		wg.Go(func() { tally.Add(r.label, r.res) })
	}
	wg.Wait()
	assert.Equal(t, []LabelCount{
		{Label: "a", In: 2, Variants: 1, Short: 2, Missing: 5, Reason: "no editable word"},
		{Label: "b", In: 2, Variants: 5},
	}, tally.Counts())
}
