package backtranslate

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"text/template"
)

// Prompt is a pair of text/template texts that make the system and user
// messages of a request. Paraphrase executes them with:
//
//   - .Text: the text to paraphrase;
//   - .K: how many paraphrases to ask for;
//   - .Label: the record's label, when the caller gave one (WithLabel);
//   - .Keep: the words and figures that must survive, as the Keep
//     function of the options found them in .Text.
//
// Generate executes them with .Label, .Examples (the texts of the label
// to learn from) and .N (how many new texts to ask for).
//
// Templates have the function json (JSON encoding, without HTML
// escaping), for quoting texts safely.
type Prompt struct {
	System string `json:"system" yaml:"system"`
	User   string `json:"user" yaml:"user"`
	// Schema is the JSON schema of the answer, sent as the request's
	// response_format (see ChatOptions.Format). It defaults to the default
	// prompt's schema when System and User are both the defaults, and to
	// none otherwise, since a prompt of one's own may ask for another
	// shape.
	Schema string `json:"schema,omitempty" yaml:"schema,omitempty"`
}

// DefaultParaphrasePrompt asks for K paraphrases as {"paraphrases": [...]},
// naming the label and the words to keep when it has them.
func DefaultParaphrasePrompt() Prompt { return defaultParaphrasePrompt }

// DefaultGeneratePrompt asks for N new examples of a label as
// {"examples": [...]}, LAMBADA-style (Anaby-Tavor et al., 2020).
func DefaultGeneratePrompt() Prompt { return defaultGeneratePrompt }

var defaultParaphrasePrompt = Prompt{
	System: "You rewrite short texts to make training data for a text classifier. " +
		"Every rewrite must mean exactly the same as the original and keep its label: " +
		"same intent or sentiment, same facts, same negations. Write as a real person would, " +
		"in the language and register of the original, and make the rewrites differ from the " +
		"original and from each other. Answer with JSON only: " +
		`{"paraphrases": ["...", "..."]} with {{.K}} strings.`,
	User: "Text: {{json .Text}}\n" +
		"{{if .Label}}Label: {{json .Label}} (every rewrite must still belong to it)\n{{end}}" +
		"{{if .Keep}}Keep these exactly as written: {{range $i, $w := .Keep}}{{if $i}}, {{end}}{{json $w}}{{end}}\n{{end}}" +
		"Write {{.K}} paraphrases.",
	Schema: `{"type":"object","properties":{"paraphrases":{"type":"array","items":{"type":"string"}}},"required":["paraphrases"],"additionalProperties":false}`,
}

var defaultGeneratePrompt = Prompt{
	System: "You write new, realistic examples for a text classifier. Each new text must " +
		"clearly belong to the given label, read like the examples (language, register, " +
		"length), and say something different from every example and from the other new " +
		"texts; never copy an example. Answer with JSON only: " +
		`{"examples": ["...", "..."]} with {{.N}} strings.`,
	User: "Label: {{json .Label}}\nExamples of this label:\n" +
		"{{range .Examples}}- {{json .}}\n{{end}}" +
		"Write {{.N}} new texts of this label.",
	Schema: `{"type":"object","properties":{"examples":{"type":"array","items":{"type":"string"}}},"required":["examples"],"additionalProperties":false}`,
}

// compiled is a parsed Prompt.
type compiled struct {
	system, user *template.Template
	schema       json.RawMessage // nil: none
}

// compilePrompt parses p, taking def's text for empty fields.
func compilePrompt(p Prompt, def Prompt) (compiled, error) {
	var c compiled
	switch {
	case p.Schema != "":
		if !json.Valid([]byte(p.Schema)) {
			return c, errors.New("backtranslate: prompt: schema is not valid JSON")
		}
		c.schema = json.RawMessage(p.Schema)
	case p.System == "" && p.User == "":
		c.schema = json.RawMessage(def.Schema)
	}
	if p.System == "" {
		p.System = def.System
	}
	if p.User == "" {
		p.User = def.User
	}
	funcs := template.FuncMap{"json": func(v any) (string, error) {
		b, err := marshalJSON(v)
		return strings.TrimSuffix(string(b), "\n"), err
	}}
	var err error
	if c.system, err = template.New("system").Funcs(funcs).Option("missingkey=error").Parse(p.System); err != nil {
		return c, fmt.Errorf("backtranslate: prompt: %w", err)
	}
	if c.user, err = template.New("user").Funcs(funcs).Option("missingkey=error").Parse(p.User); err != nil {
		return c, fmt.Errorf("backtranslate: prompt: %w", err)
	}
	return c, nil
}

func (c compiled) render(data any) ([]ChatMessage, error) {
	var sys, user bytes.Buffer
	if err := c.system.Execute(&sys, data); err != nil {
		return nil, fmt.Errorf("backtranslate: prompt: %w", err)
	}
	if err := c.user.Execute(&user, data); err != nil {
		return nil, fmt.Errorf("backtranslate: prompt: %w", err)
	}
	return []ChatMessage{{"system", sys.String()}, {"user", user.String()}}, nil
}

// labelKey carries a record's label and examples through a context.
type labelKey struct{}

type labelled struct {
	label    string
	examples []string
}

// WithLabel returns ctx carrying a record's label and, for Generate, a few
// texts of that label to learn from. Paraphrase names the label in its
// prompt; Generate needs both. The per-record job sets it; other callers
// may leave it out.
func WithLabel(ctx context.Context, label string, examples []string) context.Context {
	return context.WithValue(ctx, labelKey{}, labelled{label, examples})
}

func labelFrom(ctx context.Context) labelled {
	l, _ := ctx.Value(labelKey{}).(labelled)
	return l
}

// LLMStats counts what a Paraphrase or Generate did. Failed replies are
// counted by kind (see ReplyError): malformed, refused, empty, truncated
// (cut at the token limit, partly used), and request (the request itself
// failed after its retries); Dropped counts returned texts that a check
// refused, by reason.
type LLMStats struct {
	Requests, CacheHits int
	Failed              map[string]int
	Dropped             map[string]int
}

// llmCore is what Paraphrase and Generate share: the chat, the cache,
// the statistics.
type llmCore struct {
	chat   *Chat
	cache  *Cache
	op     string // "paraphrase" or "generate", the cache key's kind
	schema json.RawMessage

	mu    sync.Mutex
	mem   map[cacheKey]string
	stats LLMStats
}

func newCore(ch *Chat, c *Cache, op string, schema json.RawMessage) *llmCore {
	if len(schema) == 0 {
		schema = nil
	}
	return &llmCore{chat: ch, cache: c, op: op, schema: schema, mem: map[cacheKey]string{},
		stats: LLMStats{Failed: map[string]int{}, Dropped: map[string]int{}}}
}

// Stats returns a copy of the counts so far.
func (l *llmCore) Stats() LLMStats {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.stats
	s.Failed, s.Dropped = cloneCounts(s.Failed), cloneCounts(s.Dropped)
	return s
}

func cloneCounts(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

func (l *llmCore) count(f func(s *LLMStats)) {
	l.mu.Lock()
	f(&l.stats)
	l.mu.Unlock()
}

// list returns the texts the model answers to msgs: from the cache (the
// key holds the chat's name, the op and both messages, so a re-run sends
// nothing) or from a request, whose parsed answer is stored.
func (l *llmCore) list(ctx context.Context, msgs []ChatMessage, chars int) ([]string, error) {
	key := newKeyer(l.chat.Name(), "llm/"+l.op, string(l.schema), msgs[0].Content).key(msgs[1].Content)
	if got, ok := l.lookup(key); ok {
		l.count(func(s *LLMStats) { s.CacheHits++ })
		return got, nil
	}
	l.count(func(s *LLMStats) { s.Requests++ })
	reply, err := l.chat.Complete(ctx, msgs, l.schema, chars)
	if err != nil {
		if ctx.Err() == nil {
			l.count(func(s *LLMStats) { s.Failed["request"]++ })
		}
		return nil, err
	}
	got, err := readReply(reply)
	if err != nil {
		var re *ReplyError
		kind := "malformed"
		if errors.As(err, &re) {
			kind = re.Kind
		}
		l.count(func(s *LLMStats) { s.Failed[kind]++ })
		return nil, &Error{Backend: "openai", Err: fmt.Errorf("%s: %w", l.op, err)}
	}
	if reply.FinishReason == "length" {
		l.count(func(s *LLMStats) { s.Failed["truncated"]++ })
	}
	return got, l.store(key, got)
}

// readReply turns a reply into texts: a refusal or a content filter is a
// ReplyError of kind refused.
func readReply(r ChatReply) ([]string, error) {
	switch {
	case r.Refusal != "":
		return nil, &ReplyError{Reason: "the model refused: " + trimBody([]byte(r.Refusal), nil), Kind: "refused"}
	case r.FinishReason == "content_filter":
		return nil, &ReplyError{Reason: "the server's content filter stopped the reply", Kind: "refused"}
	}
	return ParseList(r.Content, r.FinishReason == "length")
}

func (l *llmCore) lookup(k cacheKey) ([]string, bool) {
	var raw string
	if l.cache == nil {
		l.mu.Lock()
		v, ok := l.mem[k]
		l.mu.Unlock()
		if !ok {
			return nil, false
		}
		raw = v
	} else {
		vals, found, err := l.cache.get([]cacheKey{k})
		if err != nil || !found[0] {
			return nil, false
		}
		raw = vals[0]
	}
	var list []string
	if json.Unmarshal([]byte(raw), &list) != nil {
		return nil, false
	}
	return list, true
}

func (l *llmCore) store(k cacheKey, list []string) error {
	b, err := json.Marshal(list)
	if err != nil {
		return &Error{Backend: "cache", Err: err}
	}
	if l.cache == nil {
		l.mu.Lock()
		l.mem[k] = string(b)
		l.mu.Unlock()
		return nil
	}
	if err := l.cache.put([]cacheKey{k}, []string{string(b)}); err != nil {
		return &Error{Backend: "cache", Err: err}
	}
	return nil
}

// drawOf records why texts were refused and returns the draw over the kept
// ones, with a soft error naming what was dropped (nil if nothing was);
// with nothing kept, only the error.
func (l *llmCore) drawOf(kept []string, dropped map[string]int, total int) (func(*rand.Rand) (string, []string), error) {
	var err error
	if n := total - len(kept); n > 0 {
		reasons := make([]string, 0, len(dropped))
		for r := range dropped {
			reasons = append(reasons, r)
		}
		slices.Sort(reasons)
		parts := make([]string, len(reasons))
		for i, r := range reasons {
			parts[i] = fmt.Sprintf("%d %s", dropped[r], r)
		}
		l.count(func(s *LLMStats) {
			for r, c := range dropped {
				s.Dropped[r] += c
			}
		})
		err = &Error{Backend: l.op, Err: fmt.Errorf("%d of %d texts dropped: %s", n, total, strings.Join(parts, "; "))}
	}
	if len(kept) == 0 {
		if err == nil {
			err = &Error{Backend: l.op, Err: errors.New("the model returned no text")}
		}
		return nil, err
	}
	op := []string{l.op}
	return func(r *rand.Rand) (string, []string) {
		return kept[r.IntN(len(kept))], slices.Clone(op)
	}, err
}
