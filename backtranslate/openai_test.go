package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const openAITestKey = "sk-test-0123456789abcdefghijklmnopqrstuvwxyz"

// openAIRequest is the chat completions request body.
type openAIRequest struct {
	Model       string        `json:"model"`
	Messages    []chatMessage `json:"messages"`
	Temperature *float64      `json:"temperature"`
	Seed        *int          `json:"seed"`
}

// numberedTexts reads the "N. text" lines of a user message.
func numberedTexts(t *testing.T, content string) []string {
	var texts []string
	for i, line := range strings.Split(content, "\n") {
		prefix := fmt.Sprintf("%d. ", i+1)
		require.True(t, strings.HasPrefix(line, prefix), "line %q", line)
		texts = append(texts, strings.TrimPrefix(line, prefix))
	}
	return texts
}

func numberedAnswer(out []string) string {
	var b strings.Builder
	for i, s := range out {
		fmt.Fprintf(&b, "%d. %s\n", i+1, s)
	}
	return b.String()
}

func writeChat(w http.ResponseWriter, content, finish string) {
	writeJSON(w, http.StatusOK, map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "model": "test-model",
		"choices": []map[string]any{{
			"index":         0,
			"message":       map[string]string{"role": "assistant", "content": content},
			"finish_reason": finish,
		}},
		"usage": map[string]int{"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
	})
}

func openAIError(w http.ResponseWriter, status int, message, typ, code string) {
	writeJSON(w, status, map[string]any{"error": map[string]any{"message": message, "type": typ, "param": nil, "code": code}})
}

// openAIFake speaks the chat completions API: POST /v1/chat/completions
// with a Bearer key, and a model that translates numbered lines.
var openAIFake = webBackend{
	key: openAITestKey, to: "spa", want: "es",
	maxTexts: 20, maxChars: 4000,
	build: func(t *testing.T, base string, c *Client) Translator {
		return NewOpenAI(base, openAITestKey, "test-model", c, OpenAIOptions{})
	},
	texts: func(t *testing.T, r webRequest) []string {
		assert.Equal(t, http.MethodPost, r.Method)
		assert.Equal(t, "/v1/chat/completions", r.Path)
		assert.Empty(t, r.Query)
		assert.Equal(t, "Bearer "+openAITestKey, r.Header.Get("Authorization"))
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
		var req openAIRequest
		require.NoError(t, json.Unmarshal(r.Body, &req), "body %s", r.Body)
		assert.Equal(t, "test-model", req.Model)
		if assert.NotNil(t, req.Temperature) {
			assert.Zero(t, *req.Temperature)
		}
		assert.Nil(t, req.Seed)
		require.Len(t, req.Messages, 2)
		assert.Equal(t, "system", req.Messages[0].Role)
		assert.Contains(t, req.Messages[0].Content, "from English into Spanish")
		assert.Equal(t, "user", req.Messages[1].Role)
		return numberedTexts(t, req.Messages[1].Content)
	},
	reply: func(w http.ResponseWriter, out []string) {
		writeChat(w, numberedAnswer(out), "stop")
	},
	auth: func(w http.ResponseWriter, key string) {
		openAIError(w, http.StatusUnauthorized, "Incorrect API key provided: "+key[:6]+"***"+key[len(key)-4:]+" ("+key+")", "invalid_request_error", "invalid_api_key")
	},
	quota: func(w http.ResponseWriter, key string) {
		openAIError(w, http.StatusTooManyRequests, "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota")
	},
}

func TestOpenAI(t *testing.T) { runWebSuite(t, openAIFake) }

// TestOpenAIAuthMessage checks that the message of an auth error, which
// quotes part of the key, is not shown.
func TestOpenAIAuthMessage(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		openAIFake.auth(w, openAITestKey)
	})
	_, err := NewOpenAI(s.URL, openAITestKey, "m", nil, OpenAIOptions{}).Translate(context.Background(), "en", "es", []string{"x"})
	require.ErrorIs(t, err, ErrAuth)
	assert.NotContains(t, err.Error(), openAITestKey[:6])
	assert.NotContains(t, err.Error(), openAITestKey[len(openAITestKey)-4:])
	assert.Contains(t, err.Error(), "invalid_api_key")
}

func TestOpenAIRateLimitRetried(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		if n < 2 {
			w.Header().Set("Retry-After", "1")
			openAIError(w, http.StatusTooManyRequests, "Rate limit reached for requests", "requests", "rate_limit_exceeded")
			return
		}
		writeChat(w, "1. hola", "stop")
	})
	c, sleeps := webClient()
	got, err := NewOpenAI(s.URL, openAITestKey, "m", c, OpenAIOptions{}).Translate(context.Background(), "en", "es", []string{"hello"})
	require.NoError(t, err)
	assert.Equal(t, []string{"hola"}, got)
	assert.Len(t, s.requests(), 3)
	assert.Len(t, sleeps.waits(), 2)
}

func TestOpenAIEndpoint(t *testing.T) {
	for base, want := range map[string]string{
		"http://h:8080":                      "http://h:8080/v1/chat/completions",
		"http://h:8080/":                     "http://h:8080/v1/chat/completions",
		"http://h:8080/v1":                   "http://h:8080/v1/chat/completions",
		"http://h:8080/v1/":                  "http://h:8080/v1/chat/completions",
		"http://h:8080/v1/chat/completions":  "http://h:8080/v1/chat/completions",
		"http://h/openai/v1":                 "http://h/openai/v1/chat/completions",
		" https://api.openai.com ":           "https://api.openai.com/v1/chat/completions",
		"http://h:8080/api/chat/completions": "http://h:8080/api/chat/completions",
	} {
		assert.Equal(t, want, openAIEndpoint(base), base)
	}
}

// TestOpenAIOptions checks the request a configured translator sends: no
// key header without a key, seed and model as set, temperature left out
// when negative, and a Name that changes with them.
func TestOpenAIOptions(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		writeChat(w, "1. hola", "stop")
	})
	seed := 7
	o := NewOpenAI(s.URL+"/v1", "", "llama-3", nil, OpenAIOptions{Temperature: -1, Seed: &seed, MaxBatch: 5})
	assert.Equal(t, "openai "+s.URL+"/v1/chat/completions model=llama-3 seed=7 prompt=1", o.Name())
	_, err := o.Translate(context.Background(), "", "es", []string{"hello"})
	require.NoError(t, err)
	r := s.requests()[0]
	assert.Empty(t, r.Header.Values("Authorization"))
	var req map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(r.Body, &req))
	assert.NotContains(t, req, "temperature")
	assert.JSONEq(t, "7", string(req["seed"]))
	assert.JSONEq(t, `"llama-3"`, string(req["model"]))
	var msgs []chatMessage
	require.NoError(t, json.Unmarshal(req["messages"], &msgs))
	assert.Contains(t, msgs[0].Content, "from the language they are written in into Spanish")

	warm := NewOpenAI(s.URL, openAITestKey, "llama-3", nil, OpenAIOptions{Temperature: 0.7})
	assert.Equal(t, "openai "+s.URL+"/v1/chat/completions model=llama-3 temperature=0.7 prompt=1", warm.Name())
	assert.NotEqual(t, o.Name(), warm.Name())
}

// TestOpenAIAnswers checks how model answers are read: a good answer in
// any harmless form is taken, a bad one is asked again in halves.
func TestOpenAIAnswers(t *testing.T) {
	texts := []string{"one", "two", "three", "four"}
	tests := []struct {
		name   string
		answer func(texts []string) (string, string) // content and finish_reason
		sizes  []int                                 // texts per request
	}{
		{"plain numbered lines", func(in []string) (string, string) {
			return numberedAnswer(fakeTranslateAll("es", in)), "stop"
		}, []int{4}},
		{"code fence, blank lines and ')' numbers", func(in []string) (string, string) {
			var b strings.Builder
			b.WriteString("```\n")
			for i, s := range in {
				fmt.Fprintf(&b, "%d) %s\n\n", i+1, fakeTranslate("es", s))
			}
			return b.String() + "```", "stop"
		}, []int{4}},
		{"merged lines", func(in []string) (string, string) {
			out := fakeTranslateAll("es", in)
			if len(out) > 2 {
				out = append([]string{out[0] + " " + out[1]}, out[2:]...)
			}
			return numberedAnswer(out), "stop"
		}, []int{4, 2, 2}},
		{"wrong numbering", func(in []string) (string, string) {
			if len(in) == 4 {
				return "1. es:one\n2. es:two\n4. es:three\n5. es:four", "stop"
			}
			return numberedAnswer(fakeTranslateAll("es", in)), "stop"
		}, []int{4, 2, 2}},
		{"commentary", func(in []string) (string, string) {
			a := numberedAnswer(fakeTranslateAll("es", in))
			if len(in) == 4 {
				a = "Here are the translations:\n" + a
			}
			return a, "stop"
		}, []int{4, 2, 2}},
		{"cut off at the token limit", func(in []string) (string, string) {
			if len(in) == 4 {
				return "1. es:one\n2. es:two\n3. es:th", "length"
			}
			return numberedAnswer(fakeTranslateAll("es", in)), "stop"
		}, []int{4, 2, 2}},
		{"single texts may be unnumbered", func(in []string) (string, string) {
			if len(in) == 1 {
				return fakeTranslate("es", in[0]), "stop"
			}
			return "no idea", "stop"
		}, []int{4, 2, 1, 1, 2, 1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sizes []int
			s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
				var req openAIRequest
				require.NoError(t, json.Unmarshal(body, &req))
				in := numberedTexts(t, req.Messages[1].Content)
				sizes = append(sizes, len(in))
				content, finish := tt.answer(in)
				writeChat(w, content, finish)
			})
			c, _ := webClient(WithConcurrency(1))
			got, err := NewOpenAI(s.URL, openAITestKey, "m", c, OpenAIOptions{}).Translate(context.Background(), "en", "es", texts)
			require.NoError(t, err)
			assert.Equal(t, fakeTranslateAll("es", texts), got)
			assert.Equal(t, tt.sizes, sizes)
		})
	}
}

func TestOpenAISingleFailures(t *testing.T) {
	for name, answer := range map[string]struct{ content, finish string }{
		"cut off":        {"1. hol", "length"},
		"two answers":    {"1. hola\n2. adiós", "stop"},
		"preamble":       {"Sure:\n1. hola", "stop"},
		"empty":          {"  \n", "stop"},
		"empty numbered": {"1.", "stop"},
	} {
		t.Run(name, func(t *testing.T) {
			s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
				writeChat(w, answer.content, answer.finish)
			})
			_, err := NewOpenAI(s.URL, openAITestKey, "m", nil, OpenAIOptions{}).Translate(context.Background(), "en", "es", []string{"hello"})
			var e *Error
			require.ErrorAs(t, err, &e)
			assert.True(t, e.Soft())
			assert.Len(t, s.requests(), 1)
		})
	}
}

func TestOpenAINoMessage(t *testing.T) {
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		writeJSON(w, http.StatusOK, map[string]any{"choices": []any{}})
	})
	_, err := NewOpenAI(s.URL, openAITestKey, "m", nil, OpenAIOptions{}).Translate(context.Background(), "en", "es", []string{"hello"})
	var e *Error
	require.ErrorAs(t, err, &e)
	assert.Contains(t, err.Error(), "no message")
}

// TestOpenAIMultilineText checks that a text with line breaks goes out as
// one numbered line.
func TestOpenAIMultilineText(t *testing.T) {
	var user string
	s := newWebServer(t, func(w http.ResponseWriter, r *http.Request, body []byte, n int) {
		var req openAIRequest
		require.NoError(t, json.Unmarshal(body, &req))
		user = req.Messages[1].Content
		writeChat(w, "1. a\n2. b", "stop")
	})
	_, err := NewOpenAI(s.URL, "", "m", nil, OpenAIOptions{}).Translate(context.Background(), "en", "es", []string{"first\nsecond  line", "x"})
	require.NoError(t, err)
	assert.Equal(t, "1. first second line\n2. x", user)
}

func TestParseNumbered(t *testing.T) {
	tests := []struct {
		content string
		n       int
		want    []string
	}{
		{"1. a\n2. b", 2, []string{"a", "b"}},
		{"  1.  a  b \r\n\r\n2) b\n", 2, []string{"a b", "b"}},
		{"1. 1.5 kg\n2. 2. place", 2, []string{"1.5 kg", "2. place"}},
		{"1. a", 2, nil},
		{"1. a\n2. b\n3. c", 2, nil},
		{"2. a\n1. b", 2, nil},
		{"1. a\nand more\n2. b", 2, nil},
		{"1. a\n2. b\nNote: ...", 2, nil},
		{"1. a\n2.", 2, nil},
		{"hola mundo", 1, []string{"hola mundo"}},
		{"hola\nmundo", 1, []string{"hola mundo"}},
		{"```\n1. hola\n```", 1, []string{"hola"}},
		{"1.hola", 1, []string{"1.hola"}},
		{"", 1, nil},
	}
	for _, tt := range tests {
		got, ok := parseNumbered(tt.content, tt.n)
		assert.Equal(t, tt.want != nil, ok, "%q", tt.content)
		assert.Equal(t, tt.want, got, "%q", tt.content)
	}
}

func FuzzParseNumbered(f *testing.F) {
	f.Add("1. a\n2. b", 2)
	f.Add("```\n1) x\n```", 1)
	f.Add("hola", 1)
	f.Fuzz(func(t *testing.T, content string, n int) {
		n = n%50 + 1
		if n < 1 {
			n = -n + 1
		}
		got, ok := parseNumbered(content, n)
		if ok != (len(got) == n) {
			t.Fatalf("ok=%v with %d of %d lines", ok, len(got), n)
		}
		for _, s := range got {
			if s == "" || strings.ContainsAny(s, "\n\r") {
				t.Fatalf("bad line %q", s)
			}
		}
	})
}

func TestLanguageName(t *testing.T) {
	for in, want := range map[string]string{
		"es": "Spanish", "spa": "Spanish", "pt-BR": "Portuguese (BR)", "zh-Hant": "Chinese (Hant)",
		"xx": "xx", "tlh-Latn": "tlh-Latn",
	} {
		assert.Equal(t, want, languageName(in), in)
	}
}
