package backtranslate

import (
	"context"
	"errors"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// ParaphraseOptions configure NewParaphrase. The zero value asks for 5
// paraphrases with DefaultParaphrasePrompt, names no words to keep,
// checks nothing and caches in memory.
type ParaphraseOptions struct {
	K      int    // paraphrases per request; 0 means 5
	Prompt Prompt // empty fields take DefaultParaphrasePrompt's
	// Keep lists the words and figures of a text that must survive
	// (figures, entities, negations, anchors), for the prompt's .Keep;
	// nil names none.
	Keep func(text string) []string
	// Check vets each paraphrase against the original; an error refuses
	// it, and its message is the reason counted (keep it short and free
	// of the text: "lost a figure"). nil accepts all.
	Check func(original, paraphrase string) error
	// Cache keeps answers across runs; nil keeps them in memory for the
	// life of the Paraphrase.
	Cache *Cache
}

// Paraphrase makes paraphrases with a language model behind an
// OpenAI-compatible chat API. It satisfies textaug.Augmenter without
// importing textaug: Prepare asks once for K paraphrases of the text (one
// request, answered in JSON: a schema where the server takes one), checks
// each with Check, and returns a draw over those kept; its ops are
// []string{"paraphrase"}.
//
// The reply is read by ParseList: a bare JSON array of strings, an object
// with one array of strings, or numbered lines. Anything else, a refusal,
// or a failed request (after the Client's retries) is a soft *Error, so
// the Sampler reports a shortfall for that row with the reason. Texts a
// check refuses are counted by reason; when some are kept, Prepare returns
// the draw together with a soft error naming what was dropped (the
// Sampler keeps it as the row's note).
//
// Answers are cached by the chat's Name (endpoint, model, temperature,
// seed, token limit, JSON format) and both rendered messages, which hold
// the prompt, the text, K, the label and the words to keep: a re-run with
// the same settings sends nothing.
//
// A Paraphrase is safe for concurrent use.
type Paraphrase struct {
	core   *llmCore
	prompt compiled
	opts   ParaphraseOptions
}

// NewParaphrase returns a Paraphrase asking ch. It fails only on a prompt
// template that does not parse.
func NewParaphrase(ch *Chat, opts ParaphraseOptions) (*Paraphrase, error) {
	if ch == nil {
		return nil, errors.New("backtranslate: paraphrase: no chat")
	}
	if opts.K <= 0 {
		opts.K = 5
	}
	c, err := compilePrompt(opts.Prompt, defaultParaphrasePrompt)
	if err != nil {
		return nil, err
	}
	return &Paraphrase{core: newCore(ch, opts.Cache, "paraphrase", c.schema), prompt: c, opts: opts}, nil
}

// Stats returns what the Paraphrase did so far.
func (p *Paraphrase) Stats() LLMStats { return p.core.Stats() }

// Prepare implements textaug.Augmenter: see Paraphrase.
func (p *Paraphrase) Prepare(ctx context.Context, text string) (func(*rand.Rand) (string, []string), error) {
	data := struct {
		Text, Label string
		K           int
		Keep        []string
	}{Text: text, Label: labelFrom(ctx).label, K: p.opts.K}
	if p.opts.Keep != nil {
		data.Keep = p.opts.Keep(text)
	}
	msgs, err := p.prompt.render(data)
	if err != nil {
		return nil, err
	}
	got, err := p.core.list(ctx, msgs, utf8.RuneCountInString(text))
	if err != nil {
		return nil, err
	}
	var kept []string
	dropped := map[string]int{}
	orig := collapseSpaces(text)
	for _, s := range got {
		switch {
		case strings.EqualFold(s, orig):
			dropped["equal to the input"]++
		case p.opts.Check != nil:
			if err := p.opts.Check(text, s); err != nil {
				dropped[err.Error()]++
				continue
			}
			kept = append(kept, s)
		default:
			kept = append(kept, s)
		}
	}
	return p.core.drawOf(kept, dropped, len(got))
}
