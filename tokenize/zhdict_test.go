package tokenize

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-ego/gse"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/shareddata"
)

// gseLexicon is gse itself behind zhLexicon: the reference the compiled
// dictionary is compared against. gse is imported by tests only, so it is
// never linked into a program.
type gseLexicon struct{ seg *gse.Segmenter }

func (g gseLexicon) cut(s string, _ *zhScratch) []string { return g.seg.Cut(s, false) }

func (g gseLexicon) find(w string) (float64, string, bool) { return g.seg.Find(w) }

// loadGse loads gse's simplified-Chinese dictionary from the gse module, as
// textaug did before the dictionary was compiled, or skips t.
func loadGse(t *testing.T) *gse.Segmenter {
	t.Helper()
	if testing.Short() {
		t.Skip("skipped in -short mode: loads gse's dictionary (about a second and 250 MB)")
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Skipf("gse module source not available (go list: %v)", err)
	}
	data, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "data", "dict", "zh", "s_1.txt"))
	if err != nil {
		t.Skipf("gse module source not available: %v", err)
	}
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	require.NoError(t, seg.LoadDictStr(string(data)))
	return seg
}

// TestZhDictRegenerates runs the generator, as go generate does, and
// requires the embedded file byte for byte.
func TestZhDictRegenerates(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the generator")
	}
	out := filepath.Join(t.TempDir(), "zhdict.bin")
	msg, err := exec.Command("go", "run", "zhdict_gen.go", "-o", out).CombinedOutput()
	require.NoError(t, err, "%s", msg)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, string(b) == zhDictData, "zhdict.bin is not what go generate writes (%d bytes, generated %d): run go generate", len(zhDictData), len(b))
}

// TestZhDictMatchesGse finds every word of gse's dictionary in the compiled
// one with gse's frequency and part of speech, and every proper prefix of
// a word as a prefix; the word counts and total frequencies agree.
func TestZhDictMatchesGse(t *testing.T) {
	seg := loadGse(t)
	d, err := loadZhDict()
	require.NoError(t, err)
	require.Equal(t, seg.Dict.NumTokens(), d.n)
	assert.Equal(t, seg.Dict.TotalFreq(), d.total, "total frequency")
	bad := 0
	for i := range seg.Dict.Tokens {
		tok := &seg.Dict.Tokens[i]
		w := tok.Text()
		f, p, ok := d.find(w)
		if !ok || f != tok.Freq() || p != tok.Pos() {
			bad++
			assert.Less(t, bad, 10, "%q: got %v %q %v, gse has %v %q", w, f, p, ok, tok.Freq(), tok.Pos())
		}
		for j := range w {
			if j == 0 {
				continue
			}
			f, p, ok := d.find(w[:j])
			gf, gp, gok := seg.Find(w[:j])
			if f != gf || p != gp || ok != gok {
				bad++
				assert.Less(t, bad, 10, "prefix %q of %q: got %v %q %v, gse %v %q %v", w[:j], w, f, p, ok, gf, gp, gok)
			}
		}
	}
	assert.Zero(t, bad)
	for _, w := range []string{"", "卡拉OK", "不存在的词语组合", "\xff"} {
		f, p, ok := d.find(w)
		gf, gp, gok := seg.Find(w)
		assert.Equal(t, []any{gf, gp, gok}, []any{f, p, ok}, "%q", w)
	}
}

// TestChineseCutsMatchGse tokenizes every text of the shared Chinese sets
// (crosswoz_intent_zh and cped_sentiment_zh, train and test) twice, with
// the compiled dictionary and with gse, and requires the same tokens,
// kinds and tags; it also cuts every maximal run of Han characters both
// ways.
func TestChineseCutsMatchGse(t *testing.T) {
	var texts []string
	for _, set := range []string{"crosswoz_intent_zh", "cped_sentiment_zh"} {
		for _, split := range []string{"train", "test"} {
			texts = append(texts, shareddata.Read(t, set, split, 0).Texts...)
		}
	}
	ref := gseLexicon{loadGse(t)}
	d, err := loadZhDict()
	require.NoError(t, err)
	var sc zhScratch
	runs, diff := 0, 0
	for _, text := range texts {
		for _, run := range hanRuns(text) {
			runs++
			want := ref.seg.Cut(run, false)
			if got := d.cut(run, &sc); !assert.Equal(t, want, got, "%q", run) {
				diff++
			}
		}
		want, err := tokenizeChinese(text, ref)
		require.NoError(t, err)
		got, err := Chinese{}.Tokenize(text)
		require.NoError(t, err)
		if !assert.Equal(t, want, got, "%q", text) {
			diff++
		}
		if diff > 10 {
			t.FailNow()
		}
	}
	t.Logf("%d texts, %d runs of Han characters: same tokens and cuts as gse", len(texts), runs)
	assert.Greater(t, len(texts), 10_000)
}

func hanRuns(s string) []string {
	var runs []string
	start := -1
	for i, r := range s + "." {
		switch {
		case isHan(r) && start < 0:
			start = i
		case !isHan(r) && start >= 0:
			runs = append(runs, s[start:i])
			start = -1
		}
	}
	return runs
}

// TestZhDictCorrupt checks that damaged data is an error, not a panic.
func TestZhDictCorrupt(t *testing.T) {
	good := zhDictData
	tests := map[string]string{
		"empty":     "",
		"magic":     "XXXX" + good[4:],
		"version":   good[:4] + "\x02\x00\x00\x00" + good[8:],
		"truncated": good[:len(good)/2],
		"trailing":  good + "x",
		"no words":  good[:100],
		"offsets":   corruptAt(good, zhDictOffsetsAt(t)+4*7, "\xff\xff\xff\x7f"),
		"pos":       corruptAt(good, zhDictOffsetsAt(t)+4*(2*zhDictWords(t)+1)+3, "\xfe"),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			d, err := parseZhDict(data)
			assert.True(t, d == nil, "a dictionary from damaged data")
			require.Error(t, err)
			assert.Contains(t, err.Error(), "tokenize: Chinese dictionary: ")
		})
	}
}

func corruptAt(s string, i int, with string) string { return s[:i] + with + s[i+len(with):] }

// zhDictOffsetsAt returns where the key offsets of the embedded data start.
func zhDictOffsetsAt(t *testing.T) int {
	d, err := loadZhDict()
	require.NoError(t, err)
	return len(zhDictData) - len(d.keys) - d.n - 4*d.n - 4*(d.n+1)
}

func zhDictWords(t *testing.T) int {
	d, err := loadZhDict()
	require.NoError(t, err)
	return d.n
}
