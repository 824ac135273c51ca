package textaug_test

import (
	"context"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/textaug/lexdata"
	"github.com/textaug/textaug/tokenize"
)

// changedWords returns the pairs (before, after) of source tokens that an
// edit rewrote in place.
func changedWords(orig, out []tokenize.Token) [][2]string {
	var ch [][2]string
	for i := range out {
		if out[i].Inserted() && i < len(orig) && len(orig) == len(out) {
			ch = append(ch, [2]string{orig[i].Text, out[i].Text})
		}
	}
	return ch
}

// The typo never lands on a protected token and never writes a word that
// reads as another sentence: a negation, a stopword, a risky word.
func TestTypoProtection(t *testing.T) {
	p := &textaug.Policy{Anchors: []string{"refund"}}
	for _, s := range append(slices.Clone(sentences), "I need the refund now, not tomorrow.", "Nokia and Stora Enso sold shares to Goldman Sachs.") {
		toks := analyse(t, s, p)
		for seed := range uint64(200) {
			out := textaug.Typo{Rate: 1, MaxPerWord: 3}.Edit(rand.New(rand.NewPCG(seed, 3)), toks)
			require.Len(t, out, len(toks), "a typo changes words in place")
			for _, c := range changedWords(toks, out) {
				lc := strings.ToLower(c[1])
				assert.NotContains(t, textaug.DefaultNegations(), lc, "%q -> %q", c[0], c[1])
				assert.NotContains(t, textaug.DefaultStopwords(), lc, "%q -> %q", c[0], c[1])
				assert.False(t, lexdata.RiskyWords().Has(lc), "%q -> %q", c[0], c[1])
				assert.NotEqual(t, "refund", strings.ToLower(c[0]), "anchors are never mistyped")
				assert.False(t, lexdata.Names().Has(c[0]), "entities are never mistyped: %q", c[0])
			}
			for i := range toks {
				if toks[i].Lock&(tokenize.LockDelete|tokenize.LockMove) != 0 || toks[i].Kind != tokenize.Word {
					assert.Equal(t, toks[i].Text, out[i].Text, "protected %q", toks[i].Text)
				}
			}
			checkProtected(t, s, tokenize.Join(out))
		}
	}
}

// "now" is one keystroke from "not" (w and t are no neighbours, but an
// omission and a neighbour make it) and "know" one omission from "now":
// none of these may come out of a typo.
func TestTypoNeverFlipsRiskyWords(t *testing.T) {
	for _, w := range []string{"now", "know", "lose", "card", "sell", "rise", "fell", "good", "want", "gain"} {
		toks := analyse(t, "so "+w+" please", nil)
		seen := map[string]bool{}
		for seed := range uint64(500) {
			out := textaug.Typo{Rate: 1, MaxPerWord: 2}.Edit(rand.New(rand.NewPCG(seed, 9)), toks)
			for _, c := range changedWords(toks, out) {
				seen[strings.ToLower(c[1])] = true
			}
		}
		assert.NotEmpty(t, seen, w)
		for _, bad := range []string{"not", "no", "now", "know", "lost", "loose", "cart", "care", "cars", "sale", "rose", "fall", "fill", "god"} {
			if bad != w {
				assert.False(t, seen[bad], "%s -> %s", w, bad)
			}
		}
	}
}

func TestTypoRatesAndCaps(t *testing.T) {
	s := "please transfer the remaining balance from my savings account today"
	toks := analyse(t, s, nil)
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(seed, 1))
		out := textaug.Typo{Rate: 1, Max: 2}.Edit(r, toks)
		assert.LessOrEqual(t, len(changedWords(toks, out)), 2, "Max caps the words")
		assert.GreaterOrEqual(t, len(changedWords(toks, out)), 1)
		out = textaug.Typo{}.Edit(rand.New(rand.NewPCG(seed, 2)), toks)
		assert.Len(t, changedWords(toks, out), 1, "one word in ten of 9 eligible rounds to 1")
		for _, c := range changedWords(toks, out) {
			// one edit: length within one of the original, or a listed misspelling
			d := len(c[1]) - len(c[0])
			assert.True(t, d >= -1 && d <= 1 || slices.Contains(lexdata.CommonMisspellings().Of(c[0]), c[1]), "%q -> %q", c[0], c[1])
		}
	}
}

type refuseAll struct{}

func (refuseAll) Has(string) bool { return true }

type noMisspellings struct{}

func (noMisspellings) Of(string) []string { return nil }

func TestTypoDictionaryAndChinese(t *testing.T) {
	toks := analyse(t, "please transfer the remaining balance", nil)
	out := textaug.Typo{Rate: 1, Dictionary: refuseAll{}}.Edit(rand.New(rand.NewPCG(1, 1)), toks)
	assert.Equal(t, "please transfer the remaining balance", tokenize.Join(out), "every typo is a dictionary word: nothing changes")
	zh := analyse(t, "我的银行卡不能用了", nil)
	out = textaug.Typo{Rate: 1}.Edit(rand.New(rand.NewPCG(1, 1)), zh)
	assert.Equal(t, "我的银行卡不能用了", tokenize.Join(out), "Chinese is left to PinyinNoise")
	one := analyse(t, "Hi IBM ok", nil)
	out = textaug.Typo{Rate: 1, Misspellings: noMisspellings{}}.Edit(rand.New(rand.NewPCG(1, 1)), one)
	assert.Equal(t, "Hi IBM ok", tokenize.Join(out), "short words and acronyms stay")
}

// The embedded misspellings never write a negation or a stopword.
func TestMisspellingsAreSafe(t *testing.T) {
	m := lexdata.CommonMisspellings()
	for _, w := range m.Words() {
		for _, s := range m.Of(w) {
			assert.NotContains(t, textaug.DefaultNegations(), s)
			assert.NotContains(t, textaug.DefaultStopwords(), s)
		}
	}
}

// On real sentences, every typo variant keeps figures and negations
// (KeepsFigures), and the sampler finds variants for nearly every row.
func TestTypoOnRealSentences(t *testing.T) {
	texts := append(shareddata.Read(t, "banking77", "test", 500).Texts, shareddata.Read(t, "financial_phrasebank_allagree", "test", 500).Texts...)
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.Typo{}}, K: 4, Seed: 5}
	short := 0
	for _, s := range texts {
		res, err := smp.Sample(context.Background(), "", s)
		require.NoError(t, err)
		for _, v := range res.Variants {
			assert.True(t, textaug.KeepsFigures(s, v.Text), "%q -> %q", s, v.Text)
			assert.Equal(t, []string{"typo"}, v.Ops)
		}
		short += res.Shortfall
	}
	t.Logf("%d sentences, %d variants missing of %d", len(texts), short, 4*len(texts))
	assert.Less(t, short, 4*len(texts)/20)
}
