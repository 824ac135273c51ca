package backtranslate

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// recorder is a Translator that records its calls; eng→X wraps a text in
// "X(...)" and X→eng unwraps it, adding " via X".
type recorder struct {
	mu    sync.Mutex
	calls []string // "from>to:n"
	fail  error
}

func (r *recorder) Name() string { return "recorder" }

func (r *recorder) Translate(_ context.Context, from, to string, texts []string) ([]string, error) {
	r.mu.Lock()
	r.calls = append(r.calls, from+">"+to+":"+strings.Repeat("x", len(texts)))
	r.mu.Unlock()
	if r.fail != nil {
		return nil, r.fail
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		if to == "eng" {
			out[i] = strings.TrimSuffix(strings.TrimPrefix(t, from+"("), ")") + " via " + from
		} else {
			out[i] = to + "(" + t + ")"
		}
	}
	return out, nil
}

func (r *recorder) n() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.calls)
}

func TestRoundTripPrepare(t *testing.T) {
	rec := &recorder{}
	rt := RoundTrip{Translator: rec, Source: "eng", Pivots: []string{"spa", "cat", "fra"}}
	draw, err := rt.Prepare(context.Background(), "hello")
	require.NoError(t, err)
	assert.Equal(t, 6, rec.n(), "there and back for each pivot")

	seen := map[string][]string{}
	r := rand.New(rand.NewPCG(1, 2))
	for range 60 {
		text, ops := draw(r)
		seen[text] = ops
	}
	assert.Equal(t, map[string][]string{
		"hello via spa": {"backtranslate:spa"},
		"hello via cat": {"backtranslate:cat"},
		"hello via fra": {"backtranslate:fra"},
	}, seen, "each pivot gives its own variant")

	a, _ := draw(rand.New(rand.NewPCG(7, 7)))
	b, _ := draw(rand.New(rand.NewPCG(7, 7)))
	assert.Equal(t, a, b, "the draw depends only on r")

	_, ops := draw(r)
	ops[0] = "changed"
	_, ops2 := draw(r)
	assert.NotEqual(t, "changed", ops2[0], "each draw returns its own ops")
}

func TestRoundTripChain(t *testing.T) {
	rec := &recorder{}
	rt := RoundTrip{Translator: rec, Source: "eng", Pivots: []string{"spa", "cat"}, Chain: true}
	draw, err := rt.Prepare(context.Background(), "hi")
	require.NoError(t, err)
	text, ops := draw(rand.New(rand.NewPCG(1, 1)))
	assert.Equal(t, []string{"eng>spa:x", "spa>cat:x", "cat>eng:x"}, rec.calls)
	assert.Equal(t, "spa(hi) via cat", text)
	assert.Equal(t, []string{"backtranslate:spa>cat"}, ops)
}

func TestRoundTripReturnsUnchangedBackTranslation(t *testing.T) {
	same := translatorFunc(func(_ context.Context, _, _ string, texts []string) ([]string, error) {
		return append([]string(nil), texts...), nil
	})
	draw, err := RoundTrip{Translator: same, Source: "eng", Pivots: []string{"spa"}}.Prepare(context.Background(), "a  b")
	require.NoError(t, err)
	text, ops := draw(rand.New(rand.NewPCG(1, 1)))
	assert.Equal(t, "a  b", text, "the Sampler, not RoundTrip, rejects it")
	assert.Equal(t, []string{"backtranslate:spa"}, ops)
}

type translatorFunc func(ctx context.Context, from, to string, texts []string) ([]string, error)

func (f translatorFunc) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	return f(ctx, from, to, texts)
}
func (translatorFunc) Name() string { return "func" }

func TestRoundTripPrefetchThenPrepare(t *testing.T) {
	rec := &recorder{}
	rt := RoundTrip{Translator: Cached(rec, nil, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
	texts := sentences(300) // ~14,000 characters
	texts = append(texts, texts[0], " ")
	require.NoError(t, rt.Prefetch(context.Background(), texts))
	calls := rec.n()
	assert.Equal(t, 2*2*6, calls, "6 batches of ≤50 texts (the default limits), there and back, per pivot")
	for _, s := range texts[:300] {
		draw, err := rt.Prepare(context.Background(), s)
		require.NoError(t, err)
		text, _ := draw(rand.New(rand.NewPCG(1, 1)))
		assert.True(t, strings.HasPrefix(text, s+" via "), text)
	}
	assert.Equal(t, calls, rec.n(), "Prepare after Prefetch makes no request")
}

func TestRoundTripErrors(t *testing.T) {
	t.Run("failure is soft and located", func(t *testing.T) {
		f := newFakeAPy(t)
		f.setFault(func(_ int, w http.ResponseWriter, r *http.Request) bool {
			r.ParseForm()
			if strings.HasSuffix(r.PostForm.Get("langpair"), "|cat") {
				w.WriteHeader(http.StatusServiceUnavailable)
				w.Write([]byte(`{"status": "error", "code": 503, "message": "Service Unavailable", "explanation": "internal error"}`))
				return true
			}
			return false
		})
		rt := RoundTrip{Translator: Cached(NewApertium(f.srv.URL, testClient(&fakeSleep{}, WithRetries(1))), nil, ""), Source: "eng", Pivots: []string{"spa", "cat"}}
		_, err := rt.Prepare(context.Background(), "hello")
		require.Error(t, err)
		assert.Equal(t, "backtranslate: apertium: cat: HTTP 503 Service Unavailable: Service Unavailable: internal error (gave up after 2 attempts)", err.Error())
		assert.True(t, isSoft(err))
		var se *StatusError
		assert.ErrorAs(t, err, &se)

		err = rt.Prefetch(context.Background(), []string{"a", "b"})
		assert.Equal(t, "backtranslate: apertium: cat: HTTP 503 Service Unavailable: Service Unavailable: internal error (gave up after 2 attempts)", err.Error())
		_, err = RoundTrip{Translator: rt.Translator, Source: "eng", Pivots: []string{"spa"}}.Prepare(context.Background(), "a")
		assert.NoError(t, err, "the spa half of the failed Prefetch was kept")
	})
	t.Run("foreign translator errors become soft", func(t *testing.T) {
		rt := RoundTrip{Translator: &recorder{fail: errors.New("mine broke")}, Source: "eng", Pivots: []string{"spa"}}
		_, err := rt.Prepare(context.Background(), "x")
		assert.Equal(t, "backtranslate: recorder: spa: mine broke", err.Error())
		assert.True(t, isSoft(err))
	})
	t.Run("cancelled is not soft", func(t *testing.T) {
		f := newFakeAPy(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		rt := RoundTrip{Translator: Cached(NewApertium(f.srv.URL, nil), nil, ""), Source: "eng", Pivots: []string{"spa"}}
		_, err := rt.Prepare(ctx, "x")
		assert.ErrorIs(t, err, context.Canceled)
		assert.False(t, isSoft(err))
		assert.Equal(t, 0, f.count())
	})
	t.Run("configuration", func(t *testing.T) {
		for _, rt := range []RoundTrip{
			{Source: "eng", Pivots: []string{"spa"}},
			{Translator: &recorder{}, Pivots: []string{"spa"}},
			{Translator: &recorder{}, Source: "eng"},
			{Translator: &recorder{}, Source: "eng", Pivots: []string{"eng"}},
		} {
			_, err := rt.Prepare(context.Background(), "x")
			assert.Error(t, err)
			assert.False(t, isSoft(err), "a configuration error stops the run")
		}
	})
}
