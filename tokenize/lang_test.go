package tokenize_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/tokenize"
)

// Every token carries the language its text was cut for, so that edits
// never detect it again (issue 17, item 5): the Latin word, the figure and
// the space of a Chinese text are Chinese tokens too.
func TestTokensCarryTheirLanguage(t *testing.T) {
	cases := []struct {
		text string
		want tokenize.Lang
	}{
		{"I lost my card, 5 days ago.", tokenize.LangEN},
		{"我用Apple Pay付款了 100元", tokenize.LangZH},
		{"订单A20240305没有到账", tokenize.LangZH},
		{"I paid 100元 for the Apple Pay top-up", tokenize.LangEN},
	}
	for _, c := range cases {
		toks, err := tokenize.Auto{}.Tokenize(c.text)
		require.NoError(t, err)
		require.NotEmpty(t, toks)
		for _, tk := range toks {
			assert.Equal(t, c.want, tk.Lang, "%q: token %q", c.text, tk.Text)
		}
		assert.Equal(t, tokenize.Language(c.text), c.want.String(), c.text)
	}
	zh, err := tokenize.Chinese{}.Tokenize("I lost my card")
	require.NoError(t, err)
	for _, tk := range zh {
		assert.Equal(t, tokenize.LangZH, tk.Lang, "the Chinese tokenizer cuts for Chinese whatever the script: %q", tk.Text)
	}
	for _, tk := range tokenize.Tokenize("我的卡") {
		assert.Equal(t, tokenize.LangEN, tk.Lang, "Tokenize applies the English rules: %q", tk.Text)
	}
	assert.Equal(t, "en", tokenize.Lang(0).String(), "the zero Lang is English")
}
