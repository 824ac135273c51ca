package pipeline

import (
	"bufio"
	"context"
	"fmt"
	"reflect"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

// Beam finds DoFns on the workers by their registered types: this init is
// the SDK's requirement, not a registry of ours.
func init() {
	register.DoFn4x1[context.Context, string, func(int, string), func(string), error](&augmentFn{})
	register.DoFn2x0[[]byte, func(int, string)](&seedShardsFn{})
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeShardFn{})
	register.Emitter2[int, string]()
	register.Emitter1[string]()
	register.Iter1[string]()
	beam.RegisterType(reflect.TypeOf((*Config)(nil)).Elem())
}

// Options are a pipeline's inputs and outputs.
type Options struct {
	// Input is a file or glob, local or on any file system Beam knows
	// (gs://, s3://, ...); .gz files are read decompressed.
	Input string
	// Output is the prefix of the shard files:
	// <Output>-00000-of-00004.jsonl, ...
	Output string
	// Rejects is the file for bad rows, one JSON object per line (the
	// CLI's --rejects format); "" means <Output>-rejects.jsonl. It is
	// written only when there are bad rows.
	Rejects string
}

// Build adds the whole pipeline to s: read, augment, write. cfg must have
// been prepared (Config.Prepare) and have Shards >= 1.
func Build(s beam.Scope, cfg Config, opt Options) error {
	if cfg.Shards < 1 {
		cfg.Shards = 1
	}
	header, err := cfg.OutputHeader()
	if err != nil {
		return err
	}
	if opt.Rejects == "" {
		opt.Rejects = opt.Output + "-rejects.jsonl"
	}
	lines := textio.Read(s, opt.Input)
	rows, rejects := beam.ParDo2(s.Scope("textaug.Augment"), &augmentFn{Cfg: cfg}, lines)
	// Every shard file is written, with its header, even when no row
	// falls in it.
	seeds := beam.ParDo(s, &seedShardsFn{N: cfg.Shards}, beam.Impulse(s))
	grouped := beam.GroupByKey(s, beam.Flatten(s, seeds, rows))
	beam.ParDo0(s.Scope("textaug.WriteShards"), &writeShardFn{Prefix: opt.Output, Suffix: cfg.Ext(), N: cfg.Shards, Header: header}, grouped)
	textio.Write(s, opt.Rejects, rejects)
	return nil
}

// ShardName is the name of shard i of n.
func ShardName(prefix string, i, n int, ext string) string {
	return fmt.Sprintf("%s-%05d-of-%05d%s", prefix, i, n, ext)
}

// seedShardsFn emits an empty block for every shard, so that each file is
// written.
type seedShardsFn struct {
	N int `json:"n"`
}

func (f *seedShardsFn) ProcessElement(_ []byte, emit func(int, string)) {
	for i := 0; i < f.N; i++ {
		emit(i, "")
	}
}

// writeShardFn writes one shard: the header, then every block of rows,
// to a temporary name renamed when complete. textio.Write writes one file
// through one worker and knows no header; this is its sharded
// counterpart.
type writeShardFn struct {
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	N      int    `json:"n"`
	Header string `json:"header"`
}

func (w *writeShardFn) ProcessElement(ctx context.Context, shard int, blocks func(*string) bool) error {
	name := ShardName(w.Prefix, shard, w.N, w.Suffix)
	tmp := name + ".tmp"
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	fd, err := fs.OpenWrite(ctx, tmp)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(fd, 1<<20)
	if _, err := bw.WriteString(w.Header); err != nil {
		fd.Close()
		return err
	}
	var b string
	for blocks(&b) {
		if _, err := bw.WriteString(b); err != nil {
			fd.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		fd.Close()
		return err
	}
	if err := fd.Close(); err != nil {
		return err
	}
	return filesystem.Rename(ctx, fs, tmp, name)
}
