package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file holds the fake-service harness shared by the DeepL, Google,
// Azure, OpenAI and Template tests, the suite every one of them passes,
// and the Template tests.

// webRequest is one request as a fake service received it.
type webRequest struct {
	Method, Path, Query, URL string
	Header                   http.Header
	Body                     []byte
}

func asWebRequest(r *http.Request, body []byte) webRequest {
	return webRequest{r.Method, r.URL.Path, r.URL.RawQuery, r.URL.String(), r.Header.Clone(), body}
}

// webServer is an httptest server that records requests and numbers them
// from 0 for its handler.
type webServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []webRequest
}

func newWebServer(t *testing.T, h func(w http.ResponseWriter, r *http.Request, body []byte, n int)) *webServer {
	t.Helper()
	s := &webServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		s.mu.Lock()
		n := len(s.reqs)
		s.reqs = append(s.reqs, asWebRequest(r, body))
		s.mu.Unlock()
		h(w, r, body, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *webServer) requests() []webRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.reqs)
}

// sleepLog records the waits a Client asks for instead of waiting.
type sleepLog struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *sleepLog) sleep(ctx context.Context, d time.Duration) error {
	l.mu.Lock()
	l.d = append(l.d, d)
	l.mu.Unlock()
	return ctx.Err()
}

func (l *sleepLog) waits() []time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.d)
}

// webClient is a Client that never really sleeps, for fast tests.
func webClient(opts ...Option) (*Client, *sleepLog) {
	l := &sleepLog{}
	opts = append([]Option{WithSleep(l.sleep), WithRetries(5), WithTimeout(5 * time.Second)}, opts...)
	return NewClient(opts...), l
}

// writeJSON answers with status and v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// writeTruncated sends a 200 whose body stops half-way through its
// Content-Length, then drops the connection.
func writeTruncated(w http.ResponseWriter, body []byte) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	defer conn.Close()
	fmt.Fprintf(buf, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", len(body))
	buf.Write(body[:len(body)/2])
	buf.Flush()
}

// fakeTranslate is what every fake service answers: the target code, a
// colon, and the text.
func fakeTranslate(to, s string) string { return to + ":" + s }

func fakeTranslateAll(to string, texts []string) []string {
	out := make([]string, len(texts))
	for i, s := range texts {
		out[i] = fakeTranslate(to, s)
	}
	return out
}

// webBackend adapts one backend to the shared suite.
type webBackend struct {
	key      string // the secret the backend is built with
	to       string // the target language the tests ask for
	want     string // the prefix fakeTranslate gets: to as the service sees it
	maxTexts int    // texts per request
	maxChars int    // characters per request
	// build returns the backend talking to base through c.
	build func(t *testing.T, base string, c *Client) Translator
	// texts checks that req has the service's request shape (method,
	// path, headers, key in a header and not in the URL) and returns the
	// texts it carries.
	texts func(t *testing.T, req webRequest) []string
	// reply answers with these translations.
	reply func(w http.ResponseWriter, translations []string)
	// auth and quota answer with the service's authentication and
	// quota-exhausted errors, echoing the key; quota is nil for services
	// without one.
	auth, quota func(w http.ResponseWriter, key string)
}

// runWebSuite runs the contract every batched web backend keeps.
func runWebSuite(t *testing.T, b webBackend) {
	ctx := context.Background()
	// serve answers each request by its texts; drop maps a request to how
	// many translations to leave out.
	serve := func(t *testing.T, drop func(n int, texts []string) int) *webServer {
		return newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
			texts := b.texts(t, asWebRequest(r, body))
			out := fakeTranslateAll(b.want, texts)
			if drop != nil {
				out = out[:len(out)-drop(n, texts)]
			}
			b.reply(w, out)
		})
	}
	sent := func(t *testing.T, s *webServer) [][]string {
		var got [][]string
		for _, r := range s.requests() {
			got = append(got, b.texts(t, r))
		}
		return got
	}
	noKey := func(t *testing.T, s *webServer, err error) {
		t.Helper()
		for _, r := range s.requests() {
			assert.NotContains(t, r.URL, b.key, "key in the URL")
		}
		if err != nil {
			assert.NotContains(t, err.Error(), b.key, "key in the error")
		}
	}

	t.Run("success", func(t *testing.T) {
		s := serve(t, nil)
		c, _ := webClient()
		tr := b.build(t, s.URL, c)
		texts := []string{"Hello, world.", " ", "It's <b>bold</b> & \"quoted\".", "Ünïcödé ✓"}
		got, err := tr.Translate(ctx, "en", b.to, texts)
		require.NoError(t, err)
		assert.Equal(t, []string{fakeTranslate(b.want, texts[0]), "", fakeTranslate(b.want, texts[2]), fakeTranslate(b.want, texts[3])}, got)
		assert.Equal(t, [][]string{{texts[0], texts[2], texts[3]}}, sent(t, s), "one request, blank text not sent")
		assert.NotContains(t, tr.Name(), b.key)
		noKey(t, s, nil)
	})

	t.Run("batches at the text limit", func(t *testing.T) {
		s := serve(t, nil)
		c, _ := webClient()
		tr := b.build(t, s.URL, c)
		texts := make([]string, 2*b.maxTexts+3)
		for i := range texts {
			texts[i] = fmt.Sprintf("text %d", i)
		}
		got, err := tr.Translate(ctx, "en", b.to, texts)
		require.NoError(t, err)
		assert.Equal(t, fakeTranslateAll(b.want, texts), got)
		var sizes []int
		for _, r := range sent(t, s) {
			sizes = append(sizes, len(r))
		}
		slices.Sort(sizes)
		assert.Equal(t, []int{3, b.maxTexts, b.maxTexts}, sizes)
	})

	t.Run("batches at the character limit", func(t *testing.T) {
		s := serve(t, nil)
		c, _ := webClient()
		tr := b.build(t, s.URL, c)
		long := strings.Repeat("é", b.maxChars*2/5) // two fit in a request, three do not
		texts := []string{long + "1", long + "2", long + "3", long + "4", long + "5"}
		got, err := tr.Translate(ctx, "en", b.to, texts)
		require.NoError(t, err)
		assert.Equal(t, fakeTranslateAll(b.want, texts), got)
		reqs := sent(t, s)
		assert.Len(t, reqs, 3)
		for _, r := range reqs {
			assert.LessOrEqual(t, runeCount(r), b.maxChars)
		}
	})

	t.Run("429 with Retry-After, then success", func(t *testing.T) {
		s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
			if n == 0 {
				w.Header().Set("Retry-After", "3")
				writeJSON(w, http.StatusTooManyRequests, map[string]any{"error": map[string]any{"message": "slow down", "code": "rate_limit_exceeded"}})
				return
			}
			b.reply(w, fakeTranslateAll(b.want, b.texts(t, asWebRequest(r, body))))
		})
		c, sleeps := webClient()
		got, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, []string{"one", "two"})
		require.NoError(t, err)
		assert.Equal(t, fakeTranslateAll(b.want, []string{"one", "two"}), got)
		assert.Len(t, s.requests(), 2)
		assert.Contains(t, sleeps.waits(), 3*time.Second, "Retry-After honoured")
	})

	t.Run("5xx burst, then success", func(t *testing.T) {
		statuses := []int{http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable}
		s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
			if n < len(statuses) {
				http.Error(w, "overloaded", statuses[n])
				return
			}
			b.reply(w, fakeTranslateAll(b.want, b.texts(t, asWebRequest(r, body))))
		})
		c, _ := webClient()
		got, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, []string{"one"})
		require.NoError(t, err)
		assert.Equal(t, []string{fakeTranslate(b.want, "one")}, got)
		assert.Len(t, s.requests(), 4)
	})

	t.Run("truncated body, then success", func(t *testing.T) {
		s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
			texts := b.texts(t, asWebRequest(r, body))
			if n == 0 {
				rec := httptest.NewRecorder()
				b.reply(rec, fakeTranslateAll(b.want, texts))
				writeTruncated(w, rec.Body.Bytes())
				return
			}
			b.reply(w, fakeTranslateAll(b.want, texts))
		})
		c, _ := webClient()
		got, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, []string{"one", "two"})
		require.NoError(t, err)
		assert.Equal(t, fakeTranslateAll(b.want, []string{"one", "two"}), got)
		assert.Len(t, s.requests(), 2)
	})

	t.Run("malformed body is a soft error, not retried", func(t *testing.T) {
		s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"oops": [`)
		})
		c, _ := webClient()
		_, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, []string{"one"})
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.True(t, e.Soft())
		assert.Len(t, s.requests(), 1)
		noKey(t, s, err)
	})

	t.Run("auth error is ErrAuth, not retried", func(t *testing.T) {
		s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) { b.auth(w, b.key) })
		c, _ := webClient()
		_, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, []string{"one", "two"})
		require.ErrorIs(t, err, ErrAuth)
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.True(t, e.Soft())
		assert.Len(t, s.requests(), 1)
		noKey(t, s, err)
	})

	t.Run("quota error is ErrQuota, not retried", func(t *testing.T) {
		if b.quota == nil {
			t.Skip("the service has no quota error")
		}
		s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) { b.quota(w, b.key) })
		c, sleeps := webClient()
		texts := make([]string, 3*b.maxTexts) // several batches: the first failure stops the rest
		for i := range texts {
			texts[i] = fmt.Sprint("text ", i)
		}
		_, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, texts)
		require.ErrorIs(t, err, ErrQuota)
		assert.NotErrorIs(t, err, ErrAuth)
		assert.LessOrEqual(t, len(s.requests()), 3, "one request per batch at most, none retried")
		assert.Empty(t, sleeps.waits(), "no backoff")
		noKey(t, s, err)
	})

	t.Run("wrong count is retried in halves", func(t *testing.T) {
		s := serve(t, func(n int, texts []string) int {
			if len(texts) >= 4 {
				return 1 // drop the last translation of big batches
			}
			return 0
		})
		c, _ := webClient(WithConcurrency(1))
		texts := []string{"a", "b", "c", "d"}
		got, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, texts)
		require.NoError(t, err)
		assert.Equal(t, fakeTranslateAll(b.want, texts), got)
		assert.Equal(t, [][]string{{"a", "b", "c", "d"}, {"a", "b"}, {"c", "d"}}, sent(t, s))
	})

	t.Run("a single text with the wrong count is a soft error", func(t *testing.T) {
		s := serve(t, func(n int, texts []string) int { return len(texts) })
		c, _ := webClient()
		_, err := b.build(t, s.URL, c).Translate(ctx, "en", b.to, []string{"a", "b"})
		var e *Error
		require.ErrorAs(t, err, &e)
		assert.True(t, e.Soft())
		assert.Len(t, s.requests(), 2, "the pair, then the first text alone, which fails")
		noKey(t, s, err)
	})

	t.Run("cancelled context stops at once", func(t *testing.T) {
		s := serve(t, nil)
		c, _ := webClient()
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := b.build(t, s.URL, c).Translate(cctx, "en", b.to, []string{"a"})
		require.ErrorIs(t, err, context.Canceled)
		assert.Empty(t, s.requests())
	})
}

// templateFake speaks the in-house service of the Template example: a body
// {"src", "tgt", "segments"} and an answer {"result": [{"text"}, ...]}.
func templateFake(cfg TemplateConfig) webBackend {
	return webBackend{
		key: "tmpl-secret-0123456789", to: "es", want: "es",
		maxTexts: 4, maxChars: 100,
		build: func(t *testing.T, base string, c *Client) Translator {
			t.Setenv("MT_TEST_KEY", "tmpl-secret-0123456789")
			cfg := cfg
			cfg.URL = base + cfg.URL
			tr, err := NewTemplate(cfg, c)
			require.NoError(t, err)
			return tr
		},
		texts: func(t *testing.T, r webRequest) []string {
			assert.Equal(t, http.MethodPost, r.Method)
			assert.Equal(t, "/v1/translate", r.Path)
			assert.Equal(t, "tmpl-secret-0123456789", r.Header.Get("X-Api-Key"))
			assert.Equal(t, "Bearer tmpl-secret-0123456789 and more", r.Header.Get("Authorization"))
			assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
			var req struct {
				Src, Tgt string
				Segments []string
			}
			require.NoError(t, json.Unmarshal(r.Body, &req), "body %s", r.Body)
			assert.Equal(t, "en", req.Src)
			assert.Equal(t, "es", req.Tgt)
			return req.Segments
		},
		reply: func(w http.ResponseWriter, out []string) {
			res := make([]map[string]any, len(out))
			for i, s := range out {
				res[i] = map[string]any{"text": s, "score": 0.5}
			}
			writeJSON(w, http.StatusOK, map[string]any{"result": res, "took_ms": 3})
		},
		auth: func(w http.ResponseWriter, key string) {
			writeJSON(w, http.StatusUnauthorized, map[string]any{"error": "bad key " + key})
		},
	}
}

var templateTestConfig = TemplateConfig{
	URL: "/v1/translate",
	Header: map[string]string{
		"X-Api-Key":     "${MT_TEST_KEY}",
		"Authorization": "Bearer ${MT_TEST_KEY} and more",
	},
	Body:     `{"src": {{json .From}}, "tgt": {{json .To}}, "segments": {{json .Texts}}}`,
	Response: "result.*.text",
	MaxBatch: 4,
	MaxChars: 100,
}

func TestTemplate(t *testing.T) {
	runWebSuite(t, templateFake(templateTestConfig))
}

func TestTemplateConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  TemplateConfig
		want string
	}{
		{"no URL", TemplateConfig{}, "no URL"},
		{"bad URL template", TemplateConfig{URL: "http://x/{{.From"}, "URL:"},
		{"bad body template", TemplateConfig{URL: "http://x/", Body: "{{json .Texts"}, "body:"},
		{"unset variable", TemplateConfig{URL: "http://x/", Header: map[string]string{"X-Key": "${TEXTAUG_SURELY_UNSET_VAR}"}}, "environment variable TEXTAUG_SURELY_UNSET_VAR is not set"},
		{"empty path field", TemplateConfig{URL: "http://x/", Response: "data..text"}, "empty field"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewTemplate(tt.cfg, nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
			assert.True(t, strings.HasPrefix(err.Error(), "backtranslate: template: "), err.Error())
		})
	}
}

func TestTemplateName(t *testing.T) {
	t.Setenv("MT_TEST_KEY", "tmpl-secret-0123456789")
	cfg := templateTestConfig
	cfg.URL = "https://user:pw@mt.internal/v1/translate?key=literal"
	tr, err := NewTemplate(cfg, nil)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(tr.Name(), "template POST https://mt.internal/v1/translate?… "), tr.Name())
	for _, secret := range []string{"tmpl-secret", "literal", "pw"} {
		assert.NotContains(t, tr.Name(), secret)
	}
	cfg.Body = `{"formality": "less", "segments": {{json .Texts}}}`
	other, err := NewTemplate(cfg, nil)
	require.NoError(t, err)
	assert.NotEqual(t, tr.Name(), other.Name(), "a different body is a different cache key")
}

// TestTemplateGET covers a one-text GET service with the languages and the
// text in the query, and a response path to a single string.
func TestTemplateGET(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		q := r.URL.Query()
		writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"out": fakeTranslate(q.Get("to"), q.Get("q"))}})
	})
	tr, err := NewTemplate(TemplateConfig{
		URL:      s.URL + "/mt?from={{query .From}}&to={{query .To}}&q={{query .Text}}",
		Method:   "get",
		Response: "data.out",
		MaxBatch: 1,
	}, nil)
	require.NoError(t, err)
	texts := []string{"a & b", "c?d=e"}
	got, err := tr.Translate(context.Background(), "en", "es", texts)
	require.NoError(t, err)
	assert.Equal(t, fakeTranslateAll("es", texts), got)
	reqs := s.requests()
	require.Len(t, reqs, 2)
	for _, r := range reqs {
		assert.Equal(t, http.MethodGet, r.Method)
		assert.Empty(t, r.Body)
		assert.Empty(t, r.Header.Get("Content-Type"))
	}
}

func TestJSONStrings(t *testing.T) {
	tests := []struct {
		name, doc, path string
		want            []string
		err             string
	}{
		{"top-level list", `["a","b"]`, "", []string{"a", "b"}, ""},
		{"nested list", `{"data":{"translations":["a","b"]}}`, "data.translations", []string{"a", "b"}, ""},
		{"star over objects", `{"result":[{"text":"a"},{"text":"b"}]}`, "result.*.text", []string{"a", "b"}, ""},
		{"star at the top", `[{"t":"a"},{"t":"b"}]`, "*.t", []string{"a", "b"}, ""},
		{"two stars", `{"r":[{"alts":["a","x"]},{"alts":["b"]}]}`, "r.*.alts.0", []string{"a", "b"}, ""},
		{"index", `{"choices":[{"texts":["a","b"]}]}`, "choices.0.texts", []string{"a", "b"}, ""},
		{"single string", `{"out":"a"}`, "out", []string{"a"}, ""},
		{"empty list", `{"out":[]}`, "out", []string{}, ""},
		{"missing field", `{"data":{}}`, "data.translations", nil, "response has no data.translations"},
		{"index out of range", `{"a":["x"]}`, "a.1", nil, "response has no a.1"},
		{"through a string", `{"a":"x"}`, "a.b", nil, "a is a string"},
		{"not strings", `{"a":[1,2]}`, "a", nil, "translation 1 at a is a number"},
		{"star gives a null", `{"a":[{"t":"x"},{"t":null}]}`, "a.*.t", nil, "translation 2 at a.*.t is null"},
		{"object, not list", `{"a":{"b":"c"}}`, "a", nil, "a is an object"},
		{"truncated", `{"a":["x"`, "a", nil, "malformed response"},
		{"trailing data", `{"a":["x"]} {}`, "a", nil, "data after"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var path []string
			if tt.path != "" {
				path = strings.Split(tt.path, ".")
			}
			got, err := jsonStrings([]byte(tt.doc), path)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func FuzzJSONStrings(f *testing.F) {
	f.Add(`{"result":[{"text":"a"}]}`, "result.*.text")
	f.Add(`[["a"],"b"]`, "*.0")
	f.Add(`{"a":{"b":[1,"x",null]}}`, "a.b")
	f.Fuzz(func(t *testing.T, doc, path string) {
		var p []string
		if path != "" {
			p = strings.Split(path, ".")
		}
		got, err := jsonStrings([]byte(doc), p)
		if err == nil && got == nil {
			t.Fatalf("nil list without error")
		}
	})
}

func TestSplitLang(t *testing.T) {
	tests := []struct{ in, base, sub string }{
		{"en", "en", ""},
		{"EN", "en", ""},
		{"eng", "en", ""},
		{"spa", "es", ""},
		{"jpn", "ja", ""},
		{"en-GB", "en", "GB"},
		{"pt_BR", "pt", "BR"},
		{"zh-Hant-TW", "zh", "Hant"},
		{"es-419", "es", "419"},
		{"cat_valencia", "ca", ""},
		{" de ", "de", ""},
		{"", "", ""},
		{"xx-YY", "xx", "YY"},
	}
	for _, tt := range tests {
		base, sub := splitLang(tt.in)
		assert.Equal(t, tt.base, base, tt.in)
		assert.Equal(t, tt.sub, sub, tt.in)
	}
}

// Every web backend is a Translator that tells Cached and Prefetch its
// batch limits.
var (
	_ interface {
		Translator
		Batcher
	} = (*DeepL)(nil)
	_ Batcher = (*Google)(nil)
	_ Batcher = (*Azure)(nil)
	_ Batcher = (*OpenAI)(nil)
	_ Batcher = (*Template)(nil)
)

// TestWebBackendsCached runs each backend behind Cached: the second call
// sends nothing, and Cached's batches are one request each.
func TestWebBackendsCached(t *testing.T) {
	for name, b := range map[string]webBackend{
		"deepl": deeplFake, "google": googleFake, "azure": azureFake,
		"openai": openAIFake, "template": templateFake(templateTestConfig),
	} {
		t.Run(name, func(t *testing.T) {
			s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
				b.reply(w, fakeTranslateAll(b.want, b.texts(t, asWebRequest(r, body))))
			})
			c, _ := webClient()
			tr := b.build(t, s.URL, c)
			maxTexts, _ := tr.(Batcher).BatchLimits()
			assert.Equal(t, b.maxTexts, maxTexts)
			cached := Cached(tr, nil, "")
			texts := make([]string, maxTexts+1)
			for i := range texts {
				texts[i] = fmt.Sprint("text ", i)
			}
			for range 2 {
				got, err := cached.Translate(context.Background(), "en", b.to, texts)
				require.NoError(t, err)
				assert.Equal(t, fakeTranslateAll(b.want, texts), got)
			}
			assert.Len(t, s.requests(), 2, "two batches, then nothing")
		})
	}
}

// ExampleNewTemplate talks to an in-house service that takes
// {"src", "tgt", "segments"} and answers {"result": [{"text"}, ...]}.
func ExampleNewTemplate() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			Segments []string
			Tgt      string
		}
		json.NewDecoder(r.Body).Decode(&req)
		res := make([]map[string]string, len(req.Segments))
		for i, s := range req.Segments {
			res[i] = map[string]string{"text": "[" + req.Tgt + "] " + s}
		}
		json.NewEncoder(w).Encode(map[string]any{"result": res})
	}))
	defer srv.Close()

	tr, err := NewTemplate(TemplateConfig{
		URL:      srv.URL + "/v1/translate",
		Body:     `{"src": {{json .From}}, "tgt": {{json .To}}, "segments": {{json .Texts}}}`,
		Response: "result.*.text",
		MaxBatch: 64,
	}, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	out, err := tr.Translate(context.Background(), "en", "es", []string{"Good morning.", "See you soon."})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Join(out, "\n"))
	// Output:
	// [es] Good morning.
	// [es] See you soon.
}
