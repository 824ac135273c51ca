package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
)

// gridAxis is one key=v1,v2,... of --grid.
type gridAxis struct {
	key  string
	vals []string
}

// parseGrid splits a --grid spec into its axes, in the order given.
func parseGrid(spec string) ([]gridAxis, error) {
	var axes []gridAxis
	for _, part := range strings.Fields(spec) {
		key, vals, ok := strings.Cut(part, "=")
		if !ok || vals == "" {
			return nil, recipe.Usagef("--grid: %q: want key=v1,v2,... (keys alpha, k, ops)", part)
		}
		switch key {
		case "alpha", "k", "ops", "chain":
		default:
			return nil, recipe.Usagef("--grid: unknown key %q (have alpha, k, ops, chain)", key)
		}
		if slices.ContainsFunc(axes, func(a gridAxis) bool { return a.key == key }) {
			return nil, recipe.Usagef("--grid: %s given twice", key)
		}
		axes = append(axes, gridAxis{key, strings.Split(vals, ",")})
	}
	if len(axes) == 0 {
		return nil, recipe.Usagef("--grid: empty")
	}
	return axes, nil
}

// gridPoints expands a --grid spec over base: the cartesian product of
// alpha=..., k=... and ops=... (ops joined with +), in the order given.
// The first points are no augmentation and the copy control (k of base).
func gridPoints(spec string, base recipe.Recipe) ([]eval.GridPoint, error) {
	axes, err := parseGrid(spec)
	if err != nil {
		return nil, err
	}
	points := []eval.GridPoint{{Name: "none"}, {Name: "copy", Copies: base.K}}
	var walk func(i int, r recipe.Recipe, name []string) error
	walk = func(i int, r recipe.Recipe, name []string) error {
		if i == len(axes) {
			r.Name = strings.Join(name, " ")
			if err := r.Validate(); err != nil {
				return recipe.Usage(fmt.Errorf("--grid: %w", err))
			}
			points = append(points, eval.GridPoint{Name: r.Name, Recipe: &r})
			return nil
		}
		for _, v := range axes[i].vals {
			v = strings.TrimSpace(v)
			c, err := setGridValue(r, axes[i].key, v)
			if err != nil {
				return err
			}
			if err := walk(i+1, c, append(slices.Clone(name), axes[i].key+"="+v)); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(0, base, nil); err != nil {
		return nil, err
	}
	return points, nil
}

// setGridValue returns r with the grid key set to v.
func setGridValue(r recipe.Recipe, key, v string) (recipe.Recipe, error) {
	switch key {
	case "alpha":
		f, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return r, recipe.Usagef("--grid: alpha=%q: not a number", v)
		}
		r.Alpha, r.Rates = f, nil
	case "k":
		k, err := strconv.Atoi(v)
		if err != nil {
			return r, recipe.Usagef("--grid: k=%q: not an integer", v)
		}
		r.K = k
	case "ops":
		switch v {
		case "eda":
			r.Ops = recipe.EDAOps()
		default:
			r.Ops = strings.Split(v, "+")
		}
		r.Weights = nil
	case "chain":
		b, err := strconv.ParseBool(v)
		if err != nil {
			return r, recipe.Usagef("--grid: chain=%q: want true or false", v)
		}
		r.Chain = b
	}
	return r, nil
}

// evalGrid runs the strength search of --grid, prints it and adds the
// best point as an arm.
func evalGrid(ctx context.Context, p *evalPlan, ef *evalFlags, stdout io.Writer) (*eval.GridResult, error) {
	points, err := gridPoints(ef.grid, *p.main.Recipe)
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
	fmt.Fprintf(stdout, "best by cross-validation: %s\n\n", best.Name)
	if best.Recipe != nil {
		if err := p.addArm("grid best: "+best.Name, *best.Recipe); err != nil {
			return nil, err
		}
	}
	return g, nil
}

// parseSizes reads --sizes: positive integers, or full (0).
func parseSizes(spec string) ([]int, error) {
	var sizes []int
	for _, s := range strings.Split(spec, ",") {
		s = strings.TrimSpace(s)
		if s == "full" {
			sizes = append(sizes, 0)
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return nil, recipe.Usagef("--sizes: %q: want a positive integer or full", s)
		}
		sizes = append(sizes, n)
	}
	return sizes, nil
}

// writeEvalReport runs the learning curve of --sizes and writes the
// report into --report.
func writeEvalReport(ctx context.Context, p *evalPlan, ef *evalFlags, rep *eval.Report) error {
	if ef.sizes != "" {
		sizes, err := parseSizes(ef.sizes)
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
