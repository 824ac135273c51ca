package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
)

// evalGrid runs the strength search of --grid, prints it and adds the
// best point as an arm.
func evalGrid(ctx context.Context, p *evalPlan, ef *evalFlags, stdout io.Writer) (*eval.GridResult, error) {
	points, err := eval.GridPoints(ef.grid, *p.main.Recipe)
	if err != nil {
		return nil, err
	}
	g, err := p.x.CrossValidate(ctx, points, ef.folds)
	if errors.Is(err, eval.ErrFewRows) {
		return nil, recipe.Usagef("--grid: a label has fewer than 2 rows in the subset; cross-validation needs 2 at least")
	}
	if err != nil {
		return nil, err
	}
	best := g.Rows[g.Best]
	fmt.Fprintf(stdout, "strength search (%d-fold cross-validation on each seed's subset; the test file is not used):\n", g.Folds)
	writeTable(stdout, eval.GridLines(g))
	fmt.Fprintf(stdout, "best by cross-validation: %s\n", best.Name)
	if tie := eval.GridTie(g); tie != "" {
		fmt.Fprintf(stdout, "tie: %s\n", tie)
	}
	fmt.Fprintln(stdout)
	if best.Recipe != nil {
		if err := p.addArm("grid best: "+best.Name, *best.Recipe); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// writeEvalReport runs the learning curve of --sizes and writes the
// report into --report.
func writeEvalReport(ctx context.Context, p *evalPlan, ef *evalFlags, rep *eval.Report) error {
	if ef.sizes != "" {
		sizes, err := eval.ParseSizes(ef.sizes)
		if err != nil {
			return err
		}
		arms := []*eval.Arm{eval.NoAugmentation("none"), eval.Copy("copy", p.main.K()), p.main}
		if rep.Curve, err = p.x.LearningCurve(ctx, arms, sizes, ef.perClass > 0); err != nil {
			return err
		}
	}
	return rep.Write(ef.report)
}

func writeTable(w io.Writer, lines [][]string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, l := range lines {
		fmt.Fprintln(tw, strings.Join(l, "\t"))
	}
	tw.Flush()
}

func writeScoreTable(w io.Writer, scores []*eval.ArmScore) {
	groups := eval.ByModel(scores)
	for i, g := range groups {
		if len(groups) > 1 {
			if i > 0 {
				fmt.Fprintln(w)
			}
			fmt.Fprintf(w, "%s:\n", eval.ModelName(g[0].Model))
		}
		writeTable(w, eval.ScoreLines(g))
	}
	fmt.Fprintln(w, eval.ScoreNote)
}

// writeChosen prints the settings the selection chose per arm and seed,
// and the ties it broke, which the report keeps too.
func writeChosen(stdout io.Writer, x *eval.Experiment, rep *eval.Report) {
	fmt.Fprintf(stdout, "\nclassifier chosen per arm and seed (%d-fold cross-validation inside the subset, grouped by source row; the test file is not used):\n", x.Select.Folds)
	writeTable(stdout, eval.ChosenLines(rep.Scores, x.Seeds))
	ties := eval.TieLines(rep.Scores, x.Seeds)
	if len(ties) == 0 {
		return
	}
	rep.TieRule = x.Select.TieRule()
	fmt.Fprintf(stdout, "ties (%s):\n", rep.TieRule)
	for _, t := range ties {
		fmt.Fprintf(stdout, "  %s\n", t)
	}
}

func writePreserveTable(w io.Writer, r *eval.PreserveResult) {
	fmt.Fprintf(w, "accuracy on the original test rows: %.2f%%; preservation = accuracy on variants / accuracy on originals\n", 100*r.AccOrig)
	writeTable(w, eval.PreserveLines(r))
}

func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\"'$|&;<>*?") {
			a = strconv.Quote(a)
		}
		out[i] = a
	}
	return out
}
