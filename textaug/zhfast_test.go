package textaug

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/tokenize"
)

// The readable preset's delete and swap, prepared once per record, give
// the same tokens and operations as unprepared, for every stream, on
// Chinese and English, alone, in OneOf and after another edit in a Chain.
func TestPreparedReadableEditsMatchTheOriginal(t *testing.T) {
	del := RandomDelete{Max: 1, Fillers: DefaultFillers(), Short: ShortSentence}
	swap := RandomSwap{Max: 1, Distance: 1, InClause: true, Short: ShortSentence}
	edits := map[string]Edit{
		"delete fillers": del,
		"delete any":     RandomDelete{Rate: 0.3},
		"swap readable":  swap,
		"swap reorder":   RandomSwap{Distance: 1, InClause: true, Reorder: true},
		"swap any":       RandomSwap{Rate: 0.3},
		"readable":       OneOf{Edits: []Edit{swap, Punctuation{Max: 1, NotFirst: true, Clauses: true, Short: ShortSentence}, del}, Weights: []float64{1, 1, 1}},
		"chain":          Chain{Punctuation{Ratio: 0.3}, del, swap},
	}
	texts := []string{
		"这家餐馆的周边有哪些景点啊？我想去看看，请帮我查一下。",
		"你好，请问一下，故宫附近真的有很好吃的饭店吗？",
		"I really just need help, please, my card is very late.",
		"Hi, please, help",
		"我要A的B",
	}
	checkPrepared(t, edits, texts, 60)
}

// checkPrepared requires each edit, prepared for each text's tokens, to
// give the same tokens and operations as itself for the first attempts
// streams.
func checkPrepared(t *testing.T, edits map[string]Edit, texts []string, attempts int) {
	for name, e := range edits {
		for _, text := range texts {
			toks, err := Tokens{}.Analyse(text)
			require.NoError(t, err)
			orig := slices.Clone(toks)
			p := prepareEdit(e, toks)
			for a := range attempts {
				want, wantOps := apply(e, Stream(3, text, a), toks, nil, nil)
				sc := scratches.Get().(*scratch) // the recycled buffers of a Draw
				sc.rec = toks
				got, gotOps := apply(p, Stream(3, text, a), toks, nil, sc)
				assert.Equal(t, tokenize.Join(want), tokenize.Join(got), "%s %q attempt %d", name, text, a)
				assert.Equal(t, wantOps, gotOps, "%s %q attempt %d", name, text, a)
				sc.release()
			}
			require.Equal(t, orig, toks, "%s %q: the record's tokens changed", name, text)
		}
	}
}

// foldWords are fillers and words that fold in every way strings.EqualFold
// knows: ASCII and Unicode case, the Kelvin sign and long s (which fold to
// ASCII letters), title case, full-width letters, U+FFFD and invalid UTF-8.
var foldWords = []string{
	"really", "REALLY", "Really", "please", "PLEASE", "kindly", "\u212a", "k", "K", "ſ", "s", "S",
	"ǅ", "ǆ", "Ǆ", "ａｂ", "ＡＢ", "ß", "ẞ", "σ", "Σ", "ς", "\ufffd", "\xff", "\xff\xfe", "a\xff",
	"啊", "呀", "请", "一下", "很", "也", "请问", "了", "", " ", "1", "a1", "Ωmega", "ωMEGA",
}

// The filler check's shortcut (compare bytes when the word has no cased
// letter) agrees with strings.EqualFold on every pair of foldWords and
// DefaultFillers.
func TestHasCaseShortcutAgreesWithEqualFold(t *testing.T) {
	words := append(DefaultFillers(), foldWords...)
	for _, f := range words {
		for _, w := range words {
			got := f == w || hasCase(w) && strings.EqualFold(f, w)
			assert.Equal(t, strings.EqualFold(f, w), got, "%q %q", f, w)
		}
	}
	assert.False(t, hasCase("这家餐馆的周边"))
	assert.False(t, hasCase("123，。！"))
	assert.True(t, hasCase("atm卡"))
}

// FuzzHasCase: for any word and filler, the shortcut agrees with
// strings.EqualFold.
func FuzzHasCase(f *testing.F) {
	for _, w := range foldWords {
		f.Add(w, "really")
		f.Add("\u212a", w)
	}
	f.Fuzz(func(t *testing.T, filler, word string) {
		want := strings.EqualFold(filler, word)
		if got := filler == word || hasCase(word) && strings.EqualFold(filler, word); got != want {
			t.Fatalf("%q %q: shortcut says %v, EqualFold %v", filler, word, got, want)
		}
	})
}

// normalize agrees with collapsing white space the long way on text with
// Chinese, other non-ASCII runes, Unicode spaces and invalid UTF-8.
func TestNormalizeAgreesWithFields(t *testing.T) {
	for _, s := range []string{
		"这家餐馆的周边有哪些景点啊？", "这家 餐馆", "这家  餐馆", " 这家", "这家 ", "这家\u3000餐馆", "这家\u00a0餐馆",
		"a\u0085b", "café au lait", "\xff\xfe", "a \xff b", "啊\n", "", "plain text", "a  b",
	} {
		assert.Equal(t, strings.Join(strings.Fields(s), " "), normalize(s), "%q", s)
	}
}

// FuzzNormalize: normalize is strings.Join(strings.Fields(s), " ").
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"这家餐馆 的", "a\u2028b", "\xc2\x85", "x y", " x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want := strings.Join(strings.Fields(s), " "); normalize(s) != want {
			t.Fatalf("%q: normalize %q, want %q", s, normalize(s), want)
		}
	})
}

// Every white space rune beyond ASCII starts with a byte spaceLead knows.
func TestSpaceLeads(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			assert.True(t, spaceLead(string(r)[0]), "%U", r)
		}
	}
}
