package textaug

import (
	"context"
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// softErr is a typed soft failure, as a translator's would be.
type softErr struct{ what string }

func (e *softErr) Error() string { return "fake: " + e.what }
func (e *softErr) Soft() bool    { return true }

type failing struct{ err error }

func (f failing) Prepare(context.Context, string) (Draw, error) { return nil, f.err }

type upper struct{}

func (upper) Prepare(_ context.Context, text string) (Draw, error) {
	return func(r *rand.Rand) (string, []string) {
		return text + string(rune('a'+r.IntN(26))) + string(rune('a'+r.IntN(26))), []string{"up"}
	}, nil
}

// Why: a front-end counts the misses of one augmenter by type
// (errors.As), never by matching a message.
func TestResultMissesAreTyped(t *testing.T) {
	miss := &softErr{"down"}
	ctx := context.Background()

	res, err := Sampler{Aug: Mix{Augs: []Augmenter{upper{}, failing{miss}}}, K: 2, Seed: 1}.Sample(ctx, "", "x")
	require.NoError(t, err)
	assert.Len(t, res.Variants, 2, "the other augmenter still draws")
	assert.Equal(t, "fake: down", res.Note)
	require.Len(t, res.Misses(), 1)
	var got *softErr
	assert.True(t, errors.As(res.Missed, &got))
	assert.Same(t, miss, got)

	res, err = Sampler{Aug: failing{miss}, K: 2, Seed: 1}.Sample(ctx, "", "x")
	require.NoError(t, err)
	assert.Equal(t, 2, res.Shortfall)
	assert.Equal(t, []error{miss}, res.Misses())

	res, err = Sampler{Aug: upper{}, K: 2, Seed: 1}.Sample(ctx, "", "x")
	require.NoError(t, err)
	assert.Nil(t, res.Misses(), "nothing missed")
	res, err = Sampler{Aug: failing{ErrNothingToEdit}, K: 2, Seed: 1}.Sample(ctx, "", "x")
	require.NoError(t, err)
	assert.Nil(t, res.Misses(), "nothing to edit is not a miss")
}
