package eval

import (
	"context"
	"strconv"
)

// CurveResult is accuracy against training size, one series per arm.
type CurveResult struct {
	Sizes  []string
	Series []Series
}

// LearningCurve trains every arm at every size (0 is the whole training
// file; others are per label with perClass, else in total) over the seeds
// and scores it on the test file.
func (x *Experiment) LearningCurve(ctx context.Context, arms []*Arm, sizes []int, perClass bool) (*CurveResult, error) {
	x.columns()
	acc := make([][][]float64, len(arms)) // [arm][size][seed]
	for a := range acc {
		acc[a] = make([][]float64, len(sizes))
		for s := range acc[a] {
			acc[a][s] = make([]float64, len(x.Seeds))
		}
	}
	pick := LRSTotal
	if perClass {
		pick = LRS
	}
	n := len(arms) * len(sizes) * len(x.Seeds)
	err := x.parallel(ctx, "learning curve", n, func(ctx context.Context, t int) error {
		ai := t / (len(sizes) * len(x.Seeds))
		zi := t / len(x.Seeds) % len(sizes)
		si := t % len(x.Seeds)
		rows := x.Train
		if sizes[zi] > 0 {
			rows = pickRows(x.Train, pick(x.trainTexts, x.trainLabels, sizes[zi], x.Seeds[si]))
		}
		data, _, err := arms[ai].augmentRows(ctx, rows, x.Seeds[si])
		if err != nil {
			return err
		}
		c, err := x.train(data, x.Config)
		if err != nil {
			return err
		}
		acc[ai][zi][si] = Accuracy(x.testLabels, c.Predict(x.testTexts))
		return nil
	})
	if err != nil {
		return nil, err
	}
	res := &CurveResult{}
	for _, z := range sizes {
		name := "full"
		if z > 0 {
			name = strconv.Itoa(z)
		}
		res.Sizes = append(res.Sizes, name)
	}
	for ai, a := range arms {
		s := Series{Name: a.Name}
		for zi := range sizes {
			m, sd := MeanStd(acc[ai][zi])
			s.Mean, s.Std = append(s.Mean, 100*m), append(s.Std, 100*sd)
		}
		res.Series = append(res.Series, s)
	}
	return res, nil
}
