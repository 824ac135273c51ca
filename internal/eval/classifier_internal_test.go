package eval

import (
	"math"
	"sync"
	"testing"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGradient compares the analytic gradient of the objective with
// central finite differences, with unequal row weights and a row of zero
// weight, and checks the reported ‖g‖∞.
func TestGradient(t *testing.T) {
	texts := []string{"a b c", "b c d", "c d e", "a e", "d d a", "e"}
	y := []int{0, 1, 2, 0, 1, 2}
	sw := []float64{1, 2, 0.5, 0, 1.5, 1}
	sum := 0.0
	for _, w := range sw {
		sum += w
	}
	for i := range sw {
		sw[i] /= sum
	}
	vec := fitVectorizer(texts, Chars, 1, true, 1)
	x := vec.transform(texts)
	const k = 3
	d := vec.dim()
	o := newSoftmaxObjective(x, d, y, sw, k, 0.3)
	p := make([]float64, d*k+k)
	for i := range p {
		p[i] = math.Sin(float64(i)) // arbitrary point
	}
	g := make([]float64, len(p))
	_, gInf := o.eval(g, p)
	assert.InDelta(t, infNorm(g), gInf, 0, "reported ‖g‖∞")
	scratch := make([]float64, len(p))
	const h = 1e-6
	for i := range p {
		old := p[i]
		p[i] = old + h
		fp, _ := o.eval(scratch, p)
		p[i] = old - h
		fm, _ := o.eval(scratch, p)
		p[i] = old
		assert.InDelta(t, (fp-fm)/(2*h), g[i], 1e-7, "component %d", i)
	}
}

// TestLBFGSQuadratic minimises a badly scaled convex quadratic.
func TestLBFGSQuadratic(t *testing.T) {
	scale := []float64{1, 10, 100, 1000, 0.1}
	fg := func(g, x []float64) (float64, float64) {
		f := 0.0
		for i, s := range scale {
			dx := x[i] - float64(i)
			f += 0.5 * s * dx * dx
			g[i] = s * dx
		}
		return f, infNorm(g)
	}
	x := make([]float64, len(scale))
	r := lbfgs{Store: 5, MaxIter: 200, GradTol: 1e-10}.minimize(fg, x)
	assert.True(t, r.Converged, "%+v", r)
	for i := range x {
		assert.InDelta(t, float64(i), x[i], 1e-8)
	}
}

// TestPredictTies builds a classifier whose scores tie and checks that the
// first label in sorted order wins.
func TestPredictTies(t *testing.T) {
	vec := fitVectorizer([]string{"alpha beta"}, Words, 1, true, 1)
	c := &Classifier{
		vec:    vec,
		labels: []string{"a", "b", "c"},
		w:      make([]float64, vec.dim()*3),
		b:      []float64{0, 0, 0},
	}
	assert.Equal(t, []string{"a", "a"}, c.Predict([]string{"alpha", "unknown"}))
	c.b = []float64{-1, 2, 2}
	assert.Equal(t, []string{"b"}, c.Predict([]string{"alpha"}))
}

// TestTrainBitIdentical trains twice on a real dataset, concurrently, and
// compares the weights to the bit.
func TestTrainBitIdentical(t *testing.T) {
	tr := shareddata.Read(t, "crosswoz_intent_zh", "train", 0)
	texts, labels := tr.Texts, tr.Labels
	var c [2]*Classifier
	var errs [2]error
	var wg sync.WaitGroup
	for i := range c {
		wg.Go(func() { c[i], errs[i] = Train(texts, labels, nil, Config{Analyzer: Chars}) })
	}
	wg.Wait()
	require.NoError(t, errs[0])
	require.NoError(t, errs[1])
	assert.Equal(t, c[0].stats, c[1].stats)
	assert.True(t, bitsEqual(c[0].w, c[1].w) && bitsEqual(c[0].b, c[1].b), "weights differ")
}

func bitsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// The copy control trains on each row counted k+1 times; that is the
// classifier of the rows repeated k+1 times: same vocabulary and idf,
// same objective, so the same weights up to rounding and the same
// predictions.
func TestCountedCopiesAreCopies(t *testing.T) {
	tr := shareddata.Read(t, "banking77", "train", 600)
	test := shareddata.Read(t, "banking77", "test", 400)
	const k = 4
	var texts, labels []string
	for i := range tr.Texts {
		for range k + 1 {
			texts, labels = append(texts, tr.Texts[i]), append(labels, tr.Labels[i])
		}
	}
	for _, a := range []Analyzer{Words, WordsChars} {
		lit, err := Train(texts, labels, nil, Config{Analyzer: a})
		require.NoError(t, err)
		cnt, err := train(tr.Texts, tr.Labels, nil, k+1, Config{Analyzer: a}, nil)
		require.NoError(t, err)
		assert.Equal(t, lit.vec.idf, cnt.vec.idf, "%v: idf", a)
		assert.Equal(t, lit.vec.vocab, cnt.vec.vocab, "%v: vocabulary", a)
		assert.InDelta(t, lit.stats.Loss, cnt.stats.Loss, 1e-6, "%v: loss", a)
		assert.Equal(t, lit.Predict(test.Texts), cnt.Predict(test.Texts), "%v: predictions", a)
	}
}
