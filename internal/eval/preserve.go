package eval

import (
	"context"
	"strings"

	"github.com/textaug/textaug/textaug"
)

// PreserveResult is the label-preservation check of each augmenting arm.
type PreserveResult struct {
	Rows    int     // test rows whose variants are judged
	Seed    int     // the seed of the variants
	AccOrig float64 // the judge's accuracy on the original rows
	Arms    []PreserveArm
}

// PreserveArm is what the judge says about one arm's variants.
type PreserveArm struct {
	Name     string
	Variants int
	// AccVariants is the judge's accuracy on the variants (the source
	// row's label as truth); Preservation is AccVariants / AccOrig.
	AccVariants, Preservation float64
	// Counts of variants that changed a figure, lost a negation, equal
	// their input, or repeat another variant of the same row; Missing is
	// the shortfall.
	Figures, Negations, Equal, Dup, Missing int
}

// Preservation trains a judge on the whole training file and checks the
// variants of (a stratified sample of at most limit, 0 for all) the test
// rows, drawn with the first seed.
func (x *Experiment) Preservation(ctx context.Context, limit int) (*PreserveResult, error) {
	x.columns()
	judge, err := x.train(augmented{texts: x.trainTexts, labels: x.trainLabels}, x.Config)
	if err != nil {
		return nil, err
	}
	rows := x.Test
	if limit > 0 && limit < len(rows) {
		rows = pickRows(x.Test, LRSTotal(x.testTexts, x.testLabels, limit, 0))
	}
	origTexts, origLabels := Columns(rows)
	res := &PreserveResult{Rows: len(rows), Seed: x.Seeds[0], AccOrig: Accuracy(origLabels, judge.Predict(origTexts))}
	var arms []*Arm
	for _, a := range x.Arms {
		if a.Recipe != nil {
			arms = append(arms, a)
		}
	}
	res.Arms = make([]PreserveArm, len(arms))
	err = x.parallel(ctx, "label preservation", len(arms), func(ctx context.Context, i int) error {
		vars, short, err := arms[i].variants(ctx, rows, res.Seed)
		if err != nil {
			return err
		}
		res.Arms[i] = judgeVariants(judge, arms[i].Name, rows, vars, res.AccOrig)
		res.Arms[i].Missing = short
		return nil
	})
	return res, err
}

// judgeVariants counts what the variants of rows lost and how the judge
// labels them.
func judgeVariants(judge *Classifier, name string, rows []Example, vars [][]string, accOrig float64) PreserveArm {
	pa := PreserveArm{Name: name}
	var vt, vl []string
	for r, vs := range vars {
		seen := map[string]bool{normSpace(rows[r].Text): true}
		for _, v := range vs {
			vt = append(vt, v)
			vl = append(vl, rows[r].Label)
			loss := textaug.Compare(rows[r].Text, v)
			pa.Figures += b2i(loss.Figures)
			pa.Negations += b2i(loss.Negations)
			pa.Equal += b2i(loss.Equal)
			if seen[normSpace(v)] {
				pa.Dup++
			}
			seen[normSpace(v)] = true
		}
	}
	pa.Variants = len(vt)
	if len(vt) > 0 {
		pa.AccVariants = Accuracy(vl, judge.Predict(vt))
		if accOrig > 0 {
			pa.Preservation = pa.AccVariants / accOrig
		}
	}
	return pa
}

func normSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
