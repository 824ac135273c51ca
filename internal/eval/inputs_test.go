package eval_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/eval"
)

func readExamples(t *testing.T, data string) ([]eval.Example, error) {
	t.Helper()
	r, err := corpus.NewReader(strings.NewReader(data), corpus.ReaderOptions{Format: corpus.CSV, Name: "t.csv"})
	require.NoError(t, err)
	return eval.ReadExamples(r, "t.csv")
}

// Why: eval reads every row with its label, and refuses a file it could
// only half use, naming file and line.
func TestReadExamples(t *testing.T) {
	ex, err := readExamples(t, "text,label\nlost card,a\nwhere is my money,b\n")
	require.NoError(t, err)
	assert.Equal(t, []eval.Example{{Text: "lost card", Label: "a"}, {Text: "where is my money", Label: "b"}}, ex)

	_, err = readExamples(t, "text,other\nx,y\n")
	assert.ErrorContains(t, err, "t.csv: no label column or field")
	_, err = readExamples(t, "text,label\nx,a\ny,\n")
	assert.ErrorContains(t, err, "t.csv:3: row 2 has an empty label")
	_, err = readExamples(t, "text,label\n")
	assert.ErrorContains(t, err, "t.csv: no rows")
	_, err = readExamples(t, "text,label\n\"x,a\n")
	assert.ErrorContains(t, err, "t.csv:2")
}

// Why: the subset flags pick their sampler, size and description, the
// first one set winning, the whole file by default.
func TestSubset(t *testing.T) {
	_, size, desc := eval.Subset(5, 0, 0)
	assert.Equal(t, 5, size)
	assert.Equal(t, "5 per label", desc)
	_, size, desc = eval.Subset(0, 500, 0)
	assert.Equal(t, 500, size)
	assert.Equal(t, "500 in total, stratified", desc)
	pick, size, desc := eval.Subset(0, 0, 0.5)
	assert.Equal(t, 0, size)
	assert.Equal(t, "0.5 of every label, rounded up", desc)
	texts := []string{"a", "b", "c", "d"}
	labels := []string{"x", "x", "y", "y"}
	assert.Len(t, pick(texts, labels, 0, 1), 2)
	_, _, desc = eval.Subset(0, 0, 0)
	assert.Equal(t, "the whole training file", desc)
}
