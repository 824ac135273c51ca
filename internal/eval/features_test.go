package eval_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

func TestAnalyzeWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"lower-cased unigrams then bigrams", "Card Arrived", []string{"card", "arrived", "card arrived"}},
		{"one-character tokens dropped, bigrams skip them", "I got a PIN", []string{"got", "pin", "got pin"}},
		{"apostrophe inside a word", "isn't here", []string{"isn't", "here", "isn't here"}},
		{"typographic apostrophe read as '", "isn’t", []string{"isn't"}},
		{"leading and trailing apostrophes split", "'quoted' card's", []string{"quoted", "card's", "quoted card's"}},
		{"punctuation splits, bigrams cross it", "top-up, now!", []string{"top", "up", "now", "top up", "up now"}},
		{"digits and underscores are word characters", "EUR131m foo_bar 25", []string{"eur131m", "foo_bar", "25", "eur131m foo_bar", "foo_bar 25"}},
		{"a one-letter word with an apostrophe is long enough", "I'm", []string{"i'm"}},
		{"combining marks stay in the word", "cafe\u0301 ok", []string{"cafe\u0301", "ok", "cafe\u0301 ok"}},
		{"length counts runes, not bytes", "é 地址", []string{"地址"}},
		{"Chinese is one token per run", "地址在哪里？", []string{"地址在哪里"}},
		{"empty", " ,. ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, eval.Analyze(eval.Words, tt.text))
		})
	}
}

func TestAnalyzeChars(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"1-, 2- and 3-grams of runes", "地址在", []string{"地", "址", "在", "地址", "址在", "地址在"}},
		{"white space trimmed and collapsed, lower-cased", "  A \t\n b ", []string{"a", " ", "b", "a ", " b", "a b"}},
		{"short text", "好", []string{"好"}},
		{"empty", "   ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, eval.Analyze(eval.Chars, tt.text))
		})
	}
}

func TestAnalyzeOthers(t *testing.T) {
	assert.Equal(t, []string{"card", "arrived"}, eval.Analyze(eval.Unigrams, "Card arrived!"))
	assert.Equal(t, []string{"地", "址", "地址"}, eval.Analyze(eval.Chars2, "地址"))
	assert.Equal(t, []string{"my", "card", "my card",
		"\x01 m", "\x01my", "\x01y ", "\x01 my", "\x01my ", "\x01 my ",
		"\x01 c", "\x01ca", "\x01ar", "\x01rd", "\x01d ", "\x01 ca", "\x01car", "\x01ard", "\x01rd ", "\x01 car", "\x01card", "\x01ard "},
		eval.Analyze(eval.WordsChars, "My card"))
}

func TestAnalyzerText(t *testing.T) {
	for _, a := range []eval.Analyzer{eval.Words, eval.Chars, eval.Unigrams, eval.WordsChars, eval.Chars2} {
		b, err := a.MarshalText()
		require.NoError(t, err)
		var back eval.Analyzer
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, a, back)
		assert.Equal(t, string(b), a.String())
	}
	var a eval.Analyzer
	assert.EqualError(t, a.UnmarshalText([]byte("bytes")), `eval: unknown analyzer "bytes" (want words, chars, unigrams, words+chars, chars2)`)
	_, err := eval.Analyzer(7).MarshalText()
	assert.EqualError(t, err, "eval: unknown analyzer 7")
	assert.Equal(t, "Analyzer(7)", eval.Analyzer(7).String())
}
