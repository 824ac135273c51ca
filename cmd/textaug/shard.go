package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/textaug/textaug/internal/augment"
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

// shardInput is augment's input, with the run of a sharded --provenance
// run, which every output row carries (corpus.WriterOptions.Run), so that
// 'textaug merge' can prove the shard outputs belong together.
type shardInput struct {
	*corpus.Input
	run   corpus.Run // zero unless --shard i/n with n > 1 and --provenance
	spool func()     // removes stdin's spooled copy
}

// openShardInput opens plan's input; for a sharded --provenance run it
// first makes the run: the recipe's digest, seed, k, the digest of the
// input (see inputDigest) and the shard.
func openShardInput(plan *augmentPlan, iof *ioFlags, stdin io.Reader) (*shardInput, error) {
	si := &shardInput{spool: func() {}}
	if iof.provenance && iof.shard.active() {
		canon, err := plan.rec.Canonical()
		if err != nil {
			return nil, err
		}
		si.run = corpus.Run{Recipe: corpus.Digest(canon), Seed: iof.seed, K: plan.rec.K, Shard: iof.shard.i, Shards: iof.shard.n}
		if si.run.Input, stdin, si.spool, err = inputDigest(plan.input, stdin); err != nil {
			si.spool()
			return nil, err
		}
	}
	in, err := corpus.OpenInput(plan.input, stdin, plan.enc)
	if err != nil {
		si.spool()
		return nil, err
	}
	si.Input = in
	return si, nil
}

// Close closes the input and removes stdin's spooled copy.
func (si *shardInput) Close() error {
	err := si.Input.Close()
	si.spool()
	return err
}

// inputDigest returns the digest of the input's bytes as read, before
// decompression and decoding, and the stdin to read the rows from
// afterwards, with the function that removes what it spooled. A file is
// hashed before its rows are read (every shard reads all of it anyway);
// stdin is hashed where it can be read again (a spooled copy, a
// redirected file), else spooled to a temporary file first.
func inputDigest(path string, stdin io.Reader) (digest string, rest io.Reader, remove func(), err error) {
	remove = func() {}
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return "", nil, remove, err
		}
		defer f.Close()
		digest, err = corpus.InputDigest(f)
		return digest, stdin, remove, err
	}
	rs, pos, ok := rewindable(stdin)
	if !ok {
		spooled, rm, err := augment.Spool(stdin)
		if err != nil {
			return "", nil, remove, err
		}
		f, err := os.Open(spooled)
		if err != nil {
			rm()
			return "", nil, remove, err
		}
		rs, remove = f, func() { f.Close(); rm() }
	}
	if digest, err = corpus.InputDigest(rs); err == nil {
		_, err = rs.Seek(pos, io.SeekStart)
	}
	return digest, rs, remove, err
}

// rewindable returns r as a ReadSeeker and its position when it can be
// read again from there: not a pipe or a terminal.
func rewindable(r io.Reader) (io.ReadSeeker, int64, bool) {
	rs, ok := r.(io.ReadSeeker)
	if !ok {
		return nil, 0, false
	}
	if f, isFile := r.(*os.File); isFile {
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			return nil, 0, false
		}
	}
	pos, err := rs.Seek(0, io.SeekCurrent)
	return rs, pos, err == nil
}
