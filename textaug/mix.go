package textaug

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
)

// Mix combines augmenters, such as word-level edits (Tokens) and
// back-translation, into one: each variant comes from one of them, drawn
// by Weights (nil: equal weights; zero disables one), and the chosen one
// draws from its own child stream.
//
// Prepare prepares every augmenter. When some fail softly (see Soft) and
// others are ready, it returns the Draw of the ready ones together with a
// soft error naming what failed; the Sampler makes the variants and keeps
// the error in Result.Note. When all fail, the error is returned alone. A
// hard error from any augmenter is returned at once.
//
// The zero Mix has nothing to mix and reports ErrNothingToEdit. Mix is
// safe for concurrent use if its augmenters are.
type Mix struct {
	Augs    []Augmenter
	Weights []float64
}

// mixError joins the soft failures of a Mix.
type mixError struct{ errs []error }

func (e *mixError) Error() string   { return errors.Join(e.errs...).Error() }
func (e *mixError) Unwrap() []error { return e.errs }
func (e *mixError) Soft() bool      { return true }

// Prepare implements Augmenter.
func (m Mix) Prepare(ctx context.Context, text string) (Draw, error) {
	var draws []Draw
	var weights []float64
	var soft []error
	for i, a := range m.Augs {
		w := 1.0
		if m.Weights != nil {
			w = 0
			if i < len(m.Weights) {
				w = m.Weights[i]
			}
		}
		if w <= 0 {
			continue
		}
		d, err := a.Prepare(ctx, text)
		if err != nil && !Soft(err) {
			return nil, fmt.Errorf("textaug: mix: %w", err)
		}
		if d == nil {
			if !errors.Is(err, ErrNothingToEdit) {
				soft = append(soft, err)
			}
			continue
		}
		draws = append(draws, d)
		weights = append(weights, w)
	}
	var serr error
	if len(soft) > 0 {
		serr = &mixError{soft}
	}
	if len(draws) == 0 {
		if serr == nil {
			serr = ErrNothingToEdit
		}
		return nil, serr
	}
	total := 0.0
	for _, w := range weights {
		total += w
	}
	return func(r *rand.Rand) (string, []string) {
		x := r.Float64() * total
		i := 0
		for ; i < len(weights)-1 && x >= weights[i]; i++ {
			x -= weights[i]
		}
		return draws[i](Split(r))
	}, serr
}
