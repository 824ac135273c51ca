package backtranslate

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const googleTestKey = "AIzaSyTEST-0123456789abcdefghijklmnopq"

// googleError writes Google's error format, v2 reasons and newer details.
func googleError(w http.ResponseWriter, status int, message, reason, rpcStatus string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{
		"code":    status,
		"message": message,
		"errors":  []map[string]string{{"message": message, "domain": "usageLimits", "reason": reason}},
		"status":  rpcStatus,
	}})
}

// googleFake speaks Cloud Translation v2: POST /language/translate/v2 with
// a JSON body and the key in the X-Goog-Api-Key header.
var googleFake = webBackend{
	key: googleTestKey, to: "es", want: "es",
	maxTexts: 128, maxChars: 20000,
	build: func(t *testing.T, base string, c *Client) Translator { return NewGoogle(base, googleTestKey, c) },
	texts: func(t *testing.T, r webRequest) []string {
		assert.Equal(t, http.MethodPost, r.Method)
		assert.Equal(t, "/language/translate/v2", r.Path)
		assert.Empty(t, r.Query, "no key in the URL")
		assert.Equal(t, googleTestKey, r.Header.Get("X-Goog-Api-Key"))
		assert.Equal(t, "application/json; charset=utf-8", r.Header.Get("Content-Type"))
		var req struct {
			Q                      []string
			Source, Target, Format string
		}
		require.NoError(t, json.Unmarshal(r.Body, &req), "body %s", r.Body)
		assert.Equal(t, "en", req.Source)
		assert.Equal(t, "es", req.Target)
		assert.Equal(t, "text", req.Format)
		assert.LessOrEqual(t, len(req.Q), 128)
		assert.Less(t, len(r.Body), 100_000)
		return req.Q
	},
	reply: func(w http.ResponseWriter, out []string) {
		tr := make([]map[string]string, len(out))
		for i, s := range out {
			tr[i] = map[string]string{"translatedText": s, "detectedSourceLanguage": "en"}
		}
		writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"translations": tr}})
	},
	auth: func(w http.ResponseWriter, key string) {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{
			"code": 400, "message": "API key not valid. Please pass a valid API key: " + key, "status": "INVALID_ARGUMENT",
			"details": []map[string]any{{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID", "domain": "googleapis.com"}},
		}})
	},
	quota: func(w http.ResponseWriter, key string) {
		googleError(w, http.StatusForbidden, "Daily Limit Exceeded", "dailyLimitExceeded", "PERMISSION_DENIED")
	},
}

func TestGoogle(t *testing.T) { runWebSuite(t, googleFake) }

func TestGoogleClassify(t *testing.T) {
	tests := []struct {
		name          string
		status        int
		reason        string
		want          error // ErrAuth, ErrQuota or nil
		retry         bool
		wantRequests  int
		succeedsAfter bool
	}{
		{"per-minute user rate limit is retried", 403, "userRateLimitExceeded", nil, true, 2, true},
		{"rate limit is retried", 403, "rateLimitExceeded", nil, true, 2, true},
		{"daily limit is quota", 403, "dailyLimitExceeded", ErrQuota, false, 1, false},
		{"quota exceeded is quota", 429, "quotaExceeded", ErrQuota, false, 1, false},
		{"billing disabled is quota", 403, "billingNotEnabled", ErrQuota, false, 1, false},
		{"forbidden is auth", 403, "forbidden", ErrAuth, false, 1, false},
		{"invalid key is auth", 400, "keyInvalid", ErrAuth, false, 1, false},
		{"unknown 400 is permanent", 400, "invalid", nil, false, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
				if n == 0 {
					googleError(w, tt.status, "nope", tt.reason, "")
					return
				}
				googleFake.reply(w, []string{"hola"})
			})
			c, sleeps := webClient()
			got, err := NewGoogle(s.URL, googleTestKey, c).Translate(context.Background(), "en", "es", []string{"hello"})
			assert.Len(t, s.requests(), tt.wantRequests)
			if tt.succeedsAfter {
				require.NoError(t, err)
				assert.Equal(t, []string{"hola"}, got)
				assert.Len(t, sleeps.waits(), 1)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), "nope ("+tt.reason+")")
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
			} else {
				assert.NotErrorIs(t, err, ErrAuth)
				assert.NotErrorIs(t, err, ErrQuota)
			}
		})
	}
}

func TestGoogleEntities(t *testing.T) {
	tests := []struct{ src, out, want string }{
		{"It's", "Es&#39;s", "Es's"},
		{"a \"b\"", "un &quot;b&quot;", "un \"b\""},
		{"Tom & Jerry", "Tom &amp; Jerry", "Tom & Jerry"},
		{"write &amp; for &", "escribe &amp; para &amp;", "escribe &amp; para &amp;"}, // literal in the source: kept
		{"x", "&#x27;x&#x27; &lt;y&gt;", "'x' <y>"},
		{"no entities", "sin entidades & nada", "sin entidades & nada"},
		{"x", "&notanentity", "&notanentity"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, unescapeEntities(tt.out, tt.src), "%q", tt.out)
	}

	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		googleFake.reply(w, []string{"l&#39;homme", "&quot;oui&quot;"})
	})
	got, err := NewGoogle(s.URL, googleTestKey, nil).Translate(context.Background(), "en", "fr", []string{"the man", `"yes"`})
	require.NoError(t, err)
	assert.Equal(t, []string{"l'homme", `"oui"`}, got)
}

func TestGoogleCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"ENG", "en"}, {"spa", "es"}, {"pt-pt", "pt-PT"},
		{"zh", "zh-CN"}, {"zh-Hans", "zh-CN"}, {"zh_TW", "zh-TW"}, {"zh-Hant", "zh-TW"},
		{"sr-latn", "sr-Latn"}, {"", ""}, {"auto", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, googleCode(tt.in), tt.in)
	}
}

// TestGoogleAutoSourceNoKey checks that an empty source leaves "source"
// out and that no key means no key header.
func TestGoogleAutoSourceNoKey(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		googleFake.reply(w, []string{"hola"})
	})
	g := NewGoogle(s.URL+"/", "", nil)
	assert.Equal(t, "google "+s.URL, g.Name())
	_, err := g.Translate(context.Background(), "auto", "es", []string{"hello"})
	require.NoError(t, err)
	r := s.requests()[0]
	assert.JSONEq(t, `{"q":["hello"],"target":"es","format":"text"}`, string(r.Body))
	assert.Empty(t, r.Header.Values("X-Goog-Api-Key"))
}
