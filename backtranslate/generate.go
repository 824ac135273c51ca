package backtranslate

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode/utf8"
)

// GenerateOptions configure NewGenerate. The zero value asks for 5 new
// texts from at most 8 examples with DefaultGeneratePrompt, checks nothing
// and caches in memory.
type GenerateOptions struct {
	N        int    // new texts per request; 0 means 5
	Examples int    // most examples of the label in a prompt; 0 means 8
	Prompt   Prompt // empty fields take DefaultGeneratePrompt's
	// Check vets each new text; an error refuses it, and its message is
	// the reason counted. nil accepts all.
	Check func(text string) error
	// Cache keeps answers across runs; nil keeps them in memory for the
	// life of the Generate.
	Cache *Cache
}

// Generate writes new examples of a label from a few of its examples
// (LAMBADA, Anaby-Tavor et al., 2020), so that small classes can be
// filled, through an OpenAI-compatible chat API. It satisfies
// textaug.Augmenter without importing textaug: Prepare(ctx, text) asks for
// N new texts of the label that ctx carries (WithLabel), shown the text
// itself and the label's other examples from ctx, up to Examples in all,
// in the order given (the caller draws them, so the prompt, and so the
// cache key, depends only on its seed). Without a label in ctx the prompt
// shows the text alone under an empty label. The draw's ops are
// []string{"generate"}, which marks generated rows in provenance.
//
// A new text that copies an example (white space and case aside) is
// dropped, as are those Check refuses; replies are read, failures
// reported, answers cached and the client shared as for Paraphrase.
//
// A Generate is safe for concurrent use.
type Generate struct {
	core   *llmCore
	prompt compiled
	opts   GenerateOptions
}

// NewGenerate returns a Generate asking ch. It fails only on a prompt
// template that does not parse.
func NewGenerate(ch *Chat, opts GenerateOptions) (*Generate, error) {
	if ch == nil {
		return nil, errors.New("backtranslate: generate: no chat")
	}
	if opts.N <= 0 {
		opts.N = 5
	}
	if opts.Examples <= 0 {
		opts.Examples = 8
	}
	c, err := compilePrompt(opts.Prompt, defaultGeneratePrompt)
	if err != nil {
		return nil, err
	}
	return &Generate{core: newCore(ch, opts.Cache, "generate", c.schema), prompt: c, opts: opts}, nil
}

// Stats returns what the Generate did so far.
func (g *Generate) Stats() LLMStats { return g.core.Stats() }

// Prepare implements textaug.Augmenter: see Generate.
func (g *Generate) Prepare(ctx context.Context, text string) (func(*rand.Rand) (string, []string), error) {
	l := labelFrom(ctx)
	examples := []string{collapseSpaces(text)}
	for _, e := range l.examples {
		if e = collapseSpaces(e); e != "" && !slices.Contains(examples, e) && len(examples) < g.opts.Examples {
			examples = append(examples, e)
		}
	}
	data := struct {
		Label    string
		Examples []string
		N        int
	}{l.label, examples, g.opts.N}
	msgs, err := g.prompt.render(data)
	if err != nil {
		return nil, err
	}
	chars := 0
	for _, e := range examples {
		chars += utf8.RuneCountInString(e)
	}
	got, err := g.core.list(ctx, msgs, chars)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, e := range examples {
		seen[strings.ToLower(e)] = true
	}
	var kept []string
	dropped := map[string]int{}
	for _, s := range got {
		if seen[strings.ToLower(s)] {
			dropped["copies an example"]++
			continue
		}
		if g.opts.Check != nil {
			if err := g.opts.Check(s); err != nil {
				dropped[err.Error()]++
				continue
			}
		}
		kept = append(kept, s)
	}
	return g.core.drawOf(kept, dropped, len(got))
}
