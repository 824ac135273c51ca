// Package fake holds test doubles for package synonyms and its
// subpackages.
package fake

import "github.com/textaug/textaug/synonyms"

// Morph is a tiny synonyms.Morphology: lemmas come from a form -> lemmas
// table (a word is its own lemma otherwise), and forms from a "lemma/tag"
// -> form table (the lemma is returned otherwise, as for beat/VBD).
type Morph struct {
	Lemma map[string][]string
	Form  map[string]string
}

// Lemmas implements synonyms.Morphology.
func (m Morph) Lemmas(word string, _ synonyms.POS) []string {
	if l, ok := m.Lemma[word]; ok {
		return l
	}
	return []string{word}
}

// Inflect implements synonyms.Morphology.
func (m Morph) Inflect(lemma string, _ synonyms.POS, tag string) string {
	if f, ok := m.Form[lemma+"/"+tag]; ok {
		return f
	}
	return lemma
}
