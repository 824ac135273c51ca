package corpus_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// addFixtures seeds f with the fixtures of one format and with cases.
func addFixtures(f *testing.F, ext string, cases ...string) {
	paths, err := filepath.Glob(filepath.Join(fixtures, "*."+ext))
	require.NoError(f, err)
	for _, p := range paths {
		b, err := os.ReadFile(p)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, c := range cases {
		f.Add([]byte(c))
	}
}

// checkStream reads in with opt and checks the reader's invariants: no
// panic, no fatal error, every Next a record or a *RowError with Line ≥ 1,
// the right Row and Raw bytes from the input, Rows() = records + row
// errors, Offset at EOF = input size. It returns the records.
func checkStream(t *testing.T, in []byte, opt corpus.ReaderOptions) []*corpus.Record {
	r, err := corpus.NewReader(bytes.NewReader(in), opt)
	if err != nil {
		require.True(t, strings.HasPrefix(err.Error(), "corpus: "), "error %q", err)
		return nil
	}
	var recs []*corpus.Record
	n := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		n++
		require.LessOrEqual(t, n, len(in), "more rows than bytes: the reader does not advance")
		if err != nil {
			var re *corpus.RowError
			require.True(t, errors.As(err, &re), "fatal error on in-memory input: %v", err)
			require.GreaterOrEqual(t, re.Line, 1)
			require.GreaterOrEqual(t, re.Column, 0)
			require.Equal(t, n, re.Row)
			require.True(t, bytes.Contains(in, re.Raw), "Raw %q is the input's bytes", re.Raw)
			continue
		}
		require.Equal(t, n, rec.Row)
		require.GreaterOrEqual(t, rec.Line, 1)
		require.True(t, utf8.ValidString(rec.Text))
		require.NotEmpty(t, strings.TrimSpace(rec.Text))
		require.True(t, bytes.Contains(in, rec.Raw), "Raw %q is the input's bytes", rec.Raw)
		recs = append(recs, rec)
	}
	require.Equal(t, n, r.Rows())
	require.Equal(t, int64(len(in)), r.Offset())
	return recs
}

// checkRewrite writes recs with their own text and reads the output back:
// the values must be the same.
func checkRewrite(t *testing.T, f corpus.Format, in []byte, recs []*corpus.Record) {
	if len(recs) == 0 {
		return
	}
	r, err := corpus.NewReader(bytes.NewReader(in), corpus.ReaderOptions{Format: f})
	require.NoError(t, err)
	var out bytes.Buffer
	// CRLF: a TSV value can end with CR (read from "\r\r\n"), which only
	// survives before a CRLF line end.
	w, err := corpus.NewWriter(&out, corpus.WriterOptions{Format: f, Header: r.Header(), TextField: r.TextField(), CRLF: true})
	require.NoError(t, err)
	for _, rec := range recs {
		require.NoError(t, w.Write(rec, rec.Text))
	}
	require.NoError(t, w.Flush())
	r2, err := corpus.NewReader(&out, corpus.ReaderOptions{Format: f, TextField: r.TextField(), LabelField: r.LabelField()})
	require.NoError(t, err, "output %q", out.String())
	for _, want := range recs {
		got, err := r2.Next()
		require.NoError(t, err)
		require.Equal(t, want.Text, got.Text)
		if r.LabelField() != "" {
			// Otherwise the label is resolved from the first object
			// written, which may name one the first object read did not.
			require.Equal(t, want.Label, got.Label)
		}
		require.Equal(t, want.Fields(), got.Fields())
		if f == corpus.JSONL {
			require.True(t, json.Valid(got.Raw))
		}
	}
	_, err = r2.Next()
	require.Equal(t, io.EOF, err)
}

func fuzzReader(f *testing.F, format corpus.Format, header string) {
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, in := range [][]byte{data, append([]byte(header), data...)} {
			recs := checkStream(t, in, corpus.ReaderOptions{Format: format})
			checkRewrite(t, format, in, recs)
			checkStream(t, in, corpus.ReaderOptions{Format: format, MaxRowBytes: 16})
		}
	})
}

func FuzzCSVReader(f *testing.F) {
	addFixtures(f, "csv",
		"text\n\"a\"\"b\",\n", "text,n\n\"open\nx,1\n\"a\nb\"c\n", "text\r\n\"\r\n\"\r\n", "\uFEFFtext\na\rb\n",
		"text,label\n\"\"\"\"\n,\n\"\n")
	fuzzReader(f, corpus.CSV, "text,label\n")
}

func FuzzTSVReader(f *testing.F) {
	addFixtures(f, "tsv", "text\tlabel\n\"a\tb\n", "\uFEFFtext\r\n\r\n \r\n", "a\tb\tc\n\xff\n")
	fuzzReader(f, corpus.TSV, "text\tlabel\n")
}

func FuzzJSONLReader(f *testing.F) {
	addFixtures(f, "jsonl",
		`{"text":"a\u0000b","label":[1,{"x":"]"}]}`, `{"Text":"x"}`+"\n"+`{"text":"y"}`, "\uFEFF{\"text\":\"\\ud800\"}\r\n",
		`{"text":"a","text":"b"}`, `{"text":"\u2028<&>"} `)
	fuzzReader(f, corpus.JSONL, `{"text":"first","label":"x"}`+"\n")
}

// FuzzCSVRoundTrip writes arbitrary values as CSV and reads them back.
func FuzzCSVRoundTrip(f *testing.F) {
	f.Add("hello", "greet", "a,b", `"q"`, false)
	f.Add("line\r\nbreak", "", "\r", "\n", true)
	f.Add("\uFEFFbom", " ", "", "\"\"", false)
	f.Add(" ", "x", "\xff", "y", true)
	f.Fuzz(func(t *testing.T, text, label, x1, x2 string, crlf bool) {
		var out bytes.Buffer
		w, err := corpus.NewWriter(&out, corpus.WriterOptions{
			Format: corpus.CSV, Header: []string{"text", "label"}, LabelField: "label", Extra: []string{"x1", "x2"}, CRLF: crlf,
		})
		require.NoError(t, err)
		require.NoError(t, w.Write(&corpus.Record{Label: label}, text, x1, x2))
		require.NoError(t, w.Write(&corpus.Record{Label: "sync"}, "next", "", ""))
		require.NoError(t, w.Flush())

		r, err := corpus.NewReader(&out, corpus.ReaderOptions{Format: corpus.CSV})
		require.NoError(t, err)
		rec, err := r.Next()
		valid := utf8.ValidString(text) && utf8.ValidString(label) && utf8.ValidString(x1) && utf8.ValidString(x2)
		switch {
		case !valid:
			assert.ErrorIs(t, err, corpus.ErrInvalidUTF8)
		case strings.TrimSpace(text) == "":
			assert.ErrorIs(t, err, corpus.ErrEmptyText)
		default:
			require.NoError(t, err)
			assert.Equal(t, []string{text, label, x1, x2}, rec.Fields())
			assert.Equal(t, label, rec.Label)
		}
		rec, err = r.Next()
		require.NoError(t, err, "the row after stays in sync")
		assert.Equal(t, []string{"next", "sync", "", ""}, rec.Fields())
		_, err = r.Next()
		assert.Equal(t, io.EOF, err)
	})
}
