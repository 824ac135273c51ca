// Package shareddata finds the shared evaluation data for tests and
// benchmarks: ../shared/data beside the module root (banking77,
// financial_phrasebank_*, crosswoz_intent_zh, cped_sentiment_zh, each with
// train.jsonl and test.jsonl of {"text","label"}, and lexicons/). The data
// is never copied into the repository; a test that needs it skips, with a
// message saying so, where it is absent.
//
// It is for tests only: every function takes a testing.TB and skips or
// fails it.
package shareddata

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// Dir returns the shared data directory, found by walking up from the
// working directory to go.mod, or skips tb.
func Dir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	require.NoError(tb, err)
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("go.mod not found above the working directory; cannot locate ../shared/data")
		}
		dir = parent
	}
	data := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(data); err != nil {
		tb.Skipf("shared data absent (%v): this needs ../shared/data beside the module root", err)
	}
	return data
}

// Path returns the shared file at elem (relative to Dir), or skips tb
// when it is absent.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Dir(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared file absent: %v", err)
	}
	return p
}

// Split is one JSONL split: each row's line as in the file and its
// decoded text and label.
type Split struct {
	Lines, Texts, Labels []string
}

// Read reads up to n rows (all when n <= 0) of dataset's split ("train",
// "test"), or skips tb when the shared data is absent.
func Read(tb testing.TB, dataset, split string, n int) Split {
	tb.Helper()
	f, err := os.Open(Path(tb, dataset, split+".jsonl"))
	require.NoError(tb, err)
	defer f.Close()
	var s Split
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() && (n <= 0 || len(s.Lines) < n) {
		var row struct {
			Text  string `json:"text"`
			Label string `json:"label"`
		}
		require.NoError(tb, json.Unmarshal(sc.Bytes(), &row), "%s/%s.jsonl line %d", dataset, split, len(s.Lines)+1)
		s.Lines = append(s.Lines, sc.Text())
		s.Texts = append(s.Texts, row.Text)
		s.Labels = append(s.Labels, row.Label)
	}
	require.NoError(tb, sc.Err())
	return s
}

// Texts returns the texts of the first n rows of dataset's train split.
func Texts(tb testing.TB, dataset string, n int) []string {
	tb.Helper()
	return Read(tb, dataset, "train", n).Texts
}

// Mixed returns up to n texts from the train splits of datasets, n/len
// of each, interleaved: the first of each, then the second of each, ...
func Mixed(tb testing.TB, n int, datasets ...string) []string {
	tb.Helper()
	per := n / len(datasets)
	var sets [][]string
	for _, d := range datasets {
		sets = append(sets, Texts(tb, d, per))
	}
	var out []string
	for i := 0; i < per; i++ {
		for _, s := range sets {
			if i < len(s) {
				out = append(out, s[i])
			}
		}
	}
	return out
}
