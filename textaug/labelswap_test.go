package textaug_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// labelSwap returns the Tokens augmenter an engine would build for label:
// the label's Policy and LabelSwap.
func labelSwap(s *textaug.CorpusStats, label string, lex *synonyms.PolarityLexicon) textaug.Tokens {
	return textaug.Tokens{
		Policy: &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: s, Label: label}},
		Edit:   textaug.LabelSwap{Stats: s, Label: label, Polarity: lex},
	}
}

func sample(t testing.TB, a textaug.Augmenter, k int, seed uint64, text string) []string {
	t.Helper()
	res, err := textaug.Sampler{Aug: a, K: k, Seed: seed}.Sample(context.Background(), "", text)
	require.NoError(t, err)
	var out []string
	for _, v := range res.Variants {
		out = append(out, v.Text)
	}
	return out
}

// Slot values are exchanged between rows of the same label: the currency
// after "for" in exchange_rate rows.
func TestLabelSwapSlots(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	got := sample(t, labelSwap(s, "exchange_rate", nil), 5, 1, "What is the exchange rate for euros?")
	assert.ElementsMatch(t, []string{"What is the exchange rate for dollars?", "What is the exchange rate for pounds?"}, got)
	// Another label has no such slot.
	assert.Empty(t, sample(t, labelSwap(s, "lost_card", nil), 5, 1, "What is the exchange rate for euros?"))
	assert.Empty(t, sample(t, labelSwap(s, "no such label", nil), 5, 1, "What is the exchange rate for euros?"))
	assert.Empty(t, sample(t, labelSwap(nil, "exchange_rate", nil), 5, 1, "What is the exchange rate for euros?"))
}

// Same seed, same variants; the replacement words all come from the
// label's own contexts; anchors, entities and figures are never touched.
func TestLabelSwapDeterministicAndProtected(t *testing.T) {
	rows := fixture(t)
	rows = append(rows,
		labelled{"I lost my card in London on 5 March 2024, card number 4111 1111 1111 1111.", "lost_card"},
		labelled{"Someone stole my card at the station for $50.", "lost_card"},
	)
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, rows)
	changed := 0
	for _, r := range rows {
		a := labelSwap(s, r.Label, nil)
		first := sample(t, a, 4, 3, r.Text)
		assert.Equal(t, first, sample(t, a, 4, 3, r.Text), r.Text)
		fillers := map[string]bool{}
		for _, c := range s.Label(r.Label).Contexts {
			for _, f := range c.Fillers {
				fillers[f.Word] = true
			}
		}
		toks, err := a.Analyse(r.Text)
		require.NoError(t, err)
		var frozen []string
		for _, tk := range toks {
			if tk.Kind != tokenize.Space && tk.Lock&tokenize.Frozen == tokenize.Frozen {
				frozen = append(frozen, tk.Text)
			}
		}
		for _, v := range first {
			changed++
			vt := tokenize.Tokenize(v)
			var texts []string
			for _, tk := range vt {
				if tk.Kind != tokenize.Space {
					texts = append(texts, tk.Text)
				}
				if tk.Kind == tokenize.Word && !strings.Contains(r.Text, tk.Text) {
					assert.True(t, fillers[strings.ToLower(tk.Text)], "%q: %q is no filler of %s", v, tk.Text, r.Label)
				}
			}
			assert.True(t, subsequence(frozen, texts), "%q -> %q lost one of %q", r.Text, v, frozen)
		}
	}
	assert.Positive(t, changed)
}

// Fillers of another polarity are never used: "fell" and "gained" both
// follow "Bank" in the rows of label other, but one is not the other.
func TestLabelSwapPolarity(t *testing.T) {
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 2}, fixture(t))
	text := "The bank said profits at the bank fell."
	assert.Empty(t, sample(t, labelSwap(s, "other", nil), 3, 1, text), "the default polarity list knows fell and gained")
	none, err := synonyms.NewPolarityLexicon(nil, nil, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"The bank said profits at the bank gained."}, sample(t, labelSwap(s, "other", none), 3, 1, text))
}

// Two neighbours are never both replaced, even at Rate 1: "old" was
// vetted next to "red" and "red" next to "old", not next to each
// other's replacements. Max caps the replacements.
func TestLabelSwapRate(t *testing.T) {
	var b textaug.StatsBuilder
	for _, r := range []string{"my old red card", "my new red card", "my old blue card", "a slow train and a quick bus"} {
		for range 2 {
			require.NoError(t, b.Add(r, "x"))
		}
	}
	s := b.Stats()
	diffs := func(a, b string) int {
		n := 0
		wa, wb := strings.Fields(a), strings.Fields(b)
		for i := range wa {
			if i < len(wb) && wa[i] != wb[i] {
				n++
			}
		}
		return n
	}
	a := textaug.Tokens{Edit: textaug.LabelSwap{Stats: s, Label: "x", Rate: 1}}
	seen := map[string]bool{}
	for seed := range uint64(20) {
		for _, v := range sample(t, a, 3, seed, "my old red card") {
			assert.Equal(t, 1, diffs("my old red card", v), v)
			seen[v] = true
		}
	}
	assert.Equal(t, map[string]bool{"my new red card": true, "my old blue card": true}, seen)

	a.Edit = textaug.LabelSwap{Stats: s, Label: "x", Rate: 1, Max: 1}
	text := "a slow train and a quick bus"
	for seed := range uint64(20) {
		for _, v := range sample(t, a, 3, seed, text) {
			assert.Equal(t, 1, diffs(text, v), v)
		}
	}
	res, err := textaug.Sampler{Aug: a, K: 1, Seed: 1}.Sample(context.Background(), "", "my old red card")
	require.NoError(t, err)
	assert.Equal(t, []string{"label-swap"}, res.Variants[0].Ops)
}

// Variants of a card_arrival question take their new words from other
// card_arrival rows, never from a dictionary; "card" and "arrive", the
// label's anchors, stay.
func ExampleLabelSwap() {
	rows := [][2]string{
		{"When will my new card arrive?", "card_arrival"},
		{"When will my first card arrive?", "card_arrival"},
		{"When will my second card arrive?", "card_arrival"},
		{"Will my card arrive by post today?", "card_arrival"},
		{"Will my card arrive by mail today?", "card_arrival"},
		{"Should the card arrive today?", "card_arrival"},
		{"What is the exchange rate today?", "exchange_rate"},
		{"Can I see the exchange rate by mail?", "exchange_rate"},
		{"Is the exchange rate for euros fixed?", "exchange_rate"},
		{"Why did the exchange rate change?", "exchange_rate"},
	}
	b := textaug.StatsBuilder{MinZ: 1} // ten rows are too few for the default z of 3
	for _, r := range rows {
		if err := b.Add(r[0], r[1]); err != nil {
			panic(err)
		}
	}
	stats := b.Stats()
	fmt.Println("anchors:", stats.Describe("card_arrival"))
	aug := textaug.Tokens{
		Policy: &textaug.Policy{Corpus: &textaug.CorpusLocks{Stats: stats, Label: "card_arrival"}},
		Edit:   textaug.LabelSwap{Stats: stats, Label: "card_arrival"},
	}
	s := textaug.Sampler{Aug: aug, K: 3, Seed: 42}
	res, err := s.Sample(context.Background(), "", "Will my new card arrive by post today?")
	if err != nil {
		panic(err)
	}
	for _, v := range res.Variants {
		fmt.Println(v.Text)
	}
	// Output:
	// anchors: card arrive (z 1.8, 6 rows)
	// Will my first card arrive by post today?
	// Will my new card arrive by mail today?
	// Will my second card arrive by post today?
}

// Chinese rows work the same way: 餐馆, 酒店 and 景点 fill "这家_的" in the
// rows of one intent, and the intent's anchor 电话 stays.
func TestLabelSwapChinese(t *testing.T) {
	rows := []labelled{
		{"这家餐馆的电话多少？", "电话"}, {"这家酒店的电话多少？", "电话"}, {"这家景点的电话是什么？", "电话"},
		{"请告诉我电话。", "电话"},
		{"这家餐馆的地址在哪？", "地址"}, {"地址发我一下。", "地址"}, {"这个地址在哪里？", "地址"},
	}
	s := fixtureStats(t, textaug.StatsBuilder{MinZ: 1}, rows)
	assert.Contains(t, terms(s.AnchorsOf("电话")), "电话")
	got := sample(t, labelSwap(s, "电话", nil), 3, 1, "这家酒店的电话多少？")
	assert.ElementsMatch(t, []string{"这家餐馆的电话多少？", "这家景点的电话多少？"}, got)
}
