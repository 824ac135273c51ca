package tokenize

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every character of U+4E00 to U+9FFF is Han, which wide and isHan take
// for granted before asking unicode.Is.
func TestCJKBlockIsHan(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		require.True(t, unicode.Is(unicode.Han, r), "%U", r)
	}
}

// prefix gives the words narrow gives for the whole dictionary, for every
// character of the cached block and for the first two characters of every
// word, and an empty range where narrow does; asked twice, from the cache.
func TestZhDictPrefixMatchesNarrow(t *testing.T) {
	d, err := loadZhDict()
	require.NoError(t, err)
	probes := []string{"", "a", "\xff", "中\xff", "〇", "𠀀", "餐馆", "餐馆的"}
	for r := rune(zhFirstStart - 2); r < zhFirstEnd+2; r++ {
		probes = append(probes, string(r))
	}
	for i := 0; i < d.n; i += 7 {
		k := d.key(i)
		_, a := utf8.DecodeRuneInString(k)
		_, b := utf8.DecodeRuneInString(k[a:])
		probes = append(probes, k, k[:a+b], k[:a+b]+"的")
	}
	for round := range 2 {
		for _, p := range probes {
			lo, hi := d.narrow(0, d.n, p)
			glo, ghi := d.prefix(p)
			if lo == hi {
				assert.Equal(t, glo, ghi, "round %d: %q", round, p)
			} else {
				assert.Equal(t, [2]int{lo, hi}, [2]int{glo, ghi}, "round %d: %q", round, p)
			}
		}
	}
}

// commonHan's short cut gives NeedSpace's answer for every character of
// U+4E00 to U+9FFF and its neighbours next to a Latin letter.
func TestNeedSpaceCommonHan(t *testing.T) {
	for r := rune(0x4D00); r <= 0xA0FF; r++ {
		c := string(r)
		assert.Equal(t, commonHan(c), r >= 0x5000 && r <= 0x9FFF, "%U", r)
		w := wide(r)
		assert.Equal(t, !w, NeedSpace("a"+c, "b"), "%U", r)
		assert.Equal(t, !w, NeedSpace("a", c+"b"), "%U", r)
	}
	assert.True(t, NeedSpace("a\xe5\x80", "b"))
	assert.True(t, NeedSpace("a", "\xe5\x80b"))
}
