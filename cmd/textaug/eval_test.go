package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runEval(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"eval"}, args...), nil, &out, &errb)
	return out.String(), errb.String(), code
}

func TestEvalComparesTrainingWithAndWithoutAugmentation(t *testing.T) {
	dir := t.TempDir()
	args := []string{"--train", "../../testdata/eval/train.jsonl", "--test", "../../testdata/eval/test.jsonl",
		"--per-class", "6", "--seeds", "1,2", "--compare", "none,eda", "--preset", "shuffle", "--report", dir, "--sizes", "3,6,full"}
	out, errs, code := runEval(t, args...)
	require.Equal(t, exitOK, code, errs)
	for _, want := range []string{
		"train ../../testdata/eval/train.jsonl: 48 rows, 4 labels; test ../../testdata/eval/test.jsonl: 24 rows",
		"subset: lrs-v1, 6 per label; seeds 1,2",
		"label preservation",
	} {
		assert.Contains(t, out, want)
	}
	// One row per arm: none (24 training rows), eda (k 9), and the
	// main recipe, shuffle (k 16), with a gain against none.
	assert.Regexp(t, `(?m)^none\s+-\s+24\s`, out)
	assert.NotContains(t, out, "\ncopy ", "copy only when asked")
	assert.Regexp(t, `(?m)^eda\s+9\s+\d+\s+[\d.]+ ± [\d.]+\s+[\d.]+ ± [\d.]+\s+[+-][\d.]+ ± [\d.]+`, out)
	assert.Regexp(t, `(?m)^shuffle\s+16\s`, out)
	// Word operations never change a figure or drop a negation.
	assert.Regexp(t, `(?m)^shuffle\s+\d+\s+[\d.]+\s+[\d.]+\s+0 \(0\.00%\)\s+0 \(0\.00%\)\s+0 \(0\.00%\)\s+0 \(0\.00%\)`, out)

	report, err := os.ReadFile(filepath.Join(dir, "report.md"))
	require.NoError(t, err)
	for _, want := range []string{"# textaug eval", "## Accuracy with and without augmentation, against copying", "The gain that matters is over copy", "## Label preservation", "## Learning curve", "| shuffle | 16 |", "![accuracy against training size](curve.png)"} {
		assert.Contains(t, string(report), want)
	}
	f, err := os.Open(filepath.Join(dir, "curve.png"))
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	assert.Greater(t, img.Bounds().Dx(), 100)

	// The same seeds give the same report, whatever the worker count.
	again, _, code := runEval(t, append(args[:len(args)-4], "--workers", "1")...)
	require.Equal(t, exitOK, code)
	assert.Equal(t, strings.TrimSpace(out[:strings.Index(out, "\nreport: ")]), strings.TrimSpace(again))
}

func TestEvalGridPicksByCrossValidation(t *testing.T) {
	out, errs, code := runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", "../../testdata/eval/test.jsonl",
		"--per-class", "6", "--seeds", "1", "--folds", "3", "--grid", "alpha=0.1,0.2 k=2", "--preserve-rows", "8")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "strength search (3-fold cross-validation on each seed's subset; the test file is not used)")
	assert.Regexp(t, `(?m)^alpha=0\.1 k=2\s+[\d.]+ ± [\d.]+`, out)
	assert.Regexp(t, `(?m)^alpha=0\.2 k=2\s+[\d.]+ ± [\d.]+`, out)
	assert.Contains(t, out, "best by cross-validation: ")
}

func TestEvalUsageErrors(t *testing.T) {
	tr, te := "../../testdata/eval/train.jsonl", "../../testdata/eval/test.jsonl"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--test", te}, "--train and --test are required"},
		{[]string{"--train", tr, "--test", te, "--n", "10", "--per-class", "2"}, "give one"},
		{[]string{"--train", tr, "--test", te, "--seeds", "01"}, "--seeds: \"01\""},
		{[]string{"--train", tr, "--test", te, "--grid", "beta=1"}, "unknown key \"beta\""},
		{[]string{"--train", tr, "--test", te, "--compare", "nope"}, "neither a preset"},
		{[]string{"--train", tr, "--test", te, "--c", "0"}, "--c: want auto or a positive number"},
		{[]string{"--train", tr, "--test", te, "--memory", "-1"}, "--memory must not be negative"},
		{[]string{"--train", tr, "--test", te, "--model", "svm"}, `--model: want lr or cnn, comma-separated, got "svm"`},
		{[]string{"--train", tr, "--test", te, "--test-noise", "typo,lisp"}, `--test-noise: eval: noise: kind 2`},
		{[]string{"--train", "../../testdata/sentences.txt", "--test", te}, "eval needs labels"},
		{[]string{"--train", tr, "--test", te, "--stats-out", filepath.Join(t.TempDir(), "s.json")}, "--stats-out (labels.stats_out of the main recipe) has no effect in eval"},
		{[]string{"--train", tr, "--test", te, "--preset", "shuffle", "--lexicon", tr}, "--lexicon has no effect: the recipe has no synonym or insert operation"},
		{[]string{"--train", tr, "--test", te, "--lexicon", "/missing/lexicon.txt"}, "/missing/lexicon.txt"},
		{[]string{"--train", tr, "--test", te, "--compare", unreadField(t)}, "synonyms.senses has no effect: the recipe has no synonym or insert operation"},
	} {
		_, errs, code := runEval(t, c.args...)
		assert.Equal(t, exitUsage, code, "%v: %s", c.args, errs)
		assert.Contains(t, errs, c.want, "%v", c.args)
	}
	_, errs, code := runEval(t, "--train", "missing.jsonl", "--test", te)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, "missing.jsonl")
}

// The targets of the eval issue, on real data: with the bigram model at
// C 10 (--c 10), the model that chose it, the shuffle preset (the
// default "recommended" before readable) gains on
// banking77 with 5 rows per label, also over copying, keeps labels
// (preservation >= 0.98), changes no number and loses no negation.
func TestRecommendedPresetOnBanking77(t *testing.T) {
	if testing.Short() {
		t.Skip("trains 6 classifiers on banking77")
	}
	d := filepath.Join(shareddata.Dir(t), "banking77")
	out, errs, code := runEval(t, "--train", filepath.Join(d, "train.jsonl"), "--test", filepath.Join(d, "test.jsonl"),
		"--per-class", "5", "--seeds", "1,2,3", "--compare", "none,copy,eda", "--preserve-rows", "300", "--c", "10", "--preset", "shuffle")
	require.Equal(t, exitOK, code, errs)
	t.Log("\n" + out)
	// Gains over none and over copy, paired by seed.
	gain := func(name string) (overNone, overCopy float64, noise bool) {
		m := regexp.MustCompile(`(?m)^` + name + `\s+\d+\s+\d+\s+[\d.]+ ± [\d.]+\s+[\d.]+ ± [\d.]+\s+([+-][\d.]+) ± [\d.]+( ~)?\s+([+-][\d.]+) ± [\d.]+( ~)?`).FindStringSubmatch(out)
		require.NotNil(t, m, name)
		g, _ := strconv.ParseFloat(m[1], 64)
		c, _ := strconv.ParseFloat(m[3], 64)
		return g, c, m[4] != ""
	}
	rec, recCopy, noise := gain("shuffle")
	eda, _, _ := gain("eda")
	assert.Greater(t, rec, 0.0, "shuffle gains")
	assert.Greater(t, recCopy, 0.0, "shuffle gains over copying")
	assert.False(t, noise, "the gain over copy is outside the seeds' 95%% interval")
	assert.Greater(t, rec, eda, "shuffle gains more than eda")
	m := regexp.MustCompile(`(?m)^shuffle\s+(\d+)\s+([\d.]+)\s+[\d.]+\s+(\d+) \(` + `[\d.]+%\)\s+(\d+) \(`).FindStringSubmatch(out)
	require.NotNil(t, m)
	pres, _ := strconv.ParseFloat(m[2], 64)
	assert.GreaterOrEqual(t, pres, 0.98, "preservation")
	assert.Equal(t, "0", m[3], "variants whose numbers changed")
	assert.Equal(t, "0", m[4], "variants that lost a negation")
	assert.False(t, strings.Contains(out, "NaN"))
}

// The copy control has the recipe's k and (1+k) rows per row; the table
// names the gain that matters.
func TestEvalCopyControl(t *testing.T) {
	out, errs, code := runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", "../../testdata/eval/test.jsonl",
		"--per-class", "6", "--seeds", "1,2", "--compare", "none,copy", "--preset", "shuffle", "--preserve-rows", "8")
	require.Equal(t, exitOK, code, errs)
	assert.Regexp(t, `(?m)^none\s+-\s+24\s`, out)
	assert.Regexp(t, `(?m)^copy\s+16\s+408\s+[\d.]+ ± [\d.]+\s+[\d.]+ ± [\d.]+\s+[+-][\d.]+ ± [\d.]+`, out)
	assert.Regexp(t, `(?m)^shuffle\s+16\s+\d+\s+[\d.]+ ± [\d.]+\s+[\d.]+ ± [\d.]+\s+[+-][\d.]+ ± [\d.]+( ~)?\s+[+-][\d.]+ ± [\d.]+`, out)
	assert.Contains(t, out, "The gain that matters is over copy")
	assert.NotRegexp(t, `(?m)^copy\s+\d+\s+[\d.]+\s+[\d.]+\s+\d+ \(`, out, "no preservation row for copies")
}

// --model lr,cnn gives one table per model; --test-noise adds the noisy
// accuracy beside the clean one.
func TestEvalModelsAndNoise(t *testing.T) {
	out, errs, code := runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", "../../testdata/eval/test.jsonl",
		"--per-class", "6", "--seeds", "1,2", "--model", "lr,cnn", "--test-noise", "typo,case", "--preserve-rows", "8", "--c", "10", "--preset", "shuffle")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "and a CNN (words tokens, a fixed budget of updates whatever the rows)")
	assert.Contains(t, out, "noisy test set: typo,case")
	assert.Contains(t, out, "TF-IDF + logistic regression:\ntraining data")
	assert.Contains(t, out, "CNN (Kim 2014, fixed budget of updates):\ntraining data")
	assert.Equal(t, 2, strings.Count(out, "noisy acc. %"))
	assert.Regexp(t, `(?m)^shuffle\s+16\s+\d+\s+[\d.]+ ± [\d.]+\s+[\d.]+ ± [\d.]+\s+[+-][\d.]+ ± [\d.]+( ~)?\s+[+-][\d.]+ ± [\d.]+( ~)?\s+[+-][\d.]+ ± [\d.]+( ~)?\s+[\d.]+ ± [\d.]+\s+[+-][\d.]+`, out)
}

// TestEvalBalanceTakesASpacedNumber: eval reads `--balance N` as augment
// does (it used to take only --balance=N and stop at N as a stray
// argument).
func TestEvalBalanceTakesASpacedNumber(t *testing.T) {
	tr, te := "../../testdata/eval/train.jsonl", "../../testdata/eval/test.jsonl"
	out, errs, code := runEval(t, "--train", tr, "--test", te, "--seeds", "1", "--c", "10", "--compare", "none", "--preset", "intent", "--balance", "4")
	assert.Equal(t, exitOK, code, errs)
	// A balanced arm has no one k: the table says so instead of the recipe's.
	assert.Regexp(t, `(?m)^intent +balanced `, out)
}

// relabelled writes a copy of the fixture's test file into dir with the
// rows of label from relabelled to to (every row when from is "").
func relabelled(t *testing.T, dir, from, to string) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/eval/test.jsonl")
	require.NoError(t, err)
	var out []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if from == "" || strings.Contains(line, `"label": "`+from+`"`) {
			line = regexp.MustCompile(`"label": "[^"]*"`).ReplaceAllString(line, `"label": "`+to+`"`)
		}
		out = append(out, line)
	}
	path := filepath.Join(dir, "test.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(out, "\n")+"\n"), 0o644))
	return path
}

// A test label that no training row has is said once on stderr, with the
// rows it costs, and carried in the report; the run still scores.
func TestEvalSaysTestLabelsMissingFromTraining(t *testing.T) {
	dir := t.TempDir()
	test := relabelled(t, dir, "lost_card", "card_swallowed")
	out, errs, code := runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", test, "--per-class", "6", "--seeds", "1",
		"--compare", "none", "--report", filepath.Join(dir, "report"))
	require.Equal(t, exitOK, code, errs)
	const want = "textaug eval: warning: 1 of the 4 test labels never occurs in the training file (card_swallowed): their 6 test rows (25.00%) can never be predicted right, so no arm can score above 75.00% accuracy\n"
	assert.Equal(t, 1, strings.Count(errs, "warning:"), errs)
	assert.Contains(t, errs, want)
	assert.Contains(t, out, "label preservation")
	report, err := os.ReadFile(filepath.Join(dir, "report", "report.md"))
	require.NoError(t, err)
	assert.Contains(t, string(report), "- **warning**: 1 of the 4 test labels never occurs in the training file (card_swallowed)")

	// A subset smaller than the number of labels leaves labels out.
	_, errs, code = runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", "../../testdata/eval/test.jsonl", "--n", "2", "--seeds", "1,2", "--compare", "none")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, errs, "textaug eval: warning: the training subsets leave out 2 test labels that the training file has (")
	assert.Contains(t, errs, "(lost_card, transfer_missing; seed 1: 2, seed 2: 2): those test rows can never be predicted right in those seeds, so no arm can score above 50.00% accuracy in the worst seed\n")
}

// No test label in the training file: an error, exit 1, before any
// training.
func TestEvalRefusesTestLabelsAllUnknown(t *testing.T) {
	test := relabelled(t, t.TempDir(), "", "other_task")
	out, errs, code := runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", test, "--per-class", "6")
	assert.Equal(t, exitFail, code)
	assert.Empty(t, out)
	assert.Equal(t, "textaug eval: eval: none of the 1 test labels (other_task) occurs in the training file: no test row can be predicted right; check that both files label the same task (and --label)\n", errs)
}

// Settings of equal cross-validated accuracy are named, with the one kept
// and the rule; the report carries them too.
func TestEvalSaysWhichSettingsTied(t *testing.T) {
	dir := t.TempDir()
	out, errs, code := runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", "../../testdata/eval/test.jsonl", "--per-class", "6", "--seeds", "1",
		"--compare", "none", "--report", dir)
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "ties (on equal cross-validated accuracy the setting tried first is kept: features in the order unigrams, words, words+chars (at the first C), then C in the order 10, 1, 100):\n")
	assert.Regexp(t, `(?m)^  none, seed 1: C 10, unigrams kept; tied with C 10, words; .*\(100\.00% cross-validated accuracy\)$`, out)
	report, err := os.ReadFile(filepath.Join(dir, "report.md"))
	require.NoError(t, err)
	assert.Contains(t, string(report), "Ties (on equal cross-validated accuracy")
	assert.Contains(t, string(report), "- none, seed 1: C 10, unigrams kept; tied with C 10, words")

	// The strength search says its ties too.
	out, errs, code = runEval(t, "--train", "../../testdata/eval/train.jsonl", "--test", "../../testdata/eval/test.jsonl", "--per-class", "6", "--seeds", "1",
		"--compare", "none", "--c", "10", "--grid", "k=1,2")
	require.Equal(t, exitOK, code, errs)
	assert.Regexp(t, `(?m)^tie: \S.* tied with .*: the first listed is kept$`, out)
}

// unreadField writes a recipe file whose synonyms.senses no operation of
// its reads (it swaps and punctuates only).
func unreadField(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "swap.json")
	code, out, errs := runCLI(t, "", "presets", "shuffle")
	require.Equal(t, exitOK, code, errs)
	out = strings.Replace(out, `"base": "wordnet",`, `"base": "wordnet", "senses": 2,`, 1)
	require.Contains(t, out, `"senses": 2`)
	require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
	return path
}
