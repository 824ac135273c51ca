package recipe

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/textaug/textaug/backtranslate"
	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/textaug/lexdata"
)

// TypoConfig tunes the typo operation (textaug.Typo); its word rate is
// rates.typo (0.1) and its cap max.typo.
type TypoConfig struct {
	// Keyboard is the layout: qwerty (the default), qwertz or azerty.
	Keyboard string `json:"keyboard,omitempty" yaml:"keyboard,omitempty"`
	// CharRate is the share of a mistyped word's letters changed (0.1:
	// one edit up to 14 letters); MaxPerWord caps it (2).
	CharRate   float64 `json:"char_rate,omitempty" yaml:"char_rate,omitempty"`
	MaxPerWord int     `json:"max_per_word,omitempty" yaml:"max_per_word,omitempty"`
	// RealWords lets a typo make another English word ("card" -> "cart");
	// by default WordNet refuses such typos.
	RealWords bool `json:"real_words,omitempty" yaml:"real_words,omitempty"`
}

// CheckList selects what the CheckList operations may change:
// entity-swap's kinds (person, given, family, company, place; all when
// empty) and number-swap's (number, money, percent, date, identifier; all
// but percent when empty).
type CheckList struct {
	EntityKinds []string `json:"entity_kinds,omitempty" yaml:"entity_kinds,omitempty"`
	NumberKinds []string `json:"number_kinds,omitempty" yaml:"number_kinds,omitempty"`
}

// LLM is the language model behind paraphrase and generate: any
// OpenAI-compatible chat completions endpoint. Its key is read like
// back-translation's openai key: TEXTAUG_OPENAI_KEY, else OPENAI_API_KEY,
// else the keys file's "openai".
type LLM struct {
	URL         string  `json:"url,omitempty" yaml:"url,omitempty"`
	Model       string  `json:"model,omitempty" yaml:"model,omitempty"`
	Temperature float64 `json:"temperature,omitempty" yaml:"temperature,omitempty"`
	Seed        *int    `json:"seed,omitempty" yaml:"seed,omitempty"`
	MaxTokens   int     `json:"max_tokens,omitempty" yaml:"max_tokens,omitempty"`
	// Format asks for JSON by schema (default), object or none.
	Format string `json:"format,omitempty" yaml:"format,omitempty"`
	// K is the paraphrases asked for per row (0: the recipe's k); N the new
	// texts per generate request (0: the recipe's k); Examples the most
	// examples of a label in a generate prompt (0: 8).
	K        int `json:"k,omitempty" yaml:"k,omitempty"`
	N        int `json:"n,omitempty" yaml:"n,omitempty"`
	Examples int `json:"examples,omitempty" yaml:"examples,omitempty"`
	// Paraphrase and Generate override the prompt templates (see
	// backtranslate.Prompt).
	Paraphrase backtranslate.Prompt `json:"paraphrase_prompt,omitempty" yaml:"paraphrase_prompt,omitempty"`
	Generate   backtranslate.Prompt `json:"generate_prompt,omitempty" yaml:"generate_prompt,omitempty"`
	// Cache is the answers' cache file; "" for llm.db in the user cache
	// directory, "none" for memory only.
	Cache       string  `json:"cache,omitempty" yaml:"cache,omitempty"`
	Concurrency int     `json:"concurrency,omitempty" yaml:"concurrency,omitempty"`
	Rate        float64 `json:"requests_per_second,omitempty" yaml:"requests_per_second,omitempty"`
	Retries     int     `json:"retries,omitempty" yaml:"retries,omitempty"`
	Timeout     string  `json:"timeout,omitempty" yaml:"timeout,omitempty"`
	KeysFile    string  `json:"keys_file,omitempty" yaml:"keys_file,omitempty"`
}

// llmOps are the operations that ask the LLM rather than edit tokens.
var llmOps = []string{"paraphrase", "generate"}

// validateOps checks the fields of the operations beyond EDA's.
func (r *Recipe) validateOps() error {
	if _, err := textaug.ParseEntityKinds(strings.Join(r.CheckList.EntityKinds, ",")); err != nil {
		return &FieldError{Recipe: r.Name, Field: "checklist.entity_kinds", Err: err}
	}
	if _, err := textaug.ParseNumberKinds(strings.Join(r.CheckList.NumberKinds, ",")); err != nil {
		return &FieldError{Recipe: r.Name, Field: "checklist.number_kinds", Err: err}
	}
	if k := r.Typo.Keyboard; k != "" && !slices.Contains(lexdata.LayoutNames(), k) {
		return fieldErr(r.Name, "typo.keyboard", "want %s, got %q", strings.Join(lexdata.LayoutNames(), ", "), k)
	}
	if slices.ContainsFunc(r.Ops, func(o string) bool { return slices.Contains(llmOps, o) }) {
		if r.LLM.URL == "" {
			return fieldErr(r.Name, "llm.url", "paraphrase and generate need the URL of a chat API")
		}
		if r.LLM.Model == "" {
			return fieldErr(r.Name, "llm.model", "paraphrase and generate need a model")
		}
	}
	return nil
}

// opEdit builds the edits of the operations beyond EDA's: typo,
// contraction, entity-swap and number-swap.
func (r *Recipe) opEdit(op string) (textaug.Edit, error) {
	switch op {
	case "typo":
		t := textaug.Typo{Rate: r.rate(op), Max: r.Max[op], CharRate: r.Typo.CharRate, MaxPerWord: r.Typo.MaxPerWord}
		if r.Typo.Keyboard != "" {
			kb, err := lexdata.Keyboard(r.Typo.Keyboard)
			if err != nil {
				return nil, err
			}
			t.Keyboard = kb
		}
		if !r.Typo.RealWords {
			m, err := builtin.Morphology()
			if err != nil {
				return nil, err
			}
			t.Dictionary = dictionary{m}
		}
		return t, nil
	case "contraction":
		return textaug.Contraction{Rate: r.rate(op), Max: r.Max[op]}, nil
	}
	policy, err := r.Policy()
	if err != nil {
		return nil, err
	}
	if op == "entity-swap" {
		kinds, err := textaug.ParseEntityKinds(strings.Join(r.CheckList.EntityKinds, ","))
		return textaug.EntitySwap{Kinds: kinds, Policy: policy}, err
	}
	kinds, err := textaug.ParseNumberKinds(strings.Join(r.CheckList.NumberKinds, ","))
	return textaug.NumberSwap{Kinds: kinds, Policy: policy}, err
}

// dictionary says whether a string is an English word: a form of a
// WordNet lemma.
type dictionary struct{ m synonyms.Morphology }

func (d dictionary) Has(w string) bool { return len(d.m.Lemmas(w, synonyms.Any)) > 0 }

// WordsAndLLM returns the recipe's augmenter without back-translation:
// Words mixed with paraphrase and generate when the recipe has them (nil
// when it has neither), and close, which releases the LLM answers' cache
// and must be called.
func (r *Recipe) WordsAndLLM() (aug textaug.Augmenter, close func() error, err error) {
	words, err := r.Words()
	if err != nil {
		return nil, func() error { return nil }, err
	}
	policy, err := r.Policy()
	if err != nil {
		return nil, func() error { return nil }, err
	}
	return r.withLLM(words, policy)
}

// withLLM mixes paraphrase and generate, when the recipe has them, with
// the token edits (words; nil when there are none): the token edits
// together weigh 1 against weights.paraphrase and weights.generate (1
// each by default). close releases the answers' cache.
func (r *Recipe) withLLM(words textaug.Augmenter, policy *textaug.Policy) (textaug.Augmenter, func() error, error) {
	augs, weights, close, err := r.llmAugmenters(policy)
	if err != nil || len(augs) == 0 {
		return words, close, err
	}
	if words != nil {
		augs = append([]textaug.Augmenter{words}, augs...)
		weights = append([]float64{1}, weights...)
	}
	if len(augs) == 1 {
		return augs[0], close, nil
	}
	return textaug.Mix{Augs: augs, Weights: weights}, close, nil
}

// llmAugmenters builds paraphrase and generate, with their weights, and
// the function that releases their cache.
func (r *Recipe) llmAugmenters(policy *textaug.Policy) (augs []textaug.Augmenter, weights []float64, close func() error, err error) {
	close = func() error { return nil }
	var want []string
	for _, op := range r.Ops {
		if slices.Contains(llmOps, op) {
			want = append(want, op)
		}
	}
	if len(want) == 0 {
		return nil, nil, close, nil
	}
	chat, cache, err := r.LLM.chat()
	if err != nil {
		return nil, nil, close, err
	}
	if cache != nil {
		close = cache.Close
	}
	k := func(n int) int { return orDefault(n, r.K) }
	for _, op := range want {
		var a textaug.Augmenter
		if op == "paraphrase" {
			a, err = backtranslate.NewParaphrase(chat, backtranslate.ParaphraseOptions{
				K: k(r.LLM.K), Prompt: r.LLM.Paraphrase, Keep: policy.MustKeep, Check: textaug.Check, Cache: cache,
			})
		} else {
			a, err = backtranslate.NewGenerate(chat, backtranslate.GenerateOptions{
				N: k(r.LLM.N), Examples: r.LLM.Examples, Prompt: r.LLM.Generate, Cache: cache,
			})
		}
		if err != nil {
			return nil, nil, close, errors.Join(err, close())
		}
		augs = append(augs, a)
		w := 1.0
		if v, ok := r.Weights[op]; ok {
			w = v
		}
		weights = append(weights, w)
	}
	return augs, weights, close, nil
}

// orDefault returns n, or def when n is not positive.
func orDefault(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// chat builds the chat client and opens the answers' cache (nil for
// "none").
func (l *LLM) chat() (*backtranslate.Chat, *backtranslate.Cache, error) {
	var opts []backtranslate.Option
	if l.Concurrency > 0 {
		opts = append(opts, backtranslate.WithConcurrency(l.Concurrency))
	}
	if l.Rate > 0 {
		opts = append(opts, backtranslate.WithRate(l.Rate, 0))
	}
	if l.Retries > 0 {
		opts = append(opts, backtranslate.WithRetries(l.Retries))
	}
	if l.Timeout != "" {
		d, err := time.ParseDuration(l.Timeout)
		if err != nil {
			return nil, nil, Usage(fieldErr("", "llm.timeout", "%v", err))
		}
		opts = append(opts, backtranslate.WithTimeout(d))
	}
	key, err := (&BT{Backend: "openai", KeysFile: l.KeysFile}).key()
	if err != nil {
		return nil, nil, err
	}
	chat := backtranslate.NewChat(l.URL, key, l.Model, backtranslate.NewClient(opts...), backtranslate.ChatOptions{
		Temperature: l.Temperature, Seed: l.Seed, MaxTokens: l.MaxTokens, Format: l.Format,
	})
	if l.Cache == "none" {
		return chat, nil, nil
	}
	path := l.Cache
	if path == "" {
		path = filepath.Join(filepath.Dir(DefaultCachePath()), "llm.db")
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, nil, err
	}
	cache, err := backtranslate.OpenCache(path)
	return chat, cache, err
}
