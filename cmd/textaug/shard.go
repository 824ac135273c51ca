package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/textaug/textaug/internal/corpus"
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

// owns reports whether a row belongs to this shard: a row read, by its
// text (the Sampler's record key); a row the reader rejected, by its raw
// bytes, so that it is rejected (and counted) by exactly one shard.
func (s *shardSpec) owns(r *row, err error) bool {
	if !s.active() {
		return true
	}
	key := ""
	var re *corpus.RowError
	switch {
	case err == nil:
		key = r.text
	case errors.As(err, &re):
		key = string(re.Raw)
	}
	return recipe.ShardOf(key, s.n) == s.i
}

// shardSource passes on the rows of one shard; fatal errors (a read error)
// pass whatever shard they would belong to. Every shard reads the whole
// input, so row and line numbers (and --provenance's source_row) are those
// of the input.
type shardSource struct {
	src     rowSource
	spec    shardSpec
	skipped int // rows of other shards
}

func (s *shardSource) next() (*row, error) {
	for {
		r, err := s.src.next()
		var re *corpus.RowError
		if err != nil && !errors.As(err, &re) {
			return r, err // io.EOF or fatal
		}
		if s.spec.owns(r, err) {
			return r, err
		}
		s.skipped++
	}
}
