package recipe_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

// Why: a field that was set but that nothing in the recipe reads, a file
// that is not there and an unknown domain pack are found before the first
// row, whatever the front-end, and the error says which field and why.
func TestCheckRefusesFieldsThatCannotAct(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "list.txt")
	require.NoError(t, os.WriteFile(file, []byte("card\n"), 0o644))
	shuffle, _ := recipe.Preset("shuffle") // swap and punct
	for _, c := range []struct {
		name string
		edit func(*recipe.Recipe)
		set  []string
		want string // "" for no error
	}{
		{"lexicon without synonym", func(r *recipe.Recipe) { r.Synonyms.Lexicons = []string{file} }, []string{"synonyms.lexicons"},
			"recipe: synonyms.lexicons has no effect: the recipe has no synonym or insert operation"},
		{"senses without synonym", func(r *recipe.Recipe) { r.Synonyms.Senses = 2 }, []string{"synonyms.senses"},
			"synonyms.senses has no effect: the recipe has no synonym or insert operation"},
		{"polarity without synonym or anchors", func(r *recipe.Recipe) { r.Synonyms.Polarity = []string{file} }, []string{"synonyms.polarity"},
			"synonyms.polarity has no effect: the recipe has no synonym or insert operation, nor protect.polarity_anchors"},
		{"polarity makes anchors", func(r *recipe.Recipe) {
			r.Synonyms.Polarity, r.Protect.PolarityAnchors = []string{file}, true
		}, []string{"synonyms.polarity"}, ""},
		{"rate of another operation", func(r *recipe.Recipe) { r.Rates = map[string]float64{"delete": 0.2} }, []string{"rates.delete"},
			"rates.delete has no effect: the recipe has no delete operation"},
		{"rate of an operation it has", func(r *recipe.Recipe) { r.Rates = map[string]float64{"swap": 0.2} }, []string{"rates.swap"}, ""},
		{"weight and cap of another operation", func(r *recipe.Recipe) { r.Max = map[string]int{"synonym": 1} }, []string{"max.synonym"},
			"max.synonym has no effect: the recipe has no synonym operation"},
		{"alpha without an operation that reads it", func(r *recipe.Recipe) { r.Ops = []string{"punct"} }, []string{"alpha"},
			"alpha has no effect: the recipe has no synonym, insert, swap, delete or label-swap operation"},
		{"typo settings", func(r *recipe.Recipe) { r.Typo.Keyboard = "azerty" }, []string{"typo.keyboard"},
			"typo.keyboard has no effect: the recipe has no typo operation"},
		{"llm without paraphrase or generate", func(r *recipe.Recipe) { r.LLM.Model = "m" }, []string{"llm.model"},
			"llm.model has no effect: the recipe has no paraphrase or generate operation"},
		{"anchor thresholds without anchors", func(r *recipe.Recipe) { r.Labels.MaxAnchors = 3 }, []string{"labels.anchor_max"},
			"labels.anchor_max has no effect: the recipe has no label-swap operation, nor labels.anchors or labels.stats_out"},
		{"translator setting without a translator", func(r *recipe.Recipe) { r.Backtranslate.URL = "http://127.0.0.1:1" }, []string{"backtranslate.url"},
			"backtranslate.url has no effect without backtranslate.backend"},
		{"another backend's setting", func(r *recipe.Recipe) { r.Backtranslate.Backend, r.Backtranslate.Model = "apertium", "m" }, []string{"backtranslate.model"},
			"backtranslate.model has no effect: it is for backtranslate.backend openai, not apertium"},
		{"missing lexicon", func(r *recipe.Recipe) {
			r.Ops, r.Synonyms.Lexicons = []string{"synonym"}, []string{file, "/missing.tsv"}
		},
			[]string{"synonyms.lexicons"}, "synonyms.lexicons /missing.tsv: stat /missing.tsv: no such file or directory"},
		{"missing protect file", func(r *recipe.Recipe) { r.Protect.File = "/missing" }, []string{"protect.file"}, "protect.file /missing: stat /missing"},
		{"unknown pack", func(r *recipe.Recipe) {
			r.Ops, r.Synonyms.Domains = []string{"synonym"}, []string{"banking", " nonsense"}
		},
			[]string{"synonyms.domains"}, `synonyms.domains: unknown pack "nonsense" (have banking, finance`},
		{"cannot act comes before missing", func(r *recipe.Recipe) { r.Protect.File, r.Synonyms.Lexicons = "/missing", []string{file} },
			[]string{"protect.file", "synonyms.lexicons"}, "synonyms.lexicons has no effect"},
		{"a preset's own settings are not set", func(*recipe.Recipe) {}, nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, _ := recipe.Preset("shuffle")
			c.edit(&r)
			err := r.Check(c.set)
			if c.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.ErrorContains(t, err, c.want)
			var ce *recipe.CheckError
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, c.set[len(c.set)-1], ce.Field)
		})
	}
	assert.Error(t, shuffle.Check(shuffle.SetFields()), "shuffle carries synonym settings for --ops synonym")
}

// Why: a recipe file sets the fields it gives a value, not the ones every
// recipe has; `textaug presets NAME` prints, with Active, a file that
// passes Check and means the same as the preset.
func TestSetFieldsAndActive(t *testing.T) {
	r := recipe.Recipe{K: 2, Alpha: 0.1, Ops: []string{"swap"}, Rates: map[string]float64{"swap": 0.2},
		Synonyms: recipe.Synonyms{Base: "none", Guard: "off", Senses: 1}, Labels: recipe.Labels{Anchors: true}}
	assert.Equal(t, []string{"labels.anchors", "rates.swap", "synonyms.senses"}, r.SetFields())
	for _, p := range recipe.Presets() {
		a := p.Active()
		require.NoError(t, a.Validate(), p.Name)
		assert.NoError(t, a.Check(a.SetFields()), p.Name)
		assert.Equal(t, p.Ops, a.Ops, p.Name)
		assert.Equal(t, p.Rates, a.Rates, p.Name)
		assert.Equal(t, p.Max, a.Max, p.Name)
		assert.Equal(t, p.Protect.Keep, a.Protect.Keep, p.Name)
		if len(p.Ops) == 2 && p.Ops[0] == "swap" { // shuffle: no synonym operation
			assert.Empty(t, a.Synonyms.Domains, p.Name)
			assert.Zero(t, a.Synonyms.Senses, p.Name)
		} else if p.Name != "aeda" {
			assert.Equal(t, p.Synonyms, a.Synonyms, p.Name)
		}
	}
}

// Why: a front-end names what it is given: the flag when a flag set the
// field (with how to make it act), the recipe file and the field when the
// file did.
func TestFlagsCheckNamesFlagOrFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "mine.yaml")
	require.NoError(t, os.WriteFile(file, []byte("k: 2\nops: [swap]\nalpha: 0.1\nsynonyms: {base: wordnet, polarity_guard: on, senses: 2}\n"), 0o644))
	for _, c := range []struct {
		args         []string
		preset, file string
		want         string
	}{
		{[]string{"--senses", "2"}, "shuffle", "", "--senses has no effect: the recipe has no synonym or insert operation; add --ops synonym,… or use --preset eda"},
		{[]string{"--alpha-rs", "0.2"}, "aeda", "", "--alpha-rs has no effect: the recipe has no swap operation; add --ops swap,… or use --preset shuffle"},
		{[]string{"--bt-region", "x"}, "", "", "--bt-region has no effect without --backtranslate"},
		{nil, "", file, file + ": synonyms.senses has no effect: the recipe has no synonym or insert operation"},
		{[]string{"-k", "3"}, "", file, file + ": synonyms.senses has no effect"},
		{[]string{"--ops", "swap,synonym"}, "", file, ""},
		{[]string{"--senses", "1"}, "", file, "--senses has no effect"},
		{nil, "shuffle", "", ""},
	} {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		f := recipe.NewFlags(fs)
		require.NoError(t, fs.Parse(c.args))
		r, err := f.Resolve(c.preset, c.file)
		require.NoError(t, err, "%v", c.args)
		err = f.Check(r)
		if c.want == "" {
			assert.NoError(t, err, "%v", c.args)
			continue
		}
		require.Error(t, err, "%v", c.args)
		assert.True(t, strings.HasPrefix(err.Error(), c.want), "%v: %v", c.args, err)
		assert.ErrorAs(t, err, new(recipe.UsageError))
		assert.ErrorAs(t, err, new(*recipe.CheckError))
	}
}
