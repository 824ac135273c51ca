// Command textaug-beam runs textaug augment as an Apache Beam pipeline:
// the same recipe, seed and Sampler as the CLI, so the same variants, on
// any Beam runner.
//
// Locally, on Prism (in-process, the default; nothing to install):
//
//	textaug-beam --input train.jsonl --output out/train.aug --preset intent --k 4 --seed 1
//
// writes out/train.aug-00000-of-00004.jsonl ... and prints the counts.
// On a cluster, through the runner's job server or service (see
// docs/scaling.md; not tested here):
//
//	textaug-beam --runner flink --endpoint localhost:8099 --environment_type LOOPBACK ...
//	textaug-beam --runner spark --endpoint localhost:8099 ...
//	textaug-beam --runner dataflow --project P --region R --staging_location gs://B/stage \
//	    --input 'gs://B/corpus/*.jsonl' --output gs://B/out/train.aug ...
//
// Flags beyond these (--runner, --endpoint, --job_name, --environment_type,
// --environment_config, --parallelism, Dataflow's --project, --region,
// --worker_machine_type, ...) are the Beam Go SDK's own.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/textaug/textaug/beam/pipeline"
	"github.com/textaug/textaug/internal/recipe"
)

var (
	input      = flag.String("input", "", "input file or glob (local, gs://, s3://; .gz read decompressed): CSV, TSV, JSONL or text, one row per line")
	output     = flag.String("output", "", "output prefix: shards are PREFIX-00000-of-0000N.EXT")
	rejects    = flag.String("rejects", "", "file for bad rows, one JSON object each (default: PREFIX-rejects.jsonl; written only when there are some)")
	numShards  = flag.Int("num_shards", 4, "output files; shard i holds the rows of the records that 'textaug augment --shard i/N' augments")
	format     = flag.String("format", "", "input format: csv, tsv, jsonl or text (default: by extension)")
	textField  = flag.String("text", "", "column or field with the text (default: as the CLI)")
	labelField = flag.String("label", "", "column or field with the label (default: as the CLI)")
	seed       = flag.Uint64("seed", 1, "random seed: the same seed gives the same variants as the CLI")
	noOriginal = flag.Bool("no-original", false, "write only the variants")
	preset     = flag.String("preset", "", "named recipe: "+recipe.PresetNames()+" (default "+recipe.DefaultPreset+", as the CLI's)")
	recipeFile = flag.String("recipe", "", "recipe file (JSON or YAML; 'textaug presets NAME > r.json' prints one to edit); its paths must be readable on the workers")
	btBatch    = flag.Int("bt-batch", 256, "rows translated together, per DoFn instance and at each bundle's end")
	// The recipe fields this command offers, declared from the CLI's
	// table: the same names, help and defaults. The translator's limits
	// hold per worker process, its cache is on each worker's local disk.
	fields = recipe.NewFlags(flag.CommandLine, "k", "max-tries", "backtranslate", "bt-url", "bt-cache", "pivots", "bt-concurrency", "bt-rate")
)

func main() {
	flag.Parse()
	// On a worker, Init runs the worker and never returns.
	beam.Init()
	if err := run(context.Background()); err != nil {
		fmt.Fprintf(os.Stderr, "textaug-beam: %v\n", err)
		os.Exit(exitCode(err))
	}
}

// exitCode is the exit code of a failed run: 2 for a usage error (a bad
// flag, a recipe field that cannot act), found before the pipeline runs,
// as the CLI's; 1 otherwise.
func exitCode(err error) int {
	if errors.As(err, new(recipe.UsageError)) {
		return 2
	}
	return 1
}

func run(ctx context.Context) error {
	if *input == "" || *output == "" {
		return recipe.Usagef("--input and --output are required; run with --help for the flags")
	}
	r, err := resolveRecipe()
	if err != nil {
		return err
	}
	cfg := pipeline.Config{Recipe: r, Seed: *seed, NoOriginal: *noOriginal, Shards: *numShards, BTBatch: *btBatch}
	if err := cfg.Prepare(ctx, *input, *format, *textField, *labelField); err != nil {
		return err
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(s, cfg, pipeline.Options{Input: *input, Output: *output, Rejects: *rejects}); err != nil {
		return err
	}
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		return err
	}
	if res != nil {
		printCounts(res)
	}
	return nil
}

// resolveRecipe is the CLI's resolution for the flags this command has:
// the preset or recipe file, then the flags that were set, then the CLI's
// check: a flag or a field of the recipe file that cannot act (no
// operation reads it, a file that is not there, an unknown domain pack) is
// a usage error before the pipeline runs.
func resolveRecipe() (recipe.Recipe, error) {
	r, err := fields.Resolve(*preset, *recipeFile)
	if err != nil {
		return r, err
	}
	return r, fields.Check(r)
}

// printCounts prints the textaug counters, as the CLI's closing line.
func printCounts(res beam.PipelineResult) {
	m := map[string]int64{}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Key.Namespace == "textaug" {
			m[c.Key.Name] += c.Result()
		}
	}
	fmt.Fprintf(os.Stderr, "textaug-beam: %d rows in, %d written, %d variants out, %d shortfalls (%d variants missing), %d rejected\n",
		m["rows"], m["written"], m["variants"], m["shortfalls"], m["variants_missing"], m["rejected"])
	if m["no_backtranslation"] > 0 {
		fmt.Fprintf(os.Stderr, "textaug-beam: %d rows got no back-translated variant (a re-run completes them from the cache)\n", m["no_backtranslation"])
	}
}
