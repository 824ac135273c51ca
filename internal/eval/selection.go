package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// Candidate is one classifier setting that model selection may choose.
type Candidate struct {
	C        float64
	Analyzer Analyzer
}

// String is "C 10, words+chars".
func (c Candidate) String() string {
	return "C " + strconv.FormatFloat(c.C, 'g', -1, 64) + ", " + c.Analyzer.String()
}

// Selection chooses the classifier's features and C for each arm and
// seed by cross-validation inside the seed's training subset, in folds
// grouped by source row ([GroupedFolds]): a row's variants never train
// the fold that tests it, so an arm cannot win by recognising its own
// variants. The search is by coordinates: every analyzer at the first C,
// then the other Cs with the best analyzer; the best cross-validated
// accuracy wins, the earlier candidate on ties (list the simpler
// analyzers and the usual C first).
type Selection struct {
	Analyzers []Analyzer
	Cs        []float64
	// Folds is the number of folds, fewer when a label has fewer rows
	// in the subset; with fewer than 2 rows of some label no selection
	// is possible and the Experiment's Config is used.
	Folds int
}

// DefaultSelection is the search of --c auto: for English word
// 1-grams, 1–2-grams and 1–2-grams with character 2–4-grams within words;
// for Chinese ("zh") character 1–2- and 1–3-grams; C 10, 1 and 100; 3
// folds.
func DefaultSelection(lang string) Selection {
	s := Selection{Analyzers: []Analyzer{Unigrams, Words, WordsChars}, Cs: []float64{DefaultC, 1, 100}, Folds: 3}
	if lang == "zh" {
		s.Analyzers = []Analyzer{Chars2, Chars}
	}
	return s
}

// Describe is a phrase for the header of a report.
func (s Selection) Describe() string {
	as, cs := s.names()
	return fmt.Sprintf("features (%s) and C (%s) chosen per arm and seed by %d-fold cross-validation inside the training subset, grouped by source row",
		as, cs, s.Folds)
}

// names are the analyzers and the Cs, in order, comma-separated.
func (s Selection) names() (analyzers, cs string) {
	var as, c []string
	for _, a := range s.Analyzers {
		as = append(as, a.String())
	}
	for _, v := range s.Cs {
		c = append(c, strconv.FormatFloat(v, 'g', -1, 64))
	}
	return strings.Join(as, ", "), strings.Join(c, ", ")
}

// Fold is one fold of a cross-validation: what trains and what is held
// out.
type Fold struct {
	train             augmented
	heldOut, heldGold []string
}

// TrainTexts returns the texts the fold trains on: originals, then
// variants (each counted 1+k times for the copy control). The caller must
// not modify the slice.
func (f *Fold) TrainTexts() []string { return f.train.texts }

// HeldOut returns the original rows the fold tests on. The caller must
// not modify the slice.
func (f *Fold) HeldOut() []string { return f.heldOut }

// GroupedFolds splits the subset sub, whose row i has the variants
// vars[i] (nil: no variants), into k folds stratified by label and
// grouped by source row ([Folds] over the rows of sub, seeded): each fold
// holds out some original rows, and trains on the other rows followed by
// their variants; a held-out row's variants are in no training set of
// its fold. It returns nil when k < 2.
func GroupedFolds(sub []Example, vars [][]string, k, seed int) []Fold {
	return groupedFolds(sub, vars, 0, k, seed)
}

// groupedFolds is GroupedFolds whose training rows each stand for
// 1+copies rows (the copy control).
func groupedFolds(sub []Example, vars [][]string, copies, k, seed int) []Fold {
	if k < 2 {
		return nil
	}
	_, labels := Columns(sub)
	var out []Fold
	for _, held := range Folds(labels, k, seed) {
		in := make([]bool, len(sub))
		for _, j := range held {
			in[j] = true
		}
		f := Fold{train: augmented{copies: copies}}
		var vt, vl []string
		var vs []int
		for j, e := range sub {
			if in[j] {
				f.heldOut, f.heldGold = append(f.heldOut, e.Text), append(f.heldGold, e.Label)
				continue
			}
			src := len(f.train.texts)
			f.train.texts, f.train.labels = append(f.train.texts, e.Text), append(f.train.labels, e.Label)
			if vars != nil {
				for _, v := range vars[j] {
					vt, vl, vs = append(vt, v), append(vl, e.Label), append(vs, src)
				}
			}
		}
		f.train.texts, f.train.labels = append(f.train.texts, vt...), append(f.train.labels, vl...)
		f.train.sources = vs
		out = append(out, f)
	}
	return out
}

// cvScore is the mean held-out accuracy of cfg over the folds.
func (x *Experiment) cvScore(folds []Fold, cfg Config) (float64, error) {
	sum := 0.0
	for i := range folds {
		c, err := x.train(folds[i].train, cfg)
		if err != nil {
			return 0, fmt.Errorf("fold %d: %w", i+1, err)
		}
		sum += Accuracy(folds[i].heldGold, c.Predict(folds[i].heldOut))
	}
	return sum / float64(len(folds)), nil
}

// choice is the outcome of a selection: the configuration (base with C
// and Analyzer set), the candidate chosen and its cross-validated
// accuracy, and the candidates that scored exactly as well (ties, in
// search order); selected is false when the subset was too small to
// cross-validate.
type choice struct {
	cfg      Config
	chosen   Candidate
	acc      float64
	ties     []Candidate
	selected bool
}

// choose runs the selection on one arm's subset and variants. On ties the
// earlier candidate in search order is kept.
func (x *Experiment) choose(sub []Example, vars [][]string, copies, seed int, base Config) (choice, error) {
	s := x.Select
	ch := choice{cfg: base, acc: -1}
	folds := groupedFolds(sub, vars, copies, min(s.Folds, smallestLabel(sub)), seed)
	if folds == nil || len(s.Analyzers) == 0 || len(s.Cs) == 0 {
		return ch, nil
	}
	var tried []Candidate
	var accs []float64
	try := func(c Candidate) error {
		cfg := base
		cfg.C, cfg.Analyzer = c.C, c.Analyzer
		acc, err := x.cvScore(folds, cfg)
		tried, accs = append(tried, c), append(accs, acc)
		if err == nil && acc > ch.acc {
			ch.chosen, ch.acc = c, acc
		}
		return err
	}
	for _, a := range s.Analyzers {
		if err := try(Candidate{C: s.Cs[0], Analyzer: a}); err != nil {
			return ch, err
		}
	}
	for _, c := range s.Cs[1:] {
		if err := try(Candidate{C: c, Analyzer: ch.chosen.Analyzer}); err != nil {
			return ch, err
		}
	}
	for i, c := range tried {
		if accs[i] == ch.acc && c != ch.chosen {
			ch.ties = append(ch.ties, c)
		}
	}
	ch.cfg.C, ch.cfg.Analyzer = ch.chosen.C, ch.chosen.Analyzer
	ch.selected = true
	return ch, nil
}

// TieRule says which setting the selection keeps on ties.
func (s Selection) TieRule() string {
	as, cs := s.names()
	return fmt.Sprintf("on equal cross-validated accuracy the setting tried first is kept: features in the order %s (at the first C), then C in the order %s", as, cs)
}
