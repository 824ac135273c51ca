package eval

import (
	"context"
	"sync"
)

// ArmScore is one arm's scores on the test file, one per seed.
type ArmScore struct {
	Arm       *Arm
	Acc, F1   []float64 // per seed, in [0, 1]
	TrainRows []int     // per seed
	Variants  int       // over the seeds
	Shortfall int       // over the seeds
	// Gain and GainStd are accuracy points against the first arm without
	// augmentation, paired by seed; F1Gain likewise. HasBaseline is false
	// for that arm itself and when there is none.
	Gain, GainStd float64
	F1Gain        float64
	HasBaseline   bool
}

// Score trains a classifier for every arm on every seed's subset and
// scores it on the test file.
func (x *Experiment) Score(ctx context.Context) ([]*ArmScore, error) {
	x.columns()
	scores := make([]*ArmScore, len(x.Arms))
	for i, a := range x.Arms {
		scores[i] = &ArmScore{Arm: a, Acc: make([]float64, len(x.Seeds)), F1: make([]float64, len(x.Seeds)), TrainRows: make([]int, len(x.Seeds))}
	}
	var mu sync.Mutex
	n := len(x.Arms) * len(x.Seeds)
	err := x.parallel(ctx, "training", n, func(ctx context.Context, t int) error {
		ai, si := t/len(x.Seeds), t%len(x.Seeds)
		a, seed := x.Arms[ai], x.Seeds[si]
		data, err := a.augmentRows(ctx, x.subset(x.Size, seed), seed)
		if err != nil {
			return err
		}
		c, err := Train(data.texts, data.labels, nil, x.Config)
		if err != nil {
			return err
		}
		pred := c.Predict(x.testTexts)
		mu.Lock()
		defer mu.Unlock()
		s := scores[ai]
		s.Acc[si] = Accuracy(x.testLabels, pred)
		s.F1[si] = MacroF1(x.testLabels, pred)
		s.TrainRows[si] = len(data.texts)
		s.Variants += data.variants
		s.Shortfall += data.shortfall
		return nil
	})
	if err != nil {
		return nil, err
	}
	pairGains(scores, len(x.Seeds))
	return scores, nil
}

// pairGains sets the gains against the first arm without augmentation,
// paired by seed.
func pairGains(scores []*ArmScore, seeds int) {
	var base *ArmScore
	for _, s := range scores {
		if s.Arm.Recipe == nil {
			base = s
			break
		}
	}
	if base == nil {
		return
	}
	for _, s := range scores {
		if s == base {
			continue
		}
		d := make([]float64, seeds)
		df := make([]float64, seeds)
		for i := range d {
			d[i] = 100 * (s.Acc[i] - base.Acc[i])
			df[i] = 100 * (s.F1[i] - base.F1[i])
		}
		s.Gain, s.GainStd = MeanStd(d)
		s.F1Gain, _ = MeanStd(df)
		s.HasBaseline = true
	}
}
