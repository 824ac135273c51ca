package corpus

import (
	"fmt"
	"unicode/utf8"
)

// rawRow is a CSV or TSV row split into fields, before its checks.
type rawRow struct {
	raw        []byte   // the row without its final line end
	fields     []string // the values
	starts     []int    // offset in raw of each field's first byte (its opening quote, if quoted)
	line       int      // line of raw[0]
	lineStarts []int    // offsets in raw of the lines after the first
	end        int64    // input offset after the row
}

// locate returns the line and 1-based byte column of raw[off]; off may be
// len(raw), just past the row.
func (r *rawRow) locate(off int) (line, col int) {
	line, start := r.line, 0
	for i, s := range r.lineStarts {
		if off < s {
			break
		}
		line, start = r.line+i+1, s
	}
	return line, off - start + 1
}

// checkRow turns a CSV or TSV row into a Record, or a RowError for invalid
// UTF-8, a wrong number of fields or an empty text.
func (r *Reader) checkRow(row *rawRow) (*Record, error) {
	bad := func(off int, err error) error {
		line, col := row.locate(off)
		return r.rowError(row.raw, line, col, r.rows, err)
	}
	if i := firstInvalidUTF8(row.raw); i >= 0 {
		return nil, bad(i, ErrInvalidUTF8)
	}
	if n, want := len(row.fields), len(r.header); n != want {
		off := len(row.raw)
		if n > want {
			off = row.starts[want]
		}
		return nil, bad(off, fmt.Errorf("%w: %d, header has %d", ErrFieldCount, n, want))
	}
	text := row.fields[r.textIdx]
	if isBlank(text) {
		return nil, bad(row.starts[r.textIdx], fmt.Errorf("%w in column %q", ErrEmptyText, r.textField))
	}
	rec := &Record{Row: r.rows, Line: row.line, Text: text, Raw: row.raw, fields: row.fields, textIdx: r.textIdx}
	if r.labelIdx >= 0 {
		rec.Label = row.fields[r.labelIdx]
	}
	return rec, nil
}

// tooLong returns the RowError of a physical line longer than MaxRowBytes.
func (r *Reader) tooLong(l physLine) *RowError {
	return r.rowError(l.data, l.num, 0, 0, fmt.Errorf("%w: line is longer than %d bytes", ErrRowTooLong, r.opt.MaxRowBytes))
}

// quoteByte formats the character at b[0] for a message.
func quoteByte(b []byte) string {
	c, n := utf8.DecodeRune(b)
	if c == utf8.RuneError && n <= 1 {
		return fmt.Sprintf("%q", b[:1])
	}
	return fmt.Sprintf("%q", string(c))
}
