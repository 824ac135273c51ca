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
	pick := Picker(LRSTotal)
	if perClass {
		pick = LRS
	}
	// Tasks by size: the whole training file last and, under a memory
	// budget, one at a time, so that no other task holds its training
	// data while the largest trainings run.
	var small, full []int
	for t := range len(arms) * len(sizes) * len(x.Seeds) {
		if sizes[t/len(x.Seeds)%len(sizes)] > 0 {
			small = append(small, t)
		} else {
			full = append(full, t)
		}
	}
	task := func(ctx context.Context, t int) error {
		ai, zi, si := t/(len(sizes)*len(x.Seeds)), t/len(x.Seeds)%len(sizes), t%len(x.Seeds)
		var err error
		acc[ai][zi][si], err = x.curvePoint(ctx, arms[ai], pick, sizes[zi], x.Seeds[si])
		return err
	}
	err := x.parallel(ctx, "learning curve", len(small), func(ctx context.Context, i int) error { return task(ctx, small[i]) })
	if err != nil {
		return nil, err
	}
	workers := max(1, x.Workers)
	if x.MemoryBudget > 0 {
		workers = 1
	}
	err = x.parallelOn(ctx, workers, "learning curve, whole file", len(full), func(ctx context.Context, i int) error { return task(ctx, full[i]) })
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

// curvePoint is the test accuracy of arm a trained on seed's subset of
// size (0: the whole training file).
func (x *Experiment) curvePoint(ctx context.Context, a *Arm, pick Picker, size, seed int) (float64, error) {
	rows := x.Train
	if size > 0 {
		rows = pickRows(x.Train, pick(x.trainTexts, x.trainLabels, size, seed))
	}
	data, _, err := a.augmentRows(ctx, rows, seed)
	if err != nil {
		return 0, err
	}
	c, err := x.train(data, x.Config)
	if err != nil {
		return 0, err
	}
	return Accuracy(x.testLabels, c.Predict(x.testTexts)), nil
}
