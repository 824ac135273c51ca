package recipe

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

func labelStats(t *testing.T) *textaug.CorpusStats {
	b := textaug.StatsBuilder{MinZ: 1}
	for _, r := range [][2]string{
		{"When will my card arrive?", "card_arrival"}, {"My card has not arrived.", "card_arrival"},
		{"Has my card arrived in London?", "card_arrival"}, {"Where is the card you sent?", "card_arrival"},
		{"What is the exchange rate?", "exchange_rate"}, {"Which exchange rate do you use?", "exchange_rate"},
		{"Is the exchange rate fixed?", "exchange_rate"}, {"Why did the rate change in London?", "exchange_rate"},
	} {
		require.NoError(t, b.Add(r[0], r[1]))
	}
	return b.Stats()
}

// Each label's augmenter keeps that label's anchors; one is built per
// label and reused.
func TestLabelWords(t *testing.T) {
	stats := labelStats(t)
	rec := Recipe{Name: "t", K: 8, Ops: []string{"delete", "swap"}, Alpha: 0.5, Synonyms: Synonyms{Base: "none"}}
	lw := rec.LabelWords(stats)
	a, err := lw.For("card_arrival")
	require.NoError(t, err)
	again, err := lw.For("card_arrival")
	require.NoError(t, err)
	assert.Equal(t, a, again)
	res, err := textaug.Sampler{Aug: a, K: 8, Seed: 1}.Sample(context.Background(), "", "Has my new card arrived in London yet?")
	require.NoError(t, err)
	require.NotEmpty(t, res.Variants)
	for _, v := range res.Variants {
		for _, w := range []string{"card", "arrived", "London"} {
			assert.Contains(t, strings.Fields(strings.TrimSuffix(v.Text, "?")), w, v.Text)
		}
	}
	// Without statistics, the plain recipe.
	plain, err := rec.LabelWords(nil).For("card_arrival")
	require.NoError(t, err)
	assert.Nil(t, plain.(textaug.Tokens).Policy.Corpus)
}

func TestBindLabel(t *testing.T) {
	stats := labelStats(t)
	base := textaug.OneOf{Edits: []textaug.Edit{
		textaug.RandomDelete{},
		textaug.LabelSwap{Rate: 0.2},
		textaug.Chain{textaug.Sometimes{Do: textaug.LabelSwap{}, P: 0.5}},
	}}
	got := bindLabel(base, stats, "card_arrival").(textaug.OneOf)
	assert.Equal(t, textaug.LabelSwap{Stats: stats, Label: "card_arrival", Rate: 0.2}, got.Edits[1])
	inner := got.Edits[2].(textaug.Chain)[0].(textaug.Sometimes).Do
	assert.Equal(t, textaug.LabelSwap{Stats: stats, Label: "card_arrival"}, inner)
	assert.Equal(t, textaug.LabelSwap{Rate: 0.2}, base.Edits[1], "the recipe's edit is not changed")
}

// anchor_locks says which edits a learned anchor refuses.
func TestLabelAnchorLocks(t *testing.T) {
	stats := labelStats(t)
	rec := Recipe{Name: "t", K: 4, Ops: []string{"synonym"}, Alpha: 0.5, Synonyms: Synonyms{Base: "none", Guard: "on"}, Labels: Labels{AnchorLocks: "delete,move"}}
	require.NoError(t, rec.Validate())
	a, err := rec.LabelWords(stats).For("card_arrival")
	require.NoError(t, err)
	assert.Equal(t, tokenize.LockDelete|tokenize.LockMove, a.(textaug.Tokens).Policy.Corpus.AnchorLock)
	rec.Labels.AnchorLocks = "swap"
	assert.ErrorContains(t, rec.Validate(), `labels.anchor_locks: want a comma list of replace, delete and move, got "swap"`)
}

// The pass collects label-swap contexts only when something uses them: a
// label-swap operation, or a statistics file another run may read.
func TestBuilderSkipsContextsNothingUses(t *testing.T) {
	l := Labels{Anchors: true, MinRows: 2}
	b := l.Builder([]string{"synonym", "swap"})
	assert.True(t, b.SkipContexts)
	assert.Equal(t, 2, b.MinRows)
	assert.False(t, l.Builder([]string{"synonym", "label-swap"}).SkipContexts)
	l.StatsOut = "stats.json"
	assert.False(t, l.Builder([]string{"synonym"}).SkipContexts)
}
