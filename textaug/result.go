package textaug

import (
	"errors"
	"slices"
)

// Misses returns the soft failures behind r.Note and r.Reason, one per
// augmenter that could not draw for this text (the translator of a Mix,
// say), in the Mix's order; nil when every augmenter could draw, or when
// the text simply had nothing to edit.
//
// The errors keep their types, so that a caller counts the kinds of
// misses with errors.As (a *backtranslate.Error is a failed translation)
// rather than by reading their messages. The slice is the caller's.
func (r Result) Misses() []error {
	if r.Missed == nil {
		return nil
	}
	var m *mixError
	if errors.As(r.Missed, &m) {
		return slices.Clone(m.errs)
	}
	return []error{r.Missed}
}
