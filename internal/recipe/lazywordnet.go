package recipe

import (
	"strings"
	"sync"
	"unicode"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
)

// lazyWordNet is the embedded WordNet with a recipe's limits, as a Source
// and a Morphology, parsed on the first question WordNet could answer.
// Every lemma and exception form in it is ASCII (TestEmbeddedWordNetIsASCII
// in synonyms), so a word with a Han character has no synonyms and no
// lemmas there whatever its tag: such questions are answered without
// parsing, and a Chinese-only run never pays WordNet's start-up (about 0.05
// s of CPU and 10 MB). Safe for concurrent use.
//
// The embedded data can fail to parse only in a broken build (the tests
// of synonyms/builtin parse it); the questions would then get no answer
// (and inflection would leave the lemma as it is) where an eager load
// failed at start-up.
type lazyWordNet struct {
	load func() (*synonyms.WordNet, error)
}

func newLazyWordNet(senses, candidates int) *lazyWordNet {
	return &lazyWordNet{load: sync.OnceValues(func() (*synonyms.WordNet, error) {
		wn, err := builtin.English()
		if err != nil {
			return nil, err
		}
		return wn.WithLimits(senses, candidates), nil
	})}
}

func hasHan(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) })
}

// Synonyms implements synonyms.Source.
func (l *lazyWordNet) Synonyms(word, tag string) []string {
	if hasHan(word) {
		return nil
	}
	wn, err := l.load()
	if err != nil {
		return nil
	}
	return wn.Synonyms(word, tag)
}

// Lemmas implements synonyms.Morphology.
func (l *lazyWordNet) Lemmas(word string, pos synonyms.POS) []string {
	if hasHan(word) {
		return nil
	}
	wn, err := l.load()
	if err != nil {
		return nil
	}
	return wn.Morphology().Lemmas(word, pos)
}

// Inflect implements synonyms.Morphology.
func (l *lazyWordNet) Inflect(lemma string, pos synonyms.POS, tag string) string {
	wn, err := l.load()
	if err != nil {
		return lemma
	}
	return wn.Morphology().Inflect(lemma, pos, tag)
}
