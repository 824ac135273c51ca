package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/textaug/textaug/internal/recipe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// readAll reads every record of a corpus file.
func readAll(t *testing.T, path string, f corpus.Format) []*corpus.Record {
	t.Helper()
	rc, err := corpus.Open(path)
	require.NoError(t, err)
	defer rc.Close()
	r, err := corpus.NewReader(rc, corpus.ReaderOptions{Format: f, Name: path})
	require.NoError(t, err)
	var out []*corpus.Record
	for {
		rec, err := r.Next()
		if err != nil {
			require.ErrorContains(t, err, "EOF")
			return out
		}
		out = append(out, rec)
	}
}

// Why: awkward CSV (BOM, CRLF, embedded quotes, commas and newlines, "/",
// extra columns) must come out with every untouched column identical and
// each original row followed by its variants.
func TestAugmentCSVPassThrough(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.csv")
	code, _, errs := runCLI(t, "", "augment", "-k", "3", "--provenance", "-o", out, "../../testdata/corpus/train.csv")
	require.Equal(t, 0, code, errs)
	in := readAll(t, "../../testdata/corpus/train.csv", corpus.CSV)
	got := readAll(t, out, corpus.CSV)
	byRow := map[string][]*corpus.Record{}
	for _, r := range got {
		f := r.Fields()
		byRow[f[len(f)-3]] = append(byRow[f[len(f)-3]], r)
	}
	for _, r := range in {
		rows := byRow[r.Fields()[0]]
		require.NotEmpty(t, rows, "row %d", r.Row)
		assert.Equal(t, r.Text, rows[0].Text, "the original comes first, unchanged")
		for _, v := range rows {
			f := v.Fields()
			assert.Equal(t, r.Label, v.Label)
			for i, col := range r.Fields() {
				if i != 1 { // the text column
					assert.Equal(t, col, f[i], "column %d of row %d passes through", i, r.Row)
				}
			}
		}
	}
	assert.Contains(t, errs, "0 rejected")
}

// Why: JSONL members of every type, their order and their bytes survive;
// only the text member changes.
func TestAugmentJSONLKeepsMembers(t *testing.T) {
	code, out, errs := runCLI(t, "", "augment", "-k", "2", "--preset", "finance", "../../testdata/examples/finance.jsonl")
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Len(t, lines, 8*3)
	for _, l := range lines {
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), l)
		assert.NotEmpty(t, m["text"])
		assert.NotEmpty(t, m["label"])
	}
	assert.Contains(t, out, `"source": {"site": "example", "year": 2024}`)
	assert.Contains(t, out, `"note": null}`)
	assert.Contains(t, out, `"tags": ["sales", "dividend"]}`)
}

func TestAugmentSameOutputForAnyWorkerCountCSV(t *testing.T) {
	b, err := os.ReadFile("../../testdata/examples/banking.csv")
	require.NoError(t, err)
	header, body, _ := strings.Cut(string(b), "\n")
	in := header + "\n" + strings.Repeat(body, 40) // several batches
	_, one, _ := runCLI(t, in, "augment", "--format", "csv", "-k", "3", "--workers", "1")
	_, three, _ := runCLI(t, in, "augment", "--format", "csv", "-k", "3", "--workers", "3")
	assert.Equal(t, one, three)
	// Variants were made: originals plus at least one more copy's worth
	// (the default preset learns anchors from this corpus, whose rows
	// repeat 40 times, so some rows fall short of k).
	assert.Greater(t, len(one), len(in)*2)
}

// Why: nothing is lost. Bad rows stop the run with a located error by
// default; with --on-error skip they go, verbatim with their reason, to the
// rejects file, and rows in = written + rejected.
func TestAugmentBadRows(t *testing.T) {
	for _, c := range []struct {
		file                string
		format              corpus.Format
		firstError          string
		rows, good, rejects int
	}{
		{"bad.csv", corpus.CSV, "bad.csv:3:", 10, 3, 7},
		{"bad.jsonl", corpus.JSONL, "bad.jsonl:2:", 9, 2, 7},
	} {
		t.Run(c.file, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join("../../testdata/corpus", c.file)
			out := filepath.Join(dir, "out"+filepath.Ext(c.file))
			code, _, errs := runCLI(t, "", "augment", "-k", "1", "--ops", "swap,delete,punct", "-o", out, in)
			assert.Equal(t, 1, code)
			assert.Contains(t, errs, c.firstError)
			_, err := os.Stat(out)
			assert.True(t, os.IsNotExist(err), "no output after a failed run")

			rej := filepath.Join(dir, "rejects.jsonl")
			code, _, errs = runCLI(t, "", "augment", "-k", "1", "--ops", "swap,delete,punct", "--on-error", "skip", "--rejects", rej, "-o", out, in)
			require.Equal(t, 0, code, errs)
			assert.Contains(t, errs, strings.Join([]string{strconv.Itoa(c.rows), "rows in,", strconv.Itoa(c.good), "written"}, " "))
			assert.Contains(t, errs, strconv.Itoa(c.rejects)+" rejected")
			assert.Len(t, readAll(t, out, c.format), 2*c.good-countShort(errs), "original + 1 variant per good row")
			f, err := os.Open(rej)
			require.NoError(t, err)
			defer f.Close()
			n := 0
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				var r struct {
					Line   int
					Reason string
					Raw    *string
					Raw64  *string `json:"raw_base64"`
				}
				require.NoError(t, json.Unmarshal(sc.Bytes(), &r))
				assert.Positive(t, r.Line)
				assert.NotEmpty(t, r.Reason)
				assert.True(t, r.Raw != nil || r.Raw64 != nil, "the row verbatim")
				n++
			}
			assert.Equal(t, c.rejects, n)
		})
	}
}

// countShort returns the number of missing variants in a summary line.
func countShort(summary string) int {
	i := strings.Index(summary, "shortfalls (")
	if i < 0 {
		return 0
	}
	var n int
	for _, c := range summary[i+len("shortfalls ("):] {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func TestAugmentGzipInAndOut(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl.gz")
	f, err := os.Create(in)
	require.NoError(t, err)
	gz := gzip.NewWriter(f)
	b, err := os.ReadFile("../../testdata/examples/finance.jsonl")
	require.NoError(t, err)
	_, err = gz.Write(b)
	require.NoError(t, err)
	require.NoError(t, gz.Close())
	require.NoError(t, f.Close())
	out := filepath.Join(dir, "out.jsonl.gz")
	code, _, errs := runCLI(t, "", "augment", "--preset", "shuffle", "-k", "2", "-o", out, in)
	require.Equal(t, 0, code, errs)
	assert.Len(t, readAll(t, out, corpus.JSONL), 8*3)
}

func TestPresetsAndRecipes(t *testing.T) {
	code, out, _ := runCLI(t, "", "presets")
	require.Equal(t, 0, code)
	for _, name := range []string{"eda", "aeda", "finance", "intent"} {
		assert.Contains(t, out, name+"\n")
	}
	code, out, _ = runCLI(t, "", "presets", "finance")
	require.Equal(t, 0, code)
	var r recipe.Recipe
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, "strict", r.Synonyms.Guard)

	dir := t.TempDir()
	js := filepath.Join(dir, "finance.json")
	require.NoError(t, os.WriteFile(js, []byte(out), 0o644))
	_, viaPreset, _ := runCLI(t, "", "augment", "--preset", "finance", "-k", "3", "../../testdata/examples/finance.jsonl")
	_, viaRecipe, errs := runCLI(t, "", "augment", "--recipe", js, "-k", "3", "../../testdata/examples/finance.jsonl")
	assert.Equal(t, viaPreset, viaRecipe, errs)

	yml := filepath.Join(dir, "mine.yaml")
	require.NoError(t, os.WriteFile(yml, []byte("k: 2\nops: [punct]\nalpha: 0.1\nsynonyms: {base: none, domains: [], polarity_guard: off}\n"), 0o644))
	code, out, errs = runCLI(t, "I lost my card and need help now\n", "augment", "--recipe", yml, "--no-original")
	require.Equal(t, 0, code, errs)
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.Regexp(t, `[.;?:!,]`, l, "AEDA only adds marks")
	}
	require.NoError(t, os.WriteFile(yml, []byte("k: 2\nops: [teleport]\nalpha: 0.1\n"), 0o644))
	code, _, errs = runCLI(t, "x y\n", "augment", "--recipe", yml)
	assert.Equal(t, 1, code, "a bad recipe file is bad input")
	assert.Contains(t, errs, "teleport")
	require.NoError(t, os.WriteFile(yml, []byte("k: 2\nunknown_knob: 1\n"), 0o644))
	code, _, _ = runCLI(t, "x y\n", "augment", "--recipe", yml)
	assert.NotEqual(t, 0, code, "unknown fields are errors")
}

func TestFinancePresetKeepsDirectionWords(t *testing.T) {
	code, out, errs := runCLI(t, "Net sales fell sharply while operating profit rose in the quarter\n",
		"augment", "--preset", "finance", "-k", "9", "--no-original", "--ops", "delete,swap")
	require.Equal(t, 0, code, errs)
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		w := strings.Fields(strings.ToLower(l))
		assert.Contains(t, w, "fell", l)
		assert.Contains(t, w, "rose", l)
	}
}

func TestExplain(t *testing.T) {
	code, out, errs := runCLI(t, "", "explain", "-k", "3", "I was charged $25.80 and I can't find the refund")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "$25.80")
	assert.Contains(t, out, "money")
	assert.Contains(t, out, "n't")
	assert.Contains(t, out, "variants (seed 1)")
	assert.Contains(t, out, "reimbursement", "the candidates of refund")
	code, _, _ = runCLI(t, "", "explain")
	assert.Equal(t, 2, code)
}

func TestUsageErrorsOfTheCorpusCLI(t *testing.T) {
	for _, args := range [][]string{
		{"augment", "--lang", "fr", "x.txt"},
		{"augment", "--format", "xml"},
		{"augment", "--on-error", "ignore"},
		{"augment", "--rejects", "r.jsonl"},
		{"augment", "--preset", "nope"},
		{"augment", "-o", "out.jsonl", "../../testdata/examples/banking.csv"},
		{"augment", "--alpha-sr", "2"},
	} {
		code, _, errs := runCLI(t, "", args...)
		assert.Equal(t, 2, code, "%v: %s", args, errs)
	}
	code, out, _ := runCLI(t, "", "augment", "--help")
	assert.Equal(t, 0, code)
	_ = out
}

func TestOutputFileMode(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.txt")
	code, _, errs := runCLI(t, "lost my card today\n", "augment", "-k", "1", "--ops", "swap", "-o", out)
	require.Equal(t, 0, code, errs)
	st, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	require.NoError(t, os.Chmod(out, 0o600))
	code, _, errs = runCLI(t, "lost my card today\n", "augment", "-k", "1", "--ops", "swap", "-o", out)
	require.Equal(t, 0, code, errs)
	st, err = os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm(), "a replaced file keeps its mode")
}

// Why: an interrupted run (Ctrl-C cancels the context) must not leave a
// half-written output behind.
func TestInterruptedRunLeavesNoOutput(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr strings.Builder
	code := augmentCmd(ctx, []string{"-k", "2", "-o", out, "../../testdata/examples/finance.jsonl"}, strings.NewReader(""), &stdout, &stderr)
	assert.Equal(t, 1, code, "run turns it into 130 or 143 (TestSignals)")
	assert.NotContains(t, stderr.String(), "context canceled", "run says interrupted")
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "neither the output nor its temporary file")
}
