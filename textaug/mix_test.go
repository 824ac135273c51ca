package textaug_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
)

// softErr is how another package (backtranslate) marks a failure that
// should become a shortfall, without importing textaug.
type softErr struct{ msg string }

func (e softErr) Error() string { return e.msg }
func (e softErr) Soft() bool    { return true }

// failing is an Augmenter that always fails with err.
type failing struct{ err error }

func (f failing) Prepare(context.Context, string) (textaug.Draw, error) { return nil, f.err }

// upper is an Augmenter whose only variant is the text in capitals.
type upper struct{}

func (upper) Prepare(_ context.Context, text string) (textaug.Draw, error) {
	return func(*rand.Rand) (string, []string) {
		b := []byte(text)
		for i, c := range b {
			if c >= 'a' && c <= 'z' {
				b[i] = c - 32
			}
		}
		return string(b), []string{"upper"}
	}, nil
}

func TestSoft(t *testing.T) {
	assert.True(t, textaug.Soft(textaug.ErrNothingToEdit))
	assert.True(t, textaug.Soft(softErr{"translator down"}))
	assert.True(t, textaug.Soft(errors.Join(errors.New("x"), softErr{"y"})))
	assert.False(t, textaug.Soft(errors.New("disk full")))
	assert.False(t, textaug.Soft(nil))
}

func TestMixGoesOnWithoutAFailedAugmenter(t *testing.T) {
	ctx := context.Background()
	mix := textaug.Mix{Augs: []textaug.Augmenter{failing{softErr{"backtranslate: apertium: spa: 503"}}, textaug.Tokens{Edit: textaug.RandomSwap{}}}}
	res, err := textaug.Sampler{Aug: mix, K: 3, Seed: 1}.Sample(ctx, "", "please send my new card to my home")
	require.NoError(t, err)
	assert.Len(t, res.Variants, 3)
	assert.Contains(t, res.Note, "503", "the failure is reported with the variants")

	// All failed softly: a shortfall with the reason.
	mix = textaug.Mix{Augs: []textaug.Augmenter{failing{softErr{"quota exhausted"}}}}
	res, err = textaug.Sampler{Aug: mix, K: 2, Seed: 1}.Sample(ctx, "", "please send my card")
	require.NoError(t, err)
	assert.Equal(t, 2, res.Shortfall)
	assert.Contains(t, res.Reason, "quota exhausted")

	// A hard error stops.
	mix = textaug.Mix{Augs: []textaug.Augmenter{failing{errors.New("disk full")}, upper{}}}
	_, err = textaug.Sampler{Aug: mix, K: 2, Seed: 1}.Sample(ctx, "", "please send my card")
	assert.ErrorContains(t, err, "disk full")

	// Nothing editable anywhere.
	res, err = textaug.Sampler{Aug: textaug.Mix{}, K: 2, Seed: 1}.Sample(ctx, "", "please send my card")
	require.NoError(t, err)
	assert.Equal(t, "no editable word", res.Reason)
}

func TestMixWeights(t *testing.T) {
	ctx := context.Background()
	mix := textaug.Mix{Augs: []textaug.Augmenter{upper{}, textaug.Tokens{Edit: textaug.RandomSwap{}}}, Weights: []float64{1, 0}}
	res, err := textaug.Sampler{Aug: mix, K: 3, Seed: 1}.Sample(ctx, "", "please send my new card")
	require.NoError(t, err)
	require.Len(t, res.Variants, 1, "a zero weight disables swap; upper has one variant")
	assert.Equal(t, "PLEASE SEND MY NEW CARD", res.Variants[0].Text)
	assert.Equal(t, 2, res.Shortfall)

	// Deterministic for a seed, whatever the order of calls.
	mix.Weights = []float64{1, 3}
	a, err := textaug.Sampler{Aug: mix, K: 4, Seed: 9}.Sample(ctx, "", "please send my new card today")
	require.NoError(t, err)
	b, err := textaug.Sampler{Aug: mix, K: 4, Seed: 9}.Sample(ctx, "", "please send my new card today")
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestKeepsFigures(t *testing.T) {
	cases := []struct {
		a, b string
		ok   bool
	}{
		{"Operating profit rose to EUR 25.8 mn from EUR 19.3 mn.", "The operative profit ascended to EUR 25.8 mn of EUR 19.3 mn.", true},
		{"Operating profit rose to EUR 25.8 mn.", "Operating profit rose to 25.8 million euros.", false},
		{"Sales fell 3% in 2024.", "In 2024 sales fell 3%.", true},
		{"Sales fell 3% in 2024.", "Sales fell 3 percent in 2024.", false},
		{"The company didn't pay a dividend.", "The company did not pay a dividend.", true},
		{"The company didn't pay a dividend.", "The company paid a dividend.", false},
		{"Call +44 20 7946 0958 now", "Now call +44 20 7946 0958", true},
	}
	for _, c := range cases {
		assert.Equal(t, c.ok, textaug.KeepsFigures(c.a, c.b), "%q -> %q", c.a, c.b)
	}
}
