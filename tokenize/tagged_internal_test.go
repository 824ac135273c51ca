package tokenize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// isUpper is strings.ToUpper(w) == w without the copy.
func TestIsUpper(t *testing.T) {
	for _, w := range []string{"", "A", "ATM", "Atm", "atm", "PIN2", "ÉTÉ", "été", "ǅ", "Ǆ", "ß", "ΣΑΣ", "Σας", "卡", "\xff", "İ", "ﬀ"} {
		assert.Equal(t, strings.ToUpper(w) == w, isUpper(w), "%q", w)
	}
}

// cliticLen's fast path (no apostrophe near the end: no clitic) gives what
// comparing every clitic gives, on words with and without clitics, in
// either apostrophe and in any case.
func TestCliticLenFastPath(t *testing.T) {
	slow := func(w string) int {
		for _, c := range clitics {
			if len(w) > len(c) && strings.EqualFold(w[len(w)-len(c):], c) {
				return len(c)
			}
		}
		return 0
	}
	stems := []string{"", "a", "don", "DON", "it", "we", "I", "é", "’", "'", "rock'n"}
	ends := append([]string{"", "t", "s", "N'T", "n’T", "’S", "x'", "’x", "'sx", "n'", "é’s"}, clitics...)
	for _, s := range stems {
		for _, e := range ends {
			w := s + e
			if got, want := cliticLen(w), slow(w); got != want {
				t.Errorf("cliticLen(%q) = %d, want %d", w, got, want)
			}
		}
	}
}
