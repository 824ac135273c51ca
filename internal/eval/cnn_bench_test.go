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
	noisy := noisyCopy(b, te.Texts)
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

// BenchmarkCNNCopyControl checks the fixed budget on banking77 at 10 rows
// per label (seeds 0–2): the rows alone (none), each row 17 times (copy)
// and each row with 16 EDA-style variants (aug) get the same number of
// updates, so copy may differ from none only by seed noise. It reports the
// test accuracy of each arm, clean and noisy (every kind of [eval.Noise]).
func BenchmarkCNNCopyControl(b *testing.B) {
	tr := readSplit(b, "banking77", "train")
	te := readSplit(b, "banking77", "test")
	noisy := noisyCopy(b, te.Texts)
	for seed := range 3 {
		texts, labels := augmented(tr, eval.LRS(tr.Texts, tr.Labels, 10, seed), 16)
		n := len(texts) / 17
		var ct, cl []string
		for range 17 {
			ct, cl = append(ct, texts[:n]...), append(cl, labels[:n]...)
		}
		b.Run(fmt.Sprintf("seed%d", seed), func(b *testing.B) {
			acc := make(map[string]float64)
			for b.Loop() {
				for _, arm := range []struct {
					name          string
					texts, labels []string
				}{{"none", texts[:n], labels[:n]}, {"copy", ct, cl}, {"aug", texts, labels}} {
					c, err := eval.TrainCNN(arm.texts, arm.labels, nil, eval.CNNConfig{Seed: uint64(seed)})
					if err != nil {
						b.Fatal(err)
					}
					acc[arm.name] = 100 * eval.Accuracy(te.Labels, c.Predict(te.Texts))
					acc[arm.name+"-noisy"] = 100 * eval.Accuracy(te.Labels, c.Predict(noisy))
				}
			}
			for name, a := range acc {
				b.ReportMetric(a, name+"-acc%")
			}
		})
	}
}

// noisyCopy returns texts through every kind of eval.Noise at the default
// rates, seed 0.
func noisyCopy(b *testing.B, texts []string) []string {
	noise, err := eval.ParseNoise("all")
	if err != nil {
		b.Fatal(err)
	}
	noisy, err := noise.Apply(texts)
	if err != nil {
		b.Fatal(err)
	}
	return noisy
}
