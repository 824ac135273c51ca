package recipe_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/textaug"
)

// englishSets are the shared English sets the readability figures are
// measured on.
var englishSets = []string{"banking77", "financial_phrasebank_allagree", "financial_phrasebank_50agree"}

// The readable presets' variants of every shared English test sentence
// pass textaug.Readable and keep every figure and negation
// (textaug.KeepsFigures) (issue 18, item 6).
func TestReadablePresetOnSharedTestSets(t *testing.T) {
	for _, name := range []string{"readable", "readable-strict"} {
		t.Run(name, func(t *testing.T) { readableOnSharedTestSets(t, name) })
	}
}

func readableOnSharedTestSets(t *testing.T, name string) {
	smp, r := sampler(t, name)
	for _, set := range englishSets {
		texts := shareddata.Read(t, set, "test", 0).Texts
		variants, short, ops := 0, 0, map[string]int{}
		for _, s := range texts {
			res, err := smp.Sample(context.Background(), "", s)
			require.NoError(t, err)
			short += res.Shortfall
			for _, v := range res.Variants {
				variants++
				ops[strings.Join(v.Ops, "+")]++
				assert.Empty(t, textaug.Readable(s, v.Text), "%q -> %q", s, v.Text)
				assert.True(t, textaug.KeepsFigures(s, v.Text), "figures or negations lost: %q -> %q", s, v.Text)
			}
		}
		t.Logf("%s: %d sentences, %d variants (%.1f%% of k=%d), by operation %v", set, len(texts), variants,
			100*float64(variants)/float64(r.K*len(texts)), r.K, ops)
		assert.Greater(t, variants, len(texts)*r.K/2, "%s: most variants are made", set)
	}
}

// TestPresetReadability measures, on 200 test sentences of each shared
// English set, the share of each preset's variants that fail
// textaug.Readable, by reason (go test -run TestPresetReadability -v);
// only readable must have none.
func TestPresetReadability(t *testing.T) {
	for _, p := range recipe.Presets() {
		smp, _ := sampler(t, p.Name)
		for _, set := range englishSets {
			variants, failing, why := 0, 0, map[string]int{}
			for _, s := range shareddata.Read(t, set, "test", 200).Texts {
				res, err := smp.Sample(context.Background(), "", s)
				require.NoError(t, err)
				for _, v := range res.Variants {
					variants++
					reasons := textaug.Readable(s, v.Text)
					if len(reasons) > 0 {
						failing++
					}
					for _, w := range reasons {
						why[w]++
					}
				}
			}
			t.Logf("%-15s %-29s %5d variants, %5.1f%% fail: %s", p.Name, set, variants, 100*float64(failing)/float64(max(variants, 1)), shares(why, variants))
			if p.Readable {
				assert.Zero(t, failing, set)
			}
		}
	}
}

func shares(why map[string]int, n int) string {
	var out []string
	for w, c := range why {
		out = append(out, fmt.Sprintf("%s %.1f%%", w, 100*float64(c)/float64(n)))
	}
	slices.Sort(out)
	return strings.Join(out, "; ")
}

// readable: true (and reorder: true) in a recipe file turns on the
// strategies' readability options; without them they keep their zero
// values.
func TestReadableField(t *testing.T) {
	yml := filepath.Join(t.TempDir(), "r.yaml")
	require.NoError(t, os.WriteFile(yml, []byte("k: 3\nops: [swap, punct, delete]\nalpha: 0.2\nreadable: true\nreorder: true\nsynonyms: {base: none, domains: [], polarity_guard: off}\n"), 0o644))
	r, err := recipe.Load(yml)
	require.NoError(t, err)
	assert.True(t, r.Readable)
	assert.True(t, r.Reorder)
	for _, readable := range []bool{true, false} {
		r.Readable, r.Reorder = readable, readable
		e, err := r.Edit(nil)
		require.NoError(t, err)
		edits := e.(textaug.OneOf).Edits
		short := 0
		if readable {
			short = textaug.ShortSentence
		}
		assert.Equal(t, textaug.RandomSwap{Rate: 0.2, Distance: min(short, 1), InClause: readable, Reorder: readable, Short: short}, edits[0])
		assert.Equal(t, textaug.Punctuation{Ratio: 0.3, NotFirst: readable, Clauses: readable, Short: short}, edits[1])
		del := textaug.RandomDelete{Rate: 0.2, Short: short}
		if readable {
			del.Fillers = textaug.DefaultFillers()
		}
		assert.Equal(t, del, edits[2])
	}
}
