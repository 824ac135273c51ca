package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/textaug"
)

// stats are the counts of one run; they always add up:
// rows == written + rejected.
type stats struct {
	rows, written, rejected int
	variants                int
	shortRows, missing      int
	noBT                    int    // rows whose back-translation failed
	noBTFirst               string // the first of them, located, with the reason
}

func (s *stats) add(t stats) {
	s.rows += t.rows
	s.written += t.written
	s.rejected += t.rejected
	s.variants += t.variants
	s.shortRows += t.shortRows
	s.missing += t.missing
	if s.noBT == 0 {
		s.noBTFirst = t.noBTFirst
	}
	s.noBT += t.noBT
}

// item is a row read, or the error that stands for a bad one.
type item struct {
	r   *row
	err error
}

type batch struct {
	items []item
	out   []byte
	st    stats
	bad   []*corpus.RowError // rejected rows, in order (skip mode)
	err   error              // fatal, or the first bad row in stop mode
	done  chan struct{}
}

const batchSize = 64

// pipeline is one augment run's moving parts.
type pipeline struct {
	name       string // input name, for errors
	smp        textaug.Sampler
	sink       rowSink
	skip       bool // --on-error skip
	noOriginal bool
	provenance bool
	workers    int
	progress   func(rows int) // called by the writer goroutine, may be nil
	// prefetch, when set, translates a batch's texts before its rows are
	// sampled, so that back-translation is batched across records.
	prefetch func(ctx context.Context, texts []string) (context.Context, error)
}

// run reads rows from src, augments them on p.workers goroutines and hands
// the encoded output, in input order, to write; rejected rows go to reject.
// Memory stays bounded: at most 4·workers batches are in flight.
func (p *pipeline) run(parent context.Context, src rowSource, write func([]byte) error, reject func(*corpus.RowError) error) (stats, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	jobs := make(chan *batch, p.workers)
	order := make(chan *batch, 4*p.workers)
	var readErr atomic.Value
	go func() {
		defer close(order)
		defer close(jobs)
		b := &batch{done: make(chan struct{})}
		flush := func() bool {
			if len(b.items) == 0 {
				return true
			}
			select {
			case order <- b:
			case <-ctx.Done():
				return false
			}
			jobs <- b
			b = &batch{done: make(chan struct{})}
			return true
		}
		for {
			r, err := src.next()
			if errors.Is(err, io.EOF) {
				flush()
				return
			}
			var re *corpus.RowError
			if err != nil && !errors.As(err, &re) {
				readErr.Store(err)
				flush()
				return
			}
			b.items = append(b.items, item{r, err})
			if len(b.items) == batchSize && !flush() {
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < p.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				p.work(ctx, b)
				close(b.done)
			}
		}()
	}
	var st stats
	var err error
	for b := range order {
		<-b.done
		if err != nil {
			continue // drain
		}
		st.add(b.st)
		for _, re := range b.bad {
			if err == nil {
				err = reject(re)
			}
		}
		if err == nil {
			err = write(b.out)
		}
		if err == nil {
			err = b.err
		}
		if err != nil {
			cancel()
		} else if p.progress != nil {
			p.progress(st.rows)
		}
	}
	wg.Wait()
	if e, ok := readErr.Load().(error); ok && err == nil {
		err = e
	}
	if err == nil {
		// Interrupted: the reader may have stopped early without an
		// error of its own; the output must not be committed.
		err = parent.Err()
	}
	return st, err
}

// work augments one batch. In stop mode it ends at the first bad row.
func (p *pipeline) work(ctx context.Context, b *batch) {
	var buf []byte
	if p.prefetch != nil {
		var texts []string
		for _, it := range b.items {
			if it.err == nil {
				texts = append(texts, it.r.text)
			}
		}
		pctx, err := p.prefetch(ctx, texts)
		if err != nil {
			b.err = err
			return
		}
		ctx = pctx
	}
	for _, it := range b.items {
		if ctx.Err() != nil {
			b.err = ctx.Err()
			break
		}
		b.st.rows++
		if it.err != nil {
			b.st.rejected++
			var re *corpus.RowError
			errors.As(it.err, &re)
			if !p.skip {
				b.err = it.err
				break
			}
			b.bad = append(b.bad, re)
			continue
		}
		r := it.r
		res, err := p.smp.Sample(withLabel(ctx, r), "", r.text)
		if err != nil {
			var ie *textaug.InputError
			if errors.As(err, &ie) {
				re := &corpus.RowError{File: p.name, Line: r.line, Column: ie.Offset + 1, Row: r.no, Raw: []byte(r.text), Err: ie.Err}
				b.st.rejected++
				if !p.skip {
					b.err = re
					break
				}
				b.bad = append(b.bad, re)
				continue
			}
			b.err = fmt.Errorf("row %d (line %d): %w", r.no, r.line, err)
			break
		}
		if buf, err = p.emit(buf, r, res); err != nil {
			b.err = err
			break
		}
		if why := res.Note + res.Reason; strings.Contains(why, "backtranslate:") {
			if b.st.noBT == 0 {
				b.st.noBTFirst = fmt.Sprintf("row %d (line %d): %s", r.no, r.line, why)
			}
			b.st.noBT++
		}
		b.st.written++
		b.st.variants += len(res.Variants)
		if res.Shortfall > 0 {
			b.st.shortRows++
			b.st.missing += res.Shortfall
		}
	}
	b.out = buf
}

func (p *pipeline) emit(buf []byte, r *row, res textaug.Result) ([]byte, error) {
	var err error
	if !p.noOriginal {
		if buf, err = p.sink.appendRow(buf, r, r.text, p.extra(r, 0, nil)); err != nil {
			return buf, err
		}
	}
	for i, v := range res.Variants {
		if buf, err = p.sink.appendRow(buf, r, v.Text, p.extra(r, i+1, v.Ops)); err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// provenanceColumns are the names of the --provenance columns.
var provenanceColumns = []string{"source_row", "variant", "ops"}

func (p *pipeline) extra(r *row, idx int, ops []string) []string {
	if !p.provenance {
		return nil
	}
	return []string{strconv.Itoa(r.no), strconv.Itoa(idx), strings.Join(ops, "+")}
}
