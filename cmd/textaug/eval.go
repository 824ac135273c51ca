package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

const evalHelp = `Usage: textaug eval --train FILE --test FILE [flags]

Shows on your own data whether augmentation helps a classifier, how much,
and whether labels survive. For each seed it draws a low-resource subset of
the training file (lrs-v1, reproducible without this tool), trains a
classifier on it without augmentation, on each row copied k times (the
control that explains re-weighting away) and with each recipe, and scores
them on the test file (and a noisy copy with --test-noise): accuracy and
macro-F1, mean ± std over the seeds, and gains over none and over copy,
paired by seed (~: inside the seeds' 95% interval). With --c auto the
classifier's C and features are chosen per arm and seed by cross-validation
inside the subset, in folds grouped by source row. A classifier trained on
the whole training file then judges the variants of test sentences: label
preservation, changed numbers, lost negations.

Examples:
  textaug eval --train train.jsonl --test test.jsonl --per-class 10
  textaug eval --train train.jsonl --test test.jsonl --n 500 --compare none,copy,eda,shuffle --model lr,cnn --test-noise all
  textaug eval --train train.jsonl --test test.jsonl --per-class 5 --grid "alpha=0.05,0.1,0.2 k=2,4,8,16"
  textaug eval --train train.jsonl --test test.jsonl --n 500 --report report/ --sizes 50,100,200,500,full

The rows compared are --compare (presets or recipe files; "none" is no
augmentation, "copy" the copy control) and the recipe of --preset/--recipe
and the pipeline flags (default: the default preset). --grid picks the best
strength by cross-validation on the training subset only, never on the test
file.

Flags:
`

// defaultEvalMemory is the default of --memory, in MB. The peak of a run
// is about 1.5 times its live heap (the collector runs at 1.5 times the
// live heap, below), and the live heap is mostly the state of the
// trainings that run at once. On banking77 at 10 per label (the default
// preset, two workers) the selection's largest trainings hold about 100
// to 120 MB each: under a 200 MB budget two of them ran together and the
// process peaked at 283 MiB (median of 5); under 100 MB they run one at
// a time and it peaks at 199 MiB (median of 3), for the same CPU time
// (docs/performance.md).
const defaultEvalMemory = 100

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
	c            string
	memory       int
	models       string
	noise        string
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
	fs.StringVar(&f.seeds, "seeds", "1,2,3,4,5", "seeds: each draws its own subset and its own variants; differences between arms are paired by seed (at least 5 to tell a point from noise)")
	fs.StringVar(&f.compare, "compare", "none,copy", "rows to compare with the recipe: presets, recipe files, none (no augmentation) or copy (each row repeated k times, k of the recipe), comma-separated")
	fs.StringVar(&f.grid, "grid", "", `strength search by cross-validation on the subset, e.g. "alpha=0.05,0.1,0.2 k=2,4,8,16 ops=synonym,delete,synonym+delete"`)
	fs.IntVar(&f.folds, "folds", 5, "cross-validation folds of --grid (fewer when a label has fewer rows)")
	fs.BoolVar(&f.ablation, "ablation", false, "also score each operation of the recipe alone")
	fs.StringVar(&f.sizes, "sizes", "", "with --report: training sizes of the learning curve (per label with --per-class, else in total), e.g. 50,100,200,500,full")
	fs.StringVar(&f.report, "report", "", "directory for report.md and curve.png")
	fs.IntVar(&f.preserveRows, "preserve-rows", 1000, "test rows whose variants are judged for label preservation (stratified; 0 for all)")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel trainings")
	fs.IntVar(&f.memory, "memory", defaultEvalMemory, "MB of estimated classifier state that parallel trainings may hold at once (a larger training runs alone); 0 for no bound")
	fs.StringVar(&f.models, "model", "lr", "classifiers, comma-separated: lr (TF-IDF + logistic regression) and cnn (a word CNN, character CNN for Chinese, with a fixed budget of updates: it sees word order)")
	fs.StringVar(&f.noise, "test-noise", "", "also score on a noisy copy of the test file: typo, case, contraction, punct, comma-separated, or all (the noise model of docs/eval.md, its own rates and random stream)")
	fs.StringVar(&f.progress, "progress", "auto", "progress of the trainings on stderr: auto (when stderr is a terminal), always or never")
	fs.StringVar(&f.c, "c", "auto", "classifier: auto (C and the features chosen per arm and seed by cross-validation inside the training subset, folds grouped by source row) or a fixed inverse L2 strength C with the language's default features (scikit-learn's default C is 1)")
}

func evalCmd(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	var rf recipeFlags
	var ef evalFlags
	rf.register(fs)
	ef.register(fs)
	pos, code, ok := parseCommand(fs, evalHelp, recipe.BalanceArgs(args), stdout, stderr)
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
	x        *eval.Experiment
	main     *eval.Arm
	sizeDesc string // "5 per label", "500 in total", ...
	features string
	labels   int
	gaps     eval.LabelGaps
}

func evalRun(ctx context.Context, fs *flag.FlagSet, rf *recipeFlags, ef *evalFlags, stdout, stderr io.Writer) error {
	start := time.Now()
	if os.Getenv("GOGC") == "" {
		// The heap is mostly the classifiers' pointer-free float slices,
		// cheap to collect: collecting at 1.5 times the live heap instead
		// of 2 cut the peak RSS of --per-class 10 on banking77 from 287
		// to 254 MB (medians of 3) at no measurable CPU cost.
		defer debug.SetGCPercent(debug.SetGCPercent(50))
	}
	p, err := planEval(fs, rf, ef, stderr)
	if p != nil {
		defer closeArms(p.x.Arms)
	}
	if err != nil {
		return err
	}
	x := p.x
	fmt.Fprintf(stdout, "train %s: %d rows, %d labels; test %s: %d rows\n", ef.train, len(x.Train), p.labels, ef.test, len(x.Test))
	fmt.Fprintf(stdout, "subset: lrs-v1, %s; seeds %s; classifier: multinomial logistic regression on %s\n", p.sizeDesc, ef.seeds, p.features)
	if slices.Contains(x.Models, eval.ModelCNN) {
		fmt.Fprintf(stdout, "and a CNN (%s tokens, a fixed budget of updates whatever the rows)\n", x.CNN.Analyzer)
	}
	if len(x.Noise.Kinds) > 0 {
		fmt.Fprintf(stdout, "noisy test set: %s (the noise model of docs/eval.md, seed 0)\n", x.Noise)
	}
	fmt.Fprintln(stdout)

	rep := &eval.Report{
		Command: "textaug " + strings.Join(quoteArgs(os.Args[1:]), " "), Version: version(),
		TrainName: ef.train, TestName: ef.test, Train: len(x.Train), Test: len(x.Test), Labels: p.labels,
		SizeDesc: p.sizeDesc, Seeds: ef.seeds, SeedList: x.Seeds, Features: p.features, Noise: x.Noise.String(),
		LabelWarnings: p.gaps.Warnings(),
	}
	if ef.grid != "" {
		if rep.Grid, err = evalGrid(ctx, p, ef, stdout); err != nil {
			return err
		}
	}
	if rep.Scores, err = x.Score(ctx); err != nil {
		return err
	}
	writeScoreTable(stdout, rep.Scores)
	if x.Select != nil {
		writeChosen(stdout, x, rep)
	}
	if rep.Preserve, err = x.Preservation(ctx, ef.preserveRows); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nlabel preservation (a classifier trained on the whole training file judges the variants of %d test rows; seed %d):\n", rep.Preserve.Rows, rep.Preserve.Seed)
	writePreserveTable(stdout, rep.Preserve)
	if ef.report != "" {
		if err := writeEvalReport(ctx, p, ef, rep); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "\nreport: %s\n", filepath.Join(ef.report, "report.md"))
	}
	fmt.Fprintf(stderr, "textaug eval: %.1fs\n", time.Since(start).Seconds())
	return nil
}

// checkEvalFlags rejects flag values eval cannot use.
func checkEvalFlags(ef *evalFlags) error {
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
	if ef.memory < 0 {
		return recipe.Usagef("--memory must not be negative")
	}
	return nil
}

// planEval checks the flags, reads the files and builds the arms. The
// plan it returns (also with an error) holds arms to close.
func planEval(fs *flag.FlagSet, rf *recipeFlags, ef *evalFlags, stderr io.Writer) (*evalPlan, error) {
	if err := checkEvalFlags(ef); err != nil {
		return nil, err
	}
	seeds, err := eval.ParseSeeds(ef.seeds)
	if err != nil {
		return nil, err
	}
	x := &eval.Experiment{Seeds: seeds, Workers: max(1, ef.workers), MemoryBudget: int64(ef.memory) << 20, Status: evalStatus(stderr, ef.progress)}
	p := &evalPlan{x: x}
	x.Pick, x.Size, p.sizeDesc = eval.Subset(ef.perClass, ef.n, ef.fraction)
	if x.Train, err = readExamples(ef.train, ef); err != nil {
		return nil, err
	}
	if x.Test, err = readExamples(ef.test, ef); err != nil {
		return nil, err
	}
	p.labels = len(x.Labels())
	if err := p.checkLabels(stderr); err != nil {
		return nil, err
	}

	// Language decides the features: word n-grams, or character n-grams
	// for Chinese.
	lang := rf.lang()
	if lang == "auto" || lang == "" {
		lang = eval.Language(x.Train)
	}
	if err := p.classifier(ef.c, lang); err != nil {
		return nil, err
	}
	if err := p.modelsAndNoise(ef, lang); err != nil {
		return nil, err
	}
	main, err := rf.resolve()
	if err != nil {
		return nil, err
	}
	if err := rf.check(main); err != nil {
		return nil, err
	}
	if err := noStatsOut(main, "the main recipe"); err != nil {
		return nil, err
	}
	return p, p.buildArms(main, ef)
}

// checkLabels compares the test labels with those of the training file
// and of each seed's subset: a test label they lack is said once on
// stderr (its rows can never be right), and no known test label at all
// is an error (a usage error when only the subsets lack them).
func (p *evalPlan) checkLabels(stderr io.Writer) error {
	p.gaps = p.x.LabelGaps()
	if err := p.gaps.Err(); err != nil {
		if !p.gaps.File.None() {
			return recipe.Usage(err)
		}
		return err
	}
	for _, w := range p.gaps.Warnings() {
		fmt.Fprintf(stderr, "textaug eval: warning: %s\n", w)
	}
	return nil
}

// classifier sets the classifier of --c: a fixed C with the language's
// features (word 1–2-grams, or character 1–3-grams for Chinese), or the
// selection of C and features per arm and seed.
func (p *evalPlan) classifier(c, lang string) error {
	x := p.x
	x.Config = eval.Config{Analyzer: eval.Words, C: eval.DefaultC}
	if lang == "zh" {
		x.Config.Analyzer = eval.Chars
	}
	p.features = x.Config.Analyzer.Describe()
	if c == "auto" {
		sel := eval.DefaultSelection(lang)
		x.Select = &sel
		p.features = "TF-IDF " + sel.Describe()
		return nil
	}
	v, err := strconv.ParseFloat(c, 64)
	if err != nil || !(v > 0) || math.IsInf(v, 1) {
		return recipe.Usagef("--c: want auto or a positive number, got %q", c)
	}
	x.Config.C = v
	return nil
}

// modelsAndNoise sets the models of --model and the noise of
// --test-noise.
func (p *evalPlan) modelsAndNoise(ef *evalFlags, lang string) error {
	x := p.x
	for _, m := range strings.Split(ef.models, ",") {
		m = strings.TrimSpace(m)
		if m != eval.ModelLR && m != eval.ModelCNN {
			return recipe.Usagef("--model: want lr or cnn, comma-separated, got %q", m)
		}
		if !slices.Contains(x.Models, m) {
			x.Models = append(x.Models, m)
		}
	}
	if lang == "zh" {
		x.CNN.Analyzer = eval.Chars
	}
	n, err := eval.ParseNoise(ef.noise)
	if err != nil {
		return recipe.Usage(fmt.Errorf("--test-noise: %w", err))
	}
	x.Noise = n
	return nil
}

// evalStatus is the progress line of the trainings on stderr, or nil.
func evalStatus(stderr io.Writer, mode string) func(phase string, done, total int) {
	prog := newProgress(stderr, mode, -1, nil, time.Now())
	if !prog.on {
		return nil
	}
	return func(phase string, done, total int) {
		if done == total {
			fmt.Fprint(stderr, "\r\033[K") // the tables go on the same terminal
			return
		}
		fmt.Fprintf(stderr, "\rtextaug eval: %s %d/%d   ", phase, done, total)
	}
}

// buildArms makes the arms: --compare, then the recipe of the flags, then
// with --ablation each of its operations alone.
func (p *evalPlan) buildArms(main recipe.Recipe, ef *evalFlags) error {
	x := p.x
	for _, name := range strings.Split(ef.compare, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		switch name {
		case "none":
			x.Arms = append(x.Arms, eval.NoAugmentation("none"))
			continue
		case "copy":
			x.Arms = append(x.Arms, eval.Copy("copy", main.K))
			continue
		}
		r, err := compareRecipe(name)
		if err != nil {
			return err
		}
		if err := p.addArm(r.Name, r); err != nil {
			return err
		}
	}
	if err := p.addArm(eval.MainArmName(main, x.Arms), main); err != nil {
		return err
	}
	p.main = x.Arms[len(x.Arms)-1]
	if ef.ablation {
		for _, a := range eval.Ablation(main) {
			if err := p.addArm(a.Name, a.Recipe); err != nil {
				return err
			}
		}
	}
	return nil
}

func (p *evalPlan) addArm(name string, r recipe.Recipe) error {
	a, err := eval.NewArm(name, r)
	if err != nil {
		return err
	}
	if augment.LabelAware(r) { // anchors, label-swap, balancing, filter: learnt from each training set
		a.Labelled = func(ctx context.Context, eng *augment.Engine, texts, labels []string, seed uint64) ([]textaug.Result, error) {
			return augment.LabelledResults(ctx, eng, r, texts, labels, seed, filterTrainer)
		}
	}
	p.x.Arms = append(p.x.Arms, a)
	return nil
}

func closeArms(arms []*eval.Arm) {
	for _, a := range arms {
		a.Close()
	}
}

// compareRecipe resolves one --compare entry: a preset name or a recipe
// file, as it stands (the pipeline flags shape the main row only).
func compareRecipe(name string) (recipe.Recipe, error) {
	if r, ok := recipe.Preset(name); ok {
		return r, nil
	}
	if _, err := os.Stat(name); err == nil {
		r, err := recipe.Load(name)
		if err != nil {
			return r, err
		}
		if err := r.Check(r.SetFields()); err != nil {
			return r, recipe.Usagef("--compare %s: %w", name, err)
		}
		return r, noStatsOut(r, "--compare "+name)
	}
	return recipe.Recipe{}, recipe.Usagef("--compare: %q is neither a preset (%s), a recipe file, none nor copy", name, recipe.PresetNames())
}

// noStatsOut refuses a statistics file to write: eval learns the
// statistics of each arm from that arm's training rows, so there is no one
// corpus whose statistics --stats-out could hold.
func noStatsOut(r recipe.Recipe, what string) error {
	if r.Labels.StatsOut == "" {
		return nil
	}
	return recipe.Usagef("--stats-out (labels.stats_out of %s) has no effect in eval: each arm learns its statistics from its own training rows; write them with textaug augment --stats-out", what)
}

// readExamples reads a whole labelled file. Evaluation files are small;
// a bad row or a row without a label is an error naming file and line.
func readExamples(path string, ef *evalFlags) ([]eval.Example, error) {
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
	return eval.ReadExamples(r, path)
}
