package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Why: paraphrase reaches an OpenAI-compatible server through --llm-url
// and --llm-model with the back-translation key variable, and its rows are
// marked in provenance; the key never shows.
func TestParaphraseFromTheCommandLine(t *testing.T) {
	const key = "sk-secret-0123456789"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		assert.Contains(t, string(body), `Label: \"lost_or_stolen_card\"`, "the row's label is in the prompt")
		if r.Header.Get("Authorization") != "Bearer "+key {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		content, _ := json.Marshal(map[string][]string{"paraphrases": {"My card has gone missing.", "I can't find my card anywhere."}})
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": %q}}]}`, content)
	}))
	defer srv.Close()
	t.Setenv("TEXTAUG_OPENAI_KEY", key)
	in := filepath.Join(t.TempDir(), "in.jsonl")
	require.NoError(t, os.WriteFile(in, []byte(`{"text": "I lost my card", "label": "lost_or_stolen_card"}`+"\n"), 0o644))
	code, out, errs := runCLI(t, "", "augment", "-k", "2", "--ops", "paraphrase", "--llm-url", srv.URL+"/v1",
		"--llm-model", "local-model", "--llm-cache", "none", "--provenance", in)
	require.Equal(t, 0, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3, out)
	assert.Contains(t, lines[1], `"ops": "paraphrase"`)
	assert.NotContains(t, out+errs, key)

	code, _, errs = runCLI(t, "I lost my card\n", "augment", "--ops", "paraphrase")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "llm.url: paraphrase and generate need the URL of a chat API (flag --llm-url)")
}

// Why: the new flags reach the recipe, and bad values are usage errors.
func TestOpsFlags(t *testing.T) {
	code, out, errs := runCLI(t, "I do not know why my card is declined\n", "augment", "-k", "2", "--seed", "1", "--ops", "typo,contraction",
		"--typo-rate", "0.3", "--contraction-rate", "1", "--typo-keyboard", "qwertz")
	require.Equal(t, 0, code, errs)
	assert.Len(t, strings.Split(strings.TrimSpace(out), "\n"), 3)
	code, _, errs = runCLI(t, "x\n", "augment", "--ops", "typo", "--typo-rate", "2")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, "--typo-rate: must be in (0, 1]")
	code, _, errs = runCLI(t, "x\n", "augment", "--ops", "number-swap", "--number-kinds", "date,weight")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errs, `unknown kind "weight"`)
	code, out, errs = runCLI(t, "Net sales rose 3.5% to EUR 25.8 mn on 5 March 2024.\n", "augment", "-k", "3", "--ops", "number-swap", "--number-kinds", "date")
	require.Equal(t, 0, code, errs)
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		assert.True(t, strings.HasPrefix(l, "Net sales rose 3.5% to EUR 25.8 mn on "), l)
	}
}

// TestGenerateSeesOtherRowsOfTheLabel: from the command line, generate's
// prompt shows other texts of the row's label, learnt in the corpus pass
// (it used to show the row alone), and never another label's.
func TestGenerateSeesOtherRowsOfTheLabel(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(body))
		mu.Unlock()
		content, _ := json.Marshal(map[string][]string{"examples": {"Someone took my card from my bag."}})
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": %q}}]}`, content)
	}))
	defer srv.Close()
	t.Setenv("TEXTAUG_OPENAI_KEY", "sk-test")
	in := filepath.Join(t.TempDir(), "in.jsonl")
	rows := `{"text": "I lost my card", "label": "lost_or_stolen_card"}
{"text": "My card was stolen yesterday", "label": "lost_or_stolen_card"}
{"text": "Why is there a fee on my top-up?", "label": "top_up_fee"}
`
	require.NoError(t, os.WriteFile(in, []byte(rows), 0o644))
	code, _, errs := runCLI(t, "", "augment", "-k", "1", "--ops", "generate", "--llm-url", srv.URL+"/v1",
		"--llm-model", "local-model", "--llm-cache", "none", in)
	require.Equal(t, 0, code, errs)
	mu.Lock()
	defer mu.Unlock()
	require.NotEmpty(t, bodies)
	for _, b := range bodies {
		if strings.Contains(b, "I lost my card") {
			assert.Contains(t, b, "My card was stolen yesterday", "the label's other row is an example")
			assert.NotContains(t, b, "fee on my top-up", "never another label's row")
		}
	}

	// With --balance, generate fills the small label only: the lost-card
	// label already has the largest count.
	bodies = nil
	mu.Unlock()
	code, out, errs := runCLI(t, "", "augment", "--ops", "generate", "--balance", "--llm-url", srv.URL+"/v1",
		"--llm-model", "local-model", "--llm-cache", "none", in)
	mu.Lock()
	require.Equal(t, 0, code, errs)
	require.Len(t, bodies, 1, "one request, for the top-up row")
	assert.Contains(t, bodies[0], "fee on my top-up")
	assert.Equal(t, 4, strings.Count(out, "\n"), "3 rows and 1 generated: 2 of each label")
}
