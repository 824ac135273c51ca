package backtranslate

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// apertiumMaxChars bounds the characters of one APy request. APy cuts a
// request into at most ten pieces of one pipe buffer (4 KiB), or of 1,000
// characters when it is busy, and silently drops the rest.
const apertiumMaxChars = 4000

// apertiumPerPair bounds the requests in flight per language pair. APy
// runs one pipeline per pair and translates one piece at a time on it;
// with more than two requests on a pipeline it also cuts them into
// 1,000-character pieces, each costing two extra processes (measured: four
// requests per pair halve the throughput). Two keep the pipeline fed
// without that; the Client's concurrency goes across pairs instead.
const apertiumPerPair = 2

// Apertium translates through an Apertium APy server
// (https://wiki.apertium.org/wiki/Apertium-apy).
//
// Texts are sent to /translate joined by newlines, in requests of at most
// about 4,000 characters (a longer text goes alone), with markUnknown=no
// and format=txt. Because APy may drop lines from a long request while
// answering 200, every response must have exactly as many lines as were
// sent; a batch that comes back short is retried in halves, down to single
// texts. Line breaks inside a text are sent as spaces, blank texts are not
// sent, and APy's doubled spaces and '#' generation marks are removed from
// the output.
//
// Languages are ISO 639-3 codes as APy names them (eng, spa, cat,
// cat_valencia); common two-letter codes are mapped: en eng, es spa, ca cat,
// fr fra, de deu, pt por, it ita, gl glg, eo epo, oc oci, eu eus, ro ron,
// nl nld, sv swe, da dan, nb nob, nn nno, pl pol, ru rus, uk ukr, ar ara.
//
// An Apertium is safe for concurrent use. It fans a call's batches out over
// its Client's concurrency, with at most two requests in flight per
// language pair: APy translates one piece at a time per pair anyway, and
// cuts requests into small pieces when more wait.
type Apertium struct {
	base string
	c    *Client

	mu    sync.Mutex
	gates map[string]chan struct{} // per language pair: requests in flight
}

// NewApertium returns a Translator for the APy server at baseURL (such as
// http://127.0.0.1:2737), sending through c (a default Client if nil).
func NewApertium(baseURL string, c *Client) *Apertium {
	if c == nil {
		c = NewClient()
	}
	return &Apertium{base: strings.TrimRight(baseURL, "/"), c: c}
}

// Name returns "apertium " and the server URL without user information or
// query.
func (a *Apertium) Name() string { return "apertium " + redactURL(a.base) }

// BatchLimits reports what one request carries: any number of texts in
// about 4,000 characters.
func (a *Apertium) BatchLimits() (texts, chars int) { return 0, apertiumMaxChars }

// Pair is a translation direction a server offers.
type Pair struct{ From, To string }

// ListPairs asks the server which directions it translates (/listPairs),
// sorted.
func (a *Apertium) ListPairs(ctx context.Context) ([]Pair, error) {
	body, err := a.c.Do(ctx, Request{Method: http.MethodGet, URL: a.base + "/listPairs", Backend: "apertium"})
	if err != nil {
		return nil, err
	}
	var resp struct {
		ResponseData []struct {
			SourceLanguage string `json:"sourceLanguage"`
			TargetLanguage string `json:"targetLanguage"`
		} `json:"responseData"`
		ResponseStatus int `json:"responseStatus"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, &Error{Backend: "apertium", Err: fmt.Errorf("listPairs: malformed response: %w", err)}
	}
	pairs := make([]Pair, 0, len(resp.ResponseData))
	for _, p := range resp.ResponseData {
		pairs = append(pairs, Pair{p.SourceLanguage, p.TargetLanguage})
	}
	slices.SortFunc(pairs, func(x, y Pair) int {
		return strings.Compare(x.From+"|"+x.To, y.From+"|"+y.To)
	})
	return slices.Compact(pairs), nil
}

// Probe checks that the server answers /listPairs with every direction in
// pairs; see Prober.
func (a *Apertium) Probe(ctx context.Context, pairs []Pair) error {
	have, err := a.ListPairs(ctx)
	if err != nil {
		return probeFailed(ctx, "apertium", a.base+"/listPairs", err)
	}
	o := newOffer()
	for _, p := range have {
		o.addPair(p.From, p.To)
	}
	return o.check("apertium", a.base, pairs, func(c string, _ bool) string { return apertiumCode(c) })
}

// Translate translates texts from one language to another; see Apertium.
func (a *Apertium) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	from, to = apertiumCode(from), apertiumCode(to)
	if from == "" || to == "" {
		return nil, &Error{Backend: "apertium", Err: fmt.Errorf("empty language code (from %q, to %q)", from, to)}
	}
	pair := from + "|" + to
	return fanOut(ctx, a.c, texts, oneLine, apertiumMaxChars, 0, func(ctx context.Context, lines []string) ([]string, error) {
		return a.translateLines(ctx, pair, lines)
	})
}

// translateLines sends lines as one request and, when the answer has the
// wrong number of lines (or an empty one: no input line is blank), again
// in halves.
func (a *Apertium) translateLines(ctx context.Context, pair string, lines []string) ([]string, error) {
	got, err := a.request(ctx, pair, lines)
	if err != nil {
		return nil, err
	}
	if len(got) == len(lines) && !slices.Contains(got, "") {
		return got, nil
	}
	if len(lines) == 1 {
		if s := collapseSpaces(strings.Join(got, " ")); s != "" {
			return []string{s}, nil
		}
		return nil, &Error{Backend: "apertium", Err: fmt.Errorf("%s: empty translation of a %d-character text", pair, utf8.RuneCountInString(lines[0]))}
	}
	h := len(lines) / 2
	left, err := a.translateLines(ctx, pair, lines[:h])
	if err != nil {
		return nil, err
	}
	right, err := a.translateLines(ctx, pair, lines[h:])
	if err != nil {
		return nil, err
	}
	return append(left, right...), nil
}

// gate returns the semaphore bounding the requests in flight for pair.
func (a *Apertium) gate(pair string) chan struct{} {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.gates == nil {
		a.gates = map[string]chan struct{}{}
	}
	g, ok := a.gates[pair]
	if !ok {
		g = make(chan struct{}, apertiumPerPair)
		a.gates[pair] = g
	}
	return g
}

// request makes one /translate call and returns the cleaned output lines.
func (a *Apertium) request(ctx context.Context, pair string, lines []string) ([]string, error) {
	g := a.gate(pair)
	select {
	case g <- struct{}{}:
	case <-ctx.Done():
		return nil, stopped("apertium", ctx.Err())
	}
	defer func() { <-g }()
	q := strings.Join(lines, "\n")
	form := url.Values{"langpair": {pair}, "q": {q}, "markUnknown": {"no"}, "format": {"txt"}}
	body, err := a.c.Do(ctx, Request{
		Method:   http.MethodPost,
		URL:      a.base + "/translate",
		Header:   http.Header{"Content-Type": {"application/x-www-form-urlencoded"}},
		Body:     []byte(form.Encode()),
		Chars:    utf8.RuneCountInString(q),
		Backend:  "apertium",
		Classify: apertiumClassify,
	})
	if err != nil {
		return nil, err
	}
	var resp struct {
		ResponseData struct {
			TranslatedText *string `json:"translatedText"`
		} `json:"responseData"`
		ResponseDetails any `json:"responseDetails"`
		ResponseStatus  int `json:"responseStatus"`
	}
	if err := json.Unmarshal(body, &resp); err != nil {
		return nil, &Error{Backend: "apertium", Err: fmt.Errorf("%s: malformed response: %w", pair, err)}
	}
	if resp.ResponseStatus != http.StatusOK || resp.ResponseData.TranslatedText == nil {
		return nil, &Error{Backend: "apertium", Err: fmt.Errorf("%s: response status %d without translation: %s", pair, resp.ResponseStatus, trimBody(body, nil))}
	}
	text := strings.TrimRight(*resp.ResponseData.TranslatedText, "\n")
	got := strings.Split(text, "\n")
	for i, g := range got {
		got[i] = cleanApertium(g, strings.Contains(lines[min(i, len(lines)-1)], "#"))
	}
	return got, nil
}

// apertiumClassify is DefaultClassify showing APy's explanation (such as
// "That pair is not installed") as the body; a pair or mode that is not
// installed is ErrUnsupported.
func apertiumClassify(status int, h http.Header, body []byte) (error, bool) {
	err, retry := DefaultClassify(status, h, body)
	var e struct {
		Explanation string `json:"explanation"`
		Message     string `json:"message"`
	}
	if json.Unmarshal(body, &e) == nil && (e.Explanation != "" || e.Message != "") {
		if se, ok := err.(*StatusError); ok {
			se.Body = trimBody([]byte(strings.TrimSpace(e.Message+": "+e.Explanation)), nil)
			if status == http.StatusBadRequest && strings.Contains(e.Explanation, "not installed") {
				se.Err = ErrUnsupported
			}
		}
	}
	return err, retry
}

// cleanApertium collapses runs of spaces, trims the line, and drops the '#'
// APy puts before words it could not generate (unless the source had '#').
func cleanApertium(s string, keepHash bool) string {
	if !keepHash && strings.Contains(s, "#") {
		var b strings.Builder
		for i, r := range s {
			if r == '#' && i+1 < len(s) {
				if n, _ := utf8.DecodeRuneInString(s[i+1:]); n != ' ' && n != '#' {
					continue
				}
			}
			b.WriteRune(r)
		}
		s = b.String()
	}
	return collapseSpaces(s)
}

// collapseSpaces turns runs of white space into one space and trims the
// ends. Text already in that form is returned without allocating.
func collapseSpaces(s string) string {
	prevSpace := true // a space at the start would be leading
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && (prevSpace || r != ' ') {
			return strings.Join(strings.Fields(s), " ")
		}
		prevSpace = sp
	}
	if prevSpace && s != "" {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// oneLine makes a text fit on one line of a newline-joined request: line
// breaks become spaces and white space is collapsed.
func oneLine(s string) string {
	if strings.ContainsAny(s, "\n\r\u2028\u2029\u0085") {
		s = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ", "\u2028", " ", "\u2029", " ", "\u0085", " ").Replace(s)
	}
	return collapseSpaces(s)
}

// apertiumCodes maps two-letter codes to the ISO 639-3 codes APy uses.
var apertiumCodes = map[string]string{
	"en": "eng", "es": "spa", "ca": "cat", "fr": "fra", "de": "deu",
	"pt": "por", "it": "ita", "gl": "glg", "eo": "epo", "oc": "oci",
	"eu": "eus", "ro": "ron", "nl": "nld", "sv": "swe", "da": "dan",
	"nb": "nob", "nn": "nno", "pl": "pol", "ru": "rus", "uk": "ukr",
	"ar": "ara",
}

func apertiumCode(code string) string {
	code = strings.TrimSpace(code)
	if c, ok := apertiumCodes[strings.ToLower(code)]; ok {
		return c
	}
	return code
}

// splitBatches cuts lines into consecutive runs of at most maxChars
// characters (counting a separator between lines) and at most maxTexts
// lines; 0 means no limit. A line longer than maxChars forms a run alone.
// It returns [lo, hi) index pairs.
func splitBatches(lines []string, maxChars, maxTexts int) [][2]int {
	var out [][2]int
	lo, chars := 0, 0
	for i, l := range lines {
		n := utf8.RuneCountInString(l) + 1
		if i > lo && ((maxChars > 0 && chars+n > maxChars+1) || (maxTexts > 0 && i-lo >= maxTexts)) {
			out = append(out, [2]int{lo, i})
			lo, chars = i, 0
		}
		chars += n
	}
	if lo < len(lines) {
		out = append(out, [2]int{lo, len(lines)})
	}
	return out
}

// forEach runs f(ctx, 0..n-1) on up to workers goroutines and returns the
// first error, cancelling the rest. Which error is first depends on
// scheduling; callers only report it.
func forEach(ctx context.Context, n, workers int, f func(context.Context, int) error) error {
	if n == 0 {
		return nil
	}
	if n == 1 {
		return f(ctx, 0)
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
		next  int
	)
	for range min(max(workers, 1), n) {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				stop := first != nil
				mu.Unlock()
				if i >= n || stop {
					return
				}
				if err := f(ctx, i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
						cancel(err)
					}
					mu.Unlock()
					return
				}
			}
		})
	}
	wg.Wait()
	return first
}
