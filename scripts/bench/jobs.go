package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// job is one whole-process measurement: textaug with args on stdin or a
// file, and optionally the EDA reference on the same rows.
type job struct {
	name  string
	rows  int
	stdin string   // one row given on standard input, or ""
	args  []string // textaug's arguments
	ref   []string // the reference's command, or nil
	runs  int      // runs of this job; 0: -runs
}

// plan lists the jobs and writes their inputs into o.tmp.
func plan(o *options) ([]job, error) {
	zh, err := sentences(o.zh, o.data, []string{"crosswoz_intent_zh/train", "crosswoz_intent_zh/test"})
	if err != nil {
		return nil, err
	}
	en, err := sentences(o.en, o.data, []string{"banking77/train", "banking77/test",
		"financial_phrasebank_50agree/train", "financial_phrasebank_50agree/test",
		"financial_phrasebank_allagree/train", "financial_phrasebank_allagree/test"})
	if err != nil {
		return nil, err
	}
	jobs := []job{{name: "one Chinese row (`--lang zh`)", rows: 1, stdin: zh[0] + "\n", args: []string{"augment", "--lang", "zh"}}}
	sizes := []int{o.rows}
	if o.big {
		sizes = append(sizes, 200_000, 1_000_000)
	}
	for _, n := range sizes {
		f := filepath.Join(o.tmp, fmt.Sprintf("zh-%d.txt", n))
		if err := writeRows(f, zh, n, "", n > o.rows); err != nil {
			return nil, err
		}
		jobs = append(jobs, job{name: fmt.Sprintf("%d Chinese rows, k=9", n), rows: n,
			args: []string{"augment", "--lang", "zh", "-k", "9", "--workers", strconv.Itoa(o.workers), "-o", os.DevNull, f}})
	}
	enTxt, enTSV := filepath.Join(o.tmp, "en.txt"), filepath.Join(o.tmp, "en.tsv")
	if err := writeRows(enTxt, en, o.rows, "", false); err != nil {
		return nil, err
	}
	if err := writeRows(enTSV, en, o.rows, "x\t", false); err != nil {
		return nil, err
	}
	bulk := job{name: fmt.Sprintf("%d English rows, `--preset eda`, k=9, α 0.1", o.rows), rows: o.rows,
		args: []string{"augment", "--preset", "eda", "-k", "9", "--alpha", "0.1", "--workers", strconv.Itoa(o.workers), "-o", os.DevNull, enTxt}}
	if ref := os.Getenv("TEXTAUG_EDA_REF"); ref != "" {
		bulk.ref = edaCommand(ref, enTSV, filepath.Join(o.tmp, "eda.out"))
	}
	jobs = append(jobs, bulk, job{name: "one English row", rows: 1, stdin: en[0] + "\n", args: []string{"augment"}})
	return jobs, nil
}

// evalJobs are the eval rows of -eval: `textaug eval --per-class 10` on
// banking77 with the default preset and model, and the same with the
// learning curve (`--report DIR --sizes 5,10,20,full`). Without banking77
// in the data directory there are none, and skip says why.
func evalJobs(o *options) (jobs []job, skip string) {
	dir := filepath.Join(o.data, "banking77")
	train, test := filepath.Join(dir, "train.jsonl"), filepath.Join(dir, "test.jsonl")
	for _, f := range []string{train, test} {
		if _, err := os.Stat(f); err != nil {
			return nil, fmt.Sprintf("eval rows: not run: %s is missing (they need the shared banking77 split; give -data)", f)
		}
	}
	args := []string{"eval", "--train", train, "--test", test, "--per-class", "10"}
	curve := append(slices.Clone(args), "--report", filepath.Join(o.tmp, "eval-report"), "--sizes", "5,10,20,full")
	return []job{
		{name: "`textaug eval --per-class 10` on banking77", args: args, runs: o.evalRuns},
		{name: "same with --sizes 5,10,20,full (eval learning curve)", args: curve, runs: o.evalRuns},
	}, ""
}

// largeJobs are the large-row rows of -large: `textaug augment --seed 1
// -k 2` (and the default k) on the generated rows that `TEXTAUG_LARGE_ROWS=DIR
// go test ./textaug -run TestWriteLargeRows` writes into dir, under the
// default preset and eda. Without the two files there are none, and skip
// says why.
func largeJobs(o *options) (jobs []job, skip string) {
	rows := map[string]string{"English": filepath.Join(o.large, "large-en.jsonl"), "Chinese": filepath.Join(o.large, "large-zh.jsonl")}
	for _, lang := range []string{"English", "Chinese"} { // in order: the first missing file is named
		if f := rows[lang]; !exists(f) {
			return nil, fmt.Sprintf("large rows: not run: %s is missing (TEXTAUG_LARGE_ROWS=%s go test ./textaug -run TestWriteLargeRows writes it)", f, o.large)
		}
	}
	for _, lang := range []string{"English", "Chinese"} {
		f := rows[lang]
		base := []string{"augment", "--seed", "1", "-o", os.DevNull}
		jobs = append(jobs,
			job{name: fmt.Sprintf("one large %s row (%s), default preset, k=2", lang, filepath.Base(f)), rows: 1, args: append(slices.Clone(base), "-k", "2", f)},
			job{name: fmt.Sprintf("one large %s row (%s), `--preset eda`, k=2", lang, filepath.Base(f)), rows: 1, args: append(slices.Clone(base), "-k", "2", "--preset", "eda", f)})
		if lang == "English" {
			jobs = append(jobs, job{name: fmt.Sprintf("one large %s row (%s), default preset and k", lang, filepath.Base(f)), rows: 1, args: append(slices.Clone(base), f)})
		}
	}
	return jobs, ""
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// edaCommand runs eda_nlp's augment.py (ref is it or its directory) with
// EDA's defaults spelled out: nine variants, every α 0.1.
func edaCommand(ref, in, out string) []string {
	if !strings.HasSuffix(ref, ".py") {
		ref = filepath.Join(ref, "augment.py")
	}
	py := os.Getenv("TEXTAUG_PYTHON")
	if py == "" {
		py = "python3"
	}
	return []string{py, ref, "--input", in, "--output", out, "--num_aug", "9",
		"--alpha_sr", "0.1", "--alpha_ri", "0.1", "--alpha_rs", "0.1", "--alpha_rd", "0.1"}
}

// sentences reads a text file of sentences, or the text fields of the
// shared data's JSONL splits.
func sentences(file, data string, splits []string) ([]string, error) {
	files := []string{file}
	if file == "" {
		files = nil
		for _, s := range splits {
			files = append(files, filepath.Join(data, s+".jsonl"))
		}
	}
	var out []string
	for _, f := range files {
		lines, err := readLines(f, file == "")
		if err != nil {
			return nil, err
		}
		out = append(out, lines...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no sentences in %s", strings.Join(files, ", "))
	}
	return out, nil
}

func readLines(path string, jsonl bool) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w (give -en and -zh, or -data)", err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		text := sc.Text()
		if jsonl {
			var row struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", path, n, err)
			}
			text = row.Text
		}
		text = strings.Join(strings.Fields(text), " ") // one row per line, no tabs
		if text != "" {
			out = append(out, text)
		}
	}
	return out, sc.Err()
}

// writeRows writes n rows cycling through texts, each after prefix; with
// number, a row number is appended past the first round, so that the rows
// stay distinct.
func writeRows(path string, texts []string, n int, prefix string, number bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for i := 0; i < n; i++ {
		t := texts[i%len(texts)]
		if number && i >= len(texts) {
			t += " " + strconv.Itoa(i)
		}
		w.WriteString(prefix + t + "\n")
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// cmd returns the textaug command of j.
func (j job) cmd(bin string) *exec.Cmd {
	c := exec.Command(bin, j.args...)
	if j.stdin != "" {
		c.Stdin = strings.NewReader(j.stdin)
	}
	return c
}
