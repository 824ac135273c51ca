package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// ChatMessage is one message of a chat completions request.
type ChatMessage struct {
	Role    string `json:"role"` // system, user or assistant
	Content string `json:"content"`
}

// chatMessage is the name the translator's code and tests use.
type chatMessage = ChatMessage

// ChatOptions tunes a Chat. The zero value sends temperature 0, no seed,
// no token limit and asks for JSON through a JSON schema when a request
// has one.
type ChatOptions struct {
	// Temperature is sent with every request; a negative value leaves it
	// out, for models that accept only their default.
	Temperature float64
	// Seed, if not nil, is sent as "seed" to make sampling repeatable where
	// the server supports it.
	Seed *int
	// MaxTokens, if positive, is sent as "max_tokens".
	MaxTokens int
	// Format says how a request that has a JSON schema asks for JSON:
	// "schema" (the zero value: response_format json_schema, strict),
	// "object" (response_format json_object, for servers without schemas)
	// or "none" (the prompt alone asks for JSON, for servers that reject
	// response_format).
	Format string
}

// Chat talks to an OpenAI-compatible chat completions API (POST
// /v1/chat/completions): hosted services and local servers (vLLM,
// llama.cpp's server, Ollama, LocalAI) alike. It is the client that
// OpenAI (translation), Paraphrase and Generate share: requests go
// through a Client, with its concurrency, rate limits and retries
// (429 with Retry-After and 5xx are retried; insufficient_quota and
// authentication errors are not), and the key travels in an
// "Authorization: Bearer" header only.
//
// A Chat is safe for concurrent use.
type Chat struct {
	endpoint, key, model string
	opts                 ChatOptions
	c                    *Client
}

// NewChat returns a Chat for the API at baseURL (a base such as
// OpenAIURL, http://127.0.0.1:8080/v1, or the full .../chat/completions
// URL), asking model, sending apiKey (may be empty) through c (a default
// Client if nil).
func NewChat(baseURL, apiKey, model string, c *Client, opts ChatOptions) *Chat {
	if c == nil {
		c = NewClient()
	}
	return &Chat{endpoint: openAIEndpoint(baseURL), key: apiKey, model: model, opts: opts, c: c}
}

// Name returns the endpoint without user information or query, and the
// model, temperature, seed, token limit and JSON format: everything of the
// Chat that changes its answers, for cache keys. Never a secret.
func (ch *Chat) Name() string {
	var b strings.Builder
	b.WriteString("chat " + redactURL(ch.endpoint) + " model=" + ch.model)
	if ch.opts.Temperature >= 0 {
		b.WriteString(" temperature=" + strconv.FormatFloat(ch.opts.Temperature, 'g', -1, 64))
	}
	if ch.opts.Seed != nil {
		b.WriteString(" seed=" + strconv.Itoa(*ch.opts.Seed))
	}
	if ch.opts.MaxTokens > 0 {
		b.WriteString(" max_tokens=" + strconv.Itoa(ch.opts.MaxTokens))
	}
	if ch.opts.Format != "" {
		b.WriteString(" format=" + ch.opts.Format)
	}
	return b.String()
}

// ChatReply is the first choice of a chat completion.
type ChatReply struct {
	Content string
	// Refusal is the model's refusal message, for servers that report one
	// apart from the content (OpenAI's structured outputs).
	Refusal string
	// FinishReason is "stop", "length" (cut off at the token limit),
	// "content_filter", ... as the server says.
	FinishReason string
}

// Complete sends one chat completion request. schema, if not nil, is the
// JSON schema the answer must follow (see ChatOptions.Format); chars is
// the number of characters of text carried, for the Client's chars/s
// limit. A reply without any choice or message is an error; every error
// is an *Error (Soft) unless ctx is done.
func (ch *Chat) Complete(ctx context.Context, msgs []ChatMessage, schema json.RawMessage, chars int) (ChatReply, error) {
	body, err := ch.payload(msgs, schema)
	if err != nil {
		return ChatReply{}, &Error{Backend: "openai", Err: err}
	}
	h := http.Header{"Content-Type": {"application/json"}, "Accept": {"application/json"}}
	if ch.key != "" {
		h.Set("Authorization", "Bearer "+ch.key)
	}
	resp, err := ch.c.Do(ctx, Request{
		Method:   http.MethodPost,
		URL:      ch.endpoint,
		Header:   h,
		Body:     body,
		Chars:    chars,
		Backend:  "openai",
		Classify: openAIClassify,
		Redact:   []string{ch.key},
	})
	if err != nil {
		return ChatReply{}, err
	}
	var r struct {
		Choices []struct {
			Message struct {
				Content *string `json:"content"`
				Refusal *string `json:"refusal"`
			} `json:"message"`
			FinishReason string `json:"finish_reason"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(resp, &r); err != nil {
		return ChatReply{}, &Error{Backend: "openai", Err: fmt.Errorf("malformed response: %w", err)}
	}
	if len(r.Choices) == 0 || r.Choices[0].Message.Content == nil && r.Choices[0].Message.Refusal == nil {
		return ChatReply{}, &Error{Backend: "openai", Err: fmt.Errorf("response has no message: %s", trimBody(resp, []string{ch.key}))}
	}
	c := r.Choices[0]
	var out ChatReply
	if c.Message.Content != nil {
		out.Content = *c.Message.Content
	}
	if c.Message.Refusal != nil {
		out.Refusal = *c.Message.Refusal
	}
	out.FinishReason = c.FinishReason
	return out, nil
}

// payload is the request body.
func (ch *Chat) payload(msgs []ChatMessage, schema json.RawMessage) ([]byte, error) {
	p := struct {
		Model          string          `json:"model"`
		Messages       []ChatMessage   `json:"messages"`
		Temperature    *float64        `json:"temperature,omitempty"`
		Seed           *int            `json:"seed,omitempty"`
		MaxTokens      int             `json:"max_tokens,omitempty"`
		ResponseFormat json.RawMessage `json:"response_format,omitempty"`
	}{Model: ch.model, Messages: msgs, Seed: ch.opts.Seed, MaxTokens: max(ch.opts.MaxTokens, 0)}
	if t := ch.opts.Temperature; t >= 0 {
		p.Temperature = &t
	}
	if schema != nil {
		switch ch.opts.Format {
		case "", "schema":
			p.ResponseFormat = json.RawMessage(`{"type":"json_schema","json_schema":{"name":"answer","strict":true,"schema":` + string(schema) + `}}`)
		case "object":
			p.ResponseFormat = json.RawMessage(`{"type":"json_object"}`)
		case "none":
		default:
			return nil, fmt.Errorf("unknown JSON format %q (want schema, object or none)", ch.opts.Format)
		}
	}
	return marshalJSON(p)
}
