// Package augment is the per-record job of every front-end: the CLI's
// augment, explain and eval, and the Beam pipeline (module beam/) all make
// their variants here, so that one recipe and seed give the same variants
// everywhere.
//
// [New] builds, once, everything a run needs from a recipe: the word-level
// augmenter, the back-translation round trip with its cache, their Mix, the
// one [textaug.Sampler] of the run and its acceptance check (a translator
// keeps neither figures nor negations by construction, so every variant of
// a recipe that back-translates must keep the figures of its input), and it
// starts loading the tagger model. Then:
//
//   - [Engine.Sample] makes the variants of a list of texts (eval, explain);
//   - [Engine.Rows] augments a batch of corpus records and encodes the
//     output rows (augment, Beam), with counts that add up ([Stats]).
//
// These two are the only loops over records. Both translate the texts of a
// batch together first ([backtranslate.RoundTrip.Prefetch]); when that fails
// softly, the rows of the batch are sampled without back-translation and
// keep the failure as their [textaug.Result.Missed], so that they do not
// each try again. A row whose back-translation failed is counted by type
// (errors.As with *[backtranslate.Error]), never by its message.
//
// A recipe that works by label (anchors, label-swap, balancing, the
// consistency filter, or statistics read from a file: [LabelAware]) first
// reads the corpus once, the corpus pass: [CorpusPassInput] opens the
// input ([Spool] and [OpenTwice] let stdin be read twice) and
// [CorpusPass] collects what [NewPassOptions] asks for (the statistics,
// written by [WriteStatsFile] and read back by [ReadStatsFile], the
// balancing plan, the filter) into [Labels]; [Engine.WithLabels] then
// samples each row by its label. eval does the same from the rows of each
// training set held in memory ([LearnRows], [LabelledResults]).
//
// An Engine is safe for concurrent use. [Engine.WithSeed] and
// [Engine.WithOutput] return engines that share its augmenters (loaded data,
// translator, cache); Close, on the engine from New, releases them.
package augment

import (
	"context"
	"errors"
	"fmt"

	"github.com/textaug/textaug/backtranslate"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// BatchSize is how many records the CLI hands to Rows at a time, and how
// many texts Sample translates together.
const BatchSize = 64

// Engine makes the variants of one recipe with one seed. See the package
// documentation.
type Engine struct {
	rec   recipe.Recipe
	smp   textaug.Sampler
	words textaug.Augmenter        // nil without operations
	rt    *backtranslate.RoundTrip // nil without back-translation
	close func() error
	out   Output
	// labels, when set, gives each record of Rows its label's Sampler.
	labels *LabelSamplers
}

// New builds the engine of rec with seed: the augmenters, the Sampler and
// its checks, the translator and its cache. rec must be valid (see
// recipe.Recipe.Validate). Close releases the translation cache.
func New(rec recipe.Recipe, seed uint64) (*Engine, error) {
	// The tagger model loads while WordNet does: both are parsed once, and
	// start-up would otherwise be the sum of the two. A Chinese run loads
	// it only if a text has Latin words.
	if rec.Lang != "zh" {
		go tokenize.Prose()
	}
	e := &Engine{rec: rec}
	var err error
	if e.words, e.close, err = rec.WordsAndLLM(); err != nil { // paraphrase and generate mix in here
		return nil, err
	}
	if rec.Backtranslate.Backend != "" {
		closeLLM, closeBT := e.close, func() error { return nil }
		if e.rt, closeBT, err = rec.Backtranslate.RoundTrip(); err != nil {
			return nil, errors.Join(err, closeLLM())
		}
		e.close = func() error { return errors.Join(closeBT(), closeLLM()) }
	}
	e.smp = textaug.Sampler{Aug: e.mix(nil), K: rec.K, Seed: seed, MaxTries: rec.MaxTries}
	if e.rt != nil {
		e.smp.Accept = textaug.KeepsFigures
	}
	return e, nil
}

// Close releases the translation cache. Engines made from this one by
// WithSeed or WithOutput must no longer be used.
func (e *Engine) Close() error { return e.close() }

// Recipe returns the engine's recipe.
func (e *Engine) Recipe() recipe.Recipe { return e.rec }

// Seed returns the engine's seed.
func (e *Engine) Seed() uint64 { return e.smp.Seed }

// WithSeed returns an engine that shares e's augmenters and draws with
// seed: eval's repetitions of one recipe over several seeds.
func (e *Engine) WithSeed(seed uint64) *Engine {
	c := *e
	c.smp.Seed = seed
	return &c
}

// mix is the augmenter of the recipe. failed, when not nil, stands for the
// round trip: the soft failure of a batch's translations, which its rows
// get as their reason instead of each trying again.
func (e *Engine) mix(failed error) textaug.Augmenter { return e.mixWords(e.words, failed) }

// mixWords is mix with words in place of the recipe's word augmenter (a
// label's, see WithLabels).
func (e *Engine) mixWords(words textaug.Augmenter, failed error) textaug.Augmenter {
	if e.rt == nil {
		return words
	}
	var bt textaug.Augmenter = e.rt
	if failed != nil {
		bt = missed{failed}
	}
	if words == nil {
		return bt
	}
	return textaug.Mix{Augs: []textaug.Augmenter{words, bt}, Weights: []float64{1, e.rec.Backtranslate.MixWeight()}}
}

// missed is an augmenter that fails softly with err for every text.
type missed struct{ err error }

func (m missed) Prepare(context.Context, string) (textaug.Draw, error) { return nil, m.err }

// batch translates texts together and returns the Sampler for them: e's,
// or, when the translations failed softly, one whose back-translation
// reports that failure. A hard failure (the context ended) is returned.
func (e *Engine) batch(ctx context.Context, texts []string) (textaug.Sampler, error) {
	failed, err := e.prefetch(ctx, texts)
	if err != nil || failed == nil {
		return e.smp, err
	}
	smp := e.smp
	smp.Aug = e.mix(failed)
	return smp, nil
}

// prefetch translates texts together; failed is a soft failure of the
// translations, which the batch's rows get as their reason, and err a
// hard one (the context ended).
func (e *Engine) prefetch(ctx context.Context, texts []string) (failed, err error) {
	if e.rt == nil {
		return nil, nil
	}
	if err := e.rt.Prefetch(ctx, texts); err != nil {
		if !textaug.Soft(err) {
			return nil, err
		}
		return err, nil
	}
	return nil, nil
}

// Backtranslates reports whether the recipe back-translates: callers that
// see records one at a time (Beam) then gather them into batches for Rows.
func (e *Engine) Backtranslates() bool { return e.rt != nil }

// Sample returns the Result of each text, in order: its variants and,
// when there are fewer than k, why. Texts are translated in batches of
// BatchSize. The error is that of the first text that could not be
// sampled at all (invalid UTF-8, a hard failure of an augmenter), or the
// context's.
func (e *Engine) Sample(ctx context.Context, texts []string) ([]textaug.Result, error) {
	out := make([]textaug.Result, len(texts))
	for start := 0; start < len(texts); start += BatchSize {
		end := min(start+BatchSize, len(texts))
		smp, err := e.batch(ctx, texts[start:end])
		if err != nil {
			return nil, fmt.Errorf("augment: %w", err)
		}
		for i := start; i < end; i++ {
			if out[i], err = smp.Sample(ctx, "", texts[i]); err != nil {
				return nil, fmt.Errorf("augment: %q: %w", texts[i], err)
			}
		}
	}
	return out, nil
}

// Probe checks, before any row, that the recipe's translator answers,
// accepts its key and offers every direction the round trips need
// (backtranslate.RoundTrip.Probe); nil without back-translation. Its error
// says what to fix.
func (e *Engine) Probe(ctx context.Context) error {
	if e.rt == nil {
		return nil
	}
	return e.rt.Probe(ctx)
}

// isBacktranslationMiss reports whether res lacks its back-translations
// because the translator failed.
func isBacktranslationMiss(res textaug.Result) bool {
	var bt *backtranslate.Error
	return errors.As(res.Missed, &bt)
}
