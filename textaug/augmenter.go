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

// Soft reports whether err says that an augmenter cannot make variants of
// this text now, rather than that something is broken: ErrNothingToEdit,
// or any error with a Soft() bool method that returns true (package
// backtranslate's errors after its retries, for example, which it defines
// without importing textaug). The Sampler turns a soft error into a
// shortfall with the error as its reason, and Mix goes on with its other
// augmenters.
func Soft(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrNothingToEdit) {
		return true
	}
	var s interface{ Soft() bool }
	return errors.As(err, &s) && s.Soft()
}
