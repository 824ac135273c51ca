package eval

import (
	"fmt"
	"math"
)

// Paired is a difference between two arms, paired by seed: the mean and
// sample standard deviation of the per-seed differences, in points, and
// the half-width of the 95% confidence interval of the mean (Student's t
// with n-1 degrees of freedom). The zero value is no comparison.
type Paired struct {
	Mean, Std, HalfWidth float64
	N                    int // seeds paired; 0: no comparison
}

// Pair returns the paired difference a - b in points (100·(a_i - b_i)).
// a and b hold one value per seed, in the same order.
func Pair(a, b []float64) Paired {
	if len(a) != len(b) || len(a) == 0 {
		return Paired{}
	}
	d := make([]float64, len(a))
	for i := range d {
		d[i] = 100 * (a[i] - b[i])
	}
	p := Paired{N: len(d)}
	p.Mean, p.Std = MeanStd(d)
	p.HalfWidth = math.Inf(1)
	if p.N >= 2 {
		p.HalfWidth = tCritical95(p.N-1) * p.Std / math.Sqrt(float64(p.N))
	}
	return p
}

// Noise reports whether the seeds cannot tell the difference from zero:
// its 95% interval contains 0 (always with a single seed).
func (p Paired) Noise() bool { return p.N > 0 && math.Abs(p.Mean) <= p.HalfWidth }

// String formats the difference as "+1.23 ± 0.45" (mean ± std), with
// " ~" appended when it is noise; "" for no comparison.
func (p Paired) String() string {
	if p.N == 0 {
		return ""
	}
	s := fmt.Sprintf("%+.2f ± %.2f", p.Mean, p.Std)
	if p.Noise() {
		s += " ~"
	}
	return s
}

// tCritical95 is the two-sided 95% critical value of Student's t with df
// degrees of freedom (1.96 beyond 30).
func tCritical95(df int) float64 {
	table := [...]float64{12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
		2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
		2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042}
	if df >= 1 && df <= len(table) {
		return table[df-1]
	}
	return 1.96
}
