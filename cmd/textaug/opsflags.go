package main

import (
	"flag"
	"slices"
	"strings"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/tokenize"
)

// opsFlags are the flags of the operations beyond EDA: typo, contraction,
// entity-swap, number-swap, paraphrase and generate.
type opsFlags struct {
	typoRate, contractionRate float64
	keyboard                  string
	entityKinds, numberKinds  string
	llm                       recipe.LLM
}

func (o *opsFlags) register(fs *flag.FlagSet) {
	fs.Float64Var(&o.typoRate, "typo-rate", 0, "share of eligible words the typo operation mistypes (0.1)")
	fs.StringVar(&o.keyboard, "typo-keyboard", "", "keyboard layout of the typo operation: qwerty (default), qwertz, azerty")
	fs.Float64Var(&o.contractionRate, "contraction-rate", 0, "share of contractions and long forms the contraction operation changes (0.5)")
	fs.StringVar(&o.entityKinds, "entity-kinds", "", "what entity-swap may change: a comma list of person, given, family, company, place (all)")
	fs.StringVar(&o.numberKinds, "number-kinds", "", "what number-swap may change: a comma list of number, money, percent, date, identifier (all but percent)")
	fs.StringVar(&o.llm.URL, "llm-url", "", "paraphrase and generate: an OpenAI-compatible chat API, hosted or local (e.g. http://127.0.0.1:8080/v1)")
	fs.StringVar(&o.llm.Model, "llm-model", "", "paraphrase and generate: the model")
	fs.Float64Var(&o.llm.Temperature, "llm-temperature", 0, "paraphrase and generate: the sampling temperature (0)")
	fs.Float64Var(&o.llm.Rate, "llm-rate", 0, "paraphrase and generate: requests per second (0: no limit)")
	fs.IntVar(&o.llm.Concurrency, "llm-concurrency", 0, "paraphrase and generate: requests in flight (4)")
	fs.StringVar(&o.llm.Cache, "llm-cache", "", "paraphrase and generate: answers' cache file (default: llm.db beside the translation cache); none for memory only")
}

// apply sets the recipe fields of the flags that were set.
func (o *opsFlags) apply(set map[string]bool, r *recipe.Recipe) error {
	for name, v := range map[string]float64{"typo-rate": o.typoRate, "contraction-rate": o.contractionRate} {
		if !set[name] {
			continue
		}
		if v <= 0 || v > 1 {
			return recipe.Usagef("--%s must be in (0, 1]", name)
		}
		rs := map[string]float64{}
		for op, x := range r.Rates {
			rs[op] = x
		}
		rs[strings.TrimSuffix(name, "-rate")] = v
		r.Rates = rs
	}
	l := &r.LLM
	for name, apply := range map[string]func(){
		"typo-keyboard":   func() { r.Typo.Keyboard = o.keyboard },
		"entity-kinds":    func() { r.CheckList.EntityKinds = strings.Split(o.entityKinds, ",") },
		"number-kinds":    func() { r.CheckList.NumberKinds = strings.Split(o.numberKinds, ",") },
		"llm-url":         func() { l.URL = o.llm.URL },
		"llm-model":       func() { l.Model = o.llm.Model },
		"llm-temperature": func() { l.Temperature = o.llm.Temperature },
		"llm-rate":        func() { l.Rate = o.llm.Rate },
		"llm-concurrency": func() { l.Concurrency = o.llm.Concurrency },
		"llm-cache":       func() { l.Cache = o.llm.Cache },
	} {
		if set[name] {
			apply()
		}
	}
	return nil
}

// opsNotes says what the recipe's operations do not do for text, for
// explain: contraction and typo leave Chinese alone.
func opsNotes(r recipe.Recipe, text string) []string {
	if tokenize.Language(text) != "zh" && r.Lang != "zh" {
		return nil
	}
	var notes []string
	if slices.Contains(r.Ops, "contraction") {
		notes = append(notes, "contraction: Chinese has no contractions; the operation leaves Chinese text as it is")
	}
	if slices.Contains(r.Ops, "typo") {
		notes = append(notes, "typo: English typing noise; Chinese text is left as it is (pinyin is Chinese typing noise)")
	}
	return notes
}
