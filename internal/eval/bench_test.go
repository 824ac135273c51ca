package eval_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/textaug/textaug/internal/eval"
)

// BenchmarkTrainBanking77Full trains on the full banking77 train split
// (10,003 rows, 77 classes, word 1–2-grams).
func BenchmarkTrainBanking77Full(b *testing.B) {
	tr := readSplit(b, "banking77", "train")
	benchTrain(b, tr.Texts, tr.Labels, eval.Config{})
}

// BenchmarkTrain500x17 trains on 500 banking77 rows (LRSTotal, seed 0)
// plus 16 EDA-style variants of each (8,500 rows), the shape of an
// augmented low-resource run.
func BenchmarkTrain500x17(b *testing.B) {
	tr := readSplit(b, "banking77", "train")
	texts, labels := augmented(tr, eval.LRSTotal(tr.Texts, tr.Labels, 500, 0), 16)
	b.Run("orig", func(b *testing.B) { benchTrain(b, texts[:500], labels[:500], eval.Config{}) })
	b.Run("aug", func(b *testing.B) { benchTrain(b, texts, labels, eval.Config{}) })
}

// benchTrain trains on texts and labels, reporting iterations and
// vocabulary size.
func benchTrain(b *testing.B, texts, labels []string, cfg eval.Config) {
	var st eval.TrainStats
	for b.Loop() {
		c, err := eval.Train(texts, labels, nil, cfg)
		if err != nil {
			b.Fatal(err)
		}
		st = c.Stats()
	}
	b.ReportMetric(float64(st.Iterations), "iters")
	b.ReportMetric(float64(st.Features), "features")
}

// augmented returns the rows idx of s followed by k variants of each made
// by EDA-like random swaps and deletions of words (a stand-in for the real
// augmenters, which live in other packages), deterministically.
func augmented(s split, idx []int, k int) (texts, labels []string) {
	for _, i := range idx {
		texts = append(texts, s.Texts[i])
		labels = append(labels, s.Labels[i])
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, i := range idx {
		for range k {
			w := strings.Fields(s.Texts[i])
			for range 1 + len(w)/10 {
				if len(w) < 2 {
					break
				}
				a, c := r.IntN(len(w)), r.IntN(len(w))
				if r.IntN(2) == 0 {
					w[a], w[c] = w[c], w[a]
				} else {
					w = append(w[:a], w[a+1:]...)
				}
			}
			texts = append(texts, strings.Join(w, " "))
			labels = append(labels, s.Labels[i])
		}
	}
	return texts, labels
}
