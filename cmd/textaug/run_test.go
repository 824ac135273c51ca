package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAugmentFile(t *testing.T) {
	code, out, errs := runCLI(t, "", "augment", "--preset", "shuffle", "-k", "3", "--seed", "1", "../../testdata/sentences.txt")
	require.Equal(t, 0, code, errs)
	in, err := os.ReadFile("../../testdata/sentences.txt")
	require.NoError(t, err)
	inLines := strings.Split(strings.TrimSpace(string(in)), "\n")
	outLines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Len(t, outLines, 4*len(inLines), "each line and its 3 variants")
	for i, l := range inLines {
		assert.Equal(t, l, outLines[4*i], "the original comes first")
		for _, v := range outLines[4*i+1 : 4*i+4] {
			assert.NotEqual(t, l, v)
		}
	}
	assert.Contains(t, errs, "12 rows in, 12 written, 36 variants out, 0 shortfalls (0 variants missing), 0 rejected")
}

func TestAugmentSameOutputForAnyWorkerCount(t *testing.T) {
	var in strings.Builder
	b, err := os.ReadFile("../../testdata/sentences.txt")
	require.NoError(t, err)
	for i := 0; i < 30; i++ { // several batches
		in.Write(b)
	}
	_, one, _ := runCLI(t, in.String(), "augment", "-k", "2", "--workers", "1", "--provenance")
	_, four, _ := runCLI(t, in.String(), "augment", "-k", "2", "--workers", "4", "--provenance")
	assert.Equal(t, one, four)
	assert.Equal(t, 3*12*30, strings.Count(one, "\n"))
}

func TestAugmentStdinAndShortfalls(t *testing.T) {
	code, out, errs := runCLI(t, "I lost my card\n\n12345\n", "augment", "--preset", "shuffle", "-k", "2", "--no-original", "--ops", "swap,delete")
	require.Equal(t, 0, code, errs)
	assert.Equal(t, 2, strings.Count(out, "\n"))
	assert.Contains(t, errs, "3 rows in, 3 written, 2 variants out, 2 shortfalls (4 variants missing), 0 rejected")
}

func TestAugmentInvalidUTF8IsLocated(t *testing.T) {
	code, _, errs := runCLI(t, "fine line here\nbad \xff line\n", "augment", "-k", "1", "--ops", "swap")
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, "stdin:2:5: invalid UTF-8")
	assert.Contains(t, errs, "2 rows in, 1 written")
	assert.Contains(t, errs, "1 rejected")
}

func TestAugmentOutputIsAtomic(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.txt")
	code, _, errs := runCLI(t, "good line one\nbad \xff\n", "augment", "-o", out, "--ops", "swap")
	assert.Equal(t, 1, code, errs)
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "a failed run leaves no output")
	entries, _ := os.ReadDir(dir)
	assert.Empty(t, entries, "and no temporary file")

	code, _, errs = runCLI(t, "good line one\n", "augment", "-o", out, "--ops", "swap")
	require.Equal(t, 0, code, errs)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), "good line one\n")
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{}, {"frobnicate"}, {"augment", "-k", "0"}, {"augment", "--ops", "teleport"}, {"augment", "a", "b"}} {
		code, _, errs := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.NotEmpty(t, errs)
	}
	code, out, _ := runCLI(t, "", "version")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "textaug")
}

func TestProtectFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "keep.txt")
	require.NoError(t, os.WriteFile(p, []byte("# keep these\nlost card\n/help\\w*/\n"), 0o644))
	code, out, errs := runCLI(t, "I lost card yesterday please help me\n", "augment", "-k", "5", "--protect", p, "--ops", "swap,delete,punct", "--no-original")
	require.Equal(t, 0, code, errs)
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.Contains(t, l, "lost card")
		assert.Contains(t, l, "help")
	}
}

func TestSynonymFlags(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "mine.tsv")
	require.NoError(t, os.WriteFile(lex, []byte("refund\tn\tmoney back\n"), 0o644))
	block := filepath.Join(dir, "block.txt")
	require.NoError(t, os.WriteFile(block, []byte("reimbursement\n"), 0o644))
	in := "Where is my refund\n"
	variants := func(args ...string) []string {
		t.Helper()
		code, out, errs := runCLI(t, in, append([]string{"augment", "-k", "4", "--ops", "synonym", "--no-original"}, args...)...)
		require.Equal(t, 0, code, errs)
		return strings.Split(strings.TrimSpace(out), "\n")
	}
	t.Run("a user lexicon wins", func(t *testing.T) {
		got := variants("--lexicon", lex)
		assert.Contains(t, got, "Where is my money back")
	})
	t.Run("default sources", func(t *testing.T) {
		got := strings.Join(variants(), "\n")
		assert.Contains(t, got, "reimbursement")
	})
	t.Run("blocklist", func(t *testing.T) {
		code, out, errs := runCLI(t, in, "augment", "-k", "4", "--ops", "synonym", "--blocklist", block)
		require.Equal(t, 0, code, errs)
		assert.NotContains(t, out, "reimbursement")
	})
	t.Run("no sources, no synonyms", func(t *testing.T) {
		code, out, errs := runCLI(t, in, "augment", "-k", "2", "--ops", "synonym", "--synonyms", "none", "--domain", "none", "--no-original")
		require.Equal(t, 0, code, errs)
		assert.Empty(t, strings.TrimSpace(out))
		assert.Contains(t, errs, "1 shortfalls (2 variants missing)")
	})
	t.Run("bad values", func(t *testing.T) {
		for _, args := range [][]string{{"--synonyms", "thesaurus"}, {"--domain", "medicine"}, {"--polarity-guard", "maybe"}, {"--lexicon-format", "xml", "--lexicon", lex}} {
			code, _, errs := runCLI(t, in, append([]string{"augment", "--ops", "synonym"}, args...)...)
			assert.Equal(t, 2, code, "%v", args)
			assert.NotEmpty(t, errs)
		}
		code, _, errs := runCLI(t, in, "augment", "--ops", "synonym", "--lexicon", filepath.Join(dir, "missing.tsv"))
		assert.Equal(t, 2, code, "a missing file is a usage error naming the flag")
		assert.Contains(t, errs, "missing.tsv")
		bad := filepath.Join(dir, "bad.tsv")
		require.NoError(t, os.WriteFile(bad, []byte("ok\tfine\nbroken line without tab\n"), 0o644))
		code, _, errs = runCLI(t, in, "augment", "--ops", "synonym", "--lexicon", bad)
		assert.Equal(t, 1, code)
		assert.Contains(t, errs, "bad.tsv:2", "a located error")
	})
	t.Run("candidates cap", func(t *testing.T) {
		many := map[string]bool{}
		for _, v := range variants("--candidates", "1", "--domain", "none", "-k", "20") {
			many[v] = true
		}
		assert.LessOrEqual(t, len(many), 2, "one candidate for one replaceable word: at most one variant, plus shortfall")
	})
}
