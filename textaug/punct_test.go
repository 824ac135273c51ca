package textaug_test

import (
	"math/rand/v2"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// checkMarks checks every mark Punctuation inserted into out: never beside
// another mark (white space aside) and, between Chinese words, never
// inside a word as a reader sees it (before a particle or measure word,
// after a one-character word). It returns the number of inserted marks.
func checkMarks(t *testing.T, in string, out []tokenize.Token) int {
	t.Helper()
	n := 0
	for i := range out {
		if !out[i].Inserted() || out[i].Kind != tokenize.Punct {
			continue
		}
		n++
		p, q := i-1, i+1
		for p >= 0 && out[p].Kind == tokenize.Space {
			p--
		}
		for q < len(out) && out[q].Kind == tokenize.Space {
			q++
		}
		got := tokenize.Join(out)
		if p >= 0 {
			assert.NotEqual(t, tokenize.Punct, out[p].Kind, "%q -> %q: mark after a mark", in, got)
		}
		if q < len(out) {
			assert.NotEqual(t, tokenize.Punct, out[q].Kind, "%q -> %q: mark before a mark", in, got)
		}
		if p >= 0 && q < len(out) && out[p].Kind == tokenize.Word && out[q].Kind == tokenize.Word && han(out[p].Text) && han(out[q].Text) {
			assert.NotContains(t, []string{"RP", "M"}, out[q].Tag, "%q -> %q: mark before a particle", in, got)
			assert.Greater(t, utf8.RuneCountInString(out[p].Text), 1, "%q -> %q: mark after a one-character word", in, got)
		}
	}
	return n
}

// han reports whether s starts with a Han character.
func han(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Han, r)
}

// Issue 13, item 15: no "，，", no mark beside one already there, in
// Chinese or English (Financial PhraseBank writes " , " apart), and no
// mark inside a Chinese word.
func TestPunctuationNeverBesideAMark(t *testing.T) {
	for _, s := range []string{
		"好的，我一会就想过去，能告诉我一下这个餐馆在哪儿吗？",
		"那好吧，虽然评分低了点，但能吃到我想要的，能帮我查一下它家周边有哪些酒店吗？",
		"In 2009 , net sales rose , and operating profit ( EBIT ) fell ; the outlook is weak .",
		"I lost my card, and I can't find it... please help!",
		"\"Why\" (she asked) was my card declined?",
	} {
		toks := analyse(t, s, nil)
		marks := 0
		for seed := uint64(0); seed < 200; seed++ {
			marks += checkMarks(t, s, textaug.Punctuation{Ratio: 1}.Edit(rand.New(rand.NewPCG(seed, 15)), toks))
		}
		assert.Positive(t, marks, s)
	}
	one := analyse(t, "Hi, ok", nil) // before "Hi" only
	for seed := uint64(0); seed < 20; seed++ {
		out := tokenize.Join(textaug.Punctuation{}.Edit(rand.New(rand.NewPCG(seed, 1)), one))
		assert.Regexp(t, `^[.;?:!,] Hi, ok$`, out)
	}
}

// The same on 300 sentences of each shared set with punctuation of its own.
func TestPunctuationNeverBesideAMarkSharedData(t *testing.T) {
	for _, set := range []string{"crosswoz_intent_zh", "cped_sentiment_zh", "financial_phrasebank_allagree", "banking77"} {
		marks := 0
		for i, s := range shareddata.Read(t, set, "test", 300).Texts {
			toks, err := textaug.Tokens{}.Analyse(s)
			require.NoError(t, err)
			for seed := uint64(0); seed < 4; seed++ {
				marks += checkMarks(t, s, textaug.Punctuation{Ratio: 1}.Edit(rand.New(rand.NewPCG(seed, uint64(i))), toks))
			}
		}
		t.Logf("%s: %d marks inserted, none beside a mark or inside a Chinese word", set, marks)
		assert.Positive(t, marks, set)
	}
}
