package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
)

const mergeHelp = `Usage: textaug merge [flags] SHARD-OUTPUT...

Puts the outputs of 'textaug augment --shard i/n --provenance' back
together in the order of a single run: the result is byte for byte the
output of the same command without --shard. Give all n outputs, in any
order. Rows are ordered by their source_row column (the input row number,
which every shard knows, since every shard reads the whole input); the
bytes of each row are copied unchanged.

Each row of a shard output carries its run in a last column "run" (recipe
digest, seed, k, input digest, shard i/n). Before writing anything, merge
checks that the outputs are the shards of one run, each exactly once, and
exits 1 naming the file at fault when a shard is missing or given twice,
or when an output comes from another recipe, seed, k, input or split; it
then removes the run column. An output without rows cannot say which
shard it is: it is accepted for a missing shard only when the outputs
without rows are exactly as many as the shards missing. Outputs without a
run column (from an older textaug) are refused: re-run those shards. A
single output without one is a whole run (--shard 0/1, or no --shard) and
is copied as it is.

Without --provenance the shard outputs hold the same rows as a single run,
but nothing tells where each row stood: compare them as sets of rows
(sort), or re-run the shards with --provenance.

Examples:
  for i in 0 1 2; do textaug augment --seed 7 --provenance --shard $i/3 -o part$i.csv train.csv & done; wait
  textaug merge -o train.aug.csv part0.csv part1.csv part2.csv

Flags:
`

func mergeCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("merge", flag.ContinueOnError)
	output := fs.String("o", "-", "output file (.gz compresses); written to a temporary name and renamed on success; - for stdout")
	format := fs.String("format", "", "format of the shard outputs: csv, tsv, jsonl or text (default: by the first one's extension; text for others)")
	text := fs.String("text", "", "column or field with the text, as given to augment (default: the first of "+strings.Join(corpus.DefaultTextFields, ", ")+")")
	pos, code, ok := parseCommand(fs, mergeHelp, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		return usageError(stderr, "merge", errors.New("give the shard outputs to merge"))
	}
	f, err := inputFormat(*format, pos[0])
	if err != nil {
		return usageError(stderr, "merge", err)
	}
	if err := sameFiles(pos, []namedPath{{"-o", *output}}); err != nil {
		return usageError(stderr, "merge", err)
	}
	rep, err := mergeShards(ctx, corpus.MergeOptions{Format: f, TextField: *text, RowField: augment.ProvenanceColumns()[0]}, pos, *output, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "textaug merge: %v\n", err)
		return exitFail
	}
	printMerge(stderr, rep, len(pos))
	return exitOK
}

// printMerge prints the closing line of a merge: what was checked.
func printMerge(stderr io.Writer, rep corpus.MergeReport, outputs int) {
	switch {
	case rep.Unchecked:
		fmt.Fprintf(stderr, "textaug merge: %d rows from 1 output without a run fingerprint, copied as a whole run (written without --shard, or with --shard 0/1)\n", rep.Rows)
	case rep.Run.Shards == 0:
		fmt.Fprintf(stderr, "textaug merge: %d outputs without rows: nothing to check, nothing to merge\n", outputs)
	default:
		r := rep.Run
		fmt.Fprintf(stderr, "textaug merge: %d rows from the %d shards of run recipe=%s seed=%d k=%d input=%s", rep.Rows, r.Shards, r.Recipe, r.Seed, r.K, r.Input)
		if len(rep.Empty) > 0 {
			fmt.Fprintf(stderr, " (%d without rows: %s)", len(rep.Empty), strings.Join(rep.Empty, ", "))
		}
		fmt.Fprintln(stderr)
	}
}

// mergeShards merges the shard outputs paths into output.
func mergeShards(ctx context.Context, opts corpus.MergeOptions, paths []string, output string, stdout io.Writer) (corpus.MergeReport, error) {
	out, err := corpus.CreateOutput(output, stdout)
	if err != nil {
		return corpus.MergeReport{}, err
	}
	defer out.Abort()
	rep, err := corpus.MergeShards(ctx, opts, paths, out)
	if err != nil {
		return rep, err
	}
	return rep, out.Commit()
}
