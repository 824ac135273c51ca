package eval

import (
	"bytes"
	"crypto/sha256"
	"slices"
	"strconv"
)

// Folds splits the row indices 0..len(labels)-1 into k stratified folds,
// deterministically from seed.
//
// Labels are taken in ascending string order; within a label, indices are
// ordered by the SHA-256 of strconv.Itoa(seed) + ":" + strconv.Itoa(index)
// (ties, which do not occur in practice, by index) and dealt round-robin to
// the folds. The dealing goes on from label to label rather than restarting
// at fold 0, so fold sizes differ by at most one, and so do the counts of
// each label in different folds.
//
// It returns k newly allocated slices, each in ascending order; together they
// hold every index exactly once. A fold is empty when k exceeds the number
// of rows. k <= 0 returns nil.
func Folds(labels []string, k int, seed int) [][]int {
	if k <= 0 {
		return nil
	}
	prefix := strconv.Itoa(seed) + ":"
	keys := make([][sha256.Size]byte, len(labels))
	for i := range labels {
		keys[i] = sha256.Sum256([]byte(prefix + strconv.Itoa(i)))
	}
	byLabel := make(map[string][]int)
	for i, l := range labels {
		byLabel[l] = append(byLabel[l], i)
	}
	names := make([]string, 0, len(byLabel))
	for l := range byLabel {
		names = append(names, l)
	}
	slices.Sort(names)
	folds := make([][]int, k)
	next := 0
	for _, l := range names {
		idx := byLabel[l]
		slices.SortFunc(idx, func(a, b int) int {
			if c := bytes.Compare(keys[a][:], keys[b][:]); c != 0 {
				return c
			}
			return a - b
		})
		for _, i := range idx {
			folds[next] = append(folds[next], i)
			next = (next + 1) % k
		}
	}
	for _, f := range folds {
		slices.Sort(f)
	}
	return folds
}
