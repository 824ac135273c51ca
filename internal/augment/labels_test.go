package augment

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/textaug"
)

const passInput = `{"text": "When will my card arrive?", "label": "card_arrival"}
{"text": "My card has not arrived.", "label": "card_arrival"}
{"text": "Has my card arrived yet?", "label": "card_arrival"}
not json
{"text": "What is the exchange rate?", "label": "exchange_rate"}
{"text": "No label here, says Nokia."}
{"text": "Nokia sent it, London said.", "label": "other"}
`

func TestCorpusPass(t *testing.T) {
	r, err := corpus.NewReader(strings.NewReader(passInput), corpus.ReaderOptions{Format: corpus.JSONL, Name: "in.jsonl"})
	require.NoError(t, err)
	l, err := CorpusPass(context.Background(), r, PassOptions{
		Stats:   &textaug.StatsBuilder{MinZ: 1},
		Balance: &Balance{},
		Filter:  &Filter{Train: trainKeywords, Folds: 2},
		Seed:    3,
	})
	require.NoError(t, err)
	// "not json" and the row without the label of a labelled corpus are bad
	// rows, skipped.
	assert.Equal(t, 5, l.Stats.Rows, "the bad rows are skipped")
	assert.Equal(t, []string{"london"}, l.Stats.Entities)
	assert.Contains(t, terms(l.Stats.AnchorsOf("card_arrival")), "card")
	assert.Equal(t, 0, l.Unlabelled)
	var plan []string
	for _, lp := range l.Plan.Labels {
		plan = append(plan, lp.Label)
		assert.Equal(t, 3, lp.Rows+lp.Variants, lp.Label)
	}
	assert.Equal(t, []string{"card_arrival", "exchange_rate", "other"}, plan)
	assert.Zero(t, l.Plan.K("No label here, says Nokia.", ""))
	require.NotNil(t, l.Filter)

	// Nothing asked, nothing collected.
	r, err = corpus.NewReader(strings.NewReader(passInput), corpus.ReaderOptions{Format: corpus.JSONL})
	require.NoError(t, err)
	l, err = CorpusPass(context.Background(), r, PassOptions{})
	require.NoError(t, err)
	assert.Nil(t, l.Stats)
	assert.Nil(t, l.Plan)
	assert.Nil(t, l.Filter)
}

func terms(as []textaug.Anchor) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Term)
	}
	return out
}

// LearnRows learns from rows in memory what CorpusPass learns from a
// reader.
func TestLearnRows(t *testing.T) {
	r, err := corpus.NewReader(strings.NewReader(passInput), corpus.ReaderOptions{Format: corpus.JSONL})
	require.NoError(t, err)
	fromReader, err := CorpusPass(context.Background(), r, PassOptions{Stats: &textaug.StatsBuilder{MinZ: 1}, Balance: &Balance{}})
	require.NoError(t, err)
	// The reader skips the row without a label as a bad row.
	texts := []string{"When will my card arrive?", "My card has not arrived.", "Has my card arrived yet?", "What is the exchange rate?", "Nokia sent it, London said."}
	labels := []string{"card_arrival", "card_arrival", "card_arrival", "exchange_rate", "other"}
	fromRows, err := LearnRows(texts, labels, PassOptions{Stats: &textaug.StatsBuilder{MinZ: 1}, Balance: &Balance{}})
	require.NoError(t, err)
	assert.Equal(t, fromReader.Stats.Labels, fromRows.Stats.Labels)
	assert.Equal(t, fromReader.Stats.Entities, fromRows.Stats.Entities)
	assert.Equal(t, fromReader.Plan.Labels, fromRows.Plan.Labels)
	assert.Equal(t, 0, fromRows.Unlabelled)

	// Rows in memory may lack a label: they are counted, not learnt from.
	fromRows, err = LearnRows(append(texts, "No label here, says Nokia."), append(labels, ""), PassOptions{Stats: &textaug.StatsBuilder{MinZ: 1}, Balance: &Balance{}})
	require.NoError(t, err)
	assert.Equal(t, 1, fromRows.Unlabelled)
}
