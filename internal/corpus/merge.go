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

// MergeReport is what MergeShards did.
type MergeReport struct {
	Rows int // rows written
	// Run is the run that the outputs are shards of (its Shard is that of
	// the first output with rows); zero when nothing was checked.
	Run Run
	// Empty names the outputs without rows, each standing for one shard
	// missing from the others.
	Empty []string
	// Unchecked is set when the only output given carries no Run: a whole
	// run (written without --shard, or with --shard 0/1), copied as it is.
	Unchecked bool
}

// MergeShards puts the outputs of a sharded run (each row carrying its
// input row number, see [MergeOptions], and its [Run] in a last column,
// member or field named [RunField], see [WriterOptions].Run) back together
// in the order of a single run, writing the header of the first output and
// then every row in input-row order to out, its bytes (quoting and line
// ends included) copied unchanged except that the run is removed from the
// header and every row: the result is the output of the run without
// shards. Before it writes anything, it checks with [CheckShards] that the
// outputs (by the Run of their first row) are the shards of one run, each
// exactly once; every other row of an output must carry the same Run,
// which is checked as the rows are copied (after such an error, discard
// what was written to out). A single output without a Run is
// copied as it is (a whole run, see MergeReport.Unchecked); several
// outputs of which one has no Run are an error. The outputs must have the
// same header, hold no input row twice and each be in input order;
// otherwise MergeShards stops with an error that names the file.
func MergeShards(ctx context.Context, opts MergeOptions, paths []string, out io.Writer) (MergeReport, error) {
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
	cs, err := openCursors(open, opts, paths)
	if err != nil {
		return MergeReport{}, err
	}
	rep, err := checkRuns(cs)
	if err != nil {
		return rep, err
	}
	h := make(cursorHeap, 0, len(cs))
	for _, c := range cs {
		if !bytes.Equal(c.header, cs[0].header) {
			return rep, fmt.Errorf("%s: its header differs from that of %s: outputs of different runs?", c.name, cs[0].name)
		}
		if c.data != nil {
			h = append(h, c)
		}
	}
	if _, err := out.Write(cs[0].header); err != nil {
		return rep, err
	}
	heap.Init(&h)
	rep.Rows, err = mergeRows(ctx, h, out)
	return rep, err
}

// openCursors opens every shard output and reads its header and first
// row.
func openCursors(open func(string) (io.Reader, error), opts MergeOptions, paths []string) ([]*cursor, error) {
	cs := make([]*cursor, 0, len(paths))
	for _, path := range paths {
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
		if err := c.advance(); err != nil {
			return nil, err
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// noRun says what to do with shard outputs without a run.
const noRun = "no run column: not the output of a run with --shard i/n (n > 1) and --provenance of this textaug version, which writes the run in every row; re-run the shards with this version"

// checkRuns checks that the cursors' outputs are the shards of one run
// (see CheckShards), before anything is written.
func checkRuns(cs []*cursor) (MergeReport, error) {
	var rep MergeReport
	names := make([]string, len(cs))
	runs := make([]Run, len(cs))
	for i, c := range cs {
		names[i] = c.name
		switch {
		case c.noRunCol || c.data != nil && c.run == "":
			if len(cs) == 1 {
				rep.Unchecked = true
				return rep, nil
			}
			return rep, fmt.Errorf("%s: %s", c.name, noRun)
		case c.data == nil:
			rep.Empty = append(rep.Empty, c.name)
			continue
		}
		r, err := ParseRun(c.run)
		if err != nil {
			return rep, fmt.Errorf("%s:%d: %w", c.name, c.first, err)
		}
		runs[i] = r
		if rep.Run.Shards == 0 {
			rep.Run = r
		}
	}
	return rep, CheckShards(names, runs)
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
// bytes exactly as in the file (line end included) but for its run, row
// its source_row; data is nil at the end.
type cursor struct {
	name     string
	header   []byte // without the run column
	noRunCol bool   // CSV, TSV: the header has no run column
	row      int
	data     []byte
	run      string // the run of the first row, which every row repeats
	first    int    // the line of the first row; 0 before it is read
	next     func() (shardRow, error)
}

// shardRow is one row of a shard output.
type shardRow struct {
	src, line int    // source_row, and the line in the output
	data      []byte // the row's bytes, without its run
	run       string // its run; "" for none
}

// advance moves to the next row, checking that source rows do not go
// back and that the row has the run of the first.
func (c *cursor) advance() error {
	r, err := c.next()
	if errors.Is(err, io.EOF) {
		c.data = nil
		return nil
	}
	if err != nil {
		return err
	}
	if c.first == 0 {
		c.first, c.run = r.line, r.run
	}
	if r.run != c.run {
		return fmt.Errorf("%s:%d: run %q, but line %d has run %q: rows of different runs in one output", c.name, r.line, r.run, c.first, c.run)
	}
	if r.src < c.row {
		return fmt.Errorf("%s:%d: source row %d after %d: not in input order (only augment's own output can be merged)", c.name, r.line, r.src, c.row)
	}
	c.row, c.data = r.src, r.data
	return nil
}

const noProvenance = "no source_row: write the shard outputs with --provenance"

// openCorpus reads a CSV, TSV or JSONL output twice at once: the corpus
// reader finds the rows, their source_row and their run, and the bytes it
// consumed (its Offset) are copied from a second reader of the same file,
// so that every byte, quoting and line ends included, is kept.
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
	cut, err := c.runCutter(opts.Format, r.Header())
	if err != nil {
		return err
	}
	off := r.Offset()
	c.next = func() (shardRow, error) {
		rec, err := r.Next()
		if err != nil {
			return shardRow{}, err
		}
		n, err := strconv.Atoi(rec.Label)
		if err != nil {
			return shardRow{}, fmt.Errorf("%s:%d: source_row %q: %s", c.name, rec.Line, rec.Label, noProvenance)
		}
		b, err := take(r.Offset() - off)
		off = r.Offset()
		if err != nil {
			return shardRow{}, err
		}
		row := shardRow{src: n, line: rec.Line, data: b}
		row.data, row.run, err = cut(rec, b)
		return row, err
	}
	return nil
}

// runCutter removes the run column from the CSV or TSV header (when its
// last column is RunField; otherwise the output has no run) and returns
// the function that takes the run out of each row's bytes b.
func (c *cursor) runCutter(f Format, header []string) (func(rec *Record, b []byte) ([]byte, string, error), error) {
	if f == JSONL {
		return c.cutJSONLRun, nil
	}
	if len(header) < 2 || header[len(header)-1] != RunField {
		c.noRunCol = true
		return func(_ *Record, b []byte) ([]byte, string, error) { return b, "", nil }, nil
	}
	sep := ","
	if f == TSV {
		sep = "\t"
	}
	var ok bool
	if c.header, ok = cutTail(c.header, sep+RunField); !ok {
		return nil, fmt.Errorf("%s:1: the header does not end with %s%s", c.name, sep, RunField)
	}
	last := len(header) - 1
	return func(rec *Record, b []byte) ([]byte, string, error) {
		run := rec.fields[last]
		out, ok := cutTail(b, sep+run)
		if !ok {
			return nil, "", fmt.Errorf("%s:%d: the run %q is not written as augment writes it", c.name, rec.Line, run)
		}
		return out, run, nil
	}, nil
}

// cutJSONLRun takes the run member out of b, the bytes of the JSONL row
// rec, in place, when its last member is RunField: the member with the
// separator before it, so that the row reads as if it had never been
// added.
func (c *cursor) cutJSONLRun(rec *Record, b []byte) ([]byte, string, error) {
	ms := rec.members
	if len(ms) < 2 || ms[len(ms)-1].name != RunField {
		return b, "", nil
	}
	prev, m := ms[len(ms)-2], ms[len(ms)-1]
	if !m.isString(rec.Raw) {
		return nil, "", fmt.Errorf("%s:%d: member %q is %s, not a string", c.name, rec.Line, RunField, jsonKind(rec.Raw[m.val0]))
	}
	body := trimEOL(b)
	at := len(body) - len(rec.Raw)
	if at < 0 || !bytes.Equal(body[at:], rec.Raw) {
		return nil, "", fmt.Errorf("%s:%d: the row's bytes are not those read", c.name, rec.Line)
	}
	run := decodeString(rec.Raw[m.val0:m.val1])
	return append(b[:at+prev.val1], b[at+m.val1:]...), run, nil
}

// cutTail removes tail from the end of b, a row's bytes, before its line
// end, in place; ok is false when b does not end with tail.
func cutTail(b []byte, tail string) (out []byte, ok bool) {
	body := trimEOL(b)
	if !bytes.HasSuffix(body, []byte(tail)) {
		return b, false
	}
	return append(b[:len(body)-len(tail)], b[len(body):]...), true
}

// openText reads a text-mode output: with --provenance, each line begins
// with the input line number and a tab; a sharded run's line has its run
// as the field before the text.
func (c *cursor) openText(open func(string) (io.Reader, error)) error {
	rd, err := open(c.name)
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(rd, 1<<16)
	line := 0
	c.next = func() (shardRow, error) {
		s, err := br.ReadString('\n')
		if s == "" {
			if err == nil {
				err = io.EOF
			}
			return shardRow{}, err
		}
		line++
		no, _, ok := strings.Cut(s, "\t")
		n, aerr := strconv.Atoi(no)
		if !ok || aerr != nil {
			return shardRow{}, fmt.Errorf("%s:%d: %s", c.name, line, noProvenance)
		}
		row := shardRow{src: n, line: line, data: []byte(s)}
		row.data, row.run = cutTextRun(row.data)
		return row, nil
	}
	return nil
}

// cutTextRun takes the run out of a text-mode line, in place: the field before the
// text (which holds no tab when there are provenance fields), when it
// reads as a run.
func cutTextRun(b []byte) (out []byte, run string) {
	end := bytes.LastIndexByte(b, '\t')
	if end < 0 {
		return b, ""
	}
	start := bytes.LastIndexByte(b[:end], '\t')
	if start < 0 || !bytes.HasPrefix(b[start+1:end], []byte("recipe=")) {
		return b, ""
	}
	run = string(b[start+1 : end])
	return append(b[:start], b[end:]...), run
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
