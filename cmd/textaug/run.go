package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"syscall"

	"github.com/textaug/textaug/internal/recipe"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `textaug makes label-preserving variants of sentences.

Usage:
  textaug augment [flags] [FILE|-]   each row of a CSV, TSV, JSONL or text corpus and its variants
  textaug explain [flags] "text"     tokens, protection, candidates and variants of one sentence
  textaug eval --train F --test F     whether augmentation helps a classifier on your data, and keeps labels
  textaug merge [flags] FILE...      the outputs of augment --shard --provenance, in single-run order
  textaug presets [NAME]             the named recipes and their settings
  textaug cache stats|clear          the back-translation cache
  textaug version                    versions of textaug, Go and the embedded data
  textaug help                       this text

Run 'textaug augment --help' for the flags. Examples:
  textaug augment -k 4 --seed 1 testdata/sentences.txt
  textaug augment --preset intent -o train.aug.csv testdata/examples/banking.csv
  echo "I lost my card, please help" | textaug augment -k 3 --ops synonym

Exit codes: 0 ok, 1 failed (bad input, unreadable file), 2 usage.
`

// run is the whole program: it parses args, reads stdin and writes stdout
// and stderr, and returns the exit code. An interrupt (Ctrl-C) cancels the
// run; an output file is then never left half-written.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "augment":
		return augmentCmd(ctx, args[1:], stdin, stdout, stderr)
	case "explain":
		return explain(ctx, args[1:], stdout, stderr)
	case "eval":
		return evalCmd(ctx, args[1:], stdout, stderr)
	case "merge":
		return mergeCmd(ctx, args[1:], stdout, stderr)
	case "presets":
		return printPresets(args[1:], stdout, stderr)
	case "cache":
		return cacheCmd(args[1:], stdout, stderr)
	case "version", "--version":
		fmt.Fprintln(stdout, version())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "textaug: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return fmt.Sprintf("textaug %s, %s, %s", v, runtime.Version(), recipe.DataVersions())
}
