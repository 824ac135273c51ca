package synonyms_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
)

var _ synonyms.Morphology = (*synonyms.Morphy)(nil)

func englishMorph(tb testing.TB) synonyms.Morphology {
	tb.Helper()
	m, err := builtin.Morphology()
	require.NoError(tb, err)
	return m
}

// lexicon is a lemma-existence function over a fixed word list.
func lexicon(entries ...string) func(string, synonyms.POS) bool {
	set := map[string]bool{}
	for _, e := range entries {
		w, p, _ := strings.Cut(e, "/")
		set[w+"/"+p] = true
	}
	return func(lemma string, pos synonyms.POS) bool { return set[lemma+"/"+pos.String()] }
}

// Morphy's rules on a tiny lexicon, without WordNet.
func TestMorphyLemmasRules(t *testing.T) {
	m := synonyms.NewMorphy(map[synonyms.POS]synonyms.Exceptions{
		synonyms.Noun: {"children": {"child"}, "Geese": {"goose"}},
		synonyms.Verb: {"rose": {"rise"}, "better": {"better"}},
		synonyms.Adj:  {"better": {"good", "well"}},
	}, lexicon("share/n", "share/v", "child/n", "goose/n", "box/n", "church/n", "man/n", "city/n",
		"rise/v", "stop/v", "make/v", "go/v", "try/v", "big/a", "fast/a", "fast/r", "large/a", "good/a",
		"credit card/n", "take off/v", "glass/n", "news/n", "happy/a"))
	tests := []struct {
		word string
		pos  synonyms.POS
		want []string
	}{
		{"shares", synonyms.Noun, []string{"share"}},
		{"shares", synonyms.Verb, []string{"share"}},
		{"shares", synonyms.Any, []string{"share"}},
		{"children", synonyms.Noun, []string{"child"}},
		{"geese", synonyms.Noun, []string{"goose"}}, // exception lists are normalised
		{"boxes", synonyms.Noun, []string{"box"}},
		{"churches", synonyms.Noun, []string{"church"}},
		{"men", synonyms.Noun, []string{"man"}},
		{"cities", synonyms.Noun, []string{"city"}},
		{"glass", synonyms.Noun, []string{"glass"}}, // not "glas"
		{"news", synonyms.Noun, []string{"news"}},
		{"rose", synonyms.Verb, []string{"rise"}},
		{"stopped", synonyms.Verb, []string{"stop"}}, // un-doubling
		{"stopping", synonyms.Verb, []string{"stop"}},
		{"making", synonyms.Verb, []string{"make"}},
		{"goes", synonyms.Verb, []string{"go"}},
		{"tried", synonyms.Verb, []string{"try"}},
		{"better", synonyms.Adj, []string{"good"}}, // only known lemmas
		{"bigger", synonyms.Adj, []string{"big"}},
		{"largest", synonyms.Adj, []string{"large"}},
		{"happier", synonyms.Adj, []string{"happy"}},
		{"faster", synonyms.Adv, []string{"fast"}},
		{"credit cards", synonyms.Noun, []string{"credit card"}},
		{"took off", synonyms.Verb, nil}, // "took" is in no exception list here
		{"taking off", synonyms.Verb, []string{"take off"}},
		{"Shares", synonyms.Noun, []string{"share"}},
		{"xyz", synonyms.Noun, nil},
		{"", synonyms.Noun, nil},
		{"shares", synonyms.POS('x'), nil},
	}
	for _, tc := range tests {
		t.Run(tc.word+"/"+tc.pos.String(), func(t *testing.T) {
			got := m.Lemmas(tc.word, tc.pos)
			if tc.want == nil {
				assert.Empty(t, got)
			} else {
				assert.Equal(t, tc.want, got)
			}
		})
	}
	// Without a lexicon every rule's result counts.
	var none *synonyms.Morphy
	assert.Equal(t, []string{"share", "shares"}, none.Lemmas("shares", synonyms.Noun))
	assert.Equal(t, "shared", none.Inflect("share", synonyms.Verb, "VBN"))
	guess := synonyms.NewMorphy(nil, nil)
	assert.Equal(t, []string{"share", "shares"}, guess.Lemmas("shares", synonyms.Noun))
	assert.Equal(t, []string{"shar", "share", "shares"}, guess.Lemmas("shares", synonyms.Verb))
}

// Regular inflection, no exception lists.
func TestMorphyInflectRegular(t *testing.T) {
	m := synonyms.NewMorphy(nil, nil)
	tests := []struct {
		lemma string
		pos   synonyms.POS
		tag   string
		want  string
	}{
		// Why: base tags leave the lemma alone.
		{"increase", synonyms.Verb, "VB", "increase"},
		{"increase", synonyms.Verb, "VBP", "increase"},
		{"share", synonyms.Noun, "NN", "share"},
		{"fast", synonyms.Adj, "JJ", "fast"},
		{"be", synonyms.Verb, "VBP", "are"},
		// Plurals.
		{"share", synonyms.Noun, "NNS", "shares"},
		{"box", synonyms.Noun, "NNS", "boxes"},
		{"church", synonyms.Noun, "NNS", "churches"},
		{"wish", synonyms.Noun, "NNS", "wishes"},
		{"class", synonyms.Noun, "NNS", "classes"},
		{"city", synonyms.Noun, "NNS", "cities"},
		{"day", synonyms.Noun, "NNS", "days"},
		{"photo", synonyms.Noun, "NNS", "photos"},
		{"chairman", synonyms.Noun, "NNS", "chairmen"},
		{"human", synonyms.Noun, "NNS", "humans"},
		{"earnings", synonyms.Noun, "NNS", "earnings"},
		{"bonus", synonyms.Noun, "NNS", "bonuses"},
		{"sheep", synonyms.Noun, "NNS", "sheep"},
		{"credit card", synonyms.Noun, "NNS", "credit cards"},
		{"point of view", synonyms.Noun, "NNS", "points of view"},
		// Third person singular.
		{"increase", synonyms.Verb, "VBZ", "increases"},
		{"fix", synonyms.Verb, "VBZ", "fixes"},
		{"try", synonyms.Verb, "VBZ", "tries"},
		{"play", synonyms.Verb, "VBZ", "plays"},
		{"go", synonyms.Verb, "VBZ", "goes"},
		{"veto", synonyms.Verb, "VBZ", "vetoes"},
		{"take off", synonyms.Verb, "VBZ", "takes off"},
		// Past and participle.
		{"increase", synonyms.Verb, "VBD", "increased"},
		{"stop", synonyms.Verb, "VBD", "stopped"},
		{"plan", synonyms.Verb, "VBN", "planned"},
		{"visit", synonyms.Verb, "VBD", "visited"}, // two syllables: no doubling
		{"fix", synonyms.Verb, "VBD", "fixed"},
		{"show", synonyms.Verb, "VBD", "showed"},
		{"try", synonyms.Verb, "VBD", "tried"},
		{"play", synonyms.Verb, "VBD", "played"},
		{"agree", synonyms.Verb, "VBD", "agreed"},
		{"panic", synonyms.Verb, "VBD", "panicked"},
		{"quit", synonyms.Verb, "VBD", "quit"},
		{"cut", synonyms.Verb, "VBN", "cut"},
		{"learn", synonyms.Verb, "VBD", "learned"},
		// -ing.
		{"make", synonyms.Verb, "VBG", "making"},
		{"stop", synonyms.Verb, "VBG", "stopping"},
		{"die", synonyms.Verb, "VBG", "dying"},
		{"see", synonyms.Verb, "VBG", "seeing"},
		{"argue", synonyms.Verb, "VBG", "arguing"},
		{"visit", synonyms.Verb, "VBG", "visiting"},
		{"panic", synonyms.Verb, "VBG", "panicking"},
		{"look up", synonyms.Verb, "VBG", "looking up"},
		// Comparison.
		{"fast", synonyms.Adj, "JJR", "faster"},
		{"large", synonyms.Adj, "JJS", "largest"},
		{"big", synonyms.Adj, "JJR", "bigger"},
		{"happy", synonyms.Adj, "JJR", "happier"},
		{"narrow", synonyms.Adj, "JJS", "narrowest"},
		{"simple", synonyms.Adj, "JJR", "simpler"},
		{"dry", synonyms.Adj, "JJS", "driest"},
		{"new", synonyms.Adj, "JJR", "newer"},
		{"beautiful", synonyms.Adj, "JJR", "more beautiful"},
		{"expensive", synonyms.Adj, "JJS", "most expensive"},
		{"real", synonyms.Adj, "JJR", "more real"},
		{"well known", synonyms.Adj, "JJR", "more well known"},
		{"fast", synonyms.Adv, "RBR", "faster"},
		{"soon", synonyms.Adv, "RBS", "soonest"},
		{"early", synonyms.Adv, "RBR", "earlier"},
		{"quickly", synonyms.Adv, "RBR", "more quickly"},
		{"quickly", synonyms.Adv, "RBS", "most quickly"},
		// Why: a tag of another part of speech, or of a closed class,
		// leaves the lemma alone; Any takes the tag's part of speech.
		{"share", synonyms.Noun, "VBD", "share"},
		{"share", synonyms.Noun, "DT", "share"},
		{"share", synonyms.Any, "VBD", "shared"},
		{"Credit_Card", synonyms.Noun, "NNS", "credit cards"},
	}
	for _, tc := range tests {
		t.Run(tc.lemma+"/"+tc.tag, func(t *testing.T) {
			assert.Equal(t, tc.want, m.Inflect(tc.lemma, tc.pos, tc.tag))
		})
	}
}

// The embedded English data: lemmatisation.
func TestEnglishLemmas(t *testing.T) {
	m := englishMorph(t)
	tests := []struct {
		word string
		pos  synonyms.POS
		has  string
	}{
		{"rose", synonyms.Verb, "rise"},
		{"risen", synonyms.Verb, "rise"},
		{"shares", synonyms.Noun, "share"},
		{"better", synonyms.Adj, "good"},
		{"best", synonyms.Adj, "good"},
		{"worse", synonyms.Adj, "bad"},
		{"children", synonyms.Noun, "child"},
		{"women", synonyms.Noun, "woman"},
		{"mice", synonyms.Noun, "mouse"},
		{"data", synonyms.Noun, "datum"},
		{"went", synonyms.Verb, "go"},
		{"saw", synonyms.Verb, "see"},
		{"stopped", synonyms.Verb, "stop"},
		{"running", synonyms.Verb, "run"},
		{"lying", synonyms.Verb, "lie"},
		{"bigger", synonyms.Adj, "big"},
		{"happier", synonyms.Adj, "happy"},
		{"took off", synonyms.Verb, "take off"},
		{"credit cards", synonyms.Noun, "credit card"},
		{"faster", synonyms.Adv, "fast"},
	}
	for _, tc := range tests {
		t.Run(tc.word+"/"+tc.pos.String(), func(t *testing.T) {
			got := m.Lemmas(tc.word, tc.pos)
			assert.Contains(t, got, tc.has)
			assert.True(t, slices.IsSorted(got))
		})
	}
	assert.Equal(t, []string{"rise"}, m.Lemmas("rose", synonyms.Verb))
	assert.Equal(t, []string{"rose"}, m.Lemmas("rose", synonyms.Noun))
	assert.Equal(t, []string{"rise", "rose"}, m.Lemmas("rose", synonyms.Any))
	assert.Empty(t, m.Lemmas("xyzzy", synonyms.Noun))
}

// The embedded English data: inflection with the exception lists.
func TestEnglishInflect(t *testing.T) {
	m := englishMorph(t)
	tests := []struct {
		lemma, tag, want string
	}{
		// Why: irregular past and participle kept apart where verb.exc
		// has both.
		{"rise", "VBD", "rose"},
		{"rise", "VBN", "risen"},
		{"take", "VBD", "took"},
		{"take", "VBN", "taken"},
		{"go", "VBD", "went"},
		{"go", "VBN", "gone"},
		{"sing", "VBD", "sang"},
		{"sing", "VBN", "sung"},
		{"lie", "VBD", "lay"},
		{"lie", "VBN", "lain"},
		{"bear", "VBN", "borne"},
		{"shrink", "VBN", "shrunk"},
		// Why: one irregular form serves both.
		{"sell", "VBD", "sold"},
		{"sell", "VBN", "sold"},
		{"teach", "VBN", "taught"},
		{"win", "VBD", "won"},
		{"stick", "VBD", "stuck"},
		{"shine", "VBD", "shone"},
		// Why: only the participle is irregular.
		{"prove", "VBD", "proved"},
		{"show", "VBD", "showed"},
		{"show", "VBN", "shown"},
		// Why: base-form participles and pasts.
		{"come", "VBN", "come"},
		{"come", "VBD", "came"},
		{"run", "VBN", "run"},
		{"put", "VBD", "put"},
		{"set", "VBN", "set"},
		{"beat", "VBD", "beat"},
		{"beat", "VBN", "beaten"},
		// Why: doubled consonants from verb.exc for stress-final verbs.
		{"admit", "VBD", "admitted"},
		{"prefer", "VBG", "preferring"},
		{"lie", "VBG", "lying"},
		{"be", "VBZ", "is"},
		{"be", "VBD", "was"},
		{"be", "VBN", "been"},
		{"have", "VBZ", "has"},
		{"do", "VBZ", "does"},
		{"learn", "VBD", "learned"},
		// Multi-word verbs inflect their first word.
		{"take off", "VBD", "took off"},
		{"give up", "VBN", "given up"},
		{"take steps", "VBZ", "takes steps"},
		{"go up", "VBG", "going up"},
		// Nouns.
		{"child", "NNS", "children"},
		{"man", "NNS", "men"},
		{"woman", "NNS", "women"},
		{"mouse", "NNS", "mice"},
		{"datum", "NNS", "data"},
		{"analysis", "NNS", "analyses"},
		{"potato", "NNS", "potatoes"},
		{"knife", "NNS", "knives"},
		{"brother", "NNS", "brothers"},
		{"bus", "NNS", "buses"},
		{"gas", "NNS", "gases"},
		{"credit card", "NNS", "credit cards"},
		{"governor general", "NNS", "governors general"},
		{"mother-in-law", "NNS", "mothers-in-law"},
		// Adjectives and adverbs.
		{"good", "JJR", "better"},
		{"good", "JJS", "best"},
		{"bad", "JJR", "worse"},
		{"bad", "JJS", "worst"},
		{"far", "JJR", "farther"},
		{"big", "JJR", "bigger"},
		{"hot", "JJS", "hottest"},
		{"happy", "JJR", "happier"},
		{"beautiful", "JJS", "most beautiful"},
		{"well", "RBR", "better"},
		{"well", "RBS", "best"},
		{"hard", "RBR", "harder"},
		{"deeply", "RBR", "deeper"},
		{"deeply", "RBS", "most deeply"},
		{"quickly", "RBR", "more quickly"},
	}
	for _, tc := range tests {
		t.Run(tc.lemma+"/"+tc.tag, func(t *testing.T) {
			assert.Equal(t, tc.want, m.Inflect(tc.lemma, synonyms.Any, tc.tag))
		})
	}
}

// Inflecting a lemma and lemmatising the result gives the lemma back.
func TestEnglishRoundTrip(t *testing.T) {
	m := englishMorph(t)
	words := map[synonyms.POS][]string{
		synonyms.Noun: strings.Fields("share child woman mouse city box church credit card analysis knife potato payment account"),
		synonyms.Verb: strings.Fields("rise take go sing sell teach prove show stop plan admit prefer lie make try play increase"),
		synonyms.Adj:  strings.Fields("good bad big hot happy large fast strong"),
	}
	tags := map[synonyms.POS][]string{
		synonyms.Noun: {"NNS"},
		synonyms.Verb: {"VBZ", "VBD", "VBN", "VBG"},
		synonyms.Adj:  {"JJR", "JJS"},
	}
	for pos, list := range words {
		for _, w := range list {
			for _, tag := range tags[pos] {
				f := m.Inflect(w, pos, tag)
				assert.Contains(t, m.Lemmas(f, pos), w, "%s/%s -> %s", w, tag, f)
			}
		}
	}
}
