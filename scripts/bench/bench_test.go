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
func TestRunPrintsTheTable(t *testing.T) {
	if _, err := os.Stat("/bin/sh"); err != nil {
		t.Skip("no /bin/sh for the stand-in binaries")
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "textaug")
	require.NoError(t, os.WriteFile(fake, []byte("#!/bin/sh\ncat >/dev/null 2>&1 || true\n"), 0o755))
	ref := filepath.Join(dir, "augment.py")
	require.NoError(t, os.WriteFile(ref, []byte("#!/bin/sh\nexit 0\n"), 0o755))
	en, zh := filepath.Join(dir, "en.txt"), filepath.Join(dir, "zh.txt")
	require.NoError(t, os.WriteFile(en, []byte("I lost my card\nhelp me\n"), 0o644))
	require.NoError(t, os.WriteFile(zh, []byte("我的卡丢了\n"), 0o644))
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
