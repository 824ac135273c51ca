package recipe

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/textaug/textaug/backtranslate"
)

// BT is the back-translation part of a recipe.
type BT struct {
	// Backend: apertium, libretranslate, deepl, google, azure, openai,
	// template; empty for none.
	Backend string `json:"backend,omitempty" yaml:"backend,omitempty"`
	URL     string `json:"url,omitempty" yaml:"url,omitempty"`
	// Source is the language of the corpus (apertium: eng; others: en).
	Source string   `json:"source,omitempty" yaml:"source,omitempty"`
	Pivots []string `json:"pivots,omitempty" yaml:"pivots,omitempty"`
	// Chain goes through every pivot in turn instead of one per variant.
	Chain bool `json:"chain,omitempty" yaml:"chain,omitempty"`
	// Weight of back-translation against the word-level operations
	// together (default 1: half of the draws).
	Weight float64 `json:"weight,omitempty" yaml:"weight,omitempty"`
	// Cache is the persistent cache file; "" for the user cache
	// directory, "none" for memory only.
	Cache       string  `json:"cache,omitempty" yaml:"cache,omitempty"`
	Concurrency int     `json:"concurrency,omitempty" yaml:"concurrency,omitempty"`
	Rate        float64 `json:"requests_per_second,omitempty" yaml:"requests_per_second,omitempty"`
	CharsRate   float64 `json:"chars_per_second,omitempty" yaml:"chars_per_second,omitempty"`
	// Retries of a failed request; nil means the Client's default (5), and
	// 0 no retry at all.
	Retries *int   `json:"retries,omitempty" yaml:"retries,omitempty"`
	Timeout string `json:"timeout,omitempty" yaml:"timeout,omitempty"`
	// Model, Temperature and Seed are for openai; Region for azure;
	// Template is a template backend's JSON config file.
	Model       string  `json:"model,omitempty" yaml:"model,omitempty"`
	Temperature float64 `json:"temperature,omitempty" yaml:"temperature,omitempty"`
	Seed        *int    `json:"seed,omitempty" yaml:"seed,omitempty"`
	Region      string  `json:"region,omitempty" yaml:"region,omitempty"`
	Template    string  `json:"template,omitempty" yaml:"template,omitempty"`
	// KeysFile is a JSON file {"deepl": "...", "google": "...", ...} with
	// the API keys; environment variables win over it.
	KeysFile string `json:"keys_file,omitempty" yaml:"keys_file,omitempty"`
}

// KeyEnv names the environment variable holding backend's key,
// TEXTAUG_<BACKEND>_KEY ("" for backends without keys); the backend's
// usual variable (DEEPL_AUTH_KEY, GOOGLE_API_KEY, OPENAI_API_KEY, ...) is
// read when it is unset.
func KeyEnv(backend string) string {
	switch backend {
	case "libretranslate", "deepl", "google", "azure", "openai":
		return "TEXTAUG_" + strings.ToUpper(backend) + "_KEY"
	}
	return ""
}

// usualKeyEnv names the backend's own key variable, "" when it has none.
func usualKeyEnv(backend string) string {
	switch backend {
	case "deepl":
		return backtranslate.DeepLKeyEnv
	case "google":
		return backtranslate.GoogleKeyEnv
	case "openai":
		return backtranslate.OpenAIKeyEnv
	}
	return ""
}

// Backends returns the names of the translator backends; the slice is the
// caller's.
func Backends() []string {
	return []string{"apertium", "libretranslate", "deepl", "google", "azure", "openai", "template"}
}

// key returns the API key of backend: from its environment variable, else
// from the keys file. It is never printed.
func (b *BT) key() (string, error) {
	if env := KeyEnv(b.Backend); env != "" && os.Getenv(env) != "" {
		return os.Getenv(env), nil
	}
	if env := usualKeyEnv(b.Backend); env != "" && os.Getenv(env) != "" {
		return os.Getenv(env), nil
	}
	if b.KeysFile == "" {
		return "", nil
	}
	data, err := os.ReadFile(b.KeysFile)
	if err != nil {
		return "", fmt.Errorf("keys file: %w", err)
	}
	var keys map[string]string
	if err := json.Unmarshal(data, &keys); err != nil {
		return "", fmt.Errorf("keys file %s: not a JSON object of strings", b.KeysFile)
	}
	return keys[b.Backend], nil
}

// DefaultCachePath is the cache file in the user cache directory.
func DefaultCachePath() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "textaug", "backtranslate.db")
}

func (b *BT) cachePath() string {
	if b.Cache == "" {
		return DefaultCachePath()
	}
	return b.Cache
}

// Translator builds the backend with its transport, wrapped in the cache.
// close releases the cache.
func (b *BT) Translator() (t backtranslate.Translator, close func() error, err error) {
	c, err := b.client()
	if err != nil {
		return nil, nil, err
	}
	if t, err = b.backend(c); err != nil {
		return nil, nil, err
	}
	var cache *backtranslate.Cache
	if b.Cache != "none" {
		path := b.cachePath()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, nil, err
		}
		if cache, err = backtranslate.OpenCache(path); err != nil {
			return nil, nil, err
		}
	}
	opt := fmt.Sprintf("model=%s;temperature=%g", b.Model, b.Temperature)
	closeFn := func() error {
		if cache != nil {
			return cache.Close()
		}
		return nil
	}
	return backtranslate.Cached(t, cache, opt), closeFn, nil
}

// client is the HTTP transport with b's limits.
func (b *BT) client() (*backtranslate.Client, error) {
	var opts []backtranslate.Option
	if b.Concurrency > 0 {
		opts = append(opts, backtranslate.WithConcurrency(b.Concurrency))
	}
	if b.Rate > 0 || b.CharsRate > 0 {
		opts = append(opts, backtranslate.WithRate(b.Rate, b.CharsRate))
	}
	if b.Retries != nil {
		opts = append(opts, backtranslate.WithRetries(*b.Retries))
	}
	if b.Timeout != "" {
		d, err := time.ParseDuration(b.Timeout)
		if err != nil {
			return nil, Usage(fieldErr("", "backtranslate.timeout", "%v", err))
		}
		opts = append(opts, backtranslate.WithTimeout(d))
	}
	return backtranslate.NewClient(opts...), nil
}

// or is v, or def when v is empty.
func or(v, def string) string {
	if v == "" {
		return def
	}
	return v
}

// backend builds b's translator on c, after checking what it needs.
func (b *BT) backend(c *backtranslate.Client) (backtranslate.Translator, error) {
	key, err := b.key()
	if err != nil {
		return nil, err
	}
	if err := b.check(key); err != nil {
		return nil, err
	}
	switch b.Backend {
	case "apertium":
		return backtranslate.NewApertium(b.URL, c), nil
	case "libretranslate":
		return backtranslate.NewLibreTranslate(b.URL, key, c), nil
	case "deepl":
		return backtranslate.NewDeepL(or(b.URL, backtranslate.DeepLURL(key)), key, c), nil
	case "google":
		return backtranslate.NewGoogle(or(b.URL, backtranslate.GoogleURL), key, c), nil
	case "azure":
		return backtranslate.NewAzure(or(b.URL, backtranslate.AzureURL), key, b.Region, c), nil
	case "openai":
		opt := backtranslate.OpenAIOptions{Temperature: b.Temperature, Seed: b.Seed}
		return backtranslate.NewOpenAI(b.URL, key, b.Model, c, opt), nil
	}
	return b.template(c)
}

// check says what the backend lacks: a URL, a key, a model, a template.
func (b *BT) check(key string) error {
	need := func(field, what, v string) error {
		if v == "" {
			return Usage(fieldErr("", field, "%s needs %s", b.Backend, what))
		}
		return nil
	}
	switch b.Backend {
	case "apertium":
		return need("backtranslate.url", "a URL (the APy server)", b.URL)
	case "libretranslate":
		return need("backtranslate.url", "a URL", b.URL)
	case "deepl", "google", "azure":
		return need("backtranslate.keys_file", "a key in "+KeyEnv(b.Backend)+" or the keys file", key)
	case "openai":
		if err := need("backtranslate.url", "a URL (any OpenAI-compatible server)", b.URL); err != nil {
			return err
		}
		return need("backtranslate.model", "a model", b.Model)
	case "template":
		return need("backtranslate.template", "a template file", b.Template)
	}
	return Usage(fieldErr("", "backtranslate.backend", "unknown backend %q (have %s)", b.Backend, strings.Join(Backends(), ", ")))
}

// template builds a template backend from its JSON file.
func (b *BT) template(c *backtranslate.Client) (backtranslate.Translator, error) {
	data, err := os.ReadFile(b.Template)
	if err != nil {
		return nil, err
	}
	var cfg backtranslate.TemplateConfig
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, &FieldError{Field: "backtranslate.template", Err: fmt.Errorf("%s: %w", b.Template, err)}
	}
	return backtranslate.NewTemplate(cfg, c)
}

// SourceLang is the corpus language code for the translator.
func (b *BT) SourceLang() string {
	if b.Source != "" {
		return b.Source
	}
	if b.Backend == "apertium" {
		return "eng"
	}
	return "en"
}

// PivotLangs are the pivot languages, the backend's defaults when none are set.
func (b *BT) PivotLangs() []string {
	if len(b.Pivots) > 0 {
		return b.Pivots
	}
	if b.Backend == "apertium" {
		return []string{"spa", "cat"}
	}
	return []string{"es", "fr"}
}

// MixWeight is the weight of back-translation against the word-level
// operations together: Weight, or 1 when unset.
func (b *BT) MixWeight() float64 {
	if b.Weight == 0 {
		return 1
	}
	return b.Weight
}

// RoundTrip builds the back-translation augmenter of b: its translator
// (cached) and languages. close releases the cache and must be called.
func (b *BT) RoundTrip() (rt *backtranslate.RoundTrip, close func() error, err error) {
	t, closeCache, err := b.Translator()
	if err != nil {
		return nil, nil, err
	}
	return &backtranslate.RoundTrip{Translator: t, Source: b.SourceLang(), Pivots: b.PivotLangs(), Chain: b.Chain}, closeCache, nil
}
