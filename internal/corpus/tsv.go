package corpus

import (
	"bytes"
)

// readTSVRow reads the next TSV line that is not empty and splits it at
// tabs. It returns io.EOF at the end, a *RowError (Row unset) for a line
// that is too long, or a read error.
func (r *Reader) readTSVRow() (*rawRow, error) {
	l, err := r.src.next()
	for err == nil && !l.long && len(l.content()) == 0 {
		r.offset = l.end
		l, err = r.src.next()
	}
	if err != nil {
		return nil, err
	}
	r.offset = l.end
	if l.long {
		return nil, r.tooLong(l)
	}
	c := l.content()
	raw := c[:len(c):len(c)]
	s := string(raw)
	n := bytes.Count(raw, []byte{'\t'}) + 1
	row := &rawRow{raw: raw, line: l.num, end: l.end, fields: make([]string, 0, n), starts: make([]int, 0, n)}
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '\t' {
			row.fields = append(row.fields, s[start:i])
			row.starts = append(row.starts, start)
			start = i + 1
		}
	}
	return row, nil
}
