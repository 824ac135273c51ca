package corpus_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// allocated returns the bytes f allocates (runtime.MemStats.TotalAlloc,
// which counts allocations, not what the collector has freed).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// longRowInput is a corpus in format f whose second row holds a text of n
// bytes on one line, between two short rows.
func longRowInput(f corpus.Format, n int) []byte {
	text := strings.Repeat("The bank raised its rate. ", n/26+1)[:n]
	var b bytes.Buffer
	switch f {
	case corpus.JSONL:
		b.WriteString(`{"text": "short one", "label": "a"}` + "\n")
		b.WriteString(`{"text": "` + text + `", "label": "b"}` + "\n")
		b.WriteString(`{"text": "short two", "label": "c"}` + "\n")
	case corpus.CSV:
		b.WriteString("text,label\nshort one,a\n\"" + text + "\",b\nshort two,c\n")
	default:
		b.WriteString("text\tlabel\nshort one\ta\n" + text + "\tb\nshort two\tc\n")
	}
	return b.Bytes()
}

// TestDefaultMaxRowBytes: by default a row over 1 MiB is a located bad
// row, and reading it costs memory of the order of the limit, not of the
// row (a 10 MB row used to be read whole, and cost 1.2 GB downstream).
func TestDefaultMaxRowBytes(t *testing.T) {
	assert.Equal(t, 1<<20, corpus.DefaultMaxRowBytes)
	for _, f := range []corpus.Format{corpus.CSV, corpus.TSV, corpus.JSONL} {
		t.Run(f.String(), func(t *testing.T) {
			in := longRowInput(f, 10_000_000)
			var recs []*corpus.Record
			var bad []*corpus.RowError
			alloc := allocated(func() {
				r, err := corpus.NewReader(bytes.NewReader(in), corpus.ReaderOptions{Format: f, Name: "big." + f.String()})
				require.NoError(t, err)
				recs, bad = readAll(t, r)
			})
			require.Len(t, bad, 1)
			assert.ErrorIs(t, bad[0], corpus.ErrRowTooLong)
			line := map[corpus.Format]int{corpus.JSONL: 2, corpus.CSV: 3, corpus.TSV: 3}[f]
			assert.Equal(t, line, bad[0].Line)
			assert.Contains(t, bad[0].Error(), "big."+f.String()+":", "located")
			assert.Len(t, bad[0].Raw, corpus.DefaultMaxRowBytes, "the reject keeps the row's first MiB")
			require.Len(t, recs, 2, "reading goes on after the long row")
			assert.Equal(t, "short two", recs[1].Text)
			t.Logf("a %d-byte input with a 10 MB row: %d bytes allocated", len(in), alloc)
			assert.Less(t, alloc, uint64(4<<20), "a 10 MB row costs about the 1 MiB limit, allocated %d bytes", alloc)
		})
	}
}

// TestRowMemory: a row under the limit costs a small multiple of its size.
func TestRowMemory(t *testing.T) {
	const n = 900_000
	for _, f := range []corpus.Format{corpus.CSV, corpus.TSV, corpus.JSONL} {
		t.Run(f.String(), func(t *testing.T) {
			in := longRowInput(f, n)
			var recs []*corpus.Record
			alloc := allocated(func() {
				r, err := corpus.NewReader(bytes.NewReader(in), corpus.ReaderOptions{Format: f})
				require.NoError(t, err)
				recs, _ = readAll(t, r)
			})
			require.Len(t, recs, 3)
			assert.Len(t, recs[1].Text, n)
			t.Logf("a %d-byte row: %d bytes allocated (%.1f times)", n, alloc, float64(alloc)/n)
			assert.Less(t, alloc, uint64(5*n), "allocated %d bytes for a %d-byte row", alloc, n)
		})
	}
}
