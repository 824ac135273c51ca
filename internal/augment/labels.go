package augment

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"

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
	// Filter trains the consistency filter; it holds at most
	// Filter.MaxPerLabel rows of each label in memory to train on.
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
	p := newPass(opt)
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
		if err := p.add(rec.Text, rec.Label); err != nil {
			return nil, fmt.Errorf("augment: corpus pass: row %d: %w", rec.Row, err)
		}
	}
	return p.finish()
}

// LearnRows is CorpusPass over rows held in memory (texts and their
// labels): eval learns the statistics of each training set this way.
func LearnRows(texts, labels []string, opt PassOptions) (*Labels, error) {
	p := newPass(opt)
	for i, t := range texts {
		if err := p.add(t, labels[i]); err != nil {
			return nil, fmt.Errorf("augment: learning from rows: row %d: %w", i+1, err)
		}
	}
	return p.finish()
}

// pass is the state of a corpus pass.
type pass struct {
	opt   PassOptions
	l     *Labels
	in    BalanceInput
	train map[string]*rowHeap // the filter's training rows of each label
}

func newPass(opt PassOptions) *pass {
	return &pass{opt: opt, l: &Labels{}, in: BalanceInput{Seed: opt.Seed}}
}

func (p *pass) add(text, label string) error {
	if p.opt.Stats != nil {
		if err := p.opt.Stats.Add(text, label); err != nil {
			return err
		}
	}
	if label == "" {
		p.l.Unlabelled++
		return nil
	}
	p.in.Add(text, label)
	if p.opt.Filter != nil {
		p.keepForFilter(text, label)
	}
	return nil
}

// keepForFilter keeps text among the filter's training rows of label: all
// of them, or the Filter.MaxPerLabel of smallest RowHash.
func (p *pass) keepForFilter(text, label string) {
	if p.train == nil {
		p.train = map[string]*rowHeap{}
	}
	h := p.train[label]
	if h == nil {
		h = &rowHeap{}
		p.train[label] = h
	}
	r := hashedRow{hash: RowHash(p.opt.Seed, text), text: text}
	limit := p.opt.Filter.maxPerLabel()
	switch {
	case limit == 0 || h.Len() < limit:
		heap.Push(h, r)
	case r.less((*h)[0]):
		(*h)[0] = r
		heap.Fix(h, 0)
	}
}

// filterRows returns the kept rows, by label and then by hash, so that
// the models do not depend on input order.
func (p *pass) filterRows() (texts, labels []string) {
	names := slices.Sorted(maps.Keys(p.train))
	for _, l := range names {
		rows := slices.Clone(*p.train[l])
		slices.SortFunc(rows, func(a, b hashedRow) int {
			if a.less(b) {
				return -1
			}
			if b.less(a) {
				return 1
			}
			return 0
		})
		for _, r := range rows {
			texts, labels = append(texts, r.text), append(labels, l)
		}
	}
	return texts, labels
}

// hashedRow is a text and its RowHash.
type hashedRow struct {
	hash uint64
	text string
}

func (a hashedRow) less(b hashedRow) bool {
	return a.hash < b.hash || a.hash == b.hash && a.text < b.text
}

// rowHeap is a max-heap of rows by (hash, text): its top is the row to
// drop first.
type rowHeap []hashedRow

func (h rowHeap) Len() int           { return len(h) }
func (h rowHeap) Less(i, j int) bool { return h[j].less(h[i]) }
func (h rowHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rowHeap) Push(x any)        { *h = append(*h, x.(hashedRow)) }
func (h *rowHeap) Pop() any {
	old := *h
	r := old[len(old)-1]
	*h = old[:len(old)-1]
	return r
}

func (p *pass) finish() (*Labels, error) {
	if p.opt.Stats != nil {
		p.l.Stats = p.opt.Stats.Stats()
	}
	if p.opt.Balance != nil {
		plan := p.opt.Balance.Plan(&p.in)
		p.l.Plan = &plan
	}
	if p.opt.Filter != nil {
		texts, labels := p.filterRows()
		cf, err := p.opt.Filter.Fit(p.opt.Seed, texts, labels)
		if err != nil {
			return nil, err
		}
		p.l.Filter = cf
	}
	return p.l, nil
}
