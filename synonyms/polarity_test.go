package synonyms_test

import (
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/internal/fake"
)

func TestDefaultPolarity(t *testing.T) {
	lex, err := synonyms.DefaultPolarity()
	require.NoError(t, err, "the embedded list must parse")
	assert.Greater(t, lex.Len(), 400)
	again, err := synonyms.DefaultPolarity()
	require.NoError(t, err)
	assert.Same(t, lex, again, "parsed once")

	tests := []struct {
		word string
		want synonyms.Polarity
	}{
		{"rose", synonyms.Positive}, {"climbed", synonyms.Positive}, {"Beat", synonyms.Positive},
		{"exceeded", synonyms.Positive}, {"gain", synonyms.Positive}, {"profit", synonyms.Positive},
		{"increase", synonyms.Positive}, {"up", synonyms.Positive}, {"upgrade", synonyms.Positive},
		{"outperform", synonyms.Positive}, {"strong", synonyms.Positive}, {"went up", synonyms.Positive},
		{"fell", synonyms.Negative}, {"declined", synonyms.Negative}, {"missed", synonyms.Negative},
		{"loss", synonyms.Negative}, {"decrease", synonyms.Negative}, {"down", synonyms.Negative},
		{"downgraded", synonyms.Negative}, {"underperform", synonyms.Negative}, {"weak", synonyms.Negative},
		{"fell  short", synonyms.Negative}, {"disappointed", synonyms.Negative},
		{"card", synonyms.Neutral}, {"company", synonyms.Neutral}, {"issue", synonyms.Neutral},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, lex.Polarity(tt.word), tt.word)
	}
	assert.True(t, lex.Antonyms("bought", "sold"))
	assert.True(t, lex.Antonyms("Refund", "charge"))
	assert.True(t, lex.Antonyms("rose", "fell"), "opposite polarities count as antonyms")
	assert.False(t, lex.Antonyms("rose", "climbed"))
	assert.Equal(t, "positive", synonyms.Positive.String())
	assert.Equal(t, "negative", synonyms.Negative.String())
	assert.Equal(t, "neutral", synonyms.Neutral.String())
}

func TestPolarityGuard(t *testing.T) {
	inner := staticSource{
		"rose":     {"climbed", "fell", "increased", "rosebush"},
		"beat":     {"exceeded", "missed", "topped"},
		"beats":    {"misses", "tops"},
		"gain":     {"increase", "loss", "profit"},
		"increase": {"decrease", "growth", "rise"},
		"profit":   {"earnings", "loss"},
		"up":       {"down", "higher"},
		"upgraded": {"downgraded", "raised"},
		"strong":   {"solid", "weak"},
		"bought":   {"acquired", "purchased", "sold"},
		"refund":   {"charge", "reimbursement"},
		"moved":    {"fell", "rose", "shifted"},
		"card":     {"bank card"},
	}
	tests := []struct {
		word   string
		want   []string
		strict []string
	}{
		{"rose", []string{"climbed", "increased", "rosebush"}, []string{"climbed", "increased"}},
		{"beat", []string{"exceeded", "topped"}, []string{"exceeded"}},
		{"beats", []string{"tops"}, nil},
		{"gain", []string{"increase", "profit"}, []string{"increase", "profit"}},
		{"increase", []string{"growth", "rise"}, []string{"growth", "rise"}},
		{"profit", []string{"earnings"}, nil},
		{"up", []string{"higher"}, []string{"higher"}},
		{"upgraded", []string{"raised"}, []string{"raised"}},
		{"strong", []string{"solid"}, []string{"solid"}},
		{"bought", []string{"acquired", "purchased"}, []string{"acquired", "purchased"}},
		{"refund", []string{"reimbursement"}, []string{"reimbursement"}},
		{"moved", []string{"fell", "rose", "shifted"}, []string{"shifted"}},
		{"card", []string{"bank card"}, []string{"bank card"}},
		{"unknown", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			before := slices.Clone(inner[tt.word])
			got := synonyms.PolarityGuard{Source: inner}.Synonyms(tt.word, "")
			assert.Equal(t, tt.want, got)
			strict := synonyms.PolarityGuard{Source: inner, Strict: true}.Synonyms(tt.word, "")
			assert.Equal(t, tt.strict, strict, "strict")
			assert.Equal(t, before, inner[tt.word], "inner slice not modified")
			if slices.Equal(got, before) && len(got) > 0 {
				assert.Same(t, &inner[tt.word][0], &got[0], "nothing dropped: inner slice returned")
			}
		})
	}
	assert.Nil(t, synonyms.PolarityGuard{}.Synonyms("rose", ""), "zero value")
}

func TestPolarityGuardMorphology(t *testing.T) {
	// A lexicon of lemmas only: the guard needs the Morphology to see that
	// "slumped" is negative.
	lex, err := synonyms.NewPolarityLexicon([]string{"climb"}, []string{"slump"}, [][2]string{{"buy", "sell"}})
	require.NoError(t, err)
	inner := staticSource{
		"climbed": {"advanced", "slumped"},
		"bought":  {"acquired", "sold"},
	}
	morph := fake.Morph{Lemma: map[string][]string{
		"climbed": {"climb"}, "slumped": {"slump"}, "bought": {"buy"}, "sold": {"sell"},
	}}
	plain := synonyms.PolarityGuard{Source: inner, Lexicon: lex}
	withMorph := synonyms.PolarityGuard{Source: inner, Lexicon: lex, Morph: morph}
	assert.Equal(t, []string{"advanced", "slumped"}, plain.Synonyms("climbed", "VBD"))
	assert.Equal(t, []string{"advanced"}, withMorph.Synonyms("climbed", "VBD"))
	assert.Equal(t, []string{"acquired", "sold"}, plain.Synonyms("bought", "VBD"))
	assert.Equal(t, []string{"acquired"}, withMorph.Synonyms("bought", "VBD"))
	assert.Equal(t, []string{"acquired"}, withMorph.Synonyms("bought", ""), "no tag: lemmas of every POS")
}

func TestPolarityUserWords(t *testing.T) {
	def, err := synonyms.DefaultPolarity()
	require.NoError(t, err)
	user, err := synonyms.LoadPolarity(filepath.Join(lexFixtures, "polarity.txt"))
	require.NoError(t, err)
	flip, err := synonyms.NewPolarityLexicon(nil, []string{"beat"}, [][2]string{{"long", "short"}})
	require.NoError(t, err)

	lex := def.Merge(user).Merge(flip)
	assert.Equal(t, synonyms.Positive, lex.Polarity("mooned"))
	assert.Equal(t, synonyms.Negative, lex.Polarity("tanked"))
	assert.Equal(t, synonyms.Negative, lex.Polarity("beat"), "the later lexicon wins")
	assert.Equal(t, synonyms.Positive, def.Polarity("beat"), "Merge does not modify its inputs")
	assert.True(t, lex.Antonyms("hawkish", "dovish"))
	assert.True(t, lex.Antonyms("bought", "sold"), "built-in antonyms kept")

	inner := staticSource{"mooned": {"rallied", "tanked"}, "hawkish": {"dovish", "tough"}}
	g := synonyms.PolarityGuard{Source: inner, Lexicon: lex}
	assert.Equal(t, []string{"rallied"}, g.Synonyms("mooned", "VBD"))
	assert.Equal(t, []string{"tough"}, g.Synonyms("hawkish", "JJ"))

	_, err = synonyms.NewPolarityLexicon([]string{"Rise"}, []string{"rise "}, nil)
	assert.EqualError(t, err, `synonyms: "rise" is both positive and negative`)
	var nilLex *synonyms.PolarityLexicon
	assert.Equal(t, synonyms.Neutral, nilLex.Polarity("rose"))
	assert.Equal(t, 0, nilLex.Len())
	assert.False(t, nilLex.Antonyms("rose", "fell"))
	assert.Equal(t, synonyms.Positive, nilLex.Merge(user).Polarity("moon"))
}

func TestReadPolarityErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"unknown class", "+\trise\n*\tfall\n", 2, `unknown class "*" (want "+", "-" or "!" followed by a tab)`},
		{"space instead of tab", "+ rise\n", 1, `unknown class "+ rise" (want "+", "-" or "!" followed by a tab)`},
		{"words split by tabs", "# c\n-\tfall\tdrop\n", 2, "3 tab-separated fields, want 2 (-<TAB>word|word|...)"},
		{"class alone", "+\n", 1, "1 tab-separated fields, want 2 (+<TAB>word|word|...)"},
		{"no words", "+\t \n", 1, "no words"},
		{"empty word", "+\trise||rose\n", 1, `empty word at position 2 of "rise||rose"`},
		{"antonyms with one group", "!\tbuy|bought\n", 1, "2 tab-separated fields, want 3 (!<TAB>word|word<TAB>antonym|antonym)"},
		{"antonyms empty first group", "!\t\tsell\n", 1, "first group: no words"},
		{"antonyms empty word", "!\tbuy\tsell|\n", 1, `second group: empty word at position 2 of "sell|"`},
		{"conflict names both lines", "+\trise|rose\n\n# x\n-\tfall|Rose\n", 4, `"rose" is negative here but positive on line 1`},
		{"invalid UTF-8", "+\trise\n-\t\xff\n", 2, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lex, err := synonyms.ReadPolarity(strings.NewReader(tt.in), "pol.txt")
			assert.Nil(t, lex)
			requireParseError(t, err, "pol.txt", tt.line, tt.msg)
		})
	}
	_, err := synonyms.LoadPolarity(filepath.Join(t.TempDir(), "none.txt"))
	assert.Error(t, err)
}

func FuzzReadPolarity(f *testing.F) {
	for _, s := range []string{
		"+\trise|rose\n-\tfall|fell\n!\tbuy\tsell\n", "# c\n\n+\tgo up\n", "*\tx\n", "+\ta\tb\n",
		"+\ta\n-\ta\n", "!\ta\n", "+\t\xff\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		lex, err := synonyms.ReadPolarity(strings.NewReader(in), "fuzz")
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		require.NotNil(t, lex)
		// The guard over any answer keeps the Source contract.
		inner := staticSource{"w": {"a", "b", "c"}}
		got := synonyms.PolarityGuard{Source: inner, Lexicon: lex}.Synonyms("w", "")
		assert.True(t, slices.IsSorted(got))
		assert.Equal(t, []string{"a", "b", "c"}, inner["w"])
	})
}

// TestPolarityGuardConcurrent runs the guard, whose default lexicon is
// loaded lazily, from several goroutines (meaningful under -race).
func TestPolarityGuardConcurrent(t *testing.T) {
	inner := staticSource{"rose": {"climbed", "fell"}}
	g := synonyms.PolarityGuard{Source: synonyms.Blocked{Source: inner, List: synonyms.NewBlocklist([]string{"x"}, nil)}}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				assert.Equal(t, []string{"climbed"}, g.Synonyms("rose", "VBD"))
			}
		})
	}
	wg.Wait()
}

func TestPolarityWords(t *testing.T) {
	lex, err := synonyms.DefaultPolarity()
	require.NoError(t, err)
	pos, neg := lex.Words(synonyms.Positive), lex.Words(synonyms.Negative)
	assert.Contains(t, pos, "rose")
	assert.Contains(t, neg, "fell")
	assert.True(t, slices.IsSorted(pos))
	assert.Equal(t, lex.Len(), len(pos)+len(neg))
	var nilLex *synonyms.PolarityLexicon
	assert.Nil(t, nilLex.Words(synonyms.Positive))
}
