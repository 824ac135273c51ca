package backtranslate

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sentences(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Sentence %d about a card that did not arrive.", i)
	}
	return out
}

func TestCachedRerunMakesNoRequests(t *testing.T) {
	f := newFakeAPy(t)
	path := filepath.Join(t.TempDir(), "sub", "bt.db")
	texts := sentences(500)
	rt := func(c *Cache) RoundTrip {
		a := NewApertium(f.srv.URL, testClient(&fakeSleep{}))
		return RoundTrip{Translator: Cached(a, c, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
	}

	c, err := OpenCache(path)
	require.NoError(t, err)
	require.NoError(t, rt(c).Prefetch(context.Background(), texts))
	first := f.count()
	assert.Positive(t, first)
	entries, size, err := c.Stats()
	require.NoError(t, err)
	assert.Equal(t, 4*len(texts), entries, "eng→spa, spa→eng, eng→cat, cat→eng")
	assert.Positive(t, size)
	require.NoError(t, c.Close())

	c, err = OpenCache(path)
	require.NoError(t, err)
	defer c.Close()
	r := rt(c)
	require.NoError(t, r.Prefetch(context.Background(), texts))
	for _, s := range texts[:50] {
		_, err := r.Prepare(context.Background(), s)
		require.NoError(t, err)
	}
	assert.Equal(t, first, f.count(), "the re-run made no request")

	require.NoError(t, c.Clear())
	entries, _, err = c.Stats()
	require.NoError(t, err)
	assert.Zero(t, entries)
}

func TestCachedDedupesAndSendsOnlyMisses(t *testing.T) {
	f := newFakeAPy(t)
	ct := Cached(NewApertium(f.srv.URL, testClient(&fakeSleep{})), nil, "")
	got, err := ct.Translate(context.Background(), "eng", "spa", []string{"a", "b", "a", "", "b", "a"})
	require.NoError(t, err)
	assert.Equal(t, []string{"spa{a}", "spa{b}", "spa{a}", "", "spa{b}", "spa{a}"}, got)
	assert.Equal(t, 1, f.timesSent("eng|spa", "a"))
	assert.Equal(t, 1, f.count())

	got, err = ct.Translate(context.Background(), "eng", "spa", []string{"b", "c", "a"})
	require.NoError(t, err)
	assert.Equal(t, []string{"spa{b}", "spa{c}", "spa{a}"}, got)
	assert.Equal(t, 2, f.count())
	assert.Equal(t, 1, f.timesSent("eng|spa", "c"))
	assert.Equal(t, 1, f.timesSent("eng|spa", "a"), "only the miss was sent")
	assert.Equal(t, 0, f.timesSent("eng|spa", ""))
}

func TestCachedConcurrent(t *testing.T) {
	for _, persistent := range []bool{false, true} {
		t.Run(fmt.Sprint("persistent=", persistent), func(t *testing.T) {
			f := newFakeAPy(t)
			var c *Cache
			if persistent {
				var err error
				c, err = OpenCache(filepath.Join(t.TempDir(), "bt.db"))
				require.NoError(t, err)
				defer c.Close()
			}
			ct := Cached(NewApertium(f.srv.URL, NewClient(WithConcurrency(8))), c, "")
			texts := sentences(300)
			var wg sync.WaitGroup
			for g := range 16 {
				wg.Go(func() {
					// Overlapping windows, some one text at a time.
					lo := (g * 37) % 200
					part := texts[lo : lo+100]
					if g%4 == 0 {
						for _, s := range part[:20] {
							got, err := ct.Translate(context.Background(), "eng", "spa", []string{s})
							assert.NoError(t, err)
							assert.Equal(t, []string{"spa{" + s + "}"}, got)
						}
						return
					}
					got, err := ct.Translate(context.Background(), "eng", "spa", part)
					assert.NoError(t, err)
					for i, s := range part {
						assert.Equal(t, "spa{"+s+"}", got[i])
					}
				})
			}
			wg.Wait()
			for _, s := range texts {
				assert.LessOrEqual(t, f.timesSent("eng|spa", s), 1, "a text in flight is waited for, not sent again: %q", s)
			}
		})
	}
}

func TestCachedKeepsWorkDoneBeforeAFailure(t *testing.T) {
	f := newFakeAPy(t)
	c, err := OpenCache(filepath.Join(t.TempDir(), "bt.db"))
	require.NoError(t, err)
	defer c.Close()
	texts := sentences(400) // about 19,000 characters: several batches
	poison := texts[250]
	f.setFault(func(_ int, w http.ResponseWriter, r *http.Request) bool {
		r.ParseForm()
		for _, l := range splitLines(r.PostForm.Get("q")) {
			if l == poison {
				http.Error(w, "boom", http.StatusInternalServerError)
				return true
			}
		}
		return false
	})
	ct := Cached(NewApertium(f.srv.URL, testClient(&fakeSleep{}, WithRetries(0))), c, "")
	_, err = ct.Translate(context.Background(), "eng", "spa", texts)
	require.Error(t, err)
	assert.True(t, isSoft(err))
	entries, _, _ := c.Stats()
	assert.Greater(t, entries, 300, "batches without the poisoned text are cached")
	assert.Less(t, entries, 400)

	f.setFault(nil)
	before := f.count()
	got, err := ct.Translate(context.Background(), "eng", "spa", texts)
	require.NoError(t, err)
	assert.Equal(t, "spa{"+poison+"}", got[250])
	assert.Equal(t, 1, f.count()-before, "the resumed run sends only the failed batch")
	for _, s := range texts {
		if s != poison {
			assert.LessOrEqual(t, f.timesSent("eng|spa", s), 2)
		}
	}
}

func splitLines(q string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(q); i++ {
		if i == len(q) || q[i] == '\n' {
			out = append(out, q[start:i])
			start = i + 1
		}
	}
	return out
}

func TestCacheKeys(t *testing.T) {
	base := newKeyer("apertium http://x", "eng", "spa", "").key("hello")
	others := []cacheKey{
		newKeyer("apertium http://y", "eng", "spa", "").key("hello"),
		newKeyer("apertium http://x", "eng", "cat", "").key("hello"),
		newKeyer("apertium http://x", "spa", "eng", "").key("hello"),
		newKeyer("apertium http://x", "eng", "spa", "model=a").key("hello"),
		newKeyer("apertium http://x", "eng", "spa", "").key("hello "),
		newKeyer("apertium http://x", "engs", "pa", "").key("hello"), // field boundaries matter
	}
	for i, k := range others {
		assert.NotEqual(t, base, k, "case %d", i)
	}
	assert.Equal(t, base, newKeyer("apertium http://x", "eng", "spa", "").key("hello"))
}

func TestCacheOptionsSeparateEntries(t *testing.T) {
	f := newFakeAPy(t)
	c, err := OpenCache(filepath.Join(t.TempDir(), "bt.db"))
	require.NoError(t, err)
	defer c.Close()
	a := NewApertium(f.srv.URL, testClient(&fakeSleep{}))
	_, err = Cached(a, c, "v1").Translate(context.Background(), "eng", "spa", []string{"x"})
	require.NoError(t, err)
	_, err = Cached(a, c, "v2").Translate(context.Background(), "eng", "spa", []string{"x"})
	require.NoError(t, err)
	_, err = Cached(a, c, "v1").Translate(context.Background(), "eng", "spa", []string{"x"})
	require.NoError(t, err)
	assert.Equal(t, 2, f.count())
}

// TestCacheCrashSafety writes through the cache in a child process that is
// killed (SIGKILL, no Close), then checks that every batch the child
// reported stored is there.
func TestCacheCrashSafety(t *testing.T) {
	if path := os.Getenv("TEXTAUG_BT_CRASH_CHILD"); path != "" {
		crashChild(path)
		return
	}
	path := filepath.Join(t.TempDir(), "bt.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestCacheCrashSafety$")
	cmd.Env = append(os.Environ(), "TEXTAUG_BT_CRASH_CHILD="+path)
	out, err := cmd.CombinedOutput()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, "the child kills itself: %s", out)
	ws := ee.Sys().(syscall.WaitStatus)
	require.True(t, ws.Signaled(), "child killed by a signal; output %s", out)

	c, err := OpenCache(path)
	require.NoError(t, err, "a killed writer leaves a usable file")
	defer c.Close()
	entries, _, err := c.Stats()
	require.NoError(t, err)
	assert.Equal(t, 200, entries)
	k := newKeyer("crash", "eng", "spa", "")
	vals, found, err := c.get([]cacheKey{k.key("text 0"), k.key("text 199")})
	require.NoError(t, err)
	assert.Equal(t, []bool{true, true}, found)
	assert.Equal(t, []string{"out 0", "out 199"}, vals)
}

func crashChild(path string) {
	c, err := OpenCache(path)
	if err != nil {
		panic(err)
	}
	k := newKeyer("crash", "eng", "spa", "")
	for b := range 4 {
		var keys []cacheKey
		var vals []string
		for i := b * 50; i < (b+1)*50; i++ {
			keys = append(keys, k.key(fmt.Sprint("text ", i)))
			vals = append(vals, fmt.Sprint("out ", i))
		}
		if err := c.put(keys, vals); err != nil {
			panic(err)
		}
	}
	syscall.Kill(os.Getpid(), syscall.SIGKILL) // no Close: as if the power went
	select {}
}

func TestOpenCacheErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "not-a-db")
	require.NoError(t, os.WriteFile(bad, []byte("this is not a bbolt file, it is text of some length......"), 0o600))
	_, err := OpenCache(bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "backtranslate: cache "+bad)
}

// TestOpenExistingCache: stats and clear of a path that does not exist
// are errors, and create nothing.
func TestOpenExistingCache(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "sub", "missing.db")
	_, err := OpenExistingCache(missing)
	require.Error(t, err)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.Contains(t, err.Error(), "backtranslate: cache: ")
	assert.Contains(t, err.Error(), missing)
	_, err = os.Stat(filepath.Join(dir, "sub"))
	assert.ErrorIs(t, err, fs.ErrNotExist, "no directory created")

	_, err = OpenExistingCache(dir)
	assert.ErrorContains(t, err, "a directory, not a cache file")
	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, nil, 0o600))
	_, err = OpenExistingCache(empty)
	assert.ErrorContains(t, err, "an empty file, not a cache file")
	fi, err := os.Stat(empty)
	require.NoError(t, err)
	assert.Zero(t, fi.Size(), "left as it was")

	path := filepath.Join(dir, "cache.db")
	c, err := OpenCache(path)
	require.NoError(t, err)
	_, err = Cached(translatorFunc(func(_ context.Context, _, to string, texts []string) ([]string, error) {
		return fakeTranslateAll(to, texts), nil
	}), c, "").Translate(context.Background(), "en", "es", []string{"one", "two"})
	require.NoError(t, err)
	require.NoError(t, c.Close())
	c, err = OpenExistingCache(path)
	require.NoError(t, err)
	n, _, err := c.Stats()
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	require.NoError(t, c.Clear())
	n, _, err = c.Stats()
	require.NoError(t, err)
	assert.Zero(t, n)
	require.NoError(t, c.Close())
}
