package augment

import (
	"cmp"
	"slices"
	"sync"

	"github.com/textaug/textaug/textaug"
)

// LabelTally counts a run's rows and variants by label, for the per-label
// summary of a balanced or filtered run. Safe for concurrent use.
type LabelTally struct {
	mu sync.Mutex
	m  map[string]*LabelCount
}

// LabelCount is one label's line of the summary.
type LabelCount struct {
	Label    string
	In       int // input rows
	Variants int // variants written
	Short    int // rows with a shortfall
	Missing  int // variants those rows lack
	// Reason is one shortfall reason, as the Sampler gave it ("only 3
	// distinct variants in 22 attempts"): the first in sort order, so that
	// it does not depend on which worker finished first.
	Reason string
}

// Add counts one row of label and what the Sampler made of it.
func (t *LabelTally) Add(label string, res textaug.Result) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.m == nil {
		t.m = map[string]*LabelCount{}
	}
	c := t.m[label]
	if c == nil {
		c = &LabelCount{Label: label}
		t.m[label] = c
	}
	c.In++
	c.Variants += len(res.Variants)
	if res.Shortfall > 0 {
		c.Short++
		c.Missing += res.Shortfall
		if c.Reason == "" || res.Reason < c.Reason {
			c.Reason = res.Reason
		}
	}
}

// Counts returns the counts sorted by label.
func (t *LabelTally) Counts() []LabelCount {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]LabelCount, 0, len(t.m))
	for _, c := range t.m {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b LabelCount) int { return cmp.Compare(a.Label, b.Label) })
	return out
}
