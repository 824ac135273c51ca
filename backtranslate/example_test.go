package backtranslate_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/textaug/textaug/backtranslate"
)

// phrasebook is a toy Translator: it knows a few sentences.
type phrasebook map[string]string

func (p phrasebook) Name() string { return "phrasebook" }

func (p phrasebook) Translate(_ context.Context, from, to string, texts []string) ([]string, error) {
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = p[from+">"+to+":"+t]
	}
	return out, nil
}

func ExampleRoundTrip() {
	book := phrasebook{
		"eng>spa:My card was blocked.":               "Mi tarjeta estuvo bloqueada.",
		"spa>eng:Mi tarjeta estuvo bloqueada.":       "My card was locked.",
		"eng>cat:My card was blocked.":               "La meva targeta va ser bloquejada.",
		"cat>eng:La meva targeta va ser bloquejada.": "My card got blocked.",
	}
	rt := backtranslate.RoundTrip{
		Translator: backtranslate.Cached(book, nil, ""), // in memory; OpenCache for a file
		Source:     "eng",
		Pivots:     []string{"spa", "cat"},
	}
	ctx := context.Background()
	texts := []string{"My card was blocked."}
	if err := rt.Prefetch(ctx, texts); err != nil { // batched across records
		fmt.Println(err)
		return
	}
	draw, err := rt.Prepare(ctx, texts[0]) // answered from the cache
	if err != nil {
		fmt.Println(err)
		return
	}
	r := rand.New(rand.NewPCG(42, 0))
	for range 4 {
		text, ops := draw(r)
		fmt.Printf("%-20s %s\n", strings.Join(ops, ","), text)
	}
	// Output:
	// backtranslate:cat    My card got blocked.
	// backtranslate:spa    My card was locked.
	// backtranslate:cat    My card got blocked.
	// backtranslate:cat    My card got blocked.
}
