package eval

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/textaug/textaug/internal/corpus"
)

// Report is everything an eval run measured, and what it needs to say
// about the run.
type Report struct {
	// Command is the command line, Version the tool's version.
	Command, Version string
	// TrainName and TestName are the files' names; Train, Test and Labels
	// their row and label counts.
	TrainName, TestName string
	Train, Test, Labels int
	// SizeDesc describes the subsets ("5 per label"), Seeds the seeds as
	// given, Features the classifier's features.
	SizeDesc, Seeds, Features string
	// SeedList are the seeds, in order.
	SeedList []int
	// Noise names the noise of the noisy test set ("" for none).
	Noise string
	// LabelWarnings say which test labels the training rows lack
	// ([LabelGaps.Warnings]).
	LabelWarnings []string
	// TieRule is the selection's rule on ties ([Selection.TieRule]).
	TieRule string

	Grid     *GridResult // nil without a strength search
	Scores   []*ArmScore
	Preserve *PreserveResult
	Curve    *CurveResult // nil without a learning curve
}

func pct(mean, std float64) string { return fmt.Sprintf("%.2f ± %.2f", 100*mean, 100*std) }

// ByModel splits scores into one group per model, in order.
func ByModel(scores []*ArmScore) [][]*ArmScore {
	var out [][]*ArmScore
	for i, s := range scores {
		if i == 0 || s.Model != scores[i-1].Model {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

// ScoreLines are the rows of the score table of one model's scores,
// header first; with a noisy test set, two more columns.
func ScoreLines(scores []*ArmScore) [][]string {
	head := []string{"training data", "k", "train rows", "accuracy %", "macro-F1 %", "acc. gain over none", "acc. gain over copy", "F1 gain over copy"}
	noisy := len(scores) > 0 && scores[0].Noisy != nil
	if noisy {
		head = append(head, "noisy acc. %", "noisy gain over none", "noisy gain over copy")
	}
	lines := [][]string{head}
	for _, s := range scores {
		am, as := MeanStd(s.Acc)
		fm, fsd := MeanStd(s.F1)
		k := "-"
		switch {
		case s.Arm.Recipe != nil && s.Arm.Recipe.Labels.Balance != 0:
			k = "balanced" // per row, from the balancing plan
		case s.Arm.K() > 0:
			k = strconv.Itoa(s.Arm.K())
		}
		rows := 0
		for _, r := range s.TrainRows {
			rows += r
		}
		l := []string{s.Arm.Name, k, strconv.Itoa(rows / max(1, len(s.TrainRows))), pct(am, as), pct(fm, fsd),
			s.OverNone.String(), s.OverCopy.String(), s.F1OverCopy.String()}
		if noisy {
			nm, nsd := MeanStd(s.Noisy)
			l = append(l, pct(nm, nsd), s.NoisyOverNone.String(), s.NoisyOverCopy.String())
		}
		lines = append(lines, l)
	}
	return lines
}

// ScoreNote explains the score table.
const ScoreNote = `mean ± std over the seeds; gains are in points, paired by seed. The gain that matters is over copy: copying each row k times re-weights the training data as augmentation does without changing a word, so a gain over none that copy also gets is not the recipe's. ~ marks a difference the seeds cannot tell from zero (its 95% interval, Student's t over the paired seeds, contains 0).`

// ChosenLines are the rows of the table of the classifier settings model
// selection chose, one column per seed, header first; "fixed" where the
// subset was too small to cross-validate.
func ChosenLines(scores []*ArmScore, seeds []int) [][]string {
	head := []string{"training data"}
	for _, s := range seeds {
		head = append(head, "seed "+strconv.Itoa(s))
	}
	lines := [][]string{head}
	for _, s := range scores {
		if s.Chosen == nil {
			continue
		}
		l := []string{s.Arm.Name}
		for i, c := range s.Chosen {
			if !s.Selected[i] {
				l = append(l, "fixed")
				continue
			}
			l = append(l, c.String())
		}
		lines = append(lines, l)
	}
	return lines
}

// TieLines say, for each arm and seed whose selection had settings of
// equal cross-validated accuracy, which tied and which was kept (by
// [Selection.TieRule]); none without ties.
func TieLines(scores []*ArmScore, seeds []int) []string {
	var out []string
	for _, s := range scores {
		for i, ties := range s.Ties {
			if len(ties) == 0 {
				continue
			}
			var names []string
			for _, c := range ties {
				names = append(names, c.String())
			}
			out = append(out, fmt.Sprintf("%s, seed %d: %s kept; tied with %s (%.2f%% cross-validated accuracy)",
				s.Arm.Name, seeds[i], s.Chosen[i], strings.Join(names, "; "), 100*s.CVAcc[i]))
		}
	}
	return out
}

// PreserveLines are the rows of the preservation table, header first.
func PreserveLines(r *PreserveResult) [][]string {
	lines := [][]string{{"training data", "variants", "preservation", "acc. on variants %", "numbers changed", "negations lost", "equal to input", "duplicates", "missing"}}
	share := func(n, of int) string {
		if of == 0 {
			return "-"
		}
		return fmt.Sprintf("%d (%.2f%%)", n, 100*float64(n)/float64(of))
	}
	for _, a := range r.Arms {
		lines = append(lines, []string{a.Name, strconv.Itoa(a.Variants), fmt.Sprintf("%.3f", a.Preservation), fmt.Sprintf("%.2f", 100*a.AccVariants),
			share(a.Figures, a.Variants), share(a.Negations, a.Variants), share(a.Equal, a.Variants), share(a.Dup, a.Variants), strconv.Itoa(a.Missing)})
	}
	return lines
}

// GridTie says which grid points tied with the best and which was kept;
// "" without a tie.
func GridTie(g *GridResult) string {
	if len(g.Ties) == 0 {
		return ""
	}
	var names []string
	for _, i := range g.Ties {
		names = append(names, g.Rows[i].Name)
	}
	return fmt.Sprintf("%s tied with %s (%.2f%% mean cross-validated accuracy): the first listed is kept", g.Rows[g.Best].Name, strings.Join(names, ", "), 100*g.Rows[g.Best].Mean)
}

// GridLines are the rows of the strength-search table, header first.
func GridLines(g *GridResult) [][]string {
	lines := [][]string{{"setting", "cv accuracy %", ""}}
	for i, r := range g.Rows {
		mark := ""
		switch {
		case i == g.Best && len(g.Ties) > 0:
			mark = "best (first of the tied)"
		case i == g.Best:
			mark = "best"
		case slices.Contains(g.Ties, i):
			mark = "tied with the best"
		}
		lines = append(lines, []string{r.Name, pct(r.Mean, r.Std), mark})
	}
	return lines
}

// CurveLines are the rows of the learning-curve table, header first.
func CurveLines(c *CurveResult) [][]string {
	lines := [][]string{append([]string{"training data"}, c.Sizes...)}
	for _, s := range c.Series {
		l := []string{s.Name}
		for i := range s.Mean {
			l = append(l, fmt.Sprintf("%.2f ± %.2f", s.Mean[i], s.Std[i]))
		}
		lines = append(lines, l)
	}
	return lines
}

func markdownTable(b *bytes.Buffer, lines [][]string) {
	for i, l := range lines {
		b.WriteString("| " + strings.Join(l, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat("---|", len(l)) + "\n")
		}
	}
}

// Markdown renders the report.
func (r *Report) Markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# textaug eval\n\n")
	fmt.Fprintf(&b, "- command: `%s`\n", r.Command)
	fmt.Fprintf(&b, "- version: %s\n", r.Version)
	fmt.Fprintf(&b, "- train: `%s`, %d rows, %d labels; test: `%s`, %d rows\n", r.TrainName, r.Train, r.Labels, r.TestName, r.Test)
	fmt.Fprintf(&b, "- training subset: lrs-v1 (the low-resource sampler of the shared data README: per label, rows ordered by SHA-256 of `seed:text`), %s; seeds %s\n", r.SizeDesc, r.Seeds)
	fmt.Fprintf(&b, "- classifier: multinomial logistic regression (L2) on %s, trained by textaug's internal/eval\n", r.Features)
	for _, w := range r.LabelWarnings {
		fmt.Fprintf(&b, "- **warning**: %s\n", w)
	}
	b.WriteString("\n")
	b.WriteString("## Accuracy with and without augmentation, against copying\n\n")
	if r.Noise != "" {
		fmt.Fprintf(&b, "Noisy accuracy is on a copy of the test file through the noise model (%s; see docs/eval.md).\n\n", r.Noise)
	}
	for _, g := range ByModel(r.Scores) {
		fmt.Fprintf(&b, "### %s\n\n", ModelName(g[0].Model))
		markdownTable(&b, ScoreLines(g))
		b.WriteString("\n")
	}
	b.WriteString(ScoreNote + "\n\n")
	if chosen := ChosenLines(r.Scores, r.SeedList); len(chosen) > 1 {
		b.WriteString("## Classifier chosen per arm and seed\n\nBy cross-validation inside each seed's training subset, in folds grouped by source row (a row's variants never train the fold that tests it); the test file is not used.\n\n")
		markdownTable(&b, chosen)
		b.WriteString("\n")
		if ties := TieLines(r.Scores, r.SeedList); len(ties) > 0 {
			fmt.Fprintf(&b, "Ties (%s):\n\n", r.TieRule)
			for _, t := range ties {
				fmt.Fprintf(&b, "- %s\n", t)
			}
			b.WriteString("\n")
		}
	}
	if r.Grid != nil {
		fmt.Fprintf(&b, "## Strength search\n\n%d-fold cross-validation inside each seed's training subset (the test file is not used); mean ± std over the seeds.\n\n", r.Grid.Folds)
		markdownTable(&b, GridLines(r.Grid))
		b.WriteString("\n")
		if tie := GridTie(r.Grid); tie != "" {
			fmt.Fprintf(&b, "Tie: %s.\n\n", tie)
		}
	}
	fmt.Fprintf(&b, "## Label preservation\n\nA classifier trained on the whole training file labels the variants of %d test rows (stratified; seed %d). Its accuracy on the originals is %.2f%%; preservation is its accuracy on the variants (the source row's label as truth) divided by that.\n\n", r.Preserve.Rows, r.Preserve.Seed, 100*r.Preserve.AccOrig)
	markdownTable(&b, PreserveLines(r.Preserve))
	b.WriteString("\n")
	if r.Curve != nil {
		b.WriteString("## Learning curve\n\n![accuracy against training size](curve.png)\n\n")
		markdownTable(&b, CurveLines(r.Curve))
		b.WriteString("\nAccuracy % on the test file, mean ± std over the seeds.\n")
	}
	return b.Bytes()
}

// Write puts report.md (and, with a learning curve, curve.png) in dir,
// each written atomically.
func (r *Report) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("eval: report: %w", err)
	}
	if r.Curve != nil {
		title := fmt.Sprintf("%s: %s", filepath.Base(filepath.Dir(r.TrainName)), r.Features)
		if err := PlotCurve(filepath.Join(dir, "curve.png"), title, r.Curve.Sizes, r.Curve.Series); err != nil {
			return err
		}
	}
	out, err := corpus.CreateOutput(filepath.Join(dir, "report.md"), nil)
	if err != nil {
		return err
	}
	if _, err := out.Write(r.Markdown()); err != nil {
		out.Abort()
		return err
	}
	return out.Commit()
}
