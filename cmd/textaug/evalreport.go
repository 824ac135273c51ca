package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"text/tabwriter"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
)

// evalReport is everything an eval run measured.
type evalReport struct {
	plan     *evalPlan
	flags    *evalFlags
	args     []string
	grid     *gridResult
	scores   []*armScore
	preserve *preserveResult
	curve    *curveResult
}

// gridRow is one point of the strength search.
type gridRow struct {
	name      string
	rec       *recipe.Recipe // nil: no augmentation
	mean, std float64        // cross-validated accuracy over the seeds
}

type gridResult struct {
	folds int
	rows  []gridRow
	best  int
}

// gridPoints expands a --grid spec over base: the cartesian product of
// alpha=..., k=... and ops=... (ops joined with +), in the order given.
// The first point is no augmentation.
func gridPoints(spec string, base recipe.Recipe) ([]gridRow, error) {
	type axis struct {
		key  string
		vals []string
	}
	var axes []axis
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
		if slices.ContainsFunc(axes, func(a axis) bool { return a.key == key }) {
			return nil, recipe.Usagef("--grid: %s given twice", key)
		}
		axes = append(axes, axis{key, strings.Split(vals, ",")})
	}
	if len(axes) == 0 {
		return nil, recipe.Usagef("--grid: empty")
	}
	rows := []gridRow{{name: "none"}}
	var walk func(i int, r recipe.Recipe, name []string) error
	walk = func(i int, r recipe.Recipe, name []string) error {
		if i == len(axes) {
			r.Name = strings.Join(name, " ")
			if err := r.Validate(); err != nil {
				return recipe.Usage(fmt.Errorf("--grid: %w", err))
			}
			rows = append(rows, gridRow{name: r.Name, rec: &r})
			return nil
		}
		for _, v := range axes[i].vals {
			v = strings.TrimSpace(v)
			c := r
			switch axes[i].key {
			case "alpha":
				f, err := strconv.ParseFloat(v, 64)
				if err != nil {
					return recipe.Usagef("--grid: alpha=%q: not a number", v)
				}
				c.Alpha, c.Rates = f, nil
			case "k":
				k, err := strconv.Atoi(v)
				if err != nil {
					return recipe.Usagef("--grid: k=%q: not an integer", v)
				}
				c.K = k
			case "ops":
				switch v {
				case "eda":
					c.Ops = recipe.EDAOps()
				default:
					c.Ops = strings.Split(v, "+")
				}
				c.Weights = nil
			case "chain":
				b, err := strconv.ParseBool(v)
				if err != nil {
					return recipe.Usagef("--grid: chain=%q: want true or false", v)
				}
				c.Chain = b
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
	return rows, nil
}

// crossValidate scores every grid point by k-fold cross-validation inside
// each seed's training subset and picks the best mean accuracy. The test
// file is never read here.
func (p *evalPlan) crossValidate(ctx context.Context, rows []gridRow, folds int) (*gridResult, error) {
	arms := make([]*arm, len(rows))
	for i, r := range rows {
		if r.rec == nil {
			arms[i] = &arm{name: r.name}
			continue
		}
		a, err := newArm(r.name, *r.rec)
		if err != nil {
			return nil, err
		}
		defer a.close()
		arms[i] = a
	}
	// Folds: at most the smallest label's count in any subset.
	nf := folds
	subsets := make([][]example, len(p.seeds))
	for si, seed := range p.seeds {
		subsets[si] = p.subset(p.size, seed)
		count := map[string]int{}
		for _, e := range subsets[si] {
			count[e.label]++
		}
		for _, c := range count {
			nf = min(nf, c)
		}
	}
	if nf < 2 {
		return nil, recipe.Usagef("--grid: a label has fewer than 2 rows in the subset; cross-validation needs 2 at least")
	}
	acc := make([][]float64, len(rows)) // [point][seed]
	for i := range acc {
		acc[i] = make([]float64, len(p.seeds))
	}
	err := p.parallel(ctx, "cross-validation", len(rows)*len(p.seeds), func(ctx context.Context, t int) error {
		pi, si := t/len(p.seeds), t%len(p.seeds)
		a, seed, sub := arms[pi], p.seeds[si], subsets[si]
		var vars [][]string
		if a.rec != nil {
			v, _, err := a.variants(ctx, sub, seed)
			if err != nil {
				return err
			}
			vars = v
		}
		_, labels := columns(sub)
		fs := eval.Folds(labels, nf, seed)
		sum := 0.0
		for f, held := range fs {
			in := make([]bool, len(sub))
			for _, j := range held {
				in[j] = true
			}
			var tt, tl, ht, hl []string
			for j, e := range sub {
				if in[j] {
					ht, hl = append(ht, e.text), append(hl, e.label)
					continue
				}
				tt, tl = append(tt, e.text), append(tl, e.label)
				if vars != nil {
					for _, v := range vars[j] {
						tt, tl = append(tt, v), append(tl, e.label)
					}
				}
			}
			c, err := eval.Train(tt, tl, nil, p.cfg)
			if err != nil {
				return fmt.Errorf("fold %d: %w", f+1, err)
			}
			sum += eval.Accuracy(hl, c.Predict(ht))
		}
		acc[pi][si] = sum / float64(len(fs))
		return nil
	})
	if err != nil {
		return nil, err
	}
	res := &gridResult{folds: nf, rows: rows}
	for i := range rows {
		res.rows[i].mean, res.rows[i].std = eval.MeanStd(acc[i])
		if res.rows[i].mean > res.rows[res.best].mean {
			res.best = i
		}
	}
	return res, nil
}

// curveResult is accuracy against training size, without and with the
// recipe.
type curveResult struct {
	sizes  []string
	series []eval.Series
}

// learningCurve trains at every size of spec ("50,100,full").
func (p *evalPlan) learningCurve(ctx context.Context, spec string, perClass bool) (*curveResult, error) {
	var sizes []int // 0 = full
	var names []string
	for _, s := range strings.Split(spec, ",") {
		s = strings.TrimSpace(s)
		if s == "full" {
			sizes, names = append(sizes, 0), append(names, "full")
			continue
		}
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return nil, recipe.Usagef("--sizes: %q: want a positive integer or full", s)
		}
		sizes, names = append(sizes, n), append(names, s)
	}
	arms := []*arm{{name: "none"}, p.main}
	acc := make([][][]float64, len(arms)) // [arm][size][seed]
	for a := range acc {
		acc[a] = make([][]float64, len(sizes))
		for s := range acc[a] {
			acc[a][s] = make([]float64, len(p.seeds))
		}
	}
	pick := eval.LRSTotal
	if perClass {
		pick = eval.LRS
	}
	n := len(arms) * len(sizes) * len(p.seeds)
	var mu sync.Mutex
	err := p.parallel(ctx, "learning curve", n, func(ctx context.Context, t int) error {
		ai := t / (len(sizes) * len(p.seeds))
		zi := t / len(p.seeds) % len(sizes)
		si := t % len(p.seeds)
		rows := p.train
		if sizes[zi] > 0 {
			rows = pickRows(p.train, pick(p.trainTexts, p.trainLabels, sizes[zi], p.seeds[si]))
		}
		data, err := arms[ai].augmentRows(ctx, rows, p.seeds[si])
		if err != nil {
			return err
		}
		c, err := eval.Train(data.texts, data.labels, nil, p.cfg)
		if err != nil {
			return err
		}
		a := eval.Accuracy(p.testLabels, c.Predict(p.testTexts))
		mu.Lock()
		acc[ai][zi][si] = a
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	res := &curveResult{sizes: names}
	for ai, a := range arms {
		s := eval.Series{Name: a.name}
		for zi := range sizes {
			m, sd := eval.MeanStd(acc[ai][zi])
			s.Mean, s.Std = append(s.Mean, 100*m), append(s.Std, 100*sd)
		}
		res.series = append(res.series, s)
	}
	return res, nil
}

func pct(mean, std float64) string { return fmt.Sprintf("%.2f ± %.2f", 100*mean, 100*std) }

func gainText(s *armScore) string {
	if !s.hasBaselineRef {
		return ""
	}
	return fmt.Sprintf("%+.2f ± %.2f", s.gain, s.gainStd)
}

// scoreLines are the rows of the score table.
func scoreLines(scores []*armScore) [][]string {
	lines := [][]string{{"training data", "k", "train rows", "accuracy %", "macro-F1 %", "gain (acc. points)", "gain (F1 points)"}}
	for _, s := range scores {
		am, as := eval.MeanStd(s.acc)
		fm, fsd := eval.MeanStd(s.f1)
		k := "-"
		if s.arm.rec != nil {
			k = strconv.Itoa(s.arm.k())
		}
		rows := 0
		for _, r := range s.trainRows {
			rows += r
		}
		f1g := ""
		if s.hasBaselineRef {
			f1g = fmt.Sprintf("%+.2f", s.f1Gain)
		}
		lines = append(lines, []string{s.arm.name, k, strconv.Itoa(rows / max(1, len(s.trainRows))), pct(am, as), pct(fm, fsd), gainText(s), f1g})
	}
	return lines
}

func preserveLines(r *preserveResult) [][]string {
	lines := [][]string{{"training data", "variants", "preservation", "acc. on variants %", "numbers changed", "negations lost", "equal to input", "duplicates", "missing"}}
	share := func(n, of int) string {
		if of == 0 {
			return "-"
		}
		return fmt.Sprintf("%d (%.2f%%)", n, 100*float64(n)/float64(of))
	}
	for _, a := range r.arms {
		lines = append(lines, []string{a.name, strconv.Itoa(a.variants), fmt.Sprintf("%.3f", a.preservation), fmt.Sprintf("%.2f", 100*a.accVariants),
			share(a.figures, a.variants), share(a.negations, a.variants), share(a.equal, a.variants), share(a.dup, a.variants), strconv.Itoa(a.missing)})
	}
	return lines
}

func gridLines(g *gridResult) [][]string {
	lines := [][]string{{"setting", "cv accuracy %", ""}}
	for i, r := range g.rows {
		mark := ""
		if i == g.best {
			mark = "best"
		}
		lines = append(lines, []string{r.name, pct(r.mean, r.std), mark})
	}
	return lines
}

func writeTable(w io.Writer, lines [][]string) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, l := range lines {
		fmt.Fprintln(tw, strings.Join(l, "\t"))
	}
	tw.Flush()
}

func writeScoreTable(w io.Writer, r *evalReport) {
	writeTable(w, scoreLines(r.scores))
	fmt.Fprintln(w, "mean ± std over the seeds; gains are paired by seed against no augmentation")
}

func writePreserveTable(w io.Writer, r *preserveResult) {
	fmt.Fprintf(w, "accuracy on the original test rows: %.2f%%; preservation = accuracy on variants / accuracy on originals\n", 100*r.accOrig)
	writeTable(w, preserveLines(r))
}

func writeGridTable(w io.Writer, g *gridResult) { writeTable(w, gridLines(g)) }

func markdownTable(b *bytes.Buffer, lines [][]string) {
	for i, l := range lines {
		b.WriteString("| " + strings.Join(l, " | ") + " |\n")
		if i == 0 {
			b.WriteString("|" + strings.Repeat("---|", len(l)) + "\n")
		}
	}
}

// write puts report.md (and curve.png) in dir, each written atomically.
func (r *evalReport) write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	p, f := r.plan, r.flags
	var b bytes.Buffer
	fmt.Fprintf(&b, "# textaug eval\n\n")
	fmt.Fprintf(&b, "- command: `textaug %s`\n", strings.Join(quoteArgs(r.args[1:]), " "))
	fmt.Fprintf(&b, "- version: %s\n", version())
	fmt.Fprintf(&b, "- train: `%s`, %d rows, %d labels; test: `%s`, %d rows\n", f.train, len(p.train), len(p.labels), f.test, len(p.test))
	fmt.Fprintf(&b, "- training subset: lrs-v1 (the low-resource sampler of the shared data README: per label, rows ordered by SHA-256 of `seed:text`), %s; seeds %s\n", p.sizeDesc, f.seeds)
	fmt.Fprintf(&b, "- classifier: %s, multinomial logistic regression (L2), trained by textaug's internal/eval\n\n", p.features)
	b.WriteString("## Accuracy with and without augmentation\n\n")
	markdownTable(&b, scoreLines(r.scores))
	b.WriteString("\nMean ± standard deviation over the seeds. Gains are in points, paired by seed against training without augmentation.\n\n")
	if r.grid != nil {
		fmt.Fprintf(&b, "## Strength search\n\n%d-fold cross-validation inside each seed's training subset (the test file is not used); mean ± std over the seeds.\n\n", r.grid.folds)
		markdownTable(&b, gridLines(r.grid))
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "## Label preservation\n\nA classifier trained on the whole training file labels the variants of %d test rows (stratified; seed %d). Its accuracy on the originals is %.2f%%; preservation is its accuracy on the variants (the source row's label as truth) divided by that.\n\n", r.preserve.rows, p.seeds[0], 100*r.preserve.accOrig)
	markdownTable(&b, preserveLines(r.preserve))
	b.WriteString("\n")
	if r.curve != nil {
		b.WriteString("## Learning curve\n\n![accuracy against training size](curve.png)\n\n")
		lines := [][]string{append([]string{"training data"}, r.curve.sizes...)}
		for _, s := range r.curve.series {
			l := []string{s.Name}
			for i := range s.Mean {
				l = append(l, fmt.Sprintf("%.2f ± %.2f", s.Mean[i], s.Std[i]))
			}
			lines = append(lines, l)
		}
		markdownTable(&b, lines)
		b.WriteString("\nAccuracy % on the test file, mean ± std over the seeds.\n")
		title := fmt.Sprintf("%s: %s", filepath.Base(filepath.Dir(f.train)), p.features)
		if err := eval.PlotCurve(filepath.Join(dir, "curve.png"), title, r.curve.sizes, r.curve.series); err != nil {
			return err
		}
	}
	out, err := corpus.CreateOutput(filepath.Join(dir, "report.md"), nil)
	if err != nil {
		return err
	}
	if _, err := out.Write(b.Bytes()); err != nil {
		out.Abort()
		return err
	}
	return out.Commit()
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
