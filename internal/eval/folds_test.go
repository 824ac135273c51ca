package eval_test

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

func TestFolds(t *testing.T) {
	labels := make([]string, 0, 103)
	for i := range 103 {
		labels = append(labels, []string{"a", "b", "b", "c", "c", "c"}[i%6])
	}
	tests := []struct {
		name   string
		labels []string
		k      int
	}{
		{"k=5", labels, 5},
		{"k=2", labels, 2},
		{"k=1", labels, 1},
		{"more folds than rows", labels[:3], 5},
		{"no rows", nil, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			folds := eval.Folds(tt.labels, tt.k, 7)
			require.Len(t, folds, tt.k)
			var all []int
			for _, f := range folds {
				assert.True(t, slices.IsSorted(f), "fold ascending")
				all = append(all, f...)
			}
			slices.Sort(all)
			want := make([]int, len(tt.labels))
			for i := range want {
				want[i] = i
			}
			if len(want) == 0 {
				want = nil
			}
			assert.Equal(t, want, all, "every index exactly once")
			// Balanced: fold sizes, and each label's count, differ by at
			// most one across folds.
			for _, l := range []string{"", "a", "b", "c"} {
				lo, hi := len(tt.labels), 0
				for _, f := range folds {
					n := 0
					for _, i := range f {
						if l == "" || tt.labels[i] == l {
							n++
						}
					}
					lo, hi = min(lo, n), max(hi, n)
				}
				assert.LessOrEqual(t, hi-lo, 1, "label %q spread", l)
			}
			assert.Equal(t, folds, eval.Folds(tt.labels, tt.k, 7), "deterministic")
		})
	}
}

func TestFoldsSeed(t *testing.T) {
	labels := make([]string, 60)
	for i := range labels {
		labels[i] = string(rune('a' + i%3))
	}
	assert.NotEqual(t, eval.Folds(labels, 5, 0), eval.Folds(labels, 5, 1), "seeds give different folds")
	assert.Nil(t, eval.Folds(labels, 0, 0))
	assert.Nil(t, eval.Folds(labels, -1, 0))
}
