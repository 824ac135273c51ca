package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

const evalHelp = `Usage: textaug eval --train FILE --test FILE [flags]

Shows on your own data whether augmentation helps a classifier, how much,
at what strength, and whether labels survive. For each seed it draws a
low-resource subset of the training file (lrs-v1, reproducible without
this tool), trains a TF-IDF + logistic-regression classifier on it with and
without augmentation, and scores both on the test file: accuracy and
macro-F1, mean ± std over the seeds, and the gain in points. A classifier
trained on the whole training file then judges the variants of test
sentences: label preservation, changed numbers, lost negations.

Examples:
  textaug eval --train train.jsonl --test test.jsonl --per-class 10 --seeds 1,2,3
  textaug eval --train train.jsonl --test test.jsonl --n 500 --compare none,eda,aeda --preset recommended
  textaug eval --train train.jsonl --test test.jsonl --per-class 5 --grid "alpha=0.05,0.1,0.2 k=2,4,8,16"
  textaug eval --train train.jsonl --test test.jsonl --n 500 --report report/ --sizes 50,100,200,500,full

The rows compared are --compare (presets or recipe files; "none" is no
augmentation) and the recipe of --preset/--recipe and the pipeline flags
(default: the recommended preset). --grid picks the best strength by
cross-validation on the training subset only, never on the test file.

Flags:
`

// evalFlags are eval's own flags; the pipeline flags are recipeFlags.
type evalFlags struct {
	train, test  string
	format       string
	text, label  string
	n, perClass  int
	fraction     float64
	seeds        string
	compare      string
	grid         string
	folds        int
	ablation     bool
	sizes        string
	report       string
	preserveRows int
	workers      int
	c            float64
	encoding     string
	progress     string
}

func (f *evalFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.train, "train", "", "training file (CSV, TSV or JSONL with text and label)")
	fs.StringVar(&f.test, "test", "", "test file, same layout; never subsampled, never used to choose settings")
	fs.StringVar(&f.format, "format", "", "format of both files: csv, tsv or jsonl (default: by extension)")
	fs.StringVar(&f.encoding, "encoding", "utf-8", "encoding of both files: utf-8 or gb18030 (reads GBK too)")
	fs.StringVar(&f.text, "text", "", "column or field with the text (default: the first of "+strings.Join(corpus.DefaultTextFields, ", ")+")")
	fs.StringVar(&f.label, "label", "", "column or field with the label (default: the first of "+strings.Join(corpus.DefaultLabelFields, ", ")+")")
	fs.IntVar(&f.n, "n", 0, "training subset: N rows in total, stratified by label (lrs-v1 order)")
	fs.IntVar(&f.perClass, "per-class", 0, "training subset: N rows of every label (lrs-v1)")
	fs.Float64Var(&f.fraction, "fraction", 0, "training subset: this share of every label, rounded up (lrs-v1)")
	fs.StringVar(&f.seeds, "seeds", "1,2,3", "seeds: each draws its own subset and its own variants")
	fs.StringVar(&f.compare, "compare", "none", "rows to compare with the recipe: presets, recipe files, or none (no augmentation), comma-separated")
	fs.StringVar(&f.grid, "grid", "", `strength search by cross-validation on the subset, e.g. "alpha=0.05,0.1,0.2 k=2,4,8,16 ops=synonym,delete,synonym+delete"`)
	fs.IntVar(&f.folds, "folds", 5, "cross-validation folds of --grid (fewer when a label has fewer rows)")
	fs.BoolVar(&f.ablation, "ablation", false, "also score each operation of the recipe alone")
	fs.StringVar(&f.sizes, "sizes", "", "with --report: training sizes of the learning curve (per label with --per-class, else in total), e.g. 50,100,200,500,full")
	fs.StringVar(&f.report, "report", "", "directory for report.md and curve.png")
	fs.IntVar(&f.preserveRows, "preserve-rows", 1000, "test rows whose variants are judged for label preservation (stratified; 0 for all)")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel trainings")
	fs.StringVar(&f.progress, "progress", "auto", "progress of the trainings on stderr: auto (when stderr is a terminal), always or never")
	fs.Float64Var(&f.c, "c", eval.DefaultC, "classifier: inverse L2 strength C (scikit-learn's default is 1: a stronger penalty, under which any variants gain by outweighing it)")
}

// example is one labelled row.
type example struct{ text, label string }

// arm is one way of building training data: a recipe, or none.
type arm struct {
	name  string
	rec   *recipe.Recipe // nil: no augmentation
	eng   *augment.Engine
	close func() error
}

func (a *arm) k() int {
	if a.rec == nil {
		return 0
	}
	return a.rec.K
}

func evalCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	var rf recipeFlags
	var ef evalFlags
	rf.register(fs)
	ef.register(fs)
	pos, code, ok := parseCommand(fs, evalHelp, args, stdout, stderr)
	if !ok {
		return code
	}
	err := func() error {
		if len(pos) > 0 {
			return recipe.Usagef("unexpected argument %q (give files with --train and --test)", pos[0])
		}
		return evalRun(ctx, fs, &rf, &ef, stdout, stderr)
	}()
	if ctx.Err() != nil {
		return exitFail // run says it was interrupted
	}
	return report(stderr, "eval", exitCode(err), err)
}

// evalPlan is what an eval run does, resolved from the flags.
type evalPlan struct {
	train, test []example
	// The columns of train and test, made once.
	trainTexts, trainLabels []string
	testTexts, testLabels   []string
	labels                  []string
	seeds                   []int
	pick                    func(texts, labels []string, size int, seed int) []int
	size                    int    // the subset's size parameter for pick
	sizeDesc                string // "5 per label", "500 in total", ...
	cfg                     eval.Config
	features                string
	arms                    []*arm
	main                    *arm
	workers                 int
	// status, when set, is told each finished training of a phase.
	status func(phase string, done, total int)
}

func evalRun(ctx context.Context, fs *flag.FlagSet, rf *recipeFlags, ef *evalFlags, stdout, stderr io.Writer) error {
	switch ef.progress {
	case "auto", "always", "never":
	default:
		return recipe.Usagef("--progress: want auto, always or never, got %q", ef.progress)
	}
	if ef.train == "" || ef.test == "" {
		return recipe.Usagef("--train and --test are required")
	}
	set := 0
	for _, v := range []bool{ef.n > 0, ef.perClass > 0, ef.fraction > 0} {
		if v {
			set++
		}
	}
	if set > 1 {
		return recipe.Usagef("--n, --per-class and --fraction: give one")
	}
	if ef.fraction < 0 || ef.fraction > 1 {
		return recipe.Usagef("--fraction must be in (0, 1]")
	}
	seeds, err := parseSeeds(ef.seeds)
	if err != nil {
		return err
	}
	p := &evalPlan{seeds: seeds, workers: max(1, ef.workers)}
	prog := newProgress(stderr, ef.progress, -1, nil, time.Now())
	if prog.on {
		p.status = func(phase string, done, total int) {
			if done == total {
				fmt.Fprint(stderr, "\r\033[K") // the tables go on the same terminal
				return
			}
			fmt.Fprintf(stderr, "\rtextaug eval: %s %d/%d   ", phase, done, total)
		}
	}
	switch {
	case ef.perClass > 0:
		p.pick, p.size, p.sizeDesc = eval.LRS, ef.perClass, fmt.Sprintf("%d per label", ef.perClass)
	case ef.n > 0:
		p.pick, p.size, p.sizeDesc = eval.LRSTotal, ef.n, fmt.Sprintf("%d in total, stratified", ef.n)
	case ef.fraction > 0:
		f := ef.fraction
		p.pick = func(t, l []string, _ int, seed int) []int { return eval.LRSFraction(t, l, f, seed) }
		p.sizeDesc = fmt.Sprintf("%g of every label, rounded up", f)
	default:
		p.pick = func(t, _ []string, _ int, _ int) []int {
			all := make([]int, len(t))
			for i := range all {
				all[i] = i
			}
			return all
		}
		p.sizeDesc = "the whole training file"
	}
	start := time.Now()
	if p.train, err = readExamples(ef.train, ef); err != nil {
		return err
	}
	if p.test, err = readExamples(ef.test, ef); err != nil {
		return err
	}
	p.trainTexts, p.trainLabels = columns(p.train)
	p.testTexts, p.testLabels = columns(p.test)
	for _, e := range p.train {
		if !slices.Contains(p.labels, e.label) {
			p.labels = append(p.labels, e.label)
		}
	}
	slices.Sort(p.labels)

	// Language decides the features: word n-grams, or character n-grams
	// for Chinese.
	lang := rf.lang()
	if lang == "auto" || lang == "" {
		lang = corpusLanguage(p.train)
	}
	p.cfg = eval.Config{Analyzer: eval.Words, C: ef.c}
	p.features = "TF-IDF word 1–2-grams"
	if lang == "zh" {
		p.cfg.Analyzer = eval.Chars
		p.features = "TF-IDF character 1–3-grams"
	}

	// The arms: --compare, then the recipe of the flags.
	main, err := rf.resolve()
	if err != nil {
		return err
	}
	defer func() {
		for _, a := range p.arms {
			if a.close != nil {
				a.close()
			}
		}
	}()
	for _, name := range strings.Split(ef.compare, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		if name == "none" {
			p.arms = append(p.arms, &arm{name: "none"})
			continue
		}
		r, err := compareRecipe(name)
		if err != nil {
			return err
		}
		a, err := newArm(r.Name, r)
		if err != nil {
			return err
		}
		p.arms = append(p.arms, a)
	}
	mainName := main.Name
	if b := main.Backtranslate.Backend; b != "" {
		if len(main.Ops) == 0 {
			mainName = "back-translation (" + b + ")"
		} else {
			mainName += " + back-translation (" + b + ")"
		}
	}
	if slices.ContainsFunc(p.arms, func(a *arm) bool { return a.name == mainName }) {
		mainName += " (flags)"
	}
	if p.main, err = newArm(mainName, main); err != nil {
		return err
	}
	p.arms = append(p.arms, p.main)
	if ef.ablation {
		for _, op := range main.Ops {
			r := main
			r.Ops = []string{op}
			r.Weights = nil
			r.Backtranslate = recipe.BT{}
			a, err := newArm(main.Name+": "+op+" only", r)
			if err != nil {
				return err
			}
			p.arms = append(p.arms, a)
		}
		if main.Backtranslate.Backend != "" && len(main.Ops) > 0 {
			r := main
			r.Ops = nil
			a, err := newArm(main.Name+": back-translation only", r)
			if err != nil {
				return err
			}
			p.arms = append(p.arms, a)
		}
	}

	fmt.Fprintf(stdout, "train %s: %d rows, %d labels; test %s: %d rows\n", ef.train, len(p.train), len(p.labels), ef.test, len(p.test))
	fmt.Fprintf(stdout, "subset: lrs-v1, %s; seeds %s; classifier: %s + multinomial logistic regression\n\n", p.sizeDesc, ef.seeds, p.features)

	rep := &evalReport{plan: p, flags: ef, args: os.Args}
	if ef.grid != "" {
		points, err := gridPoints(ef.grid, main)
		if err != nil {
			return err
		}
		if rep.grid, err = p.crossValidate(ctx, points, ef.folds); err != nil {
			return err
		}
		best := rep.grid.rows[rep.grid.best]
		fmt.Fprintf(stdout, "strength search (%d-fold cross-validation on each seed's subset; the test file is not used):\n", rep.grid.folds)
		writeGridTable(stdout, rep.grid)
		fmt.Fprintf(stdout, "best by cross-validation: %s\n\n", best.name)
		if best.rec != nil {
			a, err := newArm("grid best: "+best.name, *best.rec)
			if err != nil {
				return err
			}
			p.arms = append(p.arms, a)
		}
	}

	if rep.scores, err = p.score(ctx); err != nil {
		return err
	}
	writeScoreTable(stdout, rep)

	if rep.preserve, err = p.preservation(ctx, ef.preserveRows); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nlabel preservation (a classifier trained on the whole training file judges the variants of %d test rows; seed %d):\n", rep.preserve.rows, p.seeds[0])
	writePreserveTable(stdout, rep.preserve)

	if ef.report != "" {
		if ef.sizes != "" {
			if rep.curve, err = p.learningCurve(ctx, ef.sizes, ef.perClass > 0); err != nil {
				return err
			}
		}
		if err := rep.write(ef.report); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nreport: %s\n", filepath.Join(ef.report, "report.md"))
	}
	fmt.Fprintf(stderr, "textaug eval: %.1fs\n", time.Since(start).Seconds())
	return nil
}

// compareRecipe resolves one --compare entry: a preset name or a recipe
// file, as it stands (the pipeline flags shape the main row only).
func compareRecipe(name string) (recipe.Recipe, error) {
	if r, ok := recipe.Preset(name); ok {
		return r, nil
	}
	if _, err := os.Stat(name); err == nil {
		return recipe.Load(name)
	}
	return recipe.Recipe{}, recipe.Usagef("--compare: %q is neither a preset (%s), a recipe file nor none", name, recipe.PresetNames())
}

func newArm(name string, r recipe.Recipe) (*arm, error) {
	eng, err := augment.New(r, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &arm{name: name, rec: &r, eng: eng, close: eng.Close}, nil
}

func parseSeeds(s string) ([]int, error) {
	var seeds []int
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n < 0 || strconv.Itoa(n) != f {
			return nil, recipe.Usagef("--seeds: %q is not a non-negative integer without sign or leading zeros", f)
		}
		if slices.Contains(seeds, n) {
			return nil, recipe.Usagef("--seeds: %d given twice", n)
		}
		seeds = append(seeds, n)
	}
	if len(seeds) == 0 {
		return nil, recipe.Usagef("--seeds: give at least one")
	}
	return seeds, nil
}

// readExamples reads a whole labelled file. Evaluation files are small;
// a bad row or a row without a label is an error naming file and line.
func readExamples(path string, ef *evalFlags) ([]example, error) {
	format, err := inputFormat(ef.format, path)
	if err != nil {
		return nil, recipe.Usage(err)
	}
	if format == corpus.Text {
		return nil, recipe.Usagef("%s: eval needs labels: give a CSV, TSV or JSONL file (or --format)", path)
	}
	in, err := openInput(path, nil, ef.encoding)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	r, err := corpus.NewReader(in, corpus.ReaderOptions{Format: format, Name: path, TextField: ef.text, LabelField: ef.label})
	if err != nil {
		return nil, err
	}
	if r.LabelField() == "" {
		return nil, fmt.Errorf("%s: no label column or field (want one of %s, or --label)", path, strings.Join(corpus.DefaultLabelFields, ", "))
	}
	var out []example
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		if rec.Label == "" {
			return nil, fmt.Errorf("%s:%d: row %d has an empty label", path, rec.Line, rec.Row)
		}
		out = append(out, example{rec.Text, rec.Label})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return out, nil
}

// corpusLanguage is "zh" when most texts are Chinese.
func corpusLanguage(ex []example) string {
	zh := 0
	for _, e := range ex {
		if tokenize.Language(e.text) == "zh" {
			zh++
		}
	}
	if 2*zh > len(ex) {
		return "zh"
	}
	return "en"
}

func columns(ex []example) (texts, labels []string) {
	texts = make([]string, len(ex))
	labels = make([]string, len(ex))
	for i, e := range ex {
		texts[i], labels[i] = e.text, e.label
	}
	return texts, labels
}

// augmented is a training set: rows and their variants.
type augmented struct {
	texts, labels []string
	variants      int
	shortfall     int
}

// augmentRows returns rows followed by the variants a makes of each with
// seed; without an augmenter, rows alone. Deterministic: variants depend on
// the seed and the text only.
func (a *arm) augmentRows(ctx context.Context, rows []example, seed int) (augmented, error) {
	var out augmented
	for _, e := range rows {
		out.texts = append(out.texts, e.text)
		out.labels = append(out.labels, e.label)
	}
	if a.rec == nil {
		return out, nil
	}
	vars, short, err := a.variants(ctx, rows, seed)
	if err != nil {
		return out, err
	}
	for i, vs := range vars {
		for _, v := range vs {
			out.texts = append(out.texts, v)
			out.labels = append(out.labels, rows[i].label)
		}
		out.variants += len(vs)
	}
	out.shortfall = short
	return out, nil
}

// variants returns the variants of each row, and the number missing.
func (a *arm) variants(ctx context.Context, rows []example, seed int) ([][]string, int, error) {
	texts := make([]string, len(rows))
	for i, e := range rows {
		texts[i] = e.text
	}
	results, err := a.eng.WithSeed(uint64(seed)).Sample(ctx, texts)
	if err != nil {
		return nil, 0, fmt.Errorf("%s: %w", a.name, err)
	}
	out := make([][]string, len(rows))
	short := 0
	for i, res := range results {
		for _, v := range res.Variants {
			out[i] = append(out[i], v.Text)
		}
		short += res.Shortfall
	}
	return out, short, nil
}

// parallel runs n tasks on the plan's workers; the first error wins.
func (p *evalPlan) parallel(ctx context.Context, phase string, n int, task func(ctx context.Context, i int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan int)
	var mu sync.Mutex
	var first error
	done := 0
	var wg sync.WaitGroup
	for w := 0; w < min(p.workers, n); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				err := task(ctx, i)
				mu.Lock()
				if err != nil && first == nil {
					first = err
					cancel()
				}
				done++
				if p.status != nil {
					p.status(phase, done, n)
				}
				mu.Unlock()
			}
		}()
	}
loop:
	for i := 0; i < n; i++ {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break loop
		}
	}
	close(jobs)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// subset returns the rows of train that seed's subset keeps.
func (p *evalPlan) subset(size, seed int) []example {
	return pickRows(p.train, p.pick(p.trainTexts, p.trainLabels, size, seed))
}

// pickRows returns the rows of ex at idx.
func pickRows(ex []example, idx []int) []example {
	out := make([]example, len(idx))
	for i, j := range idx {
		out[i] = ex[j]
	}
	return out
}

// armScore is one arm's scores, one per seed.
type armScore struct {
	arm            *arm
	acc, f1        []float64
	trainRows      []int
	variants       int
	shortfall      int
	gain, gainStd  float64 // accuracy points against the first arm without augmentation (paired by seed)
	f1Gain         float64
	hasBaselineRef bool
}

// score trains every arm on every seed's subset and scores it on the test
// file.
func (p *evalPlan) score(ctx context.Context) ([]*armScore, error) {
	scores := make([]*armScore, len(p.arms))
	for i, a := range p.arms {
		scores[i] = &armScore{arm: a, acc: make([]float64, len(p.seeds)), f1: make([]float64, len(p.seeds)), trainRows: make([]int, len(p.seeds))}
	}
	var mu sync.Mutex
	n := len(p.arms) * len(p.seeds)
	err := p.parallel(ctx, "training", n, func(ctx context.Context, t int) error {
		ai, si := t/len(p.seeds), t%len(p.seeds)
		a, seed := p.arms[ai], p.seeds[si]
		data, err := a.augmentRows(ctx, p.subset(p.size, seed), seed)
		if err != nil {
			return err
		}
		c, err := eval.Train(data.texts, data.labels, nil, p.cfg)
		if err != nil {
			return err
		}
		pred := c.Predict(p.testTexts)
		mu.Lock()
		defer mu.Unlock()
		s := scores[ai]
		s.acc[si] = eval.Accuracy(p.testLabels, pred)
		s.f1[si] = eval.MacroF1(p.testLabels, pred)
		s.trainRows[si] = len(data.texts)
		s.variants += data.variants
		s.shortfall += data.shortfall
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Gains against the first arm without augmentation, paired by seed.
	var base *armScore
	for _, s := range scores {
		if s.arm.rec == nil {
			base = s
			break
		}
	}
	if base != nil {
		for _, s := range scores {
			if s == base {
				continue
			}
			d := make([]float64, len(p.seeds))
			df := make([]float64, len(p.seeds))
			for i := range d {
				d[i] = 100 * (s.acc[i] - base.acc[i])
				df[i] = 100 * (s.f1[i] - base.f1[i])
			}
			s.gain, s.gainStd = eval.MeanStd(d)
			s.f1Gain, _ = eval.MeanStd(df)
			s.hasBaselineRef = true
		}
	}
	return scores, nil
}

// preserveResult is the label-preservation check of each arm.
type preserveResult struct {
	rows    int
	accOrig float64
	arms    []preserveArm
}

type preserveArm struct {
	name                                    string
	variants                                int
	accVariants, preservation               float64
	figures, negations, equal, dup, missing int
}

// preservation trains a classifier on the whole training file and checks
// the variants of (a stratified sample of) the test rows.
func (p *evalPlan) preservation(ctx context.Context, limit int) (*preserveResult, error) {
	full, err := eval.Train(p.trainTexts, p.trainLabels, nil, p.cfg)
	if err != nil {
		return nil, err
	}
	rows := p.test
	if limit > 0 && limit < len(rows) {
		rows = pickRows(p.test, eval.LRSTotal(p.testTexts, p.testLabels, limit, 0))
	}
	origTexts, origLabels := columns(rows)
	res := &preserveResult{rows: len(rows), accOrig: eval.Accuracy(origLabels, full.Predict(origTexts))}
	var arms []*arm
	for _, a := range p.arms {
		if a.rec != nil {
			arms = append(arms, a)
		}
	}
	res.arms = make([]preserveArm, len(arms))
	err = p.parallel(ctx, "label preservation", len(arms), func(ctx context.Context, i int) error {
		a := arms[i]
		vars, short, err := a.variants(ctx, rows, p.seeds[0])
		if err != nil {
			return err
		}
		pa := preserveArm{name: a.name, missing: short}
		var vt, vl []string
		for r, vs := range vars {
			seen := map[string]bool{normSpace(rows[r].text): true}
			for _, v := range vs {
				vt = append(vt, v)
				vl = append(vl, rows[r].label)
				d := checkVariant(rows[r].text, v)
				if d.figures {
					pa.figures++
				}
				if d.negations {
					pa.negations++
				}
				if v == rows[r].text {
					pa.equal++
				}
				if seen[normSpace(v)] {
					pa.dup++
				}
				seen[normSpace(v)] = true
			}
		}
		pa.variants = len(vt)
		if len(vt) > 0 {
			pa.accVariants = eval.Accuracy(vl, full.Predict(vt))
			if res.accOrig > 0 {
				pa.preservation = pa.accVariants / res.accOrig
			}
		}
		res.arms[i] = pa
		return nil
	})
	return res, err
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
		if negationChars[r] {
			n++
		}
	}
	return n
}

var negationChars = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range textaug.DefaultNegations() {
		if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.Is(unicode.Han, r) {
			m[r] = true
		}
	}
	return m
}()
