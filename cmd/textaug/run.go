package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// Exit codes.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

const usage = `textaug makes label-preserving variants of sentences.

Usage:
  textaug augment [flags] [FILE|-]   variants of each line of FILE (or stdin)
  textaug version                    versions of textaug, Go and embedded data
  textaug help                       this text

Run 'textaug augment --help' for the flags. Examples:
  textaug augment -k 4 --seed 1 testdata/sentences.txt
  echo "I lost my card, please help" | textaug augment -k 3 --ops synonym
`

// run is the whole program: it parses args, reads stdin and writes stdout
// and stderr, and returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	switch args[0] {
	case "augment":
		return augment(args[1:], stdin, stdout, stderr)
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
	return fmt.Sprintf("textaug %s, %s, %s", v, runtime.Version(), dataVersions())
}
