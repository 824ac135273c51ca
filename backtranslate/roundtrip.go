package backtranslate

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
)

// RoundTrip is a back-translation augmenter: it translates a text into a
// pivot language and back into the source language. It satisfies
// textaug.Augmenter without importing textaug.
//
// With several Pivots, each gives its own variant (spa and cat paraphrase
// differently); with Chain, the text goes through all pivots in order
// (Source → Pivots[0] → Pivots[1] → … → Source) and gives one variant,
// which needs a direct pair between consecutive pivots.
//
// Wrap Translator with Cached: Prepare then costs no request for texts
// translated before, in this run (Prefetch) or an earlier one (a Cache
// file). Without Cached, every Prepare sends its own requests.
//
// A RoundTrip is safe for concurrent use if its Translator is (all in this
// package are); it must not be modified while in use.
type RoundTrip struct {
	Translator Translator
	Source     string   // language of the texts, as the Translator names it (eng, en)
	Pivots     []string // at least one
	Chain      bool     // go through all Pivots in turn instead of each alone
}

// path is one way from Source back to Source, and the op it records.
type path struct {
	op    string
	steps []string // languages after Source, ending with Source
}

func (rt RoundTrip) paths() ([]path, error) {
	if rt.Translator == nil {
		return nil, errors.New("backtranslate: RoundTrip has no Translator")
	}
	if rt.Source == "" {
		return nil, errors.New("backtranslate: RoundTrip has no Source language")
	}
	if len(rt.Pivots) == 0 {
		return nil, errors.New("backtranslate: RoundTrip has no Pivots")
	}
	for _, p := range rt.Pivots {
		if p == "" || p == rt.Source {
			return nil, fmt.Errorf("backtranslate: RoundTrip pivot %q: must differ from Source and not be empty", p)
		}
	}
	if rt.Chain {
		steps := append(append([]string(nil), rt.Pivots...), rt.Source)
		return []path{{op: "backtranslate:" + strings.Join(rt.Pivots, ">"), steps: steps}}, nil
	}
	ps := make([]path, len(rt.Pivots))
	for i, p := range rt.Pivots {
		ps[i] = path{op: "backtranslate:" + p, steps: []string{p, rt.Source}}
	}
	return ps, nil
}

// Prepare translates text through every pivot and back, and returns the
// draw that picks one of the back-translations with r. Its ops name the
// pivot, as in []string{"backtranslate:spa"} (or "backtranslate:spa>cat"
// when chained); each call of the draw returns a new ops slice. A
// back-translation equal to the input is returned all the same: the caller
// rejects it.
//
// If any translation fails, Prepare returns an error whose Soft method
// reports true, located by backend and pivot ("backtranslate: apertium:
// spa: HTTP 503 ..."); if ctx is done, an error wrapping ctx.Err(). The
// draw is safe for concurrent use.
func (rt RoundTrip) Prepare(ctx context.Context, text string) (func(*rand.Rand) (string, []string), error) {
	ps, err := rt.paths()
	if err != nil {
		return nil, err
	}
	draw := func(out []string) func(*rand.Rand) (string, []string) {
		return func(r *rand.Rand) (string, []string) {
			i := 0
			if len(ps) > 1 {
				i = r.IntN(len(ps))
			}
			return out[i], []string{ps[i].op}
		}
	}
	if ct, ok := rt.Translator.(*cachedTranslator); ok {
		// After Prefetch, or on a re-run: all from the cache, in one read.
		steps := make([][]string, len(ps))
		for i, p := range ps {
			steps[i] = p.steps
		}
		if out, ok := ct.peekPaths(rt.Source, steps, text); ok {
			return draw(out), nil
		}
	}
	out := make([]string, len(ps))
	errs := make([]error, len(ps))
	var wg sync.WaitGroup
	for i, p := range ps {
		wg.Go(func() {
			got, err := rt.walk(ctx, p, []string{text})
			if err == nil {
				out[i] = got[0]
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return draw(out), nil
}

// Prefetch translates texts through every pivot and back in batched
// requests, so that a later Prepare of any of them makes no request (the
// Translator must be Cached). Callers use it to batch across records: call
// it with the next few hundred or thousand texts before Preparing them.
//
// Texts are cut into batches of one request each (see Batcher), and each
// batch goes through its pivots and back on its own, several at once, so that every
// direction keeps the service busy. A batch that fails does not stop the
// others: everything that succeeded is cached, and the first failure is
// returned (Soft, located by backend and pivot).
func (rt RoundTrip) Prefetch(ctx context.Context, texts []string) error {
	ps, err := rt.paths()
	if err != nil {
		return err
	}
	seen := make(map[string]bool, len(texts))
	var uniq []string
	for _, t := range texts {
		if !seen[t] && strings.TrimSpace(t) != "" {
			seen[t] = true
			uniq = append(uniq, t)
		}
	}
	maxTexts, maxChars := batchLimits(rt.Translator)
	batches := splitBatches(uniq, maxChars, maxTexts)
	n := len(batches) * len(ps)
	return forAll(ctx, n, prefetchWorkers, func(ctx context.Context, j int) error {
		b, p := batches[j/len(ps)], ps[j%len(ps)]
		_, err := rt.walk(ctx, p, uniq[b[0]:b[1]])
		return err
	})
}

// prefetchWorkers is how many (batch, pivot) walks Prefetch runs at once;
// the Client's concurrency bounds the requests.
const prefetchWorkers = 16

// walk translates texts along p, one batched call per step.
func (rt RoundTrip) walk(ctx context.Context, p path, texts []string) ([]string, error) {
	from := rt.Source
	cur := texts
	for _, to := range p.steps {
		got, err := rt.Translator.Translate(ctx, from, to, cur)
		if err == nil && len(got) != len(cur) {
			err = &Error{Backend: rt.Translator.Name(), Err: fmt.Errorf("%s>%s: sent %d texts, got %d translations", from, to, len(cur), len(got))}
		}
		if err != nil {
			return nil, rt.locate(ctx, p, err)
		}
		cur, from = got, to
	}
	return cur, nil
}

// locate names the pivot in a translation error.
func (rt RoundTrip) locate(ctx context.Context, p path, err error) error {
	pivot := strings.TrimPrefix(p.op, "backtranslate:")
	var e *Error
	switch {
	case errors.As(err, &e):
		if e.Pivot != "" {
			return err
		}
		return &Error{Backend: e.Backend, Pivot: pivot, Err: e.Err}
	case ctx.Err() != nil || !isSoft(err) && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)):
		return err // the caller stopped: not a failed translation
	default:
		return &Error{Backend: rt.Translator.Name(), Pivot: pivot, Err: err}
	}
}
