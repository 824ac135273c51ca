package backtranslate

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// probeFake is one backend's service as its probe sees it: the endpoints
// that list languages, pairs or models, and one-word translations, with
// the real service's answers, errors included.
type probeFake struct {
	name string
	key  string // the key the service accepts; "" for services without keys
	// build returns the backend talking to base with key.
	build func(t *testing.T, base, key string, c *Client) Translator
	// serve answers one request as the service does, refusing any key but
	// the fake's. It is only called for good keys' paths and bad keys.
	serve func(t *testing.T, w http.ResponseWriter, r *http.Request, body []byte, key string)
	// good are directions the service offers; bad holds some it does not,
	// which the probe reports as missing, offering offers.
	good, bad []Pair
	missing   []string
	offers    []string
	// badFailure is what a probe of bad reports; 0 means FailUnsupported.
	badFailure Failure
}

// Languages of the fakes: English with Spanish and Catalan both ways, and
// French only from English, so "fr" is not a pivot.
var (
	probeGood = []Pair{{"en", "es"}, {"es", "en"}, {"en", "ca"}, {"ca", "en"}}
	probeBad  = []Pair{{"en", "es"}, {"es", "en"}, {"en", "fr"}, {"fr", "en"}, {"en", "de"}, {"de", "en"}}
)

// langsOf returns the list of a fake's languages in the service's spelling.
var fakeLangs = []string{"en", "es", "ca", "fr"}

func wantMissing(code func(string) string) []string {
	return []string{code("fr") + ">" + code("en"), code("en") + ">" + code("de"), code("de") + ">" + code("en")}
}

var probeFakes = []probeFake{
	{
		name: "apertium",
		build: func(t *testing.T, base, _ string, c *Client) Translator {
			return NewApertium(base, c)
		},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, _ []byte, _ string) {
			if r.URL.Path != "/listPairs" {
				tornado404(w)
				return
			}
			var data []map[string]string
			for _, p := range [][2]string{{"eng", "spa"}, {"spa", "eng"}, {"eng", "cat"}, {"cat", "eng"}, {"eng", "fra"}, {"cat", "spa"}} {
				data = append(data, map[string]string{"sourceLanguage": p[0], "targetLanguage": p[1]})
			}
			writeJSON(w, http.StatusOK, map[string]any{"responseData": data, "responseDetails": nil, "responseStatus": 200})
		},
		good: probeGood, bad: probeBad,
		missing: wantMissing(apertiumCode), offers: []string{"cat", "spa"},
	},
	{
		name: "libretranslate", key: "lt-key-0123456789",
		build: func(t *testing.T, base, key string, c *Client) Translator {
			return NewLibreTranslate(base, key, c)
		},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, body []byte, key string) {
			switch r.URL.Path {
			case "/languages":
				targets := map[string][]string{"en": {"es", "ca", "fr"}, "es": {"en", "ca"}, "ca": {"en", "es"}, "fr": {"es"}}
				var out []map[string]any
				for _, l := range fakeLangs {
					out = append(out, map[string]any{"code": l, "name": l, "targets": targets[l]})
				}
				writeJSON(w, http.StatusOK, out)
			case "/translate":
				var req libreReq
				require.NoError(t, json.Unmarshal(body, &req))
				if req.APIKey != key {
					writeJSON(w, http.StatusForbidden, map[string]string{"error": "Invalid API key"})
					return
				}
				writeJSON(w, http.StatusOK, map[string]any{"translatedText": fakeTranslateAll(req.Target, req.Q)})
			default:
				http.NotFound(w, r) // Flask's HTML 404
			}
		},
		good: probeGood, bad: probeBad,
		missing: wantMissing(libreCode), offers: []string{"ca", "es"},
	},
	{
		name: "deepl", key: deeplTestKey,
		build: func(t *testing.T, base, key string, c *Client) Translator {
			return NewDeepL(base, key, c)
		},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, _ []byte, key string) {
			if r.Header.Get("Authorization") != "DeepL-Auth-Key "+key {
				w.WriteHeader(http.StatusForbidden) // DeepL answers a bad key with an empty 403
				return
			}
			if r.URL.Path != "/v2/languages" {
				writeJSON(w, http.StatusNotFound, map[string]string{"message": "Not found"})
				return
			}
			var out []map[string]any
			switch r.URL.Query().Get("type") {
			case "source":
				for _, l := range []string{"EN", "ES", "CA"} {
					out = append(out, map[string]any{"language": l, "name": l})
				}
			case "target":
				for _, l := range []string{"EN-GB", "EN-US", "ES", "CA", "FR"} {
					out = append(out, map[string]any{"language": l, "name": l, "supports_formality": false})
				}
			}
			writeJSON(w, http.StatusOK, out)
		},
		good: probeGood, bad: probeBad,
		missing: []string{"FR>EN-US", "EN>DE", "DE>EN-US"}, offers: []string{"CA", "ES"},
	},
	{
		name: "google", key: googleTestKey,
		build: func(t *testing.T, base, key string, c *Client) Translator {
			return NewGoogle(base, key, c)
		},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, _ []byte, key string) {
			if r.Header.Get("X-Goog-Api-Key") != key {
				googleFake.auth(w, r.Header.Get("X-Goog-Api-Key"))
				return
			}
			if r.URL.Path != "/language/translate/v2/languages" {
				googleError(w, http.StatusNotFound, "Requested entity was not found.", "notFound", "NOT_FOUND")
				return
			}
			var out []map[string]string
			for _, l := range []string{"en", "es", "ca"} {
				out = append(out, map[string]string{"language": l})
			}
			writeJSON(w, http.StatusOK, map[string]any{"data": map[string]any{"languages": out}})
		},
		good:    probeGood,
		bad:     []Pair{{"en", "es"}, {"es", "en"}, {"en", "xx"}, {"xx", "en"}},
		missing: []string{"en>xx", "xx>en"}, offers: []string{"ca", "es"},
	},
	{
		name: "azure", key: azureTestKey,
		build: func(t *testing.T, base, key string, c *Client) Translator {
			return NewAzure(base, key, "westeurope", c)
		},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, body []byte, key string) {
			switch r.URL.Path {
			case "/languages": // no key needed
				langs := map[string]any{}
				for _, l := range []string{"en", "es", "ca", "zh-Hans"} {
					langs[l] = map[string]string{"name": l, "nativeName": l, "dir": "ltr"}
				}
				writeJSON(w, http.StatusOK, map[string]any{"translation": langs})
			case "/translate":
				if r.Header.Get("Ocp-Apim-Subscription-Key") != key {
					azureFake.auth(w, r.Header.Get("Ocp-Apim-Subscription-Key"))
					return
				}
				var req []map[string]string
				require.NoError(t, json.Unmarshal(body, &req))
				out := make([]map[string]any, len(req))
				for i, e := range req {
					out[i] = map[string]any{"translations": []map[string]string{{"text": fakeTranslate(r.URL.Query().Get("to"), e["Text"]), "to": r.URL.Query().Get("to")}}}
				}
				writeJSON(w, http.StatusOK, out)
			default:
				azureError(w, http.StatusNotFound, 404001, "The requested resource was not found.")
			}
		},
		good:    probeGood,
		bad:     []Pair{{"en", "zh"}, {"zh", "en"}, {"en", "xx"}, {"xx", "en"}},
		missing: []string{"en>xx", "xx>en"}, offers: []string{"ca", "es", "zh-Hans"},
	},
	{
		name: "openai", key: openAITestKey,
		build: func(t *testing.T, base, key string, c *Client) Translator {
			return NewOpenAI(base+"/v1", key, "test-model", c, OpenAIOptions{})
		},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, _ []byte, key string) {
			if r.Header.Get("Authorization") != "Bearer "+key {
				openAIFake.auth(w, strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
				return
			}
			if r.URL.Path != "/v1/models" {
				openAIError(w, http.StatusNotFound, "Invalid URL (GET "+r.URL.Path+")", "invalid_request_error", "")
				return
			}
			writeJSON(w, http.StatusOK, map[string]any{"object": "list", "data": []map[string]any{
				{"id": "test-model", "object": "model", "created": 0, "owned_by": "me"},
				{"id": "other-model", "object": "model", "created": 0, "owned_by": "me"},
			}})
		},
		good: probeGood,
	},
	{
		name: "template", key: "tmpl-secret-0123456789",
		build: func(t *testing.T, base, key string, c *Client) Translator {
			t.Setenv("MT_TEST_KEY", key)
			cfg := templateTestConfig
			cfg.URL = base + cfg.URL
			tr, err := NewTemplate(cfg, c)
			require.NoError(t, err)
			return tr
		},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, body []byte, key string) {
			if r.URL.Path != "/v1/translate" {
				http.NotFound(w, r)
				return
			}
			if r.Header.Get("X-Api-Key") != key {
				writeJSON(w, http.StatusUnauthorized, map[string]any{"error": "bad key"})
				return
			}
			var req struct {
				Src, Tgt string
				Segments []string
			}
			require.NoError(t, json.Unmarshal(body, &req))
			if req.Tgt == "xx" || req.Src == "xx" {
				writeJSON(w, http.StatusBadRequest, map[string]any{"error": "unsupported language xx"})
				return
			}
			templateFake(templateTestConfig).reply(w, fakeTranslateAll(req.Tgt, req.Segments))
		},
		good: probeGood,
		bad:  []Pair{{"en", "es"}, {"es", "en"}, {"en", "xx"}, {"xx", "en"}},
		// A template service has no list of languages, nor a known way
		// of saying that one is missing: a refusal is all there is.
		badFailure: FailRequest,
	},
}

// tornado404 is APy's (Tornado's) answer to an unknown path.
func tornado404(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=UTF-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write([]byte("<html><title>404: Not Found</title><body>404: Not Found</body></html>"))
}

// probeServer serves f, with fault, if set, answering requests instead.
func probeServer(t *testing.T, f probeFake, fault func(w http.ResponseWriter) bool) *webServer {
	return newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, _ int) {
		if fault != nil && fault(w) {
			return
		}
		f.serve(t, w, r, body, f.key)
	})
}

func probeErr(t *testing.T, err error) *ProbeError {
	t.Helper()
	var pe *ProbeError
	require.ErrorAs(t, err, &pe)
	assert.False(t, isSoft(err), "a failed probe stops the run")
	return pe
}

func TestProbeEveryBackend(t *testing.T) {
	ctx := context.Background()
	for _, f := range probeFakes {
		t.Run(f.name, func(t *testing.T) {
			c, _ := webClient(WithRetries(2))
			t.Run("ok", func(t *testing.T) {
				srv := probeServer(t, f, nil)
				require.NoError(t, Probe(ctx, f.build(t, srv.URL, f.key, c), f.good))
				require.NoError(t, Probe(ctx, Cached(f.build(t, srv.URL, f.key, c), nil, ""), f.good), "Cached probes what it wraps")
			})
			if f.bad != nil { // OpenAI-compatible servers take any language
				t.Run("unknown pair", func(t *testing.T) {
					srv := probeServer(t, f, nil)
					err := Probe(ctx, f.build(t, srv.URL, f.key, c), f.bad)
					pe := probeErr(t, err)
					want := FailUnsupported
					if f.badFailure != 0 {
						want = f.badFailure
					}
					assert.Equal(t, want, pe.Failure)
					assert.False(t, Transient(err), "a re-run cannot help")
					if f.missing != nil {
						assert.Equal(t, f.missing, pe.Missing)
						assert.Equal(t, f.offers, pe.Offers)
						assert.Contains(t, err.Error(), "does not translate "+strings.Join(f.missing, ", "))
						assert.Contains(t, err.Error(), "the pivots it offers both ways are "+strings.Join(f.offers, ", ")+": choose among them")
					}
				})
			}
			if f.key != "" { // APy has no keys
				t.Run("wrong key", func(t *testing.T) {
					srv := probeServer(t, f, nil)
					err := Probe(ctx, f.build(t, srv.URL, "wrong-key-abcdef", c), f.good)
					pe := probeErr(t, err)
					assert.Equal(t, FailAuth, pe.Failure, "%v", err)
					assert.ErrorIs(t, err, ErrAuth)
					assert.Contains(t, err.Error(), "check the API key")
					assert.NotContains(t, err.Error(), "wrong-key-abcdef")
					assert.False(t, Transient(err))
				})
			}
			t.Run("wrong path", func(t *testing.T) {
				srv := probeServer(t, f, nil)
				err := Probe(ctx, f.build(t, srv.URL+"/nothing/here", f.key, c), f.good)
				pe := probeErr(t, err)
				assert.Equal(t, FailNotFound, pe.Failure, "%v", err)
				assert.Contains(t, err.Error(), "the URL does not point at a "+f.name+" service")
				assert.False(t, Transient(err))
			})
			t.Run("dead URL", func(t *testing.T) {
				srv := probeServer(t, f, nil)
				srv.Close()
				err := Probe(ctx, f.build(t, srv.URL, f.key, c), f.good)
				pe := probeErr(t, err)
				assert.Equal(t, FailNetwork, pe.Failure, "%v", err)
				assert.Contains(t, err.Error(), "check the URL and that the service is running")
				assert.True(t, Transient(err), "the service may come back")
			})
			t.Run("not the service", func(t *testing.T) {
				srv := probeServer(t, f, func(w http.ResponseWriter) bool {
					w.Header().Set("Content-Type", "text/html")
					w.Write([]byte("<!doctype html><html><body>It works!</body></html>"))
					return true
				})
				err := Probe(ctx, f.build(t, srv.URL, f.key, c), f.good)
				pe := probeErr(t, err)
				assert.Equal(t, FailResponse, pe.Failure, "%v", err)
				assert.False(t, Transient(err))
			})
			for _, tt := range []struct {
				status int
				want   Failure
			}{{http.StatusServiceUnavailable, FailServer}, {http.StatusTooManyRequests, FailRateLimit}} {
				t.Run(http.StatusText(tt.status), func(t *testing.T) {
					srv := probeServer(t, f, func(w http.ResponseWriter) bool {
						writeJSON(w, tt.status, map[string]string{"error": "busy"})
						return true
					})
					err := Probe(ctx, f.build(t, srv.URL, f.key, c), f.good)
					pe := probeErr(t, err)
					assert.Equal(t, tt.want, pe.Failure, "%v", err)
					assert.True(t, Transient(err), "a re-run may help")
					assert.Contains(t, err.Error(), "try again later")
					assert.Len(t, srv.requests(), 3, "tried once and retried twice")
				})
			}
		})
	}
}

func TestProbeNoRetries(t *testing.T) {
	srv := probeServer(t, probeFakes[0], func(w http.ResponseWriter) bool {
		w.WriteHeader(http.StatusBadGateway)
		return true
	})
	c, sleeps := webClient(WithRetries(0))
	err := Probe(context.Background(), NewApertium(srv.URL, c), probeGood)
	assert.Equal(t, FailServer, probeErr(t, err).Failure)
	assert.Len(t, srv.requests(), 1, "WithRetries(0): one attempt")
	assert.Empty(t, sleeps.waits())
	assert.NotContains(t, err.Error(), "gave up after")
}

func TestProbeMessages(t *testing.T) {
	ctx := context.Background()
	c, _ := webClient(WithRetries(0))
	srv := probeServer(t, probeFakes[0], nil)
	err := Probe(ctx, NewApertium(srv.URL, c), probeBad)
	assert.Equal(t, "backtranslate: apertium "+srv.URL+": does not translate fra>eng, eng>deu, deu>eng; "+
		"the pivots it offers both ways are cat, spa: choose among them, or install the missing pairs", err.Error())

	srv.Close()
	err = Probe(ctx, NewApertium(srv.URL, c), probeGood)
	assert.Regexp(t, `^backtranslate: apertium `+srv.URL+`/listPairs: Get "`+srv.URL+`/listPairs": dial tcp .*: connection refused; check the URL and that the service is running$`, err.Error())

	oai := probeServer(t, probeFakes[5], nil)
	err = Probe(ctx, NewOpenAI(oai.URL, openAITestKey, "gpt-nope", c, OpenAIOptions{}), probeGood)
	assert.Equal(t, "backtranslate: openai "+oai.URL+`/v1/models: no model "gpt-nope"; it has other-model, test-model: choose one of them`, err.Error())
	assert.Equal(t, FailUnsupported, FailureOf(err))

	tmpl := probeServer(t, probeFakes[6], nil)
	err = Probe(ctx, probeFakes[6].build(t, tmpl.URL, probeFakes[6].key, c), []Pair{{"en", "xx"}})
	assert.Equal(t, "backtranslate: template "+tmpl.URL+"/v1/translate: HTTP 400 Bad Request: {\"error\":\"unsupported language xx\"}; "+
		"the service refused the request: check the template and the language codes", err.Error())
}

// TestProbeOpenAIWithoutModels: a server without /models gets a chat
// request instead.
func TestProbeOpenAIWithoutModels(t *testing.T) {
	srv := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, _ int) {
		if r.URL.Path != "/v1/chat/completions" {
			http.NotFound(w, r)
			return
		}
		writeChat(w, "1. Hola", "stop")
	})
	c, _ := webClient()
	require.NoError(t, Probe(context.Background(), NewOpenAI(srv.URL, "", "m", c, OpenAIOptions{}), probeGood))
	reqs := srv.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, "/v1/models", reqs[0].Path)
	assert.Equal(t, "/v1/chat/completions", reqs[1].Path)
}

func TestRoundTripProbe(t *testing.T) {
	srv := probeServer(t, probeFakes[0], nil)
	c, _ := webClient()
	rt := RoundTrip{Translator: Cached(NewApertium(srv.URL, c), nil, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
	pairs, err := rt.Pairs()
	require.NoError(t, err)
	assert.Equal(t, []Pair{{"eng", "spa"}, {"spa", "eng"}, {"eng", "cat"}, {"cat", "eng"}}, pairs)
	require.NoError(t, rt.Probe(context.Background()))

	rt.Chain = true
	pairs, err = rt.Pairs()
	require.NoError(t, err)
	assert.Equal(t, []Pair{{"eng", "spa"}, {"spa", "cat"}, {"cat", "eng"}}, pairs)
	err = rt.Probe(context.Background())
	assert.Equal(t, []string{"spa>cat"}, probeErr(t, err).Missing, "the fake has cat>spa only")

	rt.Pivots = []string{"deu"}
	rt.Chain = false
	assert.Equal(t, []string{"eng>deu", "deu>eng"}, probeErr(t, rt.Probe(context.Background())).Missing)

	var plain translatorFunc = func(context.Context, string, string, []string) ([]string, error) {
		return nil, errors.New("never called")
	}
	assert.NoError(t, RoundTrip{Translator: plain, Source: "en", Pivots: []string{"es"}}.Probe(context.Background()), "a Translator that is not a Prober is not checked")
}

func TestProbeStopsWhenContextDone(t *testing.T) {
	srv := probeServer(t, probeFakes[0], func(w http.ResponseWriter) bool {
		w.WriteHeader(http.StatusServiceUnavailable)
		return true
	})
	ctx, cancel := context.WithCancel(context.Background())
	c := NewClient(WithBackoff(time.Hour, time.Hour), WithSleep(func(ctx context.Context, d time.Duration) error {
		cancel()
		return ctx.Err()
	}))
	err := Probe(ctx, NewApertium(srv.URL, c), probeGood)
	assert.ErrorIs(t, err, context.Canceled)
	var pe *ProbeError
	assert.False(t, errors.As(err, &pe), "the caller stopped: not a failed probe")
}
