package recipe_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

// Why: the default preset is one constant, and Resolve gives the same
// recipe to every front-end; a preset and a file together, or an unknown
// preset, are usage errors naming the field.
func TestResolve(t *testing.T) {
	r, err := recipe.Resolve("", "")
	require.NoError(t, err)
	assert.Equal(t, recipe.DefaultPreset, r.Name)
	r, err = recipe.Resolve("finance", "")
	require.NoError(t, err)
	assert.Equal(t, "finance", r.Name)

	_, err = recipe.Resolve("nope", "")
	var fe *recipe.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "preset", fe.Field)
	assert.ErrorAs(t, err, new(recipe.UsageError))
	_, err = recipe.Resolve("eda", "r.json")
	assert.ErrorContains(t, err, "give a preset or a recipe file, not both")
}

// Why: overrides are applied by recipe field name with the CLI's
// semantics (alpha resets the rates, ops takes the aliases and resets the
// weights, lexicons given first win), and a bad value is a usage error
// naming the field.
func TestApplyOverrides(t *testing.T) {
	r, _ := recipe.Preset("intent")
	r.Rates = map[string]float64{"swap": 0.3}
	require.NoError(t, r.Apply([]recipe.Override{
		{Field: "alpha", Values: []string{"0.2"}},
		{Field: "rates.delete", Values: []string{"0.05"}},
		{Field: "ops", Values: []string{"eda,punct"}},
		{Field: "synonyms.lexicons", Values: []string{"a.tsv", "b.tsv"}},
		{Field: "backtranslate.pivots", Values: []string{" es, ,fr "}},
		{Field: "chain", Values: []string{"true"}},
	}))
	assert.Equal(t, 0.2, r.Alpha)
	assert.Equal(t, map[string]float64{"delete": 0.05}, r.Rates, "alpha reset the rates, the rate given after it stays")
	assert.Equal(t, []string{"synonym", "insert", "swap", "delete", "punct"}, r.Ops)
	assert.Nil(t, r.Weights)
	assert.Equal(t, []string{"a.tsv", "b.tsv"}, r.Synonyms.Lexicons)
	assert.Equal(t, []string{"es", "fr"}, r.Backtranslate.Pivots)
	assert.True(t, r.Chain)

	for _, c := range []struct{ field, value, want string }{
		{"rates.swap", "2", "rates.swap: must be in (0, 1]"},
		{"k", "many", `k: want an integer, got "many"`},
		{"k", "0", "k: must be at least 1"},
		{"ops", "shout", `ops: unknown operation "shout"`},
		{"lang", "fr", `lang: want en, zh or auto, got "fr"`},
	} {
		r, _ := recipe.Preset("eda")
		err := r.Apply([]recipe.Override{{Field: c.field, Values: []string{c.value}}})
		var fe *recipe.FieldError
		require.ErrorAs(t, err, &fe, c.field)
		assert.Equal(t, c.field, fe.Field)
		assert.ErrorContains(t, err, c.want)
		assert.ErrorAs(t, err, new(recipe.UsageError))
	}
}

// Why: every field of the table names a real field of recipe files: a
// value set through the table shows up at that path in the recipe's JSON.
func TestFieldTableNamesRecipeFields(t *testing.T) {
	seen := map[string]bool{}
	for _, f := range recipe.Fields() {
		assert.False(t, seen[f.Flag], "flag %s twice", f.Flag)
		seen[f.Flag] = true
		got, ok := recipe.FieldByFlag(f.Flag)
		require.True(t, ok)
		assert.Equal(t, f.Name, got.Name)
		value := "7"
		switch {
		case f.Bool:
			value = "true"
		case strings.HasPrefix(f.Name, "rates."):
			value = "0.7"
		}
		var r recipe.Recipe
		require.NoError(t, applyOne(&r, f.Name, value), f.Name)
		b, err := json.Marshal(r)
		require.NoError(t, err)
		var doc map[string]any
		require.NoError(t, json.Unmarshal(b, &doc))
		var at any = doc
		for _, part := range strings.Split(f.Name, ".") {
			m, ok := at.(map[string]any)
			require.True(t, ok, "%s: %s is not an object in %s", f.Flag, part, b)
			at, ok = m[part]
			require.True(t, ok, "%s: no %q in %s", f.Flag, f.Name, b)
		}
		assert.NotEmpty(t, at, f.Name)
	}
	def, _ := recipe.Preset(recipe.DefaultPreset)
	k, _ := recipe.FieldByFlag("k")
	assert.Equal(t, "16", k.Default(def), "help shows the default preset's k")
}

// applyOne applies one override without validating the whole recipe.
func applyOne(r *recipe.Recipe, field, value string) error {
	err := r.Apply([]recipe.Override{{Field: field, Values: []string{value}}})
	var fe *recipe.FieldError
	if err != nil && (!errors.As(err, &fe) || fe.Field == field) {
		return err
	}
	return nil
}

// Why: recipe files take the aliases of the command line (eda, aeda) and
// their rates are checked as the flags' are.
func TestRecipeFilesTakeAliasesAndRates(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "r.yaml")
	require.NoError(t, os.WriteFile(path, []byte("k: 2\nops: [eda, aeda]\nalpha: 0.1\nrates: {swap: 0.3}\nsynonyms: {base: none, polarity_guard: off}\n"), 0o644))
	r, err := recipe.Load(path)
	require.NoError(t, err)
	assert.Equal(t, []string{"synonym", "insert", "swap", "delete", "punct"}, r.Ops)
	require.NoError(t, os.WriteFile(path, []byte("k: 2\nops: [swap]\nalpha: 0.1\nrates: {swap: 3}\nsynonyms: {base: none, polarity_guard: off}\n"), 0o644))
	_, err = recipe.Load(path)
	assert.ErrorContains(t, err, "recipe r.yaml: rates.swap: want an operation's rate in (0, 1], got 3")
	assert.NotErrorAs(t, err, new(recipe.UsageError), "a bad file is bad input, not a usage error")
}
