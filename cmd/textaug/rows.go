package main

import (
	"bufio"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/textaug/textaug/internal/corpus"
)

// row is one input row, whatever the format.
type row struct {
	no, line int
	text     string
	rec      *corpus.Record // nil in text mode
}

// rowSource reads rows; next returns io.EOF at the end and a
// *corpus.RowError for a bad row, after which reading may go on.
type rowSource interface {
	next() (*row, error)
}

// rowSink encodes rows; appendRow must be safe to call from several
// goroutines.
type rowSink interface {
	appendRow(dst []byte, r *row, text string, extra []string) ([]byte, error)
}

// corpusSource adapts a corpus.Reader.
type corpusSource struct{ r *corpus.Reader }

func (c corpusSource) next() (*row, error) {
	rec, err := c.r.Next()
	if err != nil {
		return nil, err
	}
	return &row{no: rec.Row, line: rec.Line, text: rec.Text, rec: rec}, nil
}

type corpusSink struct{ w *corpus.Writer }

func (c corpusSink) appendRow(dst []byte, r *row, text string, extra []string) ([]byte, error) {
	return c.w.AppendRow(dst, r.rec, text, extra...)
}

// textSource reads one sentence per line (LF or CRLF), the format of
// plain .txt files and of stdin without --format.
type textSource struct {
	name string
	r    *bufio.Reader
	no   int
}

func newTextSource(r io.Reader, name string) *textSource {
	return &textSource{name: name, r: bufio.NewReaderSize(r, 1<<16)}
}

func (t *textSource) next() (*row, error) {
	s, err := t.r.ReadString('\n')
	if s == "" && err != nil {
		return nil, err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	t.no++
	s = strings.TrimSuffix(strings.TrimSuffix(s, "\n"), "\r")
	if t.no == 1 {
		s = strings.TrimPrefix(s, "\ufeff")
	}
	if !utf8.ValidString(s) {
		col := 1
		for i := 0; i < len(s); {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				col = i + 1
				break
			}
			i += n
		}
		return nil, &corpus.RowError{File: t.name, Line: t.no, Column: col, Row: t.no, Raw: []byte(s), Err: errors.New("invalid UTF-8")}
	}
	return &row{no: t.no, line: t.no, text: s}, nil
}

// textSink writes one text per line; with extra values it writes TSV
// (line number, variant, operations, text), a tab or newline in the text
// becoming a space.
type textSink struct{}

var tsvText = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

func (textSink) appendRow(dst []byte, r *row, text string, extra []string) ([]byte, error) {
	if len(extra) > 0 {
		for _, e := range extra {
			dst = append(dst, e...)
			dst = append(dst, '\t')
		}
		text = tsvText.Replace(text)
	} else if strings.ContainsAny(text, "\n\r") {
		text = tsvText.Replace(text)
	}
	dst = append(dst, text...)
	return append(dst, '\n'), nil
}
