package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

// Why: a recipe file is checked as the flags are, after the flags apply:
// a field no operation reads, a file that is not there and an unknown
// domain pack are usage errors naming the file and the field, before any
// row is read; the flags can make a field of the file act.
func TestRecipeFileFieldsThatCannotActAreErrors(t *testing.T) {
	dir := t.TempDir()
	lex := filepath.Join(dir, "lex.tsv")
	require.NoError(t, os.WriteFile(lex, []byte("card\tbankcard\n"), 0o644))
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte("k: 2\nalpha: 0.1\n"+body), 0o644))
		return p
	}
	syn := "synonyms: {base: wordnet, polarity_guard: on, "
	lexicon := write("lexicon.yaml", "ops: [swap]\n"+syn+"lexicons: ["+lex+"]}\n")
	senses := filepath.Join(dir, "senses.json")
	require.NoError(t, os.WriteFile(senses, []byte(`{"k": 2, "alpha": 0.1, "ops": ["punct"], "synonyms": {"base": "wordnet", "polarity_guard": "on", "senses": 2}}`), 0o644))
	alphaRD := write("rd.yaml", "ops: [swap]\nrates: {delete: 0.3}\n"+syn+"}\n")
	missing := write("missing.yaml", "ops: [synonym]\n"+syn+"lexicons: [/missing.tsv]}\n")
	domain := write("domain.yaml", "ops: [synonym]\n"+syn+"domains: [banking, nonsense]}\n")
	bt := write("bt.yaml", "ops: [swap]\n"+syn+"}\nbacktranslate: {url: 'http://127.0.0.1:1'}\n")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--recipe", lexicon}, lexicon + ": synonyms.lexicons has no effect: the recipe has no synonym or insert operation\n"},
		{[]string{"--recipe", senses}, senses + ": synonyms.senses has no effect: the recipe has no synonym or insert operation\n"},
		{[]string{"--recipe", alphaRD}, alphaRD + ": rates.delete has no effect: the recipe has no delete operation\n"},
		{[]string{"--recipe", missing}, missing + ": synonyms.lexicons /missing.tsv: stat /missing.tsv: no such file or directory\n"},
		{[]string{"--recipe", domain}, domain + `: synonyms.domains: unknown pack "nonsense"`},
		{[]string{"--recipe", bt}, bt + ": backtranslate.url has no effect without backtranslate.backend\n"},
		{[]string{"--recipe", lexicon, "-k", "3"}, lexicon + ": synonyms.lexicons has no effect"},
		{[]string{"--recipe", lexicon, "--senses", "2"}, "--senses has no effect: the recipe has no synonym or insert operation; add --ops synonym,… or use --preset eda\n"},
	} {
		code, out, errs := runCLI(t, "I lost my card\n", append([]string{"augment"}, c.args...)...)
		assert.Equal(t, exitUsage, code, "%v: %s", c.args, errs)
		assert.Empty(t, out)
		assert.Contains(t, errs, "textaug augment: "+c.want, "%v", c.args)
	}
	code, _, errs := runCLI(t, "I lost my card\n", "augment", "--recipe", lexicon, "--ops", "swap,synonym", "-k", "1")
	assert.Equal(t, exitOK, code, "--ops makes the file's lexicon act: %s", errs)
}

// Why: `textaug presets NAME` prints a recipe file that loads without
// complaint and gives the preset's variants, for every preset (shuffle
// and aeda carry synonym settings, for --ops synonym, that a file cannot
// use).
func TestPrintedPresetsAreRecipeFiles(t *testing.T) {
	dir := t.TempDir()
	for _, p := range recipe.Presets() {
		code, printed, errs := runCLI(t, "", "presets", p.Name)
		require.Equal(t, exitOK, code, errs)
		file := filepath.Join(dir, p.Name+".json")
		require.NoError(t, os.WriteFile(file, []byte(printed), 0o644))
		in := "I lost my card and the bank cannot find it\n"
		code, viaRecipe, errs := runCLI(t, in, "augment", "--recipe", file, "-k", "3")
		assert.Equal(t, exitOK, code, "%s: %s", p.Name, errs)
		_, viaPreset, _ := runCLI(t, in, "augment", "--preset", p.Name, "-k", "3")
		assert.Equal(t, viaPreset, viaRecipe, p.Name)
		assert.Equal(t, 4, strings.Count(viaRecipe, "\n"), "%s: the row and 3 variants", p.Name)
	}
}
