package eval

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gonum.org/v1/gonum/floats"
)

// columnPass is the evaluation the objective made before it scattered
// each row's residual into the gradient: every residual first (n×k), then
// the gradient of each feature from the transpose of x, rows in ascending
// order. It is the reference the objective must match to the bit.
func columnPass(o *softmaxObjective, g, p []float64) (f, gInf float64) {
	k, d, n := o.k, o.d, o.x.rows()
	w, b := p[:d*k], p[d*k:]
	gw, gb := g[:d*k], g[d*k:]
	r := make([]float64, n*k)
	loss := 0.0
	for i := range n {
		loss += o.row(i, w, b)
		copy(r[i*k:i*k+k], o.r)
	}
	xt := o.x.transpose(d)
	reg := 0.0
	for f := range d {
		wf, gf := w[f*k:f*k+k], gw[f*k:f*k+k]
		reg += floats.Dot(wf, wf)
		floats.ScaleTo(gf, o.lambda, wf)
		a, e := xt.ptr[f], xt.ptr[f+1]
		for j, i := range xt.ind[a:e] {
			floats.AddScaled(gf, xt.val[a+j], r[int(i)*k:int(i)*k+k])
		}
		gInf = max(gInf, infNorm(gf))
	}
	clear(gb)
	for i := range n {
		floats.Add(gb, r[i*k:i*k+k])
	}
	return loss + 0.5*o.lambda*reg, max(gInf, infNorm(gb))
}

// transpose returns the d-column matrix m transposed: row f of the result
// lists the rows of m that have column f, in ascending order.
func (m *csr) transpose(d int) csr {
	t := csr{ptr: make([]int, d+1), ind: make([]int32, len(m.ind)), val: make([]float64, len(m.val))}
	for _, f := range m.ind {
		t.ptr[f+1]++
	}
	for f := 0; f < d; f++ {
		t.ptr[f+1] += t.ptr[f]
	}
	next := slices.Clone(t.ptr[:d])
	for i := 0; i < m.rows(); i++ {
		for j := m.ptr[i]; j < m.ptr[i+1]; j++ {
			f := m.ind[j]
			t.ind[next[f]] = int32(i)
			t.val[next[f]] = m.val[j]
			next[f]++
		}
	}
	return t
}

// TestRowPassIsBitIdentical: the objective's single row pass gives the
// value and gradient of the column pass over the transpose, to the bit,
// at random points of a training set with unequal weights, a zero weight
// and repeated n-grams; and the preconditioner is that of the transpose.
func TestRowPassIsBitIdentical(t *testing.T) {
	texts := []string{"lost my card", "my card is lost again", "where is my money", "money money money",
		"card arrived", "card not arrived yet", "is my transfer done", "transfer the money to my card"}
	y := []int{0, 0, 1, 1, 2, 2, 1, 1}
	sw := []float64{1, 2, 0.5, 0, 1.5, 1, 3, 0.25}
	vec := fitVectorizer(texts, WordsChars, 1, true, 1)
	x := vec.transform(texts)
	const k = 3
	d := vec.dim()
	o := newSoftmaxObjective(x, d, y, sw, k, 0.01)
	rng := rand.New(rand.NewPCG(1, 2))
	p := make([]float64, d*k+k)
	g, want := make([]float64, len(p)), make([]float64, len(p))
	for range 5 {
		for i := range p {
			p[i] = rng.NormFloat64()
		}
		f, gInf := o.eval(g, p)
		wf, wInf := columnPass(o, want, p)
		require.Equal(t, math.Float64bits(wf), math.Float64bits(f))
		require.Equal(t, math.Float64bits(wInf), math.Float64bits(gInf))
		for i := range g {
			require.Equal(t, math.Float64bits(want[i]), math.Float64bits(g[i]), "component %d", i)
		}
	}
	xt := x.transpose(d)
	beta := precondBeta / float64(k)
	pc := o.precond()
	for f := range d {
		sq := 0.0
		for j, i := range xt.ind[xt.ptr[f]:xt.ptr[f+1]] {
			v := xt.val[xt.ptr[f]+j]
			sq += sw[i] * v * v
		}
		assert.Equal(t, math.Float64bits(1/(o.lambda+beta*sq)), math.Float64bits(pc.feat[f]), "feature %d", f)
	}
}
