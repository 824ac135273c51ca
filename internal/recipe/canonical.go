package recipe

import (
	"encoding/json"
	"fmt"
)

// Canonical returns r's settings as JSON: the same bytes for the same
// settings however they were given (a preset, a recipe file, flags), since
// the fields keep their declared order and map keys are sorted. It leaves
// out what cannot change a variant: the name and description, where the
// caches and statistics are written, request rates, concurrency, retries,
// timeouts and key files; and k, which a run records on its own. Its
// digest (corpus.Digest) identifies the recipe of a sharded run, so that
// 'textaug merge' can refuse shards of different recipes.
func (r Recipe) Canonical() ([]byte, error) {
	r.Name, r.Description, r.K = "", "", 0
	bt := &r.Backtranslate
	bt.Cache, bt.Concurrency, bt.Rate, bt.CharsRate, bt.Retries, bt.Timeout, bt.KeysFile = "", 0, 0, 0, nil, "", ""
	llm := &r.LLM
	llm.Cache, llm.Concurrency, llm.Rate, llm.Retries, llm.Timeout, llm.KeysFile = "", 0, 0, 0, "", ""
	r.Labels.StatsOut = ""
	b, err := json.Marshal(r)
	if err != nil {
		return nil, fmt.Errorf("recipe: canonical form: %w", err)
	}
	return b, nil
}
