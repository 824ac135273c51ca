package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

// Why: the Beam command resolves its recipe as the CLI does: the same
// default preset, the same field flags, errors naming the flag.
func TestRecipeResolutionIsTheCLIs(t *testing.T) {
	r, err := resolveRecipe()
	require.NoError(t, err)
	assert.Equal(t, recipe.DefaultPreset, r.Name)

	require.NoError(t, flag.Set("k", "3"))
	require.NoError(t, flag.Set("backtranslate", "libretranslate"))
	require.NoError(t, flag.Set("pivots", "es, fr"))
	r, err = resolveRecipe()
	require.NoError(t, err)
	assert.Equal(t, 3, r.K)
	assert.Equal(t, []string{"es", "fr"}, r.Backtranslate.Pivots)

	require.NoError(t, flag.Set("k", "0"))
	_, err = resolveRecipe()
	assert.EqualError(t, err, "--k: must be at least 1")
}

// Why: the Beam command refuses, as the CLI does and before the pipeline
// runs, a flag or a recipe file field that cannot act, with exit code 2
// and a message naming the flag, or the file and the field.
func TestFieldsThatCannotActAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.txt")
	require.NoError(t, os.WriteFile(in, []byte("I lost my card\n"), 0o644))
	idle := filepath.Join(dir, "idle.yaml")
	require.NoError(t, os.WriteFile(idle, []byte("k: 2\nops: [swap]\nalpha: 0.1\nsynonyms: {base: wordnet, polarity_guard: on, lexicons: [lex.tsv]}\n"), 0o644))
	missing := filepath.Join(dir, "missing.yaml")
	require.NoError(t, os.WriteFile(missing, []byte("k: 2\nops: [synonym]\nalpha: 0.1\nsynonyms: {base: wordnet, polarity_guard: on, lexicons: [/missing.tsv]}\n"), 0o644))
	out := filepath.Join(dir, "out")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--bt-url", "http://127.0.0.1:1"}, "textaug-beam: --bt-url has no effect without --backtranslate\n"},
		{[]string{"--recipe", idle}, "textaug-beam: " + idle + ": synonyms.lexicons has no effect: the recipe has no synonym or insert operation\n"},
		{[]string{"--recipe", missing}, "textaug-beam: " + missing + ": synonyms.lexicons /missing.tsv: stat /missing.tsv: no such file or directory\n"},
	} {
		cmd := exec.Command(os.Args[0], append([]string{"-test.run=TestHelperProcess", "--", "--input", in, "--output", out}, c.args...)...)
		cmd.Env = append(os.Environ(), "TEXTAUG_BEAM_HELPER=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		require.ErrorAs(t, err, &exit, "%v: %s", c.args, stderr.String())
		assert.Equal(t, 2, exit.ExitCode(), "%v", c.args)
		assert.Equal(t, c.want, stderr.String(), "%v", c.args)
		matches, _ := filepath.Glob(out + "*")
		assert.Empty(t, matches, "the pipeline did not run")
	}
}

// TestHelperProcess is the textaug-beam command, for tests that need its
// exit code: it runs when TEXTAUG_BEAM_HELPER is set, with the arguments
// after "--".
func TestHelperProcess(t *testing.T) {
	if os.Getenv("TEXTAUG_BEAM_HELPER") != "1" {
		return
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	if err := flag.CommandLine.Parse(args); err != nil {
		os.Exit(2)
	}
	if err := run(context.Background()); err != nil {
		fmt.Fprintf(os.Stderr, "textaug-beam: %v\n", err)
		os.Exit(exitCode(err))
	}
	os.Exit(0)
}
