package backtranslate

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeAPy speaks APy's /translate and /listPairs with its real response
// shapes (Tornado's JSON, "\/" escapes, a leading space on lines after the
// first, doubled spaces). Its "translation" is reversible, so round trips
// are checkable: eng→X gives "X{text}", X→eng gives "text (via X)".
type fakeAPy struct {
	srv *httptest.Server

	mu       sync.Mutex
	requests int            // /translate requests answered or failed
	sent     map[string]int // times each line was sent, by "pair\tline"
	// maxLines > 0 makes the server drop lines beyond it, answering 200,
	// as APy does with long requests.
	maxLines int
	// fault, if set, may answer a request itself (returning true); n counts
	// /translate requests from 1.
	fault func(n int, w http.ResponseWriter, r *http.Request) bool
}

func newFakeAPy(t testing.TB) *fakeAPy {
	f := &fakeAPy{sent: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPy) serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/listPairs":
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		w.Write([]byte(`{"responseData": [{"sourceLanguage": "eng", "targetLanguage": "spa"}, {"sourceLanguage": "spa", "targetLanguage": "eng"}, {"sourceLanguage": "eng", "targetLanguage": "cat"}, {"sourceLanguage": "cat", "targetLanguage": "eng"}], "responseDetails": null, "responseStatus": 200}`))
		return
	case "/translate":
	default:
		http.NotFound(w, r)
		return
	}
	f.mu.Lock()
	f.requests++
	n, fault, maxLines := f.requests, f.fault, f.maxLines
	f.mu.Unlock()
	if fault != nil && fault(n, w, r) {
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	pair, q := r.PostForm.Get("langpair"), r.PostForm.Get("q")
	if r.PostForm.Get("markUnknown") != "no" || r.PostForm.Get("format") != "txt" {
		http.Error(w, "markUnknown and format not set", http.StatusBadRequest)
		return
	}
	from, to, ok := strings.Cut(pair, "|")
	if !ok || (from != "eng" && to != "eng") || from == to {
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"status": "error", "code": 400, "message": "Bad Request", "explanation": "That pair is not installed"}`))
		return
	}
	lines := strings.Split(q, "\n")
	f.mu.Lock()
	for _, l := range lines {
		f.sent[pair+"\t"+l]++
	}
	f.mu.Unlock()
	if maxLines > 0 && len(lines) > maxLines {
		lines = lines[:maxLines]
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		var s string
		if from == "eng" {
			s = to + "{" + l + "}"
		} else {
			s = strings.TrimSuffix(strings.TrimPrefix(l, from+"{"), "}") + " (via " + from + ")"
		}
		s = strings.ReplaceAll(s, " ", "  ")
		if i > 0 {
			s = " " + s
		}
		out[i] = s
	}
	writeAPy(w, strings.Join(out, "\n"))
}

// writeAPy answers as APy does: Tornado's JSON with "/" escaped.
func writeAPy(w http.ResponseWriter, text string) {
	b, _ := json.Marshal(text)
	w.Header().Set("Content-Type", "application/json; charset=UTF-8")
	w.Write([]byte(`{"responseData": {"translatedText": ` + strings.ReplaceAll(string(b), "/", `\/`) + `}, "responseDetails": null, "responseStatus": 200}`))
}

func (f *fakeAPy) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

func (f *fakeAPy) setFault(fault func(n int, w http.ResponseWriter, r *http.Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fault = fault
}

// timesSent reports how often line was sent for pair ("eng|spa").
func (f *fakeAPy) timesSent(pair, line string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.sent[pair+"\t"+line]
}

// hijack takes over the connection: write is sent raw, then the
// connection is closed (reset, with linger 0, if rst).
func hijack(w http.ResponseWriter, write string, rst bool) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		panic(err)
	}
	buf.WriteString(write)
	buf.Flush()
	if tc, ok := conn.(*net.TCPConn); ok && rst {
		tc.SetLinger(0)
	}
	conn.Close()
}

// fakeSleep records the waits asked for and returns at once.
type fakeSleep struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *fakeSleep) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *fakeSleep) all() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// testClient is a Client with a fake clock, fast backoff and few retries.
func testClient(s *fakeSleep, opts ...Option) *Client {
	base := []Option{WithSleep(s.sleep), WithBackoff(10*time.Millisecond, time.Second), WithRetries(3), WithTimeout(5 * time.Second)}
	return NewClient(append(base, opts...)...)
}
