package synonyms

import (
	"os"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// Every lemma and exception form of the embedded WordNet is ASCII, so a
// word with a Han character has no synonyms and no lemmas there: the CLI
// leaves WordNet unparsed until a word without one is looked up
// (internal/recipe's lazyWordNet).
func TestEmbeddedWordNetIsASCII(t *testing.T) {
	f, err := os.Open("builtin/english.wn")
	require.NoError(t, err)
	defer f.Close()
	wn, err := ReadWordNet(f)
	require.NoError(t, err)
	ascii := func(s string) bool {
		for i := range len(s) {
			if s[i] > unicode.MaxASCII {
				return false
			}
		}
		return true
	}
	require.True(t, ascii(wn.d.text), "lemma text")
	m := wn.d.morph
	for _, lt := range append(m.exc[:], m.inv[:]...) {
		require.True(t, ascii(lt.text), "exception lists")
	}
}
