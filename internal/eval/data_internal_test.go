package eval

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// readTrain reads ../shared/data/<dataset>/train.jsonl beside the module
// root, skipping the test when the shared data is absent.
func readTrain(tb testing.TB, dataset string) (texts, labels []string) {
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
	f, err := os.Open(filepath.Join(dir, "..", "shared", "data", dataset, "train.jsonl"))
	if err != nil {
		tb.Skipf("shared data absent (%v): this test needs ../shared/data beside the module root", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row struct {
			Text  string `json:"text"`
			Label string `json:"label"`
		}
		require.NoError(tb, json.Unmarshal(sc.Bytes(), &row))
		texts = append(texts, row.Text)
		labels = append(labels, row.Label)
	}
	require.NoError(tb, sc.Err())
	return texts, labels
}
