package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeLibre speaks LibreTranslate's /translate: a JSON body with an array
// q, answered with an array translatedText, or {"error": ...}.
type fakeLibre struct {
	srv      *httptest.Server
	mu       sync.Mutex
	requests []libreReq
	// answer, if set, replaces the normal answer for request n (from 1).
	answer func(n int, w http.ResponseWriter, req libreReq) bool
}

type libreReq struct {
	Q      []string `json:"q"`
	Source string   `json:"source"`
	Target string   `json:"target"`
	Format string   `json:"format"`
	APIKey string   `json:"api_key"`
}

func newFakeLibre(t *testing.T, key string) *fakeLibre {
	f := &fakeLibre{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req libreReq
		if r.URL.Path != "/translate" || r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&req) != nil {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"error":"Invalid request"}`))
			return
		}
		f.mu.Lock()
		f.requests = append(f.requests, req)
		n, answer := len(f.requests), f.answer
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if key != "" && req.APIKey != key {
			w.WriteHeader(http.StatusForbidden)
			fmt.Fprintf(w, `{"error":"Invalid API key: %s"}`, req.APIKey)
			return
		}
		if answer != nil && answer(n, w, req) {
			return
		}
		out := make([]string, len(req.Q))
		for i, q := range req.Q {
			out[i] = req.Target + "<" + q + ">"
		}
		json.NewEncoder(w).Encode(map[string]any{"translatedText": out})
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func TestLibreTranslate(t *testing.T) {
	f := newFakeLibre(t, "k-123")
	l := NewLibreTranslate(f.srv.URL, "k-123", testClient(&fakeSleep{}))
	var texts []string
	for i := range 120 {
		texts = append(texts, fmt.Sprintf("text %d", i))
	}
	texts[7] = "   "
	got, err := l.Translate(context.Background(), "eng", "es", texts)
	require.NoError(t, err)
	for i, s := range texts {
		if i == 7 {
			assert.Equal(t, "", got[i], "blank texts are not sent")
			continue
		}
		assert.Equal(t, "es<"+s+">", got[i])
	}
	require.Len(t, f.requests, 3, "119 texts, at most 50 a request")
	for _, r := range f.requests {
		assert.Equal(t, "en", r.Source, "eng mapped to en")
		assert.Equal(t, "es", r.Target)
		assert.Equal(t, "text", r.Format)
		assert.Equal(t, "k-123", r.APIKey)
		assert.LessOrEqual(t, len(r.Q), libreMaxTexts)
	}
	assert.Equal(t, "libretranslate "+f.srv.URL, l.Name())
	assert.NotContains(t, l.Name(), "k-123")
}

func TestLibreTranslateNoKey(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var raw map[string]any
		json.NewDecoder(r.Body).Decode(&raw)
		_, hasKey := raw["api_key"]
		assert.False(t, hasKey, "no api_key field without a key")
		w.Write([]byte(`{"translatedText":["hola"]}`))
	}))
	defer srv.Close()
	got, err := NewLibreTranslate(srv.URL, "", nil).Translate(context.Background(), "en", "es", []string{"hello"})
	require.NoError(t, err)
	assert.Equal(t, []string{"hola"}, got)
}

func TestLibreTranslateErrors(t *testing.T) {
	tests := []struct {
		name     string
		key      string
		answer   func(n int, w http.ResponseWriter, req libreReq) bool
		wantErr  string
		wantReqs int
	}{
		{
			name:     "bad key is ErrAuth, not retried, key never shown",
			key:      "wrong-key",
			wantErr:  "backtranslate: libretranslate: HTTP 403 Forbidden (authentication failed): Invalid API key: [redacted]",
			wantReqs: 1,
		},
		{
			name: "wrong count",
			key:  "good",
			answer: func(_ int, w http.ResponseWriter, req libreReq) bool {
				w.Write([]byte(`{"translatedText":["only one"]}`))
				return true
			},
			wantErr:  "backtranslate: libretranslate: en>es: sent 2 texts, got 1 translations",
			wantReqs: 1,
		},
		{
			name: "429 burst then success",
			key:  "good",
			answer: func(n int, w http.ResponseWriter, req libreReq) bool {
				if n <= 2 {
					w.Header().Set("Retry-After", "1")
					w.WriteHeader(http.StatusTooManyRequests)
					w.Write([]byte(`{"error":"Too many request limits violations"}`))
					return true
				}
				return false
			},
			wantReqs: 3,
		},
		{
			name: "500 every time",
			key:  "good",
			answer: func(_ int, w http.ResponseWriter, req libreReq) bool {
				w.WriteHeader(http.StatusInternalServerError)
				w.Write([]byte(`{"error":"Cannot translate text: boom"}`))
				return true
			},
			wantErr:  "backtranslate: libretranslate: HTTP 500 Internal Server Error: Cannot translate text: boom (gave up after 4 attempts)",
			wantReqs: 4,
		},
		{
			name: "not JSON",
			key:  "good",
			answer: func(_ int, w http.ResponseWriter, req libreReq) bool {
				w.Write([]byte(`<html>proxy error</html>`))
				return true
			},
			wantErr:  "backtranslate: libretranslate: en>es: malformed response",
			wantReqs: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeLibre(t, "good")
			f.answer = tt.answer
			l := NewLibreTranslate(f.srv.URL, tt.key, testClient(&fakeSleep{}))
			got, err := l.Translate(context.Background(), "en", "es", []string{"one", "two"})
			assert.Len(t, f.requests, tt.wantReqs)
			if tt.wantErr == "" {
				require.NoError(t, err)
				assert.Equal(t, []string{"es<one>", "es<two>"}, got)
				return
			}
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), tt.wantErr), err.Error())
			assert.NotContains(t, err.Error(), tt.key)
			assert.True(t, isSoft(err))
		})
	}
}
