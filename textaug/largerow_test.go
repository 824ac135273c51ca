package textaug_test

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/memtest"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
)

// largeEnglish returns about size bytes of English: sentences of common
// words, figures and punctuation drawn with a fixed seed, as one line.
func largeEnglish(size int) string {
	words := strings.Fields("I my card the a bank account transfer money please help lost new " +
		"still waiting week ago payment declined why was charged fee refund top up app phone " +
		"operating profit rose sales increased company said quarter year net loss shares market " +
		"and or but not never quickly really very good bad small large first last")
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for b.Len() < size {
		n := 5 + r.IntN(15)
		for i := range n {
			w := words[r.IntN(len(words))]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			if i == n/2 && r.IntN(3) == 0 {
				b.WriteString(", EUR 25.8 mn")
			}
			if i < n-1 {
				b.WriteByte(' ')
			}
		}
		b.WriteString(". ")
	}
	return strings.TrimSpace(b.String())
}

// largeChinese returns about size bytes of Chinese: clauses of common
// words drawn with a fixed seed, as one line.
func largeChinese(size int) string {
	words := strings.Fields("我的 银行卡 丢了 怎么办 请 帮我 查一下 余额 今天 天气 很好 我们 去 北京 旅游 吧 " +
		"酒店 附近 有 什么 好吃的 餐厅 地铁站 价格 多少 钱 公司 利润 增长 了 市场")
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for b.Len() < size {
		for range 4 + r.IntN(10) {
			b.WriteString(words[r.IntN(len(words))])
		}
		b.WriteString([]string{"，", "。", "？"}[r.IntN(3)])
	}
	return b.String()
}

// presetSampler returns the Sampler of preset with k = 2 and seed 1, and
// its closer.
func presetSampler(t *testing.T, preset string) (textaug.Sampler, func() error) {
	t.Helper()
	rec, ok := recipe.Preset(preset)
	require.True(t, ok, preset)
	aug, closeAug, err := rec.WordsAndLLM()
	require.NoError(t, err)
	return textaug.Sampler{Aug: aug, K: 2, Seed: 1, MaxTries: rec.MaxTries}, closeAug
}

// insertSampler returns a Sampler (k = 2, seed 1) whose every variant
// comes from random insertion, EDA's rate, with synonyms for words of both
// generated texts: the edit that made thousands of insertions into a
// large row, each of which recomputed and reallocated the row's slots.
func insertSampler() textaug.Sampler {
	src := synonyms.NewTable([]synonyms.Entry{
		{Word: "card", Synonyms: []string{"bank card"}}, {Word: "money", Synonyms: []string{"cash"}},
		{Word: "银行卡", Synonyms: []string{"信用卡"}}, {Word: "餐厅", Synonyms: []string{"饭店"}},
	}, nil)
	return textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.RandomInsert{Source: src}}, K: 2, Seed: 1}
}

// rowCost runs smp on text once and returns the bytes it allocated, the
// most heap it held live beyond the live heap before it (memtest.PeakLive),
// and the heap it left live (after the pools are emptied, the variants it
// returned aside).
func rowCost(t *testing.T, smp textaug.Sampler, text string) (allocated, peak, retained int) {
	t.Helper()
	_, err := smp.Sample(context.Background(), "", "warm up the tagger, the synonyms and 我的卡")
	require.NoError(t, err)
	_, err = smp.Sample(context.Background(), "", text[:textaug.Pieces(text, len(text)/8)[0]]) // and the pools, at the sizes a large row needs
	require.NoError(t, err)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.GC() // the pools' victims too: pooled scratch is not the row's
	runtime.ReadMemStats(&before)
	var res textaug.Result
	peak = int(memtest.PeakLive(func() { res, err = smp.Sample(context.Background(), "", text) }))
	require.NoError(t, err)
	runtime.ReadMemStats(&after)
	allocated = int(after.TotalAlloc - before.TotalAlloc)
	require.NotEmpty(t, res.Variants, "no variant of the large row (%s)", res.Reason)
	variants := 0
	for _, v := range res.Variants {
		variants += len(v.Text)
	}
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(res)
	return allocated, peak, int(after.HeapAlloc) - int(before.HeapAlloc) - variants
}

// largeRowSize is the size of the generated rows: the size the
// whole-process measurement in docs/performance.md uses, just under the
// CLI's default --max-row-bytes, where the pool-held scratch that a row
// does not own (about 1.3 MB) is small beside the row.
const largeRowSize = 900_000

// A large row costs a small multiple of its size: in live heap while it
// is sampled (at most 12 times its size, with room for a loaded machine,
// whose longer collections count more as live; 7 to 9 measured for
// English, 5 for Chinese, where a 900 KB row used to hold 52 to 57 and 37
// to 43 times its size live, its tokens and a token copy per variant), in
// bytes allocated (linear: each attempt reads the pieces again), and in
// heap left behind once it is done: the Sampler of the default preset, of
// eda and of random insertion alone, k = 2, on a generated English and a
// generated Chinese row. Random insertion once allocated over 1,000 times
// the row's size (a new slot list for each of its thousands of
// insertions), and the tagger's pooled scratch kept about 8 times an
// English row's size after it.
func TestLargeRowCost(t *testing.T) {
	const maxAllocated, maxPeak, maxRetained = 400, 12, 1 // multiples of the row's size
	for _, lang := range []string{"en", "zh"} {
		text := largeEnglish(largeRowSize)
		if lang == "zh" {
			text = largeChinese(largeRowSize)
		}
		for _, preset := range []string{"readable", "eda", "insert"} {
			t.Run(lang+"/"+preset, func(t *testing.T) {
				smp := insertSampler()
				if preset != "insert" {
					var closeAug func() error
					smp, closeAug = presetSampler(t, preset)
					defer closeAug()
				}
				allocated, peak, retained := rowCost(t, smp, text)
				ratio := float64(allocated) / float64(len(text))
				t.Logf("%d bytes: allocated %.1f× its size, peak %.1f× its size, retained %d bytes", len(text), ratio, float64(peak)/float64(len(text)), retained)
				assert.LessOrEqual(t, ratio, float64(maxAllocated), "bytes allocated per byte of the row")
				assert.LessOrEqual(t, peak, maxPeak*len(text), "most heap held while the row is sampled")
				assert.LessOrEqual(t, retained, maxRetained*len(text), "heap kept after the row")
			})
		}
	}
}

// TestWriteLargeRows makes the generated rows at their whole-process size
// (900 KB, one JSONL row each: large-en.jsonl and large-zh.jsonl) and
// checks that each is one valid JSONL line under the default
// --max-row-bytes (1 MiB) of at least 900,000 bytes, so that they measure a
// row the CLI accepts. With TEXTAUG_LARGE_ROWS naming a directory it
// writes them there, for measuring `textaug augment` on them with
// /usr/bin/time -v (docs/performance.md).
func TestWriteLargeRows(t *testing.T) {
	dir := os.Getenv("TEXTAUG_LARGE_ROWS")
	if dir == "" {
		dir = t.TempDir()
	}
	for name, text := range map[string]string{"large-en.jsonl": largeEnglish(900_000), "large-zh.jsonl": largeChinese(900_000)} {
		row, err := json.Marshal(map[string]string{"text": text, "label": "x"})
		require.NoError(t, err)
		line := append(row, '\n')
		assert.GreaterOrEqual(t, len(line), 900_000, name)
		assert.Less(t, len(line), 1<<20, "%s: over the default --max-row-bytes", name)
		assert.Equal(t, 1, bytes.Count(line, []byte("\n")), "%s: one line", name)
		var back map[string]string
		require.NoError(t, json.Unmarshal(row, &back), name)
		assert.Equal(t, text, back["text"], name)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), line, 0o644))
	}
}
