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
	Retries     int     `json:"retries,omitempty" yaml:"retries,omitempty"`
	Timeout     string  `json:"timeout,omitempty" yaml:"timeout,omitempty"`
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

// KeyEnv names the environment variable holding each backend's key; the
// backend's usual variable (DEEPL_AUTH_KEY, GOOGLE_API_KEY,
// OPENAI_API_KEY, ...) is read when it is unset.
var KeyEnv = map[string]string{
	"libretranslate": "TEXTAUG_LIBRETRANSLATE_KEY",
	"deepl":          "TEXTAUG_DEEPL_KEY",
	"google":         "TEXTAUG_GOOGLE_KEY",
	"azure":          "TEXTAUG_AZURE_KEY",
	"openai":         "TEXTAUG_OPENAI_KEY",
}

var usualKeyEnv = map[string]string{
	"deepl":  backtranslate.DeepLKeyEnv,
	"google": backtranslate.GoogleKeyEnv,
	"openai": backtranslate.OpenAIKeyEnv,
}

var Backends = []string{"apertium", "libretranslate", "deepl", "google", "azure", "openai", "template"}

// key returns the API key of backend: from its environment variable, else
// from the keys file. It is never printed.
func (b *BT) key() (string, error) {
	if k := os.Getenv(KeyEnv[b.Backend]); k != "" {
		return k, nil
	}
	if k := os.Getenv(usualKeyEnv[b.Backend]); k != "" {
		return k, nil
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
	var opts []backtranslate.Option
	if b.Concurrency > 0 {
		opts = append(opts, backtranslate.WithConcurrency(b.Concurrency))
	}
	if b.Rate > 0 || b.CharsRate > 0 {
		opts = append(opts, backtranslate.WithRate(b.Rate, b.CharsRate))
	}
	if b.Retries > 0 {
		opts = append(opts, backtranslate.WithRetries(b.Retries))
	}
	if b.Timeout != "" {
		d, err := time.ParseDuration(b.Timeout)
		if err != nil {
			return nil, nil, Usagef("--bt-timeout: %v", err)
		}
		opts = append(opts, backtranslate.WithTimeout(d))
	}
	c := backtranslate.NewClient(opts...)
	key, err := b.key()
	if err != nil {
		return nil, nil, err
	}
	need := func(what, v string) error {
		if v == "" {
			return Usagef("--backtranslate %s needs %s", b.Backend, what)
		}
		return nil
	}
	switch b.Backend {
	case "apertium":
		if err := need("--bt-url (the APy server)", b.URL); err != nil {
			return nil, nil, err
		}
		t = backtranslate.NewApertium(b.URL, c)
	case "libretranslate":
		if err := need("--bt-url", b.URL); err != nil {
			return nil, nil, err
		}
		t = backtranslate.NewLibreTranslate(b.URL, key, c)
	case "deepl":
		if err := need("a key in "+KeyEnv["deepl"], key); err != nil {
			return nil, nil, err
		}
		url := b.URL
		if url == "" {
			url = backtranslate.DeepLURL(key)
		}
		t = backtranslate.NewDeepL(url, key, c)
	case "google":
		if err := need("a key in "+KeyEnv["google"], key); err != nil {
			return nil, nil, err
		}
		url := b.URL
		if url == "" {
			url = backtranslate.GoogleURL
		}
		t = backtranslate.NewGoogle(url, key, c)
	case "azure":
		if err := need("a key in "+KeyEnv["azure"], key); err != nil {
			return nil, nil, err
		}
		url := b.URL
		if url == "" {
			url = backtranslate.AzureURL
		}
		t = backtranslate.NewAzure(url, key, b.Region, c)
	case "openai":
		if err := need("--bt-url (any OpenAI-compatible server)", b.URL); err != nil {
			return nil, nil, err
		}
		if err := need("--bt-model", b.Model); err != nil {
			return nil, nil, err
		}
		t = backtranslate.NewOpenAI(b.URL, key, b.Model, c, backtranslate.OpenAIOptions{Temperature: b.Temperature, Seed: b.Seed})
	case "template":
		if err := need("--bt-template FILE", b.Template); err != nil {
			return nil, nil, err
		}
		data, err := os.ReadFile(b.Template)
		if err != nil {
			return nil, nil, err
		}
		var cfg backtranslate.TemplateConfig
		if err := json.Unmarshal(data, &cfg); err != nil {
			return nil, nil, fmt.Errorf("--bt-template %s: %w", b.Template, err)
		}
		tt, err := backtranslate.NewTemplate(cfg, c)
		if err != nil {
			return nil, nil, err
		}
		t = tt
	default:
		return nil, nil, Usagef("--backtranslate: unknown backend %q (have %s)", b.Backend, strings.Join(Backends, ", "))
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
