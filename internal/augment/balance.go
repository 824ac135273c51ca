package augment

import (
	"encoding/binary"
	"hash/fnv"
	"slices"
	"sort"
)

// Balance sets each row's number of variants so that every label reaches
// the same number of rows (class balancing). The variants a label needs
// are spread over its rows: each gets ⌊need/rows⌋, and the remainder goes,
// one more each, to the rows whose RowHash is smallest, so the plan
// depends on the rows and the seed, never on their order. Rows of equal
// text get equal counts (their hashes tie).
//
// The zero Balance fills every label up to the largest label's count,
// without a cap.
type Balance struct {
	// Target is the number of rows wanted per label, originals included;
	// 0 means the largest label's count. A label with more rows gets no
	// variants: nothing is dropped.
	Target int
	// MaxK caps the variants of one row; 0 means no cap. A label that
	// cannot reach Target under the cap is reported short.
	MaxK int
}

// RowHash is the hash that orders a label's rows for Balance and the
// consistency filter's folds: FNV-1a of the seed and the row's key (its
// text).
func RowHash(seed uint64, key string) uint64 {
	h := fnv.New64a()
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], seed)
	h.Write(b[:])
	h.Write([]byte(key))
	return h.Sum64()
}

// BalanceInput collects, during the corpus pass, the RowHash of every row
// by label: eight bytes a row, not the rows.
type BalanceInput struct {
	Seed   uint64
	hashes map[string][]uint64
}

// Add records one row.
func (in *BalanceInput) Add(key, label string) {
	if in.hashes == nil {
		in.hashes = map[string][]uint64{}
	}
	in.hashes[label] = append(in.hashes[label], RowHash(in.Seed, key))
}

// LabelPlan is the plan of one label.
type LabelPlan struct {
	Label    string
	Rows     int  // input rows
	Target   int  // rows wanted, originals included
	Variants int  // variants planned (the sum of the rows' k)
	Capped   bool // MaxK kept the plan below Target
	base     int
	cut      uint64 // rows with a hash <= cut get base+1; used when extra
	extra    bool
}

// BalancePlan gives each row its k. It is read-only once made and safe for
// concurrent use.
type BalancePlan struct {
	Seed   uint64
	Labels []LabelPlan // sorted by label
	index  map[string]int
}

// Plan makes the plan of the rows collected in in.
func (b Balance) Plan(in *BalanceInput) BalancePlan {
	target := b.Target
	if target <= 0 {
		for _, h := range in.hashes {
			target = max(target, len(h))
		}
	}
	p := BalancePlan{Seed: in.Seed, index: map[string]int{}}
	labels := make([]string, 0, len(in.hashes))
	for l := range in.hashes {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	for _, l := range labels {
		p.index[l] = len(p.Labels)
		p.Labels = append(p.Labels, b.planLabel(l, target, in.hashes[l]))
	}
	return p
}

func (b Balance) planLabel(label string, target int, hashes []uint64) LabelPlan {
	n := len(hashes)
	lp := LabelPlan{Label: label, Rows: n, Target: target}
	need := max(target-n, 0)
	rest := need % n
	lp.base = need / n
	if b.MaxK > 0 && (lp.base > b.MaxK || lp.base == b.MaxK && rest > 0) {
		lp.base, rest, lp.Capped = b.MaxK, 0, true
	}
	lp.Variants = lp.base * n
	if rest > 0 {
		sorted := slices.Clone(hashes)
		slices.Sort(sorted)
		lp.cut, lp.extra = sorted[rest-1], true
		// Rows tied with the cut get one more too.
		lp.Variants += sort.Search(n, func(i int) bool { return sorted[i] > lp.cut })
	}
	return lp
}

// K returns the number of variants of the row with key and label; 0 for a
// label the plan does not know.
func (p *BalancePlan) K(key, label string) int {
	i, ok := p.index[label]
	if !ok {
		return 0
	}
	lp := &p.Labels[i]
	if lp.extra && RowHash(p.Seed, key) <= lp.cut {
		return lp.base + 1
	}
	return lp.base
}
