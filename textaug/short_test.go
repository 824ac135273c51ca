package textaug_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
)

// prepareFunc is an Augmenter made of its Prepare.
type prepareFunc func(context.Context, string) (textaug.Draw, error)

func (p prepareFunc) Prepare(ctx context.Context, text string) (textaug.Draw, error) {
	return p(ctx, text)
}

// TestShortfallKinds: every shortfall says its kind, for counting by kind.
func TestShortfallKinds(t *testing.T) {
	counter := 0
	tests := []struct {
		name string
		aug  textaug.Augmenter
		text string
		want textaug.Short
	}{
		{"enough", drawFunc(func(r *rand.Rand) (string, []string) { counter++; return fmt.Sprint("v", counter), nil }), "text", textaug.ShortNone},
		{"empty", drawFunc(func(*rand.Rand) (string, []string) { return "x", nil }), "  ", textaug.ShortEmpty},
		{"nothing to edit", prepareFunc(func(context.Context, string) (textaug.Draw, error) {
			return nil, fmt.Errorf("all protected: %w", textaug.ErrNothingToEdit)
		}), "EUR 25.8 mn", textaug.ShortNothingToEdit},
		{"failed", failing{softErr{"translator down"}}, "text", textaug.ShortFailed},
		{"duplicates", drawFunc(func(*rand.Rand) (string, []string) { return "always the same", nil }), "text", textaug.ShortDistinct},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := textaug.Sampler{Aug: tt.aug, K: 3, Seed: 1}.Sample(context.Background(), "", tt.text)
			require.NoError(t, err)
			assert.Equal(t, tt.want, res.Why)
			assert.Equal(t, tt.want != textaug.ShortNone, res.Shortfall > 0)
		})
	}
	assert.Equal(t, "too few distinct variants", textaug.ShortDistinct.String())
	assert.Equal(t, "no editable word", textaug.ShortNothingToEdit.String())
}
