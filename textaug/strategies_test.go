package textaug_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

func analyse(t testing.TB, text string, p *textaug.Policy) []tokenize.Token {
	t.Helper()
	toks, err := textaug.Tokens{Policy: p}.Analyse(text)
	require.NoError(t, err)
	return toks
}

func words(toks []tokenize.Token) []string {
	var w []string
	for _, t := range toks {
		if t.Kind != tokenize.Space {
			w = append(w, t.Text)
		}
	}
	return w
}

func TestSynonymReplace(t *testing.T) {
	toks := analyse(t, "I lost my card and I can't find it, please help!", nil)
	for seed := uint64(0); seed < 50; seed++ {
		r := rand.New(rand.NewPCG(seed, 1))
		out := textaug.SynonymReplace{Source: table}.Edit(r, toks)
		got := tokenize.Join(out)
		// one word in ten of 4 eligible (lost, card, find, help) rounds to 1
		assert.Equal(t, 1, replaced(toks, out), got)
		assert.Contains(t, got, "can't")
		assert.True(t, strings.HasPrefix(got, "I "), got)
	}
	assert.Equal(t, "I lost my card", tokenize.Join(textaug.SynonymReplace{}.Edit(rand.New(rand.NewPCG(1, 1)), analyse(t, "I lost my card", nil))), "no Source, no change")
}

// replaced counts the source tokens of orig missing from out.
func replaced(orig, out []tokenize.Token) int {
	kept := map[int]bool{}
	for _, t := range out {
		if !t.Inserted() {
			kept[t.Start] = true
		}
	}
	n := 0
	for _, t := range orig {
		if t.Kind != tokenize.Space && !kept[t.Start] {
			n++
		}
	}
	return n
}

func TestSynonymReplaceKeepsCaseAndFixesArticles(t *testing.T) {
	cases := []struct{ in, want []string }{
		{[]string{"MY CARD IS BLOCKED"}, []string{"MY DEBIT CARD IS BLOCKED", "MY BANK CARD IS BLOCKED"}},
		{[]string{"Card blocked"}, []string{"Debit card blocked", "Bank card blocked"}},
		{[]string{"I ate a big apple."}, []string{"I ate an orange.", "I ate a yellow apple.", "I ate a large apple.", "I ate an uber apple.", "I ate a big orange.", "I ate a big yellow apple."}},
	}
	for _, c := range cases {
		toks := analyse(t, c.in[0], nil)
		seen := map[string]bool{}
		for seed := uint64(0); seed < 40; seed++ {
			got := tokenize.Join(textaug.SynonymReplace{Source: table, Rate: 1}.Edit(rand.New(rand.NewPCG(seed, 2)), toks))
			seen[got] = true
		}
		for g := range seen {
			if strings.Contains(c.in[0], "apple") {
				assert.NotContains(t, g, "a orange")
				assert.NotContains(t, g, "an large")
				assert.NotContains(t, g, "an yellow")
				continue
			}
			assert.Contains(t, c.want, g)
		}
	}
}

func TestSynonymReplaceOneOccurrenceUnlessAsked(t *testing.T) {
	toks := analyse(t, "the card and the card", &textaug.Policy{})
	one := tokenize.Join(textaug.SynonymReplace{Source: table, Max: 1}.Edit(rand.New(rand.NewPCG(3, 3)), toks))
	assert.Equal(t, 1, strings.Count(one, "the card"), one)
	all := tokenize.Join(textaug.SynonymReplace{Source: table, Max: 1, AllOccurrences: true}.Edit(rand.New(rand.NewPCG(3, 3)), toks))
	assert.Equal(t, 0, strings.Count(all, "the card"), all)
	assert.Equal(t, 2, strings.Count(all, "debit card")+strings.Count(all, "bank card"), all)
	assert.NotEqual(t, "the card and the card", all)
}

func TestRandomInsert(t *testing.T) {
	toks := analyse(t, "I lost my card and cannot find it.", nil)
	for seed := uint64(0); seed < 50; seed++ {
		out := textaug.RandomInsert{Source: table}.Edit(rand.New(rand.NewPCG(seed, 4)), toks)
		got := tokenize.Join(out)
		assert.Greater(t, len(words(out)), len(words(toks)), got)
		assert.True(t, strings.HasSuffix(got, "."), "the final full stop stays final: %q", got)
		assert.Contains(t, got, "cannot")
		assert.NotContains(t, got, "  ")
	}
}

func TestRandomSwapKeepsTheWords(t *testing.T) {
	toks := analyse(t, "please send the replacement card to my home address", nil)
	want := words(toks)
	for seed := uint64(0); seed < 50; seed++ {
		out := textaug.RandomSwap{Rate: 0.3}.Edit(rand.New(rand.NewPCG(seed, 5)), toks)
		assert.ElementsMatch(t, want, words(out))
		assert.Equal(t, len(tokenize.Join(toks)), len(tokenize.Join(out)))
	}
	one := analyse(t, "hello", nil)
	assert.Equal(t, one, textaug.RandomSwap{}.Edit(rand.New(rand.NewPCG(1, 1)), one), "nothing to swap with")
}

func TestRandomDeleteNeverDeletesEverything(t *testing.T) {
	for _, text := range []string{"card", "lost card", "I lost my new card yesterday evening", "  leading and trailing  "} {
		toks := analyse(t, text, &textaug.Policy{Stopwords: []string{}, Negations: []string{}})
		for seed := uint64(0); seed < 50; seed++ {
			out := textaug.RandomDelete{Rate: 1}.Edit(rand.New(rand.NewPCG(seed, 6)), toks)
			got := tokenize.Join(out)
			assert.NotEmpty(t, strings.TrimSpace(got), "%q -> %q", text, got)
			assert.NotContains(t, strings.TrimSpace(got), "  ")
			if len(words(toks)) > 1 {
				assert.Less(t, len(words(out)), len(words(toks)))
			}
		}
	}
}

// Deleting the last word before a full stop takes the space before it
// along, after a contraction too: "doesn't work." -> "doesn't.", never
// "doesn't .".
func TestRandomDeleteLeavesNoSpaceBeforePunctuation(t *testing.T) {
	for _, text := range []string{"The card I have doesn't work.", "My card won't arrive!", "I lost my card."} {
		toks := analyse(t, text, &textaug.Policy{Stopwords: []string{}})
		for seed := uint64(0); seed < 50; seed++ {
			got := tokenize.Join(textaug.RandomDelete{Rate: 0.5}.Edit(rand.New(rand.NewPCG(seed, 7)), toks))
			assert.NotRegexp(t, ` [.!?]$`, got, "%q -> %q", text, got)
		}
	}
}

func TestPunctuation(t *testing.T) {
	toks := analyse(t, "I lost my card and cannot find it", nil)
	for seed := uint64(0); seed < 50; seed++ {
		out := textaug.Punctuation{}.Edit(rand.New(rand.NewPCG(seed, 7)), toks)
		added := len(words(out)) - len(words(toks))
		// 8 words: q in 1..int(0.3*8+1) = 1..3
		assert.GreaterOrEqual(t, added, 1)
		assert.LessOrEqual(t, added, 3)
		orig := map[string]bool{}
		for _, w := range words(toks) {
			orig[w] = true
		}
		for _, w := range words(out) {
			if !orig[w] {
				assert.Contains(t, textaug.AEDAMarks(), w)
			}
		}
	}
}

func TestComposites(t *testing.T) {
	toks := analyse(t, "I lost my card and cannot find it", nil)
	r := rand.New(rand.NewPCG(1, 1))
	assert.Equal(t, toks, textaug.Chain{}.Edit(r, toks), "the empty chain is the identity")
	assert.Equal(t, toks, textaug.OneOf{}.Edit(r, toks))
	assert.Equal(t, toks, textaug.Sometimes{Do: textaug.RandomSwap{}, P: 0}.Edit(r, toks))
	assert.NotEqual(t, toks, textaug.Sometimes{Do: textaug.RandomSwap{}, P: 1}.Edit(r, toks))
	// A OneOf whose first choice cannot act falls back to another edit.
	o := textaug.OneOf{Edits: []textaug.Edit{textaug.SynonymReplace{}, textaug.RandomSwap{}}, Weights: []float64{1000, 1}}
	assert.NotEqual(t, toks, o.Edit(r, toks))
	// Zero weight disables an edit.
	o = textaug.OneOf{Edits: []textaug.Edit{textaug.RandomSwap{}, textaug.RandomDelete{}}, Weights: []float64{0, 1}}
	for seed := uint64(0); seed < 20; seed++ {
		out := o.Edit(rand.New(rand.NewPCG(seed, 8)), toks)
		assert.Less(t, len(words(out)), len(words(toks)))
	}
}

func TestReplacementsNeverAddNumbers(t *testing.T) {
	src := synonyms.NewTable([]synonyms.Entry{{Word: "first", Synonyms: []string{"1st", "initial"}}}, nil)
	toks := analyse(t, "the first quarter", nil)
	for seed := uint64(0); seed < 30; seed++ {
		r := rand.New(rand.NewPCG(seed, 9))
		for _, e := range []textaug.Edit{textaug.SynonymReplace{Source: src, Rate: 1}, textaug.RandomInsert{Source: src, Rate: 1}} {
			assert.NotContains(t, tokenize.Join(e.Edit(r, toks)), "1st")
		}
	}
}

// Why: a protected article stays byte-identical, so a replacement after
// it must fit it (fuzz find: "0121190021 An rose" -> "0121190021 A climbed").
func TestProtectedArticleKeepsItsForm(t *testing.T) {
	src := synonyms.NewTable([]synonyms.Entry{{Word: "apple", Synonyms: []string{"orange", "pear"}}}, nil)
	p := &textaug.Policy{Keep: []string{"an"}}
	toks := analyse(t, "I want an apple", p)
	for seed := uint64(0); seed < 30; seed++ {
		got := tokenize.Join(textaug.SynonymReplace{Source: src, Rate: 1}.Edit(rand.New(rand.NewPCG(seed, 11)), toks))
		assert.Contains(t, []string{"I want an apple", "I want an orange"}, got)
	}
}

// No deletion leaves two clause marks in a row or a text that starts with
// a mark: a word alone between two marks, or between a mark and an end of
// the text, stays (EDA's deletion, in English and Chinese).
func TestRandomDeleteKeepsAWordAloneBetweenMarks(t *testing.T) {
	for _, text := range []string{"Sales, however, rose.", "Hi, how are you?", "My withdrawal is still pending. Why?", "哦，那它家电话你总有吧？", "行，这家店的价格是多少？"} {
		draw, err := textaug.Tokens{Edit: textaug.RandomDelete{Rate: 0.9}}.Prepare(context.Background(), text)
		require.NoError(t, err, text)
		for seed := range uint64(50) {
			v, _ := draw(rand.New(rand.NewPCG(seed, 3)))
			assert.NotRegexp(t, `^\s*[,;:.!?，；：。！？]|[,;:，；：]\s*[,;:.!?，；：。！？]`, v, "%q -> %q", text, v)
		}
	}
}
