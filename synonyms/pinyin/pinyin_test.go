package pinyin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	gopinyin "github.com/mozillazg/go-pinyin"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTable checks the character set against the GB 2312 standard: 3,755
// level-1 characters, every one with a reading.
func TestTable(t *testing.T) {
	tb, err := table()
	require.NoError(t, err)
	require.NoError(t, Load())
	assert.Equal(t, 3755, tb.count)
	assert.True(t, slices.IsSorted(tb.syllables))
	t.Logf("%d syllables, %d readings, %d bytes live", len(tb.syllables), len(tb.pool), tb.size())
	assert.Less(t, tb.size(), 256<<10, "the package doc states the table's size")
}

// size estimates the bytes the table keeps live (slice and string
// headers, backing arrays, map entries at 2x their payload).
func (t *tab) size() int {
	n := int(unsafe.Sizeof(*t))
	for _, s := range t.syllables {
		n += 16 + len(s)
	}
	n += 2 * len(t.ids) * (16 + 2) // keys are shared with syllables
	n += len(t.chars) * int(unsafe.Sizeof(charInfo{}))
	n += 2 * len(t.pool)
	for i := range t.byFirst {
		n += 24 + 4*len(t.byFirst[i]) + 24 + 4*len(t.byAny[i])
	}
	return n
}

func TestConfusable(t *testing.T) {
	homophones := Confusions{}
	all := Confusions{AllReadings: true}
	tests := []struct {
		name     string
		c        Confusions
		r        rune
		want     []rune // must be among the candidates
		wantNot  []rune // must not be
		wantNone bool   // no candidates at all
	}{
		{"在/再", homophones, '在', []rune("再载"), []rune("才"), false},
		{"再/在", homophones, '再', []rune("在"), nil, false},
		{"的/得", homophones, '的', []rune("得德"), []rune("地"), false},
		{"得/的", homophones, '得', []rune("的"), nil, false},
		{"地/的 needs AllReadings", homophones, '地', []rune("第弟"), []rune("的得"), false},
		{"地/的/得 with AllReadings", all, '地', []rune("的得"), nil, false},
		{"做/作", homophones, '做', []rune("作坐座"), nil, false},
		{"已/以", homophones, '已', []rune("以一"), []rune("四"), false},
		{"象/像", homophones, '象', []rune("像向"), nil, false},
		{"帐/账", homophones, '帐', []rune("账张"), nil, false},
		{"那/哪", homophones, '那', []rune("哪拿"), nil, false},
		{"他/她/它", homophones, '他', []rune("她它"), nil, false},
		{"候/后", homophones, '候', []rune("后"), nil, false},
		{"长: first reading zhang only", homophones, '长', []rune("张章"), []rune("常场"), false},
		{"长: every reading", all, '长', []rune("张常场"), nil, false},
		{"她: rare readings ignored", homophones, '她', []rune("他它"), []rune("姐池"), false},
		{"traditional 後 (a level-2 character)", homophones, '後', nil, nil, true},
		{"traditional 說", all, '說', nil, nil, true},
		{"traditional 賬", homophones, '賬', nil, nil, true},
		{"traditional 這", Confusions{Fuzzy: FuzzyAll}, '這', nil, nil, true},
		{"Latin letter", homophones, 'a', nil, nil, true},
		{"digit", homophones, '1', nil, nil, true},
		{"full-width comma", homophones, '，', nil, nil, true},
		{"no level-1 homophone", homophones, '女', nil, nil, true},
		{"level-2 character", homophones, '钿', nil, nil, true},
		{"z/zh", Confusions{Fuzzy: FuzzyZZh}, '在', []rune("再债寨"), nil, false},
		{"zh/z", Confusions{Fuzzy: FuzzyZZh}, '账', []rune("脏葬"), nil, false},
		{"c/ch", Confusions{Fuzzy: FuzzyCCh}, '从', []rune("虫冲"), nil, false},
		{"s/sh", Confusions{Fuzzy: FuzzySSh}, '山', []rune("三散"), nil, false},
		{"n/l", Confusions{Fuzzy: FuzzyNL}, '南', []rune("蓝兰"), nil, false},
		{"l/n (lv/nv)", Confusions{Fuzzy: FuzzyNL}, '绿', []rune("女律"), nil, false},
		{"f/h", Confusions{Fuzzy: FuzzyFH}, '福', []rune("户湖"), nil, false},
		{"an/ang", Confusions{Fuzzy: FuzzyAnAng}, '帮', []rune("班搬"), nil, false},
		{"ian/iang", Confusions{Fuzzy: FuzzyAnAng}, '先', []rune("香相"), nil, false},
		{"en/eng", Confusions{Fuzzy: FuzzyEnEng}, '陈', []rune("程成"), nil, false},
		{"in/ing", Confusions{Fuzzy: FuzzyInIng}, '心', []rune("星新"), nil, false},
		{"pairs not asked for stay out", Confusions{Fuzzy: FuzzyInIng}, '山', []rune("删"), []rune("三"), false},
		{"two pairs at once: shang/san", Confusions{Fuzzy: FuzzySSh | FuzzyAnAng}, '上', []rune("伤三山桑"), nil, false},
		{"one pair at a time: shang/sang only with both", Confusions{Fuzzy: FuzzyAnAng}, '上', []rune("山"), []rune("桑三"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.c.Confusable(tt.r)
			if tt.wantNone {
				assert.Nil(t, got)
				return
			}
			require.NotEmpty(t, got)
			for _, w := range tt.want {
				assert.Contains(t, got, w, "%c in %s", w, string(got))
			}
			for _, w := range tt.wantNot {
				assert.NotContains(t, got, w, "%c in %s", w, string(got))
			}
		})
	}
}

// TestInvariants checks every character of the range with every option:
// candidates are sorted, unique, common, never the character itself, new
// at each call, and the homophone relation is symmetric.
func TestInvariants(t *testing.T) {
	options := []Confusions{{}, {AllReadings: true}, {Fuzzy: FuzzyAll}, {Fuzzy: FuzzyNL | FuzzyInIng, AllReadings: true}}
	for _, c := range options {
		t.Run(fmt.Sprintf("fuzzy=%b/all=%v", c.Fuzzy, c.AllReadings), func(t *testing.T) {
			sources := 0
			for r := rune(first - 1); r <= last+1; r++ {
				got := c.Confusable(r)
				if got == nil {
					continue
				}
				sources++
				if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
					t.Fatalf("%c: not sorted and unique: %s", r, string(got))
				}
				if slices.Contains(got, r) {
					t.Fatalf("%c: holds itself", r)
				}
				for _, x := range got {
					if !Common(x) {
						t.Fatalf("%c: %c is not a level-1 character", r, x)
					}
				}
				if c.Fuzzy == 0 {
					for _, x := range got {
						if !slices.Contains(c.Confusable(x), r) {
							t.Fatalf("%c -> %c but not back", r, x)
						}
					}
				}
				got[0] = 'X' // the caller owns the slice
				if c.Confusable(r)[0] == 'X' {
					t.Fatalf("%c: returned slice is shared", r)
				}
			}
			t.Logf("%d characters with candidates", sources)
			assert.Greater(t, sources, 3600)
		})
	}
}

func TestReadings(t *testing.T) {
	assert.Equal(t, []string{"zhang", "chang"}, Readings('长'))
	assert.Equal(t, []string{"lv", "lu"}, Readings('绿'))
	assert.Equal(t, []string{"de", "di"}, Readings('的'))
	assert.Equal(t, []string{"lve"}, Readings('略'))
	assert.Nil(t, Readings('後'))
	assert.Nil(t, Readings('a'))
	assert.True(t, Common('的'))
	assert.False(t, Common('钿'), "level 2")
	assert.Nil(t, Readings('钿'))
	assert.False(t, Common('後'))
}

func TestToneless(t *testing.T) {
	for in, want := range map[string]string{
		"zhǎng": "zhang", "lǜ": "lv", "lüè": "lve", "de": "de", "ê̄": "e", "ế": "e",
		"ńg": "ng", "ḿ": "m", "nǚ": "nv", " ài ": "ai",
	} {
		got, ok := toneless(in)
		assert.True(t, ok, in)
		assert.Equal(t, want, got, in)
	}
	for _, bad := range []string{"", "ZH", "ā1", "a-b"} {
		_, ok := toneless(bad)
		assert.False(t, ok, bad)
	}
}

func TestVariants(t *testing.T) {
	tests := []struct {
		s     string
		fuzzy Fuzzy
		want  []string
	}{
		{"zhang", 0, []string{"zhang"}},
		{"zhang", FuzzyZZh, []string{"zhang", "zang"}},
		{"zang", FuzzyZZh, []string{"zang", "zhang"}},
		{"zhang", FuzzyZZh | FuzzyAnAng, []string{"zhang", "zang", "zhan", "zan"}},
		{"ci", FuzzyCCh, []string{"ci", "chi"}},
		{"shi", FuzzySSh, []string{"shi", "si"}},
		{"nv", FuzzyNL, []string{"nv", "lv"}},
		{"ng", FuzzyNL, []string{"ng"}},
		{"hu", FuzzyFH, []string{"hu", "fu"}},
		{"an", FuzzyAnAng, []string{"an", "ang"}},
		{"jiang", FuzzyAnAng, []string{"jiang", "jian"}},
		{"cheng", FuzzyEnEng | FuzzyCCh, []string{"cheng", "ceng", "chen", "cen"}},
		{"ling", FuzzyAll, []string{"ling", "ning", "lin", "nin"}},
		{"ong", FuzzyAll, []string{"ong"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%b", tt.s, tt.fuzzy), func(t *testing.T) {
			assert.Equal(t, tt.want, variants(tt.s, tt.fuzzy))
		})
	}
}

func TestDeterministic(t *testing.T) {
	a := Confusions{Fuzzy: FuzzyAll, AllReadings: true}.Confusable('是')
	for range 5 {
		assert.Equal(t, a, Confusions{Fuzzy: FuzzyAll, AllReadings: true}.Confusable('是'))
	}
}

// BenchmarkBuild measures the one-off cost of the table: run with
// -benchmem for the bytes allocated.
func BenchmarkBuild(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkConfusable(b *testing.B) {
	for _, c := range []Confusions{{}, {Fuzzy: FuzzyAll, AllReadings: true}} {
		b.Run(fmt.Sprintf("fuzzy=%b/all=%v", c.Fuzzy, c.AllReadings), func(b *testing.B) {
			require.NoError(b, Load())
			b.ReportAllocs()
			for b.Loop() {
				for _, r := range "公司今年的营业收入同比增长了" {
					c.Confusable(r)
				}
			}
		})
	}
}

// readings.txt is what gen.go extracts from the go-pinyin that go.mod pins
// (go-pinyin is imported by the generator only, so its package
// initialisation never runs in a program).
func TestReadingsRegenerate(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the generator")
	}
	out := filepath.Join(t.TempDir(), "readings.txt")
	msg, err := exec.Command("go", "run", "gen.go", out).CombinedOutput()
	require.NoError(t, err, "%s", msg)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, string(b) == readingsData, "readings.txt is not what go generate writes: run go generate")
}

// Every line of readings.txt is go-pinyin's entry for its character. The
// test imports go-pinyin, which keeps it in go.mod for the generator.
func TestReadingsAreGoPinyins(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(readingsData, "\n"), "\n")
	require.Len(t, lines, 3755)
	for _, line := range lines {
		ch, raw, ok := strings.Cut(line, "\t")
		require.True(t, ok, "%q", line)
		r, _ := utf8.DecodeRuneInString(ch)
		assert.Equal(t, gopinyin.PinyinDict[int(r)], raw, "%q", ch)
	}
}
