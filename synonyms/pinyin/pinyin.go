// Package pinyin tells which Chinese characters a pinyin input method
// offers in place of a given one: the candidates of the typing noise of
// textaug.PinyinNoise.
//
// Someone typing Chinese with a pinyin input method types the syllable and
// picks a character from a list; picking the wrong one gives the typos of
// real Chinese text: 在/再, 的/得, 做/作, 已/以, 象/像, 帐/账, 那/哪, 他/她/它,
// 候/后. [Confusions] lists, for a character, the characters with the same
// pinyin, tone ignored (homophones), and optionally those with a near pinyin
// (the fuzzy-pinyin settings of input methods: z/zh, c/ch, s/sh, n/l, f/h,
// an/ang, en/eng, in/ing; see [Fuzzy]).
//
//   - Only common characters count, so that the noise looks like real
//     typos: the 3,755 characters of level 1 of GB 2312 (first byte
//     0xB0–0xD7), the standard's "frequently used" set. They are both the
//     characters that get candidates and the candidates.
//   - The package is for simplified Chinese. A traditional character (說,
//     賬, 這, and 後, which GB 2312 has among its rarer level-2 characters)
//     gets no candidates, nor does any other character outside level 1.
//     Characters that simplified and traditional text share (在, 他) get
//     simplified candidates, so do not use the package on traditional text.
//   - Polyphonic characters: by default only the first reading of
//     go-pinyin's dictionary counts, on both sides: 长 (zhǎng, cháng) is
//     confused with 张 and 章, not with 常. go-pinyin lists rare and
//     classical readings after the first (她 jiě, 以 sì, 是 tí), and an
//     input method puts a character under such a reading far down its list,
//     if at all. Set Confusions.AllReadings to use every reading on both
//     sides: that adds the particle readings (地 and 得 read de, so
//     的/地/得 are all confused) together with the rare ones.
//   - Tones are ignored: input methods are typed without them.
//   - Output is sorted by code point and de-duplicated, and never holds
//     the character asked about, so that a seeded random draw over it is
//     reproducible.
//
// # Data and cost
//
// The readings come from github.com/mozillazg/go-pinyin (v0.21.0, MIT,
// data from the pinyin-data project), the GB 2312 character set from
// golang.org/x/text/encoding/simplifiedchinese: go generate extracts the
// readings of the 3,755 level-1 characters into readings.txt (45 KB,
// embedded; see gen.go; go-pinyin's licence is LICENSE.go-pinyin), so go-pinyin is not linked and its package
// initialisation (a 41,000-entry map filled at program start, about 2-10
// ms and 1.8 MB) never runs. The table is built once, on first use
// (sync.OnceValues), from that extract: about 2 ms and 1.0 MB allocated,
// of which about 165 KB stay live (405 syllables; go test -bench Build
// -benchmem, and the live heap measured around a build; medians of three
// to five runs on a shared two-core server). A homophone lookup then costs
// about 100 ns and one small allocation. Importing the package costs
// nothing at start-up.
package pinyin

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Fuzzy is a set of fuzzy-pinyin pairs: syllables that differ by one of
// these are confused as if they were the same. Input methods offer the
// same switches for speakers who do not distinguish the pairs. The zero
// Fuzzy confuses homophones only.
type Fuzzy uint16

// Fuzzy pairs. Each one works both ways (zhang is confused with zang, and
// zang with zhang).
const (
	FuzzyZZh   Fuzzy = 1 << iota // initials z and zh (zang/zhang)
	FuzzyCCh                     // initials c and ch (cang/chang)
	FuzzySSh                     // initials s and sh (san/shan)
	FuzzyNL                      // initials n and l (nan/lan, nv/lv)
	FuzzyFH                      // initials f and h (fu/hu, fang/hang)
	FuzzyAnAng                   // finals an and ang, with ian/iang and uan/uang (fan/fang)
	FuzzyEnEng                   // finals en and eng (chen/cheng)
	FuzzyInIng                   // finals in and ing (xin/xing)

	// FuzzyAll is every pair above.
	FuzzyAll = FuzzyZZh | FuzzyCCh | FuzzySSh | FuzzyNL | FuzzyFH | FuzzyAnAng | FuzzyEnEng | FuzzyInIng
)

// Confusions gives, for a simplified Chinese character, the common
// characters a pinyin input method offers for the same syllable: the
// typist's likely wrong picks. See the package documentation for which
// characters count and how polyphonic characters are read.
//
// The zero Confusions gives the homophones (tone ignored) of the first
// reading. Confusions is a plain value, safe for concurrent use; the table
// behind it is shared and built once.
type Confusions struct {
	// Fuzzy adds the characters whose syllable differs by one of these
	// pairs; zero adds none.
	Fuzzy Fuzzy
	// AllReadings uses every reading of a polyphonic character, of the
	// character asked about and of the candidates; otherwise only the
	// first reading counts.
	AllReadings bool
}

// Confusable returns the level-1 GB 2312 characters that a pinyin input
// method offers for the syllable of r (tone ignored), with those of the
// near syllables that c.Fuzzy names, sorted by code point, de-duplicated
// and without r. It returns nil for a character outside level 1 of GB 2312
// (a traditional character, a rare one, anything that is not Han) and for
// one whose syllables no other common character has. The slice is new at
// each call and belongs to the caller.
//
// Confusable returns nil as well if the table could not be built; Load
// reports why.
func (c Confusions) Confusable(r rune) []rune {
	t, err := table()
	if err != nil {
		return nil
	}
	syls := t.readings(r)
	if len(syls) == 0 {
		return nil
	}
	syls = syls[:1]
	by := t.byFirst
	if c.AllReadings {
		syls, by = t.readings(r), t.byAny
	}
	var out []rune
	for _, s := range syls {
		if c.Fuzzy == 0 {
			out = append(out, by[s]...)
			continue
		}
		for _, v := range variants(t.syllables[s], c.Fuzzy) {
			if id, ok := t.ids[v]; ok {
				out = append(out, by[id]...)
			}
		}
	}
	slices.Sort(out)
	out = slices.Compact(out)
	if i, found := slices.BinarySearch(out, r); found {
		out = slices.Delete(out, i, i+1)
	}
	if len(out) == 0 {
		return nil
	}
	return slices.Clip(out)
}

// Readings returns the readings of r without tone marks ("zhang", "chang"
// for 长), first reading first, as Confusions reads them: ü is written v
// ("lv" for 绿). It returns nil for a character outside level 1 of GB 2312.
func Readings(r rune) []string {
	t, err := table()
	if err != nil {
		return nil
	}
	ids := t.readings(r)
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, len(ids))
	for i, s := range ids {
		out[i] = t.syllables[s]
	}
	return out
}

// Common reports whether r is one of the 3,755 level-1 GB 2312 characters,
// the only characters Confusions knows.
func Common(r rune) bool {
	t, err := table()
	if err != nil {
		return false
	}
	return len(t.readings(r)) > 0
}

// Load builds the table now rather than on first use and reports whether
// that worked. Programs call it at start-up to keep the build out of the
// first text they process; calling it is never required.
func Load() error {
	_, err := table()
	return err
}

// tab is the built table. Characters are indexed densely from first: every
// level-1 GB 2312 character lies in U+4E00..U+9FA5.
type tab struct {
	syllables []string          // sorted toneless syllables
	ids       map[string]uint16 // syllable -> index in syllables
	chars     []charInfo        // indexed by r - first
	pool      []uint16          // the syllable ids of every character's readings
	byFirst   [][]rune          // syllable -> characters whose first reading it is, sorted
	byAny     [][]rune          // syllable -> characters with any reading it is, sorted
	count     int               // number of characters
}

// charInfo locates a character's readings in tab.pool: 4 bytes for each of
// the 20,902 code points of the range.
type charInfo struct {
	start uint16 // pool[start : start+n] are the readings, first reading first
	n     uint8  // 0: not a level-1 character
}

const (
	first = 0x4E00
	last  = 0x9FA5
)

// readings returns the syllable ids of r's readings, first reading first;
// empty when r is not a level-1 character.
func (t *tab) readings(r rune) []uint16 {
	if r < first || r > last {
		return nil
	}
	c := t.chars[r-first]
	return t.pool[c.start : int(c.start)+int(c.n) : int(c.start)+int(c.n)]
}

var table = sync.OnceValues(build)

//go:generate go run gen.go

// readingsData is go-pinyin's readings of the level-1 GB 2312 characters,
// in GB 2312 order, one "character TAB readings" line each (45 KB; see
// gen.go, which extracts it).
//
//go:embed readings.txt
var readingsData string

// build reads the readings of every level-1 GB 2312 character.
func build() (*tab, error) {
	type gbChar struct {
		r        rune
		readings []string
	}
	var chars []gbChar
	sylSet := make(map[string]struct{}, 512)
	for n, line := range strings.Split(strings.TrimSuffix(readingsData, "\n"), "\n") {
		ch, raw, ok := strings.Cut(line, "\t")
		r, size := utf8.DecodeRuneInString(ch)
		if !ok || size != len(ch) || r < first || r > last {
			return nil, fmt.Errorf("pinyin: readings.txt:%d: not a level-1 character and its readings (run go generate)", n+1)
		}
		var readings []string
		for _, p := range strings.Split(raw, ",") {
			if s, ok := toneless(p); ok && !slices.Contains(readings, s) {
				readings = append(readings, s)
				sylSet[s] = struct{}{}
			}
		}
		if len(readings) == 0 {
			continue
		}
		chars = append(chars, gbChar{r: r, readings: readings})
	}
	t := &tab{ids: make(map[string]uint16, len(sylSet)), chars: make([]charInfo, last-first+1)}
	for s := range sylSet {
		t.syllables = append(t.syllables, s)
	}
	slices.Sort(t.syllables)
	for i, s := range t.syllables {
		t.ids[s] = uint16(i)
	}
	t.byFirst = make([][]rune, len(t.syllables))
	t.byAny = make([][]rune, len(t.syllables))
	for _, c := range chars {
		start := len(t.pool)
		if start+len(c.readings) > 1<<16 || len(c.readings) > 255 {
			return nil, fmt.Errorf("pinyin: too many readings for the table")
		}
		for _, s := range c.readings {
			t.pool = append(t.pool, t.ids[s])
		}
		ids := t.pool[start:]
		t.chars[c.r-first] = charInfo{start: uint16(start), n: uint8(len(ids))}
		t.count++
		t.byFirst[ids[0]] = append(t.byFirst[ids[0]], c.r)
		for _, id := range ids {
			t.byAny[id] = append(t.byAny[id], c.r)
		}
	}
	t.pool = slices.Clip(t.pool)
	for i := range t.syllables {
		slices.Sort(t.byFirst[i])
		slices.Sort(t.byAny[i])
		t.byFirst[i] = slices.Clip(t.byFirst[i])
		t.byAny[i] = slices.Clip(t.byAny[i])
	}
	return t, nil
}

// toneless strips the tone marks of one pinyin reading ("zhǎng" ->
// "zhang", "lǜ" -> "lv", "ê̄" -> "e") and reports whether what is left is a
// plain syllable of lower-case letters.
func toneless(p string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(p) {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case unicode.Is(unicode.Mn, r):
			// a combining tone mark (ê̄ is ê and U+0304)
		default:
			base, ok := plain(r)
			if !ok {
				return "", false
			}
			b.WriteByte(base)
		}
	}
	return b.String(), b.Len() > 0
}

// plain maps an accented letter of pinyin to the letter typed for it.
func plain(r rune) (byte, bool) {
	switch r {
	case 'ā', 'á', 'ǎ', 'à':
		return 'a', true
	case 'ē', 'é', 'ě', 'è', 'ê', 'ế', 'ề':
		return 'e', true
	case 'ī', 'í', 'ǐ', 'ì':
		return 'i', true
	case 'ō', 'ó', 'ǒ', 'ò':
		return 'o', true
	case 'ū', 'ú', 'ǔ', 'ù':
		return 'u', true
	case 'ü', 'ǖ', 'ǘ', 'ǚ', 'ǜ':
		return 'v', true
	case 'ḿ':
		return 'm', true
	case 'ń', 'ň', 'ǹ':
		return 'n', true
	}
	return 0, false
}

// variants returns s and the syllables that fuzzy makes it confusable
// with. Some of them may not exist; the caller looks them up.
func variants(s string, fuzzy Fuzzy) []string {
	out := []string{s}
	if fuzzy == 0 {
		return out
	}
	swapInitial := func(f Fuzzy, short, long string) {
		if fuzzy&f == 0 {
			return
		}
		for _, v := range out[:len(out):len(out)] {
			switch {
			case strings.HasPrefix(v, long):
				out = append(out, short+v[len(long):])
			case strings.HasPrefix(v, short) && len(v) > len(short):
				out = append(out, long+v[len(short):])
			}
		}
	}
	swapInitial(FuzzyZZh, "z", "zh")
	swapInitial(FuzzyCCh, "c", "ch")
	swapInitial(FuzzySSh, "s", "sh")
	if fuzzy&FuzzyNL != 0 {
		for _, v := range out[:len(out):len(out)] {
			switch {
			case strings.HasPrefix(v, "n") && len(v) > 1 && v != "ng":
				out = append(out, "l"+v[1:])
			case strings.HasPrefix(v, "l") && len(v) > 1:
				out = append(out, "n"+v[1:])
			}
		}
	}
	if fuzzy&FuzzyFH != 0 {
		for _, v := range out[:len(out):len(out)] {
			switch {
			case strings.HasPrefix(v, "f") && len(v) > 1:
				out = append(out, "h"+v[1:])
			case strings.HasPrefix(v, "h") && len(v) > 1:
				out = append(out, "f"+v[1:])
			}
		}
	}
	swapFinal := func(f Fuzzy, short string) {
		if fuzzy&f == 0 {
			return
		}
		long := short + "g"
		for _, v := range out[:len(out):len(out)] {
			switch {
			case strings.HasSuffix(v, long):
				out = append(out, strings.TrimSuffix(v, "g"))
			case strings.HasSuffix(v, short):
				out = append(out, v+"g")
			}
		}
	}
	swapFinal(FuzzyAnAng, "an")
	swapFinal(FuzzyEnEng, "en")
	swapFinal(FuzzyInIng, "in")
	return out
}
