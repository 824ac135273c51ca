package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/recipe"
)

// shardSpec is the value of --shard i/n: this run augments only the rows
// that recipe.ShardOf puts in shard i of n. The zero value (and 0/1) is
// the whole input.
type shardSpec struct{ i, n int }

func (s *shardSpec) String() string {
	if s.n <= 1 {
		return "0/1"
	}
	return fmt.Sprintf("%d/%d", s.i, s.n)
}

func (s *shardSpec) Set(v string) error {
	a, b, ok := strings.Cut(v, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil {
		return fmt.Errorf("want i/n, such as 0/4, got %q", v)
	}
	if n < 1 || i < 0 || i >= n {
		return fmt.Errorf("want 0 <= i < n, got %q", v)
	}
	s.i, s.n = i, n
	return nil
}

// active reports whether the run is one shard of several.
func (s *shardSpec) active() bool { return s.n > 1 }

// owns reports whether an item belongs to this shard: a row read, by its
// text (the Sampler's record key); a row the reader rejected, by its raw
// bytes, so that it is rejected (and counted) by exactly one shard.
func (s *shardSpec) owns(it augment.Item) bool {
	if !s.active() {
		return true
	}
	key := ""
	if it.Bad != nil {
		key = string(it.Bad.Raw)
	} else {
		key = it.Rec.Text
	}
	return recipe.ShardOf(key, s.n) == s.i
}

// shardSource passes on the items of one shard. Every shard reads the
// whole input, so row and line numbers (and --provenance's source_row) are
// those of the input.
type shardSource struct {
	src     source
	spec    shardSpec
	skipped int // rows of other shards
}

func (s *shardSource) next() (augment.Item, error) {
	for {
		it, err := s.src.next()
		if err != nil || s.spec.owns(it) {
			return it, err
		}
		s.skipped++
	}
}
