package backtranslate

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestApertiumTranslate(t *testing.T) {
	f := newFakeAPy(t)
	a := NewApertium(f.srv.URL+"/", testClient(&fakeSleep{}))
	got, err := a.Translate(context.Background(), "en", "es", []string{"The cat sat.", "", "Two\nlines  here ", "  "})
	require.NoError(t, err)
	assert.Equal(t, []string{"spa{The cat sat.}", "", "spa{Two lines here}", ""}, got,
		"2-letter codes mapped; blank texts not sent; line breaks and doubled spaces collapsed")
	assert.Equal(t, 1, f.count())
	assert.Equal(t, 1, f.timesSent("eng|spa", "Two lines here"))
}

func TestApertiumRealResponses(t *testing.T) {
	// Bodies captured from APy 0.11.7 with apertium-eng-spa (see
	// testdata/backtranslate/README.md).
	read := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "backtranslate", name))
		require.NoError(t, err)
		return b
	}
	translate, pairs, pairErr := read("apy_translate_eng_spa.json"), read("apy_listpairs.json"), read("apy_error_pair.json")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		switch {
		case r.URL.Path == "/listPairs":
			w.Write(pairs)
		case r.FormValue("langpair") == "eng|spa":
			w.Write(translate)
		default:
			w.WriteHeader(http.StatusBadRequest)
			w.Write(pairErr)
		}
	}))
	defer srv.Close()
	a := NewApertium(srv.URL, testClient(&fakeSleep{}))

	got, err := a.Translate(context.Background(), "eng", "spa", []string{
		"I lost my card and I can't find it, please help!",
		"How do I change my  PIN before my trip on 5 March 2024?",
		"I never received the refund I was promised last week.",
	})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"Perdí mi carta y yo no lo pueden encontrar, complacer ayuda!",
		"Cómo cambio mi ALFILER antes de mi viaje el 5 de marzo de 2024?",
		"Nunca recibí el reembolso estuve prometido última semana .",
	}, got, "leading and doubled spaces removed")

	ps, err := a.ListPairs(context.Background())
	require.NoError(t, err)
	assert.Contains(t, ps, Pair{"eng", "spa"})
	assert.Contains(t, ps, Pair{"cat", "eng"})
	assert.Len(t, ps, 8)

	_, err = a.Translate(context.Background(), "eng", "deu", []string{"Hello."})
	require.Error(t, err)
	assert.Equal(t, "backtranslate: apertium: HTTP 400 Bad Request (not offered by the service): Bad Request: That pair is not installed", err.Error())
	assert.True(t, isSoft(err))
}

func TestApertiumBatching(t *testing.T) {
	f := newFakeAPy(t)
	var sizes []int
	f.setFault(func(_ int, _ http.ResponseWriter, r *http.Request) bool {
		r.ParseForm()
		f.mu.Lock()
		sizes = append(sizes, utf8.RuneCountInString(r.PostForm.Get("q")))
		f.mu.Unlock()
		return false
	})
	var texts []string
	for i := range 300 {
		texts = append(texts, fmt.Sprintf("Sentence number %d is about forty chars long.", i))
	}
	long := strings.Repeat("word ", 1000) + "end"
	texts = append(texts[:150], append([]string{long}, texts[150:]...)...)
	a := NewApertium(f.srv.URL, testClient(&fakeSleep{}))
	got, err := a.Translate(context.Background(), "eng", "spa", texts)
	require.NoError(t, err)
	for i, s := range texts {
		assert.Equal(t, "spa{"+s+"}", got[i])
	}
	assert.Len(t, sizes, 5, "about 14,000 characters in 4,000-character requests, the long text alone")
	for _, n := range sizes {
		if n != utf8.RuneCountInString(long) {
			assert.LessOrEqual(t, n, apertiumMaxChars)
		}
	}
	assert.Equal(t, 1, f.timesSent("eng|spa", long))
}

func TestApertiumDroppedLines(t *testing.T) {
	f := newFakeAPy(t)
	f.maxLines = 7 // APy answers 200 with the tail missing
	var texts []string
	for i := range 20 {
		texts = append(texts, fmt.Sprintf("text %d", i))
	}
	a := NewApertium(f.srv.URL, testClient(&fakeSleep{}))
	got, err := a.Translate(context.Background(), "eng", "spa", texts)
	require.NoError(t, err)
	for i, s := range texts {
		assert.Equal(t, "spa{"+s+"}", got[i])
	}
	// 20 → 10+10 → 5+5+5+5: one request of 20, two of 10, four of 5.
	assert.Equal(t, 7, f.count())
}

func TestApertiumSingleTextDropped(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeAPy(w, "")
	}))
	defer srv.Close()
	a := NewApertium(srv.URL, testClient(&fakeSleep{}))
	_, err := a.Translate(context.Background(), "eng", "spa", []string{"a text"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "backtranslate: apertium: eng|spa: empty translation")
	assert.True(t, isSoft(err))
}

func TestApertiumFaults(t *testing.T) {
	tests := []struct {
		name  string
		fault func(n int, w http.ResponseWriter, r *http.Request) bool
	}{
		{"429 with Retry-After", func(n int, w http.ResponseWriter, _ *http.Request) bool {
			if n <= 2 {
				w.Header().Set("Retry-After", "2")
				w.WriteHeader(http.StatusTooManyRequests)
				return true
			}
			return false
		}},
		{"5xx burst", func(n int, w http.ResponseWriter, _ *http.Request) bool {
			if n <= 3 {
				w.WriteHeader(http.StatusServiceUnavailable)
				w.Write([]byte(`{"status": "error", "code": 503, "message": "Service Unavailable", "explanation": "internal error"}`))
				return true
			}
			return false
		}},
		{"truncated body", func(n int, w http.ResponseWriter, _ *http.Request) bool {
			if n == 1 {
				hijack(w, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"responseData\": {\"transl", false)
				return true
			}
			return false
		}},
		{"connection reset", func(n int, w http.ResponseWriter, _ *http.Request) bool {
			if n <= 2 {
				hijack(w, "", true)
				return true
			}
			return false
		}},
		{"slow first answer", func(n int, w http.ResponseWriter, r *http.Request) bool {
			if n == 1 {
				io.Copy(io.Discard, r.Body)
				select {
				case <-r.Context().Done():
				case <-time.After(5 * time.Second):
				}
				return true
			}
			return false
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeAPy(t)
			f.setFault(tt.fault)
			var s fakeSleep
			a := NewApertium(f.srv.URL, testClient(&s, WithTimeout(100*time.Millisecond)))
			got, err := a.Translate(context.Background(), "eng", "cat", []string{"one", "two"})
			require.NoError(t, err)
			assert.Equal(t, []string{"cat{one}", "cat{two}"}, got)
		})
	}
}

func TestApertiumTimeoutGivesSoftError(t *testing.T) {
	f := newFakeAPy(t)
	f.setFault(func(_ int, _ http.ResponseWriter, r *http.Request) bool {
		io.Copy(io.Discard, r.Body) // so the server notices the client leaving
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
		return true
	})
	a := NewApertium(f.srv.URL, testClient(&fakeSleep{}, WithTimeout(20*time.Millisecond), WithRetries(1)))
	_, err := a.Translate(context.Background(), "eng", "spa", []string{"x"})
	require.Error(t, err)
	assert.Equal(t, "backtranslate: apertium: timeout after 20ms (gave up after 2 attempts)", err.Error())
	assert.True(t, isSoft(err))
	assert.Equal(t, 2, f.count())
}

func TestApertiumName(t *testing.T) {
	a := NewApertium("http://user:pw@127.0.0.1:2737/?key=s", nil)
	assert.Equal(t, "apertium http://127.0.0.1:2737/?…", a.Name())
}

func TestCleanApertium(t *testing.T) {
	tests := []struct{ in, src, want string }{
		{" Hola  mundo ", "Hello world", "Hola mundo"},
		{"el 5 de #marzo", "on 5 March", "el 5 de marzo"},
		{"the #hashtag", "the #hashtag", "the #hashtag"},
		{"a # b", "a b", "a # b"},
		{"plain", "plain", "plain"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, cleanApertium(tt.in, strings.Contains(tt.src, "#")), tt.in)
	}
}

func TestSplitBatches(t *testing.T) {
	lines := []string{"aaaa", "bbbb", "cccc", strings.Repeat("x", 20), "dd"}
	assert.Equal(t, [][2]int{{0, 2}, {2, 3}, {3, 4}, {4, 5}}, splitBatches(lines, 10, 0))
	assert.Equal(t, [][2]int{{0, 2}, {2, 4}, {4, 5}}, splitBatches(lines, 100, 2))
	assert.Nil(t, splitBatches(nil, 10, 0))
	assert.Equal(t, [][2]int{{0, 3}, {3, 5}}, splitBatches(lines, 0, 3), "no character limit")
	assert.Equal(t, [][2]int{{0, 5}}, splitBatches(lines, 0, 0), "no limit at all")
}

func FuzzSplitBatches(f *testing.F) {
	f.Add("a\nbb\nccc\n", 3, 0)
	f.Add("héllo wörld\n\nx", 5, 2)
	f.Fuzz(func(t *testing.T, joined string, maxChars, maxTexts int) {
		if maxChars < 0 || maxChars > 1000 || maxTexts < 0 || maxTexts > 100 {
			t.Skip()
		}
		lines := strings.Split(joined, "\n")
		next := 0
		for _, b := range splitBatches(lines, maxChars, maxTexts) {
			if b[0] != next || b[1] <= b[0] {
				t.Fatalf("batches not contiguous: %v", b)
			}
			next = b[1]
			if b[1]-b[0] == 1 {
				continue // a single text may be as long as it is
			}
			if maxTexts > 0 && b[1]-b[0] > maxTexts {
				t.Fatalf("batch %v over %d texts", b, maxTexts)
			}
			if n := utf8.RuneCountInString(strings.Join(lines[b[0]:b[1]], "\n")); maxChars > 0 && n > maxChars {
				t.Fatalf("batch %v has %d > %d characters", b, n, maxChars)
			}
		}
		if next != len(lines) {
			t.Fatalf("batches cover %d of %d lines", next, len(lines))
		}
	})
}

func FuzzOneLine(f *testing.F) {
	f.Add("a\r\nb  c\u2028d ")
	f.Add("  ")
	f.Fuzz(func(t *testing.T, s string) {
		l := oneLine(s)
		if strings.ContainsAny(l, "\n\r") || strings.Contains(l, "  ") || strings.TrimSpace(l) != l {
			t.Fatalf("oneLine(%q) = %q", s, l)
		}
		if oneLine(l) != l {
			t.Fatalf("oneLine not idempotent on %q", s)
		}
		if c := cleanApertium(l, false); strings.Contains(c, "  ") {
			t.Fatalf("cleanApertium(%q) = %q", l, c)
		}
	})
}

// TestApertiumLive round-trips sentences through a real APy with the
// eng-spa and eng-cat pairs.
func TestApertiumLive(t *testing.T) {
	base := os.Getenv("TEXTAUG_APY_URL")
	if base == "" {
		t.Skip("TEXTAUG_APY_URL not set: start APy (see docs/backtranslate.md) to run this test")
	}
	ctx := context.Background()
	a := NewApertium(base, NewClient())
	pairs, err := a.ListPairs(ctx)
	require.NoError(t, err)
	for _, p := range []Pair{{"eng", "spa"}, {"spa", "eng"}, {"eng", "cat"}, {"cat", "eng"}} {
		require.Contains(t, pairs, p, "APy needs apertium-eng-spa and apertium-eng-cat")
	}
	texts := []string{
		"I lost my card and I can't find it, please help!",
		"My transfer has not arrived after three days.",
		"The new card won't work at the ATM without a PIN.",
		"Why was I charged a fee on my top-up?",
		"I never received the refund I was promised last week.",
	}
	rt := RoundTrip{Translator: Cached(a, nil, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
	require.NoError(t, rt.Prefetch(ctx, texts))
	for _, pivot := range []string{"spa", "cat"} {
		fwd, err := a.Translate(ctx, "eng", pivot, texts)
		require.NoError(t, err)
		back, err := a.Translate(ctx, pivot, "eng", fwd)
		require.NoError(t, err)
		require.Len(t, back, len(texts))
		for i := range texts {
			assert.NotEmpty(t, fwd[i])
			assert.NotEmpty(t, back[i])
			assert.NotContains(t, back[i], "  ")
			t.Logf("%s: %q → %q → %q", pivot, texts[i], fwd[i], back[i])
		}
	}
	// Many lines in one call: the count check and the 4,000-character
	// requests keep every line.
	var many []string
	for i := range 400 {
		many = append(many, fmt.Sprintf("Line %d: the cat sat on the mat near the door.", i))
	}
	got, err := a.Translate(ctx, "eng", "spa", many)
	require.NoError(t, err)
	require.Len(t, got, len(many))
	for i, g := range got {
		assert.Contains(t, g, fmt.Sprint(i), "line %d in its place", i)
	}
}
