// Package synonyms supplies synonym candidates to the strategies of package
// textaug.
//
// A Source answers one question: which words can stand in for this word,
// used with this part of speech, in this grammatical form? Sources are
// immutable once built and safe for concurrent use. The candidates they
// return are sorted and de-duplicated so that a seeded random draw over them
// is reproducible; callers must not modify the returned slices.
package synonyms

import "strings"

// POS is a WordNet part of speech.
type POS byte

// Parts of speech. Any matches every part of speech.
const (
	Any  POS = 0
	Noun POS = 'n'
	Verb POS = 'v'
	Adj  POS = 'a'
	Adv  POS = 'r'
)

// String returns "n", "v", "a", "r" or "any".
func (p POS) String() string {
	if p == Any {
		return "any"
	}
	return string(rune(p))
}

// ParsePOS reads "n", "v", "a" (or "s", WordNet's satellite adjective), "r",
// the words "noun", "verb", "adj", "adv", or "" / "any".
func ParsePOS(s string) (POS, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "any", "*":
		return Any, true
	case "n", "noun":
		return Noun, true
	case "v", "verb":
		return Verb, true
	case "a", "s", "adj", "adjective":
		return Adj, true
	case "r", "adv", "adverb":
		return Adv, true
	}
	return Any, false
}

// FromPenn maps a Penn Treebank tag to a WordNet part of speech. Tags of
// closed classes (determiners, pronouns, prepositions, ...) and proper nouns
// map to ok == false: they are never replaced.
func FromPenn(tag string) (pos POS, ok bool) {
	switch tag {
	case "NN", "NNS":
		return Noun, true
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		return Verb, true
	case "JJ", "JJR", "JJS":
		return Adj, true
	case "RB", "RBR", "RBS":
		return Adv, true
	}
	return Any, false
}

// Source gives synonym candidates for a word.
//
// Synonyms returns the candidates for word (lower case, as it appears in
// the text, in any inflection) used with the Penn Treebank tag tag. An empty
// tag means the part of speech is unknown. Each candidate is lower case and
// already in the grammatical form that tag asks for (a plural for NNS, a
// past tense for VBD, ...); a multi-word candidate has single spaces between
// its words. The slice is sorted, holds no duplicates and never holds word
// itself; it is owned by the Source and must not be modified.
//
// Implementations must be safe for concurrent use.
type Source interface {
	Synonyms(word, tag string) []string
}

// Morphology lemmatises and re-inflects English words.
//
// Lemmas returns the base forms of word for part of speech pos (sorted,
// de-duplicated, possibly including word itself). Inflect puts lemma into
// the form that the Penn Treebank tag asks for ("increase", Verb, "VBD" ->
// "increased"); for a multi-word lemma only the head word is inflected
// ("take off", Verb, "VBZ" -> "takes off"). Implementations must be safe for
// concurrent use.
type Morphology interface {
	Lemmas(word string, pos POS) []string
	Inflect(lemma string, pos POS, tag string) string
}
