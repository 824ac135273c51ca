package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/textaug/textaug/internal/recipe"

	"github.com/textaug/textaug/backtranslate"
)

const cacheHelp = `Usage: textaug cache stats|clear [--bt-cache FILE | FILE]

The back-translation cache keeps every translation, keyed by backend,
endpoint, languages, options and text, so that a re-run sends no request
for a text already translated. stats prints its size; clear empties it.
A cache file that does not exist is an error; nothing is created.

Flags:
`

func cacheCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cache", flag.ContinueOnError)
	path := fs.String("bt-cache", recipe.DefaultCachePath(), "the cache file")
	pos, code, ok := parseCommand(fs, cacheHelp, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) < 1 || len(pos) > 2 || (pos[0] != "stats" && pos[0] != "clear") {
		return usageError(stderr, "cache", errors.New("want stats or clear, and at most one cache file"))
	}
	if len(pos) == 2 {
		*path = pos[1]
	}
	c, err := backtranslate.OpenExistingCache(*path)
	if err != nil {
		fmt.Fprintf(stderr, "textaug cache: %v\n", err)
		return exitFail
	}
	defer c.Close()
	if pos[0] == "clear" {
		if err := c.Clear(); err != nil {
			fmt.Fprintf(stderr, "textaug cache: %v\n", err)
			return exitFail
		}
	}
	n, size, err := c.Stats()
	if err != nil {
		fmt.Fprintf(stderr, "textaug cache: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "%s: %d translations, %d bytes\n", *path, n, size)
	return exitOK
}
