package eval

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/textaug/textaug/internal/corpus"
)

// Subset is the training subset of --per-class, --n or --fraction (the
// first that is positive; the whole training file when none is): its
// picker, its size argument, and a description for the report.
func Subset(perClass, n int, fraction float64) (Picker, int, string) {
	switch {
	case perClass > 0:
		return LRS, perClass, fmt.Sprintf("%d per label", perClass)
	case n > 0:
		return LRSTotal, n, fmt.Sprintf("%d in total, stratified", n)
	case fraction > 0:
		f := fraction
		return func(t, l []string, _ int, seed int) []int { return LRSFraction(t, l, f, seed) }, 0, fmt.Sprintf("%g of every label, rounded up", f)
	}
	return All, 0, "the whole training file"
}

// ReadExamples reads the rows of r, a reader of the labelled file path,
// into examples. Evaluation files are small; a bad row or a row without a
// label is an error naming file and line.
func ReadExamples(r *corpus.Reader, path string) ([]Example, error) {
	if r.LabelField() == "" {
		return nil, fmt.Errorf("%s: no label column or field (want one of %s, or --label)", path, strings.Join(corpus.DefaultLabelFields, ", "))
	}
	var out []Example
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if rec.Label == "" {
			return nil, fmt.Errorf("%s:%d: row %d has an empty label", path, rec.Line, rec.Row)
		}
		out = append(out, Example{Text: rec.Text, Label: rec.Label})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return out, nil
}
