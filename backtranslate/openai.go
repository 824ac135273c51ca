package backtranslate

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// OpenAIURL is OpenAI's API host. Any server speaking the same chat
// completions API (vLLM, llama.cpp, Ollama, LocalAI, ...) works as well.
const OpenAIURL = "https://api.openai.com"

// OpenAIKeyEnv is the environment variable the CLI reads the API key of an
// OpenAI-compatible service from; local servers usually need none.
const OpenAIKeyEnv = "OPENAI_API_KEY"

// openAIPrompt's version, part of Name: a new prompt is a new cache key.
const openAIPromptVersion = "1"

// OpenAI request bounds: texts per request by default, and characters per
// request, which keeps answers well inside common output-token limits.
const (
	openAIMaxTexts = 20
	openAIMaxChars = 4000
)

// OpenAIOptions tunes an OpenAI translator. The zero value asks for
// temperature 0, no seed, and 20 texts a request.
type OpenAIOptions struct {
	// Temperature is the sampling temperature sent with every request; a
	// negative value leaves it out, for models that accept only their
	// default.
	Temperature float64
	// Seed, if not nil, is sent as "seed" to make sampling repeatable where
	// the server supports it.
	Seed *int
	// MaxBatch is the most texts per request; 0 means 20. Requests also
	// stop at about 4,000 characters of text.
	MaxBatch int
}

// OpenAI translates through an OpenAI-compatible chat completions API
// (POST /v1/chat/completions), so also through local servers.
//
// Each request asks the model, in a system message, to translate numbered
// lines ("1. ...", "2. ...") from one language to another and to answer
// with the same numbered lines only; the user message holds the lines. The
// answer must have exactly as many lines, numbered 1 to n in order (blank
// lines and Markdown code fences are ignored); an answer that does not, or
// that was cut off at the token limit, is asked again in halves, down to
// single texts, whose answer may also be unnumbered. Line breaks inside a
// text are sent as spaces and white space is collapsed, as for Apertium;
// blank texts are not sent and come back "".
//
// Requests carry model, messages, temperature and (if set) seed, and an
// "Authorization: Bearer" header when a key is set. Languages are named in
// English in the prompt when the code is known (es → Spanish; spa → Spanish
// too), and otherwise passed as given; an empty source asks the model to
// detect it.
//
// Errors: code insufficient_quota is ErrQuota and not retried, even on
// status 429; other 429s (rate_limit_exceeded) and 5xx are retried,
// honouring Retry-After; 401 and 403 are ErrAuth, reported without the
// service's message, which may quote part of the key.
//
// An OpenAI is safe for concurrent use; it fans a call's batches out over
// its Client's concurrency.
type OpenAI struct {
	chat *Chat
	opts OpenAIOptions
}

// NewOpenAI returns a Translator for the chat completions API at baseURL
// (OpenAIURL, a base ending in /v1 such as http://127.0.0.1:8080/v1, or a
// test server) asking model, sending apiKey (may be empty) through c (a
// default Client if nil). The key never appears in Name or errors.
func NewOpenAI(baseURL, apiKey, model string, c *Client, opts OpenAIOptions) *OpenAI {
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = openAIMaxTexts
	}
	chat := NewChat(baseURL, apiKey, model, c, ChatOptions{Temperature: opts.Temperature, Seed: opts.Seed})
	return &OpenAI{chat: chat, opts: opts}
}

// openAIEndpoint completes a base URL to the chat completions endpoint.
func openAIEndpoint(base string) string {
	base = strings.TrimRight(strings.TrimSpace(base), "/")
	switch {
	case strings.HasSuffix(base, "/chat/completions"):
		return base
	case strings.HasSuffix(base, "/v1"):
		return base + "/chat/completions"
	}
	return base + "/v1/chat/completions"
}

// Name returns "openai ", the endpoint without user information or query,
// and the model, temperature, seed and prompt version, which all change the
// translations (and so belong in cache keys).
func (o *OpenAI) Name() string {
	var b strings.Builder
	b.WriteString("openai " + redactURL(o.chat.endpoint) + " model=" + o.chat.model)
	if o.opts.Temperature >= 0 {
		b.WriteString(" temperature=" + strconv.FormatFloat(o.opts.Temperature, 'g', -1, 64))
	}
	if o.opts.Seed != nil {
		b.WriteString(" seed=" + strconv.Itoa(*o.opts.Seed))
	}
	b.WriteString(" prompt=" + openAIPromptVersion)
	return b.String()
}

// BatchLimits reports what one request carries: MaxBatch texts, 4,000
// characters.
func (o *OpenAI) BatchLimits() (texts, chars int) { return o.opts.MaxBatch, openAIMaxChars }

// Probe checks that /models lists the model (the request checks the key);
// a server without /models (404, 405) gets one one-line chat request in the
// first direction instead. Any language is taken to be offered. See
// Prober.
func (o *OpenAI) Probe(ctx context.Context, pairs []Pair) error {
	u := strings.TrimSuffix(o.chat.endpoint, "/chat/completions") + "/models"
	h := http.Header{"Accept": {"application/json"}}
	if o.chat.key != "" {
		h.Set("Authorization", "Bearer "+o.chat.key)
	}
	body, err := o.chat.c.Do(ctx, Request{URL: u, Header: h, Backend: "openai", Classify: openAIClassify, Redact: []string{o.chat.key}})
	var se *StatusError
	if errors.As(err, &se) && (se.Status == http.StatusNotFound || se.Status == http.StatusMethodNotAllowed) {
		if _, err := o.Translate(ctx, pairs[0].From, pairs[0].To, []string{probeWord}); err != nil {
			return probeFailed(ctx, "openai", o.chat.endpoint, err)
		}
		return nil
	}
	if err != nil {
		return probeFailed(ctx, "openai", u, err)
	}
	var r struct {
		Data []struct {
			ID string `json:"id"`
		} `json:"data"`
	}
	if err := json.Unmarshal(body, &r); err != nil {
		return probeFailed(ctx, "openai", u, &Error{Backend: "openai", Err: fmt.Errorf("models: malformed response: %w", err)})
	}
	ids := make([]string, len(r.Data))
	for i, m := range r.Data {
		ids[i] = m.ID
	}
	if len(ids) == 0 || slices.Contains(ids, o.chat.model) {
		return nil // a server that lists no model serves whatever it loaded
	}
	slices.Sort(ids)
	return &ProbeError{Backend: "openai", URL: redactURL(u), Failure: FailUnsupported, Missing: []string{o.chat.model}, Offers: slices.Compact(ids), model: true}
}

// Translate translates texts from one language to another; see OpenAI.
func (o *OpenAI) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	if strings.TrimSpace(to) == "" {
		return nil, &Error{Backend: "openai", Err: fmt.Errorf("empty target language")}
	}
	system := openAIPrompt(from, to)
	return translateBatches(ctx, o.chat.c, "openai", texts, openAIMaxChars, o.opts.MaxBatch,
		func(ctx context.Context, part []string) ([]string, error) {
			return o.request(ctx, system, part)
		})
}

// openAIPrompt is the system message for one direction.
func openAIPrompt(from, to string) string {
	src := "from " + languageName(from)
	if b, _ := splitLang(from); b == "" || b == "auto" {
		src = "from the language they are written in"
	}
	return "You are a translation engine. Translate each numbered line " + src +
		" into " + languageName(to) + ". Answer with the same numbered lines only: " +
		"one line per input line, in the same order, each starting with its number, " +
		"a full stop and a space (\"1. \"). Do not merge, split, skip, explain or comment."
}

func (o *OpenAI) request(ctx context.Context, system string, texts []string) ([]string, error) {
	var user strings.Builder
	for i, s := range texts {
		fmt.Fprintf(&user, "%d. %s\n", i+1, oneLine(s))
	}
	msgs := []ChatMessage{{"system", system}, {"user", strings.TrimSuffix(user.String(), "\n")}}
	reply, err := o.chat.Complete(ctx, msgs, nil, runeCount(texts))
	if err != nil {
		return nil, err
	}
	if reply.FinishReason == "length" {
		if len(texts) == 1 {
			return nil, &Error{Backend: "openai", Err: fmt.Errorf("answer cut off at the token limit")}
		}
		return nil, nil // wrong count: ask again in halves
	}
	got, ok := parseNumbered(reply.Content, len(texts))
	if !ok {
		return nil, nil // wrong count or numbering: ask again in halves
	}
	return got, nil
}

// numberedLine matches "12. text" or "12) text".
var numberedLine = regexp.MustCompile(`^(\d{1,6})[.)](?:\s+(.*))?$`)

// parseNumbered reads n numbered lines, numbered 1 to n in order, from a
// model's answer; blank lines and code fences are ignored. For n == 1 an
// answer without any numbered line is taken whole, its lines joined by
// spaces. It reports false if the answer does not fit.
func parseNumbered(content string, n int) ([]string, bool) {
	var got, plain []string
	for line := range strings.Lines(content) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "```") {
			continue
		}
		m := numberedLine.FindStringSubmatch(line)
		if m == nil {
			plain = append(plain, line)
			continue
		}
		if len(plain) > 0 || m[1] != strconv.Itoa(len(got)+1) {
			return nil, false
		}
		got = append(got, collapseSpaces(m[2]))
	}
	if n == 1 && len(got) == 0 && len(plain) > 0 {
		return []string{collapseSpaces(strings.Join(plain, " "))}, true
	}
	if len(plain) > 0 || len(got) != n {
		return nil, false
	}
	for _, s := range got {
		if s == "" {
			return nil, false
		}
	}
	return got, true
}

// openAIClassify reads the error body of an OpenAI-compatible server:
// insufficient_quota is ErrQuota whatever the status, model_not_found
// ErrUnsupported; anything else follows
// DefaultClassify. For ErrAuth the service's message is dropped, since it
// may quote part of the key.
func openAIClassify(status int, h http.Header, body []byte) (error, bool) {
	var e struct {
		Error struct {
			Message string `json:"message"`
			Type    string `json:"type"`
			Code    any    `json:"code"` // a string at OpenAI, a number at some local servers
		} `json:"error"`
	}
	_ = json.Unmarshal(body, &e) // a body that is not this JSON has no code
	code := ""
	if c, ok := e.Error.Code.(string); ok {
		code = c
	}
	var err error
	var retry bool
	switch {
	case code == "insufficient_quota" || e.Error.Type == "insufficient_quota":
		err = &StatusError{Status: status, Err: ErrQuota}
	case code == "model_not_found":
		err = &StatusError{Status: status, Err: ErrUnsupported}
	default:
		err, retry = DefaultClassify(status, h, body)
	}
	se, ok := err.(*StatusError)
	if !ok {
		return err, retry
	}
	switch {
	case se.Err == ErrAuth:
		se.Body = "-" // the message may quote part of the key
		if code != "" {
			se.Body = code
		}
	case e.Error.Message != "":
		msg := e.Error.Message
		if code != "" {
			msg += " (" + code + ")"
		}
		se.Body = trimBody([]byte(msg), nil) // Do blanks the secrets
	}
	return err, retry
}

// languageNames names common languages in English for prompts, by
// two-letter code.
var languageNames = map[string]string{
	"af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali",
	"ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
	"de": "German", "el": "Greek", "en": "English", "eo": "Esperanto",
	"es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
	"fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician",
	"he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
	"id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese",
	"ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "ms": "Malay",
	"nb": "Norwegian Bokmål", "nl": "Dutch", "nn": "Norwegian Nynorsk",
	"no": "Norwegian", "oc": "Occitan", "pl": "Polish", "pt": "Portuguese",
	"ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
	"sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "th": "Thai",
	"tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
	"zh": "Chinese",
}

// languageName names a language code in English if it is known ("es",
// "spa" → "Spanish"; "pt-BR" → "Portuguese (BR)"), and returns it as given
// otherwise.
func languageName(code string) string {
	base, sub := splitLang(code)
	name, ok := languageNames[base]
	if !ok {
		return strings.TrimSpace(code)
	}
	if sub != "" {
		name += " (" + sub + ")"
	}
	return name
}
