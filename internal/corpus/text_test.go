package corpus_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// Why: plain text is a format like the others: every line is a record
// (an empty one too), line ends and a byte order mark are dropped, bad
// UTF-8 is a located row error after which reading goes on, and the
// writer puts provenance before the text, tab-separated.
func TestTextFormat(t *testing.T) {
	in := "\ufeffone\r\n\ntwo \xff three\nfour\r"
	r, err := corpus.NewReader(strings.NewReader(in), corpus.ReaderOptions{Format: corpus.Text, Name: "in.txt"})
	require.NoError(t, err)
	var texts []string
	var bad *corpus.RowError
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if errors.As(err, &bad) {
			continue
		}
		require.NoError(t, err)
		texts = append(texts, rec.Text)
		assert.Equal(t, rec.Row, rec.Line)
	}
	assert.Equal(t, []string{"one", "", "four"}, texts)
	require.NotNil(t, bad)
	assert.Equal(t, "corpus: in.txt:3:5: invalid UTF-8", bad.Error())
	assert.Equal(t, 3, bad.Row)
	assert.Equal(t, int64(len(in)), r.Offset())

	w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.Text, Extra: []string{"a", "b"}})
	require.NoError(t, err)
	rec := &corpus.Record{Row: 1, Text: "x"}
	got, err := w.AppendRow(nil, rec, "tab\there\nend", "1", "2")
	require.NoError(t, err)
	assert.Equal(t, "1\t2\ttab here end\n", string(got))
	plain, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.Text})
	require.NoError(t, err)
	got, err = plain.AppendRow(nil, rec, "keeps\ttabs\r\n")
	require.NoError(t, err)
	assert.Equal(t, "keeps tabs  \n", string(got), "a text with a line end loses its tabs too")
	got, err = plain.AppendRow(nil, rec, "keeps\ttabs")
	require.NoError(t, err)
	assert.Equal(t, "keeps\ttabs\n", string(got))
}
