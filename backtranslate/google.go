package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"regexp"
	"strings"
)

// GoogleURL is the Cloud Translation API host.
const GoogleURL = "https://translation.googleapis.com"

// GoogleKeyEnv is the environment variable the CLI reads the Google Cloud
// API key from.
const GoogleKeyEnv = "GOOGLE_API_KEY"

// Google request bounds. The service takes at most 128 text segments and
// 100 KB of request; 20,000 characters stay under that even at four bytes
// a character.
const (
	googleMaxTexts = 128
	googleMaxChars = 20000
)

// Google translates through Google Cloud Translation - Basic (v2)
// (https://cloud.google.com/translate/docs/basic/translating-text).
//
// Texts are sent to POST /language/translate/v2 as JSON
// {"q": [...], "source": "en", "target": "es", "format": "text"}, at most
// 128 texts and about 20,000 characters a request, with the API key in the
// X-Goog-Api-Key header, never in the URL. The response
// {"data": {"translations": [{"translatedText": ".."}]}} must hold exactly
// one translation per text; a batch that comes back short is retried in
// halves, down to single texts. Blank texts are not sent and come back "".
//
// format=text should keep HTML entities out of translations; any that
// appear anyway (&#39;, &quot;, &amp;) are decoded, unless the source text
// held the same entity literally.
//
// Languages: codes are lower-cased and three-letter codes Apertium uses
// (eng, spa, cat, ...) are mapped to two letters; zh-Hans and zh-Hant
// become zh-CN and zh-TW, other regions are kept (pt-PT). An empty source
// or "auto" lets Google detect it.
//
// Errors: 403 or 429 with reason rateLimitExceeded or
// userRateLimitExceeded is retried, honouring Retry-After;
// dailyLimitExceeded, quotaExceeded and billing errors are ErrQuota; other
// 401 and 403 answers and invalid keys (400 keyInvalid) are ErrAuth;
// neither is retried.
//
// A Google is safe for concurrent use; it fans a call's batches out over
// its Client's concurrency.
type Google struct {
	base, key string
	c         *Client
}

// NewGoogle returns a Translator for Cloud Translation v2 at baseURL
// (GoogleURL or a test server), sending through c (a default Client if
// nil). The key never appears in Name or errors.
func NewGoogle(baseURL, apiKey string, c *Client) *Google {
	if c == nil {
		c = NewClient()
	}
	base := strings.TrimSuffix(strings.TrimRight(baseURL, "/"), "/language/translate/v2")
	return &Google{base: base, key: apiKey, c: c}
}

// Name returns "google " and the API URL without user information or
// query.
func (g *Google) Name() string { return "google " + redactURL(g.base) }

// BatchLimits reports what one request carries: 128 texts, 20,000
// characters.
func (g *Google) BatchLimits() (texts, chars int) { return googleMaxTexts, googleMaxChars }

// Probe checks that /language/translate/v2/languages lists every language
// in pairs (the request checks the key); see Prober.
func (g *Google) Probe(ctx context.Context, pairs []Pair) error {
	u := g.base + "/language/translate/v2/languages"
	h := http.Header{"Accept": {"application/json"}}
	if g.key != "" {
		h.Set("X-Goog-Api-Key", g.key)
	}
	body, err := g.c.Do(ctx, Request{URL: u, Header: h, Backend: "google", Classify: googleClassify, Redact: []string{g.key}})
	if err != nil {
		return probeFailed(ctx, "google", u, err)
	}
	var r struct {
		Data struct {
			Languages []struct {
				Language string `json:"language"`
			} `json:"languages"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return probeFailed(ctx, "google", u, &Error{Backend: "google", Err: fmt.Errorf("languages: malformed response: %w", err)})
	}
	o := newOffer()
	for _, l := range r.Data.Languages {
		o.addLang(l.Language, true, true)
	}
	return o.check("google", g.base, pairs, func(c string, _ bool) string { return googleCode(c) })
}

// Translate translates texts from one language to another; see Google.
func (g *Google) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	src, tgt := googleCode(from), googleCode(to)
	if tgt == "" {
		return nil, &Error{Backend: "google", Err: fmt.Errorf("empty target language")}
	}
	return translateBatches(ctx, g.c, "google", texts, googleMaxChars, googleMaxTexts,
		func(ctx context.Context, part []string) ([]string, error) {
			return g.request(ctx, src, tgt, part)
		})
}

func (g *Google) request(ctx context.Context, src, tgt string, texts []string) ([]string, error) {
	payload := struct {
		Q      []string `json:"q"`
		Source string   `json:"source,omitempty"`
		Target string   `json:"target"`
		Format string   `json:"format"`
	}{texts, src, tgt, "text"}
	body, err := marshalJSON(payload)
	if err != nil {
		return nil, &Error{Backend: "google", Err: err}
	}
	h := http.Header{
		"Content-Type": {"application/json; charset=utf-8"},
		"Accept":       {"application/json"},
	}
	if g.key != "" {
		h.Set("X-Goog-Api-Key", g.key)
	}
	resp, err := g.c.Do(ctx, Request{
		Method:   http.MethodPost,
		URL:      g.base + "/language/translate/v2",
		Header:   h,
		Body:     body,
		Chars:    runeCount(texts),
		Backend:  "google",
		Classify: googleClassify,
		Redact:   []string{g.key},
	})
	if err != nil {
		return nil, err
	}
	var r struct {
		Data struct {
			Translations []struct {
				TranslatedText string `json:"translatedText"`
			} `json:"translations"`
		} `json:"data"`
	}
	if err := json.Unmarshal(resp, &r); err != nil {
		return nil, &Error{Backend: "google", Err: fmt.Errorf("%s>%s: malformed response: %w", orAuto(src), tgt, err)}
	}
	got := make([]string, len(r.Data.Translations))
	for i, t := range r.Data.Translations {
		got[i] = t.TranslatedText
		if i < len(texts) {
			got[i] = unescapeEntities(got[i], texts[i])
		}
	}
	return got, nil
}

// Reasons in Google's error responses (errors[].reason in v2,
// details[].reason in the newer format), lower-cased.
var (
	googleRateReasons = map[string]bool{
		"ratelimitexceeded": true, "userratelimitexceeded": true, "rate_limit_exceeded": true,
	}
	googleQuotaReasons = map[string]bool{
		"dailylimitexceeded": true, "dailylimitexceededunreg": true, "quotaexceeded": true,
		"billingnotenabled": true, "billing_disabled": true,
	}
	googleAuthReasons = map[string]bool{
		"keyinvalid": true, "keyexpired": true, "api_key_invalid": true, "api_key_expired": true,
		"forbidden": true, "accessnotconfigured": true, "service_disabled": true,
		"api_key_service_blocked": true, "ipreferblocked": true, "api_key_http_referrer_blocked": true,
		"api_key_ip_address_blocked": true, "unregistered_caller": true,
	}
)

// googleClassify reads the reasons in Google's error body: rate limits are
// retried, quota and billing errors are ErrQuota, key and permission errors
// ErrAuth, a bad language pair ErrUnsupported; anything else follows
// DefaultClassify.
func googleClassify(status int, h http.Header, body []byte) (error, bool) {
	var e struct {
		Error struct {
			Message string `json:"message"`
			Status  string `json:"status"`
			Errors  []struct {
				Reason string `json:"reason"`
			} `json:"errors"`
			Details []struct {
				Reason string `json:"reason"`
			} `json:"details"`
		} `json:"error"`
	}
	_ = json.Unmarshal(body, &e) // a body that is not Google's JSON has no reasons
	var reasons []string
	for _, x := range e.Error.Errors {
		reasons = append(reasons, x.Reason)
	}
	for _, x := range e.Error.Details {
		reasons = append(reasons, x.Reason)
	}
	has := func(set map[string]bool) bool {
		for _, r := range reasons {
			if set[strings.ToLower(r)] {
				return true
			}
		}
		return false
	}
	var err error
	var retry bool
	switch {
	case has(googleRateReasons):
		err, retry = &StatusError{Status: status}, true
	case has(googleQuotaReasons):
		err = &StatusError{Status: status, Err: ErrQuota}
	case has(googleAuthReasons) || status == http.StatusUnauthorized || status == http.StatusForbidden:
		err = &StatusError{Status: status, Err: ErrAuth}
	case status == http.StatusBadRequest && strings.Contains(strings.ToLower(e.Error.Message), "language pair"):
		err = &StatusError{Status: status, Err: ErrUnsupported}
	default:
		err, retry = DefaultClassify(status, h, body)
	}
	if se, ok := err.(*StatusError); ok && e.Error.Message != "" {
		msg := e.Error.Message
		if len(reasons) > 0 && reasons[0] != "" {
			msg += " (" + reasons[0] + ")"
		}
		se.Body = trimBody([]byte(msg), nil) // Do blanks the secrets
	}
	return err, retry
}

// entityRef matches an HTML character reference.
var entityRef = regexp.MustCompile(`&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});`)

// unescapeEntities decodes the HTML character references in a translation
// that do not appear literally in its source.
func unescapeEntities(s, src string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return entityRef.ReplaceAllStringFunc(s, func(ref string) string {
		if strings.Contains(src, ref) {
			return ref
		}
		return html.UnescapeString(ref)
	})
}

// googleCode turns a language code into Google's form; see Google.
func googleCode(code string) string {
	base, sub := splitLang(code)
	if base == "" || base == "auto" {
		return ""
	}
	if base == "zh" {
		switch strings.ToLower(sub) {
		case "", "hans", "cn", "sg":
			return "zh-CN"
		case "hant", "tw", "hk", "mo":
			return "zh-TW"
		}
	}
	if sub == "" {
		return base
	}
	if len(sub) == 4 {
		return base + "-" + strings.ToUpper(sub[:1]) + strings.ToLower(sub[1:])
	}
	return base + "-" + strings.ToUpper(sub)
}

func orAuto(code string) string {
	if code == "" {
		return "auto"
	}
	return code
}
