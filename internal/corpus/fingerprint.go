package corpus

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Run identifies the run that wrote an output: its recipe, seed, k, input
// and shard. An augmented output carries it in every row's provenance, so
// that the outputs of a sharded run can be proved to belong together
// before they are merged: the same recipe, seed, k and input, and every
// shard exactly once. See CheckShards.
type Run struct {
	Recipe string // a digest of the recipe (Digest of its canonical form)
	Seed   uint64
	K      int
	Input  string // a digest of the input (InputDigest)
	Shard  int    // this output's shard, from 0
	Shards int    // the number of shards; 1 for a run without shards
}

// String formats r as a provenance value, as in
// "recipe=3f2a9c1b7d4e seed=1 k=4 input=9ab0c1d2e3f4 shard=2/4". ParseRun
// reads it back.
func (r Run) String() string {
	return fmt.Sprintf("recipe=%s seed=%d k=%d input=%s shard=%d/%d", r.Recipe, r.Seed, r.K, r.Input, r.Shard, r.Shards)
}

// ParseRun reads a Run formatted by String.
func ParseRun(s string) (Run, error) {
	var r Run
	fields := strings.Fields(s)
	want := []string{"recipe", "seed", "k", "input", "shard"}
	if len(fields) != len(want) {
		return r, fmt.Errorf("corpus: run %q: want %s", s, strings.Join(want, "=… "))
	}
	vals := make([]string, len(want))
	for i, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok || k != want[i] || v == "" {
			return r, fmt.Errorf("corpus: run %q: field %d: want %s=…", s, i+1, want[i])
		}
		vals[i] = v
	}
	r.Recipe, r.Input = vals[0], vals[3]
	var err error
	if r.Seed, err = strconv.ParseUint(vals[1], 10, 64); err != nil {
		return r, fmt.Errorf("corpus: run %q: seed: %w", s, err)
	}
	if r.K, err = strconv.Atoi(vals[2]); err != nil {
		return r, fmt.Errorf("corpus: run %q: k: %w", s, err)
	}
	i, n, ok := strings.Cut(vals[4], "/")
	r.Shard, err = strconv.Atoi(i)
	if err == nil && ok {
		r.Shards, err = strconv.Atoi(n)
	}
	if err != nil || !ok || r.Shards < 1 || r.Shard < 0 || r.Shard >= r.Shards {
		return r, fmt.Errorf("corpus: run %q: shard: want i/n with 0 <= i < n", s)
	}
	return r, nil
}

// differs names the first of recipe, seed, k, input and shard count in
// which r and o differ, with the two values; "" when they are shards of one
// run.
func (r Run) differs(o Run) (what, mine, theirs string) {
	switch {
	case r.Recipe != o.Recipe:
		return "recipe", r.Recipe, o.Recipe
	case r.Seed != o.Seed:
		return "seed", strconv.FormatUint(r.Seed, 10), strconv.FormatUint(o.Seed, 10)
	case r.K != o.K:
		return "k", strconv.Itoa(r.K), strconv.Itoa(o.K)
	case r.Input != o.Input:
		return "input", r.Input, o.Input
	case r.Shards != o.Shards:
		return "shard count", strconv.Itoa(r.Shards), strconv.Itoa(o.Shards)
	}
	return "", "", ""
}

// RunField is the name of the column (CSV, TSV) or member (JSONL) that
// holds a row's Run, the last of its row: WriterOptions.Run writes it,
// MergeShards reads and removes it. In Text it is the field before the
// text.
const RunField = "run"

// CheckShards checks that runs, the Runs of the outputs named names (in
// the same order), are the shards of one run: the same recipe, seed, k,
// input and shard count, and every shard from 0 to n-1 exactly once. A
// zero Run stands for an output without rows, which cannot say which
// shard it is: the empty outputs must be as many as the shards missing
// from the others (all empty is accepted: there is nothing to put
// together). Its error names the outputs at fault: "corpus: b.jsonl: made
// with seed 2, a.jsonl with seed 1", "corpus: shard 2/4 twice: b.jsonl and
// c.jsonl", "corpus: shard 1/4 missing; have 0/4 (a.jsonl), 2/4
// (c.jsonl), 3/4 (d.jsonl)".
func CheckShards(names []string, runs []Run) error {
	if len(names) != len(runs) || len(runs) == 0 {
		return fmt.Errorf("corpus: %d outputs named, %d runs", len(names), len(runs))
	}
	first := slices.IndexFunc(runs, func(r Run) bool { return r.Shards > 0 })
	if first < 0 {
		return nil
	}
	by := make(map[int]string, len(runs))
	var empty []string
	for i, r := range runs {
		if r.Shards == 0 {
			empty = append(empty, names[i])
			continue
		}
		if what, mine, theirs := r.differs(runs[first]); what != "" {
			return fmt.Errorf("corpus: %s: made with %s %s, %s with %s %s: not shards of one run", names[i], what, mine, names[first], what, theirs)
		}
		if prev, dup := by[r.Shard]; dup {
			return fmt.Errorf("corpus: shard %d/%d twice: %s and %s", r.Shard, r.Shards, prev, names[i])
		}
		by[r.Shard] = names[i]
	}
	return checkComplete(runs[first].Shards, by, empty)
}

// checkComplete checks that the shards of by (shard to output name) and
// the empty outputs make up all n shards.
func checkComplete(n int, by map[int]string, empty []string) error {
	var missing, have []string
	for s := range n {
		if name, ok := by[s]; ok {
			have = append(have, fmt.Sprintf("%d/%d (%s)", s, n, name))
		} else {
			missing = append(missing, fmt.Sprintf("%d/%d", s, n))
		}
	}
	switch {
	case len(missing) == len(empty):
		return nil
	case len(empty) == 0:
		return fmt.Errorf("corpus: shard %s missing; have %s", strings.Join(missing, ", "), strings.Join(have, ", "))
	case len(empty) < len(missing):
		return fmt.Errorf("corpus: shard %s missing; have %s, and outputs without rows (%s) that can stand for only %d of them",
			strings.Join(missing, ", "), strings.Join(have, ", "), strings.Join(empty, ", "), len(empty))
	}
	lack := "no shard is missing"
	if len(missing) > 0 {
		lack = "only shard " + strings.Join(missing, ", ") + " missing"
	}
	return fmt.Errorf("corpus: %d outputs without rows (%s), but %s: a shard given twice, or an output of another run; have %s",
		len(empty), strings.Join(empty, ", "), lack, strings.Join(have, ", "))
}

// digestLen is how many hex digits of a SHA-256 a Run keeps: 48 bits,
// enough to tell apart the recipes and inputs a user has at hand.
const digestLen = 12

// Digest returns the start of the SHA-256 of b in hex, as a Run records
// recipes.
func Digest(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])[:digestLen]
}

// InputDigest returns the start of the SHA-256 of everything r reads, in
// hex, as a Run records its input.
func InputDigest(r io.Reader) (string, error) {
	h := sha256.New()
	if _, err := io.Copy(h, r); err != nil {
		return "", fmt.Errorf("corpus: input digest: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil))[:digestLen], nil
}
