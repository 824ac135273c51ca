package main

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

// TestHelperProcess is the textaug command, for tests that need a real
// process (signals): it runs when TEXTAUG_HELPER is set.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("TEXTAUG_HELPER") != "1" {
		return
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
}

// TestSignals: Ctrl-C and SIGTERM stop a run with 130 and 143, say
// "interrupted", and leave no output file, even while the input (a pipe
// that stays open) blocks.
func TestSignals(t *testing.T) {
	for _, tt := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		t.Run(tt.sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out.txt")
			cmd := exec.Command(os.Args[0], "-test.run=TestHelperProcess", "--", "augment", "-k", "2", "-o", out, "-")
			cmd.Env = append(os.Environ(), "TEXTAUG_HELPER=1")
			stdin, err := cmd.StdinPipe()
			require.NoError(t, err)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			require.NoError(t, cmd.Start())
			_, err = io.WriteString(stdin, strings.Repeat("I lost my card yesterday.\n", 500))
			require.NoError(t, err)
			time.Sleep(500 * time.Millisecond) // the stdin pipe stays open: the run waits for more
			require.NoError(t, cmd.Process.Signal(tt.sig))
			err = cmd.Wait()
			stdin.Close()
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee, stderr.String())
			assert.Equal(t, tt.code, ee.ExitCode())
			assert.Contains(t, stderr.String(), "textaug: interrupted")
			assert.NotContains(t, stderr.String(), "context canceled")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries, "neither the output nor its temporary file")
		})
	}
}

// TestUsageErrorIsOneLine: a bad flag is one line and where the help is,
// not the whole flag list; --help goes to stdout.
func TestUsageErrorIsOneLine(t *testing.T) {
	code, out, errs := runCLI(t, "", "augment", "--no-such-flag")
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Equal(t, "textaug augment: flag provided but not defined: -no-such-flag\nRun 'textaug augment --help' for the flags.\n", errs)

	code, out, errs = runCLI(t, "", "augment", "--help")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, errs)
	assert.Contains(t, out, "Usage: textaug augment")
	assert.Contains(t, out, "-seed")

	code, _, errs = runCLI(t, "", "merge")
	assert.Equal(t, exitUsage, code)
	assert.Equal(t, "textaug merge: give the shard outputs to merge\nRun 'textaug merge --help' for the flags.\n", errs)
}

// TestCacheMissingPath: stats and clear of a cache that does not exist
// fail, and create nothing.
func TestCacheMissingPath(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"stats", "clear"} {
		missing := filepath.Join(dir, "nope", "cache.db")
		code, _, errs := runCLI(t, "", "cache", sub, missing)
		assert.Equal(t, exitFail, code)
		assert.Contains(t, errs, "no such file or directory")
		code, _, _ = runCLI(t, "", "cache", sub, "--bt-cache", missing)
		assert.Equal(t, exitFail, code)
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		assert.Empty(t, entries, "nothing created")
	}
}

// TestBinaryInputSaysSo: binary data and gzip without .gz are named as
// such, never as GB18030 text.
func TestBinaryInputSaysSo(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("text\nI lost my card\n"))
	zw.Close()
	noext := filepath.Join(dir, "train.csv")
	require.NoError(t, os.WriteFile(noext, gz.Bytes(), 0o644))
	code, _, errs := runCLI(t, "", "augment", noext)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, "gzip data, but the name does not end in .gz")
	assert.NotContains(t, errs, "gb18030")

	bin := filepath.Join(dir, "model.jsonl")
	b := make([]byte, 4096)
	for i := range b {
		b[i] = byte(i*7919 + i/3)
	}
	require.NoError(t, os.WriteFile(bin, b, 0o644))
	code, _, errs = runCLI(t, "", "augment", "--encoding", "gb18030", bin)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, "binary data, not a text corpus")
}

// TestProvenanceNumbersFromTheCLI: source_row and variant are JSON
// numbers, spaced as the input's members are.
func TestProvenanceNumbersFromTheCLI(t *testing.T) {
	code, out, errs := runCLI(t, `{"text": "I lost my card yesterday", "label": "lost"}`+"\n", "augment", "--format", "jsonl", "-k", "1", "--provenance")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, `{"text": "I lost my card yesterday", "label": "lost", "source_row": 1, "variant": 0, "ops": ""}`)
}

// TestRowWithoutLabel: a JSONL row without the label member is a located
// bad row, or a reject under --on-error skip.
func TestRowWithoutLabel(t *testing.T) {
	in := `{"text": "I lost my card", "label": "lost"}` + "\n" + `{"text": "where is my refund"}` + "\n"
	code, _, errs := runCLI(t, in, "augment", "--format", "jsonl", "-k", "1")
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, `stdin:2:1: missing label: no member "label"`)
	code, out, errs := runCLI(t, in, "augment", "--format", "jsonl", "-k", "1", "--on-error", "skip")
	assert.Equal(t, exitOK, code, errs)
	assert.NotContains(t, out, "refund")
	assert.Contains(t, errs, "1 rejected")
}

// TestLongRowIsBadRow: a row over --max-row-bytes (1 MiB by default) is a
// located bad row.
func TestLongRowIsBadRow(t *testing.T) {
	long := strings.Repeat("The bank raised its rate. ", 50_000) // 1.3 MB
	in := "I lost my card\n" + long + "\nwhere is my refund\n"
	code, _, errs := runCLI(t, in, "augment", "-k", "1", "--on-error", "skip")
	assert.Equal(t, exitOK, code, errs)
	assert.Contains(t, errs, "stdin:2: row too long: line is longer than 1048576 bytes")
	code, out, errs := runCLI(t, in, "augment", "-k", "1", "--max-row-bytes", "2000000")
	assert.Equal(t, exitOK, code, errs)
	assert.Contains(t, errs, "3 rows in, 3 written, 3 variants out")
	// Under a raised limit the long row is augmented (piece by piece):
	// its variant follows it, differs from it and is about as long.
	lines := strings.Split(out, "\n")
	require.Greater(t, len(lines), 4)
	assert.Equal(t, strings.TrimRight(long, " "), strings.TrimRight(lines[2], " "))
	assert.NotEqual(t, lines[2], lines[3])
	assert.InDelta(t, len(lines[2]), len(lines[3]), float64(len(lines[2]))/20)
}

// TestOutputOverInputRefused: -o or --rejects naming the input, however
// spelled (./x, a link), is refused before anything is read, and the
// input is left as it was.
func TestOutputOverInputRefused(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "x.jsonl")
	data := `{"text": "I lost my card", "label": "lost"}` + "\n"
	require.NoError(t, os.WriteFile(in, []byte(data), 0o644))
	link := filepath.Join(dir, "link.jsonl")
	require.NoError(t, os.Symlink(in, link))
	t.Chdir(dir)
	for _, args := range [][]string{
		{"--no-original", "x.jsonl", "-o", "x.jsonl"},
		{"x.jsonl", "--output", "./x.jsonl"},
		{"x.jsonl", "-o", "link.jsonl"},
		{"x.jsonl", "--on-error", "skip", "--rejects", in},
	} {
		code, _, errs := runCLI(t, "", append([]string{"augment"}, args...)...)
		assert.Equal(t, exitUsage, code, "%v", args)
		assert.Contains(t, errs, "writing it would destroy the input", "%v", args)
		assert.Equal(t, 2, strings.Count(errs, "\n"), "one line and the hint: %s", errs)
		got, err := os.ReadFile(in)
		require.NoError(t, err)
		assert.Equal(t, data, string(got))
	}
	code, _, errs := runCLI(t, "", "augment", "x.jsonl", "-o", "out.jsonl")
	assert.Equal(t, exitOK, code, errs)
}

func TestWorkersMustBePositive(t *testing.T) {
	for _, w := range []string{"0", "-3"} {
		code, _, errs := runCLI(t, "I lost my card\n", "augment", "--workers", w)
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, errs, "--workers: want 1 or more")
	}
}

// TestProbeBeforeTheFirstRow: a dead --bt-url or a pair the server lacks
// is found before any row, exit 1, what to fix said, no output left.
func TestProbeBeforeTheFirstRow(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.txt")
	dead := httptest.NewServer(&fakeAPy{})
	dead.Close()
	code, _, errs := runCLI(t, "I lost my card yesterday\n", "augment", "--backtranslate", "apertium", "--bt-url", dead.URL,
		"--bt-cache", "none", "-o", out)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, "connection refused")
	assert.Contains(t, errs, "check the URL and that the service is running")
	assert.NotContains(t, errs, "rows in", "no row was read")

	srv := httptest.NewServer(&fakeAPy{})
	defer srv.Close()
	code, _, errs = runCLI(t, "I lost my card yesterday\n", "augment", "--backtranslate", "apertium", "--bt-url", srv.URL,
		"--pivots", "deu", "--bt-cache", "none", "-o", out)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, "does not translate eng>deu, deu>eng; the pivots it offers both ways are cat, spa")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries)
}

// TestRetriesZeroMeansNone: --bt-retries 0 sends each request once.
func TestRetriesZeroMeansNone(t *testing.T) {
	fake := &fakeAPy{}
	fake.down.Store(true)
	srv := httptest.NewServer(fake)
	defer srv.Close()
	code, _, errs := runCLI(t, "I lost my card yesterday\n", "augment", "-k", "2", "--ops", "swap", "--backtranslate", "apertium",
		"--bt-url", srv.URL, "--bt-cache", "none", "--bt-retries", "0", "--pivots", "spa", "--bt-max-missing", "100%")
	assert.Equal(t, exitOK, code, errs)
	assert.EqualValues(t, 1, fake.requests.Load(), "one request, no retry (it used to be 6)")
}

// TestPermanentMissesNeverSuggestARerun: a translator answering 404 to
// /translate (after a good probe) leaves rows without back-translation;
// the summary names them and does not suggest a re-run.
func TestPermanentMissesNeverSuggestARerun(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/listPairs" {
			(&fakeAPy{}).ServeHTTP(w, r)
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	code, _, errs := runCLI(t, "I lost my card yesterday\nWhere is my refund please\n", "augment", "-k", "2", "--ops", "swap",
		"--backtranslate", "apertium", "--bt-url", srv.URL, "--bt-cache", "none", "--bt-max-missing", "1")
	assert.Equal(t, exitFail, code, "2 rows missed, more than 1")
	assert.Contains(t, errs, "2 rows got no back-translated variant (a re-run will not help: fix what the errors say)")
	assert.Contains(t, errs, "  row 2 (line 2): ")
	assert.Contains(t, errs, "404")
	assert.NotContains(t, errs, "re-run completes")

	code, _, errs = runCLI(t, "I lost my card yesterday\n", "augment", "-k", "2", "--ops", "swap",
		"--backtranslate", "apertium", "--bt-url", srv.URL, "--bt-cache", "none", "--bt-max-missing", "100%")
	assert.Equal(t, exitOK, code, errs)
	code, _, errs = runCLI(t, "x\n", "augment", "--bt-max-missing", "lots")
	assert.Equal(t, exitUsage, code, errs)
}

// TestShortfallsByReason: the summary counts shortfalls by their reason.
func TestShortfallsByReason(t *testing.T) {
	code, _, errs := runCLI(t, "I lost my card\n\n12345\n", "augment", "--preset", "shuffle", "-k", "2", "--no-original", "--ops", "swap,delete")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, errs, "textaug: shortfalls by reason: 1 empty text, 1 no editable word\n")
}

func TestEmptyInputWarns(t *testing.T) {
	code, out, errs := runCLI(t, "", "augment", "-k", "2")
	assert.Equal(t, exitOK, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, "textaug: warning: 0 rows in: the input is empty\n")
}

// TestFlagsThatCannotActAreErrors: under a recipe that does not read them
// (shuffle: swaps and marks, no synonyms), or naming files that do not
// exist, flags are usage errors naming the flag and why.
func TestFlagsThatCannotActAreErrors(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "lex.tsv")
	require.NoError(t, os.WriteFile(lex, []byte("card\tbankcard\n"), 0o644))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--lexicon", "/missing"}, "--lexicon has no effect: the recipe has no synonym or insert operation; add --ops synonym,… or use --preset eda"},
		{[]string{"--lexicon", lex}, "--lexicon has no effect"},
		{[]string{"--domain", "nonsense"}, "--domain has no effect"},
		{[]string{"--polarity", lex}, "--polarity has no effect"},
		{[]string{"--senses", "2"}, "--senses has no effect"},
		{[]string{"--candidates", "4"}, "--candidates has no effect"},
		{[]string{"--blocklist", lex}, "--blocklist has no effect"},
		{[]string{"--ops", "synonym", "--lexicon", "/missing"}, "--lexicon /missing: stat /missing: no such file or directory"},
		{[]string{"--ops", "synonym", "--domain", "nonsense"}, `--domain: unknown pack "nonsense"`},
		{[]string{"--ops", "swap", "--alpha-sr", "0.2"}, "--alpha-sr has no effect: the recipe has no synonym operation"},
		{[]string{"--bt-url", "http://127.0.0.1:1"}, "--bt-url has no effect without --backtranslate"},
		{[]string{"--backtranslate", "apertium", "--bt-url", "http://127.0.0.1:1", "--bt-model", "m"}, "--bt-model has no effect: it is for --backtranslate openai, not apertium"},
		{[]string{"--protect", "/missing"}, "--protect /missing: stat /missing: no such file or directory"},
	}
	for _, tt := range tests {
		code, out, errs := runCLI(t, "I lost my card\n", append([]string{"augment", "--preset", "shuffle"}, tt.args...)...)
		assert.Equal(t, exitUsage, code, "%v: %s", tt.args, errs)
		assert.Empty(t, out)
		assert.Contains(t, errs, tt.want, "%v", tt.args)
	}
	code, _, errs := runCLI(t, "I lost my card\n", "augment", "--ops", "synonym", "--lexicon", lex, "--senses", "2")
	assert.Equal(t, exitOK, code, errs)
}

// TestHelpShowsTheDefaultsThatApply: --help gives the default preset's k
// and α, read from the preset itself (it used to say 9 and 0.1 while 16
// and 0.2 applied).
func TestHelpShowsTheDefaultsThatApply(t *testing.T) {
	def, ok := recipe.Preset(recipe.DefaultPreset)
	require.True(t, ok)
	_, out, _ := runCLI(t, "", "augment", "--help")
	assert.Contains(t, out, fmt.Sprintf("variants per row [recipe: k; %s: %d]", def.Name, def.K))
	assert.Contains(t, out, fmt.Sprintf("[recipe: alpha; %s: %g]", def.Name, def.Alpha))
}

func TestMergeOutputOverInputRefused(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.jsonl")
	data := `{"text": "x", "source_row": 1, "variant": 0, "ops": ""}` + "\n"
	require.NoError(t, os.WriteFile(a, []byte(data), 0o644))
	code, _, errs := runCLI(t, "", "merge", "-o", a, a)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "writing it would destroy the input")
	got, err := os.ReadFile(a)
	require.NoError(t, err)
	assert.Equal(t, data, string(got))
}
