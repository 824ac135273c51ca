package synonyms_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
)

// lexFixtures is the project's directory of small hand-written lexicons.
const lexFixtures = "../testdata/lexicons"

// requireParseError checks that err is a *ParseError for file at line and
// that its message is exactly "synonyms: file:line: msg".
func requireParseError(t *testing.T, err error, file string, line int, msg string) {
	t.Helper()
	require.Error(t, err)
	var pe *synonyms.ParseError
	require.True(t, errors.As(err, &pe), "want a *synonyms.ParseError, got %T: %v", err, err)
	assert.Equal(t, file, pe.File)
	assert.Equal(t, line, pe.Line, "line of %q", err)
	if msg != "" {
		assert.Equal(t, fmt.Sprintf("synonyms: %s:%d: %s", file, line, msg), err.Error())
	}
}

func TestReadTSV(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []synonyms.Entry
	}{
		{
			name: "two columns, POS Any",
			in:   "fast\tquick|rapid\n",
			want: []synonyms.Entry{{Word: "fast", Synonyms: []string{"quick", "rapid"}}},
		},
		{
			name: "POS column in every spelling",
			in:   "a\tn\tb\nc\tverb\td\ne\tadj\tf\ng\ts\th\ni\tr\tj\nk\t*\tl\nm\t\tn\n",
			want: []synonyms.Entry{
				{Word: "a", POS: synonyms.Noun, Synonyms: []string{"b"}},
				{Word: "c", POS: synonyms.Verb, Synonyms: []string{"d"}},
				{Word: "e", POS: synonyms.Adj, Synonyms: []string{"f"}},
				{Word: "g", POS: synonyms.Adj, Synonyms: []string{"h"}},
				{Word: "i", POS: synonyms.Adv, Synonyms: []string{"j"}},
				{Word: "k", Synonyms: []string{"l"}},
				{Word: "m", Synonyms: []string{"n"}},
			},
		},
		{
			name: "comments, blank lines, BOM and CRLF",
			in:   "\uFEFF# header\r\n\r\n   \r\n  # indented comment\r\nrefund\tn\treimbursement\r\n",
			want: []synonyms.Entry{{Word: "refund", POS: synonyms.Noun, Synonyms: []string{"reimbursement"}}},
		},
		{
			name: "multi-word words and synonyms are normalised",
			in:   "Top  Up\tv\t Reload | top_up|Add  Money To\n",
			want: []synonyms.Entry{{Word: "top up", POS: synonyms.Verb, Synonyms: []string{"reload", "top up", "add money to"}}},
		},
		{
			name: "dash lists a word with no synonyms",
			in:   "card\tn\t-\nbalance\t -\n",
			want: []synonyms.Entry{{Word: "card", POS: synonyms.Noun}, {Word: "balance"}},
		},
		{
			name: "entries stay one per line, in file order",
			in:   "b\tc\na\tz\nb\td\n",
			want: []synonyms.Entry{
				{Word: "b", Synonyms: []string{"c"}},
				{Word: "a", Synonyms: []string{"z"}},
				{Word: "b", Synonyms: []string{"d"}},
			},
		},
		{
			name: "Chinese",
			in:   "转账\tv\t汇款|转帐\n",
			want: []synonyms.Entry{{Word: "转账", POS: synonyms.Verb, Synonyms: []string{"汇款", "转帐"}}},
		},
		{name: "empty input", in: "", want: nil},
		{name: "only comments", in: "# a\n#b\n", want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := synonyms.ReadTSV(strings.NewReader(tt.in), "lex.tsv")
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadTSVErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"missing tab", "ok\tfine\nfast quick\n", 2, "missing tab: want word<TAB>syn1|syn2 or word<TAB>pos<TAB>syn1|syn2"},
		{"four fields", "# c\na\tn\tb\tc\n", 2, "4 tab-separated fields, want 2 (word, synonyms) or 3 (word, pos, synonyms)"},
		{"unknown POS", "# c\n\na\tb\tc\n", 3, `unknown part of speech "b" (want n, v, a, r, noun, verb, adj or adv)`},
		{"trailing tab after synonyms", "a\tb|c\t\n", 1, `empty synonym column (write "-" for a word with no synonyms)`},
		{"empty synonym column, two fields", "a\tb\nc\t  \n", 2, `empty synonym column (write "-" for a word with no synonyms)`},
		{"empty word", "\tb\n", 1, "empty word"},
		{"blank word", "  _ \tb\n", 1, "empty word"},
		{"empty synonym in list", "a\tb\nc\td||e\n", 2, `empty synonym at position 2 of "d||e"`},
		{"trailing pipe", "a\tb|\n", 1, `empty synonym at position 2 of "b|"`},
		{"dash mixed with synonyms", "a\tb|-\n", 1, `"-" (no synonyms) must stand alone in the synonym column`},
		{"invalid UTF-8", "a\tb\nc\t\xff\n", 2, "invalid UTF-8"},
		{"line too long", "a\tb\n" + strings.Repeat("x", synonyms.MaxLineBytes+1) + "\n", 2,
			fmt.Sprintf("line too long (more than %d bytes)", synonyms.MaxLineBytes)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := synonyms.ReadTSV(strings.NewReader(tt.in), "lex.tsv")
			assert.Nil(t, got)
			requireParseError(t, err, "lex.tsv", tt.line, tt.msg)
		})
	}
	t.Run("too long is ErrLineTooLong", func(t *testing.T) {
		_, err := synonyms.ReadTSV(strings.NewReader(strings.Repeat("x", synonyms.MaxLineBytes+1)), "lex.tsv")
		assert.ErrorIs(t, err, synonyms.ErrLineTooLong)
	})
}

func TestReadOMW(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []synonyms.Entry
	}{
		{
			name: "synonyms are the other lemmas of the same synsets",
			in: "# header\tcmn\turl\twordnet\n" +
				"00000001-n\tcmn:lemma\tb\n00000001-n\tcmn:lemma\ta\n00000001-n\tcmn:lemma\tc\n" +
				"00000002-n\tcmn:lemma\ta\n00000002-n\tcmn:lemma\td\n",
			want: []synonyms.Entry{
				{Word: "a", POS: synonyms.Noun, Synonyms: []string{"b", "c", "d"}},
				{Word: "b", POS: synonyms.Noun, Synonyms: []string{"a", "c"}},
				{Word: "c", POS: synonyms.Noun, Synonyms: []string{"a", "b"}},
				{Word: "d", POS: synonyms.Noun, Synonyms: []string{"a"}},
			},
		},
		{
			name: "POS from the synset suffix, s is a",
			in: "1-v\teng:lemma\tgo\n1-v\teng:lemma\tmove\n2-s\teng:lemma\tfast\n2-s\teng:lemma\tquick\n" +
				"3-a\teng:lemma\tfast\n3-a\teng:lemma\tfirm\n4-r\teng:lemma\tfast\n4-r\teng:lemma\tquickly\n",
			want: []synonyms.Entry{
				{Word: "fast", POS: synonyms.Adj, Synonyms: []string{"firm", "quick"}},
				{Word: "fast", POS: synonyms.Adv, Synonyms: []string{"quickly"}},
				{Word: "firm", POS: synonyms.Adj, Synonyms: []string{"fast"}},
				{Word: "go", POS: synonyms.Verb, Synonyms: []string{"move"}},
				{Word: "move", POS: synonyms.Verb, Synonyms: []string{"go"}},
				{Word: "quick", POS: synonyms.Adj, Synonyms: []string{"fast"}},
				{Word: "quickly", POS: synonyms.Adv, Synonyms: []string{"fast"}},
			},
		},
		{
			name: "other relations and extra columns are ignored",
			in: "1-n\tfin:lemma\tpankki\n1-n\tfin:def\t0\ta bank\n1-n\tfin:exe\t0\tpankissa\n" +
				"1-n\tfin:lemma\tpankkilaitos\textra\n",
			want: []synonyms.Entry{
				{Word: "pankki", POS: synonyms.Noun, Synonyms: []string{"pankkilaitos"}},
				{Word: "pankkilaitos", POS: synonyms.Noun, Synonyms: []string{"pankki"}},
			},
		},
		{
			name: "single-lemma synsets and repeated lemmas give nothing",
			in:   "1-n\tcmn:lemma\t余额\n2-n\tcmn:lemma\t卡\n2-n\tcmn:lemma\t卡\n",
			want: []synonyms.Entry{},
		},
		{
			name: "lemmas are normalised",
			in:   "1-n\teng:lemma\tCash_Machine\n1-n\teng:lemma\tATM\n",
			want: []synonyms.Entry{
				{Word: "atm", POS: synonyms.Noun, Synonyms: []string{"cash machine"}},
				{Word: "cash machine", POS: synonyms.Noun, Synonyms: []string{"atm"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := synonyms.ReadOMW(strings.NewReader(tt.in), "wn.tab")
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadOMWErrors(t *testing.T) {
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"two fields", "# h\n1-n\tcmn:lemma\n", 2, "2 tab-separated field(s), want synset<TAB>lang:lemma<TAB>lemma"},
		{"spaces instead of tabs", "1-n cmn:lemma 卡\n", 1, "1 tab-separated field(s), want synset<TAB>lang:lemma<TAB>lemma"},
		{"no POS suffix", "1-n\tcmn:lemma\ta\n00001\tcmn:lemma\tb\n", 2,
			`malformed synset id "00001" (want digits, '-' and one of n, v, a, s, r, as in 02131777-v)`},
		{"unknown POS", "0001-x\tcmn:lemma\ta\n", 1,
			`malformed synset id "0001-x" (want digits, '-' and one of n, v, a, s, r, as in 02131777-v)`},
		{"long POS", "0001-nn\tcmn:lemma\ta\n", 1,
			`malformed synset id "0001-nn" (want digits, '-' and one of n, v, a, s, r, as in 02131777-v)`},
		{"no offset", "-n\tcmn:lemma\ta\n", 1,
			`malformed synset id "-n" (want digits, '-' and one of n, v, a, s, r, as in 02131777-v)`},
		{"letters in offset", "12a4-n\tcmn:lemma\ta\n", 1,
			`malformed synset id "12a4-n" (want digits, '-' and one of n, v, a, s, r, as in 02131777-v)`},
		{"bad id on an ignored relation", "1-n\tcmn:lemma\ta\n\nx-n\tcmn:def\t0\tdef\n", 3,
			`malformed synset id "x-n" (want digits, '-' and one of n, v, a, s, r, as in 02131777-v)`},
		{"relation without language", "1-n\tlemma\ta\n", 1, `malformed relation "lemma" (want lang:lemma, lang:def, ...)`},
		{"relation without name", "1-n\tcmn:\ta\n", 1, `malformed relation "cmn:" (want lang:lemma, lang:def, ...)`},
		{"relation with empty language", "1-n\t:lemma\ta\n", 1, `malformed relation ":lemma" (want lang:lemma, lang:def, ...)`},
		{"empty lemma", "1-n\tcmn:lemma\ta\n1-n\tcmn:lemma\t \n", 2, "empty lemma"},
		{"invalid UTF-8", "1-n\tcmn:lemma\t\xc3\x28\n", 1, "invalid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := synonyms.ReadOMW(strings.NewReader(tt.in), "wn.tab")
			assert.Nil(t, got)
			requireParseError(t, err, "wn.tab", tt.line, tt.msg)
		})
	}
}

// TestReadOMWFixture reads the hand-written fixture by path, through the
// format detection of LoadFile.
func TestReadOMWFixture(t *testing.T) {
	tab, err := synonyms.LoadFile(filepath.Join(lexFixtures, "tiny.tab"), synonyms.FormatAuto, nil)
	require.NoError(t, err)
	tests := []struct {
		word, tag string
		want      []string
	}{
		{"卡", "NN", []string{"卡片", "银行卡"}}, // two synsets merged
		{"银行卡", "NN", []string{"卡"}},
		{"转账", "VB", []string{"汇款"}},
		{"快", "JJ", []string{"迅速"}}, // satellite adjective
		{"马上", "RB", []string{"立刻"}},
		{"余额", "NN", nil},                // single-lemma synset
		{"卡", "VB", nil},                 // wrong part of speech
		{"卡", "", []string{"卡片", "银行卡"}}, // no tag: every part of speech
		{"转账", "NNP", nil},               // proper nouns are never replaced
	}
	for _, tt := range tests {
		t.Run(tt.word+"/"+tt.tag, func(t *testing.T) {
			assert.Equal(t, tt.want, tab.Synonyms(tt.word, tt.tag))
		})
	}
}

// TestReadOMWCOW reads the real Chinese Open Wordnet (79,797 lemma rows) and
// logs its size and a rough load time (BenchmarkReadOMWCOW measures it).
func TestReadOMWCOW(t *testing.T) {
	cowPath := shareddata.Path(t, "lexicons", "cow", "wn-data-cmn.tab")
	start := time.Now()
	entries, err := synonyms.ReadFile(cowPath, synonyms.FormatAuto)
	read := time.Since(start)
	require.NoError(t, err)
	tab := synonyms.NewTable(entries, nil)
	total := time.Since(start)
	t.Logf("COW: %d entries (word, POS) with synonyms, %d table keys; read %v, read+table %v", len(entries), tab.Len(), read, total)

	assert.Greater(t, len(entries), 20000)
	assert.True(t, slices.IsSortedFunc(entries, func(a, b synonyms.Entry) int {
		if c := strings.Compare(a.Word, b.Word); c != 0 {
			return c
		}
		return int(a.POS) - int(b.POS)
	}), "entries sorted by word, POS")
	for _, e := range entries {
		require.NotEmpty(t, e.Synonyms, e.Word)
		require.True(t, slices.IsSorted(e.Synonyms), e.Word)
		require.NotContains(t, e.Synonyms, e.Word)
	}

	// Known synsets of the file: 13245338-n, 03469832-n, 01967308-n.
	assert.Contains(t, tab.Synonyms("智慧财产", "NN"), "智慧财产权")
	assert.Contains(t, tab.Synonyms("大炮", "NN"), "重炮")
	assert.Contains(t, tab.Synonyms("船蛆", "NNS"), "凿船虫")

	folded := synonyms.NewTable(synonyms.FoldPOS(entries), nil)
	assert.Contains(t, folded.Synonyms("大炮", ""), "重炮", "FoldPOS serves untagged Chinese tokens")
}

func TestReadCilin(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []synonyms.Entry
	}{
		{
			name: "equals groups are synonyms",
			in:   "Aa01A01= 人 士 人物\n",
			want: []synonyms.Entry{
				{Word: "人", Synonyms: []string{"人物", "士"}},
				{Word: "人物", Synonyms: []string{"人", "士"}},
				{Word: "士", Synonyms: []string{"人", "人物"}},
			},
		},
		{
			name: "hash and at lines are skipped",
			in:   "Aa01A02# 信用卡 借记卡\nAa01A03@ 余额\n",
			want: []synonyms.Entry{},
		},
		{
			name: "a word in two groups gets both, duplicates merge",
			in:   "Bb02C01= 转账 汇款 转帐 汇款\nBb02C02=\t汇款   电汇\r\n",
			want: []synonyms.Entry{
				{Word: "汇款", Synonyms: []string{"电汇", "转帐", "转账"}},
				{Word: "电汇", Synonyms: []string{"汇款"}},
				{Word: "转帐", Synonyms: []string{"汇款", "转账"}},
				{Word: "转账", Synonyms: []string{"汇款", "转帐"}},
			},
		},
		{
			name: "comments, blank lines, BOM, no space after the code",
			in:   "\uFEFF# Cilin\n\n  Aa01A01=甲 乙\n",
			want: []synonyms.Entry{{Word: "乙", Synonyms: []string{"甲"}}, {Word: "甲", Synonyms: []string{"乙"}}},
		},
		{
			name: "a one-word equals group gives nothing",
			in:   "Aa01A01= 甲 甲\n",
			want: []synonyms.Entry{},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := synonyms.ReadCilin(strings.NewReader(tt.in), "cilin.txt")
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestReadCilinErrors(t *testing.T) {
	const want = "(want a capital letter, a small letter, two digits, a capital letter, two digits and one of = # @, as in Aa01A01=)"
	tests := []struct {
		name string
		in   string
		line int
		msg  string
	}{
		{"code too short", "Aa01A01= 甲 乙\nAa01A0= 甲 乙\n", 2, `malformed code "Aa01A0=" ` + want},
		{"unknown marker", "Aa01A01* 甲 乙\n", 1, `malformed code "Aa01A01*" ` + want},
		{"lower-case first letter", "# c\naa01A01= 甲\n", 2, `malformed code "aa01A01=" ` + want},
		{"upper-case second letter", "AA01A01= 甲\n", 1, `malformed code "AA01A01=" ` + want},
		{"letter for digit", "Aa0xA01= 甲\n", 1, `malformed code "Aa0xA01=" ` + want},
		{"digit for fifth letter", "Aa0110 1= 甲\n", 1, `malformed code "Aa0110" ` + want},
		{"words only", "甲 乙 丙\n", 1, `malformed code "甲" ` + want},
		{"long junk is cut", "ThisIsNotACodeAtAll 甲\n", 1, `malformed code "ThisIsNotACodeAt..." ` + want},
		{"no words", "Aa01A01= 甲 乙\n\nAa01A02=\n", 3, "no words after code Aa01A02="},
		{"only blanks after code", "Aa01A02@   \n", 1, "no words after code Aa01A02@"},
		{"GBK bytes", "Aa01A01= \xc8\xcb \xca\xbf\n", 1, "invalid UTF-8 (convert GBK copies of Cilin to UTF-8 first)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := synonyms.ReadCilin(strings.NewReader(tt.in), "cilin.txt")
			assert.Nil(t, got)
			requireParseError(t, err, "cilin.txt", tt.line, tt.msg)
		})
	}
}

func TestFormatNames(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want synonyms.Format
		ok   bool
	}{
		{"", synonyms.FormatAuto, true},
		{"auto", synonyms.FormatAuto, true},
		{"TSV", synonyms.FormatTSV, true},
		{"omw", synonyms.FormatOMW, true},
		{"tab", synonyms.FormatOMW, true},
		{" cilin ", synonyms.FormatCilin, true},
		{"csv", synonyms.FormatAuto, false},
	} {
		got, ok := synonyms.ParseFormat(tt.in)
		assert.Equal(t, tt.want, got, tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
	}
	for _, tt := range []struct {
		name string
		want synonyms.Format
		ok   bool
	}{
		{"user.tsv", synonyms.FormatTSV, true},
		{"dir.v2/wn-data-cmn.TAB", synonyms.FormatOMW, true},
		{"cilin.txt", synonyms.FormatCilin, true},
		{"lex.csv", synonyms.FormatAuto, false},
		{"noext", synonyms.FormatAuto, false},
	} {
		got, ok := synonyms.DetectFormat(tt.name)
		assert.Equal(t, tt.want, got, tt.name)
		assert.Equal(t, tt.ok, ok, tt.name)
	}
}

func TestReadDispatch(t *testing.T) {
	t.Run("explicit format wins over the extension", func(t *testing.T) {
		got, err := synonyms.Read(strings.NewReader("Aa01A01= 甲 乙\n"), "lex.tsv", synonyms.FormatCilin)
		require.NoError(t, err)
		assert.Len(t, got, 2)
	})
	t.Run("auto detection", func(t *testing.T) {
		got, err := synonyms.Read(strings.NewReader("a\tb\n"), "x.tsv", synonyms.FormatAuto)
		require.NoError(t, err)
		assert.Equal(t, []synonyms.Entry{{Word: "a", Synonyms: []string{"b"}}}, got)
	})
	t.Run("undetectable extension", func(t *testing.T) {
		_, err := synonyms.Read(strings.NewReader("a\tb\n"), "x.csv", synonyms.FormatAuto)
		requireParseError(t, err, "x.csv", 0, "")
		assert.Equal(t, "synonyms: x.csv: cannot tell the lexicon format from the extension (want .tsv, .tab or .txt, or name the format: tsv, omw, cilin)", err.Error())
	})
	t.Run("unknown format", func(t *testing.T) {
		_, err := synonyms.Read(strings.NewReader("a\tb\n"), "x.tsv", synonyms.Format("xml"))
		assert.EqualError(t, err, `synonyms: x.tsv: unknown lexicon format "xml" (want tsv, omw or cilin)`)
	})
	t.Run("missing file", func(t *testing.T) {
		_, err := synonyms.LoadFile(filepath.Join(t.TempDir(), "none.tsv"), synonyms.FormatAuto, nil)
		assert.ErrorIs(t, err, os.ErrNotExist)
		assert.True(t, strings.HasPrefix(err.Error(), "synonyms: "), err.Error())
	})
	t.Run("errors name the path", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "bad.tsv")
		require.NoError(t, os.WriteFile(path, []byte("# ok\nfine\tgood\nbad line\n"), 0o644))
		_, err := synonyms.LoadFile(path, synonyms.FormatAuto, nil)
		requireParseError(t, err, path, 3, "")
	})
}

func TestLoadFileFixtures(t *testing.T) {
	tsv, err := synonyms.LoadFile(filepath.Join(lexFixtures, "tiny.tsv"), synonyms.FormatAuto, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"reimbursement"}, tsv.Synonyms("refund", "NN"))
	assert.Equal(t, []string{"reload", "top-up"}, tsv.Synonyms("top up", "VB"))
	assert.Equal(t, []string{"quick", "rapid"}, tsv.Synonyms("FAST", "JJ"))
	assert.Empty(t, tsv.Synonyms("card", "NN"))

	cilin, err := synonyms.LoadFile(filepath.Join(lexFixtures, "tiny.txt"), synonyms.FormatAuto, nil)
	require.NoError(t, err)
	assert.Equal(t, []string{"电汇", "转帐", "转账"}, cilin.Synonyms("汇款", ""))
	assert.Equal(t, []string{"卡"}, cilin.Synonyms("银行卡", "NN"))
	assert.Empty(t, cilin.Synonyms("信用卡", ""), "# groups are related, not synonymous")
	assert.Empty(t, cilin.Synonyms("余额", ""), "@ groups have one word")
}

func TestFoldPOS(t *testing.T) {
	in := []synonyms.Entry{
		{Word: "fast", POS: synonyms.Adj, Synonyms: []string{"quick", "firm"}},
		{Word: "Fast", POS: synonyms.Adv, Synonyms: []string{"quickly", "fast"}},
		{Word: "card", POS: synonyms.Noun},
	}
	orig := slices.Clone(in[0].Synonyms)
	got := synonyms.FoldPOS(in)
	assert.Equal(t, []synonyms.Entry{
		{Word: "card"},
		{Word: "fast", Synonyms: []string{"firm", "quick", "quickly"}},
	}, got)
	assert.Equal(t, orig, in[0].Synonyms, "input not modified")
}

// ExampleReadTSV shows a user lexicon taking precedence over a lower layer:
// Layered keeps the first non-empty answer.
func ExampleReadTSV() {
	user, err := synonyms.ReadTSV(strings.NewReader("# my lexicon\nrefund\tn\treimbursement|money back\n"), "user.tsv")
	if err != nil {
		fmt.Println(err)
		return
	}
	lower := synonyms.NewTable([]synonyms.Entry{
		{Word: "refund", POS: synonyms.Noun, Synonyms: []string{"repayment"}},
		{Word: "fee", POS: synonyms.Noun, Synonyms: []string{"charge"}},
	}, nil)
	src := synonyms.Layered{synonyms.NewTable(user, nil), lower}
	fmt.Println(src.Synonyms("refund", "NN"))
	fmt.Println(src.Synonyms("fee", "NN"))

	_, err = synonyms.ReadTSV(strings.NewReader("refund\tn\treimbursement\nfee charge\n"), "user.tsv")
	fmt.Println(err)
	// Output:
	// [money back reimbursement]
	// [charge]
	// synonyms: user.tsv:2: missing tab: want word<TAB>syn1|syn2 or word<TAB>pos<TAB>syn1|syn2
}

// checkFuzzError checks the contract of every reader on bad input: a
// *ParseError naming the file, located at a line of the input.
func checkFuzzError(t *testing.T, in string, err error) {
	t.Helper()
	var pe *synonyms.ParseError
	require.True(t, errors.As(err, &pe), "want a *synonyms.ParseError, got %T: %v", err, err)
	assert.Equal(t, "fuzz", pe.File)
	lines := strings.Count(in, "\n") + 1
	assert.True(t, pe.Line >= 1 && pe.Line <= lines, "line %d outside 1..%d: %v", pe.Line, lines, err)
	assert.True(t, strings.HasPrefix(err.Error(), fmt.Sprintf("synonyms: fuzz:%d: ", pe.Line)), err.Error())
}

// checkFuzzEntries checks that entries are normalised and non-empty.
func checkFuzzEntries(t *testing.T, entries []synonyms.Entry, sorted bool) {
	t.Helper()
	for _, e := range entries {
		require.NotEmpty(t, e.Word)
		require.Equal(t, synonyms.Normalize(e.Word), e.Word)
		for _, s := range e.Synonyms {
			require.NotEmpty(t, s)
			require.Equal(t, synonyms.Normalize(s), s)
		}
		if sorted {
			require.NotEmpty(t, e.Synonyms)
			require.True(t, slices.IsSorted(e.Synonyms))
			require.NotContains(t, e.Synonyms, e.Word)
		}
	}
}

func FuzzReadTSV(f *testing.F) {
	for _, s := range []string{
		"fast\tquick|rapid\n", "a\tn\tb|c d\n# c\n\n", "card\tn\t-\n", "\uFEFFa\tb\r\n",
		"a b\n", "a\tb\tc\td\n", "a\tx\tb\n", "a\t\n", "a\tb||c\n", "\xff\tb\n", "a\tb|-\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := synonyms.ReadTSV(strings.NewReader(in), "fuzz")
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		checkFuzzEntries(t, entries, false)
		synonyms.NewTable(entries, nil)
	})
}

func FuzzReadOMW(f *testing.F) {
	for _, s := range []string{
		"# h\tcmn\n1-n\tcmn:lemma\ta\n1-n\tcmn:lemma\tb\n", "1-s\teng:lemma\tx\n1-s\teng:def\t0\tdef\n",
		"1-n\tcmn:lemma\n", "x-n\tcmn:lemma\ta\n", "1-n\tlemma\ta\n", "1-n\tcmn:lemma\t \n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := synonyms.ReadOMW(strings.NewReader(in), "fuzz")
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		checkFuzzEntries(t, entries, true)
	})
}

func FuzzReadCilin(f *testing.F) {
	for _, s := range []string{
		"Aa01A01= 人 士 人物\n", "Aa01A02# 信用卡 借记卡\nAa01A03@ 余额\n", "Aa01A0= x\n", "Aa01A01=\n",
		"\xc8\xcb\n", "# c\n\nBb02C01=甲 乙\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		entries, err := synonyms.ReadCilin(strings.NewReader(in), "fuzz")
		if err != nil {
			checkFuzzError(t, in, err)
			return
		}
		checkFuzzEntries(t, entries, true)
	})
}

// BenchmarkReadOMWCOW measures reading the Chinese Open Wordnet and
// building its Table (the cost a user pays for -lexicon wn-data-cmn.tab).
func BenchmarkReadOMWCOW(b *testing.B) {
	data, err := os.ReadFile(shareddata.Path(b, "lexicons", "cow", "wn-data-cmn.tab"))
	require.NoError(b, err)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		entries, err := synonyms.ReadOMW(strings.NewReader(string(data)), "wn-data-cmn.tab")
		if err != nil {
			b.Fatal(err)
		}
		synonyms.NewTable(entries, nil)
	}
}
