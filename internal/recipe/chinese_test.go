package recipe_test

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

// sampler returns the Sampler of the preset name, seed 1, without
// back-translation.
func sampler(t *testing.T, name string) (textaug.Sampler, recipe.Recipe) {
	t.Helper()
	r, ok := recipe.Preset(name)
	require.True(t, ok, name)
	aug, err := r.Words()
	require.NoError(t, err, name)
	return textaug.Sampler{Aug: aug, K: r.K, Seed: 1}, r
}

// Issue 13, item 16: every preset that replaces words finds Chinese
// synonyms in the Chinese packs for a Chinese record, and every preset
// makes k distinct variants of a Chinese probe.
func TestChineseProbeUnderEveryPreset(t *testing.T) {
	const probe = "我的信用卡昨天被扣了一笔手续费，客服说会退款，但是到现在还没有收到，请帮我查询一下。"
	for _, p := range recipe.Presets() {
		smp, r := sampler(t, p.Name)
		res, err := smp.Sample(context.Background(), "", probe)
		require.NoError(t, err, p.Name)
		assert.Len(t, res.Variants, r.K, "%s: %s", p.Name, res.Reason)
		if !slices.Contains(r.Ops, "synonym") {
			continue
		}
		replaced := false
		for seed := uint64(0); seed < 8 && !replaced; seed++ {
			smp.Seed = seed
			res, err := smp.Sample(context.Background(), "", probe)
			require.NoError(t, err)
			for _, v := range res.Variants {
				replaced = replaced || slices.Contains(v.Ops, "synonym")
			}
		}
		assert.True(t, replaced, "%s: no Chinese synonym", p.Name)
	}
}
