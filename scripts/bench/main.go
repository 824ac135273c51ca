// Command bench measures textaug as whole processes and prints the table of
// docs/performance.md: CPU time (user + system), wall-clock time and peak
// resident set of each job, medians of several runs, and, when the Python
// EDA reference is given, the same for it on the same English rows with the
// ratios of paired runs.
//
//	go run ./scripts/bench [-runs 5] [-big] [-bin textaug] [-data ../shared/data]
//	TEXTAUG_EDA_REF=/path/to/eda_nlp/code go run ./scripts/bench
//	go run ./scripts/bench -before textaug-old -only English
//	go run ./scripts/bench -eval -only eval
//	go run ./scripts/bench -large /tmp/rows -only large -before textaug-old
//
// With -before, a second textaug binary (an older build) takes its turn in
// every round too, and the table adds its medians and the paired ratio
// before ÷ now; -only keeps the jobs whose name contains the given text.
//
// The jobs:
//
//   - one Chinese row: `textaug augment --lang zh` on one sentence (start-up);
//   - N Chinese rows (20,000 by default; with -big also 200,000 and
//     1,000,000, the texts repeated with a row number appended):
//     `augment --lang zh -k 9 --workers 2`;
//   - N English rows: `augment --preset eda -k 9 --alpha 0.1 --workers 2`,
//     and the EDA reference on the same rows (`augment.py --num_aug 9`, all
//     four α 0.1) when TEXTAUG_EDA_REF names eda_nlp's code directory (or its
//     augment.py); its Python is TEXTAUG_PYTHON (default python3), which
//     needs NLTK with WordNet (NLTK_DATA);
//   - one English row: `textaug augment` on one sentence;
//   - with -eval (-eval-runs runs each, 3 by default): `textaug eval
//     --per-class 10` on banking77 (the default preset and model), and the
//     same with the learning curve (`--report DIR --sizes 5,10,20,full`);
//     skipped, with a line saying so, when the data directory has no
//     banking77;
//   - with -large DIR: one 900 KB English and one Chinese row (the files
//     large-en.jsonl and large-zh.jsonl that `TEXTAUG_LARGE_ROWS=DIR go test
//     ./textaug -run TestWriteLargeRows` writes), `augment --seed 1 -k 2`
//     under the default preset and eda, and the English row at the default
//     k; skipped, with a line saying so, when the files are missing.
//
// The rows come from -en and -zh (text files, one sentence per line) or else
// from the shared data (banking77 and financial_phrasebank for English,
// crosswoz_intent_zh for Chinese, repeated to N rows). Every input and
// output lives in a temporary directory that is removed at the end; the
// reference is never copied. CPU and peak memory come from the kernel's
// accounting of the child process (wait4's rusage, what /usr/bin/time -v
// prints).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

type options struct {
	runs     int
	big      bool
	bin      string
	data     string
	en, zh   string
	rows     int
	workers  int
	tmp      string
	before   string
	only     string
	eval     bool
	evalRuns int
	large    string // directory of the large rows, or ""
}

func main() {
	var o options
	flag.IntVar(&o.runs, "runs", 5, "runs of each job; the table shows medians")
	flag.BoolVar(&o.big, "big", false, "also 200,000 and 1,000,000 Chinese rows (minutes)")
	flag.StringVar(&o.bin, "bin", "", "textaug binary (default: build ./cmd/textaug)")
	flag.StringVar(&o.data, "data", "../shared/data", "shared data directory, for rows when -en or -zh is not given")
	flag.StringVar(&o.en, "en", "", "English sentences, one per line")
	flag.StringVar(&o.zh, "zh", "", "Chinese sentences, one per line")
	flag.IntVar(&o.rows, "rows", 20000, "rows of the bulk jobs")
	flag.IntVar(&o.workers, "workers", 2, "textaug workers in the bulk jobs")
	flag.StringVar(&o.before, "before", "", "an older textaug binary that takes turns with -bin (paired before/after)")
	flag.StringVar(&o.only, "only", "", "run only the jobs whose name contains this text (e.g. English)")
	flag.BoolVar(&o.eval, "eval", false, "also `textaug eval --per-class 10` on banking77, alone and with the learning curve (about a minute of CPU each)")
	flag.IntVar(&o.evalRuns, "eval-runs", 3, "runs of each eval job")
	flag.StringVar(&o.large, "large", "", "also the large rows (one 900 KB English and one Chinese row, k 2 and the default k) found in this directory, written by TEXTAUG_LARGE_ROWS=DIR go test ./textaug -run TestWriteLargeRows")
	flag.Parse()
	if err := run(&o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(o *options, w io.Writer) error {
	tmp, err := os.MkdirTemp("", "textaug-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	o.tmp = tmp
	if o.bin == "" {
		o.bin = filepath.Join(tmp, "textaug")
		if out, err := exec.Command("go", "build", "-o", o.bin, "./cmd/textaug").CombinedOutput(); err != nil {
			return fmt.Errorf("building textaug: %v: %s", err, out)
		}
	}
	jobs, err := plan(o)
	if err != nil {
		return err
	}
	var skips []string
	if o.eval {
		ev, skip := evalJobs(o)
		jobs, skips = append(jobs, ev...), append(skips, skip)
	}
	if o.large != "" {
		lj, skip := largeJobs(o)
		jobs, skips = append(jobs, lj...), append(skips, skip)
	}
	runs := fmt.Sprintf("%d runs each", o.runs)
	if o.eval {
		runs += fmt.Sprintf(" (eval rows: %d)", o.evalRuns)
	}
	fmt.Fprintf(w, "%s; %s, medians; CPU = user + system\n\n", version(o.bin), runs)
	printHeader(w, o.before != "")
	for _, j := range jobs {
		if !strings.Contains(j.name, o.only) {
			continue
		}
		runs := o.runs
		if j.runs > 0 {
			runs = j.runs
		}
		res, err := measure(j, runs, o.bin, o.before)
		if err != nil {
			return fmt.Errorf("%s: %w", j.name, err)
		}
		printRow(w, j, res)
	}
	for _, skip := range skips {
		if skip != "" {
			fmt.Fprintln(w, "\n"+skip)
		}
	}
	if ref := os.Getenv("TEXTAUG_EDA_REF"); ref == "" {
		fmt.Fprintln(w, "\nEDA reference: not run (set TEXTAUG_EDA_REF to eda_nlp's code directory).")
	}
	return nil
}

func version(bin string) string {
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		return "(version unknown)"
	}
	v, _, _ := strings.Cut(strings.TrimSpace(string(out)), "\n")
	return v
}
