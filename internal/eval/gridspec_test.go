package eval_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
)

// Why: --grid expands to the controls first, then the cartesian product in
// the order given, each point a valid recipe.
func TestGridPoints(t *testing.T) {
	base, ok := recipe.Preset(recipe.DefaultPreset)
	require.True(t, ok)
	points, err := eval.GridPoints("alpha=0.1,0.2 k=2,4", base)
	require.NoError(t, err)
	var names []string
	for _, p := range points {
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"none", "copy", "alpha=0.1 k=2", "alpha=0.1 k=4", "alpha=0.2 k=2", "alpha=0.2 k=4"}, names)
	assert.Nil(t, points[0].Recipe)
	assert.Equal(t, base.K, points[1].Copies)
	assert.InDelta(t, 0.2, points[5].Recipe.Alpha, 1e-12)
	assert.Equal(t, 4, points[5].Recipe.K)

	points, err = eval.GridPoints("ops=eda", base)
	require.NoError(t, err)
	assert.Equal(t, recipe.EDAOps(), points[2].Recipe.Ops)
}

// Why: a bad --grid or --sizes is a usage error that says what is wrong.
func TestGridAndSizesRefused(t *testing.T) {
	base, _ := recipe.Preset(recipe.DefaultPreset)
	for spec, want := range map[string]string{
		"":              "--grid: empty",
		"alpha":         "want key=v1,v2",
		"beta=1":        `unknown key "beta"`,
		"k=1 k=2":       "k given twice",
		"alpha=x":       `alpha="x": not a number`,
		"k=x":           `k="x": not an integer`,
		"chain=perhaps": `chain="perhaps": want true or false`,
	} {
		_, err := eval.GridPoints(spec, base)
		require.Error(t, err, spec)
		assert.Contains(t, err.Error(), want, spec)
		assert.True(t, errors.As(err, new(recipe.UsageError)), spec)
	}
	sizes, err := eval.ParseSizes("5, 10,full")
	require.NoError(t, err)
	assert.Equal(t, []int{5, 10, 0}, sizes)
	_, err = eval.ParseSizes("5,0")
	assert.ErrorContains(t, err, `--sizes: "0": want a positive integer or full`)
}
