package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/textaug"
)

func TestStatsFiles(t *testing.T) {
	var b textaug.StatsBuilder
	require.NoError(t, b.Add("My card has not arrived in London.", "card_arrival"))
	s := b.Stats()
	path := filepath.Join(t.TempDir(), "stats.json")
	require.NoError(t, writeStatsFile(path, s))
	back, err := readStatsFile(path)
	require.NoError(t, err)
	assert.Equal(t, s.Labels, back.Labels)
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left")

	_, err = readStatsFile(filepath.Join(t.TempDir(), "missing.json"))
	assert.ErrorContains(t, err, "--stats: open")
	require.NoError(t, os.WriteFile(path, []byte("{\n  \"format\": 1}"), 0o644))
	_, err = readStatsFile(path)
	assert.ErrorContains(t, err, "textaug: stats "+path+":2:13:")
	assert.Error(t, writeStatsFile(filepath.Join(t.TempDir(), "no", "such", "dir.json"), s))
}

func TestSpool(t *testing.T) {
	path, remove, err := spool(strings.NewReader("a\nb\n"))
	require.NoError(t, err)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "a\nb\n", string(b))
	remove()
	_, err = os.Stat(path)
	assert.True(t, os.IsNotExist(err))
}

func TestLabelTable(t *testing.T) {
	in := `{"text": "a b c", "label": "big"}
{"text": "a b d", "label": "big"}
{"text": "a b e", "label": "big"}
{"text": "a b f", "label": "big"}
{"text": "x y", "label": "small"}
`
	r, err := corpus.NewReader(strings.NewReader(in), corpus.ReaderOptions{Format: corpus.JSONL})
	require.NoError(t, err)
	l, err := augment.CorpusPass(context.Background(), r, augment.PassOptions{Balance: &augment.Balance{Target: 6, MaxK: 2}})
	require.NoError(t, err)
	var tally augment.LabelTally
	for i := range 4 {
		tally.Add("big", textaug.Result{Variants: make([]textaug.Variant, min(i, 1))})
	}
	tally.Add("small", textaug.Result{Variants: make([]textaug.Variant, 1), Shortfall: 1, Reason: "only 1 distinct variants in 18 attempts"})
	var buf bytes.Buffer
	printLabelTable(&buf, tally.Counts(), l, 2)
	assert.Equal(t, `label  in  target  out  shortfall  why
big    4   6       7    0          -
small  1   6       2    4          --max-k 2 allows 3 rows; 1 rows lack 1 variants (only 1 distinct variants in 18 attempts)
`, buf.String())
}
