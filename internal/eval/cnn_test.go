package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tinyCNN is a configuration small enough for unit tests.
var tinyCNN = CNNConfig{Dim: 16, Filters: 16, Steps: 300, Batch: 16, Rate: 0.01}

// orderTexts returns n texts made of the same words, "not", "good" and
// five fillers in random order, labelled "neg" when "not" comes right
// before "good" and "pos" when "good" comes first: the classes have the
// same bag of words and differ only in word order.
func orderTexts(r *rand.Rand, n int) (texts, labels []string) {
	fillers := []string{"the", "food", "was", "really", "today", "here", "quite"}
	for i := range n {
		w := slices.Clone(fillers)
		r.Shuffle(len(w), func(a, b int) { w[a], w[b] = w[b], w[a] })
		w = w[:5]
		at := r.IntN(len(w) + 1)
		label, pair := "neg", []string{"not", "good"}
		if i%2 == 1 {
			label = "pos"
			// "good" first, "not" later but never right after it.
			w = slices.Insert(w, r.IntN(len(w)-1)+2, "not")
			pair = []string{"good"}
			at = min(at, 1)
		}
		texts = append(texts, strings.Join(slices.Insert(w, at, pair...), " "))
		labels = append(labels, label)
	}
	return texts, labels
}

// TestCNNWordOrder trains on texts whose classes differ only in word order
// and checks that the network labels new ones.
func TestCNNWordOrder(t *testing.T) {
	texts, labels := orderTexts(rand.New(rand.NewPCG(1, 1)), 200)
	for i, tx := range texts[:20] {
		bag := strings.Fields(tx)
		slices.Sort(bag)
		assert.Contains(t, bag, "not", "row %d", i)
		assert.Contains(t, bag, "good", "row %d", i)
	}
	c, err := TrainCNN(texts, labels, nil, tinyCNN)
	require.NoError(t, err)
	test, gold := orderTexts(rand.New(rand.NewPCG(2, 2)), 100)
	assert.GreaterOrEqual(t, Accuracy(gold, c.Predict(test)), 0.95)
	assert.Equal(t, []string{"neg", "pos"}, c.Labels())
}

// TestCNNDeterminism: the same seed gives the same weights to the bit, and
// so the same predictions; another seed gives other weights.
func TestCNNDeterminism(t *testing.T) {
	texts, labels := orderTexts(rand.New(rand.NewPCG(1, 1)), 60)
	cfg := tinyCNN
	cfg.Steps = 40
	a, err := TrainCNN(texts, labels, nil, cfg)
	require.NoError(t, err)
	b, err := TrainCNN(texts, labels, nil, cfg)
	require.NoError(t, err)
	assert.Equal(t, a.net.p, b.net.p)
	assert.Equal(t, a.Predict(texts), b.Predict(texts))
	assert.Equal(t, a.Stats(), b.Stats())
	cfg.Seed = 1
	d, err := TrainCNN(texts, labels, nil, cfg)
	require.NoError(t, err)
	same := 0
	for i := range a.net.p {
		if a.net.p[i] == d.net.p[i] {
			same++
		}
	}
	// Only the zero rows of padding and unknown agree.
	assert.Equal(t, 2*cfg.Dim, same)
}

// TestCNNUpdateBudget: the number of updates and of rows drawn is Steps
// and Steps × Batch whatever the size of the training set.
func TestCNNUpdateBudget(t *testing.T) {
	cfg := tinyCNN
	cfg.Steps, cfg.Batch = 7, 5
	for _, n := range []int{2, 20, 2000} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			texts, labels := orderTexts(rand.New(rand.NewPCG(3, 3)), n)
			c, err := TrainCNN(texts, labels, nil, cfg)
			require.NoError(t, err)
			st := c.Stats()
			assert.Equal(t, 7, st.Steps)
			assert.Equal(t, 35, st.Drawn)
			assert.Equal(t, n, st.Rows)
		})
	}
	t.Run("default", func(t *testing.T) {
		cfg, err := CNNConfig{}.withDefaults()
		require.NoError(t, err)
		assert.Equal(t, DefaultCNNSteps, cfg.Steps)
	})
}

// TestCNNWeights: rows are drawn in proportion to their weights, so the
// heavier of two contradictory rows wins, and a row of weight zero is
// never learnt.
func TestCNNWeights(t *testing.T) {
	texts := []string{"send money abroad", "send money abroad", "freeze my card"}
	labels := []string{"a", "b", "c"}
	cfg := tinyCNN
	cfg.Steps = 100
	for _, tc := range []struct {
		weights []float64
		want    string
	}{
		{[]float64{3, 1, 1}, "a"},
		{[]float64{1, 3, 1}, "b"},
		{[]float64{0, 1, 1}, "b"},
		{[]float64{1, 0, 1}, "a"},
	} {
		c, err := TrainCNN(texts, labels, tc.weights, cfg)
		require.NoError(t, err)
		assert.Equal(t, tc.want, c.Predict(texts[:1])[0], "weights %v", tc.weights)
	}
}

// TestCNNErrors covers bad input and bad configurations.
func TestCNNErrors(t *testing.T) {
	two := []string{"a b", "c d"}
	for _, tc := range []struct {
		name          string
		texts, labels []string
		weights       []float64
		cfg           CNNConfig
		want          string
	}{
		{"empty", nil, nil, nil, tinyCNN, "eval: cnn: no training rows"},
		{"labels", two, two[:1], nil, tinyCNN, "eval: cnn: 2 texts but 1 labels"},
		{"weights", two, two, []float64{1}, tinyCNN, "eval: cnn: 2 texts but 1 weights"},
		{"negative weight", two, two, []float64{1, -1}, tinyCNN, "eval: cnn: row 1: weight -1 is not"},
		{"NaN weight", two, two, []float64{math.NaN(), 1}, tinyCNN, "eval: cnn: row 0: weight NaN"},
		{"Inf weight", two, two, []float64{1, math.Inf(1)}, tinyCNN, "eval: cnn: row 1: weight +Inf"},
		{"zero weights", two, two, []float64{0, 0}, tinyCNN, "eval: cnn: all weights are zero"},
		{"dim", two, two, nil, CNNConfig{Dim: -1}, "eval: cnn: Dim must not be negative, got -1"},
		{"steps", two, two, nil, CNNConfig{Steps: -3}, "eval: cnn: Steps must not be negative, got -3"},
		{"no widths", two, two, nil, CNNConfig{Widths: []int{}}, "eval: cnn: no filter widths"},
		{"width", two, two, nil, CNNConfig{Widths: []int{3, 0}}, "eval: cnn: filter width 0 outside"},
		{"wide", two, two, nil, CNNConfig{Widths: []int{9}, MaxLen: 8}, "eval: cnn: filter width 9 outside [1, MaxLen=8]"},
		{"rate", two, two, nil, CNNConfig{Rate: math.NaN()}, "eval: cnn: Rate must be positive"},
		{"dropout", two, two, nil, CNNConfig{Dropout: 1}, "eval: cnn: Dropout must be below 1, got 1"},
		{"analyzer", two, two, nil, CNNConfig{Analyzer: 7}, "eval: cnn: unknown analyzer 7"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := TrainCNN(tc.texts, tc.labels, tc.weights, tc.cfg)
			assert.Nil(t, c)
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tc.want), "got %q, want prefix %q", err, tc.want)
		})
	}
}

// TestCNNSingleLabelAndUnknown: one label is always predicted and needs no
// updates; texts of unknown or no tokens still get a label.
func TestCNNSingleLabelAndUnknown(t *testing.T) {
	c, err := TrainCNN([]string{"a b c", "d e"}, []string{"x", "x"}, nil, tinyCNN)
	require.NoError(t, err)
	assert.Equal(t, []string{"x", "x"}, c.Predict([]string{"zzz qqq", ""}))
	assert.Equal(t, 0, c.Stats().Steps)

	texts, labels := orderTexts(rand.New(rand.NewPCG(1, 1)), 20)
	c, err = TrainCNN(texts, labels, nil, CNNConfig{Dim: 8, Filters: 4, Steps: 5})
	require.NoError(t, err)
	got := c.Predict([]string{"", "!!!", "unseen words only", strings.Repeat("good not ", 200)})
	assert.Len(t, got, 4)
	for _, l := range got {
		assert.Contains(t, c.Labels(), l)
	}
}

// TestCNNTokens: Words gives the word tokens of the linear model, Chars the
// non-space characters.
func TestCNNTokens(t *testing.T) {
	assert.Equal(t, []string{"isn't", "my", "card", "here"}, cnnTokens(Words, nil, "Isn’t my card here?"))
	assert.Equal(t, []string{"我", "的", "卡", "没", "到", "a", "?"}, cnnTokens(Chars, nil, "我的卡 没到 A?"))
	c := &CNN{analyzer: Words, maxLen: 3, vocab: map[string]int32{"card": 2, "my": 3}}
	assert.Equal(t, []int32{0, 0, 3, 2, 1, 0, 0}, c.appendIDs(nil, []string{"my", "card", "new", "x"}, 5))
	assert.Equal(t, []int32{0, 0, 3, 0, 0}, c.appendIDs(nil, []string{"my"}, 5))
	assert.Equal(t, []int32{0, 0, 0, 0, 0}, c.appendIDs(nil, nil, 5))
}

// TestCNNGradient compares the analytic gradient of backprop with central
// finite differences on a tiny network without dropout.
func TestCNNGradient(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	cfg := CNNConfig{Dim: 3, Filters: 2, Widths: []int{1, 2}}
	n := newCNNNet(r, 6, 3, cfg)
	for i := n.convB; i < n.out; i++ { // exercise the biases too
		n.p[i] = 0.1
	}
	for i := n.outB; i < len(n.p); i++ {
		n.p[i] = float32(i-n.outB) / 10
	}
	ids := []int32{0, 2, 3, 1, 5, 4, 0}
	const y = 2
	w := n.newWork()
	g := make([]float32, len(n.p))
	n.backprop(ids, y, w, nil, g, 1)
	loss := func() float64 {
		n.forward(ids, w, nil)
		return softmaxGrad(w.logits, y, 1)
	}
	const h = 1e-3
	checked := 0
	for i := 2 * cfg.Dim; i < len(n.p); i++ {
		old := n.p[i]
		n.p[i] = old + h
		up := loss()
		n.p[i] = old - h
		down := loss()
		n.p[i] = old
		fd := (up - down) / (2 * h)
		assert.InDelta(t, fd, float64(g[i]), 2e-3+0.02*math.Abs(fd), "parameter %d", i)
		checked++
	}
	assert.Equal(t, len(n.p)-2*cfg.Dim, checked)
	assert.Equal(t, make([]float32, 2*cfg.Dim), g[:2*cfg.Dim], "padding and unknown rows get no gradient")
}

// A CNN learns what a bag of words cannot see: here both classes use the
// same words, and only "not" right before "good" makes a text negative.
func ExampleTrainCNN() {
	texts, labels := orderTexts(rand.New(rand.NewPCG(1, 1)), 200)
	c, err := TrainCNN(texts, labels, nil, tinyCNN)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.Predict([]string{"the food was not good today", "good food today was not here"}))
	fmt.Println(c.Stats().Steps, c.Stats().Drawn)
	// Output:
	// [neg pos]
	// 300 4800
}
