package corpus_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// fixtures is the directory of small hand-written corpora.
const fixtures = "../../testdata/corpus"

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	require.NoError(t, err)
	return b
}

// newReader returns a reader of in, failing the test on error.
func newReader(t testing.TB, in string, opt corpus.ReaderOptions) *corpus.Reader {
	t.Helper()
	r, err := corpus.NewReader(strings.NewReader(in), opt)
	require.NoError(t, err)
	return r
}

// describe reads r to the end and renders every result of Next on one
// line: `rec ROW@LINE "text" "label"` or `err ROW: message`, then checks
// that Rows() adds up.
func describe(t testing.TB, r *corpus.Reader) []string {
	t.Helper()
	var out []string
	n := 0
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		n++
		if err != nil {
			var re *corpus.RowError
			require.True(t, errors.As(err, &re), "fatal error: %v", err)
			out = append(out, fmt.Sprintf("err %d: %v", re.Row, err))
			continue
		}
		out = append(out, fmt.Sprintf("rec %d@%d %q %q", rec.Row, rec.Line, rec.Text, rec.Label))
	}
	require.Equal(t, n, r.Rows(), "Rows() counts records and row errors")
	return out
}

// readAll reads r to the end, failing on a fatal error.
func readAll(t testing.TB, r *corpus.Reader) (recs []*corpus.Record, bad []*corpus.RowError) {
	t.Helper()
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return recs, bad
		}
		if err != nil {
			var re *corpus.RowError
			require.True(t, errors.As(err, &re), "fatal error: %v", err)
			bad = append(bad, re)
			continue
		}
		recs = append(recs, rec)
	}
}
