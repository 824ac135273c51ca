package textaug_test

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// FuzzTextInvariants checks the text-handling invariants on any input:
// a detached clitic stays after its word under every operation; no
// inserted mark stands beside a mark or inside a Chinese word; no inserted
// word has a polarity and no inserted verb stands beside a verb; the
// readability options keep what they promise (go test ./textaug -run '^$'
// -fuzz FuzzTextInvariants -fuzztime 60s).
func FuzzTextInvariants(f *testing.F) {
	for _, s := range append(sentences,
		"CapMan Plc 's own unit , they 're sure it does n't matter , Fiskars ' net profit rose .",
		"好的，我一会就想过去，能告诉我一下这个餐馆在哪儿吗？",
		"The company said the concern was discussed , and profit rose to EUR 5 mn .") {
		f.Add(s, uint64(1))
	}
	lex, err := synonyms.DefaultPolarity()
	if err != nil {
		f.Fatal(err)
	}
	polar := synonyms.NewTable([]synonyms.Entry{
		{Word: "concern", Synonyms: []string{"fear", "matter"}},
		{Word: "rose", Synonyms: []string{"climbed", "went up"}},
		{Word: "said", POS: synonyms.Verb, Synonyms: []string{"stated"}},
	}, nil)
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		if !utf8.ValidString(s) {
			return
		}
		toks, err := textaug.Tokens{}.Analyse(s)
		if err != nil {
			t.Fatal(err)
		}
		want := cliticPairs(s)
		for _, e := range []textaug.Edit{
			textaug.RandomSwap{Rate: 0.5}, textaug.RandomDelete{Rate: 0.5}, textaug.Punctuation{Ratio: 1},
			textaug.RandomInsert{Source: table, Rate: 0.5}, textaug.RandomInsert{Source: polar, Rate: 0.5},
			textaug.SynonymReplace{Source: table, Rate: 1},
			textaug.RandomSwap{Rate: 0.5, Distance: 1, InClause: true},
			textaug.Punctuation{Ratio: 1, NotFirst: true},
		} {
			out := e.Edit(rand.New(rand.NewPCG(seed, 1)), toks)
			got := tokenize.Join(out)
			have := cliticPairs(got)
			for p, n := range want {
				if have[p] < n {
					t.Fatalf("%s: clitic %q split: %q -> %q", e.Name(), p, s, got)
				}
			}
			checkMarks(t, s, out)
			switch e := e.(type) {
			case textaug.RandomInsert:
				checkInserted(t, lex, out)
			case textaug.RandomSwap:
				if e.InClause && movedOutOfClause(toks, out) {
					t.Fatalf("swap across a clause mark or more than one word: %q -> %q", s, got)
				}
			case textaug.Punctuation:
				if e.NotFirst && firstInserted(out) {
					t.Fatalf("a mark first: %q -> %q", s, got)
				}
			}
		}
	})
}

// movedOutOfClause reports whether a source token of out stands more than
// one word from its place in toks, or in another clause.
func movedOutOfClause(toks, out []tokenize.Token) bool {
	pos := func(ts []tokenize.Token) (at map[int]int, clause map[int]int) {
		at, clause = map[int]int{}, map[int]int{}
		w, c := 0, 0
		for _, tk := range ts {
			switch {
			case tk.Kind == tokenize.Punct && slices.ContainsFunc([]rune(tk.Text), func(r rune) bool { return slices.Contains([]rune(",;:.!?，。；：！？、"), r) }):
				c++
			case tk.Kind != tokenize.Space && tk.Kind != tokenize.Punct && tk.Kind != tokenize.Symbol:
				at[tk.Start], clause[tk.Start] = w, c
				w++
			}
		}
		return at, clause
	}
	a, ca := pos(toks)
	b, cb := pos(out)
	for start, i := range a {
		j := b[start]
		if i-j > 1 || j-i > 1 || ca[start] != cb[start] {
			return true
		}
	}
	return false
}

func firstInserted(out []tokenize.Token) bool {
	for _, tk := range out {
		if tk.Kind != tokenize.Space {
			return tk.Inserted()
		}
	}
	return false
}
