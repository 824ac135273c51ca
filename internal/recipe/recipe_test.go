package recipe_test

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// Every preset is valid and builds; recommended comes first (it is the
// default) and never adds, deletes or replaces a word.
func TestPresetsBuild(t *testing.T) {
	ps := recipe.Presets()
	require.NotEmpty(t, ps)
	assert.Equal(t, "recommended", ps[0].Name)
	assert.Equal(t, []string{"swap", "punct"}, ps[0].Ops)
	for _, p := range ps {
		require.NoError(t, p.Validate(), p.Name)
		aug, err := p.Words()
		require.NoError(t, err, p.Name)
		assert.NotNil(t, aug, p.Name)
	}
	got, ok := recipe.Preset("finance")
	assert.True(t, ok)
	assert.Equal(t, "finance", got.Name)
	_, ok = recipe.Preset("nope")
	assert.False(t, ok)
}

func TestRecommendedKeepsEveryWord(t *testing.T) {
	r, _ := recipe.Preset("recommended")
	aug, err := r.Words()
	require.NoError(t, err)
	smp := textaug.Sampler{Aug: aug, K: r.K, Seed: 1}
	for _, s := range []string{"Why was I charged a $2.50 fee on my top-up of £40?", "我的银行卡昨天没有收到退款，订单号是A20240305。"} {
		res, err := smp.Sample(context.Background(), "", s)
		require.NoError(t, err)
		assert.Len(t, res.Variants, r.K, s)
		for _, v := range res.Variants {
			assert.Equal(t, letters(s), letters(v.Text), "%q -> %q", s, v.Text)
		}
	}
}

// letters is the sorted multiset of the letters and digits of s.
func letters(s string) string {
	var rs []rune
	for _, r := range strings.ToLower(s) {
		if r > 127 && !strings.ContainsRune("，。；？！：", r) || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			rs = append(rs, r)
		}
	}
	for i := range rs {
		for j := i + 1; j < len(rs); j++ {
			if rs[j] < rs[i] {
				rs[i], rs[j] = rs[j], rs[i]
			}
		}
	}
	return string(rs)
}

func TestLangPicksTheTokenizer(t *testing.T) {
	for lang, want := range map[string]textaug.Tokenizer{"en": tokenize.English{}, "zh": tokenize.Chinese{}, "auto": tokenize.Auto{}, "": tokenize.Auto{}} {
		r := recipe.Recipe{Lang: lang}
		assert.IsType(t, want, r.Tokenizer(), lang)
	}
	r, _ := recipe.Preset("eda")
	r.Lang = "fr"
	assert.ErrorContains(t, r.Validate(), "lang: want en, zh or auto")
}

func TestValidateNamesTheProblem(t *testing.T) {
	base, _ := recipe.Preset("eda")
	for _, c := range []struct {
		edit func(*recipe.Recipe)
		want string
	}{
		{func(r *recipe.Recipe) { r.K = 0 }, "recipe eda: k: must be at least 1"},
		{func(r *recipe.Recipe) { r.Alpha = 2 }, "recipe eda: alpha: must be in (0, 1]"},
		{func(r *recipe.Recipe) { r.Ops = []string{"shout"} }, `recipe eda: ops: unknown operation "shout"`},
		{func(r *recipe.Recipe) { r.Ops = nil }, "recipe eda: ops: none"},
		{func(r *recipe.Recipe) { r.Synonyms.Guard = "maybe" }, "recipe eda: synonyms.polarity_guard: want on, strict or off"},
		{func(r *recipe.Recipe) { r.Backtranslate.Backend = "babelfish" }, `recipe eda: backtranslate.backend: unknown backend "babelfish"`},
		{func(r *recipe.Recipe) { r.Rates = map[string]float64{"swap": 1.5} }, "recipe eda: rates.swap: want an operation's rate in (0, 1], got 1.5"},
		{func(r *recipe.Recipe) { r.Weights = map[string]float64{"shout": 1} }, "recipe eda: weights.shout:"},
	} {
		r := base
		r.Ops = append([]string(nil), base.Ops...)
		c.edit(&r)
		assert.ErrorContains(t, r.Validate(), c.want)
	}
}

// The pinyin operation mistypes Chinese characters and nothing else.
func TestPinyinOperation(t *testing.T) {
	r := recipe.Recipe{Name: "typo", K: 3, Ops: []string{"pinyin"}, Alpha: 0.1, Lang: "zh", Rates: map[string]float64{"pinyin": 0.3},
		Synonyms: recipe.Synonyms{Base: "none", Guard: "off"}}
	require.NoError(t, r.Validate())
	e, err := r.Edit(nil)
	require.NoError(t, err)
	toks, err := tokenize.Chinese{}.Tokenize("请问下午3点以后还能办理转账吗？")
	require.NoError(t, err)
	(&textaug.Policy{}).Apply("请问下午3点以后还能办理转账吗？", toks)
	out := tokenize.Join(e.Edit(rand.New(rand.NewPCG(1, 2)), toks))
	assert.NotEqual(t, "请问下午3点以后还能办理转账吗？", out)
	assert.Contains(t, out, "下午3点")
	assert.Equal(t, len([]rune("请问下午3点以后还能办理转账吗？")), len([]rune(out)))
}

func TestLoadRecipeFiles(t *testing.T) {
	dir := t.TempDir()
	yml := filepath.Join(dir, "r.yaml")
	require.NoError(t, os.WriteFile(yml, []byte("k: 3\nops: [swap]\nalpha: 0.2\nlang: zh\nsynonyms: {base: none, domains: [service-zh], polarity_guard: off}\n"), 0o644))
	r, err := recipe.Load(yml)
	require.NoError(t, err)
	assert.Equal(t, "r.yaml", r.Name)
	assert.Equal(t, "zh", r.Lang)
	bad := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"k": 3, "ops": ["swap"], "alpha": 0.1, "colour": "red"}`), 0o644))
	_, err = recipe.Load(bad)
	assert.ErrorContains(t, err, "colour")
}
