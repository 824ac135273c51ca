package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

// fakeAPy speaks Apertium APy's /translate: eng->X prefixes every line with
// "X:", X->eng removes it and begins the line with "So, ". While down is
// set it answers 503.
type fakeAPy struct {
	requests atomic.Int64
	texts    atomic.Int64
	down     atomic.Bool
}

func (f *fakeAPy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/listPairs" { // the probe before the first row
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"responseData": [{"sourceLanguage": "eng", "targetLanguage": "spa"}, {"sourceLanguage": "spa", "targetLanguage": "eng"}, {"sourceLanguage": "eng", "targetLanguage": "cat"}, {"sourceLanguage": "cat", "targetLanguage": "eng"}], "responseDetails": null, "responseStatus": 200}`))
		return
	}
	f.requests.Add(1)
	if f.down.Load() {
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	from, to, _ := strings.Cut(r.FormValue("langpair"), "|")
	lines := strings.Split(r.FormValue("q"), "\n")
	f.texts.Add(int64(len(lines)))
	for i, l := range lines {
		if from == "eng" {
			lines[i] = to + ":" + l
		} else {
			lines[i] = "So, " + strings.TrimPrefix(l, from+":")
		}
	}
	w.Header().Set("Content-Type", "application/json")
	q := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(strings.Join(lines, "\n"))
	_, _ = w.Write([]byte(`{"responseData": {"translatedText": "` + q + `"}, "responseDetails": null, "responseStatus": 200}`))
}

// Why: a translator failing part-way loses nothing. Every row is written
// once, the rows without a back-translated variant are reported, and a
// re-run completes them from the cache; a third run sends no request.
func TestBacktranslationFaultsAndResume(t *testing.T) {
	fake := &fakeAPy{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	dir := t.TempDir()
	cache := filepath.Join(dir, "bt.db")
	out := filepath.Join(dir, "out.jsonl")
	args := []string{"augment", "-k", "3", "--ops", "swap", "--backtranslate", "apertium", "--bt-url", srv.URL,
		"--bt-cache", cache, "--bt-retries", "1", "--bt-timeout", "5s", "--provenance", "-o", out, "../../testdata/examples/finance.jsonl"}

	fake.down.Store(true)
	code, _, errs := runCLI(t, "", args...)
	require.Equal(t, 1, code, "more rows missed than --bt-max-missing (1%%): %s", errs)
	assert.Contains(t, errs, "8 rows in, 8 written")
	assert.Contains(t, errs, "8 rows got no back-translated variant (the failures were transient: a re-run completes them from the cache)")
	assert.Contains(t, errs, "  row 1 (line 1): ")
	assert.Contains(t, errs, "more than --bt-max-missing 1% (the output is written)")
	assert.Contains(t, errs, "503")
	assert.Len(t, readAll(t, out, corpus.JSONL), 8*4-countShort(errs), "every row once, with its word-level variants")

	fake.down.Store(false)
	code, _, errs = runCLI(t, "", args...)
	require.Equal(t, 0, code, errs)
	assert.NotContains(t, errs, "no back-translated variant")
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"ops": "backtranslate:spa"`)
	assert.Contains(t, string(b), "So, ")

	before := fake.requests.Load()
	code, _, errs = runCLI(t, "", args...)
	require.Equal(t, 0, code, errs)
	assert.Equal(t, before, fake.requests.Load(), "a re-run is answered from the cache")
	b2, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2), "and gives the same output")
}

// Why: requests are batched across rows, never one per sentence.
func TestBacktranslationBatchesAcrossRows(t *testing.T) {
	fake := &fakeAPy{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	var in strings.Builder
	for i := 0; i < 100; i++ {
		in.WriteString("I lost my card number " + strings.Repeat("x", i%7+1) + " yesterday\n")
	}
	code, _, errs := runCLI(t, in.String(), "augment", "-k", "2", "--ops", "swap", "--backtranslate", "apertium",
		"--bt-url", srv.URL, "--bt-cache", "none", "--pivots", "spa", "--workers", "1")
	require.Equal(t, 0, code, errs)
	// 100 rows in two batches of 64: two requests out and two back.
	assert.LessOrEqual(t, fake.requests.Load(), int64(4), "texts: %d", fake.texts.Load())
}

// Why: keys never appear in any output.
func TestBacktranslationKeyNeverShown(t *testing.T) {
	const key = "secret-key-0123456789:fx"
	var got atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Store(r.Header.Get("Authorization"))
		w.WriteHeader(http.StatusForbidden)
		_, _ = w.Write([]byte(`{"message":"Wrong key ` + key + `"}`))
	}))
	defer srv.Close()
	t.Setenv("TEXTAUG_DEEPL_KEY", key)
	code, out, errs := runCLI(t, "I lost my card yesterday\n", "augment", "-k", "2", "--ops", "swap", "--backtranslate", "deepl",
		"--bt-url", srv.URL, "--bt-cache", "none", "--provenance")
	require.Equal(t, 1, code, "the probe finds the refused key before the first row: %s", errs)
	assert.Equal(t, "DeepL-Auth-Key "+key, got.Load())
	assert.NotContains(t, out+errs, "secret-key")
	assert.Contains(t, errs, "check the API key")
	code, help, _ := runCLI(t, "", "augment", "--help")
	assert.Equal(t, 0, code)
	assert.NotContains(t, help, "secret-key")
}

// Against a real APy when the CI (or you) started one.
func TestBacktranslationLiveAPy(t *testing.T) {
	url := os.Getenv("TEXTAUG_APY_URL")
	if url == "" {
		t.Skip("TEXTAUG_APY_URL not set: start APy (see docs/backtranslate.md) to run this test")
	}
	code, out, errs := runCLI(t, "", "augment", "-k", "4", "--ops", "synonym", "--backtranslate", "apertium", "--bt-url", url,
		"--bt-cache", "none", "--provenance", "../../testdata/examples/finance.jsonl")
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "backtranslate:spa")
	assert.NotContains(t, errs, "no back-translated variant")
}

func TestCacheCommand(t *testing.T) {
	fake := &fakeAPy{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	cache := filepath.Join(t.TempDir(), "bt.db")
	code, _, errs := runCLI(t, "I lost my card yesterday\nmy transfer never arrived\n", "augment", "-k", "2", "--ops", "none",
		"--backtranslate", "apertium", "--bt-url", srv.URL, "--bt-cache", cache, "--pivots", "spa")
	require.Equal(t, 0, code, errs)
	code, out, errs := runCLI(t, "", "cache", "stats", "--bt-cache", cache)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "4 translations", "two texts, there and back")
	code, out, _ = runCLI(t, "", "cache", "clear", "--bt-cache", cache)
	require.Equal(t, 0, code)
	assert.Contains(t, out, "0 translations")
	code, _, _ = runCLI(t, "", "cache", "purge")
	assert.Equal(t, 2, code)
}
