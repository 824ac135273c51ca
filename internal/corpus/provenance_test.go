package corpus_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

var provenance = corpus.WriterOptions{Extra: []string{"source_row", "variant", "ops"}, Numeric: []string{"source_row", "variant"}}

func provenanceOf(rec *corpus.Record) []string { return []string{"12", "3", "swap+delete"} }

// TestProvenanceNumbers: provenance's row and variant numbers are JSON
// numbers, and appended members are spaced as the row spaces its own.
func TestProvenanceNumbers(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"spaced", `{"text": "hi", "label": "a"}`,
			`{"text": "hi", "label": "a", "source_row": 12, "variant": 3, "ops": "swap+delete"}`},
		{"compact", `{"text":"hi","label":"a"}`,
			`{"text":"hi","label":"a","source_row":12,"variant":3,"ops":"swap+delete"}`},
		{"spaced both sides", `{ "text" : "hi" , "label" : "a" }`,
			`{ "text" : "hi" , "label" : "a" , "source_row" : 12 , "variant" : 3 , "ops" : "swap+delete" }`},
		{"one member", `{"text": "hi"}`,
			`{"text": "hi", "source_row": 12, "variant": 3, "ops": "swap+delete"}`},
		{"one compact member", `{"text":"hi"}`,
			`{"text":"hi","source_row":12,"variant":3,"ops":"swap+delete"}`},
		{"text last, space before the brace", `{"label":"a",	"text":"hi"   }`,
			`{"label":"a",	"text":"hi",	"source_row":12,	"variant":3,	"ops":"swap+delete"   }`},
		{"nested values untouched", `{"text": "hi", "meta": {"a": [1, 2]}, "label": "a"}`,
			`{"text": "hi", "meta": {"a": [1, 2]}, "label": "a", "source_row": 12, "variant": 3, "ops": "swap+delete"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := rewrite(t, corpus.JSONL, tt.in+"\n", provenance, nil, provenanceOf)
			assert.Equal(t, tt.want+"\n", got)
			var v map[string]any
			require.NoError(t, json.Unmarshal([]byte(got), &v))
			assert.Equal(t, float64(12), v["source_row"], "a JSON number")
			assert.Equal(t, float64(3), v["variant"])
			assert.Equal(t, "swap+delete", v["ops"])
		})
	}
}

func TestProvenanceNumbersOtherFormats(t *testing.T) {
	got := rewrite(t, corpus.CSV, "text,label\nhi,a\n", provenance, nil, provenanceOf)
	assert.Equal(t, "text,label,source_row,variant,ops\nhi,a,12,3,swap+delete\n", got, "CSV has no types")

	r := newReader(t, "text,label\nhi,a\n", corpus.ReaderOptions{Format: corpus.CSV})
	rec, err := r.Next()
	require.NoError(t, err)
	var out bytes.Buffer
	opt := provenance
	opt.Format, opt.Header, opt.TextField = corpus.JSONL, r.Header(), r.TextField()
	w, err := corpus.NewWriter(&out, opt)
	require.NoError(t, err)
	require.NoError(t, w.Write(rec, "hello", provenanceOf(rec)...))
	require.NoError(t, w.Flush())
	assert.Equal(t, `{"text":"hello","label":"a","source_row":12,"variant":3,"ops":"swap+delete"}`+"\n", out.String(), "CSV to JSONL")
}

func TestProvenanceNumbersErrors(t *testing.T) {
	_, err := corpus.NewWriter(&bytes.Buffer{}, corpus.WriterOptions{Format: corpus.JSONL, Extra: []string{"variant"}, Numeric: []string{"row"}})
	assert.EqualError(t, err, `corpus: numeric "row" is not an extra name (extras: "variant")`)

	for _, bad := range []string{"x", "", "007", "+1", "1.5", "1e3"} {
		r := newReader(t, `{"text":"hi"}`+"\n", corpus.ReaderOptions{Format: corpus.JSONL})
		rec, err := r.Next()
		require.NoError(t, err)
		opt := provenance
		opt.Format = corpus.JSONL
		w, err := corpus.NewWriter(&bytes.Buffer{}, opt)
		require.NoError(t, err)
		err = w.Write(rec, "x", bad, "0", "")
		assert.EqualError(t, err, `corpus: write row 1: extra "source_row": "`+bad+`" is not an integer`)
	}
}
