package eval

import (
	"fmt"
	"maps"
	"math"
	"slices"
)

// checkLen panics when gold and pred differ in length, a programming error.
func checkLen(fn string, gold, pred []string) {
	if len(gold) != len(pred) {
		panic(fmt.Sprintf("eval: %s: %d gold labels but %d predictions", fn, len(gold), len(pred)))
	}
}

// Accuracy returns the share of positions where pred equals gold, in [0, 1].
// It returns NaN when gold is empty and panics if the lengths differ.
func Accuracy(gold, pred []string) float64 {
	checkLen("Accuracy", gold, pred)
	if len(gold) == 0 {
		return math.NaN()
	}
	ok := 0
	for i, g := range gold {
		if pred[i] == g {
			ok++
		}
	}
	return float64(ok) / float64(len(gold))
}

// MacroF1 returns the unweighted mean over classes of the F1 score,
// 2·TP / (2·TP + FP + FN), in [0, 1].
//
// The classes are the labels that appear in gold. A predicted label that
// never occurs in gold is not a class of its own: such a prediction only
// counts as a false negative of the gold label (scikit-learn's f1_score
// with average="macro" would add a class with F1 = 0 for it; pass
// labels=sorted(set(gold)) there to get this function's value). A class's
// F1 is 2·P·R/(P+R) with precision P and recall R, and 0 when it is
// undefined, as in scikit-learn (zero_division=0); because every class
// occurs in gold, TP + FN > 0 and the formula above never divides by zero.
// It returns NaN when gold is empty and panics if the lengths differ.
func MacroF1(gold, pred []string) float64 {
	checkLen("MacroF1", gold, pred)
	if len(gold) == 0 {
		return math.NaN()
	}
	type counts struct{ tp, fp, fn int }
	c := make(map[string]*counts)
	for _, g := range gold {
		if c[g] == nil {
			c[g] = &counts{}
		}
	}
	for i, g := range gold {
		p := pred[i]
		if p == g {
			c[g].tp++
			continue
		}
		c[g].fn++
		if cp := c[p]; cp != nil {
			cp.fp++
		}
	}
	// Sum in a fixed (sorted) order so that the result does not depend on
	// map iteration order.
	sum := 0.0
	for _, l := range slices.Sorted(maps.Keys(c)) {
		k := c[l]
		sum += 2 * float64(k.tp) / float64(2*k.tp+k.fp+k.fn)
	}
	return sum / float64(len(c))
}

// MeanStd returns the mean of xs and its sample standard deviation (with
// n-1 in the denominator). The standard deviation is 0 when len(xs) < 2;
// the mean is NaN when xs is empty.
func MeanStd(xs []float64) (mean, std float64) {
	if len(xs) == 0 {
		return math.NaN(), 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	ss := 0.0
	for _, x := range xs {
		d := x - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss / float64(len(xs)-1))
}
