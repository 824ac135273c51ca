package augment

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/textaug"
)

// PassOptions says what the corpus pass collects. A nil field collects
// nothing for it.
type PassOptions struct {
	// Stats builds the corpus statistics (anchors, entities, label-swap
	// contexts); nil when they come from a file (Labels.Stats set by the
	// caller) or are not wanted.
	Stats *textaug.StatsBuilder
	// Balance plans per-row k (class balancing).
	Balance *Balance
	// Filter trains the consistency filter; it holds the texts and labels
	// of the corpus in memory to train on.
	Filter *Filter
	// Seed orders the rows for Balance and the filter's folds.
	Seed uint64
}

// Labels is what the corpus pass learned, for an Engine.
type Labels struct {
	Stats  *textaug.CorpusStats // nil: no statistics
	Plan   *BalancePlan         // nil: every row gets the recipe's k
	Filter *CrossFit            // nil: no filter
	// Unlabelled counts the rows without a label: the statistics give them
	// entities only, balancing gives them k 0 (they are written as they
	// are), and the filter does not judge them.
	Unlabelled int
}

// CorpusPass reads every record of r once and returns what opt asks for.
// Bad rows are skipped (the augmenting pass reports them); any other error
// ends the pass. It holds the corpus in memory only for the filter.
func CorpusPass(ctx context.Context, r *corpus.Reader, opt PassOptions) (*Labels, error) {
	l := &Labels{}
	in := BalanceInput{Seed: opt.Seed}
	var texts, labels []string
	for n := 0; ; n++ {
		if n%1024 == 1023 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		var re *corpus.RowError
		if errors.As(err, &re) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("augment: corpus pass: %w", err)
		}
		if opt.Stats != nil {
			if err := opt.Stats.Add(rec.Text, rec.Label); err != nil {
				return nil, fmt.Errorf("augment: corpus pass: row %d: %w", rec.Row, err)
			}
		}
		if rec.Label == "" {
			l.Unlabelled++
			continue
		}
		in.Add(rec.Text, rec.Label)
		if opt.Filter != nil {
			texts, labels = append(texts, rec.Text), append(labels, rec.Label)
		}
	}
	if opt.Stats != nil {
		l.Stats = opt.Stats.Stats()
	}
	if opt.Balance != nil {
		p := opt.Balance.Plan(&in)
		l.Plan = &p
	}
	if opt.Filter != nil {
		cf, err := opt.Filter.Fit(opt.Seed, texts, labels)
		if err != nil {
			return nil, err
		}
		l.Filter = cf
	}
	return l, nil
}
