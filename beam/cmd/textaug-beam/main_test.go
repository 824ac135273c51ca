package main

import (
	"flag"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

// Why: the Beam command resolves its recipe as the CLI does: the same
// default preset, the same field flags, errors naming the flag.
func TestRecipeResolutionIsTheCLIs(t *testing.T) {
	r, err := resolveRecipe()
	require.NoError(t, err)
	assert.Equal(t, recipe.DefaultPreset, r.Name)

	require.NoError(t, flag.Set("k", "3"))
	require.NoError(t, flag.Set("pivots", "es, fr"))
	r, err = resolveRecipe()
	require.NoError(t, err)
	assert.Equal(t, 3, r.K)
	assert.Equal(t, []string{"es", "fr"}, r.Backtranslate.Pivots)

	require.NoError(t, flag.Set("k", "0"))
	_, err = resolveRecipe()
	assert.EqualError(t, err, "--k: must be at least 1")
}
