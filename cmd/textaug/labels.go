package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/textaug/textaug/internal/augment"
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
