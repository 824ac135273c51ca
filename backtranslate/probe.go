package backtranslate

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Prober is implemented by Translators that can check their service before
// a run sends it any text: that it answers at the URL, accepts the
// credentials, and translates every direction the run needs. Every backend
// in this package is a Prober, and so is a Cached one.
//
// Probe returns nil when all is well; a *ProbeError saying what to fix
// when not; or an error wrapping ctx.Err() when ctx is done. Probing sends
// at most a few small requests through the Translator's Client (so with
// its retries), and never touches a Cache.
type Prober interface {
	Probe(ctx context.Context, pairs []Pair) error
}

// Probe checks t's service for the directions in pairs, in the language
// codes given to Translate; see Prober. A Translator that is not a Prober
// (one written by the caller) is not checked: Probe returns nil.
//
// What each backend checks:
//
//   - Apertium: /listPairs holds every direction.
//   - LibreTranslate: /languages offers every direction, and one
//     one-word /translate is accepted (which checks the key).
//   - DeepL: /v2/languages (source and target) hold every language; the
//     request checks the key.
//   - Google: /language/translate/v2/languages holds every language; the
//     request checks the key.
//   - Azure: /languages holds every language, and one one-word /translate
//     is accepted (which checks the key and region).
//   - OpenAI-compatible: /models lists the model (the request checks the
//     key); a server without /models gets one one-line chat request
//     instead. Any language is taken to be offered.
//   - Template: one one-word request per direction is accepted and
//     answered in the configured shape.
func Probe(ctx context.Context, t Translator, pairs []Pair) error {
	p, ok := t.(Prober)
	if !ok || len(pairs) == 0 {
		return nil
	}
	return p.Probe(ctx, pairs)
}

// Pairs returns the directions rt translates, in the order it first takes
// them: Source to each pivot and back, or along the chain and back.
func (rt RoundTrip) Pairs() ([]Pair, error) {
	ps, err := rt.paths()
	if err != nil {
		return nil, err
	}
	var out []Pair
	for _, p := range ps {
		from := rt.Source
		for _, to := range p.steps {
			if pr := (Pair{from, to}); !slices.Contains(out, pr) {
				out = append(out, pr)
			}
			from = to
		}
	}
	return out, nil
}

// Probe checks, before any text is sent, that rt's Translator can make
// every round trip rt needs (see Probe and Prober).
func (rt RoundTrip) Probe(ctx context.Context) error {
	pairs, err := rt.Pairs()
	if err != nil {
		return err
	}
	return Probe(ctx, rt.Translator, pairs)
}

// probeWord is the text of the one-word requests probes send.
const probeWord = "Hello"

// ProbeError says why a translation service cannot do what a run needs,
// and what to fix. It is never Soft: a run cannot go on without the
// service. Use FailureOf, or the Failure field, to tell a transient failure
// (try again later) from a permanent one (fix the URL, key or languages).
type ProbeError struct {
	Backend string  // short backend name, e.g. "apertium"
	URL     string  // the endpoint asked, without user information or query
	Failure Failure // what kind of failure
	// Missing names what the service lacks, for FailUnsupported:
	// directions as "eng>deu" in the service's codes, or a model.
	Missing []string
	// Offers names what the service has instead, sorted: for a missing
	// direction the pivots it offers both ways from the source language,
	// for a missing model its models.
	Offers []string
	// Err is the failed request; nil when the service answered but lacks
	// something (FailUnsupported).
	Err error

	model bool // Missing names a model, not directions
}

func (e *ProbeError) Error() string {
	var b strings.Builder
	b.WriteString("backtranslate: " + e.Backend + " " + e.URL + ": ")
	if e.Err == nil && e.Failure == FailUnsupported {
		b.WriteString(e.unsupported())
		return b.String()
	}
	msg := "failed"
	if e.Err != nil {
		msg = strings.TrimPrefix(e.Err.Error(), "backtranslate: ")
		msg = strings.TrimPrefix(msg, e.Backend+": ")
	}
	b.WriteString(msg)
	if fix := e.Fix(); fix != "" {
		b.WriteString("; " + fix)
	}
	return b.String()
}

// unsupported says what is missing and what is offered instead.
func (e *ProbeError) unsupported() string {
	if e.model {
		s := fmt.Sprintf("no model %s", quoteList(e.Missing))
		if len(e.Offers) > 0 {
			s += "; it has " + shortList(e.Offers) + ": choose one of them"
		}
		return s
	}
	s := "does not translate " + strings.Join(e.Missing, ", ")
	if len(e.Offers) == 0 {
		return s + "; it offers no round trip from the source language: check the language codes, or install the pairs"
	}
	return s + "; the pivots it offers both ways are " + shortList(e.Offers) + ": choose among them, or install the missing pairs"
}

// Fix says in a few words what to do about e.
func (e *ProbeError) Fix() string {
	switch e.Failure {
	case FailNetwork:
		return "check the URL and that the service is running"
	case FailTimeout:
		return "the service did not answer in time: check the URL, or try again later"
	case FailRateLimit:
		return "the service is limiting requests: try again later, or lower the request rate"
	case FailServer:
		return "the service is failing: try again later"
	case FailAuth:
		if e.Backend == "azure" {
			return "check the API key and the resource's region"
		}
		return "check the API key"
	case FailQuota:
		return "the account's quota is exhausted: raise it, or wait until it resets"
	case FailNotFound:
		return "the URL does not point at a " + e.Backend + " service: give its base URL" + urlExample(e.Backend)
	case FailUnsupported:
		return "choose languages (or a model) the service offers"
	case FailRequest:
		if e.Backend == "template" {
			return "the service refused the request: check the template and the language codes"
		}
		return "the service refused the request: check the URL and the settings"
	case FailResponse:
		if e.Backend == "template" {
			return "check the template's response path"
		}
		return "the answer is not " + e.Backend + "'s: check the URL"
	}
	return ""
}

func urlExample(backend string) string {
	switch backend {
	case "apertium":
		return ", such as http://127.0.0.1:2737"
	case "libretranslate":
		return ", such as http://127.0.0.1:5000"
	case "openai":
		return ", such as http://127.0.0.1:8080/v1"
	}
	return ""
}

// Unwrap returns e.Err.
func (e *ProbeError) Unwrap() error { return e.Err }

// Soft reports false: unlike a failed translation, a failed probe stops
// the run.
func (e *ProbeError) Soft() bool { return false }

// probeFailed turns the error of a probe's request into a *ProbeError,
// unless ctx is done.
func probeFailed(ctx context.Context, backend, url string, err error) error {
	if ctx.Err() != nil {
		return stopped(backend, ctx.Err())
	}
	return &ProbeError{Backend: backend, URL: redactURL(url), Failure: FailureOf(err), Err: err}
}

// langCode maps a language code as given to Translate to the service's own
// spelling, as a source (target false) or as a target.
type langCode func(code string, target bool) string

// offer is what a service says it translates: a list of directions, or
// lists of source and target languages (any source into any target).
// Codes are compared in any case.
type offer struct {
	pairs    map[Pair]bool   // directions, lower-cased; nil: use from and to
	from, to map[string]bool // languages, lower-cased
	names    []string        // target languages as the service spells them, sorted
}

func newOffer() *offer {
	return &offer{from: map[string]bool{}, to: map[string]bool{}}
}

// addPair records a direction.
func (o *offer) addPair(from, to string) {
	if o.pairs == nil {
		o.pairs = map[Pair]bool{}
	}
	o.pairs[Pair{strings.ToLower(from), strings.ToLower(to)}] = true
	o.addName(to)
}

// addLang records a language as a source, a target, or both.
func (o *offer) addLang(code string, source, target bool) {
	lc := strings.ToLower(code)
	if source {
		o.from[lc] = true
	}
	if target {
		o.to[lc] = true
		o.addName(code)
	}
}

func (o *offer) addName(code string) {
	if i, found := slices.BinarySearch(o.names, code); !found {
		o.names = slices.Insert(o.names, i, code)
	}
}

// has reports whether the service translates from into to (in its own
// codes); an empty source means detection, offered when any target is.
func (o *offer) has(from, to string) bool {
	from, to = strings.ToLower(from), strings.ToLower(to)
	if o.pairs != nil {
		return o.pairs[Pair{from, to}]
	}
	return (from == "" || o.from[from]) && o.to[to]
}

// check returns nil if every direction in pairs is offered, and otherwise
// a *ProbeError naming the missing directions and the pivots offered both
// ways from the source language (that of the first pair).
func (o *offer) check(backend, url string, pairs []Pair, code langCode) error {
	var missing []string
	for _, p := range pairs {
		from, to := code(p.From, false), code(p.To, true)
		if !o.has(from, to) {
			if d := from + ">" + to; !slices.Contains(missing, d) {
				missing = append(missing, d)
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	src := pairs[0].From
	var pivots []string
	for _, l := range o.names {
		if code(l, false) == code(src, false) {
			continue
		}
		if o.has(code(src, false), code(l, true)) && o.has(code(l, false), code(src, true)) {
			pivots = append(pivots, l)
		}
	}
	return &ProbeError{Backend: backend, URL: redactURL(url), Failure: FailUnsupported, Missing: missing, Offers: pivots}
}

// shortList joins at most 20 names, saying how many more there are.
func shortList(names []string) string {
	const most = 20
	if len(names) <= most {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:most], ", "), len(names)-most)
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}
