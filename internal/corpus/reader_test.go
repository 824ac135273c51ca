package corpus_test

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

func TestReadGood(t *testing.T) {
	tests := []struct {
		name   string
		why    string
		format corpus.Format
		in     string
		opt    corpus.ReaderOptions
		want   []string
	}{
		{
			name:   "csv fixture",
			why:    "BOM, CRLF, doubled quotes, commas, CR/LF inside quotes kept exactly, '/', spaces kept, empty label",
			format: corpus.CSV,
			in:     string(fixture(t, "train.csv")),
			want: []string{
				`rec 1@2 "He said \"hello\", then left." "greet"`,
				`rec 2@3 "line one\r\nline two\nline three" "multi"`,
				`rec 3@6 "plain text with / slash and émoji 🙂" "other"`,
				`rec 4@7 "  spaced  " "  spaced label "`,
				`rec 5@8 "quote at end \"" "greet"`,
				`rec 6@9 "comma, and \"quotes\" and\r\nnewline" ""`,
			},
		},
		{
			name:   "tsv fixture",
			why:    "quotes are ordinary characters in TSV; BOM and CRLF",
			format: corpus.TSV,
			in:     string(fixture(t, "train.tsv")),
			want: []string{
				`rec 1@2 "\"Quoted\" text stays \"as is\"" "greet"`,
				`rec 2@3 "it's a \"test\", isn't it?" "question"`,
				`rec 3@4 "  padded  " ""`,
			},
		},
		{
			name:   "jsonl fixture",
			why:    "blank lines skipped but counted as lines; escapes decoded; non-string labels as JSON text",
			format: corpus.JSONL,
			in:     string(fixture(t, "train.jsonl")),
			want: []string{
				`rec 1@1 "Hello <b>world</b> & friends" "greet"`,
				`rec 2@3 "café \"quoted\" / slash" "3"`,
				`rec 3@5 "order kept: text is third" "false"`,
				`rec 4@6 "spacing kept" "greet"`,
			},
		},
		{
			name:   "csv LF, no final line end, trailing empty field",
			why:    "the last row needs no line end; a trailing comma is an empty last field",
			format: corpus.CSV,
			in:     "text,label,x\nhello,a,\nbye,b,",
			want:   []string{`rec 1@2 "hello" "a"`, `rec 2@3 "bye" "b"`},
		},
		{
			name:   "csv empty lines skipped",
			why:    "empty lines are not rows (as in encoding/csv), but they count as lines",
			format: corpus.CSV,
			in:     "\n\ntext\n\r\none\n\n\ntwo\n",
			want:   []string{`rec 1@5 "one" ""`, `rec 2@8 "two" ""`},
		},
		{
			name:   "csv lone CR is data",
			why:    "only LF and CRLF end lines; a CR elsewhere is kept",
			format: corpus.CSV,
			in:     "text\na\rb\n",
			want:   []string{`rec 1@2 "a\rb" ""`},
		},
		{
			name:   "jsonl null label and label that is the text",
			why:    "null is no label: a bad row, never a record without a label",
			format: corpus.JSONL,
			in:     `{"text":"a","label":null}` + "\n",
			want:   []string{`err 1: corpus: input:1:21: missing label: member "label" is null`},
		},
		{
			name:   "csv explicit fields",
			why:    "TextField and LabelField override the defaults; exact match",
			format: corpus.CSV,
			opt:    corpus.ReaderOptions{TextField: "body", LabelField: "tag"},
			in:     "text,body,label,tag\nx,hello,y,t1\n",
			want:   []string{`rec 1@2 "hello" "t1"`},
		},
		{
			name:   "jsonl empty input",
			why:    "an empty JSONL corpus is valid",
			format: corpus.JSONL,
			in:     "",
			want:   nil,
		},
		{
			name:   "csv header only",
			why:    "a header without rows is an empty corpus",
			format: corpus.CSV,
			in:     "text,label\r\n",
			want:   nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Format = tt.format
			r := newReader(t, tt.in, tt.opt)
			assert.Equal(t, tt.want, describe(t, r), tt.why)
			assert.Equal(t, int64(len(tt.in)), r.Offset(), "Offset at EOF is the input size")
		})
	}
}

func TestReadRaw(t *testing.T) {
	tests := []struct {
		name   string
		format corpus.Format
		in     string
		want   []string
	}{
		{"csv keeps quotes and inner CRLF, drops the final line end", corpus.CSV,
			"text\r\n\"a \"\"b\"\"\r\nc\"\r\nplain\r\n", []string{"\"a \"\"b\"\"\r\nc\"", "plain"}},
		{"tsv drops BOM and CRLF", corpus.TSV, "\uFEFFtext\r\n\"x\"\r\n", []string{`"x"`}},
		{"jsonl keeps spacing", corpus.JSONL, "\uFEFF { \"text\" : \"a\" } \r\n", []string{` { "text" : "a" } `}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs, bad := readAll(t, newReader(t, tt.in, corpus.ReaderOptions{Format: tt.format}))
			require.Empty(t, bad)
			var got []string
			for _, r := range recs {
				got = append(got, string(r.Raw))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// TestRowErrors checks every kind of row error with its exact place and
// message, and that the reader goes on with the next row after it.
func TestRowErrors(t *testing.T) {
	tests := []struct {
		name   string
		why    string
		format corpus.Format
		in     string
		want   []string
	}{
		{
			name:   "csv fixture",
			why:    "every CSV error in one file, each followed by a good row or another error",
			format: corpus.CSV,
			in:     string(fixture(t, "bad.csv")),
			want: []string{
				`rec 1@2 "good one" "a"`,
				`err 2: corpus: bad.csv:3:3: unterminated quote: its field runs into line 5, column 9: unexpected character after closing quote: "q"`,
				`rec 3@4 "after the stray quote" "c"`,
				`err 4: corpus: bad.csv:5:8: bare " in unquoted field`,
				`err 5: corpus: bad.csv:6:11: unexpected character after closing quote: "x"`,
				`err 6: corpus: bad.csv:7:12: wrong number of fields: 4, header has 3`,
				`err 7: corpus: bad.csv:8:10: wrong number of fields: 2, header has 3`,
				`err 8: corpus: bad.csv:9:3: empty text in column "text"`,
				`err 9: corpus: bad.csv:10:7: invalid UTF-8`,
				`rec 10@11 "last good" "h"`,
			},
		},
		{
			name:   "tsv fixture",
			why:    "every TSV error; quotes are not errors",
			format: corpus.TSV,
			in:     string(fixture(t, "bad.tsv")),
			want: []string{
				`rec 1@2 "good one" "a"`,
				`err 2: corpus: bad.tsv:3:12: wrong number of fields: 4, header has 3`,
				`err 3: corpus: bad.tsv:4:10: wrong number of fields: 2, header has 3`,
				`err 4: corpus: bad.tsv:5:3: empty text in column "text"`,
				`err 5: corpus: bad.tsv:6:7: invalid UTF-8`,
				`rec 6@7 "\"quotes\" are fine" "d"`,
			},
		},
		{
			name:   "jsonl fixture",
			why:    "every JSONL error; a blank line is skipped but counted",
			format: corpus.JSONL,
			in:     string(fixture(t, "bad.jsonl")),
			want: []string{
				`rec 1@1 "good one" "a"`,
				`err 2: corpus: bad.jsonl:2:1: not a JSON object: found an array`,
				`err 3: corpus: bad.jsonl:3:1: missing text field: no member "text"`,
				`err 4: corpus: bad.jsonl:4:9: text field is not a JSON string: member "text" is a number`,
				`err 5: corpus: bad.jsonl:5:9: empty text in member "text"`,
				`err 6: corpus: bad.jsonl:6:14: invalid UTF-8`,
				`err 7: corpus: bad.jsonl:7:21: not a JSON object: unexpected end of JSON input`,
				`err 8: corpus: bad.jsonl:8:13: duplicate name: member "text" appears twice`,
				`rec 9@10 "last good" "e"`,
			},
		},
		{
			name:   "csv unterminated quote at end of input",
			why:    "the quote runs to EOF: the bad row is its own line, the lines after it are read again",
			format: corpus.CSV,
			in:     "text,n\n\"open,1\nnext,2\nlast,3\n",
			want: []string{
				`err 1: corpus: input:2:1: unterminated quote`,
				`rec 2@3 "next" ""`,
				`rec 3@4 "last" ""`,
			},
		},
		{
			name:   "csv unterminated quote after a good multi-line field",
			why:    "the bad row is the lines up to the opening quote's line",
			format: corpus.CSV,
			in:     "text,n\n\"a\nb\",\"open\nnext,2\n",
			want: []string{
				`err 1: corpus: input:3:4: unterminated quote`,
				`rec 2@4 "next" ""`,
			},
		},
		{
			name:   "csv bare quote after a multi-line field",
			why:    "a framing error in a row spanning lines is blamed on the last multi-line field",
			format: corpus.CSV,
			in:     "text,n\n\"a\nb\",c\"d\nnext,2\n",
			want: []string{
				`err 1: corpus: input:2:1: unterminated quote: its field runs into line 3, column 5: bare " in unquoted field`,
				`err 2: corpus: input:3:2: bare " in unquoted field`,
				`rec 3@4 "next" ""`,
			},
		},
		{
			name:   "csv quote in the middle of a quoted field",
			why:    "RFC 4180: a quote inside a quoted field must be doubled",
			format: corpus.CSV,
			in:     "text\n\"say \"hi\"\"\nok\n",
			want: []string{
				`err 1: corpus: input:2:7: unexpected character after closing quote: "h"`,
				`rec 2@3 "ok" ""`,
			},
		},
		{
			name:   "csv space after closing quote",
			why:    "RFC 4180 allows nothing but a comma or a line end after a closing quote",
			format: corpus.CSV,
			in:     "text,n\n\"a\" ,1\n",
			want:   []string{`err 1: corpus: input:2:4: unexpected character after closing quote: " "`},
		},
		{
			name:   "csv invalid UTF-8 on the second line of a row",
			why:    "the line and column are those of the bad byte, not of the row's start",
			format: corpus.CSV,
			in:     "text,n\n\"a\nbc\xff\",1\n",
			want:   []string{`err 1: corpus: input:3:3: invalid UTF-8`},
		},
		{
			name:   "csv invalid UTF-8 in an after-quote error",
			why:    "the unexpected byte is shown escaped",
			format: corpus.CSV,
			in:     "text\n\"a\"\xff\n",
			want:   []string{`err 1: corpus: input:2:4: unexpected character after closing quote: "\xff"`},
		},
		{
			name:   "csv wrong number of fields after a multi-line field",
			why:    "the column of a missing field is just past the row, on its last line",
			format: corpus.CSV,
			in:     "text,n,m\n\"a\nbc\",1\n",
			want:   []string{`err 1: corpus: input:3:6: wrong number of fields: 2, header has 3`},
		},
		{
			name:   "whitespace-only text",
			why:    "any Unicode white space counts as empty",
			format: corpus.TSV,
			in:     "text\n\u00a0\u3000\n",
			want:   []string{`err 1: corpus: input:2:1: empty text in column "text"`},
		},
		{
			name:   "jsonl errors located after a BOM and leading space",
			why:    "columns on line 1 count from after the BOM",
			format: corpus.JSONL,
			in:     "\uFEFF  {\"text\":\"a\"}\n  {\"text\":true}\n  {\"text\": }\n7\n\"s\"\n",
			want: []string{
				`rec 1@1 "a" ""`,
				`err 2: corpus: input:2:11: text field is not a JSON string: member "text" is a boolean`,
				`err 3: corpus: input:3:12: not a JSON object: invalid character '}' looking for beginning of value`,
				`err 4: corpus: input:4:1: not a JSON object: found a number`,
				`err 5: corpus: input:5:1: not a JSON object: found a string`,
			},
		},
		{
			name:   "jsonl trailing garbage",
			why:    "one object per line, nothing after it",
			format: corpus.JSONL,
			in:     "{\"text\":\"a\"} x\n",
			want:   []string{`err 1: corpus: input:1:14: not a JSON object: invalid character 'x' after top-level value`},
		},
		{
			name:   "jsonl text member is exact after resolution",
			why:    "the first object fixes the name (here \"Text\"); later objects must use it",
			format: corpus.JSONL,
			in:     "{\"Text\":\"a\"}\n{\"text\":\"b\"}\n",
			want:   []string{`rec 1@1 "a" ""`, `err 2: corpus: input:2:1: missing text field: no member "Text"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "input"
			if strings.HasSuffix(tt.name, "fixture") {
				name = "bad." + tt.format.String()
			}
			r := newReader(t, tt.in, corpus.ReaderOptions{Format: tt.format, Name: name})
			assert.Equal(t, tt.want, describe(t, r), tt.why)
		})
	}
}

func TestRowErrorFields(t *testing.T) {
	in := "text,label\nok,a\n\"x\"y,b\r\nnext,c\n"
	r := newReader(t, in, corpus.ReaderOptions{Format: corpus.CSV, Name: "train.csv"})
	_, err := r.Next()
	require.NoError(t, err)
	_, err = r.Next()
	var re *corpus.RowError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, &corpus.RowError{File: "train.csv", Line: 3, Column: 4, Row: 2, Raw: []byte(`"x"y,b`), Err: re.Err}, re)
	assert.ErrorIs(t, err, corpus.ErrAfterQuote)
	assert.Equal(t, `corpus: train.csv:3:4: unexpected character after closing quote: "y"`, err.Error())
	rec, err := r.Next()
	require.NoError(t, err, "the reader goes on after a row error")
	assert.Equal(t, "next", rec.Text)
	assert.Equal(t, 3, rec.Row)

	noCol := &corpus.RowError{File: "f.jsonl", Line: 2, Err: corpus.ErrNoText}
	assert.Equal(t, "corpus: f.jsonl:2: missing text field", noCol.Error(), "no column when it is unknown")
}

func TestSentinels(t *testing.T) {
	tests := []struct {
		format corpus.Format
		in     string
		want   error
	}{
		{corpus.CSV, "text\n\"a\n", corpus.ErrQuote},
		{corpus.CSV, "text\na\"b\n", corpus.ErrBareQuote},
		{corpus.CSV, "text\n\"a\"b\n", corpus.ErrAfterQuote},
		{corpus.CSV, "text\na,b\n", corpus.ErrFieldCount},
		{corpus.TSV, "text\ta\nb\n", corpus.ErrFieldCount},
		{corpus.JSONL, "{\"text\":\"a\"}\n[]\n", corpus.ErrNotObject},
		{corpus.JSONL, "{\"text\":\"a\"}\n{}\n", corpus.ErrNoText},
		{corpus.JSONL, "{\"text\":\"a\"}\n{\"text\":{}}\n", corpus.ErrTextNotString},
		{corpus.JSONL, "{\"text\":\"a\"}\n{\"text\":\"\",\"text\":\"b\"}\n", corpus.ErrDuplicate},
		{corpus.TSV, "text\n\xff\n", corpus.ErrInvalidUTF8},
		{corpus.CSV, "text\n\"\"\n", corpus.ErrEmptyText},
	}
	for _, tt := range tests {
		t.Run(tt.want.Error(), func(t *testing.T) {
			_, bad := readAll(t, newReader(t, tt.in, corpus.ReaderOptions{Format: tt.format}))
			require.Len(t, bad, 1)
			assert.ErrorIs(t, bad[0], tt.want)
			assert.GreaterOrEqual(t, bad[0].Line, 1)
		})
	}
}

func TestNewReaderFields(t *testing.T) {
	tests := []struct {
		name      string
		why       string
		format    corpus.Format
		in        string
		opt       corpus.ReaderOptions
		header    []string
		text      string
		label     string
		wantErr   string
		wantErrIs error
	}{
		{name: "defaults in order", why: "text wins over sentence; label is found", format: corpus.CSV,
			in: "sentence,Label,text\n", header: []string{"sentence", "Label", "text"}, text: "text", label: "Label"},
		{name: "case-insensitive default", why: "Utterance matches utterance; intent is a default label", format: corpus.TSV,
			in: "ID\tUtterance\tIntent\n", header: []string{"ID", "Utterance", "Intent"}, text: "Utterance", label: "Intent"},
		{name: "no label is fine", why: "a corpus without labels", format: corpus.CSV,
			in: "id,review\n", header: []string{"id", "review"}, text: "review"},
		{name: "explicit in any case", why: "TextField matches case-insensitively when no exact match", format: corpus.CSV,
			opt: corpus.ReaderOptions{TextField: "BODY"}, in: "id,Body\n", header: []string{"id", "Body"}, text: "Body"},
		{name: "jsonl from the first object", why: "NewReader looks ahead past blank and bad lines to the first object", format: corpus.JSONL,
			in: "\n[1]\n{\"id\":1,\"Query\":\"q\",\"class\":2}\n", text: "Query", label: "class"},
		{name: "jsonl no object", why: "without any object, the text name is the default", format: corpus.JSONL,
			in: "[1]\n", text: "text"},
		{name: "jsonl first object without text", why: "one bad first row must not make the corpus unreadable", format: corpus.JSONL,
			in: "{\"id\":1}\n{\"id\":2,\"Sentence\":\"s\",\"intent\":\"i\"}\n", text: "Sentence", label: "intent"},
		{name: "csv no header", why: "an empty CSV has no header", format: corpus.CSV,
			in: "\n\n", wantErr: "corpus: input: no header", wantErrIs: corpus.ErrNoHeader},
		{name: "tsv no header", why: "an empty TSV has no header", format: corpus.TSV,
			in: "", wantErr: "corpus: input: no header", wantErrIs: corpus.ErrNoHeader},
		{name: "text column missing", why: "the error names the columns that exist", format: corpus.CSV,
			in:        "id,body\n",
			wantErr:   `corpus: input:1: header: missing text field: want a column named text, sentence, utterance, query, review, content or message (in any case); the columns are "id", "body"`,
			wantErrIs: corpus.ErrNoText},
		{name: "explicit text column missing", why: "the error names the columns that exist", format: corpus.TSV,
			opt: corpus.ReaderOptions{TextField: "txt"}, in: "id\ttext\n",
			wantErr: `corpus: input:1: header: missing text field: no column "txt"; the columns are "id", "text"`, wantErrIs: corpus.ErrNoText},
		{name: "explicit label column missing", why: "a label asked for must exist", format: corpus.CSV,
			opt: corpus.ReaderOptions{LabelField: "tag"}, in: "text,label\n",
			wantErr: `corpus: input:1: header: no label column "tag"; the columns are "text", "label"`},
		{name: "duplicate column", why: "two columns with one name make rows ambiguous", format: corpus.CSV,
			in: "text,label,text\n", wantErr: `corpus: input:1:12: header: duplicate name: column "text" appears twice`, wantErrIs: corpus.ErrDuplicate},
		{name: "names differing in case only", why: "Text and TEXT both match the default", format: corpus.CSV,
			in: "Text,TEXT\n", wantErr: `corpus: input:1: header: duplicate name: "Text" and "TEXT" both match "text"; the columns are "Text", "TEXT"`, wantErrIs: corpus.ErrDuplicate},
		{name: "malformed header", why: "a header error is fatal and located", format: corpus.CSV,
			in: "te\"xt\n", wantErr: `corpus: input:1:3: header: bare " in unquoted field`, wantErrIs: corpus.ErrBareQuote},
		{name: "header invalid UTF-8", why: "column names must be UTF-8", format: corpus.TSV,
			in: "id\ttext\xff\n", wantErr: `corpus: input:1:8: header: invalid UTF-8`, wantErrIs: corpus.ErrInvalidUTF8},
		{name: "jsonl no object has a text member", why: "the error names the members of the first object", format: corpus.JSONL,
			in:        "{\"id\":1,\"body\":\"x\"}\n{\"body\":\"y\"}\n",
			wantErr:   `corpus: input:1: missing text field: want a member named text, sentence, utterance, query, review, content or message (in any case); the first object has members "id", "body"`,
			wantErrIs: corpus.ErrNoText},
		{name: "unknown format", why: "Format is required", format: 0, in: "text\n", wantErr: "corpus: unknown format Format(0)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opt.Format = tt.format
			r, err := corpus.NewReader(strings.NewReader(tt.in), tt.opt)
			if tt.wantErr != "" {
				require.Error(t, err, tt.why)
				assert.Equal(t, tt.wantErr, err.Error(), tt.why)
				if tt.wantErrIs != nil {
					assert.ErrorIs(t, err, tt.wantErrIs)
				}
				return
			}
			require.NoError(t, err, tt.why)
			assert.Equal(t, tt.header, r.Header(), tt.why)
			assert.Equal(t, tt.text, r.TextField(), tt.why)
			assert.Equal(t, tt.label, r.LabelField(), tt.why)
		})
	}
}

func TestLongLine(t *testing.T) {
	sentence := strings.Repeat("word ", 1<<19/5) + "end" // just over 512 KiB: under the 1 MiB limit, far past bufio.Scanner's 64 KiB
	for _, f := range []corpus.Format{corpus.CSV, corpus.TSV, corpus.JSONL} {
		t.Run(f.String(), func(t *testing.T) {
			var in string
			switch f {
			case corpus.CSV:
				in = "text,label\n\"" + sentence + "\",a\nshort,b\n"
			case corpus.TSV:
				in = "text\tlabel\n" + sentence + "\ta\nshort\tb\n"
			default:
				in = `{"text":"` + sentence + `","label":"a"}` + "\n" + `{"text":"short","label":"b"}` + "\n"
			}
			recs, bad := readAll(t, newReader(t, in, corpus.ReaderOptions{Format: f}))
			require.Empty(t, bad)
			require.Len(t, recs, 2)
			assert.Equal(t, sentence, recs[0].Text)
			assert.Equal(t, "short", recs[1].Text)
		})
	}
}

func TestMaxRowBytes(t *testing.T) {
	tests := []struct {
		name   string
		why    string
		format corpus.Format
		in     string
		want   []string
	}{
		{"tsv line too long", "a line over the limit is a row error, and reading goes on", corpus.TSV,
			"text\n" + strings.Repeat("x", 40) + "\nok\n",
			[]string{`err 1: corpus: input:2: row too long: line is longer than 32 bytes`, `rec 2@3 "ok" ""`}},
		{"jsonl line too long", "same for JSONL", corpus.JSONL,
			"{\"text\":\"a\"}\n{\"text\":\"" + strings.Repeat("x", 40) + "\"}\n{\"text\":\"b\"}\n",
			[]string{`rec 1@1 "a" ""`, `err 2: corpus: input:2: row too long: line is longer than 32 bytes`, `rec 3@3 "b" ""`}},
		{"csv quoted field over the limit", "a quote still open after MaxRowBytes is taken as unterminated", corpus.CSV,
			"text\n\"a\nbbbbbbbbbbbbbbbbbbbb\ncccccccccccccccccccc\nok\n",
			[]string{`err 1: corpus: input:2:1: unterminated quote: no closing quote within 32 bytes`, `rec 2@3 "bbbbbbbbbbbbbbbbbbbb" ""`, `rec 3@4 "cccccccccccccccccccc" ""`, `rec 4@5 "ok" ""`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newReader(t, tt.in, corpus.ReaderOptions{Format: tt.format, MaxRowBytes: 32})
			assert.Equal(t, tt.want, describe(t, r), tt.why)
		})
	}
	t.Run("raw is truncated", func(t *testing.T) {
		r := newReader(t, "text\n"+strings.Repeat("y", 100)+"\n", corpus.ReaderOptions{Format: corpus.TSV, MaxRowBytes: 32})
		_, err := r.Next()
		var re *corpus.RowError
		require.ErrorAs(t, err, &re)
		assert.ErrorIs(t, err, corpus.ErrRowTooLong)
		assert.Equal(t, strings.Repeat("y", 32), string(re.Raw))
		assert.Equal(t, int64(5+101), r.Offset(), "the whole line is consumed")
	})
}

func TestOffset(t *testing.T) {
	for _, name := range []string{"train.csv", "train.tsv", "train.jsonl", "bad.csv", "bad.tsv", "bad.jsonl"} {
		t.Run(name, func(t *testing.T) {
			in := fixture(t, name)
			f, ok := corpus.DetectFormat(name)
			require.True(t, ok)
			r, err := corpus.NewReader(iotest.OneByteReader(bytes.NewReader(in)), corpus.ReaderOptions{Format: f})
			require.NoError(t, err)
			last := r.Offset()
			for {
				_, err := r.Next()
				if err == io.EOF {
					break
				}
				var re *corpus.RowError
				if err != nil {
					require.ErrorAs(t, err, &re)
				}
				assert.Greater(t, r.Offset(), last, "each row moves Offset on")
				last = r.Offset()
			}
			assert.Equal(t, int64(len(in)), r.Offset())
		})
	}
}

func TestFatalErrorIsSticky(t *testing.T) {
	boom := errors.New("boom")
	in := io.MultiReader(strings.NewReader("text\nok\n"), iotest.ErrReader(boom))
	r, err := corpus.NewReader(in, corpus.ReaderOptions{Format: corpus.TSV, Name: "t.tsv"})
	require.NoError(t, err)
	rec, err := r.Next()
	require.NoError(t, err)
	assert.Equal(t, "ok", rec.Text)
	_, err = r.Next()
	require.ErrorIs(t, err, boom)
	var re *corpus.RowError
	assert.False(t, errors.As(err, &re), "a read error is not a row error")
	assert.Equal(t, "corpus: t.tsv: read: boom", err.Error())
	_, err2 := r.Next()
	assert.Equal(t, err, err2)
}

func TestRecordsAreOwned(t *testing.T) {
	// After an unterminated quote the reader re-reads lines it had already
	// read; a caller appending to a record's Raw must not disturb them.
	r := newReader(t, "text\n\"open\nnext one\nlast\n", corpus.ReaderOptions{Format: corpus.CSV})
	_, err := r.Next()
	var re *corpus.RowError
	require.ErrorAs(t, err, &re)
	_ = append(re.Raw, "XXXXXXXXXXXXXXXXXXXX"...)
	recs, bad := readAll(t, r)
	require.Empty(t, bad)
	require.Len(t, recs, 2)
	assert.Equal(t, "next one", recs[0].Text)
	_ = append(recs[0].Raw, "YYYYYYYYYYYYYYY"...)
	assert.Equal(t, "last", recs[1].Text)
	assert.Equal(t, "last", string(recs[1].Raw))
}
