package eval

import (
	"fmt"
	"slices"
	"strings"
)

// LabelGap is what a training set lacks of the test file's labels: test
// rows whose label never occurs in the training rows can never be
// predicted right, whatever the arm, so they cap every accuracy.
type LabelGap struct {
	// Labels are the test labels missing from the training rows, sorted;
	// Rows is the number of test rows that have one of them, of Test.
	Labels     []string
	Rows, Test int
	// TestLabels is the number of distinct test labels.
	TestLabels int
	// Seed is the seed of a subset's gap.
	Seed int
}

// Missing reports whether some test label is missing.
func (g LabelGap) Missing() bool { return len(g.Labels) > 0 }

// None reports whether no test label at all occurs in the training rows.
func (g LabelGap) None() bool { return g.TestLabels > 0 && len(g.Labels) == g.TestLabels }

// Ceiling is the best accuracy any classifier can reach on the test file:
// the share of test rows whose label it can predict.
func (g LabelGap) Ceiling() float64 {
	if g.Test == 0 {
		return 1
	}
	return float64(g.Test-g.Rows) / float64(g.Test)
}

// Names is up to max of the labels, comma-separated, with "…" when some
// are left out.
func (g LabelGap) Names(max int) string {
	if len(g.Labels) <= max {
		return strings.Join(g.Labels, ", ")
	}
	return strings.Join(g.Labels[:max], ", ") + ", …"
}

// labelGap compares the labels of train with those of test.
func labelGap(train, test []Example) LabelGap {
	known := make(map[string]bool, len(train))
	for _, e := range train {
		known[e.Label] = true
	}
	g := LabelGap{Test: len(test)}
	seen := map[string]bool{}
	for _, e := range test {
		if !seen[e.Label] {
			seen[e.Label] = true
			g.TestLabels++
			if !known[e.Label] {
				g.Labels = append(g.Labels, e.Label)
			}
		}
		if !known[e.Label] {
			g.Rows++
		}
	}
	slices.Sort(g.Labels)
	return g
}

// LabelGaps is the test labels missing from the training file, and those
// missing from each seed's subset (in the order of Seeds; besides the
// file's, a subset may leave out labels that --n gives no row).
type LabelGaps struct {
	File  LabelGap
	Seeds []LabelGap
}

// LabelGaps compares the test file's labels with those of the training
// file and of each seed's subset.
func (x *Experiment) LabelGaps() LabelGaps {
	g := LabelGaps{File: labelGap(x.Train, x.Test)}
	for _, seed := range x.Seeds {
		s := labelGap(x.subset(x.Size, seed), x.Test)
		s.Seed = seed
		g.Seeds = append(g.Seeds, s)
	}
	return g
}

// Err is the error of gaps that leave no test label known at all, in the
// training file or in a seed's subset; nil otherwise.
func (g LabelGaps) Err() error {
	if g.File.None() {
		return fmt.Errorf("eval: none of the %d test labels (%s) occurs in the training file: no test row can be predicted right; check that both files label the same task (and --label)",
			g.File.TestLabels, g.File.Names(5))
	}
	for _, s := range g.Seeds {
		if s.None() {
			return fmt.Errorf("eval: the training subset of seed %d has none of the %d test labels: no test row can be predicted right; give a larger subset (--n, --per-class, --fraction)",
				s.Seed, s.TestLabels)
		}
	}
	return nil
}

// Warnings are the lines that tell the user of the gaps: the training
// file's, then the labels the subsets lack besides those; none when every
// test label is known everywhere.
func (g LabelGaps) Warnings() []string {
	var out []string
	if f := g.File; f.Missing() {
		verb := "never occur"
		if len(f.Labels) == 1 {
			verb = "never occurs"
		}
		out = append(out, fmt.Sprintf("%d of the %d test labels %s in the training file (%s): their %d test rows (%.2f%%) can never be predicted right, so no arm can score above %.2f%% accuracy",
			len(f.Labels), f.TestLabels, verb, f.Names(5), f.Rows, 100*float64(f.Rows)/float64(f.Test), 100*f.Ceiling()))
	}
	var extra []string
	var per []string
	worst := g.File
	for _, s := range g.Seeds {
		more := 0
		for _, l := range s.Labels {
			if !slices.Contains(g.File.Labels, l) {
				more++
				if !slices.Contains(extra, l) {
					extra = append(extra, l)
				}
			}
		}
		if more > 0 {
			per = append(per, fmt.Sprintf("seed %d: %d", s.Seed, more))
		}
		if s.Rows > worst.Rows {
			worst = s
		}
	}
	if len(extra) > 0 {
		slices.Sort(extra)
		names := LabelGap{Labels: extra}.Names(5)
		what := fmt.Sprintf("%d test labels", len(extra))
		if len(extra) == 1 {
			what = "1 test label"
		}
		out = append(out, fmt.Sprintf("the training subsets leave out %s that the training file has (%s; %s): those test rows can never be predicted right in those seeds, so no arm can score above %.2f%% accuracy in the worst seed",
			what, names, strings.Join(per, ", "), 100*worst.Ceiling()))
	}
	return out
}
