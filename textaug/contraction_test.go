package textaug_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

func contract(t *testing.T, s string) string {
	t.Helper()
	return tokenize.Join(textaug.Contraction{Rate: 1}.Edit(rand.New(rand.NewPCG(1, 1)), analyse(t, s, nil)))
}

func TestContractionBothWays(t *testing.T) {
	cases := []struct{ in, want, why string }{
		{"I can't log in.", "I cannot log in.", "can't is cannot"},
		{"I cannot log in.", "I can't log in.", "and back"},
		{"It won't work.", "It will not work.", "won't is will not"},
		{"It will not work.", "It won't work.", "and back"},
		{"I don't know why.", "I do not know why.", ""},
		{"I do not know why.", "I don't know why.", ""},
		{"Don't charge me.", "Do not charge me.", "case kept"},
		{"DON'T CHARGE ME", "DO NOT CHARGE ME", "upper case kept"},
		{"DO NOT CHARGE ME", "DON'T CHARGE ME", ""},
		{"CAN'T LOG IN", "CANNOT LOG IN", ""},
		{"I'm locked out", "I am locked out", ""},
		{"I am locked out", "I'm locked out", ""},
		{"I’m locked out", "I am locked out", "curly apostrophe"},
		{"I’m sure I do not have it", "I am sure I don’t have it", "the text's apostrophe"},
		{"you're right", "you are right", ""},
		{"they have lost it", "they've lost it", "have before a participle"},
		{"they have a card", "they have a card", "have as a verb stays"},
		{"it's been sent", "it has been sent", "'s before been is has"},
		{"it's working", "it is working", ""},
		{"it's done", "it's done", "is or has: left alone"},
		{"John's card", "John's card", "possessive"},
		{"I'd like a card", "I would like a card", "'d before a base verb"},
		{"I know what it is.", "I know what it is.", "nothing follows: no contraction"},
		{"Yes, I am.", "Yes, I am.", ""},
		{"Why didn't my card work?", "Why didn't my card work?", "inverted: the long form reads wrong"},
		{"Can't you help?", "Can't you help?", ""},
		{"I will not pay", "I won't pay", "not I'll not"},
		{"Let's go", "Let us go", ""},
		{"where is it?", "where is it?", "a question keeps its long form"},
		{"What is the fee?", "What's the fee?", ""},
		{"我的卡不能用了", "我的卡不能用了", "Chinese has no contractions"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			assert.Equal(t, c.want, contract(t, c.in), c.why)
		})
	}
}

// A negation keeps its meaning and its protection either way.
func TestContractionKeepsNegations(t *testing.T) {
	for _, s := range []string{"I can't and won't pay, it isn't mine and I haven't used it.", "I cannot and will not pay, it is not mine and I have not used it.", "Profit didn't rise.", "The new card won't work at the ATM."} {
		toks := analyse(t, s, nil)
		for seed := range uint64(30) {
			out := textaug.Contraction{}.Edit(rand.New(rand.NewPCG(seed, 1)), toks)
			v := tokenize.Join(out)
			assert.True(t, textaug.KeepsFigures(s, v), "%q -> %q", s, v)
			assert.True(t, textaug.KeepsFigures(v, s), "%q -> %q: no negation added", s, v)
			for _, tk := range out {
				if tk.Inserted() && tk.Kind != tokenize.Space {
					assert.Equal(t, tokenize.Frozen, tk.Lock&tokenize.Frozen, "%q stays frozen in %q", tk.Text, v)
				}
			}
			// swap and delete after a contraction leave the negation alone
			chained := textaug.Chain{textaug.Contraction{}, textaug.RandomDelete{Rate: 0.5}, textaug.RandomSwap{Rate: 0.5}}.Edit(rand.New(rand.NewPCG(seed, 2)), toks)
			assert.True(t, textaug.KeepsFigures(s, tokenize.Join(chained)), "%q -> %q", s, tokenize.Join(chained))
		}
	}
}

func TestContractionRate(t *testing.T) {
	toks := analyse(t, "I do not know, I can't pay and it is not mine.", nil)
	for seed := range uint64(20) {
		out := tokenize.Join(textaug.Contraction{Max: 1}.Edit(rand.New(rand.NewPCG(seed, 1)), toks))
		n := 0
		for _, p := range []string{"don't", "cannot", "it's", "isn't"} {
			if strings.Contains(out, p) {
				n++
			}
		}
		assert.Equal(t, 1, n, out)
	}
}
