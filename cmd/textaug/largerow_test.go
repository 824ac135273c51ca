package main

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/memtest"
)

// largeRow returns one JSONL row of about size bytes of English
// sentences: common words of both domains, figures, a fixed seed.
func largeRow(t *testing.T, size int) []byte {
	t.Helper()
	words := strings.Fields("my card the a bank account transfer money please help lost new still waiting " +
		"payment declined why was charged fee refund app phone operating profit rose sales company " +
		"said quarter net loss shares market and but not never really very good small first")
	r := rand.New(rand.NewPCG(5, 6))
	var b strings.Builder
	for b.Len() < size {
		b.WriteString("I")
		for range 4 + r.IntN(12) {
			b.WriteString(" " + words[r.IntN(len(words))])
		}
		if r.IntN(4) == 0 {
			b.WriteString(", up 3.5% to EUR 25.8 mn")
		}
		b.WriteString(". ")
	}
	row, err := json.Marshal(map[string]string{"text": strings.TrimSpace(b.String()), "label": "x"})
	require.NoError(t, err)
	return append(row, '\n')
}

// The whole augment job on one 900 KB row (reading it, the corpus pass,
// sampling k = 2 under the default preset and eda, writing) holds at most
// 15 times the row live beyond what a one-line input holds
// (memtest.PeakLive; room for a loaded machine). Measured: 8 to 9.5
// times; before rows were edited piece by piece, 58 and 54 times.
func TestLargeRowLiveHeap(t *testing.T) {
	dir := t.TempDir()
	big, small := filepath.Join(dir, "big.jsonl"), filepath.Join(dir, "small.jsonl")
	row := largeRow(t, 900_000)
	require.NoError(t, os.WriteFile(big, row, 0o644))
	require.NoError(t, os.WriteFile(small, []byte(`{"text": "I lost my card, please help.", "label": "x"}`+"\n"), 0o644))
	for _, preset := range []string{"readable", "eda"} {
		args := func(in string) []string {
			return []string{"augment", "--preset", preset, "-k", "2", "--seed", "1", "-o", filepath.Join(dir, "out.jsonl"), in}
		}
		base := peakLive(t, args(small))
		peak := peakLive(t, args(big))
		ratio := (float64(peak) - float64(base)) / float64(len(row))
		t.Logf("%s: a one-line input holds %d bytes live at most, the 900 KB row %.1f times the row more", preset, base, ratio)
		assert.Less(t, ratio, 15.0, preset)
	}
}

// peakLive runs the command line args in this process and returns the
// most live heap it held (memtest.PeakLive).
func peakLive(t *testing.T, args []string) uint64 {
	t.Helper()
	var code int
	var errs string
	peak := memtest.PeakLive(func() { code, _, errs = runCLI(t, "", args...) })
	require.Equal(t, exitOK, code, errs)
	return peak
}
