package main

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
)

// source reads the input's items; next returns io.EOF at the end and any
// other error when reading cannot go on.
type source interface {
	next() (augment.Item, error)
}

// readerSource reads a corpus: a bad row is an item, not an error.
type readerSource struct{ r *corpus.Reader }

func (s readerSource) next() (augment.Item, error) {
	rec, err := s.r.Next()
	var re *corpus.RowError
	if errors.As(err, &re) {
		return augment.Item{Bad: re}, nil
	}
	return augment.Item{Rec: rec}, err
}

// batch is a slice of the input on its way through a worker.
type batch struct {
	items []augment.Item
	done  augment.Batch
	err   error // fatal, or the first bad row in stop mode
	ready chan struct{}
}

// pipeline runs an engine over a whole input on several workers.
type pipeline struct {
	eng      *augment.Engine
	workers  int
	progress func(rows int) // called by the writer goroutine, may be nil
}

// run reads items from src, augments them on p.workers goroutines, in
// batches of augment.BatchSize, and hands the encoded output, in input
// order, to write; rejected rows go to reject. Memory stays bounded: at
// most 4·workers batches are in flight.
func (p *pipeline) run(parent context.Context, src source, write func([]byte) error, reject func(*corpus.RowError) error) (augment.Stats, error) {
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	jobs := make(chan *batch, p.workers)
	order := make(chan *batch, 4*p.workers)
	var readErr atomic.Value
	go p.read(ctx, src, jobs, order, &readErr)
	var wg sync.WaitGroup
	for w := 0; w < p.workers; w++ {
		wg.Go(func() {
			for b := range jobs {
				b.done, b.err = p.eng.Rows(ctx, b.items)
				close(b.ready)
			}
		})
	}
	st, err := p.collect(ctx, order, write, reject, cancel)
	if parent.Err() != nil {
		// Interrupted: the reader may be blocked on its input (a terminal,
		// a pipe) and the workers on it; the process is ending anyway.
		return st, parent.Err()
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

// read cuts the input into batches, handed to the workers (jobs) and, in
// order, to the writer (order).
func (p *pipeline) read(ctx context.Context, src source, jobs, order chan<- *batch, readErr *atomic.Value) {
	defer close(order)
	defer close(jobs)
	b := &batch{ready: make(chan struct{})}
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
		b = &batch{ready: make(chan struct{})}
		return true
	}
	for {
		it, err := src.next()
		if errors.Is(err, io.EOF) {
			flush()
			return
		}
		if err != nil {
			readErr.Store(err)
			flush()
			return
		}
		b.items = append(b.items, it)
		if len(b.items) == augment.BatchSize && !flush() {
			return
		}
	}
}

// collect writes the batches in input order; after an error it drains them.
func (p *pipeline) collect(ctx context.Context, order <-chan *batch, write func([]byte) error, reject func(*corpus.RowError) error, cancel func()) (augment.Stats, error) {
	var st augment.Stats
	var err error
	var buf []byte
	for {
		var b *batch
		select {
		case b = <-order:
		case <-ctx.Done():
			if err == nil {
				err = ctx.Err()
			}
			return st, err
		}
		if b == nil {
			return st, err // order closed: the input is done
		}
		<-b.ready
		if err != nil {
			continue // drain
		}
		st.Add(b.done.Stats)
		buf = buf[:0]
		for _, r := range b.done.Rows {
			if r.Bad != nil && err == nil {
				err = reject(r.Bad)
			}
			buf = append(buf, r.Out...)
		}
		if err == nil {
			err = write(buf)
		}
		if err == nil {
			err = b.err
		}
		if err != nil {
			cancel()
		} else if p.progress != nil {
			p.progress(st.Rows)
		}
	}
}
