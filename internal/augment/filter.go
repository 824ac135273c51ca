package augment

import (
	"fmt"
	"slices"
	"sync/atomic"
)

// Predictor gives each text its most probable label.
type Predictor interface {
	Predict(texts []string) []string
}

// Trainer trains a Predictor on texts and their labels. It must be
// deterministic (the same rows give the same predictions) and should
// tokenize English and Chinese alike; the command line passes internal/eval's
// logistic regression, which this package cannot import (eval sits above
// it).
type Trainer func(texts, labels []string) (Predictor, error)

// DefaultFolds is the number of folds of the consistency filter.
const DefaultFolds = 5

// DefaultFilterRows is how many rows of each label the consistency filter
// trains on at most: the rows of smallest RowHash, so that the choice does
// not depend on input order and memory stays flat however large the
// corpus. 500 rows a label is more than the shared sets' small classes
// have and enough for a linear model to say whether a variant still looks
// like its label.
const DefaultFilterRows = 500

// Filter is the consistency filter: it keeps a variant only if a model
// that never saw its source row gives it the source row's label (top-1),
// whenever that model gives the source row itself its label. A source row
// the model gets wrong cannot tell drift from the model's own error: its
// variants are kept and counted as unchecked. (Judging them too rejected
// 77% of the intent preset's variants on banking77 with 10 rows per label,
// where a held-out model is right on about two rows in three, and cost
// 3.8 points of accuracy.)
//
// The corpus is cut into Folds folds by RowHash of each row's text (rows
// of equal text share a fold, so a duplicate never vouches for itself),
// and one model is trained on the rows outside each fold (cross-fitting).
// A variant of a row in fold f is judged by model f. A variant whose label
// model f never saw (a label with all its rows in fold f) is kept and
// counted as unchecked too: there is nothing to judge it by.
//
// Judging is a pure function of the variant, its source and the trained
// models, so output does not depend on the worker count.
type Filter struct {
	Folds int // 0 means DefaultFolds
	// MaxPerLabel caps the rows of each label the models train on (the
	// corpus pass keeps those of smallest RowHash); 0 means
	// DefaultFilterRows, a negative value no cap. Every row's variants are
	// still judged, by the model of the row's fold.
	MaxPerLabel int
	Train       Trainer
}

// maxPerLabel is MaxPerLabel with its default; 0 means no cap.
func (f Filter) maxPerLabel() int {
	switch {
	case f.MaxPerLabel == 0:
		return DefaultFilterRows
	case f.MaxPerLabel < 0:
		return 0
	}
	return f.MaxPerLabel
}

// CrossFit is a trained Filter. Accept and the counters are safe for
// concurrent use.
type CrossFit struct {
	seed   uint64
	models []Predictor
	known  []map[string]bool // labels each model was trained on
	counts map[string]*filterCount
}

type filterCount struct{ checked, rejected, unchecked atomic.Int64 }

// FilterCounts are the filter's counts for one label.
type FilterCounts struct {
	Checked, Rejected, Unchecked int
}

// Fit trains the models on the corpus (texts and labels, in any order).
// The error is the Trainer's, or says that there are fewer than two rows.
func (f Filter) Fit(seed uint64, texts, labels []string) (*CrossFit, error) {
	k := f.Folds
	if k <= 0 {
		k = DefaultFolds
	}
	if len(texts) < 2 || len(texts) != len(labels) {
		return nil, fmt.Errorf("augment: filter: needs at least two labelled rows, got %d", len(texts))
	}
	c := &CrossFit{seed: seed, counts: map[string]*filterCount{}}
	for _, l := range labels {
		if c.counts[l] == nil {
			c.counts[l] = &filterCount{}
		}
	}
	for fold := range k {
		var tt, tl []string
		known := map[string]bool{}
		for i, t := range texts {
			if int(RowHash(seed, t)%uint64(k)) != fold {
				tt, tl = append(tt, t), append(tl, labels[i])
				known[labels[i]] = true
			}
		}
		var m Predictor
		if len(tt) > 0 {
			var err error
			if m, err = f.Train(tt, tl); err != nil {
				return nil, fmt.Errorf("augment: filter: fold %d of %d: %w", fold+1, k, err)
			}
		}
		c.models = append(c.models, m)
		c.known = append(c.known, known)
	}
	return c, nil
}

// Accept returns the check of the variants of label's rows, for
// textaug.Sampler.Accept.
func (c *CrossFit) Accept(label string) func(original, variant string) bool {
	cnt := c.counts[label]
	if cnt == nil {
		cnt = &filterCount{} // a label the corpus did not have: unchecked
	}
	return func(original, variant string) bool {
		f := int(RowHash(c.seed, original) % uint64(len(c.models)))
		if c.models[f] == nil || !c.known[f][label] {
			cnt.unchecked.Add(1)
			return true
		}
		p := c.models[f].Predict([]string{original, variant})
		if p[0] != label {
			cnt.unchecked.Add(1) // the model cannot tell the source's label
			return true
		}
		cnt.checked.Add(1)
		if p[1] != label {
			cnt.rejected.Add(1)
			return false
		}
		return true
	}
}

// Counts returns the counts so far, by label, and the labels sorted.
func (c *CrossFit) Counts() (map[string]FilterCounts, []string) {
	out := make(map[string]FilterCounts, len(c.counts))
	var labels []string
	for l, n := range c.counts {
		out[l] = FilterCounts{Checked: int(n.checked.Load()), Rejected: int(n.rejected.Load()), Unchecked: int(n.unchecked.Load())}
		labels = append(labels, l)
	}
	slices.Sort(labels)
	return out, labels
}
