package corpus

import (
	"errors"
	"fmt"
)

// Sentinel errors wrapped by RowError.Err (and, for the header, by the
// errors of NewReader); test for them with errors.Is. The RowError message
// adds the details, as in "wrong number of fields: 4, header has 3".
var (
	// ErrQuote: a quoted CSV field that is never closed.
	ErrQuote = errors.New("unterminated quote")
	// ErrBareQuote: a quote inside an unquoted CSV field (RFC 4180 forbids
	// it; quote the field and double the quote instead).
	ErrBareQuote = errors.New(`bare " in unquoted field`)
	// ErrAfterQuote: a closing quote of a CSV field followed by something
	// other than a comma or a line end.
	ErrAfterQuote = errors.New("unexpected character after closing quote")
	// ErrFieldCount: a CSV or TSV row whose number of fields differs from
	// the header's.
	ErrFieldCount = errors.New("wrong number of fields")
	// ErrNotObject: a JSONL line that is not valid JSON, or not an object.
	ErrNotObject = errors.New("not a JSON object")
	// ErrNoText: a row without the text field (JSONL), or a header without
	// the text column (wrapped by NewReader's error).
	ErrNoText = errors.New("missing text field")
	// ErrTextNotString: a JSONL text member whose value is not a string.
	ErrTextNotString = errors.New("text field is not a JSON string")
	// ErrDuplicate: a header naming a column twice, or a JSONL object with
	// two members named like the text field.
	ErrDuplicate = errors.New("duplicate name")
	// ErrInvalidUTF8: bytes that are not UTF-8; the column is that of the
	// first bad byte.
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	// ErrEmptyText: a text that is empty or only white space.
	ErrEmptyText = errors.New("empty text")
	// ErrNoLabel: a JSONL object without the label member, or with null
	// as its value, in a corpus that has labels (see
	// ReaderOptions.LabelField).
	ErrNoLabel = errors.New("missing label")
	// ErrRowTooLong: a row longer than ReaderOptions.MaxRowBytes.
	ErrRowTooLong = errors.New("row too long")
	// ErrNoHeader: a CSV or TSV input without a header line.
	ErrNoHeader = errors.New("no header")
	// ErrClash: an extra (provenance) name that is already a column or a
	// member, or is given twice.
	ErrClash = errors.New("extra name clashes")
)

// RowError is a located problem with one row of a corpus. Its message reads
// "corpus: train.csv:17:3: wrong number of fields: 4, header has 3", or
// "corpus: train.csv:17: ..." when the column is unknown.
//
// Reader.Next returns RowErrors for bad rows and can go on after them;
// NewReader returns one, with Row 0, for a bad header, which is fatal.
// A RowError and its Raw bytes belong to the caller.
type RowError struct {
	File   string // the ReaderOptions.Name
	Line   int    // 1-based line of the problem (not necessarily the row's first line)
	Column int    // 1-based byte column of the problem in that line; 0 if unknown
	Row    int    // 1-based data row number; 0 for the header
	Raw    []byte // the bad row verbatim, without its final line end; truncated to MaxRowBytes for ErrRowTooLong
	Err    error  // what is wrong; wraps one of the sentinel errors
}

func (e *RowError) Error() string {
	if e.Column > 0 {
		return fmt.Sprintf("corpus: %s:%d:%d: %v", e.File, e.Line, e.Column, e.Err)
	}
	return fmt.Sprintf("corpus: %s:%d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns e.Err.
func (e *RowError) Unwrap() error { return e.Err }
