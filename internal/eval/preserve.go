package eval

import (
	"context"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
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
	judge, err := Train(x.trainTexts, x.trainLabels, nil, x.Config)
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
			d := checkVariant(rows[r].Text, v)
			if d.figures {
				pa.Figures++
			}
			if d.negations {
				pa.Negations++
			}
			if v == rows[r].Text {
				pa.Equal++
			}
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

// variantCheck says what a variant lost.
type variantCheck struct{ figures, negations bool }

// checkVariant compares the figures (numbers, amounts, percents, dates,
// identifiers, URLs, emails) and negations of a variant with its input.
//
// English is compared token by token (textaug.Figures). Chinese is
// compared by bytes: an edited Chinese text may be segmented differently
// (two numerals brought together by a swap read as one number), so every
// figure of the input must occur in the variant as often as in the input,
// and a negation counts as lost only when the variant has fewer negation
// characters and fewer negations by the policy's reading.
func checkVariant(orig, v string) variantCheck {
	fo, no := textaug.Figures(orig)
	if tokenize.Language(orig) == "zh" {
		var c variantCheck
		for i, f := range fo {
			if i > 0 && f == fo[i-1] {
				continue
			}
			want := 0
			for _, g := range fo {
				if g == f {
					want++
				}
			}
			if strings.Count(v, f) < want {
				c.figures = true
			}
		}
		// A negation is lost when both counts say so: the characters (a
		// swap may re-segment a word) and the policy's tokens (别 inside
		// 特别 is no negation).
		_, nv := textaug.Figures(v)
		c.negations = hanNegations(v) < hanNegations(orig) && nv < no
		return c
	}
	fv, nv := textaug.Figures(v)
	return variantCheck{figures: !slices.Equal(fo, fv), negations: nv < no}
}

// hanNegations counts the Chinese negation characters of s: the
// one-character Han entries of textaug.DefaultNegations.
func hanNegations(s string) int {
	n := 0
	for _, r := range s {
		if isHanNegation(r) {
			n++
		}
	}
	return n
}

func isHanNegation(r rune) bool {
	for _, w := range textaug.DefaultNegations {
		if q, size := utf8.DecodeRuneInString(w); size == len(w) && q == r && unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
