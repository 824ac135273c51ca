package textaug_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// Punctuation takes the language from the tokens, as the tokenizer cut
// them, instead of joining and detecting it again on every draw: a Latin
// text cut by the Chinese tokenizer gets Chinese marks, the same text cut
// by the English one gets AEDA's.
func TestPunctuationLanguageFromTokens(t *testing.T) {
	const text = "OK thanks a lot for the help"
	zh, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse(text)
	require.NoError(t, err)
	en, err := textaug.Tokens{Tokenizer: tokenize.English{}}.Analyse(text)
	require.NoError(t, err)
	for seed := uint64(0); seed < 20; seed++ {
		for _, c := range []struct {
			toks  []tokenize.Token
			marks []string
		}{{zh, textaug.ChineseMarks()}, {en, textaug.AEDAMarks()}} {
			out := textaug.Punctuation{}.Edit(rand.New(rand.NewPCG(seed, 2)), c.toks)
			n := 0
			for _, tk := range out {
				if tk.Inserted() && tk.Kind == tokenize.Punct {
					n++
					assert.True(t, slices.Contains(c.marks, tk.Text), "%q: mark %q", tokenize.Join(out), tk.Text)
				}
			}
			assert.Positive(t, n, tokenize.Join(out))
		}
	}
}
