package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/textaug/textaug/internal/recipe"
)

// Help groups of the flags that are not recipe fields (those have theirs
// in recipe.Fields); a flag in none is in groupOther.
const (
	groupRecipe = "Recipe"
	groupIO     = "Input and output"
	groupRun    = "Run"
	groupOther  = "Other flags"
)

// flagGroups puts the flags that are not recipe fields in groups, which
// may be recipe.Groups too (--bt-max-missing is a back-translation flag).
// docs/cli.md lists augment's flags by the same groups (a test checks).
var flagGroups = map[string][]string{
	groupRecipe:               {"preset", "recipe"},
	groupIO:                   {"format", "text", "label", "encoding", "o", "output", "no-original", "provenance", "on-error", "rejects", "max-row-bytes"},
	groupRun:                  {"seed", "workers", "progress", "shard"},
	recipe.GroupBacktranslate: {"bt-max-missing"},
}

// helpGroups returns the groups in the order help prints them.
func helpGroups() []string {
	return slices.Concat([]string{groupRecipe}, recipe.Groups(), []string{groupIO, groupRun, groupOther})
}

// flagGroup returns the help group of a flag.
func flagGroup(name string) string {
	if f, ok := recipe.FieldByFlag(name); ok {
		return f.Group
	}
	for g, flags := range flagGroups {
		if slices.Contains(flags, name) {
			return g
		}
	}
	return groupOther
}

// printFlags prints the flags of fs by group, each group as
// flag.PrintDefaults prints a flag set, with the defaults fs declared.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	for _, g := range helpGroups() {
		sub := flag.NewFlagSet(fs.Name(), flag.ContinueOnError)
		fs.VisitAll(func(f *flag.Flag) {
			if flagGroup(f.Name) == g {
				sub.Var(f.Value, f.Name, f.Usage)
				sub.Lookup(f.Name).DefValue = f.DefValue
			}
		})
		n := 0
		sub.VisitAll(func(*flag.Flag) { n++ })
		if n == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s:\n", g)
		sub.SetOutput(w)
		sub.PrintDefaults()
	}
}

// stdinHint is the line augment writes on stderr when it reads its rows
// from a terminal: a user who forgot the file name is not left waiting.
const stdinHint = "textaug: reading rows from standard input (Ctrl-D ends; see --help)"

// isTerminal reports whether r is a terminal: a character device other
// than the null device. Tests replace it.
var isTerminal = func(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return false
	}
	null, err := os.Stat(os.DevNull)
	return err != nil || !os.SameFile(st, null)
}

// hintStdin says on stderr that augment reads standard input, when input
// is stdin ("-") and stdin is a terminal.
func hintStdin(stderr io.Writer, input string, stdin io.Reader) {
	if input == "-" && isTerminal(stdin) {
		fmt.Fprintln(stderr, stdinHint)
	}
}
