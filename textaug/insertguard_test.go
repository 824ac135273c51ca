package textaug_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

func isVerb(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }

// checkInserted checks that no inserted word of out carries a polarity and
// that no inserted verb stands next to a verb of the source (white space
// aside); it returns the inserted words.
func checkInserted(t *testing.T, lex *synonyms.PolarityLexicon, out []tokenize.Token) []string {
	t.Helper()
	var words []string
	for i := range out {
		if !out[i].Inserted() || out[i].Kind != tokenize.Word {
			continue
		}
		words = append(words, out[i].Text)
		assert.Equal(t, synonyms.Neutral, lex.Polarity(out[i].Text), "%q inserted: %q", out[i].Text, tokenize.Join(out))
		if !isVerb(out[i].Tag) {
			continue
		}
		for _, step := range []int{-1, 1} {
			k := i + step
			for k >= 0 && k < len(out) && out[k].Kind == tokenize.Space {
				k += step
			}
			if k >= 0 && k < len(out) && !out[k].Inserted() {
				assert.False(t, isVerb(out[k].Tag), "verb %q beside verb %q: %q", out[i].Text, out[k].Text, tokenize.Join(out))
			}
		}
	}
	return words
}

// Issue 13, item 17: insertion goes through the polarity guard, strictly
// (an inserted word adds meaning where there was none), and an inserted
// verb never stands next to a verb.
func TestRandomInsertGuardsPolarity(t *testing.T) {
	src := synonyms.NewTable([]synonyms.Entry{
		{Word: "concern", POS: synonyms.Noun, Synonyms: []string{"fear", "worry", "matter"}},
		{Word: "rose", POS: synonyms.Verb, Synonyms: []string{"climbed", "increased"}},
		{Word: "said", POS: synonyms.Verb, Synonyms: []string{"stated"}},
		{Word: "profit", POS: synonyms.Noun, Synonyms: []string{"earnings"}},
	}, nil)
	lex, err := synonyms.DefaultPolarity()
	require.NoError(t, err)
	for _, s := range []string{
		"The company said the concern was discussed at the annual meeting",
		"Operating profit rose to EUR 5 mn and the company said nothing else",
	} {
		toks := analyse(t, s, nil)
		seen := map[string]bool{}
		for seed := uint64(0); seed < 300; seed++ {
			out := textaug.RandomInsert{Source: src, Rate: 0.3}.Edit(rand.New(rand.NewPCG(seed, 17)), toks)
			for _, w := range checkInserted(t, lex, out) {
				seen[w] = true
			}
		}
		assert.NotEmpty(t, seen, "neutral words are still inserted: %q", s)
		t.Logf("%q: inserted %v", s, seen)
	}
	empty, err := synonyms.NewPolarityLexicon(nil, nil, nil)
	require.NoError(t, err)
	toks := analyse(t, "The concern was discussed", nil)
	polarIn := false
	for seed := uint64(0); seed < 100 && !polarIn; seed++ {
		got := tokenize.Join(textaug.RandomInsert{Source: src, Polarity: empty}.Edit(rand.New(rand.NewPCG(seed, 17)), toks))
		polarIn = strings.Contains(got, "fear") || strings.Contains(got, "worry")
	}
	assert.True(t, polarIn, "an empty lexicon lets every word in")
}

// TestRandomInsertGuardsPolaritySharedData inserts, with the default
// English synonyms, into the neutral Financial PhraseBank sentences: no
// inserted word carries a polarity and no inserted verb stands next to a
// verb ("Operating increased profit rose", "profit climbed rose").
func TestRandomInsertGuardsPolaritySharedData(t *testing.T) {
	sp := shareddata.Read(t, "financial_phrasebank_allagree", "test", 0)
	src, err := builtin.Default()
	require.NoError(t, err)
	lex, err := synonyms.DefaultPolarity()
	require.NoError(t, err)
	n := 0
	for i, s := range sp.Texts {
		if sp.Labels[i] != "neutral" {
			continue
		}
		toks := analyse(t, s, nil)
		for seed := uint64(0); seed < 3; seed++ {
			out := textaug.RandomInsert{Source: src, Rate: 0.2}.Edit(rand.New(rand.NewPCG(seed, uint64(i))), toks)
			n += len(checkInserted(t, lex, out))
		}
	}
	t.Logf("%d insertions into neutral sentences, none polar, no verb beside a verb", n)
	assert.Positive(t, n)
}

// TestRandomInsertNotBeforeFrozenOpener: a sentence that opens with an
// entity (or any frozen word) never gets a word inserted before it, which
// would leave the entity mid-sentence after a lower-case word.
func TestRandomInsertNotBeforeFrozenOpener(t *testing.T) {
	pol := &textaug.Policy{Keep: []string{"Neste Oil"}}
	aug := textaug.Tokens{Edit: textaug.RandomInsert{Source: table, Rate: 1, Polarity: &synonyms.PolarityLexicon{}}, Policy: pol}
	d, err := aug.Prepare(context.Background(), "Neste Oil sales and profit grew, the company said.")
	require.NoError(t, err)
	inserted := 0
	for seed := uint64(0); seed < 200; seed++ {
		text, ops := d(textaug.Stream(seed, "k", 0))
		if len(ops) == 0 {
			continue
		}
		inserted++
		assert.True(t, strings.HasPrefix(text, "Neste Oil "), "seed %d: %q", seed, text)
	}
	assert.Positive(t, inserted, "the test inserts something")
}
