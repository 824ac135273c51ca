package backtranslate

import (
	"context"
	"encoding/json"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chatRequest is a chat completions request as the fake server reads it.
type chatRequest struct {
	Model          string          `json:"model"`
	Messages       []ChatMessage   `json:"messages"`
	Temperature    *float64        `json:"temperature"`
	Seed           *int            `json:"seed"`
	MaxTokens      int             `json:"max_tokens"`
	ResponseFormat json.RawMessage `json:"response_format"`
}

// fakeLLM speaks the chat completions API like a hosted one: Bearer key,
// JSON errors with type and code, Retry-After on 429. Its model
// "paraphrases" the quoted text of the user message (Text: "...") or
// writes new examples of the label; fault may answer a request instead
// (n counts requests from 1).
type fakeLLM struct {
	srv *httptest.Server

	mu    sync.Mutex
	reqs  []chatRequest
	fault func(n int, w http.ResponseWriter, req chatRequest) bool
}

func newFakeLLM(t *testing.T) *fakeLLM {
	f := &fakeLLM{}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

var quotedText = regexp.MustCompile(`(?m)^Text: (".*")$`)

func (f *fakeLLM) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	if r.URL.Path != "/v1/chat/completions" || r.Method != http.MethodPost {
		openAIError(w, http.StatusNotFound, "unknown URL", "invalid_request_error", "")
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+openAITestKey {
		openAIError(w, http.StatusUnauthorized, "Incorrect API key provided: sk-test-0123", "invalid_request_error", "invalid_api_key")
		return
	}
	var req chatRequest
	if err := json.Unmarshal(body, &req); err != nil || len(req.Messages) != 2 {
		openAIError(w, http.StatusBadRequest, "bad request", "invalid_request_error", "")
		return
	}
	f.mu.Lock()
	f.reqs = append(f.reqs, req)
	n, fault := len(f.reqs), f.fault
	f.mu.Unlock()
	if fault != nil && fault(n, w, req) {
		return
	}
	user := req.Messages[1].Content
	if m := quotedText.FindStringSubmatch(user); m != nil {
		var text string
		_ = json.Unmarshal([]byte(m[1]), &text)
		out, _ := json.Marshal(map[string][]string{"paraphrases": {
			"Could you tell me: " + text, text + " Thanks.", strings.ToUpper(text[:1]) + text[1:] + " Please help.",
		}})
		writeChat(w, string(out), "stop")
		return
	}
	writeChat(w, `{"examples": ["I want to close my account.", "How do I cancel my account?"]}`, "stop")
}

func (f *fakeLLM) requests() []chatRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]chatRequest(nil), f.reqs...)
}

func (f *fakeLLM) setFault(fault func(n int, w http.ResponseWriter, req chatRequest) bool) {
	f.mu.Lock()
	f.fault = fault
	f.mu.Unlock()
}

func testChat(f *fakeLLM, s *fakeSleep, opts ChatOptions) *Chat {
	return NewChat(f.srv.URL, openAITestKey, "test-model", testClient(s), opts)
}

func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 1)) }

func TestParaphraseRequestAndChecks(t *testing.T) {
	f := newFakeLLM(t)
	seed := 7
	ch := testChat(f, &fakeSleep{}, ChatOptions{Temperature: 0.7, Seed: &seed, MaxTokens: 300})
	p, err := NewParaphrase(ch, ParaphraseOptions{
		K:    3,
		Keep: func(string) []string { return []string{"$25.80", "not"} },
		Check: func(orig, para string) error {
			if strings.HasPrefix(para, "Could you") {
				return errLostFigure
			}
			return nil
		},
	})
	require.NoError(t, err)
	ctx := WithLabel(context.Background(), "card_payment_fee_charged", nil)
	draw, err := p.Prepare(ctx, "why was I charged $25.80, I did not pay")
	require.Error(t, err, "a dropped paraphrase is reported")
	assert.True(t, isSoft(err))
	assert.EqualError(t, err, "backtranslate: paraphrase: 1 of 3 texts dropped: 1 lost a figure")
	require.NotNil(t, draw)
	got := map[string]bool{}
	for i := range 50 {
		text, ops := draw(newRand(uint64(i)))
		got[text] = true
		assert.Equal(t, []string{"paraphrase"}, ops)
	}
	assert.Equal(t, map[string]bool{"why was I charged $25.80, I did not pay Thanks.": true, "Why was I charged $25.80, I did not pay Please help.": true}, got)

	reqs := f.requests()
	require.Len(t, reqs, 1, "k paraphrases in one request")
	r := reqs[0]
	assert.Equal(t, "test-model", r.Model)
	assert.Equal(t, 0.7, *r.Temperature)
	assert.Equal(t, 7, *r.Seed)
	assert.Equal(t, 300, r.MaxTokens)
	assert.JSONEq(t, `{"type":"json_schema","json_schema":{"name":"answer","strict":true,"schema":`+defaultParaphrasePrompt.Schema+`}}`, string(r.ResponseFormat))
	assert.Contains(t, r.Messages[0].Content, `{"paraphrases": ["...", "..."]} with 3 strings.`)
	assert.Equal(t, "Text: \"why was I charged $25.80, I did not pay\"\nLabel: \"card_payment_fee_charged\" (every rewrite must still belong to it)\nKeep these exactly as written: \"$25.80\", \"not\"\nWrite 3 paraphrases.", r.Messages[1].Content)
	st := p.Stats()
	assert.Equal(t, 1, st.Requests)
	assert.Equal(t, map[string]int{"lost a figure": 1}, st.Dropped)
}

var errLostFigure = errorString("lost a figure")

type errorString string

func (e errorString) Error() string { return string(e) }

// A re-run with the same settings sends nothing; a new temperature, label
// or K is a new request.
func TestParaphraseCache(t *testing.T) {
	f := newFakeLLM(t)
	path := filepath.Join(t.TempDir(), "cache.db")
	run := func(temp float64, k int, label string) {
		c, err := OpenCache(path)
		require.NoError(t, err)
		defer c.Close()
		p, err := NewParaphrase(testChat(f, &fakeSleep{}, ChatOptions{Temperature: temp}), ParaphraseOptions{K: k, Cache: c})
		require.NoError(t, err)
		_, err = p.Prepare(WithLabel(context.Background(), label, nil), "I lost my card")
		require.NoError(t, err)
	}
	run(0.5, 3, "lost_card")
	run(0.5, 3, "lost_card")
	assert.Len(t, f.requests(), 1, "second run from the cache")
	run(0.9, 3, "lost_card")
	run(0.9, 4, "lost_card")
	run(0.9, 4, "card_arrival")
	assert.Len(t, f.requests(), 4)
}

func TestParaphraseMisbehavingServer(t *testing.T) {
	cases := []struct {
		name   string
		fault  func(n int, w http.ResponseWriter, req chatRequest) bool
		err    string // "" for success
		failed map[string]int
		waits  []time.Duration
		sent   int
	}{
		{name: "malformed JSON", fault: answer(`{"paraphrases": ["a", "b",]}`, "stop"),
			err: "backtranslate: openai: paraphrase: reply byte 27: malformed JSON: invalid character ']' looking for beginning of value", failed: map[string]int{"malformed": 1}, sent: 1},
		{name: "prose instead of JSON", fault: answer("Sure! Here are some paraphrases.", "stop"),
			err: `backtranslate: openai: paraphrase: reply line 1: neither JSON nor a numbered line: "Sure! Here are some paraphrases."`, failed: map[string]int{"malformed": 1}, sent: 1},
		{name: "refusal in content", fault: answer("I'm sorry, but I can't assist with that request.", "stop"),
			err: "backtranslate: openai: paraphrase: reply: the model refused: I'm sorry, but I can't assist with that request.", failed: map[string]int{"refused": 1}, sent: 1},
		{name: "refusal field", fault: func(_ int, w http.ResponseWriter, _ chatRequest) bool {
			writeJSON(w, 200, map[string]any{"choices": []map[string]any{{"index": 0, "finish_reason": "stop", "message": map[string]any{"role": "assistant", "content": nil, "refusal": "I can't help with that."}}}})
			return true
		}, err: "backtranslate: openai: paraphrase: reply: the model refused: I can't help with that.", failed: map[string]int{"refused": 1}, sent: 1},
		{name: "truncated", fault: answer(`{"paraphrases": ["I misplaced my card", "My card is lo`, "length"),
			failed: map[string]int{"truncated": 1}, sent: 1},
		{name: "429 with Retry-After", fault: func(n int, w http.ResponseWriter, _ chatRequest) bool {
			if n == 1 {
				w.Header().Set("Retry-After", "1") // the test client caps waits at 1 s; its backoff is 10 ms
				openAIError(w, http.StatusTooManyRequests, "Rate limit reached for requests", "requests", "rate_limit_exceeded")
				return true
			}
			return false
		}, failed: map[string]int{}, waits: []time.Duration{time.Second}, sent: 2},
		{name: "5xx then fine", fault: func(n int, w http.ResponseWriter, _ chatRequest) bool {
			if n <= 2 {
				openAIError(w, http.StatusBadGateway, "upstream error", "server_error", "")
				return true
			}
			return false
		}, failed: map[string]int{}, sent: 3},
		{name: "5xx always", fault: func(n int, w http.ResponseWriter, _ chatRequest) bool {
			openAIError(w, http.StatusServiceUnavailable, "overloaded", "server_error", "")
			return true
		}, err: "backtranslate: openai: HTTP 503 Service Unavailable: overloaded (gave up after 4 attempts)", failed: map[string]int{"request": 1}, sent: 4},
		{name: "quota", fault: func(n int, w http.ResponseWriter, _ chatRequest) bool {
			openAIError(w, http.StatusTooManyRequests, "You exceeded your current quota", "insufficient_quota", "insufficient_quota")
			return true
		}, err: "backtranslate: openai: HTTP 429 Too Many Requests (quota exhausted): You exceeded your current quota (insufficient_quota)", failed: map[string]int{"request": 1}, sent: 1},
		{name: "envelope not JSON", fault: func(n int, w http.ResponseWriter, _ chatRequest) bool {
			w.Header().Set("Content-Type", "text/html")
			_, _ = io.WriteString(w, "<html>gateway</html>")
			return true
		}, err: "backtranslate: openai: malformed response: invalid character '<' looking for beginning of value", failed: map[string]int{"request": 1}, sent: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := newFakeLLM(t)
			f.setFault(c.fault)
			s := &fakeSleep{}
			p, err := NewParaphrase(testChat(f, s, ChatOptions{}), ParaphraseOptions{K: 3})
			require.NoError(t, err)
			draw, err := p.Prepare(context.Background(), "My card is lost")
			if c.err == "" {
				require.NoError(t, err)
				require.NotNil(t, draw)
			} else {
				assert.EqualError(t, err, c.err)
				assert.True(t, isSoft(err), "a shortfall, not a stop")
				assert.Nil(t, draw)
			}
			assert.Equal(t, c.failed, p.Stats().Failed)
			assert.Len(t, f.requests(), c.sent)
			if c.waits != nil {
				assert.Equal(t, c.waits, s.all())
			}
			assert.NotContains(t, errString(err), openAITestKey)
		})
	}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// answer makes a fault that answers every request with content.
func answer(content, finish string) func(int, http.ResponseWriter, chatRequest) bool {
	return func(_ int, w http.ResponseWriter, _ chatRequest) bool {
		writeChat(w, content, finish)
		return true
	}
}

func TestParaphraseAuth(t *testing.T) {
	f := newFakeLLM(t)
	ch := NewChat(f.srv.URL+"/v1", "sk-wrong-key-0000", "test-model", testClient(&fakeSleep{}), ChatOptions{})
	p, err := NewParaphrase(ch, ParaphraseOptions{})
	require.NoError(t, err)
	_, err = p.Prepare(context.Background(), "hello there")
	assert.ErrorIs(t, err, ErrAuth)
	assert.NotContains(t, err.Error(), "sk-wrong-key-0000")
	assert.NotContains(t, err.Error(), "sk-test-0123", "the service's message may quote the key: dropped")
}

func TestChatFormats(t *testing.T) {
	f := newFakeLLM(t)
	for _, c := range []struct{ format, want string }{
		{"object", `{"type":"json_object"}`},
		{"none", ``},
	} {
		p, err := NewParaphrase(testChat(f, &fakeSleep{}, ChatOptions{Format: c.format, Temperature: -1}), ParaphraseOptions{})
		require.NoError(t, err)
		_, err = p.Prepare(context.Background(), "hello there "+c.format)
		require.NoError(t, err)
		reqs := f.requests()
		last := reqs[len(reqs)-1]
		assert.Equal(t, c.want, string(last.ResponseFormat))
		assert.Nil(t, last.Temperature, "a negative temperature is left out")
	}
	p, err := NewParaphrase(testChat(f, &fakeSleep{}, ChatOptions{Format: "xml"}), ParaphraseOptions{})
	require.NoError(t, err)
	_, err = p.Prepare(context.Background(), "hello")
	assert.EqualError(t, err, `backtranslate: openai: unknown JSON format "xml" (want schema, object or none)`)
}

func TestCustomPrompt(t *testing.T) {
	f := newFakeLLM(t)
	_, err := NewParaphrase(testChat(f, &fakeSleep{}, ChatOptions{}), ParaphraseOptions{Prompt: Prompt{User: "{{.Nope"}})
	assert.ErrorContains(t, err, "backtranslate: prompt: template: user:1: unclosed action")
	p, err := NewParaphrase(testChat(f, &fakeSleep{}, ChatOptions{}), ParaphraseOptions{K: 2, Prompt: Prompt{
		System: "Give {{.K}} rewrites as numbered lines.",
		User:   "Text: {{json .Text}}",
	}})
	require.NoError(t, err)
	_, err = p.Prepare(context.Background(), "I lost my card")
	require.NoError(t, err)
	r := f.requests()[0]
	assert.Equal(t, "Give 2 rewrites as numbered lines.", r.Messages[0].Content)
	assert.Empty(t, r.ResponseFormat, "a prompt of one's own has no schema unless it gives one")
}

func TestGenerate(t *testing.T) {
	f := newFakeLLM(t)
	g, err := NewGenerate(testChat(f, &fakeSleep{}, ChatOptions{Temperature: 1}), GenerateOptions{N: 2, Examples: 3})
	require.NoError(t, err)
	ctx := WithLabel(context.Background(), "terminate_account", []string{"How do I cancel my account?", "Delete my account", "close it please", "one too many"})
	draw, err := g.Prepare(ctx, "I want to close my account.")
	assert.EqualError(t, err, "backtranslate: generate: 2 of 2 texts dropped: 2 copies an example")
	assert.Nil(t, draw)
	r := f.requests()[0]
	assert.Equal(t, "Label: \"terminate_account\"\nExamples of this label:\n- \"I want to close my account.\"\n- \"How do I cancel my account?\"\n- \"Delete my account\"\nWrite 2 new texts of this label.", r.Messages[1].Content)

	f.setFault(answer(`["Please shut down my account", "How can I stop using this bank?"]`, "stop"))
	draw, err = g.Prepare(WithLabel(context.Background(), "terminate_account", nil), "Close my account")
	require.NoError(t, err)
	text, ops := draw(newRand(1))
	assert.Contains(t, []string{"Please shut down my account", "How can I stop using this bank?"}, text)
	assert.Equal(t, []string{"generate"}, ops, "generated rows are marked in provenance")
}
