package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMedianAndPairedRatio(t *testing.T) {
	s := []sample{{cpu: 3}, {cpu: 1}, {cpu: 2}}
	assert.Equal(t, 2.0, median(s, cpu))
	assert.Equal(t, 1.5, median(s[1:], cpu))
	r := result{
		own: []sample{{cpu: 1, wall: 2}, {cpu: 2, wall: 2}, {cpu: 4, wall: 1}},
		ref: []sample{{cpu: 10, wall: 20}, {cpu: 30, wall: 10}, {cpu: 8, wall: 9}},
	}
	assert.Equal(t, 10.0, pairedRatio(r, cpu)) // 10, 15, 2
	assert.Equal(t, 9.0, pairedRatio(r, wall)) // 10, 5, 9
}

func TestWriteRows(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "rows.txt")
	require.NoError(t, writeRows(p, []string{"a", "b"}, 5, "x\t", true))
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "x\ta\nx\tb\nx\ta 2\nx\tb 3\nx\ta 4\n", string(b))
	require.NoError(t, writeRows(p, []string{"a", "b"}, 3, "", false))
	b, err = os.ReadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "a\nb\na\n", string(b))
}

func TestSentences(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.MkdirAll(filepath.Join(dir, "set"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "set", "train.jsonl"),
		[]byte(`{"text": "one\ttwo", "label": "x"}`+"\n"+`{"text": " ", "label": "y"}`+"\n"), 0o644))
	got, err := sentences("", dir, []string{"set/train"})
	require.NoError(t, err)
	assert.Equal(t, []string{"one two"}, got, "tabs and blank rows never reach the TSV")
	_, err = sentences("", dir, []string{"missing/train"})
	assert.ErrorContains(t, err, "give -en and -zh")
	txt := filepath.Join(dir, "en.txt")
	require.NoError(t, os.WriteFile(txt, []byte("I lost my card\n\nhelp\n"), 0o644))
	got, err = sentences(txt, "", nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"I lost my card", "help"}, got)
}

// The whole program against a stand-in for textaug (a shell script that
// reads its input) and a stand-in reference: every job is measured and
// printed, the reference paired with the English bulk job only.
// standIns writes, in a temporary directory, stand-in textaug binaries
// (shell scripts that read their input and succeed) named names, and
// English and Chinese rows; it returns the directory and the two files.
func standIns(t *testing.T, names ...string) (dir, en, zh string) {
	t.Helper()
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the stand-in binaries")
	}
	dir = t.TempDir()
	for _, n := range names {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n), []byte("#!/bin/sh\ncat >/dev/null 2>&1 || true\n"), 0o755))
	}
	en, zh = filepath.Join(dir, "en.txt"), filepath.Join(dir, "zh.txt")
	require.NoError(t, os.WriteFile(en, []byte("I lost my card\nhelp me\n"), 0o644))
	require.NoError(t, os.WriteFile(zh, []byte("我的卡丢了\n"), 0o644))
	return dir, en, zh
}

func TestRunPrintsTheTable(t *testing.T) {
	dir, en, zh := standIns(t, "textaug")
	fake := filepath.Join(dir, "textaug")
	ref := filepath.Join(dir, "augment.py")
	require.NoError(t, os.WriteFile(ref, []byte("#!/bin/sh\nexit 0\n"), 0o755))
	t.Setenv("TEXTAUG_EDA_REF", ref)
	t.Setenv("TEXTAUG_PYTHON", "/bin/sh")
	var out bytes.Buffer
	o := &options{runs: 2, bin: fake, en: en, zh: zh, rows: 10, workers: 2}
	require.NoError(t, run(o, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 8, out.String())
	assert.Contains(t, lines[4], "one Chinese row")
	assert.Contains(t, lines[5], "10 Chinese rows, k=9")
	assert.Contains(t, lines[6], "10 English rows")
	assert.Contains(t, lines[6], "× / ", "the reference's ratios")
	assert.NotContains(t, lines[7], "×", "no reference for one row")
}

func TestRunWithBeforeAndOnly(t *testing.T) {
	dir, en, zh := standIns(t, "textaug", "textaug-old")
	fake, old := filepath.Join(dir, "textaug"), filepath.Join(dir, "textaug-old")
	t.Setenv("TEXTAUG_EDA_REF", "")
	var out bytes.Buffer
	o := &options{runs: 3, bin: fake, before: old, only: "English rows", en: en, zh: zh, rows: 10, workers: 2}
	require.NoError(t, run(o, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 7, out.String()) // title, blank, header, rule, one job, blank, the reference note
	assert.Contains(t, lines[2], "before ÷ now")
	assert.Contains(t, lines[4], "10 English rows")
	assert.Equal(t, 2, strings.Count(lines[4], "×"), "no reference ratios, the before ratios: %s", lines[4])
	assert.Equal(t, 2.5, pairedOver([]sample{{cpu: 2}, {cpu: 6}}, []sample{{cpu: 1}, {cpu: 2}}, cpu)) // 2, 3
}

// -eval adds the two eval rows, measured -eval-runs times, when the data
// directory has banking77; without it, one line says they were not run.
func TestRunEvalRows(t *testing.T) {
	dir, en, zh := standIns(t, "textaug")
	fake := filepath.Join(dir, "textaug")
	t.Setenv("TEXTAUG_EDA_REF", "")
	data := filepath.Join(dir, "data")
	o := &options{runs: 1, evalRuns: 2, eval: true, only: "eval", bin: fake, en: en, zh: zh, rows: 10, workers: 2, data: data}
	var out bytes.Buffer
	require.NoError(t, run(o, &out))
	assert.Contains(t, out.String(), "eval rows: not run: "+filepath.Join(data, "banking77", "train.jsonl")+" is missing (they need the shared banking77 split; give -data)")
	assert.NotContains(t, out.String(), "| `textaug eval")

	require.NoError(t, os.MkdirAll(filepath.Join(data, "banking77"), 0o755))
	for _, f := range []string{"train.jsonl", "test.jsonl"} {
		require.NoError(t, os.WriteFile(filepath.Join(data, "banking77", f), []byte(`{"text": "lost card", "label": "a"}`+"\n"), 0o644))
	}
	out.Reset()
	require.NoError(t, run(o, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 8, out.String()) // title, blank, header, rule, two jobs, blank, the reference note
	assert.Contains(t, lines[0], "1 runs each (eval rows: 2), medians")
	assert.True(t, strings.HasPrefix(lines[4], "| `textaug eval --per-class 10` on banking77 | "), lines[4])
	assert.True(t, strings.HasPrefix(lines[5], "| same with --sizes 5,10,20,full (eval learning curve) | "), lines[5])

	jobs, skip := evalJobs(o)
	assert.Empty(t, skip)
	assert.Equal(t, []string{"eval", "--train", filepath.Join(data, "banking77", "train.jsonl"), "--test", filepath.Join(data, "banking77", "test.jsonl"), "--per-class", "10"}, jobs[0].args)
	assert.Equal(t, append(slices.Clone(jobs[0].args), "--report", filepath.Join(o.tmp, "eval-report"), "--sizes", "5,10,20,full"), jobs[1].args)
	assert.Equal(t, 2, jobs[1].runs)
}

// -large adds the large-row jobs when the directory has both rows; without
// them, one line says they were not run and how to write them.
func TestRunLargeRows(t *testing.T) {
	dir, en, zh := standIns(t, "textaug")
	fake := filepath.Join(dir, "textaug")
	t.Setenv("TEXTAUG_EDA_REF", "")
	large := filepath.Join(dir, "large")
	o := &options{runs: 1, only: "large", large: large, bin: fake, en: en, zh: zh, rows: 10, workers: 2}
	var out bytes.Buffer
	require.NoError(t, run(o, &out))
	assert.Contains(t, out.String(), "large rows: not run: "+filepath.Join(large, "large-en.jsonl")+" is missing (TEXTAUG_LARGE_ROWS="+large+" go test ./textaug -run TestWriteLargeRows writes it)")

	require.NoError(t, os.MkdirAll(large, 0o755))
	for _, f := range []string{"large-en.jsonl", "large-zh.jsonl"} {
		require.NoError(t, os.WriteFile(filepath.Join(large, f), []byte(`{"text": "lost card", "label": "a"}`+"\n"), 0o644))
	}
	out.Reset()
	require.NoError(t, run(o, &out))
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 11, out.String()) // title, blank, header, rule, five jobs, blank, the reference note
	assert.Contains(t, lines[4], "one large English row (large-en.jsonl), default preset, k=2")
	assert.Contains(t, lines[8], "one large Chinese row (large-zh.jsonl), `--preset eda`, k=2")
	jobs, skip := largeJobs(o)
	assert.Empty(t, skip)
	assert.Equal(t, []string{"augment", "--seed", "1", "-o", os.DevNull, "-k", "2", filepath.Join(large, "large-en.jsonl")}, jobs[0].args)
	assert.Equal(t, []string{"augment", "--seed", "1", "-o", os.DevNull, filepath.Join(large, "large-en.jsonl")}, jobs[2].args)
}
