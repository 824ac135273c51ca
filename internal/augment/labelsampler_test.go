package augment

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

func TestLabelSamplers(t *testing.T) {
	r, err := corpus.NewReader(strings.NewReader(passInput), corpus.ReaderOptions{Format: corpus.JSONL})
	require.NoError(t, err)
	l, err := CorpusPass(context.Background(), r, PassOptions{
		Stats: &textaug.StatsBuilder{MinZ: 1}, Balance: &Balance{Target: 5}, Filter: &Filter{Train: trainKeywords, Folds: 2},
	})
	require.NoError(t, err)
	rec := recipe.Recipe{Name: "t", K: 3, Ops: []string{"delete", "swap"}, Alpha: 0.3, Synonyms: recipe.Synonyms{Base: "none"}}
	ls := &LabelSamplers{Words: rec.LabelWords(l.Stats), Labels: l}
	base := textaug.Sampler{K: 3, Seed: 1, Accept: func(o, v string) bool { return true }}
	mixed := 0
	smp, err := ls.For(base, "When will my card arrive?", "card_arrival", func(w textaug.Augmenter) textaug.Augmenter { mixed++; return w })
	require.NoError(t, err)
	assert.Equal(t, 1, mixed)
	assert.Equal(t, l.Plan.K("When will my card arrive?", "card_arrival"), smp.K)
	assert.Positive(t, smp.K)
	res, err := smp.Sample(context.Background(), "", "When will my card arrive?")
	require.NoError(t, err)
	for _, v := range res.Variants {
		assert.Contains(t, v.Text, "card", "an anchor of card_arrival")
	}
	counts, _ := l.Filter.Counts()
	c := counts["card_arrival"]
	assert.Equal(t, len(res.Variants)+c.Rejected, c.Checked+c.Unchecked, "every candidate past the built-in checks was judged")

	// No labels: the recipe's k and no filter.
	ls = &LabelSamplers{Words: rec.LabelWords(nil)}
	smp, err = ls.For(base, "x y z", "", func(w textaug.Augmenter) textaug.Augmenter { return w })
	require.NoError(t, err)
	assert.Equal(t, 3, smp.K)
}
