package eval_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

// No leakage: a held-out row's variants never train its fold, every other
// row trains it with all its variants, and every row is held out once.
func TestGroupedFoldsNoLeakage(t *testing.T) {
	var sub []eval.Example
	var vars [][]string
	for i := range 12 {
		sub = append(sub, eval.Example{Text: fmt.Sprintf("row %d", i), Label: fmt.Sprintf("label %d", i%3)})
		vars = append(vars, []string{fmt.Sprintf("row %d variant a", i), fmt.Sprintf("row %d variant b", i)})
	}
	folds := eval.GroupedFolds(sub, vars, 3, 7)
	require.Len(t, folds, 3)
	held := map[string]int{}
	for f, fold := range folds {
		train := fold.TrainTexts()
		assert.Len(t, train, 3*(12-len(fold.HeldOut())), "fold %d: each training row with its 2 variants", f)
		for i, e := range sub {
			isHeld := slices.Contains(fold.HeldOut(), e.Text)
			for _, text := range append([]string{e.Text}, vars[i]...) {
				assert.Equal(t, !isHeld, slices.Contains(train, text), "fold %d: %q", f, text)
			}
			if isHeld {
				held[e.Text]++
			}
		}
		for _, v := range fold.HeldOut() {
			assert.NotContains(t, v, "variant", "fold %d tests on originals only", f)
		}
	}
	assert.Len(t, held, 12)
	for text, n := range held {
		assert.Equal(t, 1, n, text)
	}
	assert.Nil(t, eval.GroupedFolds(sub, vars, 1, 7), "one fold is no cross-validation")
}

// Model selection runs per arm and seed, picks by cross-validation (a
// C so small that the model learns nothing loses), and the score of an
// arm is that of a classifier trained with the setting it chose.
func TestSelectionPerArmAndSeed(t *testing.T) {
	x := fixtureExperiment(t, 1, 2)
	x.Select = &eval.Selection{Analyzers: []eval.Analyzer{eval.Words, eval.WordsChars}, Cs: []float64{1e-4, 10}, Folds: 3}
	scores, err := x.Score(context.Background())
	require.NoError(t, err)
	for _, s := range scores {
		require.Len(t, s.Chosen, 2, s.Arm.Name)
		for si, c := range s.Chosen {
			assert.True(t, s.Selected[si], "%s seed %d", s.Arm.Name, si)
			assert.Equal(t, 10.0, c.C, "%s seed %d: %v", s.Arm.Name, si, c)

			// The same arm and seed with the chosen setting fixed.
			fixed := fixtureExperiment(t, x.Seeds[si])
			fixed.Arms = []*eval.Arm{armNamed(t, fixed.Arms, s.Arm.Name)}
			fixed.Config = eval.Config{C: c.C, Analyzer: c.Analyzer}
			ref, err := fixed.Score(context.Background())
			require.NoError(t, err)
			assert.Equal(t, ref[0].Acc[0], s.Acc[si], "%s seed %d", s.Arm.Name, si)
		}
	}
	lines := eval.ChosenLines(scores, x.Seeds)
	assert.Equal(t, []string{"training data", "seed 1", "seed 2"}, lines[0])
	assert.Len(t, lines, 1+len(scores))

	// Without selection, nothing is chosen.
	x.Select = nil
	scores, err = x.Score(context.Background())
	require.NoError(t, err)
	assert.Nil(t, scores[0].Chosen)
	assert.Len(t, eval.ChosenLines(scores, x.Seeds), 1)
}

func armNamed(t *testing.T, arms []*eval.Arm, name string) *eval.Arm {
	t.Helper()
	for _, a := range arms {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no arm %q", name)
	return nil
}
