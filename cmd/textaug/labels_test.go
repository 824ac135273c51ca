package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/textaug"
)

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
