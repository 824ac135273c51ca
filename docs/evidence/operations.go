//go:build ignore

// Command operations writes the evidence of docs/operations.md: seeded
// before/after samples of each new operation and their label preservation
// on the shared English sets. Run from the repository root, with the
// shared data at ../shared/data:
//
//	go run docs/evidence/operations.go > /tmp/operations-evidence.md
//
// (-robustness=false leaves out the slower trainings on subsets).
//
// Label preservation follows `textaug eval`: a classifier (TF-IDF + logistic
// regression, internal/eval's defaults) trained on the whole training file
// labels the variants of 1,000 stratified test rows (lrs-v1, seed 0); the
// preservation is its accuracy on the variants over its accuracy on those
// rows themselves. Two judges: word n-grams (what textaug eval uses) and
// character n-grams, which can still read a mistyped word. swap and delete
// (EDA, alpha 0.1) are the reference rows.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

type split struct{ texts, labels []string }

// readBoth reads the train and test files of dataset.
func readBoth(dataset string) (train, test split, err error) {
	if train, err = read(dataset, "train"); err != nil {
		return train, test, err
	}
	test, err = read(dataset, "test")
	return train, test, err
}

func read(dataset, name string) (split, error) {
	f, err := os.Open(filepath.Join("..", "shared", "data", dataset, name+".jsonl"))
	if err != nil {
		return split{}, err
	}
	defer f.Close()
	var s split
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var row struct{ Text, Label string }
		if err := json.Unmarshal(sc.Bytes(), &row); err != nil {
			return s, err
		}
		s.texts, s.labels = append(s.texts, row.Text), append(s.labels, row.Label)
	}
	return s, sc.Err()
}

type op struct {
	name  string
	ops   []string
	chain bool
}

// ops are built by internal/recipe, as --ops builds them: typo refuses
// typos that make a WordNet word, number-swap keeps percents.
func ops() []op {
	return []op{
		{"typo", []string{"typo"}, false},
		{"contraction", []string{"contraction"}, false},
		{"entity-swap", []string{"entity-swap"}, false},
		{"number-swap", []string{"number-swap"}, false},
		{"typo+contraction (chain)", []string{"contraction", "typo"}, true},
		{"swap (reference)", []string{"swap"}, false},
		{"delete (reference)", []string{"delete"}, false},
	}
}

func augmenter(o op) (textaug.Augmenter, error) {
	r := recipe.Recipe{Name: o.name, K: k, Alpha: 0.1, Ops: o.ops, Chain: o.chain, Lang: "en",
		Synonyms: recipe.Synonyms{Base: "none", Guard: "off"}}
	if err := r.Validate(); err != nil {
		return nil, err
	}
	aug, _, err := r.WordsAndLLM()
	return aug, err
}

const k = 4

func main() {
	robust := flag.Bool("robustness", true, "also train on subsets and score on a clean and a mistyped test file")
	flag.Parse()
	ctx := context.Background()
	for _, ds := range []string{"banking77", "financial_phrasebank_allagree"} {
		if err := dataset(ctx, ds); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	for _, ds := range []string{"banking77", "financial_phrasebank_allagree"} {
		if !*robust {
			break
		}
		if err := robustness(ctx, ds); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

// robustness trains on low-resource subsets (lrs-v1: banking77 10 per
// label, financial_phrasebank_allagree 500 rows; seeds 1-3) with and
// without augmentation, k 16, and scores on the clean test file and on a
// mistyped copy of it (typo at rate 0.2, its own seed): does typo noise in
// training buy robustness to typos at test time?
func robustness(ctx context.Context, ds string) error {
	train, test, err := readBoth(ds)
	if err != nil {
		return err
	}
	noisy, err := mistype(ctx, test.texts)
	if err != nil {
		return err
	}
	for _, cfg := range []eval.Config{{}, {Analyzer: eval.Chars}} {
		name := "word 1-2-grams"
		if cfg.Analyzer == eval.Chars {
			name = "character n-grams"
		}
		fmt.Printf("## %s: clean and mistyped test, %s (k=16, seeds 1-3)\n\n", ds, name)
		fmt.Println("| training data | accuracy, clean test % | accuracy, mistyped test % | drop |")
		fmt.Println("|---|---|---|---|")
		if err := robustnessRows(ctx, ds, train, test, noisy, cfg); err != nil {
			return err
		}
		fmt.Println()
	}
	return nil
}

func robustnessRows(ctx context.Context, ds string, train, test split, noisy []string, cfg eval.Config) error {
	arms := []struct {
		name string
		ops  []string
	}{{"none", nil}, {"copy control (each row 17 times)", []string{"copy"}}, {"typo", []string{"typo"}}, {"recommended (swap, punct)", []string{"swap", "punct"}}, {"recommended + typo", []string{"swap", "punct", "typo"}}}
	for _, a := range arms {
		var clean, mist []float64
		for seed := 1; seed <= 3; seed++ {
			var idx []int
			if ds == "banking77" {
				idx = eval.LRS(train.texts, train.labels, 10, seed)
			} else {
				idx = eval.LRSTotal(train.texts, train.labels, 500, seed)
			}
			texts, labels, err := augmented(ctx, train, idx, a.ops, uint64(seed))
			if err != nil {
				return err
			}
			clf, err := eval.Train(texts, labels, nil, cfg)
			if err != nil {
				return err
			}
			clean = append(clean, 100*eval.Accuracy(test.labels, clf.Predict(test.texts)))
			mist = append(mist, 100*eval.Accuracy(test.labels, clf.Predict(noisy)))
		}
		mc, sc := eval.MeanStd(clean)
		mn, sn := eval.MeanStd(mist)
		fmt.Printf("| %s | %.2f ± %.2f | %.2f ± %.2f | %.2f |\n", a.name, mc, sc, mn, sn, mc-mn)
	}
	return nil
}

// mistype gives every text one typo variant (rate 0.2), or the text when
// it has none.
func mistype(ctx context.Context, texts []string) ([]string, error) {
	r := recipe.Recipe{Name: "noise", K: 1, Alpha: 0.1, Ops: []string{"typo"}, Lang: "en", Rates: map[string]float64{"typo": 0.2},
		Synonyms: recipe.Synonyms{Base: "none", Guard: "off"}}
	aug, err := r.Words()
	if err != nil {
		return nil, err
	}
	smp := textaug.Sampler{Aug: aug, K: 1, Seed: 99}
	out := make([]string, len(texts))
	for i, s := range texts {
		res, err := smp.Sample(ctx, "", s)
		if err != nil {
			return nil, err
		}
		out[i] = s
		if len(res.Variants) > 0 {
			out[i] = res.Variants[0].Text
		}
	}
	return out, nil
}

// augmented returns the rows idx of train and, with ops, 16 variants of
// each (alpha 0.2, one operation per variant); ops "copy" repeats each
// row 17 times instead, the control that gives augmentation's weight
// without its content.
func augmented(ctx context.Context, train split, idx []int, ops []string, seed uint64) ([]string, []string, error) {
	var texts, labels []string
	var smp textaug.Sampler
	if len(ops) == 1 && ops[0] == "copy" {
		for _, i := range idx {
			for range 17 {
				texts, labels = append(texts, train.texts[i]), append(labels, train.labels[i])
			}
		}
		return texts, labels, nil
	}
	if ops != nil {
		r := recipe.Recipe{Name: "arm", K: 16, Alpha: 0.2, Ops: ops, Lang: "en", Synonyms: recipe.Synonyms{Base: "none", Guard: "off"}}
		aug, err := r.Words()
		if err != nil {
			return nil, nil, err
		}
		smp = textaug.Sampler{Aug: aug, K: 16, Seed: seed}
	}
	for _, i := range idx {
		texts, labels = append(texts, train.texts[i]), append(labels, train.labels[i])
		if ops == nil {
			continue
		}
		res, err := smp.Sample(ctx, "", train.texts[i])
		if err != nil {
			return nil, nil, err
		}
		for _, v := range res.Variants {
			texts, labels = append(texts, v.Text), append(labels, train.labels[i])
		}
	}
	return texts, labels, nil
}

func dataset(ctx context.Context, ds string) error {
	train, test, err := readBoth(ds)
	if err != nil {
		return err
	}
	idx := eval.LRSTotal(test.texts, test.labels, 1000, 0)
	var texts, labels []string
	for _, i := range idx {
		texts, labels = append(texts, test.texts[i]), append(labels, test.labels[i])
	}
	clf, err := eval.Train(train.texts, train.labels, nil, eval.Config{})
	if err != nil {
		return err
	}
	chars, err := eval.Train(train.texts, train.labels, nil, eval.Config{Analyzer: eval.Chars})
	if err != nil {
		return err
	}
	accOrig, accOrigC := eval.Accuracy(labels, clf.Predict(texts)), eval.Accuracy(labels, chars.Predict(texts))
	fmt.Printf("## %s: label preservation (%d test rows, k=%d, seed 1)\n\n", ds, len(texts), k)
	fmt.Printf("judges' accuracy on the rows themselves: words %.4f, character n-grams %.4f\n\n", accOrig, accOrigC)
	fmt.Println("| operation | variants | missing | preservation (words) | preservation (chars) | figures changed | negations lost |")
	fmt.Println("|---|---|---|---|---|---|---|")
	samples := map[string][]string{}
	for _, o := range ops() {
		aug, err := augmenter(o)
		if err != nil {
			return err
		}
		smp := textaug.Sampler{Aug: aug, K: k, Seed: 1}
		var vt, vl []string
		missing, figs, negs := 0, 0, 0
		var firsts []string // the first variant of each row that has one
		for r, s := range texts {
			res, err := smp.Sample(ctx, "", s)
			if err != nil {
				return err
			}
			missing += res.Shortfall
			if len(res.Variants) > 0 {
				firsts = append(firsts, fmt.Sprintf("%s\n→ %s", s, res.Variants[0].Text))
			}
			for _, v := range res.Variants {
				vt, vl = append(vt, v.Text), append(vl, labels[r])
				switch textaug.Check(s, v.Text) {
				case textaug.ErrFigureChanged:
					figs++
				case textaug.ErrNegationLost:
					negs++
				}
			}
		}
		r := rand.New(rand.NewPCG(1, 0)) // twenty rows drawn with a fixed seed
		for _, i := range r.Perm(len(firsts))[:min(20, len(firsts))] {
			samples[o.name] = append(samples[o.name], firsts[i])
		}
		acc, accC := eval.Accuracy(vl, clf.Predict(vt)), eval.Accuracy(vl, chars.Predict(vt))
		fmt.Printf("| %s | %d | %d | %.3f | %.3f | %.1f%% | %.1f%% |\n", o.name, len(vt), missing, acc/accOrig, accC/accOrigC,
			100*float64(figs)/float64(max(len(vt), 1)), 100*float64(negs)/float64(max(len(vt), 1)))
	}
	fmt.Printf("\n### %s: seeded samples (twenty rows drawn with seed 1, their first variant)\n\n", ds)
	for _, o := range ops()[:4] {
		fmt.Printf("**%s**\n\n```text\n%s\n```\n\n", o.name, strings.Join(samples[o.name], "\n\n"))
	}
	return nil
}
