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
	// Examples keeps this many texts of each label (those of smallest
	// RowHash, whatever the input order) for generate's prompt; 0 none.
	Examples int
	// Seed orders the rows for Balance and the filter's folds.
	Seed uint64
}

// Labels is what the corpus pass learned, for an Engine.
type Labels struct {
	Stats  *textaug.CorpusStats // nil: no statistics
	Plan   *BalancePlan         // nil: every row gets the recipe's k
	Filter *CrossFit            // nil: no filter
	// Examples are a few texts of each label (PassOptions.Examples), in
	// RowHash order: what generate shows the model of a label.
	Examples map[string][]string
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
	ex    map[string]*rowHeap // generate's examples of each label
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
		keepSmallest(&p.train, text, label, p.opt.Seed, p.opt.Filter.maxPerLabel())
	}
	if p.opt.Examples > 0 {
		keepSmallest(&p.ex, text, label, p.opt.Seed, p.opt.Examples)
	}
	return nil
}

// keepSmallest keeps text among the rows of label in *by: all of them
// when limit is 0, else the limit rows of smallest RowHash.
func keepSmallest(by *map[string]*rowHeap, text, label string, seed uint64, limit int) {
	if *by == nil {
		*by = map[string]*rowHeap{}
	}
	h := (*by)[label]
	if h == nil {
		h = &rowHeap{}
		(*by)[label] = h
	}
	r := hashedRow{hash: RowHash(seed, text), text: text}
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
	for _, l := range slices.Sorted(maps.Keys(p.train)) {
		for _, t := range p.train[l].sorted() {
			texts, labels = append(texts, t), append(labels, l)
		}
	}
	return texts, labels
}

// sorted returns the texts of h by (hash, text).
func (h rowHeap) sorted() []string {
	rows := slices.Clone(h)
	slices.SortFunc(rows, func(a, b hashedRow) int {
		if a.less(b) {
			return -1
		}
		if b.less(a) {
			return 1
		}
		return 0
	})
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.text
	}
	return out
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
	if p.opt.Examples > 0 {
		p.l.Examples = map[string][]string{}
		for l, h := range p.ex {
			p.l.Examples[l] = h.sorted()
		}
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
