package corpus

import "strings"

// Plain text: one text per line, every line a record (an empty line is a
// record with an empty text: the Sampler reports it as a shortfall, and it
// is written back as an empty line). There is no header and no label.

// nextText reads the next line as a record.
func (r *Reader) nextText() (*Record, error) {
	l, err := r.src.next()
	if err != nil {
		return nil, err
	}
	r.offset = l.end
	r.rows++
	if l.long {
		e := r.tooLong(l)
		e.Row = r.rows
		return nil, e
	}
	c := l.content()
	c = c[:len(c):len(c)]
	if i := firstInvalidUTF8(c); i >= 0 {
		return nil, r.rowError(c, l.num, i+1, r.rows, ErrInvalidUTF8)
	}
	return &Record{Row: r.rows, Line: l.num, Text: string(c), Raw: c, textIdx: -1}, nil
}

// tsvText makes a text one TSV value on one line.
var tsvText = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// appendText appends a text row: the text alone, or with extra values the
// values and the text separated by tabs (line number, variant, operations,
// text for provenance). Tabs and line ends in the text become spaces,
// except that a text on one line, without extra values, keeps its tabs.
func appendText(dst []byte, text string, extra []string) []byte {
	if len(extra) > 0 {
		for _, e := range extra {
			dst = append(dst, e...)
			dst = append(dst, '\t')
		}
		text = tsvText.Replace(text)
	} else if strings.IndexByte(text, '\n') >= 0 || strings.IndexByte(text, '\r') >= 0 {
		// Two IndexByte scans, not ContainsAny: they run on whole words,
		// and this is once per variant written.
		text = tsvText.Replace(text)
	}
	dst = append(dst, text...)
	return append(dst, '\n')
}
