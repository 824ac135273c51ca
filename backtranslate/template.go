package backtranslate

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"
)

// Template defaults.
const (
	templateMaxTexts = 32
	templateMaxChars = 1 << 30 // no limit
)

// TemplateConfig describes an in-house translation service to NewTemplate.
//
// URL and Body are Go text/template texts executed once per request with
// these fields:
//
//   - .Texts: the texts of the request, a []string; {{json .Texts}} writes
//     them as a JSON array;
//   - .Text: the first of them, for services that take one text (set
//     MaxBatch to 1);
//   - .From, .To: the language codes as given to Translate.
//
// and these functions: json (JSON encoding of any value, without HTML
// escaping) and query (URL query escaping). For example:
//
//	TemplateConfig{
//		URL:      "http://mt.internal:8080/v1/translate",
//		Header:   map[string]string{"X-Api-Key": "${MT_API_KEY}"},
//		Body:     `{"src": {{json .From}}, "tgt": {{json .To}}, "segments": {{json .Texts}}}`,
//		Response: "result.*.text",
//		MaxBatch: 64,
//	}
type TemplateConfig struct {
	// URL is the endpoint, a template (see above). Secrets do not belong
	// here: put them in Header.
	URL string
	// Method is the HTTP method; "" means POST.
	Method string
	// Header holds request headers. A value may reference environment
	// variables as ${NAME}; they are read once, by NewTemplate, which fails
	// if one is unset, and their values are blanked out of error messages.
	// Content-Type defaults to application/json when Body is set.
	Header map[string]string
	// Body is the request body, a template (see above); "" sends none.
	Body string
	// Response is the dotted path to the list of translations in the JSON
	// response: "translations" for {"translations": ["..", ".."]},
	// "data.translations", or "result.*.text" for
	// {"result": [{"text": ".."}, {"text": ".."}]}, where * takes every
	// element of an array in order; a number selects one element. ""
	// means the response is the list itself. A path that ends at a single
	// string is a list of one.
	Response string
	// MaxBatch is the most texts per request; 0 means 32.
	MaxBatch int
	// MaxChars is the most characters of text per request; 0 means no
	// limit. A longer text is sent alone.
	MaxChars int
}

// Template translates through any JSON-over-HTTP service described by a
// TemplateConfig.
//
// Blank texts are not sent and come back "". Each response must hold
// exactly one translation per text sent; a batch that comes back with the
// wrong count is retried in halves, down to single texts. Statuses follow
// DefaultClassify: 401 and 403 are ErrAuth, 408, 429 and 5xx are retried.
//
// A Template is safe for concurrent use; it fans a call's batches out over
// its Client's concurrency.
type Template struct {
	method   string
	url      *template.Template
	body     *template.Template // nil: no body
	header   http.Header
	secrets  []string
	path     []string
	maxTexts int
	maxChars int
	name     string
	c        *Client
}

// envRef matches ${NAME} references in header values.
var envRef = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// NewTemplate checks cfg, parses its templates and reads the environment
// variables its headers reference, and returns a Translator sending through
// c (a default Client if nil).
func NewTemplate(cfg TemplateConfig, c *Client) (*Template, error) {
	fail := func(format string, args ...any) (*Template, error) {
		return nil, fmt.Errorf("backtranslate: template: "+format, args...)
	}
	if strings.TrimSpace(cfg.URL) == "" {
		return fail("no URL")
	}
	funcs := template.FuncMap{"json": templateJSON, "query": url.QueryEscape}
	ut, err := template.New("url").Funcs(funcs).Option("missingkey=error").Parse(cfg.URL)
	if err != nil {
		return fail("URL: %w", err)
	}
	t := &Template{
		method:   strings.ToUpper(strings.TrimSpace(cfg.Method)),
		url:      ut,
		header:   http.Header{},
		maxTexts: cfg.MaxBatch,
		maxChars: cfg.MaxChars,
		c:        c,
	}
	if t.method == "" {
		t.method = http.MethodPost
	}
	if t.maxTexts <= 0 {
		t.maxTexts = templateMaxTexts
	}
	if t.maxChars <= 0 {
		t.maxChars = templateMaxChars
	}
	if t.c == nil {
		t.c = NewClient()
	}
	if cfg.Body != "" {
		if t.body, err = template.New("body").Funcs(funcs).Option("missingkey=error").Parse(cfg.Body); err != nil {
			return fail("body: %w", err)
		}
	}
	keys := make([]string, 0, len(cfg.Header))
	for k := range cfg.Header {
		keys = append(keys, k)
	}
	slices.Sort(keys) // report the first unset variable deterministically
	for _, k := range keys {
		var missing string
		v := envRef.ReplaceAllStringFunc(cfg.Header[k], func(ref string) string {
			name := envRef.FindStringSubmatch(ref)[1]
			val, ok := os.LookupEnv(name)
			if !ok && missing == "" {
				missing = name
			}
			if val != "" {
				t.secrets = append(t.secrets, val)
			}
			return val
		})
		if missing != "" {
			return fail("header %s: environment variable %s is not set", k, missing)
		}
		t.header.Set(k, v)
	}
	if t.body != nil && t.header.Get("Content-Type") == "" {
		t.header.Set("Content-Type", "application/json")
	}
	if t.header.Get("Accept") == "" {
		t.header.Set("Accept", "application/json")
	}
	if p := strings.TrimSpace(cfg.Response); p != "" {
		t.path = strings.Split(p, ".")
		if slices.Contains(t.path, "") {
			return fail("response path %q has an empty field", p)
		}
	}
	// The name identifies what the service is asked, for cache keys: the
	// URL without query or user information, and a digest of the URL and
	// body templates (which may hold options, but never the header secrets).
	sum := sha256.Sum256([]byte(cfg.URL + "\x00" + cfg.Body))
	t.name = "template " + t.method + " " + redactURL(cfg.URL) + " " + hex.EncodeToString(sum[:4])
	return t, nil
}

// Name returns "template ", the method, the URL without user information or
// query, and a short digest of the URL and body templates.
func (t *Template) Name() string { return t.name }

// BatchLimits reports what one request carries: MaxBatch texts and
// MaxChars characters (0: no limit).
func (t *Template) BatchLimits() (texts, chars int) {
	if t.maxChars == templateMaxChars {
		return t.maxTexts, 0
	}
	return t.maxTexts, t.maxChars
}

// Probe sends one one-word request per direction in pairs, which must be
// accepted and answered in the configured shape; see Prober.
func (t *Template) Probe(ctx context.Context, pairs []Pair) error {
	for _, p := range pairs {
		if _, err := t.Translate(ctx, p.From, p.To, []string{probeWord}); err != nil {
			return probeFailed(ctx, "template", t.probeURL(p), err)
		}
	}
	return nil
}

// probeURL is the URL the template makes for a probe of p, for messages.
func (t *Template) probeURL(p Pair) string {
	var u bytes.Buffer
	if t.url.Execute(&u, templateData{Texts: []string{probeWord}, Text: probeWord, From: p.From, To: p.To}) != nil {
		return "(URL template)"
	}
	return strings.TrimSpace(u.String())
}

// Translate translates texts from one language to another; see Template.
func (t *Template) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	return translateBatches(ctx, t.c, "template", texts, t.maxChars, t.maxTexts,
		func(ctx context.Context, part []string) ([]string, error) {
			return t.request(ctx, from, to, part)
		})
}

// templateData is what the URL and body templates see.
type templateData struct {
	Texts    []string
	Text     string
	From, To string
}

func (t *Template) request(ctx context.Context, from, to string, texts []string) ([]string, error) {
	data := templateData{Texts: texts, Text: texts[0], From: from, To: to}
	var u, body bytes.Buffer
	if err := t.url.Execute(&u, data); err != nil {
		return nil, &Error{Backend: "template", Err: fmt.Errorf("URL template: %w", err)}
	}
	var payload []byte
	if t.body != nil {
		if err := t.body.Execute(&body, data); err != nil {
			return nil, &Error{Backend: "template", Err: fmt.Errorf("body template: %w", err)}
		}
		payload = body.Bytes()
	}
	resp, err := t.c.Do(ctx, Request{
		Method:  t.method,
		URL:     strings.TrimSpace(u.String()),
		Header:  t.header,
		Body:    payload,
		Chars:   runeCount(texts),
		Backend: "template",
		Redact:  t.secrets,
	})
	if err != nil {
		return nil, err
	}
	got, err := jsonStrings(resp, t.path)
	if err != nil {
		return nil, &Error{Backend: "template", Err: fmt.Errorf("%s>%s: %w: %s", from, to, err, trimBody(resp, t.secrets))}
	}
	return got, nil
}

// jsonStrings reads the list of strings at path in a JSON document; see
// TemplateConfig.Response.
func jsonStrings(doc []byte, path []string) ([]string, error) {
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("malformed response: %w", err)
	}
	if dec.More() {
		return nil, fmt.Errorf("malformed response: data after the JSON value")
	}
	vals := []any{v}
	fanned := false
	for i, seg := range path {
		var next []any
		for _, v := range vals {
			switch v := v.(type) {
			case map[string]any:
				f, ok := v[seg]
				if !ok {
					return nil, fmt.Errorf("response has no %s", strings.Join(path[:i+1], "."))
				}
				next = append(next, f)
			case []any:
				if seg == "*" {
					next = append(next, v...)
					continue
				}
				n, err := strconv.Atoi(seg)
				if err != nil || n < 0 || n >= len(v) {
					return nil, fmt.Errorf("response has no %s", strings.Join(path[:i+1], "."))
				}
				next = append(next, v[n])
			default:
				return nil, fmt.Errorf("response has no %s: %s is %s", strings.Join(path[:i+1], "."), orTop(path[:i]), jsonKind(v))
			}
		}
		if seg == "*" {
			fanned = true
		}
		vals = next
	}
	if !fanned && len(vals) == 1 {
		switch v := vals[0].(type) {
		case []any:
			vals = v
		case string:
			// a single translation
		default:
			return nil, fmt.Errorf("%s is %s, not a list of strings", orTop(path), jsonKind(v))
		}
	}
	out := make([]string, len(vals))
	for i, v := range vals {
		s, ok := v.(string)
		if !ok {
			return nil, fmt.Errorf("translation %d at %s is %s, not a string", i+1, orTop(path), jsonKind(v))
		}
		out[i] = s
	}
	return out, nil
}

func orTop(path []string) string {
	if len(path) == 0 {
		return "the response"
	}
	return strings.Join(path, ".")
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case map[string]any:
		return "an object"
	case []any:
		return "an array"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return fmt.Sprintf("%T", v)
}

func templateJSON(v any) (string, error) {
	b, err := marshalJSON(v)
	return string(b), err
}

// The helpers below are shared by the DeepL, Google, Azure, OpenAI and
// Template backends.

// translateBatches is the Translate of the batched JSON backends: blank
// texts are not sent and come back ""; the rest go out in batches of at
// most maxTexts texts and about maxChars characters (see splitBatches),
// fanned out over c's concurrency; each batch goes through halving.
func translateBatches(ctx context.Context, c *Client, backend string, texts []string, maxChars, maxTexts int, send func(context.Context, []string) ([]string, error)) ([]string, error) {
	return fanOut(ctx, c, texts, nil, maxChars, maxTexts, func(ctx context.Context, batch []string) ([]string, error) {
		return halving(ctx, backend, batch, send)
	})
}

// fanOut is the common Translate of every backend: each text is cleaned
// (nil: kept as it is) and skipped, coming back "", when it is blank; the
// rest go out in batches of at most maxTexts texts and about maxChars
// characters (see splitBatches), fanned out over c's concurrency, each
// through send, which answers one output per input.
func fanOut(ctx context.Context, c *Client, texts []string, clean func(string) string, maxChars, maxTexts int, send func(context.Context, []string) ([]string, error)) ([]string, error) {
	out := make([]string, len(texts))
	var idx []int
	var todo []string
	for i, s := range texts {
		if clean != nil {
			s = clean(s)
		}
		if strings.TrimSpace(s) != "" {
			idx = append(idx, i)
			todo = append(todo, s)
		}
	}
	batches := splitBatches(todo, maxChars, maxTexts)
	err := forEach(ctx, len(batches), c.concurrency(), func(ctx context.Context, b int) error {
		lo, hi := batches[b][0], batches[b][1]
		got, err := send(ctx, todo[lo:hi])
		if err != nil {
			return err
		}
		for k, s := range got {
			out[idx[lo+k]] = s
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// halving sends texts and, when the answer holds the wrong number of
// translations, sends them again in halves, down to single texts. A single
// text answered with the wrong count is an *Error.
func halving(ctx context.Context, backend string, texts []string, send func(context.Context, []string) ([]string, error)) ([]string, error) {
	got, err := send(ctx, texts)
	if err != nil {
		return nil, err
	}
	if len(got) == len(texts) {
		return got, nil
	}
	if len(texts) == 1 {
		return nil, &Error{Backend: backend, Err: fmt.Errorf("sent 1 text, got %d translations", len(got))}
	}
	h := len(texts) / 2
	left, err := halving(ctx, backend, texts[:h], send)
	if err != nil {
		return nil, err
	}
	right, err := halving(ctx, backend, texts[h:], send)
	if err != nil {
		return nil, err
	}
	return append(left, right...), nil
}

// marshalJSON encodes v without HTML escaping and without a final newline.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func runeCount(texts []string) int {
	n := 0
	for _, s := range texts {
		n += utf8.RuneCountInString(s)
	}
	return n
}

// splitLang splits a language code into a lower-case two-letter base (the
// three-letter codes Apertium uses, and a few more, mapped) and a region or
// script subtag as given ("" if none). Other subtags, such as Apertium's
// cat_valencia variant, are dropped.
func splitLang(code string) (base, sub string) {
	code = strings.ReplaceAll(strings.TrimSpace(code), "_", "-")
	base, rest, _ := strings.Cut(code, "-")
	base = strings.ToLower(base)
	if two, ok := moreTwoLetter[base]; ok {
		base = two
	} else {
		base = strings.ToLower(libreCode(base))
	}
	sub, _, _ = strings.Cut(rest, "-")
	if !isRegionOrScript(sub) {
		sub = ""
	}
	return base, sub
}

// isRegionOrScript reports whether s is a BCP 47 region (US, 419) or
// script (Hans) subtag.
func isRegionOrScript(s string) bool {
	letters, digits := 0, 0
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			letters++
		case r >= '0' && r <= '9':
			digits++
		default:
			return false
		}
	}
	return (letters == 2 && digits == 0) || (letters == 4 && digits == 0) || (digits == 3 && letters == 0)
}

// moreTwoLetter maps ISO 639-2/3 codes that libreCode does not know to two
// letters.
var moreTwoLetter = map[string]string{
	"jpn": "ja", "zho": "zh", "chi": "zh", "cmn": "zh", "kor": "ko",
	"tur": "tr", "fin": "fi", "ell": "el", "gre": "el", "ces": "cs",
	"cze": "cs", "slk": "sk", "slo": "sk", "slv": "sl", "hun": "hu",
	"bul": "bg", "est": "et", "lav": "lv", "lit": "lt", "ind": "id",
	"heb": "he", "hin": "hi", "vie": "vi", "tha": "th", "fas": "fa",
	"per": "fa", "fre": "fr", "ger": "de", "dut": "nl", "rum": "ro",
	"baq": "eu", "nor": "no", "hrv": "hr", "srp": "sr", "isl": "is",
	"ice": "is", "gle": "ga", "cym": "cy", "wel": "cy", "afr": "af",
	"msa": "ms", "may": "ms", "ben": "bn", "urd": "ur", "swa": "sw",
}
