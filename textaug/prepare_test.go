package textaug

import (
	"testing"

	"github.com/textaug/textaug/synonyms"
)

// A prepared edit (its per-record analysis kept across attempts) gives the
// same tokens and operations as the edit itself, for every stream; inside
// a Chain, where a later edit sees tokens an earlier one changed, too.
func TestPreparedEditsMatchTheOriginal(t *testing.T) {
	src := synonyms.NewTable([]synonyms.Entry{
		{Word: "card", POS: synonyms.Noun, Synonyms: []string{"debit card", "bank card"}},
		{Word: "lost", POS: synonyms.Verb, Synonyms: []string{"misplaced"}},
		{Word: "find", POS: synonyms.Verb, Synonyms: []string{"locate", "track down"}},
		{Word: "help", Synonyms: []string{"assist", "aid"}},
		{Word: "profit", POS: synonyms.Noun, Synonyms: []string{"earnings", "income"}},
		{Word: "rose", POS: synonyms.Verb, Synonyms: []string{"climbed", "increased"}},
		{Word: "apple", POS: synonyms.Noun, Synonyms: []string{"orange", "yellow apple"}},
	}, nil)
	syn := SynonymReplace{Source: src, Rate: 0.3}
	ins := RandomInsert{Source: src, Rate: 0.3}
	edits := map[string]Edit{
		"synonym":     syn,
		"synonym all": SynonymReplace{Source: src, AllOccurrences: true},
		"insert":      ins,
		"eda":         EDA(src, 0.2),
		"chain":       Chain{syn, ins, SynonymReplace{Source: src}},
		"sometimes":   Sometimes{Do: Chain{ins, syn}, P: 0.7},
	}
	texts := []string{
		"I lost my card and I can't find it, please help!",
		"Operating profit rose to EUR 25.8 mn from EUR 19.3 mn in 2007.",
		"I lost an apple, a card and a card.",
		"Nothing here.",
	}
	checkPrepared(t, edits, texts, 40)
}
