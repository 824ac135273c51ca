package backtranslate

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFailureOfTranslations classifies the failures of real translations,
// through RoundTrip and Cached, as a run meets them: only network errors,
// timeouts, rate limits and server errors are worth a re-run.
func TestFailureOfTranslations(t *testing.T) {
	tests := []struct {
		name  string
		serve func(w http.ResponseWriter, r *http.Request)
		want  Failure
	}{
		{"5xx", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusBadGateway) }, FailServer},
		{"429", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusTooManyRequests) }, FailRateLimit},
		{"408", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusRequestTimeout) }, FailTimeout},
		{"timeout", func(_ http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body) // so the server notices the client leaving
			<-r.Context().Done()
		}, FailTimeout},
		{"connection reset", func(w http.ResponseWriter, _ *http.Request) { hijack(w, "", true) }, FailNetwork},
		{"404", func(w http.ResponseWriter, _ *http.Request) { tornado404(w) }, FailNotFound},
		{"401", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusUnauthorized) }, FailAuth},
		{"400", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusBadRequest) }, FailRequest},
		{"pair not installed", func(w http.ResponseWriter, _ *http.Request) {
			w.WriteHeader(http.StatusBadRequest)
			w.Write([]byte(`{"status": "error", "code": 400, "message": "Bad Request", "explanation": "That pair is not installed"}`))
		}, FailUnsupported},
		{"malformed", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("<html>")) }, FailResponse},
		{"too large", func(w http.ResponseWriter, _ *http.Request) { w.Write(make([]byte, 4096)) }, FailResponse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := server(t, func(_ int, w http.ResponseWriter, r *http.Request) { tt.serve(w, r) })
			c := testClient(&fakeSleep{}, WithRetries(1), WithTimeout(50*time.Millisecond), WithMaxResponse(1024))
			rt := RoundTrip{Translator: Cached(NewApertium(srv.URL, c), nil, ""), Source: "eng", Pivots: []string{"spa"}}
			_, err := rt.Prepare(context.Background(), "Hello there.")
			require.Error(t, err)
			assert.True(t, isSoft(err), "a failed translation costs a row, not the run")
			assert.Equal(t, tt.want, FailureOf(err), "%v", err)
			assert.Equal(t, tt.want.Transient(), Transient(err))
			retried := tt.want.Transient()
			assert.Equal(t, map[bool]int32{true: 2, false: 1}[retried], n.Load(), "transient failures are retried, permanent ones not")
		})
	}
}

func TestFailureTransient(t *testing.T) {
	transient := map[Failure]bool{FailNetwork: true, FailTimeout: true, FailRateLimit: true, FailServer: true}
	for f := FailUnknown; f <= FailResponse; f++ {
		assert.Equal(t, transient[f], f.Transient(), f.String())
		assert.NotEqual(t, "unknown failure", f.String()+map[bool]string{true: "x"}[f == FailUnknown], "every kind is named")
	}
	assert.Equal(t, "unknown failure", Failure(99).String())
	assert.Equal(t, FailUnknown, FailureOf(nil))
	assert.Equal(t, FailUnknown, FailureOf(errors.New("elsewhere")))
	assert.Equal(t, FailUnknown, FailureOf(stopped("apertium", context.Canceled)), "the caller's own cancellation")
	assert.Equal(t, FailRequest, FailureOf(mustFail(NewClient().Do(context.Background(), Request{URL: "not a url"}))))
}

func mustFail(_ []byte, err error) error {
	if err == nil {
		panic("no error")
	}
	return err
}

// TestClassifiersUnsupported: each service's way of saying it lacks a
// language (or model) is ErrUnsupported, never retried.
func TestClassifiersUnsupported(t *testing.T) {
	tests := []struct {
		name     string
		classify func(int, http.Header, []byte) (error, bool)
		status   int
		body     string
	}{
		{"apertium", apertiumClassify, 400, `{"status": "error", "code": 400, "message": "Bad Request", "explanation": "That pair is not installed"}`},
		{"libretranslate", libreClassify, 400, `{"error": "xx is not supported"}`},
		{"deepl", deeplClassify, 400, `{"message": "Value for 'target_lang' not supported."}`},
		{"google", googleClassify, 400, `{"error": {"code": 400, "message": "Bad language pair: en|xx", "errors": [{"message": "Bad language pair: en|xx", "domain": "global", "reason": "badRequest"}]}}`},
		{"azure", azureClassify, 400, `{"error": {"code": 400036, "message": "The target language is not valid."}}`},
		{"openai", openAIClassify, 404, `{"error": {"message": "The model 'x' does not exist", "type": "invalid_request_error", "param": null, "code": "model_not_found"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err, retry := tt.classify(tt.status, http.Header{}, []byte(tt.body))
			assert.False(t, retry)
			assert.ErrorIs(t, err, ErrUnsupported)
			assert.Equal(t, FailUnsupported, FailureOf(&Error{Backend: tt.name, Err: err}))
			assert.Contains(t, fmt.Sprint(err), "not offered by the service")
		})
	}
}
