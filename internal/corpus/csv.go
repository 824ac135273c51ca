package corpus

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// The CSV reader is a small RFC 4180 parser rather than encoding/csv,
// because encoding/csv cannot give what a lossless augmenter needs:
//
//   - it rewrites CRLF inside quoted fields as LF, where values must survive
//     byte for byte;
//   - it does not hand out the raw bytes of a row, which rejects need;
//   - after an unterminated quote it has consumed the rest of the input, so
//     it cannot resynchronise on the next line;
//   - it locates quoting errors but not invalid UTF-8 or empty texts.
//
// The grammar is RFC 4180's, with LF accepted as well as CRLF: a field is
// either unquoted, holding no quote (a quote there is ErrBareQuote), or
// quoted, holding anything, quotes doubled, and followed by a comma or the
// line end (anything else is ErrAfterQuote). A lone CR in an unquoted
// field is kept as data. Spaces around fields are data.

// csvLine records where a physical line of a CSV row is in the row buffer.
type csvLine struct {
	start int   // offset in the row buffer
	num   int   // line number
	end   int64 // input offset after the line
}

// csvField is a field located in the row buffer.
type csvField struct {
	start, end int  // the field's bytes, quotes included
	quoted     bool // enclosed in quotes
	escaped    bool // holds doubled quotes
}

// readCSVRow reads the next CSV row, skipping empty lines. It returns
// io.EOF at the end, a *RowError (with Row unset) for a malformed row, or
// a read error. It advances r.offset past whatever it consumed.
func (r *Reader) readCSVRow() (*rawRow, error) {
	first, err := r.src.next()
	for err == nil && !first.long && len(first.content()) == 0 {
		r.offset = first.end
		first, err = r.src.next()
	}
	if err != nil {
		return nil, err
	}
	r.offset = first.end
	if first.long {
		return nil, r.tooLong(first)
	}
	buf := first.data
	lines := []csvLine{{start: 0, num: first.num, end: first.end}}
	var fields []csvField
	mlOpen, mlLine := -1, -1 // the opening quote of the last field that spans lines, and its line
	// framing reports a malformed row found at buf[at]; see Reader.
	framing := func(at int, err error) error {
		ce := len(trimEOL(buf))
		row := newRawRow(buf[:ce:ce], lines)
		line, col := row.locate(at)
		if mlOpen >= 0 {
			return r.unterminated(buf, lines, mlLine, mlOpen,
				fmt.Errorf("its field runs into line %d, column %d: %w", line, col, err))
		}
		return r.rowError(row.raw, line, col, 0, err)
	}
	pos := 0
	ce := len(trimEOL(buf)) // content end of the last line in buf
	for {
		if pos < ce && buf[pos] == '"' {
			open, openLine := pos, len(lines)-1
			pos++
			escaped := false
			for {
				if i := bytes.IndexByte(buf[pos:], '"'); i >= 0 {
					q := pos + i
					if q+1 < len(buf) && buf[q+1] == '"' {
						pos, escaped = q+2, true
						continue
					}
					pos = q + 1
					break
				}
				// Still quoted at the end of the line: the field goes on.
				pos = len(buf)
				next, err := r.src.next()
				if err != nil && err != io.EOF {
					return nil, err
				}
				if err == io.EOF || next.long || len(buf)+len(next.data) > r.opt.MaxRowBytes {
					if err == nil {
						r.src.unread(next)
					}
					var why error
					if err == nil {
						why = fmt.Errorf("no closing quote within %d bytes", r.opt.MaxRowBytes)
					}
					return nil, r.unterminated(buf, lines, openLine, open, why)
				}
				lines = append(lines, csvLine{start: len(buf), num: next.num, end: next.end})
				buf = append(buf, next.data...)
				r.offset = next.end
			}
			fields = append(fields, csvField{start: open, end: pos, quoted: true, escaped: escaped})
			if openLine < len(lines)-1 {
				mlOpen, mlLine = open, openLine
			}
			ce = len(trimEOL(buf))
			if pos >= ce {
				break
			}
			if buf[pos] == ',' {
				pos++
				continue
			}
			return nil, framing(pos, fmt.Errorf("%w: %s", ErrAfterQuote, quoteByte(buf[pos:])))
		}
		end := ce
		if j := bytes.IndexByte(buf[pos:ce], ','); j >= 0 {
			end = pos + j
		}
		if k := bytes.IndexByte(buf[pos:end], '"'); k >= 0 {
			return nil, framing(pos+k, ErrBareQuote)
		}
		fields = append(fields, csvField{start: pos, end: end})
		if end == ce {
			break
		}
		pos = end + 1
	}
	row := newRawRow(buf[:ce:ce], lines)
	row.end = lines[len(lines)-1].end
	s := string(row.raw)
	row.fields = make([]string, len(fields))
	row.starts = make([]int, len(fields))
	for i, f := range fields {
		row.starts[i] = f.start
		switch {
		case !f.quoted:
			row.fields[i] = s[f.start:f.end]
		case f.escaped:
			row.fields[i] = strings.ReplaceAll(s[f.start+1:f.end-1], `""`, `"`)
		default:
			row.fields[i] = s[f.start+1 : f.end-1]
		}
	}
	return row, nil
}

// newRawRow returns a rawRow of raw, whose physical lines are lines.
func newRawRow(raw []byte, lines []csvLine) *rawRow {
	row := &rawRow{raw: raw, line: lines[0].num, end: lines[len(lines)-1].end}
	for _, l := range lines[1:] {
		row.lineStarts = append(row.lineStarts, l.start)
	}
	return row
}

// unterminated reports the quote at buf[open], on lines[k], as never
// closed, for why (nil: the input ended): the bad row ends with line k,
// and the lines after it are pushed back to be read again as rows.
func (r *Reader) unterminated(buf []byte, lines []csvLine, k, open int, why error) error {
	cut := len(buf)
	if k+1 < len(lines) {
		cut = lines[k+1].start
	}
	n := len(trimEOL(buf[:cut]))
	row := newRawRow(buf[:n:n], lines[:k+1])
	back := make([]physLine, 0, len(lines)-k-1)
	for i := k + 1; i < len(lines); i++ {
		e := len(buf)
		if i+1 < len(lines) {
			e = lines[i+1].start
		}
		back = append(back, physLine{data: buf[lines[i].start:e:e], num: lines[i].num, end: lines[i].end})
	}
	r.src.unread(back...)
	r.offset = lines[k].end
	err := ErrQuote
	if why != nil {
		err = fmt.Errorf("%w: %w", ErrQuote, why)
	}
	line, col := row.locate(open)
	return r.rowError(row.raw, line, col, 0, err)
}
