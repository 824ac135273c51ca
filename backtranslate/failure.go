package backtranslate

import (
	"errors"
	"net"
	"net/http"
)

// Failure is the kind of a failed translation or probe, for reports: what
// went wrong in a word, and whether a later run can do better (Transient).
type Failure int

// The kinds of failure. Network errors, timeouts, rate limits and server
// errors are transient: the request was retried as long as the Client
// allows, and a later run may well succeed. The others are permanent: a
// re-run meets them again until the URL, the key, the quota, the languages
// or the service are fixed.
const (
	// FailUnknown: nil, the caller's own cancellation, or an error this
	// package did not make.
	FailUnknown Failure = iota
	// FailNetwork: the service could not be reached or dropped the
	// connection (refused, reset, DNS, TLS, truncated body).
	FailNetwork
	// FailTimeout: no answer in time (per-attempt timeout, HTTP 408).
	FailTimeout
	// FailRateLimit: the service asked to slow down (HTTP 429, Google's
	// rate-limit 403).
	FailRateLimit
	// FailServer: the service failed (HTTP 5xx).
	FailServer
	// FailAuth: the credentials were refused (ErrAuth).
	FailAuth
	// FailQuota: the account's quota is exhausted (ErrQuota).
	FailQuota
	// FailNotFound: HTTP 404, so the URL does not point at the service.
	FailNotFound
	// FailUnsupported: the service does not offer a language pair or a
	// model (ErrUnsupported).
	FailUnsupported
	// FailRequest: any other refusal (HTTP 4xx), or a URL that is not one.
	FailRequest
	// FailResponse: an answer that cannot be used: malformed, too large,
	// empty, or with the wrong number of translations.
	FailResponse
)

var failureNames = [...]string{
	FailUnknown:     "unknown failure",
	FailNetwork:     "network error",
	FailTimeout:     "timeout",
	FailRateLimit:   "rate limited",
	FailServer:      "server error",
	FailAuth:        "authentication refused",
	FailQuota:       "quota exhausted",
	FailNotFound:    "not found",
	FailUnsupported: "not offered by the service",
	FailRequest:     "request refused",
	FailResponse:    "unusable response",
}

// String names the kind in a few words, such as "server error".
func (f Failure) String() string {
	if f < 0 || int(f) >= len(failureNames) {
		return failureNames[FailUnknown]
	}
	return failureNames[f]
}

// Transient reports whether a later run may succeed where this one failed:
// true for FailNetwork, FailTimeout, FailRateLimit and FailServer.
func (f Failure) Transient() bool {
	switch f {
	case FailNetwork, FailTimeout, FailRateLimit, FailServer:
		return true
	}
	return false
}

// FailureOf classifies an error returned by a Translator of this package
// (or by RoundTrip, Cached, Probe): see Failure. Errors of the caller's own
// cancellation, and errors from elsewhere, are FailUnknown.
func FailureOf(err error) Failure {
	if err == nil {
		return FailUnknown
	}
	var pe *ProbeError
	if errors.As(err, &pe) {
		return pe.Failure
	}
	var se *StatusError
	status := 0
	if errors.As(err, &se) {
		status = se.Status
	}
	var g *gaveUp
	if errors.As(err, &g) {
		return retriedFailure(err, status)
	}
	switch {
	case errors.Is(err, ErrAuth):
		return FailAuth
	case errors.Is(err, ErrQuota):
		return FailQuota
	case errors.Is(err, ErrUnsupported):
		return FailUnsupported
	case status == http.StatusNotFound:
		return FailNotFound
	case status != 0, errors.Is(err, errBadURL):
		return FailRequest
	}
	var e *Error
	if errors.As(err, &e) {
		return FailResponse
	}
	return FailUnknown
}

// retriedFailure classifies an error that was retried until the Client
// gave up; status is its HTTP status, 0 if none.
func retriedFailure(err error, status int) Failure {
	var ne net.Error
	switch {
	case status >= 500:
		return FailServer
	case status == http.StatusRequestTimeout:
		return FailTimeout
	case status != 0:
		return FailRateLimit
	case errors.Is(err, errTimeout), errors.As(err, &ne) && ne.Timeout():
		return FailTimeout
	}
	return FailNetwork
}

// Transient reports whether a later run may succeed where err failed: see
// Failure.Transient. A caller uses it to decide whether to suggest a
// re-run (which completes the rows from the cache) or a fix.
func Transient(err error) bool { return FailureOf(err).Transient() }
