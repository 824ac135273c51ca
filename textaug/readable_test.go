package textaug_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

func TestReadable(t *testing.T) {
	cases := []struct {
		why        string
		orig, vari string
		want       []string
	}{
		{"unchanged", "I lost my card and I can't find it.", "I lost my card and I can't find it.", nil},
		{"one adjacent swap in a short sentence", "I lost my card", "I lost card my", nil},
		{"one synonym", "I lost my card", "I misplaced my card", nil},
		{"a swap in a run of equal words", "Is it normal to have to wait over a week", "Is it normal have to to wait over a week", nil},
		{"one synonym, a phrase for a word", "I lost my card", "I lost my bank card", nil},
		{"a phrase for a word that shares a word", "my atm cash out is still pending", "my cash machine cash out is still pending", nil},
		{"one deletion", "I really need help with my new card today", "I need help with my new card today", nil},
		{"a mark at a clause boundary", "I lost my card and I can't find it", "I lost my card, and I can't find it", nil},
		{"a far swap", "I lost my card and I can't find it", "I find my card and I can't lost it", []string{textaug.MovedFar}},
		{"a swap across a comma", "I lost it, please help me now", "I lost please, it help me now", []string{textaug.MovedAcrossMark}},
		{"a mark first", "I lost my card", ", I lost my card", []string{textaug.StartsWithMark}},
		{"a mark first in Chinese", "好的，我一会就想过去", "，好的，我一会就想过去", []string{textaug.StartsWithMark}},
		{"the original's own first mark", "... and then it failed", "... and then it broke", nil},
		{"two marks", "I lost my card, please help me now", "I lost my card, ! please help me now", []string{textaug.MarksInARow}},
		{"two marks, Financial PhraseBank spacing", "Sales rose , and profit fell sharply in 2009 .", "Sales rose , ; and profit fell sharply in 2009 .", []string{textaug.MarksInARow}},
		{"two Chinese marks", "好的，我一会就想过去", "好的，，我一会就想过去", []string{textaug.MarksInARow}},
		{"two edits in a short sentence", "I lost my card", "I ! lost my bank card", []string{textaug.ShortManyEdits}},
		{"two deletions in a short sentence", "I really lost my new card", "I lost my card", []string{textaug.ShortManyEdits}},
		{"two edits in a long sentence", "I really lost my new card and I can't find it anywhere", "I lost my card and I can't find it anywhere", nil},
		{"a detached clitic split", "CapMan Plc 's own unit grew", "CapMan 's Plc own unit grew", []string{textaug.CliticSplit}},
		{"a detached clitic scrambled", "CapMan Plc 's own unit grew fast this year", "CapMan Plc 'the own unit grew fast s year", []string{textaug.MovedFar, textaug.CliticSplit}},
		{"every reason at once", "I lost it, and my card", "! I, ! card it and lost my", []string{textaug.StartsWithMark, textaug.MarksInARow, textaug.MovedFar, textaug.MovedAcrossMark, textaug.ShortManyEdits}},
	}
	for _, c := range cases {
		t.Run(c.why, func(t *testing.T) {
			assert.Equal(t, c.want, textaug.Readable(c.orig, c.vari), "%q -> %q", c.orig, c.vari)
		})
	}
}

// readableEdits are the strategies with their readability options on, as
// the readable preset sets them.
func readableEdits() []textaug.Edit {
	return []textaug.Edit{
		textaug.RandomSwap{Rate: 0.2, Distance: 1, InClause: true, Short: textaug.ShortSentence},
		textaug.Punctuation{NotFirst: true, Clauses: true, Max: 1},
		textaug.RandomDelete{Fillers: textaug.DefaultFillers(), Max: 1},
		textaug.SynonymReplace{Source: table, Max: 1},
	}
}

// Each readability option does what it says, and with all of them on no
// variant of the test sentences fails Readable.
func TestReadabilityOptions(t *testing.T) {
	for _, s := range append(sentences,
		"I really need help , and my card was declined because I moved , please help",
		"Sales rose , and profit fell sharply in 2009 , while the outlook is very weak .",
		"please just send the new card to my home address today") {
		toks := analyse(t, s, nil)
		for _, e := range readableEdits() {
			for seed := uint64(0); seed < 100; seed++ {
				got := tokenize.Join(e.Edit(rand.New(rand.NewPCG(seed, 18)), toks))
				assert.Empty(t, textaug.Readable(s, got), "%s: %q -> %q", e.Name(), s, got)
			}
		}
	}
}

func TestRandomSwapDistanceAndClause(t *testing.T) {
	const s = "please send the replacement card, then call my home number soon"
	toks := analyse(t, s, nil)
	near, wide := 0, 0
	for seed := uint64(0); seed < 200; seed++ {
		r := rand.New(rand.NewPCG(seed, 5))
		out := tokenize.Join(textaug.RandomSwap{Rate: 0.5, Distance: 1, InClause: true}.Edit(r, toks))
		assert.Empty(t, textaug.Readable(s, out), out)
		before, after, _ := strings.Cut(out, ", ")
		assert.ElementsMatch(t, []string{"please", "send", "the", "replacement", "card"}, strings.Fields(before), "nothing crosses the comma: %q", out)
		assert.ElementsMatch(t, []string{"then", "call", "my", "home", "number", "soon"}, strings.Fields(after), "nothing crosses the comma: %q", out)
		if out != s {
			near++
		}
		out = tokenize.Join(textaug.RandomSwap{Rate: 0.5}.Edit(rand.New(rand.NewPCG(seed, 5)), toks))
		if len(textaug.Readable(s, out)) > 0 {
			wide++
		}
	}
	assert.Positive(t, near)
	assert.Positive(t, wide, "the zero options still swap anywhere")
}

func TestRandomDeleteFillersAndShort(t *testing.T) {
	toks := analyse(t, "I really need help with my new card today", &textaug.Policy{Stopwords: []string{}})
	for seed := uint64(0); seed < 100; seed++ {
		got := tokenize.Join(textaug.RandomDelete{Rate: 1, Fillers: textaug.DefaultFillers()}.Edit(rand.New(rand.NewPCG(seed, 6)), toks))
		assert.Equal(t, "I need help with my new card today", got)
	}
	short := analyse(t, "I lost my new card today", nil)
	for seed := uint64(0); seed < 100; seed++ {
		out := textaug.RandomDelete{Rate: 1, Short: textaug.ShortSentence}.Edit(rand.New(rand.NewPCG(seed, 6)), short)
		assert.Equal(t, len(words(short))-1, len(words(out)), tokenize.Join(out))
	}
	for _, s := range []string{"Hi , please , help me", "Please , help me", "help me , please ."} {
		alone := analyse(t, s, nil)
		assert.Equal(t, alone, textaug.RandomDelete{Rate: 1, Fillers: textaug.DefaultFillers()}.Edit(rand.New(rand.NewPCG(1, 6)), alone), "a filler alone between marks stays: %q", s)
	}
	none := analyse(t, "I lost my card", nil)
	assert.Equal(t, none, textaug.RandomDelete{Fillers: textaug.DefaultFillers()}.Edit(rand.New(rand.NewPCG(1, 6)), none), "no filler, nothing deleted")
}

func TestPunctuationReadabilityOptions(t *testing.T) {
	const s = "my card was declined and I do not know why"
	toks := analyse(t, s, nil)
	for seed := uint64(0); seed < 100; seed++ {
		out := tokenize.Join(textaug.Punctuation{NotFirst: true, Clauses: true, Max: 1, Ratio: 1}.Edit(rand.New(rand.NewPCG(seed, 7)), toks))
		assert.Contains(t, []string{"my card was declined, and I do not know why", "my card was declined and I do not know, why"}, out, "a comma where a clause opens")
		short := analyse(t, "my card was declined", nil)
		got := textaug.Punctuation{NotFirst: true, Ratio: 1, Short: textaug.ShortSentence}.Edit(rand.New(rand.NewPCG(seed, 7)), short)
		assert.Len(t, got, len(short)+2, "one mark and its space: %q", tokenize.Join(got))
		assert.NotRegexp(t, `^[.;?:!,]`, tokenize.Join(got))
	}
}

// Reorder swaps only two adjectives, or an adverb and the verb or
// adjective beside it; never a determiner and its noun, never an ordinal.
func TestRandomSwapReorder(t *testing.T) {
	const s = "I still have the second largest new blue card"
	toks := analyse(t, s, nil)
	seen := map[string]bool{}
	for seed := uint64(0); seed < 200; seed++ {
		out := tokenize.Join(textaug.RandomSwap{Distance: 1, InClause: true, Reorder: true}.Edit(rand.New(rand.NewPCG(seed, 9)), toks))
		seen[out] = true
	}
	assert.Equal(t, map[string]bool{
		"I have still the second largest new blue card": true,
		"I still have the second largest blue new card": true,
	}, seen)
}
