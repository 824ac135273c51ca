package recipe

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
)

func TestNewOpsBuildAndRun(t *testing.T) {
	for _, op := range []string{"typo", "contraction", "entity-swap", "number-swap"} {
		t.Run(op, func(t *testing.T) {
			r := Recipe{Name: "t", K: 3, Alpha: 0.1, Ops: []string{op}, Synonyms: Synonyms{Base: "none", Guard: "off"},
				CheckList: CheckList{NumberKinds: []string{"date", "identifier"}}}
			require.NoError(t, r.Validate())
			aug, closeFn, err := r.WordsAndLLM()
			require.NoError(t, err)
			defer closeFn()
			smp := textaug.Sampler{Aug: aug, K: 3, Seed: 1}
			res, err := smp.Sample(context.Background(), "", "I can't see the refund Nokia promised on 5 March 2024 for order #A12345, it is late.")
			require.NoError(t, err)
			require.NotEmpty(t, res.Variants, res.Reason)
			for _, v := range res.Variants {
				assert.Equal(t, []string{op}, v.Ops)
			}
		})
	}
}

func TestNewOpsValidation(t *testing.T) {
	base := Recipe{Name: "t", K: 3, Alpha: 0.1, Synonyms: Synonyms{Base: "none", Guard: "off"}}
	cases := []struct {
		edit func(*Recipe)
		err  string
	}{
		{func(r *Recipe) { r.Ops = []string{"paraphrase"} }, "recipe t: llm.url: paraphrase and generate need the URL of a chat API"},
		{func(r *Recipe) { r.Ops = []string{"typo"}; r.Typo.Keyboard = "dvorak" }, `recipe t: typo.keyboard: want qwerty, qwertz, azerty, got "dvorak"`},
		{func(r *Recipe) { r.Ops = []string{"number-swap"}; r.CheckList.NumberKinds = []string{"weight"} }, `recipe t: checklist.number_kinds: textaug: unknown kind "weight"`},
		{func(r *Recipe) { r.Ops = []string{"entity-swap"}; r.CheckList.EntityKinds = []string{"planet"} }, `recipe t: checklist.entity_kinds: textaug: unknown kind "planet"`},
	}
	for _, c := range cases {
		r := base
		c.edit(&r)
		assert.ErrorContains(t, r.Validate(), c.err)
	}
	for _, p := range Presets() {
		for _, op := range p.Ops {
			assert.NotContains(t, []string{"typo", "contraction", "entity-swap", "number-swap", "paraphrase", "generate"}, op, "never in a preset: %s", p.Name)
		}
	}
}

// paraphrase through a recipe: every paraphrase passes textaug.Check
// (the one that drops the amount is refused), the prompt names the
// figures, and a re-run sends nothing.
func TestParaphraseRecipe(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		body, _ := io.ReadAll(r.Body)
		var req struct {
			Messages []struct{ Content string }
		}
		_ = json.Unmarshal(body, &req)
		assert.Contains(t, req.Messages[1].Content, `Keep these exactly as written: "$25.80", "didn't"`)
		w.Header().Set("Content-Type", "application/json")
		content, _ := json.Marshal(map[string][]string{"paraphrases": {"Why did you take $25.80 when I didn't buy anything?", "Why was I charged when I didn't buy anything?", "I didn't buy anything, so why the $25.80 charge?"}})
		fmt.Fprintf(w, `{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": %q}}]}`, content)
	}))
	defer srv.Close()
	cache := filepath.Join(t.TempDir(), "llm.db")
	run := func() textaug.Result {
		r := Recipe{Name: "t", K: 3, Alpha: 0.1, Ops: []string{"paraphrase"}, Synonyms: Synonyms{Base: "none", Guard: "off"},
			LLM: LLM{URL: srv.URL, Model: "m", Cache: cache}}
		require.NoError(t, r.Validate())
		aug, closeFn, err := r.WordsAndLLM()
		require.NoError(t, err)
		defer closeFn()
		res, err := textaug.Sampler{Aug: aug, K: 3, Seed: 1}.Sample(context.Background(), "", "Why was I charged $25.80? I didn't buy anything.")
		require.NoError(t, err)
		return res
	}
	res := run()
	assert.Len(t, res.Variants, 2)
	assert.Equal(t, 1, res.Shortfall)
	assert.Equal(t, "backtranslate: paraphrase: 1 of 3 texts dropped: 1 lost or changed a figure", res.Note)
	for _, v := range res.Variants {
		assert.Contains(t, v.Text, "$25.80")
		assert.Equal(t, []string{"paraphrase"}, v.Ops)
	}
	again := run()
	assert.Equal(t, res.Variants, again.Variants)
	assert.EqualValues(t, 1, requests.Load(), "a re-run sends nothing")
}
