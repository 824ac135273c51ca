package textaug_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// locksOf applies p to the untagged tokens of text (so that no proper-noun
// tag freezes anything) and returns each word's lock.
func locksOf(p *textaug.Policy, text string) map[string]tokenize.Lock {
	toks := tokenize.Tokenize(text)
	p.Apply(text, toks)
	m := map[string]tokenize.Lock{}
	for _, t := range toks {
		if t.Kind == tokenize.Word {
			m[t.Text] = t.Lock
		}
	}
	return m
}

func TestCorpusLocksAnchors(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	p := &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: "card_arrival"}}
	l := locksOf(p, "When will my new cards arrive?")
	assert.Equal(t, tokenize.Frozen, l["cards"]&tokenize.Frozen, "the stem of cards is an anchor")
	assert.Equal(t, tokenize.Frozen, l["arrive"]&tokenize.Frozen)
	assert.Zero(t, l["new"], "not an anchor of this fixture")
	assert.Equal(t, tokenize.LockReplace, l["my"], "stopword, as without statistics")

	// Anchors of another label are free.
	p = &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: "exchange_rate"}}
	l = locksOf(p, "When will my new cards arrive?")
	assert.Zero(t, l["cards"])
	assert.Zero(t, l["arrive"])

	// Which locks an anchor gets is configurable: replaceable, never deleted or moved.
	p = &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: "card_arrival", AnchorLock: tokenize.LockDelete | tokenize.LockMove}}
	l = locksOf(p, "When will my new cards arrive?")
	assert.Equal(t, tokenize.LockDelete|tokenize.LockMove, l["cards"])

	// A pair locks both words and nothing goes between them; either word
	// alone is free.
	p = &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: "exchange_rate"}}
	toks := tokenize.Tokenize("The exchange rate or the rate of exchange?")
	p.Apply("", toks)
	assert.Equal(t, tokenize.Frozen|tokenize.LockJoin, toks[2].Lock, "exchange")
	assert.Equal(t, tokenize.Frozen, toks[4].Lock&tokenize.Frozen, "rate")
	for _, i := range []int{10, 14} {
		assert.Zero(t, toks[i].Lock&tokenize.Frozen, toks[i].Text)
	}
}

// A corpus entity is frozen wherever it stands, the start of a sentence
// included; nothing goes inside a multi-word one. A label the statistics
// do not know still gets the entities.
func TestCorpusLocksEntities(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	for _, label := range []string{"other", "card_arrival", "unknown", ""} {
		p := &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: label}}
		toks := tokenize.Tokenize("Nordea Bank results fell in London but the bank said Nokia gained.")
		p.Apply("", toks)
		byText := map[string]tokenize.Lock{}
		for _, tk := range toks {
			byText[tk.Text] = tk.Lock
		}
		assert.Equal(t, tokenize.Frozen|tokenize.LockJoin, byText["Nordea"], label)
		assert.Equal(t, tokenize.Frozen, byText["Bank"], label)
		assert.Equal(t, tokenize.Frozen, byText["London"], label)
		assert.Equal(t, tokenize.Frozen, byText["Nokia"], label)
		assert.Zero(t, byText["bank"]&tokenize.Frozen, "bank alone is no entity")
		assert.Zero(t, byText["results"], label)
	}
	// Without statistics the untagged sentence has nothing frozen but
	// negations and punctuation.
	for _, p := range []*textaug.Policy{{}, {Corpus: &textaug.CorpusLocks{}}} {
		l := locksOf(p, "Nordea Bank results fell in London.")
		assert.Zero(t, l["Nordea"])
		assert.Zero(t, l["London"])
	}
}

// The property the locks exist for: whatever EDA does to a record, with
// its label's Policy, every anchor and entity of the input comes out, in
// the same order and byte for byte.
func TestCorpusLocksSurviveEDA(t *testing.T) {
	rows := fixture(t)
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, rows)
	for _, r := range rows {
		p := &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: r.Label}}
		aug := textaug.Tokens{Policy: p, Edit: textaug.EDA(table, 0.3)}
		toks, err := aug.Analyse(r.Text)
		require.NoError(t, err)
		var want []string
		for _, tk := range toks {
			if tk.Kind == tokenize.Word && tk.Lock&tokenize.Frozen == tokenize.Frozen {
				want = append(want, tk.Text)
			}
		}
		res, err := textaug.Sampler{Aug: aug, K: 8, Seed: 7}.Sample(context.Background(), "", r.Text)
		require.NoError(t, err)
		for _, v := range res.Variants {
			assert.True(t, subsequence(want, words(tokenize.Tokenize(v.Text))), "%q -> %q lost one of %q", r.Text, v.Text, want)
		}
	}
}

func subsequence(want, have []string) bool {
	i := 0
	for _, h := range have {
		if i < len(want) && h == want[i] {
			i++
		}
	}
	return i == len(want)
}

// One Policy per label, built once: what an engine caches.
func ExampleCorpusLocks() {
	b := textaug.StatsBuilder{MinZ: 1} // eight rows are too few for the default z of 3
	rows := [][2]string{
		{"When will my new card arrive?", "card_arrival"},
		{"My card has not arrived yet.", "card_arrival"},
		{"The card you sent has not arrived.", "card_arrival"},
		{"Has my card been sent? It should have arrived.", "card_arrival"},
		{"What is the exchange rate for euros?", "exchange_rate"},
		{"Which exchange rate do you use?", "exchange_rate"},
		{"Is the exchange rate fixed in London?", "exchange_rate"},
		{"How do you set the exchange rate?", "exchange_rate"},
	}
	for _, r := range rows {
		if err := b.Add(r[0], r[1]); err != nil {
			panic(err)
		}
	}
	stats := b.Stats()
	policies := map[string]*textaug.Policy{}
	for _, l := range stats.Labels {
		policies[l.Label] = &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: stats, Label: l.Label}}
		fmt.Printf("%s: %s\n", l.Label, stats.Describe(l.Label))
	}
	fmt.Println("entities:", stats.Entities)
	aug := textaug.Tokens{Tokenizer: tokenize.English{}, Policy: policies["card_arrival"]}
	toks, err := aug.Analyse("Where is the card you sent to London?")
	if err != nil {
		panic(err)
	}
	for _, t := range toks {
		if t.Kind == tokenize.Word && t.Lock&tokenize.Frozen == tokenize.Frozen {
			fmt.Print(t.Text, " ")
		}
	}
	fmt.Println("are frozen")
	// Output:
	// card_arrival: arrived/arrive (z 1.8, 4 rows), card (z 1.8, 4 rows)
	// exchange_rate: exchange rate (z 1.1, 4 rows)
	// entities: [london]
	// card London are frozen
}

func TestCorpusLocksWhy(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	c := &textaug.CorpusLocks{Stats: s, Label: "exchange_rate"}
	toks := tokenize.Tokenize("Nordea Bank: the exchange rate in London?")
	var got []string
	for i, w := range c.Why(toks) {
		if w != "" {
			got = append(got, toks[i].Text+"="+w)
		}
	}
	assert.Equal(t, []string{"Nordea=entity", "Bank=entity", "exchange=anchor", "rate=anchor", "London=entity"}, got)
	assert.Equal(t, make([]string, len(toks)), (*textaug.CorpusLocks)(nil).Why(toks))
}

// A paraphrasing prompt must keep the label's anchors and the entities.
func TestCorpusLocksMustKeep(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	p := &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: "card_arrival"}}
	assert.Equal(t, []string{"card", "arrived", "London"}, p.MustKeep("Has the card arrived in London?"))
	assert.NotContains(t, (&textaug.Policy{}).MustKeep("Has the card arrived in London?"), "card")
}
