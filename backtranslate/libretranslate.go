package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"
)

// LibreTranslateKeyEnv is the environment variable the command reads a
// LibreTranslate API key from.
const LibreTranslateKeyEnv = "LIBRETRANSLATE_API_KEY"

// LibreTranslate request bounds: texts and characters per request.
const (
	libreMaxTexts = 50
	libreMaxChars = 5000
)

// LibreTranslate translates through a LibreTranslate server
// (https://libretranslate.com, or one of your own).
//
// Texts are sent to /translate as a JSON array q, at most 50 texts and
// about 5,000 characters a request, with format "text" and the API key, if
// any, in the body; the response must hold exactly one translation per
// text. Languages are LibreTranslate's codes (en, es, ca, zh-Hans); the
// three-letter codes Apertium uses (eng, spa, cat, ...) are mapped to their
// two-letter forms, so one RoundTrip configuration serves both.
//
// A LibreTranslate is safe for concurrent use; it fans a call's batches out
// over its Client's concurrency.
type LibreTranslate struct {
	base, key string
	c         *Client
}

// NewLibreTranslate returns a Translator for the LibreTranslate server at
// baseURL, sending apiKey (may be empty) with each request through c (a
// default Client if nil). The key never appears in Name or errors.
func NewLibreTranslate(baseURL, apiKey string, c *Client) *LibreTranslate {
	if c == nil {
		c = NewClient()
	}
	return &LibreTranslate{base: strings.TrimRight(baseURL, "/"), key: apiKey, c: c}
}

// Name returns "libretranslate " and the server URL without user
// information or query.
func (l *LibreTranslate) Name() string { return "libretranslate " + redactURL(l.base) }

// BatchLimits reports what one request carries: 50 texts in about 5,000
// characters.
func (l *LibreTranslate) BatchLimits() (texts, chars int) { return libreMaxTexts, libreMaxChars }

// Probe checks that the server's /languages offers every direction in
// pairs, and that it accepts a one-word /translate (and so the key); see
// Prober.
func (l *LibreTranslate) Probe(ctx context.Context, pairs []Pair) error {
	u := l.base + "/languages"
	body, err := l.c.Do(ctx, Request{URL: u, Header: http.Header{"Accept": {"application/json"}}, Backend: "libretranslate", Classify: libreClassify})
	if err != nil {
		return probeFailed(ctx, "libretranslate", u, err)
	}
	var langs []struct {
		Code    string   `json:"code"`
		Targets []string `json:"targets"` // absent before LibreTranslate 1.3: any language into any other
	}
	if err := json.Unmarshal(body, &langs); err != nil {
		return probeFailed(ctx, "libretranslate", u, &Error{Backend: "libretranslate", Err: fmt.Errorf("languages: malformed response: %w", err)})
	}
	o := newOffer()
	for _, lang := range langs {
		if lang.Targets == nil {
			o.addLang(lang.Code, true, true)
		}
		for _, t := range lang.Targets {
			o.addPair(lang.Code, t)
		}
	}
	if err := o.check("libretranslate", l.base, pairs, func(c string, _ bool) string { return libreCode(c) }); err != nil {
		return err
	}
	p := pairs[0]
	if _, err := l.request(ctx, libreCode(p.From), libreCode(p.To), []string{probeWord}); err != nil {
		return probeFailed(ctx, "libretranslate", l.base+"/translate", err)
	}
	return nil
}

// Translate translates texts from one language to another; see
// LibreTranslate.
func (l *LibreTranslate) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	from, to = libreCode(from), libreCode(to)
	if from == "" || to == "" {
		return nil, &Error{Backend: "libretranslate", Err: fmt.Errorf("empty language code (from %q, to %q)", from, to)}
	}
	return fanOut(ctx, l.c, texts, nil, libreMaxChars, libreMaxTexts, func(ctx context.Context, batch []string) ([]string, error) {
		return l.request(ctx, from, to, batch)
	})
}

func (l *LibreTranslate) request(ctx context.Context, from, to string, texts []string) ([]string, error) {
	payload := struct {
		Q      []string `json:"q"`
		Source string   `json:"source"`
		Target string   `json:"target"`
		Format string   `json:"format"`
		APIKey string   `json:"api_key,omitempty"`
	}{texts, from, to, "text", l.key}
	body, err := json.Marshal(payload)
	if err != nil {
		return nil, &Error{Backend: "libretranslate", Err: err}
	}
	chars := 0
	for _, t := range texts {
		chars += utf8.RuneCountInString(t)
	}
	resp, err := l.c.Do(ctx, Request{
		Method:   http.MethodPost,
		URL:      l.base + "/translate",
		Header:   http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}},
		Body:     body,
		Chars:    chars,
		Backend:  "libretranslate",
		Classify: libreClassify,
		Redact:   []string{l.key},
	})
	if err != nil {
		return nil, err
	}
	var r struct {
		TranslatedText json.RawMessage `json:"translatedText"`
		Error          string          `json:"error"`
	}
	if err := json.Unmarshal(resp, &r); err != nil {
		return nil, &Error{Backend: "libretranslate", Err: fmt.Errorf("%s>%s: malformed response: %w", from, to, err)}
	}
	var got []string
	if err := json.Unmarshal(r.TranslatedText, &got); err != nil {
		var one string
		if len(texts) != 1 || json.Unmarshal(r.TranslatedText, &one) != nil {
			return nil, &Error{Backend: "libretranslate", Err: fmt.Errorf("%s>%s: response has no translatedText array: %s", from, to, trimBody(resp, []string{l.key}))}
		}
		got = []string{one}
	}
	if len(got) != len(texts) {
		return nil, &Error{Backend: "libretranslate", Err: fmt.Errorf("%s>%s: sent %d texts, got %d translations", from, to, len(texts), len(got))}
	}
	return got, nil
}

// libreClassify is DefaultClassify showing LibreTranslate's "error" field
// as the body; a language it does not support ("xx is not supported") is
// ErrUnsupported.
func libreClassify(status int, h http.Header, body []byte) (error, bool) {
	err, retry := DefaultClassify(status, h, body)
	var e struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &e) == nil && e.Error != "" {
		if se, ok := err.(*StatusError); ok {
			se.Body = trimBody([]byte(e.Error), nil) // Do blanks the secrets
			if status == http.StatusBadRequest && strings.Contains(e.Error, "not supported") {
				se.Err = ErrUnsupported
			}
		}
	}
	return err, retry
}

// libreCodes maps ISO 639-3 codes to the two-letter codes LibreTranslate
// uses.
var libreCodes = func() map[string]string {
	m := make(map[string]string, len(apertiumCodes))
	for two, three := range apertiumCodes {
		m[three] = two
	}
	return m
}()

func libreCode(code string) string {
	code = strings.TrimSpace(code)
	if c, ok := libreCodes[strings.ToLower(code)]; ok {
		return c
	}
	return code
}
