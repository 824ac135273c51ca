package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// labelledFixture is textaug's test fixture: four banking intents of 6 to
// 10 rows and a few finance sentences.
const labelledFixture = "../../textaug/testdata/labelled.jsonl"

func countLabels(t *testing.T, out string) map[string]int {
	t.Helper()
	m := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ Text, Label string }
		require.NoError(t, json.Unmarshal([]byte(line), &r), line)
		m[r.Label]++
	}
	return m
}

// --balance fills every label up to the largest; --balance N up to N,
// capped by --max-k, and the summary says who falls short and why.
func TestAugmentBalance(t *testing.T) {
	code, out, errs := runCLI(t, "", "augment", "--preset", "intent", "--balance", "--seed", "3", labelledFixture)
	require.Equal(t, 0, code, errs)
	for l, n := range countLabels(t, out) {
		assert.Equal(t, 10, n, "%s reaches the largest label's 10 rows", l)
	}
	assert.Contains(t, errs, "label          in  target  out  shortfall  why")

	code, out, errs = runCLI(t, "", "augment", "--preset", "intent", "--balance", "30", "--max-k", "3", labelledFixture)
	require.Equal(t, 0, code, errs)
	counts := countLabels(t, out)
	assert.Equal(t, 30, counts["card_arrival"], "10 rows, k 2")
	assert.Equal(t, 24, counts["top_up"], "6 rows, capped at k 3")
	assert.Regexp(t, `top_up +6 +30 +24 +6 +--max-k 3 allows 24 rows`, errs)
}

// The statistics go to a file and come back from it: the same output,
// and a shard of the run uses the same anchors.
func TestAugmentStatsFile(t *testing.T) {
	dir := t.TempDir()
	stats := filepath.Join(dir, "stats.json")
	code, first, errs := runCLI(t, "", "augment", "--preset", "intent", "--stats-out", stats, labelledFixture)
	require.Equal(t, 0, code, errs)
	b, err := os.ReadFile(stats)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"format": "textaug-corpus-stats"`)
	code, again, errs := runCLI(t, "", "augment", "--preset", "intent", "--stats", stats, labelledFixture)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, first, again)

	require.NoError(t, os.WriteFile(stats, []byte(`{"format": "other"}`), 0o644))
	code, _, errs = runCLI(t, "", "augment", "--preset", "intent", "--stats", stats, labelledFixture)
	assert.Equal(t, 1, code)
	assert.Contains(t, errs, `format: "other" is not "textaug-corpus-stats"`)
}

// With the intent preset, a label's anchors survive every variant; the
// same preset on a corpus without labels works as before.
func TestAugmentAnchorsByDefault(t *testing.T) {
	code, out, errs := runCLI(t, "", "augment", "--preset", "intent", "--ops", "delete", "--alpha", "0.5", "--anchor-min-z", "2", "--no-original", labelledFixture)
	require.Equal(t, 0, code, errs)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ Text, Label string }
		require.NoError(t, json.Unmarshal([]byte(line), &r))
		if r.Label == "exchange_rate" {
			assert.Contains(t, r.Text, "exchange rate", "the label's anchor")
		}
	}
	code, plain, _ := runCLI(t, "When will my new card arrive?\n", "augment", "--preset", "intent", "--seed", "2")
	require.Equal(t, 0, code)
	code, noAnchors, _ := runCLI(t, "When will my new card arrive?\n", "augment", "--preset", "intent", "--seed", "2", "--anchors=false")
	require.Equal(t, 0, code)
	assert.Equal(t, noAnchors, plain, "no labels: no pass, as before")
}

// The filter and label-swap run on stdin (spooled, read twice) and give
// the same bytes as on the file, whatever the worker count.
func TestAugmentFilterStdin(t *testing.T) {
	in, err := os.ReadFile(labelledFixture)
	require.NoError(t, err)
	args := []string{"augment", "--preset", "intent", "--ops", "synonym,delete,label-swap", "--filter", "--balance", "--format", "jsonl", "--seed", "4"}
	code, fromFile, errs := runCLI(t, "", append(args, labelledFixture)...)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, errs, "label          in  target  out  shortfall  why")
	code, fromStdin, errs := runCLI(t, string(in), append(args, "--workers", "3", "-")...)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, fromFile, fromStdin)
}

func TestLabelUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--balance", "--ops", "swap"}, "need a corpus with labels"},
		{[]string{"--balance=x"}, "--balance: want a number of rows"},
		{[]string{"--max-k", "3"}, "--max-k: caps balancing's k: give balance too"},
		{[]string{"--anchor-max", "-1"}, "--anchor-max: must not be negative"},
	} {
		code, _, errs := runCLI(t, "a b c d\n", append([]string{"augment"}, c.args...)...)
		assert.Equal(t, 2, code, "%v: %s", c.args, errs)
		assert.Contains(t, errs, c.want, c.args)
	}
}

// explain shows the label's anchors and the entities of the sentence.
func TestExplainLabels(t *testing.T) {
	stats := filepath.Join(t.TempDir(), "stats.json")
	code, _, errs := runCLI(t, "", "augment", "--preset", "intent", "--anchor-min-z", "2", "--stats-out", stats, "-o", filepath.Join(t.TempDir(), "out.jsonl"), labelledFixture)
	require.Equal(t, 0, code, errs)
	code, out, errs := runCLI(t, "", "explain", "--preset", "intent", "--stats", stats, "--label", "card_arrival", "When will the card arrive in London?")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "anchors of card_arrival: card (z 3.1, 10 rows), arrived/arrive/arrives (z 2.9, 8 rows)")
	assert.Regexp(t, `card +word +NN +replace,delete,move +anchor`, out)
	assert.Regexp(t, `arrive +word +\S+ +replace,delete,move +anchor`, out)
	assert.Regexp(t, `London +word +NNP +replace,delete,move +entity`, out)
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, " ") && strings.Contains(line, ". [") {
			assert.Contains(t, line, "card", line)
		}
	}
	code, _, errs = runCLI(t, "", "explain", "--preset", "intent", "--label", "card_arrival", "x y")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "--label goes with --stats")
}
