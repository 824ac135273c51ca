package corpus

import (
	"bufio"
	"encoding/base64"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// RejectWriter writes bad rows as JSONL, one object per line, members in
// this order:
//
//	{"file":"train.csv","line":17,"column":3,"row":16,"reason":"wrong number of fields: 4, header has 3","raw":"a,b,c,d"}
//
// reason is the RowError's Err message, without the location. raw is the
// row verbatim as a JSON string; when the row is not valid UTF-8 the member
// is "raw_base64" instead, holding the bytes in standard base64, so that
// every rejected row can be recovered byte for byte. Output is buffered:
// call Flush at the end. A RejectWriter is not safe for concurrent use.
type RejectWriter struct {
	bw  *bufio.Writer
	buf []byte
}

// NewRejectWriter returns a RejectWriter to w. It does not close w.
func NewRejectWriter(w io.Writer) *RejectWriter {
	return &RejectWriter{bw: bufio.NewWriter(w)}
}

// Write writes one reject line for e.
func (r *RejectWriter) Write(e *RowError) error {
	b := append(r.buf[:0], `{"file":`...)
	b = appendJSONString(b, e.File)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(e.Line), 10)
	b = append(b, `,"column":`...)
	b = strconv.AppendInt(b, int64(e.Column), 10)
	b = append(b, `,"row":`...)
	b = strconv.AppendInt(b, int64(e.Row), 10)
	b = append(b, `,"reason":`...)
	reason := ""
	if e.Err != nil {
		reason = e.Err.Error()
	}
	b = appendJSONString(b, reason)
	if utf8.Valid(e.Raw) {
		b = append(b, `,"raw":`...)
		b = appendJSONString(b, string(e.Raw))
	} else {
		b = append(b, `,"raw_base64":"`...)
		b = base64.StdEncoding.AppendEncode(b, e.Raw)
		b = append(b, '"')
	}
	b = append(b, "}\n"...)
	r.buf = b
	if _, err := r.bw.Write(b); err != nil {
		return fmt.Errorf("corpus: write rejects: %w", err)
	}
	return nil
}

// Flush writes the buffered rejects to the underlying writer.
func (r *RejectWriter) Flush() error {
	if err := r.bw.Flush(); err != nil {
		return fmt.Errorf("corpus: write rejects: %w", err)
	}
	return nil
}
