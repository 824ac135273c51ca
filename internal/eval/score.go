package eval

import (
	"context"
	"fmt"
	"sync"
)

// ArmScore is one arm's scores on the test file, one per seed.
type ArmScore struct {
	Arm       *Arm
	Acc, F1   []float64 // per seed, in [0, 1]
	TrainRows []int     // per seed
	Variants  int       // over the seeds
	Shortfall int       // over the seeds
	// Chosen is the classifier setting model selection chose for each
	// seed; nil without selection. Selected[i] is false when the subset
	// was too small to cross-validate and the fixed Config was used.
	Chosen   []Candidate
	Selected []bool
	// OverNone and OverCopy are the accuracy gains in points against the
	// first arm without augmentation and the first copy control, paired
	// by seed; F1OverNone and F1OverCopy likewise for macro-F1. They are
	// zero (N 0) for that arm itself and when there is none.
	OverNone, OverCopy     Paired
	F1OverNone, F1OverCopy Paired
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
		r, err := x.scoreOne(ctx, x.Arms[ai], x.Seeds[si])
		if err != nil {
			return err
		}
		mu.Lock()
		defer mu.Unlock()
		s := scores[ai]
		s.Acc[si], s.F1[si], s.TrainRows[si] = r.acc, r.f1, r.rows
		s.Variants += r.variants
		s.Shortfall += r.shortfall
		if x.Select != nil {
			if s.Chosen == nil {
				s.Chosen, s.Selected = make([]Candidate, len(x.Seeds)), make([]bool, len(x.Seeds))
			}
			s.Chosen[si], s.Selected[si] = r.chosen, r.selected
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	pairGains(scores)
	return scores, nil
}

// oneScore is one arm's result on one seed.
type oneScore struct {
	acc, f1                   float64
	rows, variants, shortfall int
	chosen                    Candidate
	selected                  bool
}

// scoreOne builds arm a's training data for seed, selects the model when
// asked, trains and scores it on the test file.
func (x *Experiment) scoreOne(ctx context.Context, a *Arm, seed int) (oneScore, error) {
	sub := x.subset(x.Size, seed)
	data, vars, err := a.augmentRows(ctx, sub, seed)
	if err != nil {
		return oneScore{}, err
	}
	r := oneScore{rows: len(data.texts) * (1 + data.copies), variants: data.variants, shortfall: data.shortfall}
	cfg := x.Config
	if x.Select != nil {
		if cfg, r.chosen, r.selected, err = x.choose(sub, vars, a.copies, seed, cfg); err != nil {
			return r, fmt.Errorf("%s: model selection: %w", a.Name, err)
		}
	}
	c, err := x.train(data, cfg)
	if err != nil {
		return r, err
	}
	pred := c.Predict(x.testTexts)
	r.acc, r.f1 = Accuracy(x.testLabels, pred), MacroF1(x.testLabels, pred)
	return r, nil
}

// pairGains sets the gains against the first arm without augmentation
// and the first copy control, paired by seed.
func pairGains(scores []*ArmScore) {
	var none, cp *ArmScore
	for _, s := range scores {
		switch {
		case s.Arm.IsCopy() && cp == nil:
			cp = s
		case s.Arm.Recipe == nil && !s.Arm.IsCopy() && none == nil:
			none = s
		}
	}
	for _, s := range scores {
		if none != nil && s != none {
			s.OverNone, s.F1OverNone = Pair(s.Acc, none.Acc), Pair(s.F1, none.F1)
		}
		if cp != nil && s != cp && s != none {
			s.OverCopy, s.F1OverCopy = Pair(s.Acc, cp.Acc), Pair(s.F1, cp.F1)
		}
	}
}
