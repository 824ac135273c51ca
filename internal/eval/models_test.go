package eval_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

// The noisy test set is the test texts through the experiment's Noise:
// the noisy accuracy of an arm is that of its classifier on Noise.Apply
// of the test texts, and the clean accuracy does not move.
func TestNoiseWiring(t *testing.T) {
	clean := fixtureExperiment(t, 1, 2)
	clean.Arms = clean.Arms[:1] // none: its classifier is easy to rebuild
	ref, err := clean.Score(context.Background())
	require.NoError(t, err)
	assert.Nil(t, ref[0].Noisy, "no noise, no noisy column")

	x := fixtureExperiment(t, 1, 2)
	x.Arms = x.Arms[:1]
	x.Noise = eval.Noise{Kinds: []string{eval.NoiseTypo, eval.NoiseCase}, Rate: 0.5, Seed: 3}
	scores, err := x.Score(context.Background())
	require.NoError(t, err)
	require.Len(t, scores[0].Noisy, 2)
	assert.Equal(t, ref[0].Acc, scores[0].Acc, "clean accuracy unchanged")

	testTexts, testLabels := eval.Columns(x.Test)
	noisy, err := x.Noise.Apply(testTexts)
	require.NoError(t, err)
	assert.NotEqual(t, testTexts, noisy, "the noise changes some texts")
	for si, seed := range x.Seeds {
		texts, labels := eval.Columns(pickExamples(x.Train, trainColumns(x)(seed)))
		c, err := eval.Train(texts, labels, nil, x.Config)
		require.NoError(t, err)
		assert.Equal(t, eval.Accuracy(testLabels, c.Predict(noisy)), scores[0].Noisy[si], "seed %d", seed)
	}
	lines := eval.ScoreLines(scores)
	assert.Equal(t, "noisy acc. %", lines[0][8])
}

// Several models at once: one group of scores per model, in order; the
// CNN has no model selection, and with its fixed budget of updates the
// copy control draws from the same distribution as no augmentation.
func TestModelsLRAndCNN(t *testing.T) {
	x := fixtureExperiment(t, 1)
	x.Models = []string{eval.ModelLR, eval.ModelCNN}
	x.CNN = eval.CNNConfig{Steps: 60, Dim: 16, Filters: 8}
	x.Select = &eval.Selection{Analyzers: []eval.Analyzer{eval.Words}, Cs: []float64{10}, Folds: 2}
	scores, err := x.Score(context.Background())
	require.NoError(t, err)
	groups := eval.ByModel(scores)
	require.Len(t, groups, 2)
	for gi, m := range x.Models {
		require.Len(t, groups[gi], 3)
		for _, s := range groups[gi] {
			assert.Equal(t, m, s.Model)
		}
	}
	assert.NotNil(t, groups[0][0].Chosen)
	assert.Nil(t, groups[1][0].Chosen, "no selection for the CNN")
	none, cp := groups[1][0], groups[1][1]
	assert.Equal(t, none.Acc, cp.Acc, "CNN: copy ≡ none under a fixed budget")
	assert.Len(t, eval.ChosenLines(scores, x.Seeds), 1+3, "a header and the LR arms")
}

func trainColumns(x *eval.Experiment) func(seed int) []int {
	texts, labels := eval.Columns(x.Train)
	return func(seed int) []int { return eval.LRS(texts, labels, x.Size, seed) }
}

func pickExamples(ex []eval.Example, idx []int) []eval.Example {
	out := make([]eval.Example, len(idx))
	for i, j := range idx {
		out[i] = ex[j]
	}
	return out
}
