package backtranslate

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const azureTestKey = "9f8e7d6c5b4a39281706f5e4d3c2b1a0"

// azureError writes Azure Translator's error format.
func azureError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"code": code, "message": message}})
}

// azureFake speaks Azure Translator v3: POST /translate with the
// languages in the query, a JSON array body, and the key and region in
// headers.
var azureFake = webBackend{
	key: azureTestKey, to: "zh", want: "zh-Hans",
	maxTexts: 1000, maxChars: 50000,
	build: func(t *testing.T, base string, c *Client) Translator {
		return NewAzure(base, azureTestKey, "westeurope", c)
	},
	texts: func(t *testing.T, r webRequest) []string {
		assert.Equal(t, http.MethodPost, r.Method)
		assert.Equal(t, "/translate", r.Path)
		q, err := url.ParseQuery(r.Query)
		require.NoError(t, err)
		assert.Equal(t, url.Values{"api-version": {"3.0"}, "from": {"en"}, "to": {"zh-Hans"}}, q)
		assert.Equal(t, azureTestKey, r.Header.Get("Ocp-Apim-Subscription-Key"))
		assert.Equal(t, "westeurope", r.Header.Get("Ocp-Apim-Subscription-Region"))
		assert.Equal(t, "application/json; charset=UTF-8", r.Header.Get("Content-Type"))
		var req []map[string]string
		require.NoError(t, json.Unmarshal(r.Body, &req), "body %s", r.Body)
		texts := make([]string, len(req))
		for i, e := range req {
			assert.Len(t, e, 1, "only Text: %v", e)
			texts[i] = e["Text"]
		}
		assert.LessOrEqual(t, len(texts), 1000)
		assert.LessOrEqual(t, runeCount(texts), 50000)
		return texts
	},
	reply: func(w http.ResponseWriter, out []string) {
		res := make([]map[string]any, len(out))
		for i, s := range out {
			res[i] = map[string]any{"translations": []map[string]string{{"text": s, "to": "zh-Hans"}}}
		}
		writeJSON(w, http.StatusOK, res)
	},
	auth: func(w http.ResponseWriter, key string) {
		azureError(w, http.StatusUnauthorized, 401000, "The request is not authorized because credentials are missing or invalid: "+key)
	},
	quota: func(w http.ResponseWriter, key string) {
		azureError(w, http.StatusForbidden, 403001, "The operation is not allowed because the subscription has exceeded its free quota.")
	},
}

func TestAzure(t *testing.T) { runWebSuite(t, azureFake) }

func TestAzureClassify(t *testing.T) {
	tests := []struct {
		name   string
		status int
		code   int
		msg    string
		want   error
		tries  int
	}{
		{"403001 is quota", 403, 403001, "The operation is not allowed because the subscription has exceeded its free quota.", ErrQuota, 1},
		{"403 about quota is quota", 403, 403000, "Out of call volume quota.", ErrQuota, 1},
		{"other 403 is auth", 403, 403000, "The operation is not allowed.", ErrAuth, 1},
		{"401 is auth", 401, 401015, "wrong region", ErrAuth, 1},
		{"400 is permanent", 400, 400036, "The target language is not valid.", nil, 1},
		{"429 is retried", 429, 429001, "Too many requests", nil, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
				azureError(w, tt.status, tt.code, tt.msg)
			})
			c, _ := webClient()
			_, err := NewAzure(s.URL, azureTestKey, "", c).Translate(context.Background(), "en", "es", []string{"hello"})
			require.Error(t, err)
			assert.Len(t, s.requests(), tt.tries)
			assert.Contains(t, err.Error(), tt.msg)
			if tt.want != nil {
				assert.ErrorIs(t, err, tt.want)
			} else {
				assert.NotErrorIs(t, err, ErrAuth)
				assert.NotErrorIs(t, err, ErrQuota)
			}
		})
	}
}

// TestAzureGlobal checks a global resource (no region header), source
// detection (no from), and a custom-domain base URL.
func TestAzureGlobal(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		azureFake.reply(w, []string{"hola"})
	})
	a := NewAzure(s.URL+"/translator/text/v3.0/", azureTestKey, " ", nil)
	assert.Equal(t, "azure "+s.URL+"/translator/text/v3.0", a.Name())
	got, err := a.Translate(context.Background(), "", "spa", []string{"hello"})
	require.NoError(t, err)
	assert.Equal(t, []string{"hola"}, got)
	r := s.requests()[0]
	assert.Equal(t, "/translator/text/v3.0/translate", r.Path)
	assert.Equal(t, "api-version=3.0&to=es", r.Query)
	assert.Empty(t, r.Header.Values("Ocp-Apim-Subscription-Region"))
	assert.JSONEq(t, `[{"Text":"hello"}]`, string(r.Body))
}

func TestAzureMissingTranslation(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		writeJSON(w, http.StatusOK, []map[string]any{{"translations": []any{}}})
	})
	_, err := NewAzure(s.URL, azureTestKey, "", nil).Translate(context.Background(), "en", "es", []string{"hello"})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Contains(t, err.Error(), "no translation")
}

func TestAzureCode(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en", "en"}, {"eng", "en"}, {"zh", "zh-Hans"}, {"zh-CN", "zh-Hans"}, {"zh-TW", "zh-Hant"},
		{"zh-hant", "zh-Hant"}, {"pt", "pt"}, {"pt-BR", "pt"}, {"pt-PT", "pt-pt"}, {"no", "nb"},
		{"fr-CA", "fr-ca"}, {"sr-latn", "sr-Latn"}, {"", ""}, {"auto", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, azureCode(tt.in), tt.in)
	}
}
