package eval_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

// rows makes n rows of each label, "label i" texts.
func rows(n int, labels ...string) []eval.Example {
	var out []eval.Example
	for _, l := range labels {
		for i := range n {
			out = append(out, eval.Example{Text: fmt.Sprintf("%s word%d %s", l, i, l), Label: l})
		}
	}
	return out
}

// A test label that the training file lacks is named, with the rows it
// costs and the accuracy no arm can pass; subsets that leave out labels
// (--n below the number of labels) are said apart; no known label at
// all is an error.
func TestLabelGaps(t *testing.T) {
	x := &eval.Experiment{Train: rows(3, "a", "b", "c"), Test: rows(2, "a", "b", "d", "e"), Seeds: []int{1, 2}, Pick: eval.All}
	g := x.LabelGaps()
	assert.Equal(t, []string{"d", "e"}, g.File.Labels)
	assert.Equal(t, 4, g.File.Rows)
	assert.InDelta(t, 0.5, g.File.Ceiling(), 1e-12)
	require.NoError(t, g.Err())
	assert.Equal(t, []string{"2 of the 4 test labels never occur in the training file (d, e): their 4 test rows (50.00%) can never be predicted right, so no arm can score above 50.00% accuracy"}, g.Warnings())

	// Two rows in total of three labels: every subset lacks one label
	// that the file has.
	x = &eval.Experiment{Train: rows(3, "a", "b", "c"), Test: rows(2, "a", "b", "c"), Seeds: []int{1, 2}, Pick: eval.LRSTotal, Size: 2}
	g = x.LabelGaps()
	assert.False(t, g.File.Missing())
	require.NoError(t, g.Err())
	w := g.Warnings()
	require.Len(t, w, 1)
	assert.Contains(t, w[0], "the training subsets leave out 1 test label that the training file has (")
	assert.Contains(t, w[0], "seed 1: 1, seed 2: 1")
	assert.Contains(t, w[0], "no arm can score above 66.67% accuracy in the worst seed")

	// Every label known: nothing to say.
	x = &eval.Experiment{Train: rows(3, "a", "b"), Test: rows(2, "b"), Seeds: []int{1}, Pick: eval.All}
	assert.Empty(t, x.LabelGaps().Warnings())
	require.NoError(t, x.LabelGaps().Err())

	// No test label known.
	x = &eval.Experiment{Train: rows(3, "a", "b"), Test: rows(2, "x", "y"), Seeds: []int{1}, Pick: eval.All}
	assert.EqualError(t, x.LabelGaps().Err(), "eval: none of the 2 test labels (x, y) occurs in the training file: no test row can be predicted right; check that both files label the same task (and --label)")
}

// On a set every setting classifies perfectly, every candidate of the
// selection ties: the first tried is kept, the others are reported as
// tied, and so are grid points.
func TestSelectionAndGridTies(t *testing.T) {
	x := &eval.Experiment{
		Train: rows(6, "alpha", "beta"), Test: rows(2, "alpha", "beta"), Seeds: []int{1}, Pick: eval.All, Workers: 1,
		Arms:   []*eval.Arm{eval.NoAugmentation("none")},
		Select: &eval.Selection{Analyzers: []eval.Analyzer{eval.Unigrams, eval.Words}, Cs: []float64{10, 1}, Folds: 3},
	}
	scores, err := x.Score(context.Background())
	require.NoError(t, err)
	s := scores[0]
	assert.Equal(t, eval.Candidate{C: 10, Analyzer: eval.Unigrams}, s.Chosen[0])
	assert.Equal(t, []eval.Candidate{{C: 10, Analyzer: eval.Words}, {C: 1, Analyzer: eval.Unigrams}}, s.Ties[0])
	assert.Equal(t, []string{"none, seed 1: C 10, unigrams kept; tied with C 10, words; C 1, unigrams (100.00% cross-validated accuracy)"}, eval.TieLines(scores, x.Seeds))
	assert.Equal(t, "on equal cross-validated accuracy the setting tried first is kept: features in the order unigrams, words (at the first C), then C in the order 10, 1", x.Select.TieRule())

	g, err := x.CrossValidate(context.Background(), []eval.GridPoint{{Name: "none"}, {Name: "copy", Copies: 2}}, 3)
	require.NoError(t, err)
	assert.Equal(t, 0, g.Best)
	assert.Equal(t, []int{1}, g.Ties)
	assert.Equal(t, "none tied with copy (100.00% mean cross-validated accuracy): the first listed is kept", eval.GridTie(g))
	assert.Equal(t, []string{"copy", "100.00 ± 0.00", "tied with the best"}, eval.GridLines(g)[2])
}

// Without ties, nothing is said.
func TestNoTies(t *testing.T) {
	x := fixtureExperiment(t, 1)
	x.Select = &eval.Selection{Analyzers: []eval.Analyzer{eval.Words}, Cs: []float64{1e-4, 10}, Folds: 3}
	scores, err := x.Score(context.Background())
	require.NoError(t, err)
	for _, s := range scores {
		assert.Nil(t, s.Ties[0], s.Arm.Name)
	}
	assert.Empty(t, eval.TieLines(scores, x.Seeds))
}
