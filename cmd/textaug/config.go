package main

import (
	"flag"
	"strings"

	"github.com/textaug/textaug/internal/recipe"
)

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// recipeFlags are the flags that configure the pipeline; shared by augment
// and explain. A flag that is set overrides the preset or recipe.
type recipeFlags struct {
	preset, recipe               string
	k                            int
	alpha                        float64
	alphaSR, alphaRI, alphaRS    float64
	alphaRD, punctRatio          float64
	pinyinRate                   float64
	ops                          string
	chain                        bool
	maxTries                     int
	protect                      string
	base, domains, guard, format string
	lexicons, blocklists, pols   multi
	candidates, senses           int
	lang                         string
	bt                           recipe.BT
	btPivots                     string
	more                         opsFlags // typo, contraction, CheckList, LLM (opsflags.go)
}

func (f *recipeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.preset, "preset", "recommended", "named recipe: "+recipe.PresetNames()+" (see 'textaug presets')")
	fs.StringVar(&f.recipe, "recipe", "", "recipe file (JSON or YAML) with the whole pipeline; flags override it")
	fs.IntVar(&f.k, "k", 0, "variants per row (preset: 9)")
	fs.Float64Var(&f.alpha, "alpha", 0, "share of eligible words each operation changes, EDA's α (preset: 0.1)")
	fs.Float64Var(&f.alphaSR, "alpha-sr", 0, "α of synonym replacement only")
	fs.Float64Var(&f.alphaRI, "alpha-ri", 0, "α of random insertion only")
	fs.Float64Var(&f.alphaRS, "alpha-rs", 0, "α of random swap only")
	fs.Float64Var(&f.alphaRD, "alpha-rd", 0, "α (deletion probability) of random deletion only")
	fs.Float64Var(&f.punctRatio, "punct-ratio", 0, "AEDA's ratio: marks before 1..ratio·words+1 words (0.3)")
	fs.Float64Var(&f.pinyinRate, "pinyin-rate", 0, "share of eligible Chinese characters the pinyin operation mistypes (0.05)")
	fs.StringVar(&f.ops, "ops", "", "operations: eda, aeda, none (back-translation alone), or a comma list of synonym, insert, swap, delete, punct, pinyin (Chinese typing noise), typo, contraction, entity-swap, number-swap, paraphrase, generate")
	fs.BoolVar(&f.chain, "chain", false, "apply every operation to each variant instead of one per variant")
	fs.IntVar(&f.maxTries, "max-tries", 0, "attempts per row before a shortfall is reported (0: 4·k+10)")
	fs.StringVar(&f.protect, "protect", "", "file of words and phrases never edited, one per line; /regexp/ lines are patterns")
	fs.StringVar(&f.base, "synonyms", "", "base synonym source: wordnet (embedded WordNet 3.0) or none")
	fs.StringVar(&f.domains, "domain", "", "domain packs over WordNet: banking, finance, a comma list, or none (preset: banking,finance)")
	fs.Var(&f.lexicons, "lexicon", "your synonym lexicon (TSV, OMW .tab, Cilin .txt); repeatable; earlier files win")
	fs.StringVar(&f.format, "lexicon-format", "", "format of --lexicon files: auto (by extension), tsv, omw or cilin")
	fs.Var(&f.blocklists, "blocklist", "file of candidates that must never appear; repeatable")
	fs.Var(&f.pols, "polarity", "extra polarity list for the guard; repeatable")
	fs.StringVar(&f.guard, "polarity-guard", "", "on (no opposite polarity), strict (no change of polarity) or off")
	fs.IntVar(&f.candidates, "candidates", 0, "WordNet candidates per word (0: 8)")
	fs.IntVar(&f.senses, "senses", 0, "WordNet senses per word, most frequent first (0: 3)")
	fs.StringVar(&f.lang, "lang", "auto", "language of the text: en, zh, or auto (per record: Chinese when at least 30% of its letters are Han)")
	fs.StringVar(&f.bt.Backend, "backtranslate", "", "back-translate through a translator too: "+strings.Join(recipe.Backends, ", "))
	fs.StringVar(&f.bt.URL, "bt-url", "", "the translator's base URL (apertium: your APy, e.g. http://127.0.0.1:2737)")
	fs.StringVar(&f.btPivots, "pivots", "", "pivot languages, comma-separated (apertium default: spa,cat; others: es,fr)")
	fs.StringVar(&f.bt.Source, "bt-source", "", "language of the corpus for the translator (apertium default: eng; others: en)")
	fs.BoolVar(&f.bt.Chain, "bt-chain", false, "go through every pivot in turn (en->es->fr->en) instead of one pivot per variant")
	fs.Float64Var(&f.bt.Weight, "bt-weight", 0, "weight of back-translation against the word operations together (1)")
	fs.StringVar(&f.bt.Cache, "bt-cache", "", "translation cache file (default: "+recipe.DefaultCachePath()+"); none for memory only")
	fs.IntVar(&f.bt.Concurrency, "bt-concurrency", 0, "translator requests in flight (4)")
	fs.Float64Var(&f.bt.Rate, "bt-rate", 0, "translator requests per second (0: no limit)")
	fs.Float64Var(&f.bt.CharsRate, "bt-chars-rate", 0, "characters per second sent to the translator (0: no limit)")
	fs.IntVar(&f.bt.Retries, "bt-retries", 0, "retries of a failed request (5)")
	fs.StringVar(&f.bt.Timeout, "bt-timeout", "", "timeout of one request (60s)")
	fs.StringVar(&f.bt.Model, "bt-model", "", "openai: the model")
	fs.Float64Var(&f.bt.Temperature, "bt-temperature", 0, "openai: the sampling temperature (0)")
	fs.StringVar(&f.bt.Region, "bt-region", "", "azure: the resource's region")
	fs.StringVar(&f.bt.Template, "bt-template", "", "template: JSON file describing an in-house service")
	fs.StringVar(&f.bt.KeysFile, "bt-keys", "", "JSON file of API keys by backend name (environment variables TEXTAUG_<BACKEND>_KEY win)")
	f.more.register(fs)
}

// resolve returns the recipe: the preset or recipe file, overridden by the
// flags that were set on fs.
func (f *recipeFlags) resolve(fs *flag.FlagSet) (recipe.Recipe, error) {
	set := map[string]bool{}
	fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	var r recipe.Recipe
	if f.recipe != "" {
		if set["preset"] {
			return r, recipe.Usagef("--preset and --recipe: give one")
		}
		var err error
		if r, err = recipe.Load(f.recipe); err != nil {
			return r, err
		}
	} else {
		p, ok := recipe.Preset(f.preset)
		if !ok {
			return r, recipe.Usagef("--preset: unknown preset %q (have %s)", f.preset, recipe.PresetNames())
		}
		r = p
	}
	switch f.lang {
	case "en", "zh", "auto":
		if set["lang"] {
			r.Lang = f.lang
		}
	default:
		return r, recipe.Usagef("--lang: want en, zh or auto, got %q", f.lang)
	}
	if set["k"] {
		r.K = f.k
	}
	if set["alpha"] {
		r.Alpha = f.alpha
		r.Rates = nil
	}
	rates := map[string]float64{"alpha-sr": f.alphaSR, "alpha-ri": f.alphaRI, "alpha-rs": f.alphaRS, "alpha-rd": f.alphaRD, "punct-ratio": f.punctRatio, "pinyin-rate": f.pinyinRate}
	ops := map[string]string{"alpha-sr": "synonym", "alpha-ri": "insert", "alpha-rs": "swap", "alpha-rd": "delete", "punct-ratio": "punct", "pinyin-rate": "pinyin"}
	for name, v := range rates {
		if set[name] {
			if v <= 0 || v > 1 {
				return r, recipe.Usagef("--%s must be in (0, 1]", name)
			}
			rs := map[string]float64{}
			for o, x := range r.Rates {
				rs[o] = x
			}
			rs[ops[name]] = v
			r.Rates = rs
		}
	}
	if set["ops"] {
		switch f.ops {
		case "eda":
			r.Ops = recipe.EDAOps
		case "aeda":
			r.Ops = []string{"punct"}
		case "none", "":
			r.Ops = nil // back-translation alone
		default:
			r.Ops = nil
			for _, o := range strings.Split(f.ops, ",") {
				r.Ops = append(r.Ops, strings.TrimSpace(o))
			}
		}
		r.Weights = nil
	}
	if set["chain"] {
		r.Chain = f.chain
	}
	if set["max-tries"] {
		r.MaxTries = f.maxTries
	}
	if set["protect"] {
		r.Protect.File = f.protect
	}
	if set["synonyms"] {
		r.Synonyms.Base = f.base
	}
	if set["domain"] {
		r.Synonyms.Domains = strings.Split(f.domains, ",")
	}
	if set["lexicon"] {
		r.Synonyms.Lexicons = append(append([]string(nil), f.lexicons...), r.Synonyms.Lexicons...)
	}
	if set["lexicon-format"] {
		r.Synonyms.LexiconFormat = f.format
	}
	if set["blocklist"] {
		r.Synonyms.Blocklists = append(r.Synonyms.Blocklists, f.blocklists...)
	}
	if set["polarity"] {
		r.Synonyms.Polarity = append(r.Synonyms.Polarity, f.pols...)
	}
	if set["polarity-guard"] {
		r.Synonyms.Guard = f.guard
	}
	if set["candidates"] {
		r.Synonyms.Candidates = f.candidates
	}
	if set["senses"] {
		r.Synonyms.Senses = f.senses
	}
	bt := &r.Backtranslate
	for name, apply := range map[string]func(){
		"backtranslate": func() { bt.Backend = f.bt.Backend },
		"bt-url":        func() { bt.URL = f.bt.URL },
		"pivots": func() {
			bt.Pivots = nil
			for _, p := range strings.Split(f.btPivots, ",") {
				if p = strings.TrimSpace(p); p != "" {
					bt.Pivots = append(bt.Pivots, p)
				}
			}
		},
		"bt-source":      func() { bt.Source = f.bt.Source },
		"bt-chain":       func() { bt.Chain = f.bt.Chain },
		"bt-weight":      func() { bt.Weight = f.bt.Weight },
		"bt-cache":       func() { bt.Cache = f.bt.Cache },
		"bt-concurrency": func() { bt.Concurrency = f.bt.Concurrency },
		"bt-rate":        func() { bt.Rate = f.bt.Rate },
		"bt-chars-rate":  func() { bt.CharsRate = f.bt.CharsRate },
		"bt-retries":     func() { bt.Retries = f.bt.Retries },
		"bt-timeout":     func() { bt.Timeout = f.bt.Timeout },
		"bt-model":       func() { bt.Model = f.bt.Model },
		"bt-temperature": func() { bt.Temperature = f.bt.Temperature },
		"bt-region":      func() { bt.Region = f.bt.Region },
		"bt-template":    func() { bt.Template = f.bt.Template },
		"bt-keys":        func() { bt.KeysFile = f.bt.KeysFile },
	} {
		if set[name] {
			apply()
		}
	}
	if err := f.more.apply(set, &r); err != nil {
		return r, err
	}
	if err := r.Validate(); err != nil {
		return r, recipe.Usage(err)
	}
	return r, nil
}
