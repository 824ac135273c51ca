package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

// writeStatsFile writes the corpus statistics to path atomically (a
// temporary file in the same directory, renamed on success).
func writeStatsFile(path string, s *textaug.CorpusStats) error {
	f, err := os.CreateTemp(filepath.Dir(path), ".textaug-stats-*")
	if err != nil {
		return fmt.Errorf("--stats-out: %w", err)
	}
	defer os.Remove(f.Name()) // after a successful rename, nothing is left to remove
	if _, err := s.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("--stats-out %s: %w", path, err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("--stats-out %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("--stats-out %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("--stats-out: %w", err)
	}
	return nil
}

// readStatsFile reads a statistics file written by --stats-out.
func readStatsFile(path string) (*textaug.CorpusStats, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("--stats: %w", err)
	}
	defer f.Close()
	return textaug.ReadStats(f, path)
}

// spool copies stdin to a temporary file, so that a corpus read from
// stdin can be read twice (the corpus pass, then augmenting) without being
// held in memory. remove deletes the file.
func spool(stdin io.Reader) (path string, remove func(), err error) {
	f, err := os.CreateTemp("", "textaug-stdin-*")
	if err != nil {
		return "", nil, fmt.Errorf("spooling stdin: %w", err)
	}
	remove = func() { os.Remove(f.Name()) }
	if _, err := io.Copy(f, stdin); err != nil {
		f.Close()
		remove()
		return "", nil, fmt.Errorf("spooling stdin: %w", err)
	}
	if err := f.Close(); err != nil {
		remove()
		return "", nil, fmt.Errorf("spooling stdin: %w", err)
	}
	return f.Name(), remove, nil
}

// printLabelTable writes the per-label summary of a run with labels: rows
// in, the target (with balancing), rows out (originals and variants),
// shortfall against the target, and why a label fell short.
func printLabelTable(w io.Writer, counts []augment.LabelCount, l *augment.Labels, maxK int) {
	plans := map[string]augment.LabelPlan{}
	if l.Plan != nil {
		for _, p := range l.Plan.Labels {
			plans[p.Label] = p
		}
	}
	var filter map[string]augment.FilterCounts
	if l.Filter != nil {
		filter, _ = l.Filter.Counts()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "label\tin\ttarget\tout\tshortfall\twhy")
	for _, c := range counts {
		target, short := "-", "-"
		out := c.In + c.Variants
		p, planned := plans[c.Label]
		if planned {
			target = fmt.Sprint(p.Target)
			short = fmt.Sprint(max(p.Target-out, 0))
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t%s\t%s\n", labelName(c.Label), c.In, target, out, short, why(c, p, planned, filter[c.Label], maxK))
	}
	tw.Flush()
}

func labelName(l string) string {
	if l == "" {
		return "(no label)"
	}
	return l
}

// why explains a label's shortfall: the cap, the sampler, the filter.
func why(c augment.LabelCount, p augment.LabelPlan, planned bool, f augment.FilterCounts, maxK int) string {
	var s string
	add := func(format string, a ...any) {
		if s != "" {
			s += "; "
		}
		s += fmt.Sprintf(format, a...)
	}
	if planned && p.Capped {
		add("--max-k %d allows %d rows", maxK, p.Rows*(maxK+1))
	}
	if c.Short > 0 {
		add("%d rows lack %d variants (%s)", c.Short, c.Missing, c.Reason)
	}
	if f.Rejected > 0 {
		add("filter rejected %d of %d variants checked", f.Rejected, f.Checked)
	}
	if s == "" {
		return "-"
	}
	return s
}

// labelRun is the label-aware part of an augment run: what the corpus
// pass learned and how the summary reports it.
type labelRun struct {
	ls    *augment.LabelSamplers // nil when the corpus has no labels
	table bool                   // print the per-label table (balancing or filter)
	maxK  int
	stdin io.Reader // the spooled stdin for the augmenting pass, when stdin was spooled
	close func()
}

// prepareLabels runs the corpus pass when the recipe's labels settings
// need one (see recipe.Labels.Pass) or read --stats, and the corpus has
// labels; nil when there is nothing label-aware to do (a corpus without
// labels works as before, unless a setting that needs labels was given).
// Input from stdin is spooled to a temporary file and read from there
// twice; run.stdin then replaces stdin for the augmenting pass.
func prepareLabels(ctx context.Context, plan *augmentPlan, iof *ioFlags, stdin io.Reader) (*labelRun, error) {
	rec := &plan.rec
	L := rec.Labels
	swap := slices.Contains(rec.Ops, "label-swap")
	if !L.Pass(rec.Ops) && L.Stats == "" {
		return nil, nil
	}
	if plan.format == corpus.Text { // one sentence per line: no labels
		return nil, needsLabels(L)
	}
	run := &labelRun{table: L.Balance != 0 || L.Filter, maxK: L.MaxK, close: func() {}}
	passIn := stdin
	if plan.input == "-" {
		path, remove, err := spool(stdin)
		if err != nil {
			return nil, err
		}
		files, err := openTwice(path)
		if err != nil {
			remove()
			return nil, err
		}
		passIn, run.stdin = files[0], files[1]
		run.close = func() { files[0].Close(); files[1].Close(); remove() }
	}
	labels, err := corpusPass(ctx, plan, iof, passIn, L.Anchors || swap || L.StatsOut != "")
	if err != nil {
		run.close()
		return nil, err
	}
	if labels == nil {
		return run, nil // no labels: augment as before (from the spooled stdin)
	}
	if L.StatsOut != "" && labels.Stats != nil {
		if err := writeStatsFile(L.StatsOut, labels.Stats); err != nil {
			run.close()
			return nil, err
		}
	}
	words := labels.Stats
	if !L.Anchors && !swap {
		words = nil // statistics only written, not used
	}
	run.ls = &augment.LabelSamplers{Words: rec.LabelWords(words), Labels: labels, Tally: &augment.LabelTally{}}
	return run, nil
}

// apply returns the engine and the stdin of the augmenting pass: the
// label-aware engine, and the spooled stdin when stdin was spooled. A nil
// run changes nothing.
func (run *labelRun) apply(eng *augment.Engine, stdin io.Reader) (*augment.Engine, io.Reader) {
	if run == nil {
		return eng, stdin
	}
	if run.stdin != nil {
		stdin = run.stdin
	}
	if run.ls != nil {
		eng = eng.WithLabels(run.ls)
	}
	return eng, stdin
}

// release closes the spooled stdin and the LLM cache of the label
// augmenters.
func (run *labelRun) release() {
	if run == nil {
		return
	}
	run.close()
	if run.ls != nil {
		run.ls.Words.Close()
	}
}

// summary prints the per-label table of a balanced or filtered run.
func (run *labelRun) summary(w io.Writer) {
	if run != nil && run.ls != nil && run.table {
		printLabelTable(w, run.ls.Tally.Counts(), run.ls.Labels, run.maxK)
	}
}

// needsLabels is the error of settings that need labels on a corpus
// without them; nil when none of them was asked for.
func needsLabels(L recipe.Labels) error {
	if L.Balance != 0 || L.Filter || L.StatsOut != "" {
		return recipe.Usagef("--balance, --filter and --stats-out need a corpus with labels (a label column or field; see --label)")
	}
	return nil
}

func openTwice(path string) ([2]*os.File, error) {
	var f [2]*os.File
	for i := range f {
		var err error
		if f[i], err = os.Open(path); err != nil {
			if i == 1 {
				f[0].Close()
			}
			return f, fmt.Errorf("spooled stdin: %w", err)
		}
	}
	return f, nil
}

// corpusPass reads the input once for the statistics (learn: computed
// unless --stats gives them), the balancing plan and the filter. It
// returns nil when the corpus has no label column and nothing was asked
// that needs one.
func corpusPass(ctx context.Context, plan *augmentPlan, iof *ioFlags, stdin io.Reader, learn bool) (*augment.Labels, error) {
	L := plan.rec.Labels
	in, err := corpus.OpenInput(plan.input, stdin, plan.enc)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	r, err := corpus.NewReader(in, corpus.ReaderOptions{Format: plan.format, Name: in.Name(), TextField: iof.text, LabelField: iof.label})
	if err != nil {
		return nil, err
	}
	if r.LabelField() == "" {
		return nil, needsLabels(L)
	}
	labels, err := augment.CorpusPass(ctx, r, passOptions(plan.rec, iof.seed, learn))
	if err != nil {
		return nil, err
	}
	if L.Stats != "" {
		if labels.Stats, err = readStatsFile(L.Stats); err != nil {
			return nil, err
		}
	}
	return labels, nil
}

// explainLabels reads --stats for explain and prints the anchors of
// label; nil when no statistics were given.
func explainLabels(w io.Writer, rec recipe.Recipe, label string) (*textaug.CorpusLocks, error) {
	if rec.Labels.Stats == "" {
		if label != "" {
			return nil, recipe.Usagef("--label goes with --stats (a file written by augment --stats-out)")
		}
		return nil, nil
	}
	stats, err := readStatsFile(rec.Labels.Stats)
	if err != nil {
		return nil, err
	}
	switch {
	case label == "":
		fmt.Fprintln(w, "no --label: the corpus entities only")
	case stats.Label(label) == nil:
		fmt.Fprintf(w, "label %q is not in %s: the corpus entities only\n", label, rec.Labels.Stats)
	default:
		fmt.Fprintf(w, "anchors of %s: %s\n", label, or(stats.Describe(label), "none"))
	}
	fmt.Fprintln(w)
	return &textaug.CorpusLocks{Stats: stats, Label: label}, nil
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// passOptions says what a corpus pass of rec collects; learn asks for the
// statistics (unless --stats gives them).
func passOptions(rec recipe.Recipe, seed uint64, learn bool) augment.PassOptions {
	L := rec.Labels
	opt := augment.PassOptions{Seed: seed}
	if learn && L.Stats == "" {
		opt.Stats = L.Builder()
		opt.Stats.Tokenizer = rec.Tokenizer()
	}
	if L.Balance != 0 {
		opt.Balance = &augment.Balance{Target: max(L.Balance, 0), MaxK: L.MaxK}
	}
	if L.Filter {
		opt.Filter = &augment.Filter{Train: filterTrainer}
	}
	return opt
}

// labelAware reports whether rec does anything by label.
func labelAware(rec recipe.Recipe) bool {
	return rec.Labels.Pass(rec.Ops) || rec.Labels.Stats != ""
}

// labelledResults makes the variants of labelled rows as augment would
// with rec's label settings, learning the statistics, the balancing plan
// and the filter from the rows themselves (eval: each training set).
// eval refuses --stats-out (noStatsOut), so nothing is written here.
func labelledResults(ctx context.Context, eng *augment.Engine, rec recipe.Recipe, texts, labels []string, seed uint64) ([]textaug.Result, error) {
	L := rec.Labels
	l, err := augment.LearnRows(texts, labels, passOptions(rec, seed, L.Anchors || slices.Contains(rec.Ops, "label-swap")))
	if err != nil {
		return nil, err
	}
	if L.Stats != "" {
		if l.Stats, err = readStatsFile(L.Stats); err != nil {
			return nil, err
		}
	}
	words := rec.LabelWords(l.Stats)
	defer words.Close()
	eng = eng.WithLabels(&augment.LabelSamplers{Words: words, Labels: l})
	out := make([]textaug.Result, len(texts))
	for i, t := range texts {
		if out[i], err = eng.SampleLabelled(ctx, t, labels[i]); err != nil {
			return nil, fmt.Errorf("row %d: %w", i+1, err)
		}
	}
	return out, nil
}
