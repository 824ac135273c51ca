package corpus_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// rewrite reads in, writes every record with the text produced by edit
// and the extras produced by extra, and returns the output.
func rewrite(t *testing.T, f corpus.Format, in string, wopt corpus.WriterOptions, edit func(*corpus.Record) string, extra func(*corpus.Record) []string) string {
	t.Helper()
	r := newReader(t, in, corpus.ReaderOptions{Format: f})
	if wopt.Format == 0 {
		wopt.Format = f
	}
	if wopt.Header == nil {
		wopt.Header = r.Header()
	}
	if wopt.TextField == "" {
		wopt.TextField = r.TextField()
	}
	var out bytes.Buffer
	w, err := corpus.NewWriter(&out, wopt)
	require.NoError(t, err)
	recs, bad := readAll(t, r)
	require.Empty(t, bad)
	for _, rec := range recs {
		text := rec.Text
		if edit != nil {
			text = edit(rec)
		}
		var x []string
		if extra != nil {
			x = extra(rec)
		}
		require.NoError(t, w.Write(rec, text, x...))
	}
	require.NoError(t, w.Flush())
	return out.String()
}

// values reads in and returns its header, then the text, label and raw
// bytes of every record.
func values(t *testing.T, f corpus.Format, in string) [][]string {
	t.Helper()
	r := newReader(t, in, corpus.ReaderOptions{Format: f})
	rows := [][]string{r.Header()}
	recs, bad := readAll(t, r)
	require.Empty(t, bad)
	for _, rec := range recs {
		rows = append(rows, []string{rec.Text, rec.Label, string(rec.Raw)})
	}
	return rows
}

// TestRoundTrip reads each fixture and writes every record with its own
// text: the values must survive, and canonical inputs must come back byte
// for byte.
func TestRoundTrip(t *testing.T) {
	tests := []struct {
		name   string
		why    string
		format corpus.Format
		crlf   bool
		want   string // expected output
	}{
		{
			name:   "train.csv",
			why:    "quotes, commas, inner CR/LF, '/', spaces: a canonical CSV is written back unchanged but for the BOM",
			format: corpus.CSV, crlf: true,
			want: strings.TrimPrefix(string(fixture(t, "train.csv")), "\uFEFF"),
		},
		{
			name:   "train.tsv",
			why:    "TSV values, quotes included, are written as they are",
			format: corpus.TSV, crlf: true,
			want: strings.TrimPrefix(string(fixture(t, "train.tsv")), "\uFEFF"),
		},
		{
			name:   "train.jsonl",
			why:    "every member but the text keeps its bytes, spacing and order; the text is re-encoded without HTML escaping; blank lines go",
			format: corpus.JSONL,
			want: `{"id": 1, "text": "Hello <b>world</b> & friends", "label": "greet", "meta": {"src": "web", "tags": ["a", "b"]}}` + "\n" +
				`{"text":"café \"quoted\" / slash","label":3,"score":1.50e+2,"ok":true,"none":null}` + "\n" +
				`{"meta":{"nested":{"deep":[1,2,{"x":"}"}]}},"label":false,"text":"order kept: text is third","z":-0.0}` + "\n" +
				`{ "text" : "spacing kept" , "label" : "greet" , "id" : 7 }` + "\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := string(fixture(t, tt.name))
			got := rewrite(t, tt.format, in, corpus.WriterOptions{CRLF: tt.crlf}, nil, nil)
			assert.Equal(t, tt.want, got, tt.why)
			a, b := values(t, tt.format, in), values(t, tt.format, got)
			if tt.format == corpus.JSONL {
				a, b = jsonMembers(t, in), jsonMembers(t, got)
			}
			assert.Equal(t, a, b, "the same values after reading back")
		})
	}
}

// jsonMembers decodes every object of a JSONL text with encoding/json into
// its ordered member names and raw values; the text member's value is
// decoded, so that only its meaning is compared.
func jsonMembers(t *testing.T, in string) [][]string {
	t.Helper()
	var rows [][]string
	for _, line := range strings.Split(in, "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "\uFEFF")
		if line == "" {
			continue
		}
		dec := json.NewDecoder(strings.NewReader(line))
		tok, err := dec.Token()
		require.NoError(t, err)
		require.Equal(t, json.Delim('{'), tok)
		var row []string
		for dec.More() {
			k, err := dec.Token()
			require.NoError(t, err)
			var v json.RawMessage
			require.NoError(t, dec.Decode(&v))
			if k == "text" {
				var s string
				require.NoError(t, json.Unmarshal(v, &s))
				v = json.RawMessage(s)
			}
			row = append(row, k.(string), string(v))
		}
		rows = append(rows, row)
	}
	return rows
}

func TestWriteNewText(t *testing.T) {
	tests := []struct {
		name   string
		why    string
		format corpus.Format
		in     string
		text   string
		want   string
	}{
		{"csv quotes when needed", "a comma, quote or line end in the new text makes it quoted, quotes doubled",
			corpus.CSV, "id,text\n1,a\n", "say \"hi\",\r\nthen", "id,text\n1,\"say \"\"hi\"\",\r\nthen\"\n"},
		{"csv plain text stays unquoted", "no needless quotes",
			corpus.CSV, "id,text\n1,a\n", "it's / fine; really", "id,text\n1,it's / fine; really\n"},
		{"csv needless quotes in the input go", "values, not bytes, are kept in CSV",
			corpus.CSV, "id,text,n\n\"1\",\"a\",\"x\"\n", "b", "id,text,n\n1,b,x\n"},
		{"csv single empty column", "an empty only value is quoted, so that it is not read as an empty line",
			corpus.CSV, "text\nx\n", "", "text\n\"\"\n"},
		{"csv BOM-led value", "a value starting with U+FEFF is quoted so that it is never taken for a BOM",
			corpus.CSV, "text,id\nx,1\n", "\uFEFFx", "text,id\n\"\uFEFFx\",1\n"},
		{"tsv tab and newline in the text", "they would break the row: each becomes a space",
			corpus.TSV, "id\ttext\tq\n1\ta\t\"q\"\n", "a\tb\nc\r\nd", "id\ttext\tq\n1\ta b c  d\t\"q\"\n"},
		{"tsv CR ending the row, LF line ends", "a CR before the LF line end would be read as part of it",
			corpus.TSV, "text\tn\na\tb\r\r\n", "x", "text\tn\nx\tb \n"},
		{"tsv lone CR kept", "a CR that is not at a line end reads back as it is",
			corpus.TSV, "text\tn\na\tb\n", "x\ry", "text\tn\nx\ry\tb\n"},
		{"jsonl escaping", "the text is a JSON string: no HTML escaping, control characters and U+2028 escaped, invalid UTF-8 replaced",
			corpus.JSONL, "{\"text\": \"a\", \"n\": 1}\n", "<a href=\"x\">&</a>\n\t\x01\u2028\xff é",
			"{\"text\": \"<a href=\\\"x\\\">&</a>\\n\\t\\u0001\\u2028\\ufffd é\", \"n\": 1}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rewrite(t, tt.format, tt.in, corpus.WriterOptions{}, func(*corpus.Record) string { return tt.text }, nil)
			assert.Equal(t, tt.want, got, tt.why)
		})
	}
	t.Run("tsv CR ending the row, CRLF line ends", func(t *testing.T) {
		// why: before "\r\n" a final CR survives, so the value comes back.
		got := rewrite(t, corpus.TSV, "text\tn\na\tb\r\r\n", corpus.WriterOptions{CRLF: true}, nil, nil)
		assert.Equal(t, "text\tn\r\na\tb\r\r\n", got)
		assert.Equal(t, []string{"a", "b\r"}, newReaderRecs(t, corpus.TSV, got)[0].Fields())
	})
}

func newReaderRecs(t *testing.T, f corpus.Format, in string) []*corpus.Record {
	t.Helper()
	recs, bad := readAll(t, newReader(t, in, corpus.ReaderOptions{Format: f}))
	require.Empty(t, bad)
	return recs
}

func TestWriteExtras(t *testing.T) {
	extra := func(rec *corpus.Record) []string { return []string{fmt.Sprint(rec.Row), "0", "swap,del"} }
	names := []string{"source_row", "variant", "ops"}
	tests := []struct {
		name   string
		why    string
		format corpus.Format
		in     string
		crlf   bool
		want   string
	}{
		{"csv", "extras are columns after the header's; values quoted as needed",
			corpus.CSV, "text,label\nhi,a\n", true, "text,label,source_row,variant,ops\r\nhi,a,1,0,\"swap,del\"\r\n"},
		{"tsv", "extras are columns after the header's",
			corpus.TSV, "text\tlabel\nhi\ta\n", false, "text\tlabel\tsource_row\tvariant\tops\nhi\ta\t1\t0\tswap,del\n"},
		{"jsonl", "extras are string members after the last member, spaced like the row's",
			corpus.JSONL, "{\"text\":\"hi\", \"label\":\"a\" }\n", false, "{\"text\":\"hi\", \"label\":\"a\", \"source_row\":\"1\", \"variant\":\"0\", \"ops\":\"swap,del\" }\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rewrite(t, tt.format, tt.in, corpus.WriterOptions{Extra: names, CRLF: tt.crlf}, nil, extra)
			assert.Equal(t, tt.want, got, tt.why)
		})
	}
}

func TestNewWriterErrors(t *testing.T) {
	tests := []struct {
		name    string
		opt     corpus.WriterOptions
		want    string
		wantErr error
	}{
		{"header clash", corpus.WriterOptions{Format: corpus.CSV, Header: []string{"text", "variant"}, Extra: []string{"variant"}},
			`corpus: extra name clashes: extra "variant" is already "variant"`, corpus.ErrClash},
		{"clash in any case", corpus.WriterOptions{Format: corpus.TSV, Header: []string{"text", "Ops"}, Extra: []string{"ops"}},
			`corpus: extra name clashes: extra "ops" is already "Ops"`, corpus.ErrClash},
		{"extra twice", corpus.WriterOptions{Format: corpus.CSV, Header: []string{"text"}, Extra: []string{"a", "A"}},
			`corpus: extra name clashes: extra "A" is already "a"`, corpus.ErrClash},
		{"jsonl text clash", corpus.WriterOptions{Format: corpus.JSONL, TextField: "text", Extra: []string{"TEXT"}},
			`corpus: extra name clashes: extra "TEXT" is already "text"`, corpus.ErrClash},
		{"empty extra", corpus.WriterOptions{Format: corpus.JSONL, Extra: []string{""}},
			`corpus: extra name clashes: an extra name is empty`, corpus.ErrClash},
		{"no header", corpus.WriterOptions{Format: corpus.CSV}, `corpus: a csv writer needs a header`, nil},
		{"no text column", corpus.WriterOptions{Format: corpus.CSV, Header: []string{"a", "b"}},
			`corpus: writer header: missing text field: want a column named text, sentence, utterance, query, review, content or message (in any case); the columns are "a", "b"`, corpus.ErrNoText},
		{"named text column missing", corpus.WriterOptions{Format: corpus.CSV, Header: []string{"text"}, TextField: "body"},
			`corpus: writer header: missing text field: no column "body"; the columns are "text"`, corpus.ErrNoText},
		{"tsv tab in a name", corpus.WriterOptions{Format: corpus.TSV, Header: []string{"text", "a\tb"}},
			`corpus: TSV column name "a\tb" holds a tab or line end`, nil},
		{"bad format", corpus.WriterOptions{}, `corpus: unknown format Format(0)`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			_, err := corpus.NewWriter(&out, tt.opt)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			if tt.wantErr != nil {
				assert.ErrorIs(t, err, tt.wantErr)
			}
			assert.Empty(t, out.String(), "nothing is written on error")
		})
	}
}

func TestWriteErrors(t *testing.T) {
	t.Run("jsonl member clash", func(t *testing.T) {
		r := newReader(t, "{\"text\":\"a\",\"Variant\":2}\n", corpus.ReaderOptions{Format: corpus.JSONL})
		rec, err := r.Next()
		require.NoError(t, err)
		w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.JSONL, TextField: r.TextField(), Extra: []string{"variant"}})
		require.NoError(t, err)
		err = w.Write(rec, "b", "1")
		require.ErrorIs(t, err, corpus.ErrClash)
		assert.Equal(t, `corpus: write row 1: extra name clashes: extra "variant" is already member "Variant"`, err.Error())
	})
	t.Run("extra count", func(t *testing.T) {
		w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.CSV, Header: []string{"text"}, Extra: []string{"v"}})
		require.NoError(t, err)
		err = w.Write(&corpus.Record{Row: 4, Text: "x"}, "x")
		assert.EqualError(t, err, "corpus: write row 4: 0 extra values for 1 extra names")
	})
	t.Run("field count", func(t *testing.T) {
		r := newReader(t, "text,b\nx,y\n", corpus.ReaderOptions{Format: corpus.CSV})
		rec, err := r.Next()
		require.NoError(t, err)
		w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.CSV, Header: []string{"text"}})
		require.NoError(t, err)
		assert.EqualError(t, w.Write(rec, "x"), "corpus: write row 1: 2 fields, header has 1")
	})
	t.Run("nil record", func(t *testing.T) {
		w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.JSONL})
		require.NoError(t, err)
		assert.Error(t, w.Write(nil, "x"))
	})
}

func TestHeaderWrittenByNewWriter(t *testing.T) {
	var out bytes.Buffer
	w, err := corpus.NewWriter(&out, corpus.WriterOptions{Format: corpus.CSV, Header: []string{"id", "text, with comma"}, TextField: "text, with comma", Extra: []string{"variant"}})
	require.NoError(t, err)
	assert.Equal(t, "id,\"text, with comma\",variant\n", out.String(), "the header is there before any Write or Flush")
	require.NoError(t, w.Flush())
	assert.Equal(t, "id,\"text, with comma\",variant\n", out.String(), "an empty corpus is a header")
}

func TestCrossFormat(t *testing.T) {
	tests := []struct {
		name string
		why  string
		from corpus.Format
		in   string
		opt  corpus.WriterOptions
		want string
	}{
		{"csv to jsonl", "CSV columns become string members named by Header",
			corpus.CSV, "id,text,label\n1,\"a\nb\",x\n", corpus.WriterOptions{Format: corpus.JSONL, Extra: []string{"variant"}},
			`{"id":"1","text":"A","label":"x","variant":"0"}` + "\n"},
		{"jsonl to csv", "Header picks the members; other types as JSON text; missing ones empty",
			corpus.JSONL, `{"text":"a","label":3,"meta":{"k":[1]},"x":"y,z"}` + "\n",
			corpus.WriterOptions{Format: corpus.CSV, Header: []string{"text", "label", "meta", "x", "missing"}, Extra: []string{"variant"}},
			"text,label,meta,x,missing,variant\nA,3,\"{\"\"k\"\":[1]}\",\"y,z\",,0\n"},
		{"csv to tsv", "values read from CSV lose their tabs and line feeds in TSV",
			corpus.CSV, "text,n\nx,\"a\tb\nc\"\n", corpus.WriterOptions{Format: corpus.TSV, Extra: []string{"variant"}},
			"text\tn\tvariant\nA\ta b c\t0\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rewrite(t, tt.from, tt.in, tt.opt, func(*corpus.Record) string { return "A" }, func(*corpus.Record) []string { return []string{"0"} })
			assert.Equal(t, tt.want, got, tt.why)
		})
	}
	t.Run("records made by hand", func(t *testing.T) {
		rec := &corpus.Record{Text: "hello", Label: "greet"}
		for _, tt := range []struct {
			opt  corpus.WriterOptions
			want string
		}{
			{corpus.WriterOptions{Format: corpus.JSONL, LabelField: "intent"}, "{\"text\":\"hi\",\"intent\":\"greet\"}\n"},
			{corpus.WriterOptions{Format: corpus.TSV, Header: []string{"id", "text", "intent"}, LabelField: "intent"}, "id\ttext\tintent\n\thi\tgreet\n"},
		} {
			var out bytes.Buffer
			w, err := corpus.NewWriter(&out, tt.opt)
			require.NoError(t, err)
			require.NoError(t, w.Write(rec, "hi"))
			require.NoError(t, w.Flush())
			assert.Equal(t, tt.want, out.String())
		}
	})
}

// TestAppendRowConcurrent encodes rows from many goroutines at once (run
// with -race) and checks that the result is what Write writes.
func TestAppendRowConcurrent(t *testing.T) {
	for _, name := range []string{"train.csv", "train.tsv", "train.jsonl"} {
		t.Run(name, func(t *testing.T) {
			f, _ := corpus.DetectFormat(name)
			r := newReader(t, string(fixture(t, name)), corpus.ReaderOptions{Format: f})
			recs, bad := readAll(t, r)
			require.Empty(t, bad)
			opt := corpus.WriterOptions{Format: f, Header: r.Header(), TextField: r.TextField(), Extra: []string{"variant"}}

			const variants = 50
			text := func(rec *corpus.Record, v int) string { return fmt.Sprintf("%s #%d", rec.Text, v) }
			var want bytes.Buffer
			ws, err := corpus.NewWriter(&want, opt)
			require.NoError(t, err)
			for _, rec := range recs {
				for v := range variants {
					require.NoError(t, ws.Write(rec, text(rec, v), fmt.Sprint(v)))
				}
			}
			require.NoError(t, ws.Flush())

			var got bytes.Buffer
			w, err := corpus.NewWriter(&got, opt)
			require.NoError(t, err)
			encoded := make([][]byte, len(recs)*variants)
			var wg sync.WaitGroup
			for i := range encoded {
				wg.Go(func() {
					rec := recs[i/variants]
					b, err := w.AppendRow(nil, rec, text(rec, i%variants), fmt.Sprint(i%variants))
					assert.NoError(t, err)
					encoded[i] = b
				})
			}
			wg.Wait()
			for _, b := range encoded {
				require.NoError(t, w.WriteEncoded(b))
			}
			require.NoError(t, w.Flush())
			assert.Equal(t, want.String(), got.String())
		})
	}
}

func TestAppendRowAppends(t *testing.T) {
	w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.CSV, Header: []string{"text"}})
	require.NoError(t, err)
	b, err := w.AppendRow([]byte("prefix:"), &corpus.Record{}, "x")
	require.NoError(t, err)
	assert.Equal(t, "prefix:x\n", string(b))
}

func TestHeaderWithBOM(t *testing.T) {
	// The header's first name itself starts with U+FEFF, after the BOM.
	for _, f := range []corpus.Format{corpus.CSV, corpus.TSV} {
		t.Run(f.String(), func(t *testing.T) {
			sep := map[corpus.Format]string{corpus.CSV: ",", corpus.TSV: "\t"}[f]
			in := "\uFEFF\uFEFFid" + sep + "text\n1" + sep + "a\n"
			out := rewrite(t, f, in, corpus.WriterOptions{}, nil, nil)
			r := newReader(t, out, corpus.ReaderOptions{Format: f})
			assert.Equal(t, []string{"\uFEFFid", "text"}, r.Header(), "output %q", out)
		})
	}
}
