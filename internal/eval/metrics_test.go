package eval_test

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/internal/eval"
)

func TestAccuracy(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		want       float64
	}{
		{"all right", []string{"a", "b"}, []string{"a", "b"}, 1},
		{"half", []string{"a", "b", "a", "b"}, []string{"a", "a", "a", "a"}, 0.5},
		{"none", []string{"a"}, []string{"b"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, eval.Accuracy(tt.gold, tt.pred), 1e-15)
		})
	}
	assert.True(t, math.IsNaN(eval.Accuracy(nil, nil)), "empty is NaN")
	assert.Panics(t, func() { eval.Accuracy([]string{"a"}, nil) })
}

func TestMacroF1(t *testing.T) {
	tests := []struct {
		name       string
		gold, pred []string
		want       float64
	}{
		{"perfect", []string{"a", "b", "c"}, []string{"a", "b", "c"}, 1},
		// a: tp 1, fp 1, fn 1 -> 2/4; b: tp 1, fp 1, fn 1 -> 2/4.
		{"swapped pair", []string{"a", "a", "b", "b"}, []string{"a", "b", "b", "a"}, 0.5},
		// a: tp 2, fp 1, fn 0 -> 4/5; b: tp 0, fp 0, fn 1 -> 0 (undefined
		// precision counts as 0).
		{"class never predicted", []string{"a", "a", "b"}, []string{"a", "a", "a"}, 0.4},
		// The predicted label z is not a class: a: tp 1, fn 1 -> 2/3;
		// b: tp 1 -> 1. scikit-learn's default would average over a, b, z.
		{"label only in predictions", []string{"a", "a", "b"}, []string{"a", "z", "b"}, (2.0/3 + 1) / 2},
		{"all wrong", []string{"a", "b"}, []string{"b", "a"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, eval.MacroF1(tt.gold, tt.pred), 1e-12)
		})
	}
	assert.True(t, math.IsNaN(eval.MacroF1(nil, nil)), "empty is NaN")
	assert.Panics(t, func() { eval.MacroF1([]string{"a"}, []string{"a", "b"}) })
}

func TestMeanStd(t *testing.T) {
	tests := []struct {
		name      string
		xs        []float64
		mean, std float64
	}{
		{"one", []float64{0.7}, 0.7, 0},
		{"two", []float64{1, 3}, 2, math.Sqrt2},
		{"five", []float64{2, 4, 4, 4, 5}, 3.8, math.Sqrt(4.8 / 4)},
		{"constant", []float64{0.5, 0.5, 0.5}, 0.5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mean, std := eval.MeanStd(tt.xs)
			assert.InDelta(t, tt.mean, mean, 1e-12)
			assert.InDelta(t, tt.std, std, 1e-12)
		})
	}
	mean, std := eval.MeanStd(nil)
	assert.True(t, math.IsNaN(mean))
	assert.Zero(t, std)
}
