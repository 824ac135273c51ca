package corpus_test

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

func TestFormatNames(t *testing.T) {
	for _, f := range []corpus.Format{corpus.CSV, corpus.TSV, corpus.JSONL, corpus.Text} {
		got, ok := corpus.ParseFormat(f.String())
		assert.True(t, ok, "String is what ParseFormat reads")
		assert.Equal(t, f, got)
	}
	assert.Equal(t, "Format(0)", corpus.Format(0).String())

	tests := []struct {
		in   string
		want corpus.Format
		ok   bool
	}{
		{"csv", corpus.CSV, true},
		{"TSV", corpus.TSV, true},
		{"tab", corpus.TSV, true},
		{"jsonl", corpus.JSONL, true},
		{"json", corpus.JSONL, true},
		{" ndjson ", corpus.JSONL, true},
		{"xlsx", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := corpus.ParseFormat(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		assert.Equal(t, tt.want, got, tt.in)
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		path string
		want corpus.Format
		ok   bool
	}{
		{"train.csv", corpus.CSV, true},
		{"data/Train.CSV.GZ", corpus.CSV, true},
		{"a.tsv", corpus.TSV, true},
		{"a.tab.gz", corpus.TSV, true},
		{"a.jsonl", corpus.JSONL, true},
		{"a.ndjson.gz", corpus.JSONL, true},
		{"a.json", corpus.JSONL, true},
		{"a.txt", 0, false},
		{"a.gz", 0, false},
		{"csv", 0, false},
		{"-", 0, false},
	}
	for _, tt := range tests {
		got, ok := corpus.DetectFormat(tt.path)
		assert.Equal(t, tt.ok, ok, tt.path)
		assert.Equal(t, tt.want, got, tt.path)
	}
	assert.True(t, corpus.Gzip("x.csv.gz"))
	assert.True(t, corpus.Gzip("x.csv.GZ"))
	assert.False(t, corpus.Gzip("x.csv"))
	assert.False(t, corpus.Gzip("gz"))
}

// TestGzipRoundTrip writes a gzipped corpus with a Writer and reads it back
// through Open.
func TestGzipRoundTrip(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "in.csv.gz")
	dst := filepath.Join(dir, "out.csv.gz")
	in := fixture(t, "train.csv")

	f, err := os.Create(src)
	require.NoError(t, err)
	zw := gzip.NewWriter(f)
	_, err = zw.Write(in)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	require.NoError(t, f.Close())

	rc, err := corpus.Open(src)
	require.NoError(t, err)
	r, err := corpus.NewReader(rc, corpus.ReaderOptions{Format: corpus.CSV, Name: src})
	require.NoError(t, err)

	out, err := os.Create(dst)
	require.NoError(t, err)
	require.True(t, corpus.Gzip(dst))
	zout := gzip.NewWriter(out)
	w, err := corpus.NewWriter(zout, corpus.WriterOptions{Format: corpus.CSV, Header: r.Header(), TextField: r.TextField(), CRLF: true})
	require.NoError(t, err)
	recs, bad := readAll(t, r)
	require.Empty(t, bad)
	assert.Equal(t, int64(len(in)), r.Offset(), "Offset counts decompressed bytes")
	require.NoError(t, rc.Close())
	for _, rec := range recs {
		require.NoError(t, w.Write(rec, rec.Text))
	}
	require.NoError(t, w.Flush())
	require.NoError(t, zout.Close())
	require.NoError(t, out.Close())

	rc, err = corpus.Open(dst)
	require.NoError(t, err)
	got, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Equal(t, string(in[len("\uFEFF"):]), string(got), "a canonical CSV comes back byte for byte, less its BOM")
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	_, err := corpus.Open(filepath.Join(dir, "missing.csv"))
	require.Error(t, err)
	assert.ErrorIs(t, err, os.ErrNotExist)
	assert.Contains(t, err.Error(), "corpus: open ")

	notGzip := filepath.Join(dir, "plain.csv.gz")
	require.NoError(t, os.WriteFile(notGzip, []byte("text\nhello\n"), 0o644))
	_, err = corpus.Open(notGzip)
	require.ErrorIs(t, err, gzip.ErrHeader)
	assert.Equal(t, "corpus: "+notGzip+": gzip: invalid header", err.Error())

	plain := filepath.Join(dir, "plain.csv")
	require.NoError(t, os.WriteFile(plain, []byte("text\nhello\n"), 0o644))
	rc, err := corpus.Open(plain)
	require.NoError(t, err)
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	assert.Equal(t, "text\nhello\n", string(b))
	require.NoError(t, rc.Close())

	// A truncated gzip stream is a fatal read error, not a row error.
	var buf []byte
	{
		f := filepath.Join(dir, "t.tsv.gz")
		out, err := os.Create(f)
		require.NoError(t, err)
		zw := gzip.NewWriter(out)
		_, err = zw.Write([]byte("text\nhello\nworld\n"))
		require.NoError(t, err)
		require.NoError(t, zw.Close())
		require.NoError(t, out.Close())
		buf, err = os.ReadFile(f)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(f, buf[:len(buf)-6], 0o644))
		rc, err := corpus.Open(f)
		require.NoError(t, err)
		defer rc.Close()
		r, err := corpus.NewReader(rc, corpus.ReaderOptions{Format: corpus.TSV, Name: f})
		require.NoError(t, err)
		_, _ = r.Next()
		_, _ = r.Next()
		_, err = r.Next()
		require.Error(t, err)
		assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
		assert.NotErrorIs(t, err, io.EOF)
	}
}
