package main

import (
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

// Why: augment --help goes to stdout (so `| less` works) and lists the
// flags in the groups of docs/cli.md, every flag once, under the heading
// of its group; the recipe fields' groups come from recipe.Fields.
func TestHelpIsGroupedOnStdout(t *testing.T) {
	code, out, errs := runCLI(t, "", "augment", "--help")
	require.Equal(t, exitOK, code)
	assert.Empty(t, errs)
	heading := regexp.MustCompile(`(?m)^([A-Z][^:\n]*):$`)
	var groups []string
	for _, m := range heading.FindAllStringSubmatch(out, -1) {
		groups = append(groups, m[1])
	}
	want := append(append([]string{"Examples", "Flags", "Recipe"}, recipe.Groups()...), "Input and output", "Run")
	assert.Equal(t, want, groups)
	group := ""
	seen := map[string]int{}
	for _, l := range strings.Split(out, "\n") {
		if m := heading.FindStringSubmatch(l); m != nil {
			group = m[1]
			continue
		}
		if m := regexp.MustCompile(`^  -([a-z][a-z0-9-]*)`).FindStringSubmatch(l); m != nil {
			seen[m[1]]++
			assert.Equal(t, flagGroup(m[1]), group, "--%s", m[1])
		}
	}
	for _, f := range recipe.Fields() {
		assert.Equal(t, 1, seen[f.Flag], "--%s once", f.Flag)
		assert.NotEmpty(t, f.Group, "--%s has a group", f.Flag)
		assert.Contains(t, recipe.Groups(), f.Group, "--%s", f.Flag)
	}
	for _, name := range []string{"seed", "o", "output", "workers", "bt-max-missing", "preset", "recipe"} {
		assert.Equal(t, 1, seen[name], "--%s once", name)
	}
	assert.NotContains(t, out, "Other flags:", "every augment flag has a group")
}

// Why: a user who runs augment without a file at a terminal is told it
// reads standard input, on stderr; never when stdin is a pipe, a file or
// the null device, nor when a file is given.
func TestStdinHintOnlyForATerminal(t *testing.T) {
	real := isTerminal
	defer func() { isTerminal = real }()
	isTerminal = func(io.Reader) bool { return true }
	code, out, errs := runCLI(t, "I lost my card\n", "augment", "-k", "1")
	require.Equal(t, exitOK, code, errs)
	assert.True(t, strings.HasPrefix(errs, stdinHint+"\n"), errs)
	assert.NotContains(t, out, "standard input")
	_, _, errs = runCLI(t, "", "augment", "-k", "1", "../../testdata/sentences.txt")
	assert.NotContains(t, errs, "standard input", "a file is given")

	isTerminal = func(io.Reader) bool { return false }
	_, _, errs = runCLI(t, "I lost my card\n", "augment", "-k", "1")
	assert.NotContains(t, errs, "standard input")

	assert.False(t, real(strings.NewReader("x")), "not a file")
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	assert.False(t, real(r), "a pipe")
	f, err := os.Open(filepath.Join("..", "..", "testdata", "sentences.txt"))
	require.NoError(t, err)
	defer f.Close()
	assert.False(t, real(f), "a file")
	null, err := os.Open(os.DevNull)
	require.NoError(t, err)
	defer null.Close()
	assert.False(t, real(null), "the null device is a character device, not a terminal")
}

// Why: an unknown command is a usage error in one line and where the
// commands are, not the whole usage text.
func TestUnknownCommandIsOneLine(t *testing.T) {
	code, out, errs := runCLI(t, "", "agument")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Equal(t, "textaug: unknown command \"agument\"\nRun 'textaug help' for the commands.\n", errs)
}

// Why: --output is the long form of -o.
func TestOutputLongForm(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.txt")
	code, stdout, errs := runCLI(t, "I lost my card today\n", "augment", "-k", "1", "--ops", "swap", "--output", out)
	require.Equal(t, exitOK, code, errs)
	assert.Empty(t, stdout)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, 2, strings.Count(string(b), "\n"))
}
