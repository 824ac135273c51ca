package main

import (
	"os"
	"slices"
	"strings"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/synonyms/domain"
)

// flagReaders says which operations read a flag: a flag given while the
// recipe has none of them has no effect, and is a usage error.
var flagReaders = []struct {
	flags []string
	ops   []string
}{
	{[]string{"lexicon", "lexicon-format", "blocklist", "polarity", "polarity-guard", "candidates", "senses", "domain", "synonyms"}, []string{"synonym", "insert"}},
	{[]string{"alpha-sr"}, []string{"synonym"}},
	{[]string{"alpha-ri"}, []string{"insert"}},
	{[]string{"alpha-rs"}, []string{"swap"}},
	{[]string{"alpha-rd"}, []string{"delete"}},
	{[]string{"punct-ratio"}, []string{"punct"}},
	{[]string{"pinyin-rate"}, []string{"pinyin"}},
}

// btFlags are read only with --backtranslate; some only by one backend.
var btFlags = map[string]string{
	"bt-url": "", "pivots": "", "bt-source": "", "bt-chain": "", "bt-weight": "", "bt-cache": "",
	"bt-concurrency": "", "bt-rate": "", "bt-chars-rate": "", "bt-retries": "", "bt-timeout": "", "bt-keys": "",
	"bt-model": "openai", "bt-temperature": "openai", "bt-region": "azure", "bt-template": "template",
}

// fileFlags name files that must exist.
var fileFlags = []string{"lexicon", "blocklist", "polarity", "protect", "bt-template", "bt-keys"}

// checkFlagsUsed refuses, before anything is read, a flag that no chosen
// operation reads, a file flag naming no file, and an unknown domain pack,
// naming the flag and why.
func checkFlagsUsed(rf *recipeFlags, rec recipe.Recipe) error {
	given := func(name string) bool { return rf.fields.Value(name) != "" }
	for _, fr := range flagReaders {
		for _, fl := range fr.flags {
			if given(fl) && !slices.ContainsFunc(fr.ops, func(op string) bool { return slices.Contains(rec.Ops, op) }) {
				return recipe.Usagef("--%s has no effect: the recipe has no %s operation; add --ops %s,… or use --preset eda", fl, strings.Join(fr.ops, " or "), fr.ops[0])
			}
		}
	}
	for fl, backend := range sortedMap(btFlags) {
		switch {
		case !given(fl):
		case rec.Backtranslate.Backend == "":
			return recipe.Usagef("--%s has no effect without --backtranslate", fl)
		case backend != "" && rec.Backtranslate.Backend != backend:
			return recipe.Usagef("--%s has no effect: it is for --backtranslate %s, not %s", fl, backend, rec.Backtranslate.Backend)
		}
	}
	for _, fl := range fileFlags {
		for _, path := range strings.Split(rf.fields.Value(fl), ",") {
			if _, err := os.Stat(path); path != "" && err != nil {
				return recipe.Usagef("--%s %s: %v", fl, path, err)
			}
		}
	}
	if given("domain") {
		for _, d := range rec.Synonyms.Domains {
			if d != "none" && d != "" && !slices.Contains(domain.Names(), d) {
				return recipe.Usagef("--domain: unknown pack %q (have %s, or none)", d, strings.Join(domain.Names(), ", "))
			}
		}
	}
	return nil
}

// sortedMap iterates over m in the order of its keys.
func sortedMap(m map[string]string) func(func(string, string) bool) {
	return func(yield func(string, string) bool) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}
}
