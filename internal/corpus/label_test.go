package corpus_test

import (
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// TestJSONLMissingLabel: in a corpus with labels, a JSONL row without its
// label is a located bad row, never a record passed on as if labelled.
func TestJSONLMissingLabel(t *testing.T) {
	tests := []struct {
		name, why string
		opt       corpus.ReaderOptions
		in        string
		want      []string
	}{
		{
			name: "other rows have the label",
			why:  "the label is resolved from the first object with one; an object without it is a bad row",
			in:   `{"text": "close my account", "label": "close"}` + "\n" + `{"text": "no label here"}` + "\n" + `{"text": "fine", "label": "open"}` + "\n",
			want: []string{`rec 1@1 "close my account" "close"`, `err 2: corpus: x.jsonl:2:1: missing label: no member "label"`, `rec 3@3 "fine" "open"`},
		},
		{
			name: "the first row lacks it",
			why:  "a later object decides that the corpus has labels",
			in:   `{"text": "first, unlabelled"}` + "\n" + `{"text": "second", "intent": "greet"}` + "\n",
			want: []string{`err 1: corpus: x.jsonl:1:1: missing label: no member "intent"`, `rec 2@2 "second" "greet"`},
		},
		{
			name: "null",
			why:  "null is no label",
			in:   `{"text": "a", "label": "x"}` + "\n" + `{"text": "b", "label": null}` + "\n",
			want: []string{`rec 1@1 "a" "x"`, `err 2: corpus: x.jsonl:2:24: missing label: member "label" is null`},
		},
		{
			name: "given label",
			why:  "--label given: every object needs that member",
			opt:  corpus.ReaderOptions{LabelField: "sentiment"},
			in:   `{"text": "up", "sentiment": "positive", "label": "ignored"}` + "\n" + `{"text": "down", "label": "negative"}` + "\n",
			want: []string{`rec 1@1 "up" "positive"`, `err 2: corpus: x.jsonl:2:1: missing label: no member "sentiment"`},
		},
		{
			name: "no labels at all",
			why:  "a corpus without labels is fine",
			in:   `{"text": "a"}` + "\n" + `{"text": "b", "note": 1}` + "\n",
			want: []string{`rec 1@1 "a" ""`, `rec 2@2 "b" ""`},
		},
		{
			name: "leading space",
			why:  "the column is that of the opening brace",
			in:   `{"text": "a", "label": "x"}` + "\n" + `   {"text": "b"}` + "\n",
			want: []string{`rec 1@1 "a" "x"`, `err 2: corpus: x.jsonl:2:4: missing label: no member "label"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opt := tt.opt
			opt.Format, opt.Name = corpus.JSONL, "x.jsonl"
			assert.Equal(t, tt.want, describe(t, newReader(t, tt.in, opt)), tt.why)
		})
	}
}

func TestJSONLMissingLabelIs(t *testing.T) {
	r := newReader(t, `{"text": "a", "label": "x"}`+"\n"+`{"text": "b"}`+"\n", corpus.ReaderOptions{Format: corpus.JSONL})
	_, err := r.Next()
	require.NoError(t, err)
	_, err = r.Next()
	var re *corpus.RowError
	require.ErrorAs(t, err, &re)
	assert.ErrorIs(t, err, corpus.ErrNoLabel)
	assert.Equal(t, `{"text": "b"}`, string(re.Raw), "the reject is the row verbatim")
	_, err = r.Next()
	assert.Equal(t, io.EOF, err)
}

// TestJSONLGivenLabelAbsent: a LabelField that no object has is an error
// of NewReader, as for a CSV header without that column.
func TestJSONLGivenLabelAbsent(t *testing.T) {
	_, err := corpus.NewReader(strings.NewReader(`{"text": "a", "label": "x"}`+"\n"), corpus.ReaderOptions{Format: corpus.JSONL, Name: "x.jsonl", LabelField: "intent"})
	require.Error(t, err)
	assert.Equal(t, `corpus: x.jsonl:1: no label member "intent" in any object; the first object has members "text", "label"`, err.Error())
}
