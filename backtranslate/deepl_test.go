package backtranslate

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const deeplTestKey = "0a1b2c3d-dead-beef-0000-123456789abc:fx"

// deeplFake speaks DeepL API v2: POST /v2/translate with a JSON body and
// the key in an Authorization header.
var deeplFake = webBackend{
	key: deeplTestKey, to: "en", want: "EN-US",
	maxTexts: 50, maxChars: 30000,
	build: func(t *testing.T, base string, c *Client) Translator { return NewDeepL(base, deeplTestKey, c) },
	texts: func(t *testing.T, r webRequest) []string {
		assert.Equal(t, http.MethodPost, r.Method)
		assert.Equal(t, "/v2/translate", r.Path)
		assert.Empty(t, r.Query)
		assert.Equal(t, "DeepL-Auth-Key "+deeplTestKey, r.Header.Get("Authorization"))
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
		var req map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(r.Body, &req), "body %s", r.Body)
		assert.JSONEq(t, `"EN"`, string(req["source_lang"]))
		assert.JSONEq(t, `"EN-US"`, string(req["target_lang"]))
		assert.Len(t, req, 3, "text, source_lang, target_lang only: %s", r.Body)
		var texts []string
		require.NoError(t, json.Unmarshal(req["text"], &texts))
		assert.LessOrEqual(t, len(texts), 50)
		assert.LessOrEqual(t, len(r.Body), 128<<10)
		return texts
	},
	reply: func(w http.ResponseWriter, out []string) {
		tr := make([]map[string]string, len(out))
		for i, s := range out {
			tr[i] = map[string]string{"detected_source_language": "EN", "text": s}
		}
		writeJSON(w, http.StatusOK, map[string]any{"translations": tr})
	},
	auth: func(w http.ResponseWriter, key string) {
		writeJSON(w, http.StatusForbidden, map[string]string{"message": "Wrong endpoint or invalid key " + key})
	},
	quota: func(w http.ResponseWriter, key string) {
		writeJSON(w, statusQuotaExceeded, map[string]string{"message": "Quota Exceeded"})
	},
}

func TestDeepL(t *testing.T) { runWebSuite(t, deeplFake) }

func TestDeepLURL(t *testing.T) {
	assert.Equal(t, DeepLFreeURL, DeepLURL("abc:fx"))
	assert.Equal(t, DeepLFreeURL, DeepLURL(" abc:fx\n"))
	assert.Equal(t, DeepLProURL, DeepLURL("abc"))
	assert.Equal(t, DeepLProURL, DeepLURL(""))
}

func TestDeepLName(t *testing.T) {
	for _, base := range []string{DeepLFreeURL, DeepLFreeURL + "/", DeepLFreeURL + "/v2"} {
		d := NewDeepL(base, deeplTestKey, nil)
		assert.Equal(t, "deepl https://api-free.deepl.com", d.Name())
	}
}

func TestDeepLCode(t *testing.T) {
	tests := []struct{ in, source, target string }{
		{"en", "EN", "EN-US"},
		{"eng", "EN", "EN-US"},
		{"en-GB", "EN", "EN-GB"},
		{"en_us", "EN", "EN-US"},
		{"pt", "PT", "PT-PT"},
		{"pt-BR", "PT", "PT-BR"},
		{"spa", "ES", "ES"},
		{"cat_valencia", "CA", "CA"},
		{"zh-Hant", "ZH", "ZH-HANT"},
		{"no", "NB", "NB"},
		{"de", "DE", "DE"},
		{"", "", ""},
		{"auto", "", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.source, deeplCode(tt.in, false), "source %q", tt.in)
		assert.Equal(t, tt.target, deeplCode(tt.in, true), "target %q", tt.in)
	}
}

// TestDeepLAutoSource checks that an empty source leaves source_lang out,
// so DeepL detects it.
func TestDeepLAutoSource(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		deeplFake.reply(w, []string{"hola"})
	})
	got, err := NewDeepL(s.URL, deeplTestKey, nil).Translate(context.Background(), "", "spa", []string{"hello"})
	require.NoError(t, err)
	assert.Equal(t, []string{"hola"}, got)
	assert.JSONEq(t, `{"text":["hello"],"target_lang":"ES"}`, string(s.requests()[0].Body))
}

func TestDeepLEmptyTarget(t *testing.T) {
	_, err := NewDeepL("http://127.0.0.1:1", deeplTestKey, nil).Translate(context.Background(), "en", " ", []string{"x"})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.True(t, strings.Contains(err.Error(), "target"), err.Error())
}
