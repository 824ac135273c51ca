package backtranslate

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// server answers with handler and counts requests.
func server(t *testing.T, handler func(n int, w http.ResponseWriter, r *http.Request)) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler(int(n.Add(1)), w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestDoSendsRequest(t *testing.T) {
	srv, n := server(t, func(_ int, w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		assert.Equal(t, http.MethodPost, r.Method)
		assert.Equal(t, "/x", r.URL.Path)
		assert.Equal(t, "k", r.Header.Get("X-Key"))
		assert.Equal(t, "payload", string(body))
		w.Write([]byte("ok"))
	})
	c := NewClient()
	got, err := c.Do(context.Background(), Request{URL: srv.URL + "/x", Header: http.Header{"X-Key": {"k"}}, Body: []byte("payload")})
	require.NoError(t, err)
	assert.Equal(t, "ok", string(got))
	assert.EqualValues(t, 1, n.Load())
}

func TestDoRetries(t *testing.T) {
	date := time.Now().Add(3 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name      string
		fail      func(w http.ResponseWriter) // the failing answer, twice
		wantWait  func(t *testing.T, waits []time.Duration)
		wantInErr string
	}{
		{
			name: "429 with Retry-After in seconds is honoured",
			fail: func(w http.ResponseWriter) {
				w.Header().Set("Retry-After", "7")
				w.WriteHeader(http.StatusTooManyRequests)
			},
			wantWait: func(t *testing.T, waits []time.Duration) {
				assert.Equal(t, []time.Duration{time.Second, time.Second}, waits, "7 s capped by max (1 s)")
			},
			wantInErr: "HTTP 429 Too Many Requests, retry after 7s",
		},
		{
			name: "503 with Retry-After as HTTP date",
			fail: func(w http.ResponseWriter) {
				w.Header().Set("Retry-After", date)
				w.WriteHeader(http.StatusServiceUnavailable)
			},
			wantWait: func(t *testing.T, waits []time.Duration) {
				for _, d := range waits {
					assert.InDelta(t, time.Second, d, float64(10*time.Millisecond), "capped by max")
				}
			},
			wantInErr: "HTTP 503",
		},
		{
			name: "5xx burst backs off with jitter",
			fail: func(w http.ResponseWriter) { http.Error(w, "upstream broke", http.StatusBadGateway) },
			wantWait: func(t *testing.T, waits []time.Duration) {
				for k, d := range waits {
					assert.LessOrEqual(t, d, 10*time.Millisecond<<k, "full jitter within base·2^k")
				}
			},
			wantInErr: "HTTP 502 Bad Gateway: upstream broke",
		},
		{
			name: "truncated body",
			fail: func(w http.ResponseWriter) {
				hijack(w, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"partial", false)
			},
			wantInErr: "unexpected EOF",
		},
		{
			name:      "connection reset",
			fail:      func(w http.ResponseWriter) { hijack(w, "", true) },
			wantInErr: "backtranslate: test: ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Run("recovers", func(t *testing.T) {
				srv, n := server(t, func(n int, w http.ResponseWriter, _ *http.Request) {
					if n <= 2 {
						tt.fail(w)
						return
					}
					w.Write([]byte("fine"))
				})
				var s fakeSleep
				got, err := testClient(&s).Do(context.Background(), Request{URL: srv.URL, Backend: "test"})
				require.NoError(t, err)
				assert.Equal(t, "fine", string(got))
				assert.EqualValues(t, 3, n.Load())
				assert.Len(t, s.all(), 2)
				if tt.wantWait != nil {
					tt.wantWait(t, s.all())
				}
			})
			t.Run("gives up", func(t *testing.T) {
				srv, n := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) { tt.fail(w) })
				var s fakeSleep
				_, err := testClient(&s).Do(context.Background(), Request{URL: srv.URL, Backend: "test"})
				require.Error(t, err)
				assert.EqualValues(t, 4, n.Load(), "1 attempt + 3 retries")
				var e *Error
				require.ErrorAs(t, err, &e)
				assert.True(t, e.Soft())
				assert.Contains(t, err.Error(), tt.wantInErr)
				assert.Contains(t, err.Error(), "gave up after 4 attempts")
				assert.True(t, strings.HasPrefix(err.Error(), "backtranslate: test: "), err.Error())
			})
		})
	}
}

func TestDoPermanentErrors(t *testing.T) {
	tests := []struct {
		name     string
		status   int
		classify func(int, http.Header, []byte) (error, bool)
		wantIs   error
	}{
		{"401 is ErrAuth", http.StatusUnauthorized, nil, ErrAuth},
		{"403 is ErrAuth", http.StatusForbidden, nil, ErrAuth},
		{"400 is permanent", http.StatusBadRequest, nil, nil},
		{"456 classified as quota", 456, func(s int, h http.Header, b []byte) (error, bool) {
			if s == 456 {
				return &StatusError{Err: ErrQuota}, false
			}
			return DefaultClassify(s, h, b)
		}, ErrQuota},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, n := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
				http.Error(w, "no", tt.status)
			})
			var s fakeSleep
			_, err := testClient(&s).Do(context.Background(), Request{URL: srv.URL, Backend: "b", Classify: tt.classify})
			require.Error(t, err)
			assert.EqualValues(t, 1, n.Load(), "not retried")
			var se *StatusError
			require.ErrorAs(t, err, &se)
			assert.Equal(t, tt.status, se.Status)
			assert.Equal(t, "b", se.Backend)
			assert.Equal(t, "no", se.Body)
			if tt.wantIs != nil {
				assert.ErrorIs(t, err, tt.wantIs)
			}
			assert.True(t, isSoft(err))
		})
	}
}

func TestDoTimeout(t *testing.T) {
	srv, n := server(t, func(n int, w http.ResponseWriter, r *http.Request) {
		if n == 1 {
			select {
			case <-time.After(5 * time.Second):
			case <-r.Context().Done():
			}
			return
		}
		w.Write([]byte("late but fine"))
	})
	var s fakeSleep
	got, err := testClient(&s, WithTimeout(100*time.Millisecond)).Do(context.Background(), Request{URL: srv.URL})
	require.NoError(t, err)
	assert.Equal(t, "late but fine", string(got))
	assert.EqualValues(t, 2, n.Load())

	srv2, _ := server(t, func(_ int, w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	_, err = testClient(&s, WithTimeout(50*time.Millisecond), WithRetries(1)).Do(context.Background(), Request{URL: srv2.URL, Backend: "slow"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "backtranslate: slow: timeout after 50ms")
	assert.True(t, isSoft(err))
}

func TestDoMaxResponse(t *testing.T) {
	srv, n := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(strings.Repeat("x", 2048)))
	})
	var s fakeSleep
	_, err := testClient(&s, WithMaxResponse(1024)).Do(context.Background(), Request{URL: srv.URL})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "response too large")
	assert.EqualValues(t, 1, n.Load(), "a too-large body is not retried")

	got, err := testClient(&s, WithMaxResponse(2048)).Do(context.Background(), Request{URL: srv.URL})
	require.NoError(t, err)
	assert.Len(t, got, 2048, "exactly the cap is allowed")
}

func TestDoStopsWhenContextDone(t *testing.T) {
	srv, n := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	c := NewClient(WithBackoff(time.Second, time.Minute)) // real sleep
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, Request{URL: srv.URL, Backend: "b"})
	assert.Less(t, time.Since(start), 5*time.Second)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.False(t, isSoft(err), "the caller stopped: not a failed translation")
	assert.EqualValues(t, 1, n.Load())

	ctx, cancel = context.WithCancel(context.Background())
	cancel()
	_, err = c.Do(ctx, Request{URL: srv.URL})
	assert.ErrorIs(t, err, context.Canceled)
	assert.EqualValues(t, 1, n.Load(), "no request once cancelled")
}

func TestDoConcurrencyLimit(t *testing.T) {
	var in, peak atomic.Int32
	srv, _ := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		cur := in.Add(1)
		for {
			p := peak.Load()
			if cur <= p || peak.CompareAndSwap(p, cur) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		in.Add(-1)
		w.Write([]byte("ok"))
	})
	c := NewClient(WithConcurrency(3))
	var wg sync.WaitGroup
	for range 12 {
		wg.Go(func() {
			_, err := c.Do(context.Background(), Request{URL: srv.URL})
			assert.NoError(t, err)
		})
	}
	wg.Wait()
	assert.EqualValues(t, 3, peak.Load())
}

func TestBucket(t *testing.T) {
	now := time.Unix(0, 0)
	clock := func() time.Time { return now }
	var s fakeSleep
	b := newBucket(10, clock) // 10/s, holds 10
	for range 10 {
		require.NoError(t, b.take(context.Background(), 1, s.sleep))
	}
	assert.Empty(t, s.all(), "a full bucket serves a burst without waiting")
	require.NoError(t, b.take(context.Background(), 1, s.sleep))
	require.NoError(t, b.take(context.Background(), 1, s.sleep))
	assert.Equal(t, []time.Duration{100 * time.Millisecond, 200 * time.Millisecond}, s.all(), "debts queue up in order")

	now = now.Add(time.Hour)
	s = fakeSleep{}
	require.NoError(t, b.take(context.Background(), 25, s.sleep))
	assert.Equal(t, []time.Duration{1500 * time.Millisecond}, s.all(), "a take larger than the bucket waits for the rest")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	assert.ErrorIs(t, b.take(ctx, 5, s.sleep), context.Canceled)
}

func TestDoRateLimits(t *testing.T) {
	srv, _ := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	var s fakeSleep
	c := testClient(&s, WithRate(0, 100))
	now := time.Unix(0, 0)
	c.now = func() time.Time { return now }
	c.chars = newBucket(100, c.now)
	for range 3 {
		_, err := c.Do(context.Background(), Request{URL: srv.URL, Chars: 100})
		require.NoError(t, err)
	}
	assert.Equal(t, []time.Duration{time.Second, 2 * time.Second}, s.all(), "100 chars/s: second and third 100-char requests wait")
}

func TestSecretsNeverInErrors(t *testing.T) {
	const key = "sk-SECRET-123"
	srv, _ := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		http.Error(w, `{"error":"invalid key `+key+`"}`, http.StatusForbidden)
	})
	var s fakeSleep
	c := testClient(&s)
	_, err := c.Do(context.Background(), Request{URL: srv.URL, Header: http.Header{"Authorization": {key}}, Redact: []string{key}})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), key)
	assert.Contains(t, err.Error(), "[redacted]")

	// Transport errors name the URL without query or user information.
	_, err = c.Do(context.Background(), Request{URL: "http://user:" + key + "@127.0.0.1:1/x?key=" + key, Backend: "b"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), key)
}

func TestStatusErrorBodyTrimmed(t *testing.T) {
	srv, _ := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) {
		http.Error(w, strings.Repeat("é", 300), http.StatusBadRequest)
	})
	var s fakeSleep
	_, err := testClient(&s).Do(context.Background(), Request{URL: srv.URL})
	var se *StatusError
	require.ErrorAs(t, err, &se)
	assert.LessOrEqual(t, len(se.Body), maxErrorBody+len("…"))
	assert.True(t, strings.HasSuffix(se.Body, "é…"), "cut on a rune boundary")
}

func TestWithHTTPClientNotModified(t *testing.T) {
	srv, _ := server(t, func(_ int, w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok")) })
	hc := &http.Client{}
	_, err := NewClient(WithHTTPClient(hc)).Do(context.Background(), Request{URL: srv.URL})
	require.NoError(t, err)
	assert.Nil(t, hc.Transport)

	var used atomic.Bool
	hc = &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		used.Store(true)
		return http.DefaultTransport.RoundTrip(r)
	})}
	_, err = NewClient(WithHTTPClient(hc)).Do(context.Background(), Request{URL: srv.URL})
	require.NoError(t, err)
	assert.True(t, used.Load(), "the injected client's transport carries the request")
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestDoInvalidURL(t *testing.T) {
	_, err := NewClient().Do(context.Background(), Request{URL: "not a url?key=secret"})
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "secret")
	assert.True(t, isSoft(err))
}

func TestErrorMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&Error{Backend: "apertium", Pivot: "spa", Err: errors.New("boom")}, "backtranslate: apertium: spa: boom"},
		{&Error{Backend: "deepl", Err: &StatusError{Backend: "deepl", Status: 456, Err: ErrQuota}}, "backtranslate: deepl: HTTP 456 (quota exhausted)"},
		{&Error{Backend: "x", Err: &StatusError{Backend: "x", Status: 401, Err: ErrAuth, Body: "bad key"}}, "backtranslate: x: HTTP 401 Unauthorized (authentication failed): bad key"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.err.Error())
	}
}
