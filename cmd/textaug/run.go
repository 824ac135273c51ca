package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"time"

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

Exit codes: 0 ok, 1 failed (bad input, unreadable file, a translator that
cannot work), 2 usage, 130 and 143 interrupted (SIGINT, SIGTERM).
`

// run is the whole program: it parses args, reads stdin and writes stdout
// and stderr, and returns the exit code. SIGINT (Ctrl-C) or SIGTERM
// cancels the run: no output file is left, stderr says "interrupted" and
// the exit code is 130 or 143, as a shell reports a process the signal
// killed.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := withSignals(context.Background())
	defer stop()
	done := make(chan int, 1)
	go func() { done <- dispatch(ctx, args, stdin, stdout, stderr) }()
	var code int
	select {
	case code = <-done:
	case <-ctx.Done():
		// The command cleans up (removes its temporary output) and
		// returns; unless it is blocked reading its input (a terminal, a
		// pipe), which nothing can interrupt.
		select {
		case <-done:
		case <-time.After(interruptGrace):
		}
	}
	if i, ok := interrupted(ctx); ok {
		fmt.Fprintln(stderr, "textaug: interrupted")
		return i.code()
	}
	return code
}

// interruptGrace is how long an interrupted command has to clean up.
const interruptGrace = 3 * time.Second

// dispatch runs the command args name.
func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
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
	fmt.Fprintf(stderr, "textaug: unknown command %q\nRun 'textaug help' for the commands.\n", args[0])
	return exitUsage
}

func version() string {
	v := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	return fmt.Sprintf("textaug %s, %s, %s", v, runtime.Version(), recipe.DataVersions())
}
