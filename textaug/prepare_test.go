package textaug

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
)

// A prepared edit (its per-record analysis kept across attempts) gives the
// same tokens and operations as the edit itself, for every stream; inside
// a Chain, where a later edit sees tokens an earlier one changed, too. The
// prepared edit runs as a Draw runs it, writing into recycled scratch
// buffers (a Chain alternating between two), and the record's tokens stay
// as they were.
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
		"copies":      Chain{RandomDelete{}, RandomSwap{Rate: 0.3}, Punctuation{}, syn, ins, RandomDelete{Rate: 0.3}},
		"near":        Chain{RandomSwap{Distance: 2}, Punctuation{Clauses: true}, OneOf{Edits: []Edit{syn, RandomDelete{}}}},
	}
	texts := []string{
		"I lost my card and I can't find it, please help!",
		"Operating profit rose to EUR 25.8 mn from EUR 19.3 mn in 2007.",
		"I lost an apple, a card and a card.",
		"Nothing here.",
	}
	checkPrepared(t, edits, texts, 40)
}

// normalize equals strings.Join(strings.Fields(s), " ") on every string
// of up to four characters over an alphabet of the cases its fast path
// tells apart (ASCII and Unicode spaces, a control character, Latin,
// Chinese, a non-space rune above U+007F), and returns a collapsed string
// without copying it.
func TestNormalizeMatchesFields(t *testing.T) {
	alphabet := []string{" ", "\t", "\n", "\x01", "\x7f", "a", ".", "中", "\u00a0", "\u3000", "é", "\u0085"}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		require.Equal(t, strings.Join(strings.Fields(s), " "), normalize(s), "%q", s)
		if depth == 4 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, depth+1)
		}
	}
	walk("", 0)
	s := "I lost my card, 我的卡 é\x01 x"
	assert.Zero(t, testing.AllocsPerRun(10, func() { _ = normalize(s) }), "a collapsed string is returned as it is")
}

// variantSet answers as a map does, on either side of its switch from a
// slice to a map.
func TestVariantSet(t *testing.T) {
	var v variantSet
	want := map[string]bool{}
	for i := range 100 {
		s := strings.Repeat("x", i%40) + string(rune('a'+i%7))
		assert.Equal(t, want[s], v.has(s), "%d: %q", i, s)
		if !want[s] {
			v.add(s)
			want[s] = true
		}
		require.True(t, v.has(s), "%d: %q", i, s)
	}
	assert.NotNil(t, v.big, "past 32 texts, a map")
}
