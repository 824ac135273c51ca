package tokenize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// BenchmarkChineseTokenize segments, classifies and tags real short
// sentences (travel customer service and TV dialogue), one at a time.
func BenchmarkChineseTokenize(b *testing.B) {
	texts := shareddata.Mixed(b, 2000, "crosswoz_intent_zh", "cped_sentiment_zh")
	if _, err := (Chinese{}).Tokenize("预热"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := (Chinese{}).Tokenize(texts[i%len(texts)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkChineseTokenizeParallel is BenchmarkChineseTokenize on every
// core: the segmenter is shared and read-only.
func BenchmarkChineseTokenizeParallel(b *testing.B) {
	texts := shareddata.Mixed(b, 2000, "crosswoz_intent_zh", "cped_sentiment_zh")
	if _, err := (Chinese{}).Tokenize("预热"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := (Chinese{}).Tokenize(texts[i%len(texts)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkChineseLoad parses the compiled dictionary as the first Chinese
// text does: it checks the data and slices it in place.
func BenchmarkChineseLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseZhDict(zhDictData); err != nil {
			b.Fatal(err)
		}
	}
}

// chineseFootprintEnv makes TestChineseFootprint measure instead of spawning.
const chineseFootprintEnv = "TEXTAUG_CHINESE_FOOTPRINT_CHILD"

// TestChineseFootprint reports what loading the segmenter costs a fresh
// process: it runs itself again in a child process, which measures the
// time, the heap (runtime.MemStats) and the resident set (/proc/self/statm)
// around the first Chinese text, and checks that loading writes nothing
// to standard output, standard error or the log. It only reports the
// cost; the bounds are generous (the machine is shared and noisy).
func TestChineseFootprint(t *testing.T) {
	if os.Getenv(chineseFootprintEnv) == "1" {
		chineseFootprintChild(t)
		return
	}
	if testing.Short() {
		t.Skip("skipped in -short mode: runs the test binary again and loads the dictionary")
	}
	if _, err := os.Stat("/proc/self/statm"); err != nil {
		t.Skipf("no /proc/self/statm to read the resident set from: %v", err)
	}
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^TestChineseFootprint$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), chineseFootprintEnv+"=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	var got struct {
		Load                time.Duration
		HeapMB, RSSMB       float64
		Printed, Words      int
		TotalAllocMB, NumGC float64
	}
	_, after, ok := strings.Cut(string(out), "footprint: ")
	require.True(t, ok, "%s", out)
	line, _, _ := strings.Cut(after, "\n")
	require.NoError(t, json.Unmarshal([]byte(line), &got), "%s", out)
	t.Logf("first Chinese text in a fresh process: %v; retained heap %+.1f MB (%.0f MB allocated); resident set %+.1f MB; dictionary of %d words",
		got.Load.Round(time.Millisecond), got.HeapMB, got.TotalAllocMB, got.RSSMB, got.Words)
	assert.Zero(t, got.Printed, "loading printed or logged something")
	assert.Greater(t, got.Words, 300_000)
	assert.Less(t, got.HeapMB, 5.0, "the dictionary is read in place, not copied")
}

func chineseFootprintChild(t *testing.T) {
	rss := func() float64 {
		b, err := os.ReadFile("/proc/self/statm")
		require.NoError(t, err)
		f := strings.Fields(string(b))
		require.GreaterOrEqual(t, len(f), 2)
		pages, err := strconv.ParseInt(f[1], 10, 64)
		require.NoError(t, err)
		return float64(pages*int64(os.Getpagesize())) / 1e6
	}
	// Catch whatever loading prints: standard output and error, and the
	// standard logger.
	stdout, stderr := os.Stdout, os.Stderr
	r, w, err := os.Pipe()
	require.NoError(t, err)
	var logged bytes.Buffer
	log.SetOutput(&logged)
	os.Stdout, os.Stderr = w, w
	done := make(chan int)
	go func() {
		n, _ := io.Copy(io.Discard, r)
		done <- int(n)
	}()

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rss0 := rss()
	start := time.Now()
	_, err = Chinese{}.Tokenize("公司第三季度净利润同比增长15.3%")
	load := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	rss1 := rss()

	os.Stdout, os.Stderr = stdout, stderr
	log.SetOutput(os.Stderr)
	require.NoError(t, w.Close())
	printed := <-done + logged.Len()
	require.NoError(t, err)
	d, err := loadZhDict()
	require.NoError(t, err)
	b, err := json.Marshal(map[string]any{
		"Load":         load,
		"HeapMB":       (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / 1e6,
		"TotalAllocMB": float64(after.TotalAlloc-before.TotalAlloc) / 1e6,
		"RSSMB":        rss1 - rss0,
		"Printed":      printed,
		"Words":        d.n,
	})
	require.NoError(t, err)
	fmt.Printf("footprint: %s\n", b)
}
