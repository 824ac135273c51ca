package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

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
// pass learned (augment.PreparedLabels) and how the summary reports it.
type labelRun struct {
	*augment.PreparedLabels
	table bool // print the per-label table (balancing or filter)
	maxK  int
}

// prepareLabels runs the corpus pass of plan when it needs one (see
// augment.PrepareLabels); nil when there is nothing label-aware to do.
func prepareLabels(ctx context.Context, plan *augmentPlan, iof *ioFlags, stdin io.Reader) (*labelRun, error) {
	in := augment.PassInput{Path: plan.input, Stdin: stdin, Encoding: plan.enc, Format: plan.format, TextField: iof.text, LabelField: iof.label}
	p, err := augment.PrepareLabels(ctx, in, plan.rec, iof.seed, filterTrainer)
	if p == nil || err != nil {
		return nil, err
	}
	L := plan.rec.Labels
	return &labelRun{PreparedLabels: p, table: L.Balance != 0 || L.Filter, maxK: L.MaxK}, nil
}

// apply returns the engine and the stdin of the augmenting pass (see
// augment.PreparedLabels.Apply). A nil run changes nothing.
func (run *labelRun) apply(eng *augment.Engine, stdin io.Reader) (*augment.Engine, io.Reader) {
	if run == nil {
		return eng, stdin
	}
	return run.Apply(eng, stdin)
}

// release closes the spooled stdin and the LLM cache of the label
// augmenters.
func (run *labelRun) release() {
	if run != nil {
		run.Close()
	}
}

// summary prints the per-label table of a balanced or filtered run.
func (run *labelRun) summary(w io.Writer) {
	if run != nil && run.Samplers != nil && run.table {
		printLabelTable(w, run.Samplers.Tally.Counts(), run.Samplers.Labels, run.maxK)
	}
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
	stats, err := augment.ReadStatsFile(rec.Labels.Stats)
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
