package synonyms_test

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/internal/fake"
)

// staticSource answers from a fixed map, ignoring the tag, and checks
// nothing: it stands for any inner Source.
type staticSource map[string][]string

func (s staticSource) Synonyms(word, tag string) []string { return s[word] }

func TestReadBlocklist(t *testing.T) {
	in := "\uFEFF# header\n\nBatting  Order\natmosphere\r\ncard\tposter\n  # indented\nCharge\t Accusation \n"
	b, err := synonyms.ReadBlocklist(strings.NewReader(in), "block.txt")
	require.NoError(t, err)
	assert.Equal(t, 4, b.Len())
	tests := []struct {
		word, cand string
		want       bool
	}{
		{"anything", "batting order", true},
		{"card", "BATTING   ORDER", true},
		{"pressure", "atmosphere", true},
		{"card", "poster", true},
		{"Card", "Poster", true},
		{"bill", "poster", false}, // word-specific entry
		{"charge", "accusation", true},
		{"charges", "accusations", false}, // no morphology in Blocks
		{"card", "bank card", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, b.Blocks(tt.word, tt.cand), "%s -> %s", tt.word, tt.cand)
	}
}

func TestReadBlocklistErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"three fields", "ok\ncard\tposter\tx\n", 2, "3 tab-separated fields, want 1 (candidate) or 2 (word, candidate)"},
		{"empty word", "# c\n\tposter\n", 2, "empty word before the tab (want word<TAB>candidate)"},
		{"empty candidate", "card\t \n", 1, "empty candidate after the tab (want word<TAB>candidate)"},
		{"invalid UTF-8", "a\nb\nc\xfe\n", 3, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := synonyms.ReadBlocklist(strings.NewReader(tt.in), "block.txt")
			assert.Nil(t, b)
			requireParseError(t, err, "block.txt", tt.line, tt.msg)
		})
	}
}

func TestLoadBlocklist(t *testing.T) {
	b, err := synonyms.LoadBlocklist(filepath.Join(lexFixtures, "blocklist.txt"))
	require.NoError(t, err)
	assert.True(t, b.Blocks("card", "poster"))
	assert.True(t, b.Blocks("x", "batting order"))

	_, err = synonyms.LoadBlocklist(filepath.Join(t.TempDir(), "none.txt"))
	assert.Error(t, err)
}

func TestBlocked(t *testing.T) {
	inner := staticSource{
		"card":    {"batting order", "board", "identity card", "menu", "poster", "wit"},
		"cards":   {"batting orders", "posters", "wits"},
		"bill":    {"beak", "poster"},
		"balance": {"equilibrium"},
	}
	list := synonyms.NewBlocklist([]string{"batting order", "wit"}, [][2]string{{"card", "poster"}, {"card", "menu"}})
	morph := fake.Morph{Lemma: map[string][]string{
		"cards": {"card"}, "batting orders": {"batting order"}, "posters": {"poster"}, "wits": {"wit"},
	}}
	tests := []struct {
		name  string
		b     synonyms.Blocked
		word  string
		want  []string
		same  bool // the inner slice is returned as is
		inner []string
	}{
		{name: "global and word-specific", b: synonyms.Blocked{Source: inner, List: list}, word: "card",
			want: []string{"board", "identity card"}},
		{name: "word-specific entry spares other words", b: synonyms.Blocked{Source: inner, List: list}, word: "bill",
			want: []string{"beak", "poster"}, same: true},
		{name: "nothing blocked returns the inner slice", b: synonyms.Blocked{Source: inner, List: list}, word: "balance",
			want: []string{"equilibrium"}, same: true},
		{name: "without morphology inflected forms pass", b: synonyms.Blocked{Source: inner, List: list}, word: "cards",
			want: []string{"batting orders", "posters", "wits"}, same: true},
		{name: "with morphology lemmas are blocked", b: synonyms.Blocked{Source: inner, List: list, Morph: morph}, word: "cards",
			want: nil},
		{name: "nil list blocks nothing", b: synonyms.Blocked{Source: inner}, word: "card",
			want: inner["card"], same: true},
		{name: "zero value gives nothing", b: synonyms.Blocked{}, word: "card", want: nil},
		{name: "unknown word", b: synonyms.Blocked{Source: inner, List: list}, word: "fee", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(inner[tt.word])
			got := tt.b.Synonyms(tt.word, "NN")
			assert.Equal(t, tt.want, got)
			assert.Equal(t, before, inner[tt.word], "inner slice not modified")
			if tt.same && len(got) > 0 {
				assert.Same(t, &inner[tt.word][0], &got[0])
			}
			assert.True(t, slices.IsSorted(got))
		})
	}
}

func TestBlockedInLayers(t *testing.T) {
	user := staticSource{"card": {"poster"}}
	wordnet := staticSource{"card": {"bank card", "poster"}}
	list := synonyms.NewBlocklist([]string{"poster"}, nil)
	t.Run("wrapping the stack removes from the final answer", func(t *testing.T) {
		src := synonyms.Blocked{Source: synonyms.Layered{user, wordnet}, List: list}
		assert.Empty(t, src.Synonyms("card", "NN"))
	})
	t.Run("wrapping a layer falls through to the next", func(t *testing.T) {
		src := synonyms.Layered{synonyms.Blocked{Source: user, List: list}, synonyms.Blocked{Source: wordnet, List: list}}
		assert.Equal(t, []string{"bank card"}, src.Synonyms("card", "NN"))
	})
}

func FuzzReadBlocklist(f *testing.F) {
	for _, s := range []string{
		"batting order\n# c\n\ncard\tposter\n", "a\tb\tc\n", "\tb\n", "a\t\n", "\xff\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		b, err := synonyms.ReadBlocklist(strings.NewReader(in), "fuzz")
		if err != nil {
			checkFuzzError(t, in, err)
			var pe *synonyms.ParseError
			require.True(t, errors.As(err, &pe))
			return
		}
		require.NotNil(t, b)
		// Every single-field line blocks its candidate for any word.
		for i, line := range strings.Split(in, "\n") {
			line = strings.TrimSuffix(line, "\r")
			if i == 0 {
				line = strings.TrimPrefix(line, "\uFEFF")
			}
			if c := synonyms.Normalize(line); c != "" && !strings.Contains(line, "\t") && !strings.HasPrefix(strings.TrimSpace(line), "#") {
				assert.True(t, b.Blocks("some word", c), "line %q", line)
			}
		}
	})
}
