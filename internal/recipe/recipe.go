package recipe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
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
	// pinyin (Chinese typing noise), typo, contraction, entity-swap,
	// number-swap, paraphrase and generate, never in a preset.
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
	Max map[string]int `json:"max,omitempty" yaml:"max,omitempty"`
	// Readable turns on the strategies' readability options: swaps of
	// neighbouring words within a clause only, a comma only
	// where a clause opens and never first, deletion of filler words only
	// (textaug.DefaultFillers), one change per operation in a sentence of
	// fewer than textaug.ShortSentence words.
	Readable bool `json:"readable,omitempty" yaml:"readable,omitempty"`
	// Reorder lets swaps change only the pairs a reader takes as the same
	// sentence in another order (textaug.RandomSwap.Reorder).
	Reorder  bool     `json:"reorder,omitempty" yaml:"reorder,omitempty"`
	MaxTries int      `json:"max_tries,omitempty" yaml:"max_tries,omitempty"`
	Protect  Protect  `json:"protect" yaml:"protect"`
	Synonyms Synonyms `json:"synonyms" yaml:"synonyms"`
	// Backtranslate adds round trips through a translator to the mix.
	Backtranslate BT `json:"backtranslate,omitempty" yaml:"backtranslate,omitempty"`
	// Typo, CheckList and LLM configure typo, entity-swap and number-swap,
	// and paraphrase and generate (see ops.go).
	Typo      TypoConfig `json:"typo,omitempty" yaml:"typo,omitempty"`
	CheckList CheckList  `json:"checklist,omitempty" yaml:"checklist,omitempty"`
	LLM       LLM        `json:"llm,omitempty" yaml:"llm,omitempty"`
	// Labels are the label-aware settings: corpus anchors and entities,
	// class balancing, the consistency filter (see labels.go).
	Labels Labels `json:"labels,omitempty" yaml:"labels,omitempty"`
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
	Base          string   `json:"base" yaml:"base"`                           // wordnet or none
	Domains       []string `json:"domains,omitempty" yaml:"domains,omitempty"` // banking, finance
	Lexicons      []string `json:"lexicons,omitempty" yaml:"lexicons,omitempty"`
	LexiconFormat string   `json:"lexicon_format,omitempty" yaml:"lexicon_format,omitempty"`
	Blocklists    []string `json:"blocklists,omitempty" yaml:"blocklists,omitempty"`
	Polarity      []string `json:"polarity,omitempty" yaml:"polarity,omitempty"`
	Guard         string   `json:"polarity_guard" yaml:"polarity_guard"` // on, strict, off
	Candidates    int      `json:"candidates,omitempty" yaml:"candidates,omitempty"`
	Senses        int      `json:"senses,omitempty" yaml:"senses,omitempty"`
}

// EDAOps returns EDA's four operations, the ops of the alias "eda"; the
// slice is the caller's.
func EDAOps() []string { return []string{"synonym", "insert", "swap", "delete"} }

// OpNames returns the names of every operation; the slice is the caller's.
func OpNames() []string {
	return []string{"synonym", "insert", "swap", "delete", "punct", "pinyin", "typo", "contraction", "entity-swap", "number-swap", "paraphrase", "generate", "label-swap"}
}

// ExpandOps replaces the aliases in ops, in recipe files as on the command
// line: "eda" is EDAOps, "aeda" is punct, "none" is nothing (back-translation
// alone). Operations named twice are kept once.
func ExpandOps(ops []string) []string {
	var out []string
	for _, o := range ops {
		var add []string
		switch o {
		case "eda":
			add = EDAOps()
		case "aeda":
			add = []string{"punct"}
		case "none":
		default:
			add = []string{o}
		}
		for _, a := range add {
			if !slices.Contains(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// The protections of the finance and intent presets, which readable has
// too: market compounds whose parts have synonyms of their own ("stock" ->
// "share" would make "share exchange"), product names, question words.
var (
	financeKeep   = []string{"stock exchange", "stock market", "share capital", "share price", "earnings per share", "per share"}
	intentKeep    = []string{"Apple Pay", "Google Pay", "top up", "top-up", "direct debit", "standing order", "exchange rate"}
	intentAnchors = []string{"what", "why", "how", "where", "when", "which", "who", "can", "could", "should"}
)

// Presets are the named recipes; `textaug presets` prints them.
func Presets() []Recipe {
	// Every preset that replaces words has the Chinese packs too, for the
	// Chinese records of a corpus (WordNet has no Chinese).
	base := Synonyms{Base: "wordnet", Domains: []string{"banking", "finance", "finance-zh", "service-zh"}, Guard: "on"}
	return []Recipe{
		{
			Name:        "shuffle",
			Description: "one of word swaps (alpha 0.2) or punctuation marks (AEDA) per variant, 16 variants: every word and figure stays, but the words are shuffled into text nobody writes ('Help lost my I and I can't find it, please card!'); for bag-of-n-gram classifiers at a fixed C and networks trained from scratch (a word CNN on banking77 gains 3-5 points over copying the rows), not for text people read, nor for Chinese, nor for fine-tuning pretrained models (docs/eval.md); the default, as recommended, before readable",
			K:           16, Ops: []string{"swap", "punct"}, Alpha: 0.2,
			Synonyms: Synonyms{Base: "wordnet", Domains: []string{"banking", "finance", "finance-zh", "service-zh"}, Guard: "strict", Senses: 1, Candidates: 4},
		},
		{
			Name:        "eda",
			Description: "EDA (Wei and Zou, 2019) with the reference code's defaults: one of synonym replacement, random insertion, swap and deletion per variant, alpha 0.1, 9 variants",
			K:           9, Ops: EDAOps(), Alpha: 0.1, Synonyms: base,
		},
		{
			Name:        "aeda",
			Description: "AEDA (Karimi et al., 2021): punctuation marks . ; ? : ! , inserted before 1..0.3*words+1 words; no word is changed",
			K:           9, Ops: []string{"punct"}, Alpha: 0.1, Rates: map[string]float64{"punct": 0.3}, Synonyms: base,
		},
		{
			Name:        "finance",
			Description: "finance news sentiment: EDA with the finance pack first, strict polarity guard (no change of polarity), direction words (rose, fell, profit, loss...) never deleted or moved, market compounds (stock exchange, share capital...) kept, entities frozen; with labels, each label's anchors and the corpus entities are learned in a first pass and frozen",
			K:           9, Ops: EDAOps(), Alpha: 0.1,
			Protect: Protect{
				PolarityAnchors: true,
				Keep:            slices.Clone(financeKeep),
			},
			Synonyms: Synonyms{Base: "wordnet", Domains: []string{"finance", "banking", "finance-zh", "service-zh"}, Guard: "strict"},
			Labels:   Labels{Anchors: true},
		},
		{
			Name:        "intent",
			Description: "customer-service intents: EDA plus punctuation with the banking pack first; question words and product names kept; slot-like tokens (dates, amounts, card and account numbers) are always protected; with labels, each label's anchors (card_arrival: card, arrive...) and the corpus entities are learned in a first pass and frozen",
			K:           9, Ops: append(EDAOps(), "punct"), Alpha: 0.1,
			Weights: map[string]float64{"synonym": 2, "insert": 1, "swap": 1, "delete": 1, "punct": 1},
			Protect: Protect{
				Keep:    slices.Clone(intentKeep),
				Anchors: slices.Clone(intentAnchors),
			},
			Synonyms: Synonyms{Base: "wordnet", Domains: []string{"banking", "finance", "service-zh", "finance-zh"}, Guard: "on"},
			Labels:   Labels{Anchors: true},
		},
		readable(false),
		readable(true),
	}
}

// readable is the readable preset, or with reorder its strict form, whose
// swaps only change natural reorderings (textaug.RandomSwap.Reorder).
func readable(reorder bool) Recipe {
	r := Recipe{
		Name:        "readable",
		Description: "variants that read like text a person could write (every one passes textaug.Readable): one edit per variant, among one synonym (domain packs first, WordNet's most frequent sense, strict polarity guard), a swap of two neighbouring words within a clause, a comma where a clause opens (never first), or the deletion of one filler word (really, just, please...); question words, direction words (rose, fell...), market compounds and product names never move; with labels, each label's anchors and the corpus entities are learned in a first pass and frozen; 6 variants (at k 6, 90% of the variants asked for are made on banking77, 94-96% on Financial PhraseBank; the rest are reported shortfalls)",
		K:           6, Ops: []string{"synonym", "swap", "punct", "delete"}, Alpha: 0.1, Readable: true,
		Weights: map[string]float64{"synonym": 2, "swap": 1, "punct": 1, "delete": 1},
		Max:     map[string]int{"synonym": 1, "swap": 1, "punct": 1, "delete": 1},
		Protect: Protect{
			PolarityAnchors: true,
			Keep:            append(slices.Clone(financeKeep), intentKeep...),
			Anchors:         slices.Clone(intentAnchors),
		},
		Synonyms: Synonyms{Base: "wordnet", Domains: []string{"banking", "finance", "finance-zh", "service-zh"}, Guard: "strict", Senses: 1, Candidates: 4},
		// With labels, each label's anchors and the corpus entities are
		// learned in a first pass and frozen, as in intent and finance.
		Labels: Labels{Anchors: true},
	}
	if reorder {
		r.Name, r.K, r.Reorder = "readable-strict", 4, true
		r.Description = "readable, with swaps only where the sentence reads the same in the other order (two plain adjectives, or an adverb and its verb or adjective: 'I have still', never 'card my'); 4 variants (62% of those asked for are made on banking77, 83-87% on Financial PhraseBank)"
	}
	return r
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
	r.Ops = ExpandOps(r.Ops)
	return r, r.Validate()
}

// Validate checks the fields of r; its errors are *FieldErrors.
func (r *Recipe) Validate() error {
	bad := func(field, format string, args ...any) error { return fieldErr(r.Name, field, format, args...) }
	ops := OpNames()
	switch {
	case r.K < 1:
		return bad("k", "must be at least 1")
	case r.Alpha <= 0 || r.Alpha > 1:
		return bad("alpha", "must be in (0, 1]")
	case len(r.Ops) == 0 && r.Backtranslate.Backend == "":
		return bad("ops", "none (want some of %s) and no backtranslate", strings.Join(ops, ", "))
	case r.Backtranslate.Backend != "" && !slices.Contains(Backends(), r.Backtranslate.Backend):
		return bad("backtranslate.backend", "unknown backend %q (have %s)", r.Backtranslate.Backend, strings.Join(Backends(), ", "))
	case r.Backtranslate.Weight < 0:
		return bad("backtranslate.weight", "must not be negative")
	}
	for _, o := range r.Ops {
		if !slices.Contains(ops, o) {
			return bad("ops", "unknown operation %q (want %s)", o, strings.Join(ops, ", "))
		}
	}
	for _, o := range slices.Sorted(maps.Keys(r.Weights)) {
		if !slices.Contains(ops, o) || r.Weights[o] < 0 {
			return bad("weights."+o, "want an operation's weight, at least 0, got %v", r.Weights[o])
		}
	}
	for _, o := range slices.Sorted(maps.Keys(r.Rates)) {
		if !slices.Contains(ops, o) || r.Rates[o] <= 0 || r.Rates[o] > 1 {
			return bad("rates."+o, "want an operation's rate in (0, 1], got %v", r.Rates[o])
		}
	}
	for _, o := range slices.Sorted(maps.Keys(r.Max)) {
		if !slices.Contains(ops, o) || r.Max[o] < 0 {
			return bad("max."+o, "want an operation's cap, at least 0, got %v", r.Max[o])
		}
	}
	if err := r.Labels.validate(bad); err != nil {
		return err
	}
	return r.validateNames(bad)
}

// validateNames checks the fields that hold names.
func (r *Recipe) validateNames(bad func(field, format string, args ...any) error) error {
	switch r.Lang {
	case "", "auto", "en", "zh":
	default:
		return bad("lang", "want en, zh or auto, got %q", r.Lang)
	}
	switch r.Synonyms.Base {
	case "wordnet", "none":
	default:
		return bad("synonyms.base", "want wordnet or none, got %q", r.Synonyms.Base)
	}
	switch r.Synonyms.Guard {
	case "on", "strict", "off":
	default:
		return bad("synonyms.polarity_guard", "want on, strict or off, got %q", r.Synonyms.Guard)
	}
	return r.validateOps()
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
	case "typo":
		return 0.1
	case "contraction":
		return 0.5
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
		if slices.Contains(llmOps, op) {
			continue // not a token edit: see Augmenter
		}
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
		case "swap", "delete", "punct":
			e = r.readableEdit(op)
		case "pinyin":
			e = textaug.PinyinNoise{Confusions: pinyin.Confusions{}, Rate: r.rate(op), Max: r.Max[op]}
		default:
			var err error
			if e, err = r.opEdit(op); err != nil {
				return nil, err
			}
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

// readableEdit builds swap, delete and punct, with their readability
// options when r.Readable is set.
func (r *Recipe) readableEdit(op string) textaug.Edit {
	short := 0
	if r.Readable {
		short = textaug.ShortSentence
	}
	switch op {
	case "swap":
		return textaug.RandomSwap{Rate: r.rate(op), Max: r.Max[op], Distance: min(short, 1), InClause: r.Readable, Reorder: r.Reorder, Short: short}
	case "delete":
		e := textaug.RandomDelete{Rate: r.rate(op), Max: r.Max[op], Short: short}
		if r.Readable {
			e.Fillers = textaug.DefaultFillers()
		}
		return e
	}
	return textaug.Punctuation{Ratio: r.rate(op), Max: r.Max[op], NotFirst: r.Readable, Clauses: r.Readable, Short: short}
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
		lex, err := r.Synonyms.polarity()
		if err != nil {
			return nil, err
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
// token operations (back-translation, paraphrase or generate alone).
// Mixing it with back-translation (BT.RoundTrip, BT.MixWeight) is
// internal/augment's job; WithLLM adds paraphrase and generate.
func (r *Recipe) Words() (textaug.Augmenter, error) {
	policy, err := r.Policy() // checked even without operations
	if err != nil || !slices.ContainsFunc(r.Ops, func(o string) bool { return !slices.Contains(llmOps, o) }) {
		return nil, err
	}
	edit, err := r.Edit(func() (synonyms.Source, error) { return r.Synonyms.Build() })
	if err != nil {
		return nil, err
	}
	return textaug.Tokens{Tokenizer: r.Tokenizer(), Edit: edit, Policy: policy}, nil
}
