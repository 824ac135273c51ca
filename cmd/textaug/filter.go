package main

import (
	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/eval"
	"github.com/textaug/textaug/tokenize"
)

// filterTrainer is the consistency filter's classifier: internal/eval's
// logistic regression (C = 10), on word 1-2-grams, or on character 1-3-grams
// when most training texts are Chinese (words are not spaced there).
// internal/augment cannot import internal/eval, which sits above it; the
// command line wires the two.
func filterTrainer(texts, labels []string) (augment.Predictor, error) {
	zh := 0
	for _, t := range texts {
		if tokenize.Language(t) == "zh" {
			zh++
		}
	}
	cfg := eval.Config{}
	if 2*zh > len(texts) {
		cfg.Analyzer = eval.Chars
	}
	return eval.Train(texts, labels, nil, cfg)
}
