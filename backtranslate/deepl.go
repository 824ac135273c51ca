package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// DeepL API hosts: keys ending in ":fx" belong to the free API.
const (
	DeepLFreeURL = "https://api-free.deepl.com"
	DeepLProURL  = "https://api.deepl.com"
)

// DeepLKeyEnv is the environment variable the CLI reads the DeepL
// authentication key from.
const DeepLKeyEnv = "DEEPL_AUTH_KEY"

// DeepL request bounds. The service takes at most 50 texts and 128 KiB of
// request body; 30,000 characters stay under that even at four bytes a
// character.
const (
	deeplMaxTexts = 50
	deeplMaxChars = 30000
)

// statusQuotaExceeded is DeepL's "quota exceeded" status.
const statusQuotaExceeded = 456

// DeepLURL returns the API host for authKey: DeepLFreeURL for free-API keys
// (ending in ":fx"), DeepLProURL otherwise.
func DeepLURL(authKey string) string {
	if strings.HasSuffix(strings.TrimSpace(authKey), ":fx") {
		return DeepLFreeURL
	}
	return DeepLProURL
}

// DeepL translates through the DeepL API v2
// (https://developers.deepl.com/docs/api-reference/translate).
//
// Texts are sent to POST /v2/translate as JSON
// {"text": [...], "source_lang": "EN", "target_lang": "ES"}, at most 50
// texts and about 30,000 characters a request, with the key in an
// "Authorization: DeepL-Auth-Key" header. The response must hold exactly
// one translation per text; a batch that comes back short is retried in
// halves, down to single texts. Blank texts are not sent and come back "".
//
// Languages: codes are upper-cased and three-letter codes Apertium uses
// (eng, spa, cat, ...) are mapped to two letters. The source loses any
// region (en-GB → EN), and an empty source or "auto" lets DeepL detect it.
// Targets keep a region or script (en-GB → EN-GB, zh-Hant → ZH-HANT); the
// variant-less targets DeepL deprecates become EN → EN-US and PT → PT-PT,
// and no → NB.
//
// Status 456 (quota exceeded) is ErrQuota and 403 is ErrAuth, neither
// retried; 429 and 5xx are retried, honouring Retry-After.
//
// A DeepL is safe for concurrent use; it fans a call's batches out over its
// Client's concurrency.
type DeepL struct {
	base, key string
	c         *Client
}

// NewDeepL returns a Translator for the DeepL API at baseURL (DeepLFreeURL,
// DeepLProURL, DeepLURL(authKey) or a test server), sending through c (a
// default Client if nil). The key never appears in Name or errors.
func NewDeepL(baseURL, authKey string, c *Client) *DeepL {
	if c == nil {
		c = NewClient()
	}
	base := strings.TrimSuffix(strings.TrimRight(baseURL, "/"), "/v2")
	return &DeepL{base: base, key: authKey, c: c}
}

// Name returns "deepl " and the API URL without user information or query.
func (d *DeepL) Name() string { return "deepl " + redactURL(d.base) }

// BatchLimits reports what one request carries: 50 texts, 30,000
// characters.
func (d *DeepL) BatchLimits() (texts, chars int) { return deeplMaxTexts, deeplMaxChars }

// Probe checks that /v2/languages lists every source and target language
// in pairs (the request checks the key); see Prober.
func (d *DeepL) Probe(ctx context.Context, pairs []Pair) error {
	o := newOffer()
	for _, typ := range []string{"source", "target"} {
		u := d.base + "/v2/languages?type=" + typ
		body, err := d.c.Do(ctx, Request{
			URL:      u,
			Header:   http.Header{"Authorization": {"DeepL-Auth-Key " + d.key}, "Accept": {"application/json"}},
			Backend:  "deepl",
			Classify: deeplClassify,
			Redact:   []string{d.key},
		})
		if err != nil {
			return probeFailed(ctx, "deepl", u, err)
		}
		var langs []struct {
			Language string `json:"language"`
		}
		if err := json.Unmarshal(body, &langs); err != nil {
			return probeFailed(ctx, "deepl", u, &Error{Backend: "deepl", Err: fmt.Errorf("languages: malformed response: %w", err)})
		}
		for _, l := range langs {
			o.addLang(l.Language, typ == "source", typ == "target")
		}
	}
	return o.check("deepl", d.base, pairs, deeplCode)
}

// Translate translates texts from one language to another; see DeepL.
func (d *DeepL) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	src, tgt := deeplCode(from, false), deeplCode(to, true)
	if tgt == "" {
		return nil, &Error{Backend: "deepl", Err: fmt.Errorf("empty target language")}
	}
	return translateBatches(ctx, d.c, "deepl", texts, deeplMaxChars, deeplMaxTexts,
		func(ctx context.Context, part []string) ([]string, error) {
			return d.request(ctx, src, tgt, part)
		})
}

func (d *DeepL) request(ctx context.Context, src, tgt string, texts []string) ([]string, error) {
	payload := struct {
		Text       []string `json:"text"`
		SourceLang string   `json:"source_lang,omitempty"`
		TargetLang string   `json:"target_lang"`
	}{texts, src, tgt}
	body, err := marshalJSON(payload)
	if err != nil {
		return nil, &Error{Backend: "deepl", Err: err}
	}
	resp, err := d.c.Do(ctx, Request{
		Method: http.MethodPost,
		URL:    d.base + "/v2/translate",
		Header: http.Header{
			"Authorization": {"DeepL-Auth-Key " + d.key},
			"Content-Type":  {"application/json"},
			"Accept":        {"application/json"},
		},
		Body:     body,
		Chars:    runeCount(texts),
		Backend:  "deepl",
		Classify: deeplClassify,
		Redact:   []string{d.key},
	})
	if err != nil {
		return nil, err
	}
	var r struct {
		Translations []struct {
			DetectedSourceLanguage string `json:"detected_source_language"`
			Text                   string `json:"text"`
		} `json:"translations"`
	}
	if err := json.Unmarshal(resp, &r); err != nil {
		return nil, &Error{Backend: "deepl", Err: fmt.Errorf("%s>%s: malformed response: %w", src, tgt, err)}
	}
	got := make([]string, len(r.Translations))
	for i, t := range r.Translations {
		got[i] = t.Text
	}
	return got, nil
}

// deeplClassify maps 456 to ErrQuota and a language that is "not
// supported" to ErrUnsupported, and otherwise follows DefaultClassify,
// showing DeepL's "message" as the body.
func deeplClassify(status int, h http.Header, body []byte) (error, bool) {
	var err error
	var retry bool
	if status == statusQuotaExceeded {
		err = &StatusError{Status: status, Err: ErrQuota}
	} else {
		err, retry = DefaultClassify(status, h, body)
	}
	var e struct {
		Message string `json:"message"`
		Detail  string `json:"detail"`
	}
	if json.Unmarshal(body, &e) == nil && e.Message != "" {
		if se, ok := err.(*StatusError); ok {
			msg := e.Message
			if e.Detail != "" {
				msg += ": " + e.Detail
			}
			se.Body = trimBody([]byte(msg), nil) // Do blanks the secrets
			if status == http.StatusBadRequest && strings.Contains(msg, "not supported") {
				se.Err = ErrUnsupported
			}
		}
	}
	return err, retry
}

// deeplCode turns a language code into DeepL's form; see DeepL.
func deeplCode(code string, target bool) string {
	base, sub := splitLang(code)
	switch base {
	case "", "auto":
		return ""
	case "no":
		base = "nb"
	}
	base = strings.ToUpper(base)
	if !target {
		return base
	}
	if sub != "" {
		return base + "-" + strings.ToUpper(sub)
	}
	switch base {
	case "EN":
		return "EN-US"
	case "PT":
		return "PT-PT"
	}
	return base
}
