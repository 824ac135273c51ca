package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/textaug/textaug/internal/recipe"

	"github.com/textaug/textaug/backtranslate"
)

const cacheHelp = `Usage: textaug cache stats|clear [--bt-cache FILE]

The back-translation cache keeps every translation, keyed by backend,
endpoint, languages, options and text, so that a re-run sends no request
for a text already translated. stats prints its size; clear empties it.

Flags:
`

func cacheCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cache", flag.ContinueOnError)
	path := fs.String("bt-cache", recipe.DefaultCachePath(), "the cache file")
	pos, code, ok := parseCommand(fs, cacheHelp, args, stderr)
	if !ok {
		return code
	}
	if len(pos) != 1 || (pos[0] != "stats" && pos[0] != "clear") {
		fs.Usage()
		return exitUsage
	}
	c, err := backtranslate.OpenCache(*path)
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
