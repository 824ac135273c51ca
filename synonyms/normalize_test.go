package synonyms

import (
	"strings"
	"testing"
	"unicode"
)

// normalizeSlow is Normalize without its fast path.
func normalizeSlow(s string) string {
	s = strings.ReplaceAll(s, "_", " ")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

var normalizeCases = []string{
	"", " ", "card", "Card", "credit card", "credit  card", " card", "card ", "credit_card",
	"a\tb", "a\nb", "a\vb", "a\fb", "a\rb", "a\u00a0b", "a\u0085b", "café", "CAFÉ", "İstanbul",
	"top-up", "don't", "3d", "x y z", "x_ y", "_", "__a__", "A B", "ß", "\xff",
	"银行卡", "增长 上涨", "增长\u3000上涨", "信用卡 ", " 信用卡", "Ǆ", "ǅ", "ﬀ", "\ufffd", "a\u2028b",
	"Σ", "σ", "ς", "银\xe8", "\xe8\xa1", "a \u00a0b",
}

func TestNormalizeFastPathAgrees(t *testing.T) {
	for _, s := range normalizeCases {
		if got, want := Normalize(s), normalizeSlow(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
		if normalized(s) && normalizeSlow(s) != s {
			t.Errorf("normalized(%q) but Normalize changes it to %q", s, normalizeSlow(s))
		}
	}
}

// normalized skips the case and space look-ups for the CJK range.
func TestNormalizedCJKRangeHasNoCaseOrSpace(t *testing.T) {
	for r := rune(cjkFirst); r <= cjkLast; r++ {
		if unicode.IsSpace(r) || unicode.ToLower(r) != r || unicode.ToUpper(r) != r && unicode.IsUpper(r) {
			t.Errorf("%U has case or is white space", r)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range normalizeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Normalize(s), normalizeSlow(s); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestNormalizePlainWordAllocatesNothing(t *testing.T) {
	for _, s := range []string{"card", "credit card", "top-up", "银行卡", "café"} {
		if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
			t.Errorf("Normalize(%q): %v allocations, want 0", s, n)
		}
	}
}
