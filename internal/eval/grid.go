package eval

import (
	"context"
	"errors"

	"github.com/textaug/textaug/internal/recipe"
)

// GridPoint is one setting of the strength search.
type GridPoint struct {
	Name   string
	Recipe *recipe.Recipe // nil: no augmentation or the copy control
	Copies int            // the copy control's k; 0 otherwise
	// Mean and Std are the cross-validated accuracy over the seeds, set by
	// [Experiment.CrossValidate].
	Mean, Std float64
}

// GridResult is the strength search: every point, and the best.
type GridResult struct {
	Folds int
	Rows  []GridPoint
	Best  int
	// Ties are the other points whose mean accuracy equals Best's, in
	// order; Best is the first of them all.
	Ties []int
}

// ErrFewRows is returned by [Experiment.CrossValidate] when a label has
// fewer than two rows in a subset.
var ErrFewRows = errors.New("eval: a label has fewer than 2 rows in the subset; cross-validation needs 2 at least")

// CrossValidate scores every grid point by k-fold cross-validation inside
// each seed's training subset and picks the best mean accuracy (the first
// on ties). The test file is never read here.
func (x *Experiment) CrossValidate(ctx context.Context, points []GridPoint, folds int) (*GridResult, error) {
	arms := make([]*Arm, len(points))
	for i, r := range points {
		switch {
		case r.Copies > 0:
			arms[i] = Copy(r.Name, r.Copies)
			continue
		case r.Recipe == nil:
			arms[i] = NoAugmentation(r.Name)
			continue
		}
		a, err := NewArm(r.Name, *r.Recipe)
		if err != nil {
			return nil, err
		}
		defer a.Close()
		arms[i] = a
	}
	subsets := make([][]Example, len(x.Seeds))
	for si, seed := range x.Seeds {
		subsets[si] = x.subset(x.Size, seed)
	}
	nf := min(folds, smallestLabel(subsets...))
	if nf < 2 {
		return nil, ErrFewRows
	}
	acc := make([][]float64, len(points)) // [point][seed]
	for i := range acc {
		acc[i] = make([]float64, len(x.Seeds))
	}
	err := x.parallel(ctx, "cross-validation", len(points)*len(x.Seeds), func(ctx context.Context, t int) error {
		pi, si := t/len(x.Seeds), t%len(x.Seeds)
		a, err := x.cvAccuracy(ctx, arms[pi], subsets[si], x.Seeds[si], nf)
		acc[pi][si] = a
		return err
	})
	if err != nil {
		return nil, err
	}
	res := &GridResult{Folds: nf, Rows: points}
	for i := range points {
		res.Rows[i].Mean, res.Rows[i].Std = MeanStd(acc[i])
		if res.Rows[i].Mean > res.Rows[res.Best].Mean {
			res.Best = i
		}
	}
	for i := range points {
		if i != res.Best && res.Rows[i].Mean == res.Rows[res.Best].Mean {
			res.Ties = append(res.Ties, i)
		}
	}
	return res, nil
}

// smallestLabel returns the smallest count of a label in any of the sets.
func smallestLabel(sets ...[]Example) int {
	n := -1
	for _, set := range sets {
		count := map[string]int{}
		for _, e := range set {
			count[e.Label]++
		}
		for _, c := range count {
			if n < 0 || c < n {
				n = c
			}
		}
	}
	return n
}

// cvAccuracy is the mean held-out accuracy of a's training data over nf
// folds of sub grouped by source row ([GroupedFolds]).
func (x *Experiment) cvAccuracy(ctx context.Context, a *Arm, sub []Example, seed, nf int) (float64, error) {
	var vars [][]string
	if a.Recipe != nil {
		v, _, err := a.variants(ctx, sub, seed)
		if err != nil {
			return 0, err
		}
		vars = v
	}
	return x.cvScore(groupedFolds(sub, vars, a.copies, nf, seed), x.Config)
}
