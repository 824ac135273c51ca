package recipe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/pinyin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// Recipe is a whole augmentation pipeline, as a preset or a JSON/YAML
// file (--recipe). Command-line flags override its fields.
type Recipe struct {
	Name        string `json:"name,omitempty" yaml:"name,omitempty"`
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
	// Lang is the language of the text: en, zh, or auto (the default:
	// chosen per record by script, see tokenize.Language).
	Lang string `json:"lang,omitempty" yaml:"lang,omitempty"`
	// K is the number of variants per row.
	K int `json:"k" yaml:"k"`
	// Ops are the operations: synonym, insert, swap, delete, punct, and
	// pinyin (Chinese typing noise, never in a preset).
	Ops []string `json:"ops" yaml:"ops"`
	// Chain applies every operation to each variant; otherwise one
	// operation per variant, drawn by Weights (equal when empty).
	Chain   bool               `json:"chain,omitempty" yaml:"chain,omitempty"`
	Weights map[string]float64 `json:"weights,omitempty" yaml:"weights,omitempty"`
	// Alpha is EDA's share of eligible words changed by each operation;
	// Rates overrides it per operation (for punct: AEDA's ratio, 0.3).
	Alpha float64            `json:"alpha" yaml:"alpha"`
	Rates map[string]float64 `json:"rates,omitempty" yaml:"rates,omitempty"`
	// Max caps the changes per operation and variant (0: no cap).
	Max      map[string]int `json:"max,omitempty" yaml:"max,omitempty"`
	MaxTries int            `json:"max_tries,omitempty" yaml:"max_tries,omitempty"`
	Protect  Protect        `json:"protect" yaml:"protect"`
	Synonyms Synonyms       `json:"synonyms" yaml:"synonyms"`
	// Backtranslate adds round trips through a translator to the mix.
	Backtranslate BT `json:"backtranslate,omitempty" yaml:"backtranslate,omitempty"`
}

// Protect is the protection policy of a recipe (see textaug.Policy).
type Protect struct {
	Keep     []string `json:"keep,omitempty" yaml:"keep,omitempty"`
	Patterns []string `json:"patterns,omitempty" yaml:"patterns,omitempty"`
	Anchors  []string `json:"anchors,omitempty" yaml:"anchors,omitempty"`
	// PolarityAnchors makes every word of the polarity list an anchor:
	// never deleted or moved, only replaced by same-polarity synonyms.
	PolarityAnchors bool `json:"polarity_anchors,omitempty" yaml:"polarity_anchors,omitempty"`
	EditProperNouns bool `json:"edit_proper_nouns,omitempty" yaml:"edit_proper_nouns,omitempty"`
	// File is a --protect file: words and phrases, /regexp/ lines.
	File string `json:"file,omitempty" yaml:"file,omitempty"`
}

// Synonyms chooses the synonym sources of a recipe.
type Synonyms struct {
	Base          string   `json:"base" yaml:"base"`       // wordnet or none
	Domains       []string `json:"domains" yaml:"domains"` // banking, finance
	Lexicons      []string `json:"lexicons,omitempty" yaml:"lexicons,omitempty"`
	LexiconFormat string   `json:"lexicon_format,omitempty" yaml:"lexicon_format,omitempty"`
	Blocklists    []string `json:"blocklists,omitempty" yaml:"blocklists,omitempty"`
	Polarity      []string `json:"polarity,omitempty" yaml:"polarity,omitempty"`
	Guard         string   `json:"polarity_guard" yaml:"polarity_guard"` // on, strict, off
	Candidates    int      `json:"candidates,omitempty" yaml:"candidates,omitempty"`
	Senses        int      `json:"senses,omitempty" yaml:"senses,omitempty"`
}

var EDAOps = []string{"synonym", "insert", "swap", "delete"}

// Presets are the named recipes; `textaug presets` prints them.
func Presets() []Recipe {
	base := Synonyms{Base: "wordnet", Domains: []string{"banking", "finance"}, Guard: "on"}
	return []Recipe{
		{
			Name:        "recommended",
			Description: "the default: one of word swaps (alpha 0.2) or punctuation marks (AEDA) per variant, 16 variants; no word is added, deleted or replaced, so every word and figure of the input stays; chosen by cross-validation inside the training splits of the shared English sets (textaug eval --grid); add synonym to ops for lexical variety (domain packs first, strict polarity guard, WordNet's most frequent sense only)",
			K:           16, Ops: []string{"swap", "punct"}, Alpha: 0.2,
			Synonyms: Synonyms{Base: "wordnet", Domains: []string{"banking", "finance", "finance-zh", "service-zh"}, Guard: "strict", Senses: 1, Candidates: 4},
		},
		{
			Name:        "eda",
			Description: "EDA (Wei and Zou, 2019) with the reference code's defaults: one of synonym replacement, random insertion, swap and deletion per variant, alpha 0.1, 9 variants",
			K:           9, Ops: EDAOps, Alpha: 0.1, Synonyms: base,
		},
		{
			Name:        "aeda",
			Description: "AEDA (Karimi et al., 2021): punctuation marks . ; ? : ! , inserted before 1..0.3*words+1 words; no word is changed",
			K:           9, Ops: []string{"punct"}, Alpha: 0.1, Rates: map[string]float64{"punct": 0.3}, Synonyms: base,
		},
		{
			Name:        "finance",
			Description: "finance news sentiment: EDA with the finance pack first, strict polarity guard (no change of polarity), direction words (rose, fell, profit, loss...) never deleted or moved, market compounds (stock exchange, share capital...) kept, entities frozen",
			K:           9, Ops: EDAOps, Alpha: 0.1,
			Protect: Protect{
				PolarityAnchors: true,
				// compounds whose parts have synonyms of their own ("stock" ->
				// "share" would make "share exchange")
				Keep: []string{"stock exchange", "stock market", "share capital", "share price", "earnings per share", "per share"},
			},
			Synonyms: Synonyms{Base: "wordnet", Domains: []string{"finance", "banking"}, Guard: "strict"},
		},
		{
			Name:        "intent",
			Description: "customer-service intents: EDA plus punctuation with the banking pack first; question words and product names kept; slot-like tokens (dates, amounts, card and account numbers) are always protected",
			K:           9, Ops: append(slices.Clone(EDAOps), "punct"), Alpha: 0.1,
			Weights: map[string]float64{"synonym": 2, "insert": 1, "swap": 1, "delete": 1, "punct": 1},
			Protect: Protect{
				Keep:    []string{"Apple Pay", "Google Pay", "top up", "top-up", "direct debit", "standing order", "exchange rate"},
				Anchors: []string{"what", "why", "how", "where", "when", "which", "who", "can", "could", "should"},
			},
			Synonyms: Synonyms{Base: "wordnet", Domains: []string{"banking", "finance"}, Guard: "on"},
		},
	}
}

// Preset returns the preset called name.
func Preset(name string) (Recipe, bool) {
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Recipe{}, false
}

// PresetNames lists the presets, comma-separated.
func PresetNames() string {
	var n []string
	for _, p := range Presets() {
		n = append(n, p.Name)
	}
	return strings.Join(n, ", ")
}

// Load reads a JSON or YAML recipe (by extension; .json is JSON,
// anything else YAML, which also reads JSON). Unknown fields are errors.
func Load(path string) (Recipe, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Recipe{}, err
	}
	var r Recipe
	if strings.EqualFold(filepath.Ext(path), ".json") {
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&r); err != nil {
			return Recipe{}, fmt.Errorf("recipe %s: %w", path, err)
		}
	} else {
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&r); err != nil {
			return Recipe{}, fmt.Errorf("recipe %s: %w", path, err)
		}
	}
	if r.Name == "" {
		r.Name = filepath.Base(path)
	}
	return r, r.Validate()
}

var OpNames = []string{"synonym", "insert", "swap", "delete", "punct", "pinyin"}

// Validate checks the fields of r.
func (r *Recipe) Validate() error {
	if r.K < 1 {
		return fmt.Errorf("recipe %s: k must be at least 1", r.Name)
	}
	if r.Alpha <= 0 || r.Alpha > 1 {
		return fmt.Errorf("recipe %s: alpha must be in (0, 1]", r.Name)
	}
	if len(r.Ops) == 0 && r.Backtranslate.Backend == "" {
		return fmt.Errorf("recipe %s: no ops (want some of %s) and no backtranslate", r.Name, strings.Join(OpNames, ", "))
	}
	if b := r.Backtranslate.Backend; b != "" && !slices.Contains(Backends, b) {
		return fmt.Errorf("recipe %s: unknown backtranslate backend %q (have %s)", r.Name, b, strings.Join(Backends, ", "))
	}
	if r.Backtranslate.Weight < 0 {
		return fmt.Errorf("recipe %s: backtranslate weight must not be negative", r.Name)
	}
	for _, o := range r.Ops {
		if !slices.Contains(OpNames, o) {
			return fmt.Errorf("recipe %s: unknown operation %q (want %s)", r.Name, o, strings.Join(OpNames, ", "))
		}
	}
	for _, m := range []map[string]float64{r.Weights, r.Rates} {
		for o, v := range m {
			if !slices.Contains(OpNames, o) || v < 0 {
				return fmt.Errorf("recipe %s: bad weight or rate %s=%v", r.Name, o, v)
			}
		}
	}
	for o, v := range r.Max {
		if !slices.Contains(OpNames, o) || v < 0 {
			return fmt.Errorf("recipe %s: bad max %s=%v", r.Name, o, v)
		}
	}
	switch r.Lang {
	case "", "auto", "en", "zh":
	default:
		return fmt.Errorf("recipe %s: lang: want en, zh or auto, got %q", r.Name, r.Lang)
	}
	switch r.Synonyms.Base {
	case "wordnet", "none":
	default:
		return fmt.Errorf("recipe %s: synonyms base: want wordnet or none, got %q", r.Name, r.Synonyms.Base)
	}
	switch r.Synonyms.Guard {
	case "on", "strict", "off":
	default:
		return fmt.Errorf("recipe %s: polarity_guard: want on, strict or off, got %q", r.Name, r.Synonyms.Guard)
	}
	return nil
}

func (r *Recipe) rate(op string) float64 {
	if v, ok := r.Rates[op]; ok && v > 0 {
		return v
	}
	switch op {
	case "punct":
		return 0.3
	case "pinyin":
		return 0.05
	}
	return r.Alpha
}

// Edit builds the strategy pipeline; src is called only when an operation
// needs synonyms, so that AEDA alone never loads WordNet.
func (r *Recipe) Edit(src func() (synonyms.Source, error)) (textaug.Edit, error) {
	var syn synonyms.Source
	var edits []textaug.Edit
	var weights []float64
	for _, op := range r.Ops {
		if (op == "synonym" || op == "insert") && syn == nil {
			s, err := src()
			if err != nil {
				return nil, err
			}
			syn = s
		}
		var e textaug.Edit
		switch op {
		case "synonym":
			e = textaug.SynonymReplace{Source: syn, Rate: r.rate(op), Max: r.Max[op]}
		case "insert":
			e = textaug.RandomInsert{Source: syn, Rate: r.rate(op), Max: r.Max[op]}
		case "swap":
			e = textaug.RandomSwap{Rate: r.rate(op), Max: r.Max[op]}
		case "delete":
			e = textaug.RandomDelete{Rate: r.rate(op), Max: r.Max[op]}
		case "punct":
			e = textaug.Punctuation{Ratio: r.rate(op)}
		case "pinyin":
			e = textaug.PinyinNoise{Confusions: pinyin.Confusions{}, Rate: r.rate(op), Max: r.Max[op]}
		}
		edits = append(edits, e)
		w := 1.0
		if v, ok := r.Weights[op]; ok {
			w = v
		}
		weights = append(weights, w)
	}
	if r.Chain {
		return textaug.Chain(edits), nil
	}
	return textaug.OneOf{Edits: edits, Weights: weights}, nil
}

// Tokenizer returns the tokenizer of r.Lang.
func (r *Recipe) Tokenizer() textaug.Tokenizer {
	switch r.Lang {
	case "en":
		return tokenize.English{}
	case "zh":
		return tokenize.Chinese{}
	}
	return tokenize.Auto{}
}

// Policy builds the protection policy.
func (r *Recipe) Policy() (*textaug.Policy, error) {
	p := &textaug.Policy{
		Keep:            slices.Clone(r.Protect.Keep),
		Anchors:         slices.Clone(r.Protect.Anchors),
		EditProperNouns: r.Protect.EditProperNouns,
	}
	for _, s := range r.Protect.Patterns {
		re, err := regexp.Compile(s)
		if err != nil {
			return nil, fmt.Errorf("recipe %s: protect pattern %q: %w", r.Name, s, err)
		}
		p.Patterns = append(p.Patterns, re)
	}
	if r.Protect.File != "" {
		if err := readProtect(r.Protect.File, p); err != nil {
			return nil, err
		}
	}
	if r.Protect.PolarityAnchors {
		lex, err := synonyms.DefaultPolarity()
		if err != nil {
			return nil, err
		}
		for _, path := range r.Synonyms.Polarity {
			extra, err := synonyms.LoadPolarity(path)
			if err != nil {
				return nil, err
			}
			lex = lex.Merge(extra)
		}
		for _, pol := range []synonyms.Polarity{synonyms.Positive, synonyms.Negative} {
			for _, w := range lex.Words(pol) {
				if !strings.Contains(w, " ") {
					p.Anchors = append(p.Anchors, w)
				}
			}
		}
	}
	return p, nil
}

// readProtect adds the words, phrases and /regexp/ lines of a protect file
// to p, with located errors.
func readProtect(path string, p *textaug.Policy) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(line) > 2 && strings.HasPrefix(line, "/") && strings.HasSuffix(line, "/") {
			re, err := regexp.Compile(line[1 : len(line)-1])
			if err != nil {
				return fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
			p.Patterns = append(p.Patterns, re)
			continue
		}
		p.Keep = append(p.Keep, line)
	}
	return nil
}

// Words builds the word-level augmenter of the recipe's operations (its
// tokenizer, edits and protection policy); nil when the recipe has no
// operations (back-translation alone). Mixing it with back-translation
// (BT.RoundTrip, BT.MixWeight) is internal/augment's job.
func (r *Recipe) Words() (textaug.Augmenter, error) {
	policy, err := r.Policy() // checked even without operations
	if err != nil || len(r.Ops) == 0 {
		return nil, err
	}
	edit, err := r.Edit(func() (synonyms.Source, error) { return r.Synonyms.Build() })
	if err != nil {
		return nil, err
	}
	return textaug.Tokens{Tokenizer: r.Tokenizer(), Edit: edit, Policy: policy}, nil
}
