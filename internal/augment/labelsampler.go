package augment

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
)

// LabelSamplers turns a run's Sampler into the Sampler of one record's
// label: the label's word augmenter (its anchors and entities protected,
// label-swap bound to it), the record's k under a balancing plan, and the
// consistency filter's check. Augmenters never see labels; this is where
// the engine picks by label. Safe for concurrent use.
type LabelSamplers struct {
	Words  *recipe.LabelWords
	Labels *Labels
	// Tally, if set, counts the rows and variants of Rows by label.
	Tally *LabelTally
}

// For returns smp set up for a record with key (its text) and label. mix
// composes a word augmenter with the run's other augmenters
// (back-translation); nil words means the recipe has no word operations.
func (ls *LabelSamplers) For(smp textaug.Sampler, key, label string, mix func(words textaug.Augmenter) textaug.Augmenter) (textaug.Sampler, error) {
	words, err := ls.Words.For(label)
	if err != nil {
		return smp, err
	}
	smp.Aug = mix(words)
	l := ls.Labels
	if l == nil {
		return smp, nil
	}
	if l.Plan != nil {
		smp.K = l.Plan.K(key, label)
	}
	if l.Filter != nil && label != "" {
		smp.Accept = both(smp.Accept, l.Filter.Accept(label))
	}
	return smp, nil
}

// both is the check that a and b (either may be nil) both pass, a first.
func both(a, b func(original, variant string) bool) func(original, variant string) bool {
	if a == nil {
		return b
	}
	return func(o, v string) bool { return a(o, v) && b(o, v) }
}

// WithLabels returns an engine that shares e's augmenters and, in Rows,
// gives each record its label's Sampler from ls (see LabelSamplers.For):
// the label's anchors and entities protected, label-swap bound to the
// label, the balancing plan's k and the consistency filter. ls.Words must
// be the LabelWords of e's recipe. Sample (texts without labels) is not
// affected.
func (e *Engine) WithLabels(ls *LabelSamplers) *Engine {
	c := *e
	c.labels = ls
	return &c
}

// SampleLabelled returns the Result of one text of label, with label's
// Sampler when the engine has labels (see WithLabels): what explain shows.
func (e *Engine) SampleLabelled(ctx context.Context, text, label string) (textaug.Result, error) {
	failed, err := e.prefetch(ctx, []string{text})
	if err != nil {
		return textaug.Result{}, fmt.Errorf("augment: %w", err)
	}
	smp := e.smp
	smp.Aug = e.mix(failed)
	if e.labels != nil {
		mix := func(w textaug.Augmenter) textaug.Augmenter { return e.mixWords(w, failed) }
		if smp, err = e.labels.For(smp, text, label, mix); err != nil {
			return textaug.Result{}, fmt.Errorf("augment: %w", err)
		}
	}
	return smp.Sample(ctx, "", text)
}
