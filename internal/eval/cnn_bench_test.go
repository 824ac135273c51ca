package eval_test

import (
	"fmt"
	"testing"

	"github.com/textaug/textaug/internal/eval"
)

// BenchmarkCNNBanking77x10 trains the default CNN on banking77 at 10 rows
// per label (LRS, seeds 0–2, 770 rows) and reports its accuracy on the
// 3,080 test rows, clean and with every kind of [eval.Noise] at its
// default rates, beside those of the default logistic regression.
func BenchmarkCNNBanking77x10(b *testing.B) {
	tr := readSplit(b, "banking77", "train")
	te := readSplit(b, "banking77", "test")
	noise, err := eval.ParseNoise("all")
	if err != nil {
		b.Fatal(err)
	}
	noisy, err := noise.Apply(te.Texts)
	if err != nil {
		b.Fatal(err)
	}
	for seed := range 3 {
		idx := eval.LRS(tr.Texts, tr.Labels, 10, seed)
		texts, labels := pick(tr.Texts, idx), pick(tr.Labels, idx)
		b.Run(fmt.Sprintf("seed%d", seed), func(b *testing.B) {
			var c *eval.CNN
			for b.Loop() {
				var err error
				c, err = eval.TrainCNN(texts, labels, nil, eval.CNNConfig{Seed: uint64(seed)})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			lr, err := eval.Train(texts, labels, nil, eval.Config{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(100*eval.Accuracy(te.Labels, c.Predict(te.Texts)), "acc%")
			b.ReportMetric(100*eval.Accuracy(te.Labels, c.Predict(noisy)), "noisy-acc%")
			b.ReportMetric(100*eval.Accuracy(te.Labels, lr.Predict(te.Texts)), "lr-acc%")
			b.ReportMetric(100*eval.Accuracy(te.Labels, lr.Predict(noisy)), "lr-noisy-acc%")
		})
	}
}

// BenchmarkCNN500x17 trains the default CNN on 500 banking77 rows (LRSTotal,
// seed 0) and on the same rows plus 16 EDA-style variants of each (8,500
// rows): with a fixed budget of updates both cost about the same.
func BenchmarkCNN500x17(b *testing.B) {
	tr := readSplit(b, "banking77", "train")
	texts, labels := augmented(tr, eval.LRSTotal(tr.Texts, tr.Labels, 500, 0), 16)
	for _, n := range []int{500, len(texts)} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var st eval.CNNStats
			for b.Loop() {
				c, err := eval.TrainCNN(texts[:n], labels[:n], nil, eval.CNNConfig{})
				if err != nil {
					b.Fatal(err)
				}
				st = c.Stats()
			}
			b.ReportMetric(float64(st.Steps), "steps")
			b.ReportMetric(float64(st.Vocab), "vocab")
		})
	}
}

// BenchmarkCNNPredict labels the 3,080 banking77 test texts with a CNN
// trained on 10 rows per label.
func BenchmarkCNNPredict(b *testing.B) {
	tr := readSplit(b, "banking77", "train")
	te := readSplit(b, "banking77", "test")
	idx := eval.LRS(tr.Texts, tr.Labels, 10, 0)
	c, err := eval.TrainCNN(pick(tr.Texts, idx), pick(tr.Labels, idx), nil, eval.CNNConfig{Steps: 10})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		c.Predict(te.Texts)
	}
}
