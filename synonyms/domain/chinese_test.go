package domain_test

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/domain"
)

// chineseFiles are the Chinese packs and their files.
var chineseFiles = map[string]string{"finance-zh": "finance_zh.tsv", "service-zh": "service_zh.tsv"}

// zhTags are the tags a Chinese tagger gives: "" when it gives none.
var zhTags = []string{"", "NN", "VB", "JJ", "RB", "NNP", "CD", "IN"}

// zhAntonyms are pairs no candidate may join, in either direction:
// directions, outcomes, opposite requests and the degree bands.
var zhAntonyms = [][2]string{
	{"上涨", "下跌"}, {"增长", "下降"}, {"上升", "下降"}, {"增加", "减少"}, {"提高", "降低"},
	{"上调", "下调"}, {"调高", "调低"}, {"走高", "走低"}, {"上扬", "下挫"}, {"回升", "回落"},
	{"走强", "走弱"}, {"涨", "跌"}, {"大涨", "大跌"}, {"暴涨", "暴跌"}, {"攀升", "下滑"},
	{"涨幅", "跌幅"}, {"升幅", "降幅"}, {"增幅", "降幅"}, {"扩大", "缩小"}, {"扩大", "收窄"},
	{"盈利", "亏损"}, {"利润", "亏损"}, {"获利", "亏损"}, {"净利润", "净亏损"}, {"收入", "支出"},
	{"买入", "卖出"}, {"增持", "减持"}, {"看涨", "看跌"}, {"看多", "看空"}, {"利好", "利空"},
	{"好转", "恶化"}, {"复苏", "衰退"}, {"回暖", "下行"}, {"乐观", "悲观"}, {"强劲", "疲软"},
	{"稳定", "波动"}, {"大幅", "小幅"}, {"显著", "略微"}, {"明显", "稍微"},
	{"成功", "失败"}, {"可以", "不可以"}, {"能", "不能"}, {"能够", "不能"}, {"收到", "没收到"},
	{"到账", "未到账"}, {"正确", "错误"}, {"满意", "不满意"}, {"存钱", "取钱"}, {"存款", "取款"},
	{"充值", "提现"}, {"冻结", "解冻"}, {"绑定", "解绑"}, {"取消", "开通"}, {"撤销", "开通"},
	{"激活", "注销"}, {"登录", "退出"}, {"转入", "转出"}, {"借记卡", "信用卡"}, {"储蓄卡", "信用卡"},
	{"密码", "验证码"}, {"退款", "付款"}, {"退钱", "付钱"}, {"还款", "贷款"},
}

// up and down are the direction words of finance news: no candidate of
// one may be in the other.
var (
	zhUp   = []string{"增长", "增加", "增多", "上升", "上涨", "涨", "上扬", "走高", "攀升", "回升", "反弹", "提高", "提升", "上调", "调高", "调升", "大涨", "猛涨", "暴涨", "飙升", "大增", "猛增", "激增", "走强", "转强", "回暖", "复苏", "好转", "改善", "扩大", "加大", "大幅上涨", "大幅增长"}
	zhDown = []string{"下降", "下滑", "减少", "降低", "下跌", "跌", "下挫", "走低", "回落", "下调", "调低", "调降", "大跌", "重挫", "暴跌", "狂跌", "走弱", "转弱", "下行", "萎缩", "收缩", "恶化", "转差", "收窄", "缩小", "缩水", "大幅下跌"}
)

// negation and numeral characters: no candidate holds one its word does
// not hold.
const (
	zhNegations = "不没无未非否别莫勿毋弗甭"
	zhNumerals  = "零〇一二三四五六七八九十百千万亿兆两半几壹贰叁肆伍陆柒捌玖拾佰仟"
)

func han(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// TestChineseFiles checks the Chinese files against the rules their
// headers state.
func TestChineseFiles(t *testing.T) {
	antonym := map[[2]string]bool{}
	for _, p := range zhAntonyms {
		antonym[p] = true
		antonym[[2]string{p[1], p[0]}] = true
	}
	for name, file := range chineseFiles {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(file)
			require.NoError(t, err)
			defer f.Close()
			entries, err := synonyms.ReadTSV(f, file)
			require.NoError(t, err)

			// Raw lines: every entry has a part-of-speech column and
			// appears once.
			raw, err := os.ReadFile(file)
			require.NoError(t, err)
			seen := map[string]bool{}
			sc := bufio.NewScanner(strings.NewReader(string(raw)))
			for n := 1; sc.Scan(); n++ {
				line := sc.Text()
				if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
					continue
				}
				fields := strings.Split(line, "\t")
				if assert.Len(t, fields, 3, "%s:%d: word<TAB>pos<TAB>synonyms", file, n) {
					key := fields[0] + "/" + fields[1]
					assert.False(t, seen[key], "%s:%d: %s listed twice", file, n, key)
					seen[key] = true
				}
			}

			empty, candidates := 0, 0
			for _, e := range entries {
				assert.True(t, han(e.Word), "%s: a head word is Han characters only", e.Word)
				if len(e.Synonyms) == 0 {
					empty++
				}
				for _, s := range e.Synonyms {
					candidates++
					assert.True(t, han(s), "%s -> %s: candidates are Han characters only", e.Word, s)
					assert.NotEqual(t, e.Word, s)
					assert.False(t, antonym[[2]string{e.Word, s}], "%s -> %s is an antonym", e.Word, s)
					for _, c := range s {
						if strings.ContainsRune(e.Word, c) {
							continue
						}
						assert.False(t, strings.ContainsRune(zhNegations, c), "%s -> %s adds the negation character %c", e.Word, s, c)
						assert.False(t, strings.ContainsRune(zhNumerals, c), "%s -> %s adds the numeral %c", e.Word, s, c)
					}
					for _, dir := range [2][2][]string{{zhUp, zhDown}, {zhDown, zhUp}} {
						if slices.Contains(dir[0], e.Word) {
							assert.NotContains(t, dir[1], s, "%s -> %s changes direction", e.Word, s)
						}
					}
				}
			}
			assert.GreaterOrEqual(t, len(entries), 150)
			t.Logf("%s: %d entries, %d owned without synonyms, %d candidates", file, len(entries), empty, candidates)
		})
	}
}

func loadChinese(t *testing.T) (finance, service *domain.Pack) {
	t.Helper()
	finance, err := domain.ChineseFinance()
	require.NoError(t, err)
	service, err = domain.ChineseService()
	require.NoError(t, err)
	return finance, service
}

func TestChineseSynonyms(t *testing.T) {
	finance, service := loadChinese(t)
	tests := []struct {
		pack      *domain.Pack
		word, tag string
		want      []string
	}{
		{finance, "增长", "VB", []string{"上升", "增加"}},
		{finance, "增长", "NN", []string{"上升", "增加"}},
		{finance, "增长", "", []string{"上升", "增加"}},
		{finance, "上涨", "VB", []string{"上升", "上扬", "攀升", "走高"}},
		{finance, "下跌", "VB", []string{"下挫", "下滑", "回落", "走低"}},
		{finance, "暴涨", "VB", []string{"猛涨", "飙升"}},
		{finance, "利润", "NN", []string{"盈利"}},
		{finance, "营收", "NN", []string{"营业收入"}},
		{finance, "公司", "NN", []string{"企业"}},
		{finance, "宣布", "VB", []string{"宣告"}},
		{finance, "公布", "VB", []string{"发布", "披露"}},
		{finance, "预计", "NN", []string{"预估", "预期"}},
		{finance, "预期", "VB", []string{"预计"}},
		{finance, "预期", "NN", nil},
		{finance, "投资者", "NN", []string{"投资人"}},
		{finance, "收窄", "VB", []string{"缩小"}},
		{finance, "大幅", "RB", []string{"明显", "显著"}},
		{finance, "小幅", "NN", []string{"微幅", "略微"}},
		{finance, "季度", "NN", nil},
		{finance, "亏损", "NN", nil},
		{finance, "市场", "NN", nil},
		{finance, "公司", "NNP", nil},
		{finance, "公司", "CD", nil},
		{service, "银行卡", "NN", []string{"卡"}},
		{service, "卡", "NN", []string{"银行卡"}},
		{service, "卡", "VB", nil},
		{service, "账户", "NN", []string{"帐户"}},
		{service, "转账", "VB", []string{"汇款", "转钱"}},
		{service, "转账", "NN", []string{"汇款"}},
		{service, "存款", "VB", []string{"存钱"}},
		{service, "存款", "NN", nil},
		{service, "退款", "VB", []string{"退钱"}},
		{service, "查询", "VB", []string{"查", "查看"}},
		{service, "请问", "VB", []string{"想问"}},
		{service, "丢了", "RP", nil},
		{service, "丢了", "", []string{"丢失了", "遗失了"}},
		{service, "帮我", "VB", []string{"麻烦"}},
		{service, "取消", "VB", []string{"撤销"}},
		{service, "到账", "VB", []string{"入账", "到帐"}},
		{service, "为什么", "RB", []string{"为何", "为啥"}},
		{service, "如何", "RB", []string{"怎么", "怎样"}},
		{service, "怎么", "RB", nil},
		{service, "可以", "VB", []string{"能", "能够"}},
		{service, "信用卡", "NN", nil},
		{service, "密码", "NN", nil},
	}
	for _, tt := range tests {
		t.Run(tt.pack.Name()+"/"+tt.word+"/"+tt.tag, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.pack.Synonyms(tt.word, tt.tag))
			assert.True(t, tt.pack.Owns(tt.word, tt.tag))
		})
	}
}

// TestChineseAnswers checks every answer of both packs for every tag: sorted,
// unique, never the word, never its antonym.
func TestChineseAnswers(t *testing.T) {
	finance, service := loadChinese(t)
	for _, p := range []*domain.Pack{finance, service} {
		f, err := os.Open(chineseFiles[p.Name()])
		require.NoError(t, err)
		entries, err := synonyms.ReadTSV(f, p.Name())
		f.Close()
		require.NoError(t, err)
		for _, e := range entries {
			for _, tag := range zhTags {
				got := p.Synonyms(e.Word, tag)
				assert.True(t, slices.IsSorted(got), "%s/%s: %v", e.Word, tag, got)
				assert.Len(t, slices.Compact(slices.Clone(got)), len(got))
				assert.NotContains(t, got, e.Word)
				for _, a := range zhAntonyms {
					if e.Word == a[0] {
						assert.NotContains(t, got, a[1])
					}
					if e.Word == a[1] {
						assert.NotContains(t, got, a[0])
					}
				}
			}
		}
	}
}

// TestChineseLoadIgnoresMorphology: an English Morphology given to Load
// does not change a Chinese pack's answers.
func TestChineseLoadIgnoresMorphology(t *testing.T) {
	finance, _ := loadChinese(t)
	withMorph, err := domain.Load("finance-zh", morph)
	require.NoError(t, err)
	for _, w := range []string{"增长", "上涨", "下跌", "公司", "季度"} {
		for _, tag := range []string{"", "VB", "VBD", "VBN", "NN", "NNS"} {
			assert.Equal(t, finance.Synonyms(w, tag), withMorph.Synonyms(w, tag), "%s/%s", w, tag)
			assert.Equal(t, finance.Owns(w, tag), withMorph.Owns(w, tag))
		}
	}
}

// TestChineseOpenWordnet loads Chinese Open Wordnet (an OMW .tab file, not
// part of the repository) and shows what it answers, alone and under the
// Chinese packs: the packs replace its out-of-domain senses (上涨 ->
// 成金字塔状, 收入 -> 毛利) for the words they own.
func TestChineseOpenWordnet(t *testing.T) {
	path := shareddata.Path(t, "lexicons", "cow", "wn-data-cmn.tab")
	cow, err := synonyms.LoadFile(path, synonyms.FormatOMW, nil)
	require.NoError(t, err)
	t.Logf("COW: %d (word, part of speech) entries", cow.Len())
	for _, q := range []struct{ word, tag string }{
		{"增长", "VB"}, {"银行", "NN"}, {"上涨", "VB"}, {"上涨", "NN"}, {"下跌", "VB"}, {"密码", "NN"},
	} {
		got := cow.Synonyms(q.word, q.tag)
		t.Logf("COW %s/%s: %v", q.word, q.tag, got)
		assert.NotEmpty(t, got, "%s/%s", q.word, q.tag)
		assert.True(t, slices.IsSorted(got))
		assert.NotContains(t, got, q.word)
	}
	assert.Contains(t, cow.Synonyms("增长", "VB"), "增加")
	assert.Contains(t, cow.Synonyms("银行", "NN"), "存放款金融机构")

	finance, service := loadChinese(t)
	src := domain.Over(cow, finance, service)
	for _, q := range []struct {
		word, tag string
		never     string // a COW candidate the packs keep out
	}{
		{"上涨", "VB", "成金字塔状"}, {"上涨", "VB", "出现"}, {"下跌", "VB", "暴跌"}, {"收入", "NN", "毛利"},
		{"收入", "NN", "利润"}, {"增长", "VB", "增大"}, {"密码", "NN", "暗号"},
	} {
		require.Contains(t, cow.Synonyms(q.word, q.tag), q.never, "COW answers %s for %s", q.never, q.word)
		got := src.Synonyms(q.word, q.tag)
		t.Logf("packs over COW %s/%s: %v", q.word, q.tag, got)
		assert.NotContains(t, got, q.never)
		assert.True(t, slices.IsSorted(got))
	}
	// 银行 is owned without synonyms ("存放款金融机构" is a definition);
	// a word the packs do not own still gets COW's answer.
	assert.Nil(t, src.Synonyms("银行", "NN"))
	assert.Equal(t, cow.Synonyms("攀登", "VB"), src.Synonyms("攀登", "VB"))
	assert.NotEmpty(t, src.Synonyms("攀登", "VB"))
}
