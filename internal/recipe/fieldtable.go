package recipe

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/textaug/textaug/synonyms/domain"
	"github.com/textaug/textaug/textaug/lexdata"
)

// The groups of the fields, in the order of the table: help and
// docs/cli.md list the flags by group.
const (
	GroupOps           = "Operations and strength"
	GroupProtect       = "Protection and language"
	GroupSynonyms      = "Synonyms"
	GroupMoreOps       = "Typo, CheckList and language-model operations"
	GroupLabels        = "Labels"
	GroupBacktranslate = "Back-translation"
)

// fieldTable is every recipe field a front-end offers as a flag, in the
// order overrides are applied (alpha before the per-operation rates it
// resets). It is a flag table: one entry per flag.
var fieldTable = []Field{
	{Name: "k", Group: GroupOps, Flag: "k", Usage: "variants per row",
		set: intField(func(r *Recipe) *int { return &r.K }), show: func(r *Recipe) string { return showInt(r.K) }},
	{Name: "alpha", Group: GroupOps, Flag: "alpha", Usage: "share of eligible words each operation changes, EDA's α; resets the per-operation rates",
		set: func(r *Recipe, v []string) error {
			r.Rates = nil
			return floatField(func(r *Recipe) *float64 { return &r.Alpha })(r, v)
		}, show: func(r *Recipe) string { return showFloat(r.Alpha) }},
	{Name: "rates.synonym", Group: GroupOps, Flag: "alpha-sr", Usage: "α of synonym replacement only", set: rateField("synonym"), show: showRate("synonym")},
	{Name: "rates.insert", Group: GroupOps, Flag: "alpha-ri", Usage: "α of random insertion only", set: rateField("insert"), show: showRate("insert")},
	{Name: "rates.swap", Group: GroupOps, Flag: "alpha-rs", Usage: "α of random swap only", set: rateField("swap"), show: showRate("swap")},
	{Name: "rates.delete", Group: GroupOps, Flag: "alpha-rd", Usage: "α (deletion probability) of random deletion only", set: rateField("delete"), show: showRate("delete")},
	{Name: "rates.punct", Group: GroupOps, Flag: "punct-ratio", Usage: "AEDA's ratio: marks before 1..ratio·words+1 words (unset: 0.3)", set: rateField("punct"), show: showRate("punct")},
	{Name: "rates.pinyin", Group: GroupOps, Flag: "pinyin-rate", Usage: "share of eligible Chinese characters the pinyin operation mistypes (unset: 0.05)", set: rateField("pinyin"), show: showRate("pinyin")},
	{Name: "rates.typo", Group: GroupOps, Flag: "typo-rate", Usage: "share of eligible words the typo operation mistypes (unset: 0.1)", set: rateField("typo"), show: showRate("typo")},
	{Name: "rates.contraction", Group: GroupOps, Flag: "contraction-rate", Usage: "share of contractions and long forms the contraction operation changes (unset: 0.5)", set: rateField("contraction"), show: showRate("contraction")},
	{Name: "ops", Group: GroupOps, Flag: "ops", Usage: "operations: eda, aeda, none (back-translation alone), or a comma list of " + strings.Join(OpNames(), ", ") + " (pinyin: Chinese typing noise); resets the weights",
		set: func(r *Recipe, v []string) error {
			r.Ops, r.Weights = ExpandOps(splitList(last(v))), nil
			return nil
		}, show: func(r *Recipe) string { return strings.Join(r.Ops, ",") }},
	{Name: "chain", Group: GroupOps, Flag: "chain", Bool: true, Usage: "apply every operation to each variant instead of one per variant",
		set: boolField(func(r *Recipe) *bool { return &r.Chain })},
	{Name: "max_tries", Group: GroupOps, Flag: "max-tries", Usage: "attempts per row before a shortfall is reported (unset: 4·k+10)",
		set: intField(func(r *Recipe) *int { return &r.MaxTries }), show: func(r *Recipe) string { return showInt(r.MaxTries) }},
	{Name: "protect.file", Group: GroupProtect, Flag: "protect", Usage: "file of words and phrases never edited, one per line; /regexp/ lines are patterns",
		set: stringField(func(r *Recipe) *string { return &r.Protect.File })},
	{Name: "synonyms.base", Group: GroupSynonyms, Flag: "synonyms", Usage: "base synonym source: wordnet (embedded WordNet 3.0) or none",
		set: stringField(func(r *Recipe) *string { return &r.Synonyms.Base }), show: func(r *Recipe) string { return r.Synonyms.Base }},
	{Name: "synonyms.domains", Group: GroupSynonyms, Flag: "domain", Usage: "domain packs over WordNet: a comma list of " + strings.Join(domain.Names(), ", ") + ", or none",
		set:  func(r *Recipe, v []string) error { r.Synonyms.Domains = strings.Split(last(v), ","); return nil },
		show: func(r *Recipe) string { return strings.Join(r.Synonyms.Domains, ",") }},
	{Name: "synonyms.lexicons", Group: GroupSynonyms, Flag: "lexicon", Repeat: true, Usage: "your synonym lexicon (TSV, OMW .tab, Cilin .txt); repeatable; earlier files win, and these over the recipe's",
		set: func(r *Recipe, v []string) error {
			r.Synonyms.Lexicons = append(append([]string(nil), v...), r.Synonyms.Lexicons...)
			return nil
		}},
	{Name: "synonyms.lexicon_format", Group: GroupSynonyms, Flag: "lexicon-format", Usage: "format of --lexicon files: auto (by extension), tsv, omw or cilin",
		set: stringField(func(r *Recipe) *string { return &r.Synonyms.LexiconFormat })},
	{Name: "synonyms.blocklists", Group: GroupSynonyms, Flag: "blocklist", Repeat: true, Usage: "file of candidates that must never appear; repeatable",
		set: func(r *Recipe, v []string) error {
			r.Synonyms.Blocklists = append(r.Synonyms.Blocklists, v...)
			return nil
		}},
	{Name: "synonyms.polarity", Group: GroupSynonyms, Flag: "polarity", Repeat: true, Usage: "extra polarity list for the guard; repeatable",
		set: func(r *Recipe, v []string) error { r.Synonyms.Polarity = append(r.Synonyms.Polarity, v...); return nil }},
	{Name: "synonyms.polarity_guard", Group: GroupSynonyms, Flag: "polarity-guard", Usage: "on (no opposite polarity), strict (no change of polarity) or off",
		set: stringField(func(r *Recipe) *string { return &r.Synonyms.Guard }), show: func(r *Recipe) string { return r.Synonyms.Guard }},
	{Name: "synonyms.candidates", Group: GroupSynonyms, Flag: "candidates", Usage: "WordNet candidates per word (unset: 8)",
		set: intField(func(r *Recipe) *int { return &r.Synonyms.Candidates }), show: func(r *Recipe) string { return showInt(r.Synonyms.Candidates) }},
	{Name: "synonyms.senses", Group: GroupSynonyms, Flag: "senses", Usage: "WordNet senses per word, most frequent first (unset: 3)",
		set: intField(func(r *Recipe) *int { return &r.Synonyms.Senses }), show: func(r *Recipe) string { return showInt(r.Synonyms.Senses) }},
	{Name: "typo.keyboard", Group: GroupMoreOps, Flag: "typo-keyboard", Usage: "keyboard layout of the typo operation: " + strings.Join(lexdata.LayoutNames(), ", ") + " (unset: qwerty)",
		set: stringField(func(r *Recipe) *string { return &r.Typo.Keyboard })},
	{Name: "checklist.entity_kinds", Group: GroupMoreOps, Flag: "entity-kinds", Usage: "what entity-swap may change: a comma list of person, given, family, company, place (unset: all)",
		set: func(r *Recipe, v []string) error { r.CheckList.EntityKinds = strings.Split(last(v), ","); return nil }},
	{Name: "checklist.number_kinds", Group: GroupMoreOps, Flag: "number-kinds", Usage: "what number-swap may change: a comma list of number, money, percent, date, identifier (unset: all but percent)",
		set: func(r *Recipe, v []string) error { r.CheckList.NumberKinds = strings.Split(last(v), ","); return nil }},
	{Name: "llm.url", Group: GroupMoreOps, Flag: "llm-url", Usage: "paraphrase and generate: an OpenAI-compatible chat API, hosted or local (e.g. http://127.0.0.1:8080/v1)",
		set: stringField(func(r *Recipe) *string { return &r.LLM.URL })},
	{Name: "llm.model", Group: GroupMoreOps, Flag: "llm-model", Usage: "paraphrase and generate: the model",
		set: stringField(func(r *Recipe) *string { return &r.LLM.Model })},
	{Name: "llm.temperature", Group: GroupMoreOps, Flag: "llm-temperature", Usage: "paraphrase and generate: the sampling temperature (unset: 0)",
		set: floatField(func(r *Recipe) *float64 { return &r.LLM.Temperature })},
	{Name: "llm.requests_per_second", Group: GroupMoreOps, Flag: "llm-rate", Usage: "paraphrase and generate: requests per second (unset: no limit)",
		set: floatField(func(r *Recipe) *float64 { return &r.LLM.Rate })},
	{Name: "llm.concurrency", Group: GroupMoreOps, Flag: "llm-concurrency", Usage: "paraphrase and generate: requests in flight (unset: 4)",
		set: intField(func(r *Recipe) *int { return &r.LLM.Concurrency })},
	{Name: "llm.cache", Group: GroupMoreOps, Flag: "llm-cache", Usage: "paraphrase and generate: the answers' cache file (unset: llm.db beside the translation cache); none for memory only",
		set: stringField(func(r *Recipe) *string { return &r.LLM.Cache })},
	{Name: "lang", Group: GroupProtect, Flag: "lang", Usage: "language of the text: en, zh, or auto (unset: per record, Chinese when at least 30% of its letters are Han)",
		set: stringField(func(r *Recipe) *string { return &r.Lang }), show: func(r *Recipe) string { return r.Lang }},
	{Name: "labels.anchors", Group: GroupLabels, Flag: "anchors", Bool: true, Usage: "with labels, learn each label's anchors (the words it lives on) and the corpus entities in a first pass, and never delete, replace or move them (docs/labels.md)",
		set: boolField(func(r *Recipe) *bool { return &r.Labels.Anchors }), show: func(r *Recipe) string { return showBool(r.Labels.Anchors) }},
	{Name: "labels.anchor_locks", Group: GroupLabels, Flag: "anchor-locks", Usage: "what a learned anchor refuses: a comma list of replace, delete and move (unset: all three; delete,move lets synonyms replace anchors)",
		set: stringField(func(r *Recipe) *string { return &r.Labels.AnchorLocks })},
	{Name: "labels.anchor_min_z", Group: GroupLabels, Flag: "anchor-min-z", Usage: "least z-score of an anchor (unset: 3)",
		set: floatField(func(r *Recipe) *float64 { return &r.Labels.MinZ })},
	{Name: "labels.anchor_min_rows", Group: GroupLabels, Flag: "anchor-min-rows", Usage: "least rows of its label an anchor is in (unset: 3, and at least 10% of the label's rows)",
		set: intField(func(r *Recipe) *int { return &r.Labels.MinRows })},
	{Name: "labels.anchor_max", Group: GroupLabels, Flag: "anchor-max", Usage: "most anchors per label, highest z first (unset: 6)",
		set: intField(func(r *Recipe) *int { return &r.Labels.MaxAnchors })},
	{Name: "labels.stats", Group: GroupLabels, Flag: "stats", Usage: "read the corpus statistics (anchors, entities, label-swap contexts) from this file, written by --stats-out, instead of learning them: shards and workers then share them",
		set: stringField(func(r *Recipe) *string { return &r.Labels.Stats })},
	{Name: "labels.stats_out", Group: GroupLabels, Flag: "stats-out", Usage: "write the corpus statistics of the first pass to this file (JSON)",
		set: stringField(func(r *Recipe) *string { return &r.Labels.StatsOut })},
	{Name: "labels.balance", Group: GroupLabels, Flag: "balance", Bool: true, Usage: "class balancing: --balance fills every label up to the largest label's count, --balance N (or =N) up to N rows, originals included, by varying each row's k",
		set: balanceField, show: func(r *Recipe) string { return showBalance(r.Labels.Balance) }},
	{Name: "labels.max_k", Group: GroupLabels, Flag: "max-k", Usage: "cap of a row's k under --balance (unset: no cap)",
		set: intField(func(r *Recipe) *int { return &r.Labels.MaxK })},
	{Name: "labels.filter", Group: GroupLabels, Flag: "filter", Bool: true, Usage: "keep a variant only if a classifier trained without its source row (5 folds) gives it the source's label; rejected ones are drawn again",
		set: boolField(func(r *Recipe) *bool { return &r.Labels.Filter })},
	{Name: "backtranslate.backend", Group: GroupBacktranslate, Flag: "backtranslate", Usage: "back-translate through a translator too: " + strings.Join(Backends(), ", "),
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.Backend }), show: func(r *Recipe) string { return r.Backtranslate.Backend }},
	{Name: "backtranslate.url", Group: GroupBacktranslate, Flag: "bt-url", Usage: "the translator's base URL (apertium: your APy, e.g. http://127.0.0.1:2737)",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.URL })},
	{Name: "backtranslate.pivots", Group: GroupBacktranslate, Flag: "pivots", Usage: "pivot languages, comma-separated (unset: apertium spa,cat; others es,fr)",
		set: func(r *Recipe, v []string) error { r.Backtranslate.Pivots = splitList(last(v)); return nil }},
	{Name: "backtranslate.source", Group: GroupBacktranslate, Flag: "bt-source", Usage: "language of the corpus for the translator (unset: apertium eng; others en)",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.Source })},
	{Name: "backtranslate.chain", Group: GroupBacktranslate, Flag: "bt-chain", Bool: true, Usage: "go through every pivot in turn (en->es->fr->en) instead of one pivot per variant",
		set: boolField(func(r *Recipe) *bool { return &r.Backtranslate.Chain })},
	{Name: "backtranslate.weight", Group: GroupBacktranslate, Flag: "bt-weight", Usage: "weight of back-translation against the word operations together (unset: 1)",
		set: floatField(func(r *Recipe) *float64 { return &r.Backtranslate.Weight })},
	{Name: "backtranslate.cache", Group: GroupBacktranslate, Flag: "bt-cache", Usage: "translation cache file (unset: textaug/backtranslate.db in the user cache directory); none for memory only",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.Cache })},
	{Name: "backtranslate.concurrency", Group: GroupBacktranslate, Flag: "bt-concurrency", Usage: "translator requests in flight (unset: 4)",
		set: intField(func(r *Recipe) *int { return &r.Backtranslate.Concurrency })},
	{Name: "backtranslate.requests_per_second", Group: GroupBacktranslate, Flag: "bt-rate", Usage: "translator requests per second (unset: no limit)",
		set: floatField(func(r *Recipe) *float64 { return &r.Backtranslate.Rate })},
	{Name: "backtranslate.chars_per_second", Group: GroupBacktranslate, Flag: "bt-chars-rate", Usage: "characters per second sent to the translator (unset: no limit)",
		set: floatField(func(r *Recipe) *float64 { return &r.Backtranslate.CharsRate })},
	{Name: "backtranslate.retries", Group: GroupBacktranslate, Flag: "bt-retries", Usage: "retries of a failed request (unset: 5)",
		set: func(r *Recipe, v []string) error {
			var n int
			if err := intField(func(*Recipe) *int { return &n })(r, v); err != nil {
				return err
			}
			if n < 0 {
				return fmt.Errorf("want 0 (no retry) or more, got %d", n)
			}
			r.Backtranslate.Retries = &n
			return nil
		}},
	{Name: "backtranslate.timeout", Group: GroupBacktranslate, Flag: "bt-timeout", Usage: "timeout of one request (unset: 60s)",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.Timeout })},
	{Name: "backtranslate.model", Group: GroupBacktranslate, Flag: "bt-model", Usage: "openai: the model",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.Model })},
	{Name: "backtranslate.temperature", Group: GroupBacktranslate, Flag: "bt-temperature", Usage: "openai: the sampling temperature (unset: 0)",
		set: floatField(func(r *Recipe) *float64 { return &r.Backtranslate.Temperature })},
	{Name: "backtranslate.region", Group: GroupBacktranslate, Flag: "bt-region", Usage: "azure: the resource's region",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.Region })},
	{Name: "backtranslate.template", Group: GroupBacktranslate, Flag: "bt-template", Usage: "template: JSON file describing an in-house service",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.Template })},
	{Name: "backtranslate.keys_file", Group: GroupBacktranslate, Flag: "bt-keys", Usage: "JSON file of API keys by backend name (environment variables TEXTAUG_<BACKEND>_KEY win)",
		set: stringField(func(r *Recipe) *string { return &r.Backtranslate.KeysFile })},
}

func showRate(op string) func(*Recipe) string {
	return func(r *Recipe) string {
		if v, ok := r.Rates[op]; ok {
			return strconv.FormatFloat(v, 'g', -1, 64)
		}
		return ""
	}
}
