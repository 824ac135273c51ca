package eval_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
)

// Why: the main arm is told apart from a --compare arm of the same name,
// and names its back-translation.
func TestMainArmName(t *testing.T) {
	r := recipe.Recipe{Name: "eda", Ops: recipe.EDAOps()}
	assert.Equal(t, "eda", eval.MainArmName(r, nil))
	assert.Equal(t, "eda (flags)", eval.MainArmName(r, []*eval.Arm{eval.NoAugmentation("eda")}))
	r.Backtranslate.Backend = "apertium"
	assert.Equal(t, "eda + back-translation (apertium)", eval.MainArmName(r, nil))
	r.Ops = nil
	assert.Equal(t, "back-translation (apertium)", eval.MainArmName(r, nil))
}

// Why: an ablation has each operation alone, without weights or
// back-translation, then the back-translation alone.
func TestAblation(t *testing.T) {
	r := recipe.Recipe{Name: "m", Ops: []string{"synonym", "swap"}, Weights: map[string]float64{"synonym": 1, "swap": 2}}
	r.Backtranslate.Backend = "apertium"
	arms := eval.Ablation(r)
	require.Len(t, arms, 3)
	assert.Equal(t, "m: synonym only", arms[0].Name)
	assert.Equal(t, []string{"synonym"}, arms[0].Recipe.Ops)
	assert.Nil(t, arms[0].Recipe.Weights)
	assert.Empty(t, arms[0].Recipe.Backtranslate.Backend)
	assert.Equal(t, "m: swap only", arms[1].Name)
	assert.Equal(t, "m: back-translation only", arms[2].Name)
	assert.Empty(t, arms[2].Recipe.Ops)
	assert.Equal(t, "apertium", arms[2].Recipe.Backtranslate.Backend)
	assert.Len(t, eval.Ablation(recipe.Recipe{Name: "s", Ops: []string{"swap"}}), 1)
}

// Why: --seeds takes distinct plain non-negative integers only.
func TestParseSeeds(t *testing.T) {
	seeds, err := eval.ParseSeeds("1, 2,,0")
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 0}, seeds)
	for spec, want := range map[string]string{
		"01":  "without sign or leading zeros",
		"+1":  "without sign or leading zeros",
		"1,1": "1 given twice",
		" ,":  "give at least one",
	} {
		_, err := eval.ParseSeeds(spec)
		assert.ErrorContains(t, err, want, spec)
	}
}

// Why: the language of a corpus is that of most of its texts.
func TestLanguage(t *testing.T) {
	zh := eval.Example{Text: "我的卡丢了"}
	en := eval.Example{Text: "I lost my card"}
	assert.Equal(t, "zh", eval.Language([]eval.Example{zh, zh, en}))
	assert.Equal(t, "en", eval.Language([]eval.Example{zh, en}))
}
