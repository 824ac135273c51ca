//go:build ignore

// Command operations writes the evidence of docs/operations.md: seeded
// before/after samples of each new operation and their label preservation
// on the shared English sets. Run from the repository root, with the
// shared data at ../shared/data:
//
//	go run docs/evidence/operations.go > /tmp/operations-evidence.md
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
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

type split struct{ texts, labels []string }

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
	name string
	edit textaug.Edit
}

func ops() []op {
	finance := textaug.NumberSwap{Kinds: []tokenize.Kind{tokenize.Number, tokenize.Money, tokenize.Date, tokenize.Identifier}}
	return []op{
		{"typo", textaug.Typo{}},
		{"contraction", textaug.Contraction{}},
		{"entity-swap", textaug.EntitySwap{}},
		{"number-swap", finance},
		{"typo+contraction (chain)", textaug.Chain{textaug.Contraction{}, textaug.Typo{}}},
		{"swap (reference)", textaug.RandomSwap{Rate: 0.1}},
		{"delete (reference)", textaug.RandomDelete{Rate: 0.1}},
	}
}

const k = 4

func main() {
	ctx := context.Background()
	for _, ds := range []string{"banking77", "financial_phrasebank_allagree"} {
		if err := dataset(ctx, ds); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

func dataset(ctx context.Context, ds string) error {
	train, err := read(ds, "train")
	if err != nil {
		return err
	}
	test, err := read(ds, "test")
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
		smp := textaug.Sampler{Aug: textaug.Tokens{Tokenizer: tokenize.English{}, Edit: o.edit}, K: k, Seed: 1}
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
				firsts = append(firsts, fmt.Sprintf("- `%s`\n  → `%s`", s, res.Variants[0].Text))
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
		r := rand.New(rand.NewPCG(1, 0)) // ten rows drawn with a fixed seed
		for _, i := range r.Perm(len(firsts))[:min(10, len(firsts))] {
			samples[o.name] = append(samples[o.name], firsts[i])
		}
		acc, accC := eval.Accuracy(vl, clf.Predict(vt)), eval.Accuracy(vl, chars.Predict(vt))
		fmt.Printf("| %s | %d | %d | %.3f | %.3f | %.1f%% | %.1f%% |\n", o.name, len(vt), missing, acc/accOrig, accC/accOrigC,
			100*float64(figs)/float64(max(len(vt), 1)), 100*float64(negs)/float64(max(len(vt), 1)))
	}
	fmt.Printf("\n### %s: seeded samples (ten rows drawn with seed 1, their first variant)\n\n", ds)
	for _, o := range ops()[:4] {
		fmt.Printf("**%s**\n\n%s\n\n", o.name, strings.Join(samples[o.name], "\n"))
	}
	return nil
}
