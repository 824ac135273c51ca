package eval_test

import (
	"testing"

	"github.com/textaug/textaug/internal/shareddata"
)

// split is one shared JSONL split.
type split = shareddata.Split

// readSplit reads shared/data/<dataset>/<name>.jsonl, or skips.
func readSplit(tb testing.TB, dataset, name string) split {
	tb.Helper()
	return shareddata.Read(tb, dataset, name, 0)
}
