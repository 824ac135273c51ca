package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/textaug/textaug/textaug"
)

// stats are the counts of one run; they always add up:
// lines == written + rejected.
type stats struct {
	lines, written, rejected int
	variants                 int
	shortLines, missing      int
}

func (s *stats) add(t stats) {
	s.lines += t.lines
	s.written += t.written
	s.rejected += t.rejected
	s.variants += t.variants
	s.shortLines += t.shortLines
	s.missing += t.missing
}

type line struct {
	no   int
	text string
}

type batch struct {
	seq   int
	lines []line
	out   []byte
	st    stats
	err   error
	done  chan struct{}
}

const batchSize = 64

// process reads lines from in, augments them on o.workers goroutines and
// writes them to out in input order. Memory stays bounded: at most
// 4·workers batches are in flight.
func process(ctx context.Context, smp textaug.Sampler, o *options, in io.Reader, name string, out *bufio.Writer) (stats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *batch, o.workers)
	order := make(chan *batch, 4*o.workers)
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		r := bufio.NewReaderSize(in, 1<<16)
		no, seq := 0, 0
		b := &batch{done: make(chan struct{})}
		flush := func() bool {
			if len(b.lines) == 0 {
				return true
			}
			select {
			case order <- b:
			case <-ctx.Done():
				return false
			}
			jobs <- b
			seq++
			b = &batch{seq: seq, done: make(chan struct{})}
			return true
		}
		for {
			s, err := r.ReadString('\n')
			if s != "" {
				no++
				s = strings.TrimSuffix(s, "\n")
				s = strings.TrimSuffix(s, "\r")
				b.lines = append(b.lines, line{no, s})
				if len(b.lines) == batchSize && !flush() {
					return
				}
			}
			if err != nil {
				if err != io.EOF {
					readErr = fmt.Errorf("%s: %w", name, err)
				}
				flush()
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for w := 0; w < o.workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range jobs {
				work(ctx, smp, o, name, b)
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
		if _, werr := out.Write(b.out); werr != nil {
			err = werr
		} else if b.err != nil {
			err = b.err
		}
		if err != nil {
			cancel()
		}
	}
	wg.Wait()
	if err == nil {
		err = readErr
	}
	return st, err
}

// work augments one batch. It stops at the first line that cannot be
// augmented at all (invalid UTF-8) with a located error.
func work(ctx context.Context, smp textaug.Sampler, o *options, name string, b *batch) {
	var buf []byte
	for _, l := range b.lines {
		if ctx.Err() != nil {
			b.err = ctx.Err()
			break
		}
		b.st.lines++
		res, err := smp.Sample(ctx, "", l.text)
		if err != nil {
			var ie *textaug.InputError
			if errors.As(err, &ie) {
				err = fmt.Errorf("%s:%d:%d: %w", name, l.no, ie.Offset+1, ie.Err)
			} else {
				err = fmt.Errorf("%s:%d: %w", name, l.no, err)
			}
			b.st.rejected++
			b.err = err
			break
		}
		b.st.written++
		b.st.variants += len(res.Variants)
		if res.Shortfall > 0 {
			b.st.shortLines++
			b.st.missing += res.Shortfall
		}
		if !o.noOriginal {
			buf = appendLine(buf, o, l.no, 0, nil, l.text)
		}
		for i, v := range res.Variants {
			buf = appendLine(buf, o, l.no, i+1, v.Ops, v.Text)
		}
	}
	b.out = buf
}

func appendLine(buf []byte, o *options, no, idx int, ops []string, text string) []byte {
	if o.provenance {
		buf = strconv.AppendInt(buf, int64(no), 10)
		buf = append(buf, '\t')
		buf = strconv.AppendInt(buf, int64(idx), 10)
		buf = append(buf, '\t')
		buf = append(buf, strings.Join(ops, "+")...)
		buf = append(buf, '\t')
		// A text with a tab or newline of its own stays one TSV field.
		text = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(text)
	}
	buf = append(buf, text...)
	return append(buf, '\n')
}
