package textaug

import (
	"context"
	"errors"
	"math/rand/v2"
)

// Draw produces one candidate variant from the random stream r: its text
// and the names of the operations that changed it, in the order applied.
// A Draw may be called many times, concurrently only if the Augmenter that
// made it says so; it must depend on nothing but r.
type Draw = func(r *rand.Rand) (text string, ops []string)

// Augmenter turns one text into candidate variants.
//
// Prepare analyses text once (tokenizes and tags it, or translates it) and
// returns the Draw that makes candidates from it. Augmenters never see
// labels. The signature uses standard types only, so a package can satisfy
// Augmenter without importing textaug.
//
// Prepare returns an error wrapping ErrNothingToEdit when text has nothing
// the augmenter may change; the Sampler reports that as a shortfall, not a
// failure.
type Augmenter interface {
	Prepare(ctx context.Context, text string) (Draw, error)
}

// ErrNothingToEdit says a text has no token that the protection policy lets
// any strategy change.
var ErrNothingToEdit = errors.New("textaug: no editable word")
