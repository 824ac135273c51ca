package augment

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/textaug/textaug/backtranslate"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/textaug"
)

// Item is one input row for Rows: a record read, or the error of a row the
// reader rejected.
type Item struct {
	Rec *corpus.Record
	Bad *corpus.RowError // set instead of Rec for a bad row
}

// Output says how Rows encodes its rows. The zero Output encodes nothing
// and stops at the first bad row.
type Output struct {
	// Writer encodes each row (only its AppendRow is used, which is safe
	// for concurrent use); nil encodes nothing.
	Writer *corpus.Writer
	// NoOriginal leaves the input rows out, writing only their variants.
	NoOriginal bool
	// Provenance appends the values of ProvenanceColumns to each row; the
	// Writer must have been made with them as its Extra.
	Provenance bool
	// Skip goes on after a bad row (it is returned in its Row.Bad);
	// otherwise Rows ends with it as its error.
	Skip bool
	// Name is the input, as named in the errors of rows that cannot be
	// augmented.
	Name string
}

// ProvenanceColumns are the names of the columns (members) that
// Output.Provenance adds: the input row's number, the variant's number (0
// for the original) and its operations joined by "+".
func ProvenanceColumns() []string { return []string{"source_row", "variant", "ops"} }

// ProvenanceNumbers are the provenance columns whose values are integers,
// written as JSON numbers in JSONL (corpus.WriterOptions.Numeric).
func ProvenanceNumbers() []string { return []string{"source_row", "variant"} }

// WithOutput returns an engine that shares e's augmenters and encodes the
// rows of Rows as out says.
func (e *Engine) WithOutput(out Output) *Engine {
	c := *e
	c.out = out
	return &c
}

// Row is what Rows made of one Item.
type Row struct {
	Item
	Result textaug.Result
	// Out holds the encoded rows, the original (unless NoOriginal) and its
	// variants, each with its line end; nil for a bad row.
	Out []byte
}

// Batch is what Rows made of its items, in their order.
type Batch struct {
	Rows  []Row
	Stats Stats
}

// Stats are the counts of a run; they add up: Rows == Written + Rejected.
type Stats struct {
	Rows, Written, Rejected int
	Variants                int
	Short, Missing          int // rows with a shortfall, and the variants they lack
	// NoBacktranslation counts the rows whose translations failed;
	// FirstNoBacktranslation names the first, located, with the reason.
	NoBacktranslation      int
	FirstNoBacktranslation string
	// BTMisses names the first MaxListed rows whose translations failed,
	// located, with the reason; BTTransient counts those of them (all,
	// not only the listed) that a re-run may complete (backtranslate.
	// Transient): the others need a fix.
	BTMisses    []string
	BTTransient int
	// ShortBy counts the rows with a shortfall by its kind: "translator
	// failed", or the textaug.Short of the row.
	ShortBy map[string]int
}

// MaxListed is how many rows Stats.BTMisses names.
const MaxListed = 10

// Add adds the counts of t, which come after those of s.
func (s *Stats) Add(t Stats) {
	s.Rows += t.Rows
	s.Written += t.Written
	s.Rejected += t.Rejected
	s.Variants += t.Variants
	s.Short += t.Short
	s.Missing += t.Missing
	if s.NoBacktranslation == 0 {
		s.FirstNoBacktranslation = t.FirstNoBacktranslation
	}
	s.NoBacktranslation += t.NoBacktranslation
	s.BTTransient += t.BTTransient
	for _, m := range t.BTMisses {
		if len(s.BTMisses) < MaxListed {
			s.BTMisses = append(s.BTMisses, m)
		}
	}
	for k, n := range t.ShortBy {
		s.short(k, n)
	}
}

func (s *Stats) short(kind string, n int) {
	if s.ShortBy == nil {
		s.ShortBy = map[string]int{}
	}
	s.ShortBy[kind] += n
}

// Rows augments a batch of rows: it translates their texts together, then
// samples and encodes each. A bad row (from the reader, or a text the
// Sampler cannot take) is counted as rejected and, with Output.Skip, kept
// in its Row.Bad; otherwise Rows stops there and returns it. Any other
// error (the context ended, an augmenter failed hard) ends the batch too.
// The Batch holds the rows done before the error.
func (e *Engine) Rows(ctx context.Context, items []Item) (Batch, error) {
	var b Batch
	var texts []string
	for _, it := range items {
		if it.Bad == nil {
			texts = append(texts, it.Rec.Text)
		}
	}
	failed, err := e.prefetch(ctx, texts)
	if err != nil {
		return b, err
	}
	smp := e.smp
	if failed != nil {
		smp.Aug = e.mix(failed)
	}
	for _, it := range items {
		if ctx.Err() != nil {
			return b, ctx.Err()
		}
		b.Stats.Rows++
		row, err := e.row(ctx, smp, failed, it)
		if row.Bad != nil {
			b.Stats.Rejected++
			if !e.out.Skip {
				return b, row.Bad
			}
		} else if err == nil {
			b.Stats.count(row)
		}
		if err != nil {
			return b, err
		}
		b.Rows = append(b.Rows, row)
	}
	return b, nil
}

// row samples and encodes one item.
func (e *Engine) row(ctx context.Context, smp textaug.Sampler, failed error, it Item) (Row, error) {
	row := Row{Item: it}
	if it.Bad != nil {
		return row, nil
	}
	r := it.Rec
	if e.labels != nil {
		var err error
		mix := func(w textaug.Augmenter) textaug.Augmenter { return e.mixWords(w, failed) }
		if smp, err = e.labels.For(smp, r.Text, r.Label, mix); err != nil {
			return row, fmt.Errorf("row %d (line %d): %w", r.Row, r.Line, err)
		}
	}
	var examples []string // generate's other examples of the label
	if e.labels != nil && e.labels.Labels != nil {
		examples = e.labels.Labels.Examples[r.Label]
	}
	res, err := smp.Sample(backtranslate.WithLabel(ctx, r.Label, examples), "", r.Text) // paraphrase's prompt names the label
	var ie *textaug.InputError
	switch {
	case errors.As(err, &ie):
		row.Bad = &corpus.RowError{File: e.out.Name, Line: r.Line, Column: ie.Offset + 1, Row: r.Row, Raw: []byte(r.Text), Err: ie.Err}
		return row, nil
	case err != nil:
		return row, fmt.Errorf("row %d (line %d): %w", r.Row, r.Line, err)
	}
	row.Result = res
	if e.labels != nil && e.labels.Tally != nil {
		e.labels.Tally.Add(r.Label, res)
	}
	row.Out, err = e.encode(r, res)
	return row, err
}

// count adds a row that was written.
func (s *Stats) count(row Row) {
	res := row.Result
	miss := isBacktranslationMiss(res)
	if miss {
		where := fmt.Sprintf("row %d (line %d): %s", row.Rec.Row, row.Rec.Line, res.Note+res.Reason)
		if s.NoBacktranslation == 0 {
			s.FirstNoBacktranslation = where
		}
		if len(s.BTMisses) < MaxListed {
			s.BTMisses = append(s.BTMisses, where)
		}
		if backtranslate.Transient(res.Missed) {
			s.BTTransient++
		}
		s.NoBacktranslation++
	}
	s.Written++
	s.Variants += len(res.Variants)
	if res.Shortfall > 0 {
		s.Short++
		s.Missing += res.Shortfall
		kind := res.Why.String()
		if miss {
			kind = "translator failed"
		}
		s.short(kind, 1)
	}
}

// encode returns the output rows of r: the original (unless NoOriginal)
// and its variants.
func (e *Engine) encode(r *corpus.Record, res textaug.Result) ([]byte, error) {
	w := e.out.Writer
	if w == nil {
		return nil, nil
	}
	var buf []byte
	var err error
	if !e.out.NoOriginal {
		if buf, err = w.AppendRow(buf, r, r.Text, e.provenance(r, 0, nil)...); err != nil {
			return buf, err
		}
	}
	for i, v := range res.Variants {
		if buf, err = w.AppendRow(buf, r, v.Text, e.provenance(r, i+1, v.Ops)...); err != nil {
			return buf, err
		}
	}
	return buf, nil
}

func (e *Engine) provenance(r *corpus.Record, variant int, ops []string) []string {
	if !e.out.Provenance {
		return nil
	}
	return []string{strconv.Itoa(r.Row), strconv.Itoa(variant), strings.Join(ops, "+")}
}
