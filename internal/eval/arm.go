package eval

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

// Example is one labelled row.
type Example struct{ Text, Label string }

// Columns returns the texts and the labels of ex, in newly allocated
// slices.
func Columns(ex []Example) (texts, labels []string) {
	texts = make([]string, len(ex))
	labels = make([]string, len(ex))
	for i, e := range ex {
		texts[i], labels[i] = e.Text, e.Label
	}
	return texts, labels
}

// pickRows returns the rows of ex at idx.
func pickRows(ex []Example, idx []int) []Example {
	out := make([]Example, len(idx))
	for i, j := range idx {
		out[i] = ex[j]
	}
	return out
}

// prefetchBatch is the number of rows whose back-translations are fetched
// together.
const prefetchBatch = 64

// Arm is one way of building training data: a recipe, or none (the
// training subset alone). An Arm is safe for concurrent use once built;
// Close releases it.
type Arm struct {
	// Name labels the arm in every table.
	Name string
	// Recipe is nil for no augmentation.
	Recipe *recipe.Recipe

	aug   textaug.Augmenter
	rt    *recipe.RoundTrip
	close func() error
}

// NoAugmentation is the arm that trains on the subset alone.
func NoAugmentation(name string) *Arm { return &Arm{Name: name} }

// NewArm builds the augmenter of r; the arm must be closed.
func NewArm(name string, r recipe.Recipe) (*Arm, error) {
	aug, rt, closeFn, err := r.Augmenter()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &Arm{Name: name, Recipe: &r, aug: aug, rt: rt, close: closeFn}, nil
}

// Close releases the arm's translation cache, if any.
func (a *Arm) Close() error {
	if a.close == nil {
		return nil
	}
	return a.close()
}

// K is the number of variants per row, 0 without augmentation.
func (a *Arm) K() int {
	if a.Recipe == nil {
		return 0
	}
	return a.Recipe.K
}

// augmented is a training set: rows and their variants.
type augmented struct {
	texts, labels []string
	variants      int
	shortfall     int
}

// augmentRows returns rows followed by the variants a makes of each with
// seed; without an augmenter, rows alone. Deterministic: variants depend on
// the seed and the text only.
func (a *Arm) augmentRows(ctx context.Context, rows []Example, seed int) (augmented, error) {
	var out augmented
	for _, e := range rows {
		out.texts = append(out.texts, e.Text)
		out.labels = append(out.labels, e.Label)
	}
	if a.Recipe == nil {
		return out, nil
	}
	vars, short, err := a.variants(ctx, rows, seed)
	if err != nil {
		return out, err
	}
	for i, vs := range vars {
		for _, v := range vs {
			out.texts = append(out.texts, v)
			out.labels = append(out.labels, rows[i].Label)
		}
		out.variants += len(vs)
	}
	out.shortfall = short
	return out, nil
}

// variants returns the variants of each row, and the number missing.
func (a *Arm) variants(ctx context.Context, rows []Example, seed int) ([][]string, int, error) {
	smp := textaug.Sampler{Aug: a.aug, K: a.Recipe.K, Seed: uint64(seed), MaxTries: a.Recipe.MaxTries}
	if a.rt != nil {
		smp.Accept = textaug.KeepsFigures
	}
	out := make([][]string, len(rows))
	short := 0
	for start := 0; start < len(rows); start += prefetchBatch {
		end := min(start+prefetchBatch, len(rows))
		bctx := ctx
		if a.rt != nil {
			texts, _ := Columns(rows[start:end])
			c, err := a.rt.Prefetch(ctx, texts)
			if err != nil {
				return nil, 0, err
			}
			bctx = c
		}
		for i := start; i < end; i++ {
			res, err := smp.Sample(bctx, "", rows[i].Text)
			if err != nil {
				return nil, 0, fmt.Errorf("%s: %q: %w", a.Name, rows[i].Text, err)
			}
			for _, v := range res.Variants {
				out[i] = append(out[i], v.Text)
			}
			short += res.Shortfall
		}
	}
	return out, short, nil
}
