package eval_test

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// sharedData returns the shared evaluation data directory, ../shared/data
// beside the module root, or skips the test when it is absent.
func sharedData(tb testing.TB) string {
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
		tb.Skipf("shared data absent (%v): this test needs ../shared/data beside the module root", err)
	}
	return data
}

// split is one JSONL split: the raw lines and their decoded fields.
type split struct {
	lines  []string
	texts  []string
	labels []string
}

// readSplit reads shared/data/<dataset>/<name>.jsonl, skipping the test when
// the shared data is absent.
func readSplit(tb testing.TB, dataset, name string) split {
	tb.Helper()
	f, err := os.Open(filepath.Join(sharedData(tb), dataset, name+".jsonl"))
	require.NoError(tb, err)
	defer f.Close()
	var s split
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row struct {
			Text  string `json:"text"`
			Label string `json:"label"`
		}
		require.NoError(tb, json.Unmarshal(sc.Bytes(), &row), "%s/%s.jsonl line %d", dataset, name, len(s.lines)+1)
		s.lines = append(s.lines, sc.Text())
		s.texts = append(s.texts, row.Text)
		s.labels = append(s.labels, row.Label)
	}
	require.NoError(tb, sc.Err())
	return s
}
