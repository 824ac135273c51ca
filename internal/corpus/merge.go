package corpus

import (
	"bufio"
	"bytes"
	"container/heap"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MergeOptions says how to read the shard outputs given to [MergeShards].
type MergeOptions struct {
	// Format of the shard outputs: CSV, TSV, JSONL or Text.
	Format Format
	// TextField is the column or member with the text, as given to the
	// run that wrote the outputs (default: the first of
	// [DefaultTextFields]). Not used for Text.
	TextField string
	// RowField is the column or member with the input row number of each
	// row (default: source_row). Not used for Text, whose lines begin
	// with the input line number and a tab.
	RowField string
}

func (o MergeOptions) rowField() string {
	if o.RowField == "" {
		return "source_row"
	}
	return o.RowField
}

// MergeShards puts the outputs of a sharded run (each row carrying its
// input row number, see [MergeOptions]) back together in the order of a
// single run, writing the header of the first output and then every row in
// input-row order to out, its bytes (quoting and line ends included)
// copied unchanged. It returns the number of rows written. The outputs must
// have the same header, hold no input row twice and each be in input order;
// otherwise MergeShards stops with an error that names the file.
func MergeShards(ctx context.Context, opts MergeOptions, paths []string, out io.Writer) (int, error) {
	var closers []io.Closer
	defer func() {
		for _, c := range closers {
			c.Close()
		}
	}()
	open := func(path string) (io.Reader, error) {
		rc, err := Open(path)
		if err != nil {
			return nil, err
		}
		closers = append(closers, rc)
		return rc, nil
	}
	h, err := openCursors(open, opts, paths, out)
	if err != nil {
		return 0, err
	}
	return mergeRows(ctx, h, out)
}

// openCursors opens every shard output, checks that their headers agree
// and writes the header to out.
func openCursors(open func(string) (io.Reader, error), opts MergeOptions, paths []string, out io.Writer) (cursorHeap, error) {
	h := make(cursorHeap, 0, len(paths))
	var header []byte
	for i, path := range paths {
		c := &cursor{name: path, row: -1}
		var err error
		if opts.Format == Text {
			err = c.openText(open)
		} else {
			err = c.openCorpus(open, opts)
		}
		if err != nil {
			return nil, err
		}
		if i == 0 {
			header = c.header
			if _, err := out.Write(header); err != nil {
				return nil, err
			}
		} else if !bytes.Equal(c.header, header) {
			return nil, fmt.Errorf("%s: its header differs from that of %s: outputs of different runs?", path, paths[0])
		}
		if err := c.advance(); err != nil {
			return nil, err
		}
		if c.data != nil {
			h = append(h, c)
		}
	}
	heap.Init(&h)
	return h, nil
}

// mergeRows copies the rows of the cursors to out in source-row order.
func mergeRows(ctx context.Context, h cursorHeap, out io.Writer) (int, error) {
	written, last := 0, -1
	var prev *cursor
	for len(h) > 0 {
		if written%4096 == 0 && ctx.Err() != nil {
			return written, ctx.Err()
		}
		c := h[0]
		src := c.row
		if src == last && c != prev {
			return written, fmt.Errorf("source row %d is in both %s and %s: the same shard given twice, or shards of different runs", src, prev.name, c.name)
		}
		for c.data != nil && c.row == src {
			if _, err := out.Write(c.data); err != nil {
				return written, err
			}
			written++
			if err := c.advance(); err != nil {
				return written, err
			}
		}
		last, prev = src, c
		if c.data == nil {
			heap.Pop(&h)
		} else {
			heap.Fix(&h, 0)
		}
	}
	return written, nil
}

// cursor reads one shard output row by row: data holds the current row's
// bytes exactly as in the file (line end included), row its source_row;
// data is nil at the end.
type cursor struct {
	name   string
	header []byte
	row    int
	data   []byte
	next   func() (row int, data []byte, err error)
}

// advance moves to the next row, checking that source rows do not go
// back.
func (c *cursor) advance() error {
	row, data, err := c.next()
	if errors.Is(err, io.EOF) {
		c.data = nil
		return nil
	}
	if err != nil {
		return err
	}
	if row < c.row {
		return fmt.Errorf("%s: source row %d after %d: not in input order (only augment's own output can be merged)", c.name, row, c.row)
	}
	c.row, c.data = row, data
	return nil
}

const noProvenance = "no source_row: write the shard outputs with --provenance"

// openCorpus reads a CSV, TSV or JSONL output twice at once: the corpus
// reader finds the rows and their source_row, and the bytes it consumed
// (its Offset) are copied from a second reader of the same file, so that
// every byte, quoting and line ends included, is kept.
func (c *cursor) openCorpus(open func(string) (io.Reader, error), opts MergeOptions) error {
	pr, err := open(c.name)
	if err != nil {
		return err
	}
	raw, err := open(c.name)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(raw, 1<<16)
	r, err := NewReader(pr, ReaderOptions{Format: opts.Format, Name: c.name, TextField: opts.TextField, LabelField: opts.rowField()})
	if err != nil {
		return fmt.Errorf("%w (%s)", err, noProvenance)
	}
	take := func(n int64) ([]byte, error) {
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("%s: %w", c.name, err)
		}
		return b, nil
	}
	if c.header, err = take(r.Offset()); err != nil {
		return err
	}
	off := r.Offset()
	c.next = func() (int, []byte, error) {
		rec, err := r.Next()
		if err != nil {
			return 0, nil, err
		}
		n, err := strconv.Atoi(rec.Label)
		if err != nil {
			return 0, nil, fmt.Errorf("%s:%d: source_row %q: %s", c.name, rec.Line, rec.Label, noProvenance)
		}
		b, err := take(r.Offset() - off)
		off = r.Offset()
		return n, b, err
	}
	return nil
}

// openText reads a text-mode output: with --provenance, each line begins
// with the input line number and a tab.
func (c *cursor) openText(open func(string) (io.Reader, error)) error {
	rd, err := open(c.name)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(rd, 1<<16)
	line := 0
	c.next = func() (int, []byte, error) {
		s, err := br.ReadString('\n')
		if s == "" {
			if err == nil {
				err = io.EOF
			}
			return 0, nil, err
		}
		line++
		no, _, ok := strings.Cut(s, "\t")
		n, aerr := strconv.Atoi(no)
		if !ok || aerr != nil {
			return 0, nil, fmt.Errorf("%s:%d: %s", c.name, line, noProvenance)
		}
		return n, []byte(s), nil
	}
	return nil
}

// cursorHeap orders cursors by their current source row.
type cursorHeap []*cursor

func (h cursorHeap) Len() int           { return len(h) }
func (h cursorHeap) Less(i, j int) bool { return h[i].row < h[j].row }
func (h cursorHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *cursorHeap) Push(x any)        { *h = append(*h, x.(*cursor)) }
func (h *cursorHeap) Pop() any {
	old := *h
	c := old[len(old)-1]
	*h = old[:len(old)-1]
	return c
}
