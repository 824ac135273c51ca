package backtranslate_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/textaug/textaug/backtranslate"
)

// Paraphrase through an OpenAI-compatible server: here a stand-in on
// 127.0.0.1 that answers like a model would; point NewChat at a hosted
// API (backtranslate.OpenAIURL with a key) or a local server
// (http://127.0.0.1:8080/v1 for llama.cpp, http://127.0.0.1:11434/v1 for
// Ollama) instead. The check drops a paraphrase that lost the amount.
func ExampleParaphrase() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
			"content": "{\"paraphrases\": [\"Why did you charge me $25.80?\", \"Why was I billed $25.80?\", \"Why was I charged so much?\"]}"}}]}`)
	}))
	defer srv.Close()

	chat := backtranslate.NewChat(srv.URL, "", "any-model", nil, backtranslate.ChatOptions{Temperature: 0.7})
	p, err := backtranslate.NewParaphrase(chat, backtranslate.ParaphraseOptions{
		K: 3,
		Check: func(orig, para string) error {
			if strings.Contains(orig, "$25.80") && !strings.Contains(para, "$25.80") {
				return fmt.Errorf("lost a figure")
			}
			return nil
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := backtranslate.WithLabel(context.Background(), "card_payment_fee_charged", nil)
	draw, err := p.Prepare(ctx, "Why was I charged $25.80?")
	fmt.Println("note:", err)
	r := rand.New(rand.NewPCG(1, 1))
	for range 3 {
		text, ops := draw(r)
		fmt.Println(ops, text)
	}
	fmt.Printf("%+v\n", p.Stats())
	// Output:
	// note: backtranslate: paraphrase: 1 of 3 texts dropped: 1 lost a figure
	// [paraphrase] Why did you charge me $25.80?
	// [paraphrase] Why was I billed $25.80?
	// [paraphrase] Why did you charge me $25.80?
	// {Requests:1 CacheHits:0 Failed:map[] Dropped:map[lost a figure:1]}
}

// Generate: new examples of a small class from a few of its rows; the
// ops mark them in provenance. A copy of an example is dropped.
func ExampleGenerate() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant",
			"content": "1. Can I get a virtual card for online shopping?\n2. How do I order a disposable virtual card?\n3. Where do I get a virtual card?"}}]}`)
	}))
	defer srv.Close()

	chat := backtranslate.NewChat(srv.URL+"/v1", "", "any-model", nil, backtranslate.ChatOptions{Temperature: 1, Format: "none"})
	g, err := backtranslate.NewGenerate(chat, backtranslate.GenerateOptions{N: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := backtranslate.WithLabel(context.Background(), "getting_virtual_card", []string{"Where do I get a virtual card?", "Can I have a virtual card?"})
	draw, err := g.Prepare(ctx, "How do I get a virtual card?")
	fmt.Println("note:", err)
	r := rand.New(rand.NewPCG(3, 1))
	for range 3 {
		text, ops := draw(r)
		fmt.Println(ops, text)
	}
	// Output:
	// note: backtranslate: generate: 1 of 3 texts dropped: 1 copies an example
	// [generate] Can I get a virtual card for online shopping?
	// [generate] How do I order a disposable virtual card?
	// [generate] Can I get a virtual card for online shopping?
}
