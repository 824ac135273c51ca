package eval

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
)

// lrsKey returns the lrs-v1 key of a row: the SHA-256 digest of the UTF-8
// bytes of strconv.Itoa(seed) + ":" + text. The spec compares the digests
// as lowercase hex strings; comparing the raw bytes gives the same order,
// because hex encoding keeps byte order ('0' < … < '9' < 'a' < … < 'f').
func lrsKey(seed int, text string) [sha256.Size]byte {
	h := sha256.New()
	h.Write([]byte(strconv.Itoa(seed)))
	h.Write([]byte{':'})
	h.Write([]byte(text))
	var k [sha256.Size]byte
	h.Sum(k[:0])
	return k
}

// lrsGroups groups the row indices by label and orders each group in lrs-v1
// order: by key ascending, then by index. It returns the labels in ascending
// string order and, for each, its ordered indices.
func lrsGroups(texts, labels []string, seed int) ([]string, [][]int) {
	if len(texts) != len(labels) {
		panic(fmt.Sprintf("eval: lrs: %d texts but %d labels", len(texts), len(labels)))
	}
	keys := make([][sha256.Size]byte, len(texts))
	for i, t := range texts {
		keys[i] = lrsKey(seed, t)
	}
	byLabel := make(map[string][]int)
	for i, l := range labels {
		byLabel[l] = append(byLabel[l], i)
	}
	names := slices.Sorted(maps.Keys(byLabel))
	groups := make([][]int, len(names))
	for g, l := range names {
		idx := byLabel[l]
		slices.SortFunc(idx, func(a, b int) int {
			if c := bytes.Compare(keys[a][:], keys[b][:]); c != 0 {
				return c
			}
			return a - b
		})
		groups[g] = idx
	}
	return names, groups
}

// keep returns, in ascending order, the first quota[g] indices of every
// group g.
func keep(groups [][]int, quota []int) []int {
	var out []int
	for g, idx := range groups {
		q := min(max(quota[g], 0), len(idx))
		out = append(out, idx[:q]...)
	}
	slices.Sort(out)
	return out
}

// LRS returns the indices, in ascending order, of the rows that the
// low-resource sampler lrs-v1 keeps with perClass rows per label and the
// given seed: within each label, rows are ordered by the lowercase hex
// SHA-256 of strconv.Itoa(seed) + ":" + text (ties: smaller index first) and
// the first perClass are kept (all of them if the label has fewer).
//
// texts[i] and labels[i] describe row i; texts are hashed exactly as given,
// with no trimming or normalisation. lrs-v1 defines seeds as non-negative
// integers; a negative seed works the same way (its key starts with "-")
// but is outside the spec. perClass <= 0 keeps nothing. For a fixed seed
// the subsets are nested: every row kept for perClass is kept for any larger
// perClass. The returned slice is newly allocated and owned by the caller;
// it is empty (nil) when nothing is kept.
//
// LRS panics if len(texts) != len(labels), a programming error.
func LRS(texts, labels []string, perClass int, seed int) []int {
	_, groups := lrsGroups(texts, labels, seed)
	quota := make([]int, len(groups))
	for g := range quota {
		quota[g] = perClass
	}
	return keep(groups, quota)
}

// LRSFraction is [LRS] with a per-label size proportional to the label's
// size: it keeps the first ⌈f·n_label⌉ rows of every label in lrs-v1 order,
// where n_label is the number of rows with that label.
//
// The ceiling is exact for the decimal that f stands for: f is read as the
// shortest decimal that converts back to it (strconv.FormatFloat(f, 'g',
// -1, 64)), so f = 0.1 and n_label = 30 keep 3 rows, not 4 as a
// floating-point product (3.0000000000000004) would. f <= 0 or NaN keeps
// nothing; f >= 1 keeps every row. It panics if len(texts) != len(labels).
func LRSFraction(texts, labels []string, f float64, seed int) []int {
	_, groups := lrsGroups(texts, labels, seed)
	quota := make([]int, len(groups))
	for g, idx := range groups {
		quota[g] = ceilFraction(f, len(idx))
	}
	return keep(groups, quota)
}

// ceilFraction returns ⌈f·n⌉ computed exactly for the shortest decimal
// representation of f, clamped to [0, n].
func ceilFraction(f float64, n int) int {
	switch {
	case math.IsNaN(f) || f <= 0:
		return 0
	case f >= 1:
		return n
	}
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(f, 'g', -1, 64))
	if !ok { // cannot happen for a finite float
		return int(math.Ceil(f * float64(n)))
	}
	r.Mul(r, new(big.Rat).SetInt64(int64(n)))
	q, m := new(big.Int).QuoRem(r.Num(), r.Denom(), new(big.Int))
	c := q.Int64()
	if m.Sign() > 0 {
		c++
	}
	return min(int(c), n)
}

// LRSTotal is [LRS] with a total budget: it keeps n rows in all, stratified
// by label, each label's quota taken as its first rows in lrs-v1 order.
//
// Quotas are proportional to the label sizes and rounded by the largest
// remainder method (Hamilton): label l with n_l of the N rows first gets
// ⌊n·n_l/N⌋ and the rows left over go, one each, to the labels with the
// largest remainders n·n_l mod N, ties going to the label that sorts first.
// When n is at least the number of labels every label gets at least one row:
// a label whose exact share n·n_l/N is below 1 is given exactly 1, and the
// rest of the budget is shared out among the other labels in the same way,
// repeatedly, until every remaining exact share is at least 1. No quota ever
// exceeds its label's size.
//
// n >= len(texts) keeps every row; n <= 0 keeps nothing. It panics if
// len(texts) != len(labels).
func LRSTotal(texts, labels []string, n int, seed int) []int {
	_, groups := lrsGroups(texts, labels, seed)
	sizes := make([]int, len(groups))
	for g, idx := range groups {
		sizes[g] = len(idx)
	}
	return keep(groups, totalQuotas(sizes, n))
}

// totalQuotas shares n among groups of the given sizes (all > 0, in label
// order) as documented on LRSTotal.
func totalQuotas(sizes []int, n int) []int {
	quota := make([]int, len(sizes))
	total := 0
	for _, s := range sizes {
		total += s
	}
	switch {
	case n <= 0:
		return quota
	case n >= total:
		copy(quota, sizes)
		return quota
	}
	fixed := make([]bool, len(sizes))
	if n >= len(sizes) {
		// Fix every label whose exact share is below 1 to one row, until the
		// shares of the others, recomputed on what is left, are all >= 1.
		for changed := true; changed; {
			changed = false
			seats, weight := n, total
			for g, s := range sizes {
				if fixed[g] {
					seats--
					weight -= s
				}
			}
			for g, s := range sizes {
				if !fixed[g] && seats*s < weight {
					fixed[g] = true
					changed = true
				}
			}
		}
	}
	seats, weight := n, total
	for g, s := range sizes {
		if fixed[g] {
			quota[g] = 1
			seats--
			weight -= s
		}
	}
	// Hamilton among the labels not fixed: floors, then the largest
	// remainders (all over the same denominator, compared as integers).
	var free []int
	rem := make([]int, len(sizes))
	left := seats
	for g, s := range sizes {
		if fixed[g] {
			continue
		}
		free = append(free, g)
		quota[g] = seats * s / weight
		rem[g] = seats * s % weight
		left -= quota[g]
	}
	slices.SortStableFunc(free, func(a, b int) int { return rem[b] - rem[a] })
	for _, g := range free[:left] {
		quota[g]++
	}
	return quota
}
