package eval_test

import (
	"math"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

// toy is a small, learnable two-topic corpus.
var toy = struct{ texts, labels []string }{
	texts: []string{
		"my card has not arrived yet", "when will my card arrive", "card still not here",
		"where is my new card", "the card never came",
		"I want a refund please", "how do I get my money back", "refund my payment",
		"can I have a refund", "money back for this order",
	},
	labels: []string{
		"card", "card", "card", "card", "card",
		"refund", "refund", "refund", "refund", "refund",
	},
}

func TestTrainErrors(t *testing.T) {
	two := []string{"a b", "c d"}
	ab := []string{"x", "y"}
	tests := []struct {
		name    string
		texts   []string
		labels  []string
		weights []float64
		cfg     eval.Config
		want    string
	}{
		{"no rows", nil, nil, nil, eval.Config{}, "eval: no training rows"},
		{"labels length", two, ab[:1], nil, eval.Config{}, "eval: 2 texts but 1 labels"},
		{"weights length", two, ab, []float64{1}, eval.Config{}, "eval: 2 texts but 1 weights"},
		{"negative weight", two, ab, []float64{1, -1}, eval.Config{}, "eval: row 1: weight -1 is not a finite non-negative number"},
		{"NaN weight", two, ab, []float64{math.NaN(), 1}, eval.Config{}, "eval: row 0: weight NaN is not a finite non-negative number"},
		{"infinite weight", two, ab, []float64{1, math.Inf(1)}, eval.Config{}, "eval: row 1: weight +Inf is not a finite non-negative number"},
		{"zero weights", two, ab, []float64{0, 0}, eval.Config{}, "eval: all weights are zero"},
		{"negative C", two, ab, nil, eval.Config{C: -1}, "eval: C must be positive and finite, got -1"},
		{"NaN C", two, ab, nil, eval.Config{C: math.NaN()}, "eval: C must be positive and finite, got NaN"},
		{"infinite C", two, ab, nil, eval.Config{C: math.Inf(1)}, "eval: C must be positive and finite, got +Inf"},
		{"negative MaxIter", two, ab, nil, eval.Config{MaxIter: -1}, "eval: MaxIter must not be negative, got -1"},
		{"negative Tol", two, ab, nil, eval.Config{Tol: -1}, "eval: Tol must be positive, got -1"},
		{"negative MinDF", two, ab, nil, eval.Config{MinDF: -2}, "eval: MinDF must not be negative, got -2"},
		{"unknown analyzer", two, ab, nil, eval.Config{Analyzer: 9}, "eval: unknown analyzer 9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := eval.Train(tt.texts, tt.labels, tt.weights, tt.cfg)
			assert.Nil(t, c)
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestTrainToy(t *testing.T) {
	c, err := eval.Train(toy.texts, toy.labels, nil, eval.Config{})
	require.NoError(t, err)
	assert.Equal(t, []string{"card", "refund"}, c.Labels())
	st := c.Stats()
	assert.True(t, st.Converged, "%+v", st)
	assert.Equal(t, 10, st.Rows)
	assert.Positive(t, st.Features)

	tests := []struct{ text, want string }{
		{"my card did not arrive", "card"},
		{"I would like a refund", "refund"},
		{"refund", "refund"},
		{"CARD", "card"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, []string{tt.want}, c.Predict([]string{tt.text}))
		})
	}
	assert.Equal(t, toy.labels, c.Predict(toy.texts), "fits its training data")
	assert.Empty(t, c.Predict(nil))
	// Unseen n-grams are ignored: only the bias decides, and the classes
	// are balanced, so this is a tie or near-tie; it must not fail.
	assert.Len(t, c.Predict([]string{"zzz qqq"}), 1)
}

func TestTrainLabelsCopy(t *testing.T) {
	c, err := eval.Train(toy.texts, toy.labels, nil, eval.Config{})
	require.NoError(t, err)
	l := c.Labels()
	l[0] = "changed"
	assert.Equal(t, []string{"card", "refund"}, c.Labels(), "Labels returns a copy")
}

func TestTrainSingleLabel(t *testing.T) {
	c, err := eval.Train([]string{"a b", "c d"}, []string{"only", "only"}, nil, eval.Config{})
	require.NoError(t, err)
	assert.Equal(t, []string{"only", "only"}, c.Predict([]string{"a b", "zz"}))
}

// TestTrainNoFeatures trains on texts that yield no n-gram at all (Words
// drops one-character tokens): only the biases are learnt.
func TestTrainNoFeatures(t *testing.T) {
	c, err := eval.Train([]string{"a", "b", "c", "!"}, []string{"x", "y", "y", "y"}, nil, eval.Config{})
	require.NoError(t, err)
	assert.Zero(t, c.Stats().Features)
	assert.Equal(t, []string{"y", "y"}, c.Predict([]string{"a", "anything"}), "the majority label")
}

func TestTrainChars(t *testing.T) {
	texts := []string{"地址在哪里", "这家店的地址是什么", "电话是多少", "他们的电话号码", "营业时间是几点", "几点开门"}
	labels := []string{"地址", "地址", "电话", "电话", "营业时间", "营业时间"}
	c, err := eval.Train(texts, labels, nil, eval.Config{Analyzer: eval.Chars})
	require.NoError(t, err)
	assert.Equal(t, []string{"地址", "电话", "营业时间"}, c.Predict([]string{"请问地址在哪", "电话多少", "几点开"}))
}

// TestTrainWeights pins the meaning of weights: they scale each row's
// loss, and since the L2 term is divided by their sum as in scikit-learn,
// doubling every weight is the same as doubling C.
func TestTrainWeights(t *testing.T) {
	texts := []string{"good movie", "good movie", "bad movie", "bad film"}
	labels := []string{"pos", "neg", "neg", "neg"}
	probe := []string{"good movie"}

	c, err := eval.Train(texts, labels, []float64{5, 1, 1, 1}, eval.Config{})
	require.NoError(t, err)
	assert.Equal(t, []string{"pos"}, c.Predict(probe), "the heavier duplicate wins")
	c, err = eval.Train(texts, labels, []float64{1, 5, 1, 1}, eval.Config{})
	require.NoError(t, err)
	assert.Equal(t, []string{"neg"}, c.Predict(probe))

	a, err := eval.Train(toy.texts, toy.labels, nil, eval.Config{C: 10})
	require.NoError(t, err)
	twos := make([]float64, len(toy.texts))
	for i := range twos {
		twos[i] = 2
	}
	b, err := eval.Train(toy.texts, toy.labels, twos, eval.Config{C: 5})
	require.NoError(t, err)
	assert.Equal(t, a.Stats(), b.Stats(), "weights 2 with C=5 is weights 1 with C=10")

	// Zero weights are allowed as long as one is positive.
	_, err = eval.Train(toy.texts, toy.labels, append([]float64{0}, twos[1:]...), eval.Config{})
	assert.NoError(t, err)
}

func TestTrainDeterministic(t *testing.T) {
	a, err := eval.Train(toy.texts, toy.labels, nil, eval.Config{})
	require.NoError(t, err)
	b, err := eval.Train(toy.texts, toy.labels, nil, eval.Config{})
	require.NoError(t, err)
	assert.Equal(t, a.Stats(), b.Stats(), "same loss, to the bit")
}

func TestTrainMaxIter(t *testing.T) {
	c, err := eval.Train(toy.texts, toy.labels, nil, eval.Config{MaxIter: 1})
	require.NoError(t, err)
	st := c.Stats()
	assert.Equal(t, 1, st.Iterations)
	assert.False(t, st.Converged)
}

func TestPredictConcurrent(t *testing.T) {
	c, err := eval.Train(toy.texts, toy.labels, nil, eval.Config{})
	require.NoError(t, err)
	want := c.Predict(toy.texts)
	var wg sync.WaitGroup
	got := make([][]string, 8)
	for g := range got {
		wg.Go(func() { got[g] = c.Predict(toy.texts) })
	}
	wg.Wait()
	for _, p := range got {
		assert.Equal(t, want, p)
	}
}

// TestAccuracyRealData trains on full shared train splits and scores the
// test splits. The bounds are a little below the measured accuracies
// (logged: 0.896, 0.850 and 0.990); banking77's is at the top of the
// 0.87–0.89 usually reported for scikit-learn's TF-IDF + LogisticRegression,
// which was not rerun here.
func TestAccuracyRealData(t *testing.T) {
	if testing.Short() {
		t.Skip("trains on full datasets (several seconds)")
	}
	tests := []struct {
		dataset  string
		analyzer eval.Analyzer
		min      float64
	}{
		{"banking77", eval.Words, 0.87},
		{"financial_phrasebank_allagree", eval.Words, 0.83},
		{"crosswoz_intent_zh", eval.Chars, 0.95},
	}
	for _, tt := range tests {
		t.Run(tt.dataset, func(t *testing.T) {
			train, test := readSplit(t, tt.dataset, "train"), readSplit(t, tt.dataset, "test")
			c, err := eval.Train(train.Texts, train.Labels, nil, eval.Config{Analyzer: tt.analyzer})
			require.NoError(t, err)
			pred := c.Predict(test.Texts)
			acc, f1 := eval.Accuracy(test.Labels, pred), eval.MacroF1(test.Labels, pred)
			t.Logf("%s (%s): accuracy %.4f, macro-F1 %.4f; %+v", tt.dataset, tt.analyzer, acc, f1, c.Stats())
			assert.GreaterOrEqual(t, acc, tt.min)
			assert.True(t, c.Stats().Converged)
		})
	}
}
