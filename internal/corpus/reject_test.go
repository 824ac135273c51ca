package corpus_test

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

func TestRejectWriter(t *testing.T) {
	in := "text,label\n<b>ok</b>,a\n\"x\"y,b\nbad \xff\xfe,c\n\"open\n"
	r := newReader(t, in, corpus.ReaderOptions{Format: corpus.CSV, Name: "train.csv"})
	_, bad := readAll(t, r)
	require.Len(t, bad, 3)
	bad = append(bad, &corpus.RowError{File: "x.jsonl", Line: 1, Raw: []byte(`<&>`), Err: corpus.ErrNotObject})

	var out bytes.Buffer
	rw := corpus.NewRejectWriter(&out)
	for _, e := range bad {
		require.NoError(t, rw.Write(e))
	}
	require.NoError(t, rw.Flush())
	want := `{"file":"train.csv","line":3,"column":4,"row":2,"reason":"unexpected character after closing quote: \"y\"","raw":"\"x\"y,b"}` + "\n" +
		`{"file":"train.csv","line":4,"column":5,"row":3,"reason":"invalid UTF-8","raw_base64":"YmFkIP/+LGM="}` + "\n" +
		`{"file":"train.csv","line":5,"column":1,"row":4,"reason":"unterminated quote","raw":"\"open"}` + "\n" +
		`{"file":"x.jsonl","line":1,"column":0,"row":0,"reason":"not a JSON object","raw":"<&>"}` + "\n"
	assert.Equal(t, want, out.String(), "members in a fixed order; no HTML escaping")

	// Every reject is valid JSON and gives back the row byte for byte.
	for i, line := range strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n") {
		var rej struct {
			File      string  `json:"file"`
			Line      int     `json:"line"`
			Column    int     `json:"column"`
			Row       int     `json:"row"`
			Reason    string  `json:"reason"`
			Raw       *string `json:"raw"`
			RawBase64 *string `json:"raw_base64"`
		}
		require.NoError(t, json.Unmarshal([]byte(line), &rej))
		var raw []byte
		if rej.Raw != nil {
			require.Nil(t, rej.RawBase64)
			raw = []byte(*rej.Raw)
		} else {
			require.NotNil(t, rej.RawBase64)
			var err error
			raw, err = base64.StdEncoding.DecodeString(*rej.RawBase64)
			require.NoError(t, err)
		}
		assert.Equal(t, bad[i].Raw, raw)
		assert.Equal(t, bad[i].Line, rej.Line)
		assert.Equal(t, bad[i].Err.Error(), rej.Reason)
	}
}
