package backtranslate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// AzureURL is the global Azure Translator endpoint.
const AzureURL = "https://api.cognitive.microsofttranslator.com"

// Environment variables the CLI reads the Azure Translator key and region
// from.
const (
	AzureKeyEnv    = "AZURE_TRANSLATOR_KEY"
	AzureRegionEnv = "AZURE_TRANSLATOR_REGION"
)

// Azure request bounds: array elements and characters per request.
const (
	azureMaxTexts = 1000
	azureMaxChars = 50000
)

// azureQuotaCode is Azure's "free quota exceeded" error code.
const azureQuotaCode = 403001

// azureLanguageCodes are Azure's error codes for languages it does not
// offer: 400019 (a language is not supported), 400035 (source language not
// valid), 400036 (target language not valid).
var azureLanguageCodes = []int64{400019, 400035, 400036}

// Azure translates through Azure AI Translator v3
// (https://learn.microsoft.com/azure/ai-services/translator/reference/v3-0-translate).
//
// Texts are sent to POST /translate?api-version=3.0&from=en&to=es as a JSON
// array [{"Text": ".."}, ...], at most 1,000 elements and 50,000
// characters a request (a longer text is sent alone, and the service
// refuses it), with the key in the Ocp-Apim-Subscription-Key header and the
// region, when set, in Ocp-Apim-Subscription-Region. The response
// [{"translations": [{"text": "..", "to": "es"}]}, ...] must hold exactly
// one element per text; a batch that comes back short is retried in
// halves, down to single texts. Blank texts are not sent and come back "".
//
// Languages: three-letter codes Apertium uses (eng, spa, cat, ...) are
// mapped to two letters; zh becomes zh-Hans (zh-Hant for Hant, TW, HK),
// no becomes nb, pt-PT stays pt-pt and pt-BR is pt. An empty source or
// "auto" lets Azure detect it.
//
// Errors: 429 and 5xx are retried, honouring Retry-After; 401 is ErrAuth;
// 403 is ErrQuota when it says the quota is exceeded (code 403001) and
// ErrAuth otherwise; neither is retried.
//
// An Azure is safe for concurrent use; it fans a call's batches out over
// its Client's concurrency.
type Azure struct {
	base, key, region string
	c                 *Client
}

// NewAzure returns a Translator for Azure Translator at baseURL (AzureURL,
// a custom-domain endpoint ending in /translator/text/v3.0, or a test
// server), with the resource's key and region (empty for global
// single-service resources), sending through c (a default Client if nil).
// The key never appears in Name or errors.
func NewAzure(baseURL, key, region string, c *Client) *Azure {
	if c == nil {
		c = NewClient()
	}
	base := strings.TrimSuffix(strings.TrimRight(baseURL, "/"), "/translate")
	return &Azure{base: base, key: key, region: strings.TrimSpace(region), c: c}
}

// Name returns "azure " and the API URL without user information or query.
func (a *Azure) Name() string { return "azure " + redactURL(a.base) }

// BatchLimits reports what one request carries: 1,000 texts, 50,000
// characters.
func (a *Azure) BatchLimits() (texts, chars int) { return azureMaxTexts, azureMaxChars }

// Probe checks that /languages lists every language in pairs, and that a
// one-word /translate is accepted (which checks the key and region); see
// Prober.
func (a *Azure) Probe(ctx context.Context, pairs []Pair) error {
	u := a.base + "/languages?api-version=3.0&scope=translation"
	body, err := a.c.Do(ctx, Request{URL: u, Header: http.Header{"Accept": {"application/json"}}, Backend: "azure", Classify: azureClassify})
	if err != nil {
		return probeFailed(ctx, "azure", u, err)
	}
	var r struct {
		Translation map[string]json.RawMessage `json:"translation"`
	}
	if err := json.Unmarshal(body, &r); err != nil || r.Translation == nil {
		if err == nil {
			err = errors.New("no translation languages")
		}
		return probeFailed(ctx, "azure", u, &Error{Backend: "azure", Err: fmt.Errorf("languages: malformed response: %w", err)})
	}
	o := newOffer()
	for code := range r.Translation {
		o.addLang(code, true, true)
	}
	if err := o.check("azure", a.base, pairs, func(c string, _ bool) string { return azureCode(c) }); err != nil {
		return err
	}
	if _, err := a.Translate(ctx, pairs[0].From, pairs[0].To, []string{probeWord}); err != nil {
		return probeFailed(ctx, "azure", a.base+"/translate", err)
	}
	return nil
}

// Translate translates texts from one language to another; see Azure.
func (a *Azure) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	src, tgt := azureCode(from), azureCode(to)
	if tgt == "" {
		return nil, &Error{Backend: "azure", Err: fmt.Errorf("empty target language")}
	}
	q := url.Values{"api-version": {"3.0"}, "to": {tgt}}
	if src != "" {
		q.Set("from", src)
	}
	u := a.base + "/translate?" + q.Encode()
	return translateBatches(ctx, a.c, "azure", texts, azureMaxChars, azureMaxTexts,
		func(ctx context.Context, part []string) ([]string, error) {
			return a.request(ctx, u, src, tgt, part)
		})
}

func (a *Azure) request(ctx context.Context, u, src, tgt string, texts []string) ([]string, error) {
	type element struct {
		Text string `json:"Text"`
	}
	payload := make([]element, len(texts))
	for i, s := range texts {
		payload[i].Text = s
	}
	body, err := marshalJSON(payload)
	if err != nil {
		return nil, &Error{Backend: "azure", Err: err}
	}
	h := http.Header{
		"Ocp-Apim-Subscription-Key": {a.key},
		"Content-Type":              {"application/json; charset=UTF-8"},
		"Accept":                    {"application/json"},
	}
	if a.region != "" {
		h.Set("Ocp-Apim-Subscription-Region", a.region)
	}
	resp, err := a.c.Do(ctx, Request{
		Method:   http.MethodPost,
		URL:      u,
		Header:   h,
		Body:     body,
		Chars:    runeCount(texts),
		Backend:  "azure",
		Classify: azureClassify,
		Redact:   []string{a.key},
	})
	if err != nil {
		return nil, err
	}
	var r []struct {
		Translations []struct {
			Text string `json:"text"`
			To   string `json:"to"`
		} `json:"translations"`
	}
	if err := json.Unmarshal(resp, &r); err != nil {
		return nil, &Error{Backend: "azure", Err: fmt.Errorf("%s>%s: malformed response: %w", orAuto(src), tgt, err)}
	}
	got := make([]string, len(r))
	for i, e := range r {
		if len(e.Translations) == 0 {
			return nil, &Error{Backend: "azure", Err: fmt.Errorf("%s>%s: element %d of the response has no translation", orAuto(src), tgt, i+1)}
		}
		got[i] = e.Translations[0].Text
	}
	return got, nil
}

// azureClassify reads Azure's error body: a 403 about quota is ErrQuota,
// other 401 and 403 answers ErrAuth, an unknown language ErrUnsupported;
// anything else follows DefaultClassify.
func azureClassify(status int, h http.Header, body []byte) (error, bool) {
	var e struct {
		Error struct {
			Code    json.Number `json:"code"`
			Message string      `json:"message"`
		} `json:"error"`
	}
	_ = json.Unmarshal(body, &e) // a body that is not Azure's JSON has no code
	code, _ := e.Error.Code.Int64()
	var err error
	var retry bool
	switch {
	case status == http.StatusForbidden && (code == azureQuotaCode || strings.Contains(strings.ToLower(e.Error.Message), "quota")):
		err = &StatusError{Status: status, Err: ErrQuota}
	case status == http.StatusBadRequest && slices.Contains(azureLanguageCodes, code):
		err = &StatusError{Status: status, Err: ErrUnsupported}
	default:
		err, retry = DefaultClassify(status, h, body)
	}
	if se, ok := err.(*StatusError); ok && e.Error.Message != "" {
		msg := e.Error.Message
		if code != 0 {
			msg = fmt.Sprintf("%s (code %d)", msg, code)
		}
		se.Body = trimBody([]byte(msg), nil) // Do blanks the secrets
	}
	return err, retry
}

// azureCode turns a language code into Azure's form; see Azure.
func azureCode(code string) string {
	base, sub := splitLang(code)
	ls := strings.ToLower(sub)
	switch base {
	case "", "auto":
		return ""
	case "no":
		return "nb"
	case "zh":
		switch ls {
		case "hant", "tw", "hk", "mo":
			return "zh-Hant"
		}
		return "zh-Hans"
	case "pt":
		if ls == "pt" {
			return "pt-pt"
		}
		return "pt"
	}
	switch len(sub) {
	case 0:
		return base
	case 4: // script: sr-Cyrl
		return base + "-" + strings.ToUpper(sub[:1]) + ls[1:]
	}
	return base + "-" + ls // region: fr-ca
}
