package corpus

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// DefaultMaxRowBytes is the default of ReaderOptions.MaxRowBytes: 1 MiB,
// a thousand times a long sentence. A training row longer than that is
// almost always a mistake (a whole document, a binary file, a missing line
// end), and augmenting it would cost memory a hundred times its size.
const DefaultMaxRowBytes = 1 << 20

// DefaultTextFields are the names looked for, in this order and in any
// case, when ReaderOptions.TextField is empty. Do not modify.
var DefaultTextFields = []string{"text", "sentence", "utterance", "query", "review", "content", "message"}

// DefaultLabelFields are the names looked for, in this order and in any
// case, when ReaderOptions.LabelField is empty. Do not modify.
var DefaultLabelFields = []string{"label", "intent", "sentiment", "category", "class"}

// ReaderOptions configures NewReader. The zero value of each field is
// documented and usable, except Format, which is required.
type ReaderOptions struct {
	Format Format // CSV, TSV, JSONL or Text; required
	Name   string // file name used in errors ("stdin" for -); "" means "input"

	// TextField names the column (CSV, TSV) or member (JSONL) that holds
	// the text. An exact match wins, then a match in any case. "" means the
	// first of DefaultTextFields that is present, in any case.
	TextField string
	// LabelField names the column or member that holds the label. "" means
	// the first of DefaultLabelFields present, if any: a corpus without
	// labels is fine (Record.Label is then ""). A LabelField that is given
	// but is not in a CSV or TSV header, or in any JSONL object NewReader
	// looks at, is an error.
	//
	// In JSONL the label member is resolved from the first object that has
	// one (among those NewReader looks at). Once it is, every object must
	// have it, with a value other than null: an object without it is a
	// RowError wrapping ErrNoLabel, never a record without a label.
	LabelField string

	// MaxRowBytes bounds the bytes of one row (and of one physical line),
	// and so the memory the reader holds: reading a row costs about three
	// times its size, and a longer row about three times MaxRowBytes. A
	// longer row is a RowError wrapping ErrRowTooLong, whose Raw holds its
	// first MaxRowBytes bytes; a quoted CSV field still open after that
	// many bytes is reported as an unterminated quote. 0 means
	// DefaultMaxRowBytes.
	MaxRowBytes int
}

// Record is one data row. It is owned by the caller: the Reader never
// reuses or modifies a Record or its Raw bytes once returned. A Record is
// safe to read from several goroutines (Writer.AppendRow only reads it).
//
// Records made by hand (not by a Reader) have no parsed fields; a Writer
// then writes only their Text and Label.
type Record struct {
	Row   int    // 1-based data row number (the header is not counted)
	Line  int    // 1-based line where the row starts
	Text  string // the text field, exactly as read
	Label string // the label field, "" when the corpus has none; a JSON label that is not a string is its JSON text (3, true)
	Raw   []byte // the row's bytes exactly as read, without the final line end (and without a BOM)

	fields  []string // CSV, TSV: the values, one per header column
	members []member // JSONL: the members in order
	textIdx int      // index of the text in fields or members; -1 if none
	closing int      // JSONL: offset of the object's closing brace in Raw
}

// Fields returns the values of a CSV or TSV record, one per header column,
// as parsed (quotes removed); nil for JSONL records and records made by
// hand. The slice is shared: do not modify it.
func (r *Record) Fields() []string { return r.fields }

// member is one member of a JSONL object, located in Record.Raw.
type member struct {
	name       string // decoded name
	key0       int    // offset of the name (its opening quote)
	val0, val1 int    // the value's raw bytes
}

func (m member) isString(raw []byte) bool { return raw[m.val0] == '"' }

// Reader reads the records of one corpus, streaming: it holds one row (and,
// after a quote that is never closed, at most MaxRowBytes of look-ahead) in
// memory. A Reader is not safe for concurrent use.
//
// # Recovery from bad rows
//
// Next returns a *RowError for a bad row and the next call goes on with the
// following row. Which bytes make up a bad row:
//
//   - CSV, an unterminated quote (one still open at the end of the input, or
//     after MaxRowBytes): the row from its start to the end of the physical
//     line holding the opening quote; reading resumes on the next line, as if
//     the quote had not been there. A single stray quote thus costs one row,
//     not the rest of the file. Reading stays linear: the lines a quote
//     ran over hold no lone quote, so none of them can open another quote
//     that runs on, and each line is parsed at most twice.
//   - CSV, a bare quote in an unquoted field or a character after a closing
//     quote, in a row on one line: the row up to the end of that line.
//   - CSV, the same in a row that spans lines: the error is blamed on the
//     quote that opened the row's last multi-line field, which most likely
//     was a stray quote. It is reported as an unterminated quote (wrapping
//     the error found, with its place), and handled as above: the bad row
//     ends with the line of that quote and the lines after it are read
//     again.
//   - TSV and JSONL: the physical line.
//
// A row has at most one error, the first found in this order: framing (CSV
// quotes, row too long), invalid UTF-8, JSON syntax or field count,
// duplicate text member, missing text, text not a string, empty text,
// missing label (JSONL).
type Reader struct {
	opt    ReaderOptions
	src    *lineSource
	header []string

	textField, labelField string
	textIdx, labelIdx     int // CSV, TSV: column indexes; labelIdx -1 when none

	rows   int
	offset int64
	err    error // sticky fatal error
}

// NewReader returns a Reader of r. For CSV and TSV it reads the header
// (the first line that is not empty), and fails when there is none, when it
// is malformed, when it names a column twice, or when the text column (or a
// LabelField given explicitly) is not in it; the message names the columns
// that exist.
//
// For JSONL there is no header: the text member is resolved, once, from
// the first JSON object that has one, and the label member from the first
// object that has one, which NewReader looks ahead for, at most
// MaxRowBytes (the lines stay to be read by Next). If there are objects but
// none has a text member, NewReader fails naming the members of the first
// one; so it does when LabelField is given and no object has it. If there
// is no object at all, the names are TextField (default "text") and
// LabelField. Every object must then have a member with exactly the
// resolved text name, and, if a label name was resolved, one with exactly
// that name.
//
// The Reader does not close r.
func NewReader(r io.Reader, opt ReaderOptions) (*Reader, error) {
	if !opt.Format.valid() {
		return nil, fmt.Errorf("corpus: unknown format %v", opt.Format)
	}
	if opt.Name == "" {
		opt.Name = "input"
	}
	if opt.MaxRowBytes <= 0 {
		opt.MaxRowBytes = DefaultMaxRowBytes
	}
	rd := &Reader{opt: opt, src: newLineSource(r, opt.MaxRowBytes), textIdx: -1, labelIdx: -1}
	var err error
	switch opt.Format {
	case CSV, TSV:
		err = rd.readHeader()
	case JSONL:
		err = rd.peekJSONL()
	}
	if err != nil {
		return nil, err
	}
	return rd, nil
}

// Header returns the CSV or TSV column names, exactly as read (nil for
// JSONL). The slice is shared: do not modify it.
func (r *Reader) Header() []string { return r.header }

// TextField returns the name of the text column or member, as spelled in
// the input.
func (r *Reader) TextField() string { return r.textField }

// LabelField returns the name of the label column or member, as spelled in
// the input, or "" when there is none.
func (r *Reader) LabelField() string { return r.labelField }

// Rows returns the number of data rows seen so far, good and bad.
func (r *Reader) Rows() int { return r.rows }

// Offset returns the number of bytes of the (decompressed) input consumed
// by the header and the rows returned so far, line ends, skipped lines and
// the byte order mark included. It only grows; after io.EOF it is the size
// of the input. Use it for progress.
func (r *Reader) Offset() int64 { return r.offset }

// Next returns the next record; io.EOF at the end of the input; a
// *RowError for a bad row, after which Next can be called again for the
// following row; or any other error (a read error), which is fatal and
// returned again by every later call.
func (r *Reader) Next() (*Record, error) {
	if r.err != nil {
		return nil, r.err
	}
	var (
		rec *Record
		err error
	)
	switch r.opt.Format {
	case CSV:
		rec, err = r.nextDelimited(r.readCSVRow)
	case TSV:
		rec, err = r.nextDelimited(r.readTSVRow)
	case Text:
		rec, err = r.nextText()
	default:
		rec, err = r.nextJSONL()
	}
	if err != nil {
		var re *RowError
		if !errors.As(err, &re) {
			if err != io.EOF {
				err = fmt.Errorf("corpus: %s: read: %w", r.opt.Name, err)
			}
			r.err = err
		}
		return nil, err
	}
	return rec, nil
}

// rowError returns a located error for a bad row.
func (r *Reader) rowError(raw []byte, line, col, row int, err error) *RowError {
	return &RowError{File: r.opt.Name, Line: line, Column: col, Row: row, Raw: raw, Err: err}
}

// firstInvalidUTF8 returns the index of the first byte of b that is not
// part of valid UTF-8, or -1.
func firstInvalidUTF8(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		c, n := utf8.DecodeRune(b[i:])
		if c == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// readHeader reads and checks the CSV or TSV header and resolves the text
// and label columns.
func (r *Reader) readHeader() error {
	var (
		row *rawRow
		err error
	)
	if r.opt.Format == CSV {
		row, err = r.readCSVRow()
	} else {
		row, err = r.readTSVRow()
	}
	if err == io.EOF {
		return fmt.Errorf("corpus: %s: %w", r.opt.Name, ErrNoHeader)
	}
	if err != nil {
		var re *RowError
		if errors.As(err, &re) {
			re.Row = 0
			re.Err = fmt.Errorf("header: %w", re.Err)
			return re
		}
		return fmt.Errorf("corpus: %s: read: %w", r.opt.Name, err)
	}
	r.offset = row.end
	if i := firstInvalidUTF8(row.raw); i >= 0 {
		line, col := row.locate(i)
		return r.rowError(row.raw, line, col, 0, fmt.Errorf("header: %w", ErrInvalidUTF8))
	}
	seen := make(map[string]bool, len(row.fields))
	for i, name := range row.fields {
		if seen[name] {
			line, col := row.locate(row.starts[i])
			return r.rowError(row.raw, line, col, 0, fmt.Errorf("header: %w: column %q appears twice", ErrDuplicate, name))
		}
		seen[name] = true
	}
	r.header = row.fields
	headerErr := func(err error) error {
		return r.rowError(row.raw, row.line, 0, 0, fmt.Errorf("header: %w; the columns are %s", err, quoteList(r.header)))
	}
	ti, err := resolve(r.header, r.opt.TextField, DefaultTextFields)
	if err != nil {
		return headerErr(err)
	}
	if ti < 0 {
		if r.opt.TextField != "" {
			return headerErr(fmt.Errorf("%w: no column %q", ErrNoText, r.opt.TextField))
		}
		return headerErr(fmt.Errorf("%w: want a column named %s", ErrNoText, orList(DefaultTextFields)))
	}
	li, err := resolve(r.header, r.opt.LabelField, DefaultLabelFields)
	if err != nil {
		return headerErr(err)
	}
	if li < 0 && r.opt.LabelField != "" {
		return headerErr(fmt.Errorf("no label column %q", r.opt.LabelField))
	}
	if li == ti {
		li = -1 // a text column is never also the label
	}
	r.textIdx, r.textField = ti, r.header[ti]
	r.labelIdx = li
	if li >= 0 {
		r.labelField = r.header[li]
	}
	return nil
}

// resolve returns the index in names of want (exactly, else in any case)
// or, when want is "", of the first of defaults present (exactly, else in
// any case); -1
// when none is. Two names that match want only in different cases are an
// error.
func resolve(names []string, want string, defaults []string) (int, error) {
	if want != "" {
		for i, n := range names {
			if n == want {
				return i, nil
			}
		}
		return foldIndex(names, want)
	}
	for _, d := range defaults {
		for i, n := range names {
			if n == d {
				return i, nil
			}
		}
		i, err := foldIndex(names, d)
		if err != nil || i >= 0 {
			return i, err
		}
	}
	return -1, nil
}

// foldIndex returns the index of the only name equal to want in any case
// (names are compared with surrounding white space trimmed), -1 when there
// is none, and an error when there are several.
func foldIndex(names []string, want string) (int, error) {
	found := -1
	for i, n := range names {
		if strings.EqualFold(strings.TrimSpace(n), want) {
			if found >= 0 {
				return -1, fmt.Errorf("%w: %q and %q both match %q", ErrDuplicate, names[found], n, want)
			}
			found = i
		}
	}
	return found, nil
}

func quoteList(names []string) string {
	if len(names) == 0 {
		return "(none)"
	}
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

// orList returns "a, b or c (in any case)".
func orList(names []string) string {
	switch len(names) {
	case 0:
		return "(none)"
	case 1:
		return names[0] + " (in any case)"
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1] + " (in any case)"
}

// nextDelimited returns the next CSV or TSV record, or row error, from the
// row reader read; every row, good or bad, is counted.
func (r *Reader) nextDelimited(read func() (*rawRow, error)) (*Record, error) {
	row, err := read()
	if err != nil {
		var re *RowError
		if errors.As(err, &re) {
			r.rows++
			re.Row = r.rows
		}
		return nil, err
	}
	r.rows++
	return r.checkRow(row)
}
