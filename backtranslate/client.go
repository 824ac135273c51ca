package backtranslate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/go-resty/resty/v2"
)

// Translator translates many texts per call: one output per input, in
// order.
//
// Implementations in this package are safe for concurrent use. Translate
// never modifies texts; the returned slice is newly allocated and owned by
// the caller. When it fails, Translate returns no partial output and an
// error whose Soft method reports true (see Error), or the context's error
// when ctx is done.
type Translator interface {
	Translate(ctx context.Context, from, to string, texts []string) ([]string, error)
	// Name identifies backend and endpoint for cache keys and messages;
	// never a secret.
	Name() string
}

// ErrAuth says the service refused the credentials (HTTP 401 or 403).
// Requests that fail this way are not retried.
var ErrAuth = errors.New("backtranslate: authentication failed")

// ErrQuota says the account's quota is exhausted (DeepL's 456, OpenAI's
// insufficient_quota). Requests that fail this way are not retried.
var ErrQuota = errors.New("backtranslate: quota exhausted")

// ErrUnsupported says the service does not offer what was asked: a
// language pair, or (for OpenAI-compatible servers) a model. Requests that
// fail this way are not retried.
var ErrUnsupported = errors.New("backtranslate: not offered by the service")

// maxErrorBody is how much of a response body a StatusError keeps.
const maxErrorBody = 200

// StatusError reports a response with a status outside 2xx. Use
// errors.As with a *StatusError to inspect it.
type StatusError struct {
	Backend    string        // short backend name, e.g. "apertium"
	Status     int           // HTTP status code
	RetryAfter time.Duration // from the Retry-After header, 0 if absent
	// Body is the start of the response body: at most 200 bytes, white
	// space collapsed, with the request's secrets (Request.Redact) blanked.
	Body string
	// Err is ErrAuth, ErrQuota, ErrUnsupported or nil; errors.Is sees
	// through to it.
	Err error
}

func (e *StatusError) Error() string {
	var b strings.Builder
	b.WriteString("backtranslate: ")
	if e.Backend != "" {
		b.WriteString(e.Backend)
		b.WriteString(": ")
	}
	fmt.Fprintf(&b, "HTTP %d", e.Status)
	if t := http.StatusText(e.Status); t != "" {
		b.WriteString(" " + t)
	}
	if e.Err != nil {
		b.WriteString(" (" + strings.TrimPrefix(e.Err.Error(), "backtranslate: ") + ")")
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, ", retry after %v", e.RetryAfter)
	}
	if e.Body != "" {
		b.WriteString(": " + e.Body)
	}
	return b.String()
}

// Unwrap returns e.Err.
func (e *StatusError) Unwrap() error { return e.Err }

// Error wraps every failure of a translation: transport errors, statuses,
// malformed responses, wrong line counts. Its Soft method reports true, so
// textaug's Sampler and Mix report a shortfall for the row instead of
// stopping the run; a later run completes the row from where it stopped.
//
// Errors never contain secrets: URLs are shown without query or user
// information, and response bodies with the request's secrets blanked.
type Error struct {
	Backend string // short backend name, e.g. "apertium"
	Pivot   string // the pivot language being translated through, if known
	Err     error
}

func (e *Error) Error() string {
	prefix := "backtranslate: "
	msg := "translation failed"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), prefix)
	}
	if e.Backend != "" {
		msg = strings.TrimPrefix(msg, e.Backend+": ")
		prefix += e.Backend + ": "
	}
	if e.Pivot != "" {
		prefix += e.Pivot + ": "
	}
	return prefix + msg
}

// Unwrap returns e.Err.
func (e *Error) Unwrap() error { return e.Err }

// Soft reports true: a failed translation costs one row its variants, not
// the run.
func (e *Error) Soft() bool { return true }

// Client is the HTTP transport every backend uses. It bounds the requests
// in flight, limits requests and characters per second, retries with
// exponential backoff and full jitter, honours Retry-After, times out each
// attempt, caps response sizes, and stops at once when the context is done.
//
// A Client is safe for concurrent use, and should be shared by all
// backends talking to one service so that its limits hold for all of them.
// Its zero value is not usable: call NewClient.
type Client struct {
	rc          *resty.Client
	sem         chan struct{}
	reqs, chars *bucket
	retries     int
	base, max   time.Duration
	timeout     time.Duration
	maxResp     int64
	sleep       func(context.Context, time.Duration) error
	now         func() time.Time  // for tests
	jitter      func(int64) int64 // uniform in [0, n), for tests
	hc          *http.Client      // as given by WithHTTPClient, or nil
	conc        int               // requests in flight
	rps, cps    float64           // rate limits, 0 = none
}

// Option configures a Client.
type Option func(*Client)

// WithHTTPClient makes the Client send through hc (its Transport, Jar and
// redirect policy). The Client does not modify hc; hc.Timeout, if set,
// bounds each attempt in addition to WithTimeout.
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.hc = hc } }

// WithConcurrency sets the most requests in flight at once (default 4).
func WithConcurrency(n int) Option {
	return func(c *Client) {
		if n > 0 {
			c.conc = n
		}
	}
}

// WithRate limits requests per second and characters of text per second
// (Request.Chars); 0 means unlimited. Both are token buckets holding one
// second's worth; a request carrying more characters than that waits until
// the bucket would have refilled. Waits end early when the context is done.
func WithRate(requestsPerSec, charsPerSec float64) Option {
	return func(c *Client) { c.rps, c.cps = max(requestsPerSec, 0), max(charsPerSec, 0) }
}

// WithRetries sets how many times a failed attempt is retried (default 5);
// 0 means one attempt only.
func WithRetries(n int) Option {
	return func(c *Client) {
		if n >= 0 {
			c.retries = n
		}
	}
}

// WithBackoff sets the backoff before retry k (k = 0, 1, ...): uniform in
// [0, min(max, base·2^k)] (full jitter; defaults 250 ms and 30 s). A
// Retry-After header on 429 or 503, in seconds or as an HTTP date, replaces
// the jittered wait, capped by max.
func WithBackoff(base, max time.Duration) Option {
	return func(c *Client) {
		if base > 0 {
			c.base = base
		}
		if max > 0 {
			c.max = max
		}
	}
}

// WithTimeout bounds each attempt, body included (default 60 s).
func WithTimeout(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.timeout = d
		}
	}
}

// WithMaxResponse caps the size of a response body (default 16 MiB); a
// larger body is a permanent error.
func WithMaxResponse(bytes int64) Option {
	return func(c *Client) {
		if bytes > 0 {
			c.maxResp = bytes
		}
	}
}

// WithSleep replaces the function that waits between retries and for the
// rate limits, for tests with a fake clock. It must return ctx.Err() if ctx
// is done before d has passed.
func WithSleep(sleep func(context.Context, time.Duration) error) Option {
	return func(c *Client) {
		if sleep != nil {
			c.sleep = sleep
		}
	}
}

// NewClient returns a Client configured by opts.
func NewClient(opts ...Option) *Client {
	c := &Client{
		retries: 5,
		base:    250 * time.Millisecond,
		max:     30 * time.Second,
		timeout: 60 * time.Second,
		maxResp: 16 << 20,
		sleep:   sleepCtx,
		now:     time.Now,
		jitter:  rand.Int64N,
		conc:    4,
	}
	for _, o := range opts {
		o(c)
	}
	var hc http.Client
	if c.hc != nil {
		hc = *c.hc // resty fills in a nil Transport: never touch the caller's client
	}
	if hc.Transport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = max(c.conc, 2)
		hc.Transport = t
	}
	c.rc = resty.NewWithClient(&hc).
		SetLogger(quietLogger{}).
		SetHeader("User-Agent", "textaug-backtranslate").
		SetRetryCount(0)
	c.sem = make(chan struct{}, c.conc)
	if c.rps > 0 {
		c.reqs = newBucket(c.rps, c.now)
	}
	if c.cps > 0 {
		c.chars = newBucket(c.cps, c.now)
	}
	return c
}

// Request is one HTTP request as backends describe it to Client.Do.
type Request struct {
	Method, URL string
	Header      http.Header // secrets go here (or in Body), never in URL query strings that might be logged
	Body        []byte
	Chars       int // characters of text carried, for the chars/s limit
	// Classify maps a non-2xx response to an error; nil = default: 401/403
	// -> ErrAuth (no retry); 408, 429, 5xx -> retryable StatusError; others
	// -> permanent StatusError. Return (err, retry). A *StatusError it
	// returns gets Backend, Status and RetryAfter filled in where zero.
	Classify func(status int, header http.Header, body []byte) (err error, retry bool)

	// Backend names the backend in errors (e.g. "apertium"); if empty, the
	// URL's host.
	Backend string
	// Redact lists secrets (API keys) to blank out of anything that could
	// reach an error message, such as a response body echoing the key.
	Redact []string
}

// Do sends one request under the policy above: retries network errors,
// timeouts, truncated bodies and retryable statuses; stops at once when ctx
// is done. It returns the 2xx body, which the caller owns.
//
// A failure is returned as an *Error (Soft). When ctx is done, Do returns
// an error wrapping ctx.Err() that is not an *Error: the caller stopped,
// the translation did not fail.
func (c *Client) Do(ctx context.Context, req Request) ([]byte, error) {
	backend := req.Backend
	u, perr := url.Parse(req.URL)
	if backend == "" && perr == nil {
		backend = u.Host
	}
	fail := func(err error) error { return &Error{Backend: backend, Err: err} }
	if perr != nil || u.Scheme == "" || u.Host == "" {
		return nil, fail(fmt.Errorf("%w %q", errBadURL, redactURL(req.URL)))
	}
	method := req.Method
	if method == "" {
		method = http.MethodGet
		if req.Body != nil {
			method = http.MethodPost
		}
	}
	classify := req.Classify
	if classify == nil {
		classify = DefaultClassify
	}
	for attempt := 0; ; attempt++ {
		if err := c.wait(ctx, req.Chars); err != nil {
			return nil, stopped(backend, err)
		}
		status, header, body, err := c.attempt(ctx, method, req)
		if ctx.Err() != nil {
			return nil, stopped(backend, ctx.Err())
		}
		var retry bool
		var after time.Duration
		switch {
		case err != nil:
			err = scrub(err, req.Redact)
			retry = !errors.Is(err, errTooLarge)
		case status >= 200 && status < 300:
			return body, nil
		default:
			after = retryAfter(status, header, c.now())
			err, retry = classify(status, header, body)
			if err == nil {
				err = &StatusError{Status: status}
			}
			var se *StatusError
			if errors.As(err, &se) {
				if se.Backend == "" {
					se.Backend = backend
				}
				if se.Status == 0 {
					se.Status = status
				}
				if se.RetryAfter == 0 {
					se.RetryAfter = after
				}
				if se.Body == "" {
					se.Body = trimBody(body, req.Redact)
				} else {
					se.Body = redact(se.Body, req.Redact)
				}
			}
		}
		if !retry || attempt >= c.retries {
			if retry {
				err = &gaveUp{err: err, attempts: attempt + 1}
			}
			return nil, fail(err)
		}
		if err := c.sleep(ctx, c.backoff(attempt, after)); err != nil {
			return nil, stopped(backend, err)
		}
	}
}

// DefaultClassify is the Classify used when a Request has none: 401 and 403
// are ErrAuth (not retried); 408, 429 and 5xx are retried; other statuses
// are permanent. Backends with their own codes (DeepL's 456) call it for
// the statuses they do not handle.
func DefaultClassify(status int, _ http.Header, _ []byte) (error, bool) {
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		return &StatusError{Status: status, Err: ErrAuth}, false
	case status == http.StatusRequestTimeout || status == http.StatusTooManyRequests || status >= 500:
		return &StatusError{Status: status}, true
	default:
		return &StatusError{Status: status}, false
	}
}

var (
	errTooLarge = errors.New("response too large")
	errTimeout  = errors.New("timeout")
	errBadURL   = errors.New("invalid URL")
)

// gaveUp wraps the last error of a request that was retried as long as
// allowed (or not at all, with no retries): a failure that a later run may
// not meet. See Transient.
type gaveUp struct {
	err      error
	attempts int
}

func (e *gaveUp) Error() string {
	if e.attempts > 1 {
		return fmt.Sprintf("%v (gave up after %d attempts)", e.err, e.attempts)
	}
	return e.err.Error()
}

func (e *gaveUp) Unwrap() error { return e.err }

// attempt sends req once, holding a concurrency slot, and reads the whole
// body under the per-attempt timeout.
func (c *Client) attempt(ctx context.Context, method string, req Request) (int, http.Header, []byte, error) {
	select {
	case c.sem <- struct{}{}:
	case <-ctx.Done():
		return 0, nil, nil, ctx.Err()
	}
	defer func() { <-c.sem }()
	actx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	r := c.rc.R().SetContext(actx).SetDoNotParseResponse(true)
	for k, vs := range req.Header {
		r.Header[k] = append([]string(nil), vs...)
	}
	if req.Body != nil {
		r.SetBody(req.Body)
	}
	resp, err := r.Execute(method, req.URL)
	if err != nil {
		if resp != nil && resp.RawBody() != nil {
			resp.RawBody().Close()
		}
		return 0, nil, nil, c.transportErr(ctx, actx, err)
	}
	raw := resp.RawBody()
	defer raw.Close()
	body, err := io.ReadAll(io.LimitReader(raw, c.maxResp+1))
	if err != nil {
		return 0, nil, nil, c.transportErr(ctx, actx, fmt.Errorf("reading response: %w", err))
	}
	if int64(len(body)) > c.maxResp {
		return 0, nil, nil, fmt.Errorf("%w: over %d bytes", errTooLarge, c.maxResp)
	}
	return resp.StatusCode(), resp.Header(), body, nil
}

// transportErr names per-attempt timeouts and hides URLs' secrets.
func (c *Client) transportErr(ctx, actx context.Context, err error) error {
	if ctx.Err() == nil && actx.Err() == context.DeadlineExceeded {
		return fmt.Errorf("%w after %v", errTimeout, c.timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		ue.URL = redactURL(ue.URL)
	}
	return err
}

// wait takes one request and chars characters from the rate limits.
func (c *Client) wait(ctx context.Context, chars int) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if c.reqs != nil {
		if err := c.reqs.take(ctx, 1, c.sleep); err != nil {
			return err
		}
	}
	if c.chars != nil && chars > 0 {
		if err := c.chars.take(ctx, float64(chars), c.sleep); err != nil {
			return err
		}
	}
	return nil
}

// backoff is the wait before retry number attempt (from 0).
func (c *Client) backoff(attempt int, retryAfter time.Duration) time.Duration {
	if retryAfter > 0 {
		return min(retryAfter, c.max)
	}
	d := c.max
	if attempt < 62 {
		if e := c.base << attempt; e > 0 && e < c.max {
			d = e
		}
	}
	return time.Duration(c.jitter(int64(d) + 1))
}

// concurrency reports the most requests in flight, for backends that fan
// batches out.
func (c *Client) concurrency() int { return c.conc }

// retryAfter reads Retry-After on 429 and 503: delay-seconds or an HTTP
// date.
func retryAfter(status int, h http.Header, now time.Time) time.Duration {
	if status != http.StatusTooManyRequests && status != http.StatusServiceUnavailable {
		return 0
	}
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil {
		if n <= 0 {
			return 0
		}
		return time.Duration(min(n, 1e6) * float64(time.Second))
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

func stopped(backend string, err error) error {
	if backend == "" {
		return fmt.Errorf("backtranslate: %w", err)
	}
	return fmt.Errorf("backtranslate: %s: %w", backend, err)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// trimBody keeps the start of an error body for messages: white space
// collapsed, secrets blanked, at most maxErrorBody bytes of valid UTF-8.
func trimBody(body []byte, secrets []string) string {
	s := strings.Join(strings.Fields(string(bytes.ToValidUTF8(body, []byte("?")))), " ")
	s = redact(s, secrets)
	if len(s) > maxErrorBody {
		cut := maxErrorBody
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func redact(s string, secrets []string) string {
	for _, k := range secrets {
		if k != "" {
			s = strings.ReplaceAll(s, k, "[redacted]")
		}
	}
	return s
}

// scrub blanks secrets out of a transport error's message.
func scrub(err error, secrets []string) error {
	if err == nil || len(secrets) == 0 {
		return err
	}
	if msg := err.Error(); redact(msg, secrets) != msg {
		return errors.New(redact(msg, secrets))
	}
	return err
}

// redactURL drops user information and the query from a URL for messages.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		if i := strings.IndexAny(raw, "?@"); i >= 0 {
			return raw[:i] + "…"
		}
		return raw
	}
	u.User = nil
	if u.RawQuery != "" {
		u.RawQuery = "…"
	}
	u.Fragment = ""
	return u.String()
}

// bucket is a token bucket holding one second's worth of tokens. take
// reserves tokens at once and then waits out any debt, so large takes are
// served in order rather than starved.
type bucket struct {
	mu     sync.Mutex
	rate   float64
	burst  float64
	tokens float64
	last   time.Time
	now    func() time.Time
}

func newBucket(rate float64, now func() time.Time) *bucket {
	b := max(rate, 1)
	return &bucket{rate: rate, burst: b, tokens: b, last: now(), now: now}
}

func (b *bucket) take(ctx context.Context, n float64, sleep func(context.Context, time.Duration) error) error {
	b.mu.Lock()
	now := b.now()
	if el := now.Sub(b.last).Seconds(); el > 0 {
		b.tokens = min(b.burst, b.tokens+el*b.rate)
		b.last = now
	}
	b.tokens -= n
	var d time.Duration
	if b.tokens < 0 {
		d = time.Duration(-b.tokens / b.rate * float64(time.Second))
	}
	b.mu.Unlock()
	if d <= 0 {
		return nil
	}
	if err := sleep(ctx, d); err != nil {
		b.mu.Lock()
		b.tokens += n // give back what was not used
		b.mu.Unlock()
		return err
	}
	return nil
}

// quietLogger keeps resty silent: library code never logs.
type quietLogger struct{}

func (quietLogger) Errorf(string, ...any) {}
func (quietLogger) Warnf(string, ...any)  {}
func (quietLogger) Debugf(string, ...any) {}
