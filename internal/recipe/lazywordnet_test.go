package recipe

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/synonyms/domain"
	"github.com/textaug/textaug/tokenize"
)

// lazyTags are the tags a lookup may carry: none, each open class in
// several forms, and a closed class.
var lazyTags = []string{"", "NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBZ", "JJ", "JJR", "RB", "DT"}

// A word with a Han character is answered without parsing WordNet.
func TestLazyWordNetAnswersHanWithoutParsing(t *testing.T) {
	l := &lazyWordNet{load: func() (*synonyms.WordNet, error) {
		t.Fatal("WordNet parsed for a Chinese word")
		return nil, errors.New("unreachable")
	}}
	for _, w := range []string{"餐馆", "银行卡", "atm卡", "卡s", "取 钱", "退款"} {
		for _, tag := range lazyTags {
			assert.Empty(t, l.Synonyms(w, tag), "%q %s", w, tag)
		}
		for _, pos := range []synonyms.POS{synonyms.Any, synonyms.Noun, synonyms.Verb, synonyms.Adj, synonyms.Adv} {
			assert.Empty(t, l.Lemmas(w, pos), "%q %v", w, pos)
		}
	}
}

// The lazy WordNet answers as the parsed one does: for English words, and
// for every Han word of the shared Chinese sets (the short cut gives what
// WordNet would). So does the whole Source the readable preset builds.
func TestLazyWordNetAgreesWithWordNet(t *testing.T) {
	words := []string{"card", "cards", "lost", "help", "rose", "better", "quickly", "take off", "卡s", "atm卡", "1000"}
	seen := map[string]bool{}
	for _, set := range []string{"crosswoz_intent_zh", "cped_sentiment_zh"} {
		for _, text := range shareddata.Texts(t, set, 3000) {
			toks, err := tokenize.Chinese{}.Tokenize(text)
			require.NoError(t, err)
			for _, tk := range toks {
				if w := tk.Text; tk.Kind == tokenize.Word && !seen[w] {
					seen[w] = true
					words = append(words, w)
				}
			}
		}
	}
	wn, err := builtin.English()
	require.NoError(t, err)
	wn = wn.WithLimits(1, 4)
	l := newLazyWordNet(1, 4)
	rec, _ := Preset(DefaultPreset)
	lazySrc, err := rec.Synonyms.Build()
	require.NoError(t, err)
	eagerSrc := eagerSource(t, rec.Synonyms, wn)
	for _, w := range words {
		for _, tag := range lazyTags {
			assert.Equal(t, len(wn.Synonyms(w, tag)) == 0, len(l.Synonyms(w, tag)) == 0, "%q %s", w, tag)
			if c := wn.Synonyms(w, tag); len(c) > 0 {
				assert.Equal(t, c, l.Synonyms(w, tag), "%q %s", w, tag)
			}
			assert.Equal(t, eagerSrc.Synonyms(w, tag), lazySrc.Synonyms(w, tag), "source: %q %s", w, tag)
		}
		for _, pos := range []synonyms.POS{synonyms.Any, synonyms.Noun, synonyms.Verb, synonyms.Adj, synonyms.Adv} {
			assert.Equal(t, wn.Morphology().Lemmas(w, pos), l.Lemmas(w, pos), "%q %v", w, pos)
		}
		assert.Equal(t, wn.Morphology().Inflect(w, synonyms.Verb, "VBD"), l.Inflect(w, synonyms.Verb, "VBD"), w)
	}
}

// eagerSource builds s's Source as Build did before WordNet was lazy:
// the parsed WordNet as base and morphology.
func eagerSource(t *testing.T, s Synonyms, wn *synonyms.WordNet) synonyms.Source {
	m := wn.Morphology()
	packs, err := s.packs(m)
	require.NoError(t, err)
	src, err := s.guard(synonyms.Layered{domain.Over(wn, packs...)}, m)
	require.NoError(t, err)
	return synonyms.NewMemo(src, 0)
}
