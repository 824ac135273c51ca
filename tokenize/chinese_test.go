package tokenize_test

import (
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/tokenize"
)

func zhTokens(t testing.TB, s string) []tokenize.Token {
	t.Helper()
	toks, err := tokenize.Chinese{}.Tokenize(s)
	require.NoError(t, err)
	return toks
}

// zhNonSpace lists the non-space tokens of s as (text, kind).
func zhNonSpace(t testing.TB, s string) []kt {
	var out []kt
	for _, tk := range zhTokens(t, s) {
		if tk.Kind != tokenize.Space {
			out = append(out, kt{tk.Text, tk.Kind})
		}
	}
	return out
}

// checkLossless checks the contract of every tokenizer: the tokens cover
// s in order, byte for byte, and none is empty.
func checkLossless(t testing.TB, s string, toks []tokenize.Token) {
	t.Helper()
	if got := tokenize.Join(toks); got != s {
		t.Fatalf("Join(Tokenize(%q)) = %q", s, got)
	}
	pos := 0
	for _, tk := range toks {
		if tk.Start != pos || tk.End <= tk.Start || s[tk.Start:tk.End] != tk.Text {
			t.Fatalf("bad span %+v at %d in %q", tk, pos, s)
		}
		if tk.Kind == tokenize.Space && strings.TrimSpace(tk.Text) != "" && utf8.ValidString(tk.Text) &&
			strings.Trim(tk.Text, " \t\r\n\v\f\u0085\u00a0\u200b\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000") != "" {
			t.Fatalf("space token %q is not white space", tk.Text)
		}
		pos = tk.End
	}
	if pos != len(s) {
		t.Fatalf("tokens cover %d of %d bytes of %q", pos, len(s), s)
	}
}

func TestChineseKinds(t *testing.T) {
	W, N, M, P, D, I, U, E, X := tokenize.Word, tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date,
		tokenize.Identifier, tokenize.URL, tokenize.Email, tokenize.Punct
	cases := []struct {
		name, text, token string
		kind              tokenize.Kind
	}{
		{"amount with magnitude", "净利润达到3.5亿元。", "3.5亿元", M},
		{"yuan", "手续费100元", "100元", M},
		{"kuai qian", "只花了5块钱", "5块钱", M},
		{"jiao", "便宜了3角", "3角", M},
		{"dollars", "收到50美元", "50美元", M},
		{"currency word first", "转账人民币5000元", "人民币5000元", M},
		{"currency word first, no unit", "港币200到账", "港币200", M},
		{"full-width yen", "余额￥100", "￥100", M},
		{"yen sign", "余额¥100", "¥100", M},
		{"chinese numerals and unit", "退了两千三百元", "两千三百元", M},
		{"approximate amount", "一共10多万元", "10多万元", M},
		{"identifier digits as amount", "贷款100000元", "100000元", M},
		{"number with magnitude", "用户超过1.2万", "1.2万", N},
		{"magnitude and more", "一共8万多", "8万多", N},
		{"measure word", "等了3个月", "3个月", N},
		{"chinese numeral", "排在十五", "十五", N},
		{"chinese decimal", "增长一点五", "一点五", N},
		{"fraction", "占三分之一", "三分之一", N},
		{"ordinal", "公司第三季度净利润", "第三季度", N},
		{"ordinal with digits", "公司第3季度净利润", "第3季度", N},
		{"full-width digits", "编号１２３号", "１２３号", N},
		{"full-width decimal", "收到１２．５万元", "１２．５万元", M},
		{"percent sign", "同比增长15.3%，", "15.3%", P},
		{"full-width percent", "占５％的份额", "５％", P},
		{"bai fen zhi", "下降百分之五", "百分之五", P},
		{"bai fen zhi decimal", "下降百分之三点五", "百分之三点五", P},
		{"bai fen zhi digits", "下降百分之3.5", "百分之3.5", P},
		{"cheng", "增长了三成", "三成", P},
		{"full date", "于2024年3月5日到账", "2024年3月5日", D},
		{"full-width date", "于２０２４年３月５日到账", "２０２４年３月５日", D},
		{"chinese year", "二〇二四年的报告", "二〇二四年", D},
		{"month and hao", "3月5号还款", "3月5号", D},
		{"chinese month day", "三月五日开会", "三月五日", D},
		{"afternoon", "请问下午3点以后还能转账吗？", "下午3点", D},
		{"half past", "3点半见", "3点半", D},
		{"quarter", "十点一刻出发", "十点一刻", D},
		{"hours minutes seconds", "15时30分20秒开始", "15时30分20秒", D},
		{"clock", "在15:30之前", "15:30", D},
		{"full-width clock", "在１５：３０之前", "１５：３０", D},
		{"date and time", "3月5日下午3点到账", "3月5日下午3点", D},
		{"afternoon one o'clock", "下午一点开门", "下午一点", D},
		{"weekday", "星期一上午", "星期一", D},
		{"short weekday", "周一到账", "周一", D},
		{"weekday inside a word", "本周一到账", "周一", D},
		{"sunday", "礼拜天休息", "礼拜天", D},
		{"mobile phone", "电话13800138000", "13800138000", I},
		{"service line", "拨打400-123-4567", "400-123-4567", I},
		{"order number", "订单号是A20240305。", "A20240305", I},
		{"card number", "卡号6222 0212 3456 7890", "6222 0212 3456 7890", I},
		{"url", "网址www.example.com/a?b=1", "www.example.com/a?b=1", U},
		{"email", "邮箱abc@qq.com", "abc@qq.com", E},
		{"comma", "好的，谢谢", "，", X},
		{"enumeration comma", "甲、乙", "、", X},
		{"book title", "《金融时报》", "《", X},
		{"ellipsis", "这样啊……", "……", X},
		{"latin word", "用Apple付款", "Apple", W},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := zhNonSpace(t, c.text)
			for _, k := range got {
				if k.text == c.token {
					assert.Equal(t, c.kind, k.kind, "%v", got)
					return
				}
			}
			t.Errorf("no token %q in %q: %v", c.token, c.text, got)
		})
	}
}

// Why: 一 and the other numerals are parts of ordinary words; a numeral
// is a number only as a whole word or before a unit, so these words stay
// words that strategies may edit.
func TestChineseNumeralsInsideWordsStayWords(t *testing.T) {
	for _, w := range []string{"一下", "一起", "一样", "统一", "一直", "一定", "一般", "一切", "唯一", "十分", "一点"} {
		for _, k := range zhNonSpace(t, "我想"+w+"看看") {
			assert.NotContains(t, []tokenize.Kind{tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date}, k.kind, "%s: %q", w, k.text)
		}
	}
	// "早一点" is "a little earlier", "下午一点" is a time.
	assert.Equal(t, []kt{{"我", tokenize.Word}, {"想", tokenize.Word}, {"早", tokenize.Word}, {"一点", tokenize.Word}, {"到", tokenize.Word}}, zhNonSpace(t, "我想早一点到"))
	// A word made of numerals only is a number, even 万一 ("in case"):
	// moving a lone 一 next to another numeral would make a new figure.
	assert.Equal(t, []kt{{"一", tokenize.Number}, {"回到", tokenize.Word}, {"家", tokenize.Word}}, zhNonSpace(t, "一回到家"))
	assert.Equal(t, tokenize.Number, zhNonSpace(t, "万一")[0].kind)
	// 每周一次 is "once a week", not "Monday".
	for _, k := range zhNonSpace(t, "每周一次") {
		assert.NotEqual(t, tokenize.Date, k.kind, k.text)
	}
}

func TestChineseMixedScripts(t *testing.T) {
	s := "我用Apple Pay付款了$100，USD 3 million到账了。"
	toks := zhTokens(t, s)
	checkLossless(t, s, toks)
	var got []kt
	for _, tk := range toks {
		got = append(got, kt{tk.Text, tk.Kind})
	}
	assert.Equal(t, []kt{
		{"我", tokenize.Word}, {"用", tokenize.Word}, {"Apple", tokenize.Word}, {" ", tokenize.Space}, {"Pay", tokenize.Word},
		{"付款", tokenize.Word}, {"了", tokenize.Word}, {"$100", tokenize.Money}, {"，", tokenize.Punct},
		{"USD 3 million", tokenize.Money}, {"到", tokenize.Word}, {"账", tokenize.Word}, {"了", tokenize.Word}, {"。", tokenize.Punct},
	}, got)
}

// Spaces in the text stay Space tokens, and only the English rules make
// a token with a space inside.
func TestChineseSpaces(t *testing.T) {
	s := " 我这堵着车 你倒睡着了\t好吧\u3000走 "
	toks := zhTokens(t, s)
	checkLossless(t, s, toks)
	for _, tk := range toks {
		if tk.Kind != tokenize.Space {
			assert.NotContains(t, tk.Text, " ", tk.Text)
		}
	}
	assert.Equal(t, tokenize.Space, toks[0].Kind)
	assert.Equal(t, tokenize.Space, toks[len(toks)-1].Kind)
}

func TestChineseTags(t *testing.T) {
	tags := map[string]string{}
	for _, tk := range zhTokens(t, "我的信用卡昨天没有收到退款，招商银行说3.5亿元非常多。") {
		tags[tk.Text] = tk.Tag
	}
	assert.Equal(t, "PRP", tags["我"])
	assert.Equal(t, "RP", tags["的"])
	assert.Equal(t, "NN", tags["信用卡"])
	assert.Equal(t, "NN", tags["昨天"])
	assert.Equal(t, "VB", tags["收到"])
	assert.Equal(t, "NNP", tags["招商银行"])
	assert.Equal(t, "CD", tags["3.5亿元"])
	assert.Equal(t, "RB", tags["非常"])
	assert.Equal(t, ",", tags["，"])
	assert.Equal(t, ".", tags["。"])
	assert.Equal(t, "NN", zhTokens(t, "后来")[0].Tag, "a word, not a name")
	tags = map[string]string{}
	for _, tk := range zhTokens(t, "后天见") {
		tags[tk.Text] = tk.Tag
	}
	for w, tag := range tags {
		assert.NotEmpty(t, tag, w)
	}
}

func TestChineseWithoutHanNeedsNoSegmenter(t *testing.T) {
	s := "I lost my card 4111 1111 1111 1111!"
	zh := zhTokens(t, s)
	en, err := tokenize.English{}.Tokenize(s)
	require.NoError(t, err)
	for i := range en {
		en[i].Lang = tokenize.LangZH // the only difference: what the text was cut for
	}
	assert.Equal(t, en, zh)
}

func TestChineseRoundTripOddInput(t *testing.T) {
	for _, s := range []string{
		"", " ", "\xff中\xfe", "中\x00文", "１２３ａｂｃ", "３.５亿", "百分之", "百分之百", "第", "第第", "人民币", "￥",
		"年月日", "2024年", "2024年13月", "3月32日", "25点", "一点", "点", "周", "星期", "〇", "万亿", "十",
		"😀中文👍🏽", "a中b", "中a文", "中 文", "中\u200b文", "\ufeff中", "中\u3000文", "1.", "1.中", "5．", "５％％",
		"１５：", "：３０", strings.Repeat("中文", 5000), strings.Repeat("一", 300), strings.Repeat("3月", 100),
	} {
		checkLossless(t, s, zhTokens(t, s))
	}
}

func TestChineseRoundTripSharedData(t *testing.T) {
	for _, set := range []string{"crosswoz_intent_zh", "cped_sentiment_zh"} {
		for _, s := range shareddata.Texts(t, set, 0) {
			checkLossless(t, s, zhTokens(t, s))
		}
	}
}

func FuzzChineseRoundTrip(f *testing.F) {
	for _, s := range []string{
		"公司第三季度净利润同比增长15.3%，达到3.5亿元。",
		"我的银行卡昨天没有收到退款，订单号是A20240305。",
		"请问下午3点以后还能转账吗？",
		"我这堵着车 你倒睡着了",
		"用Apple Pay付了$100和￥２００，占５％",
		"２０２４年３月５日 星期一 15:30😀👍🏽",
		"百分之三点五、两千三百元、一点五、三分之一、第3季度",
		"\xff中文\xc3",
		"　全角空格　",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks, err := tokenize.Chinese{}.Tokenize(s)
		if err != nil {
			t.Fatal(err)
		}
		checkLossless(t, s, toks)
		for _, tk := range toks {
			if tk.Kind != tokenize.Space && strings.ContainsAny(tk.Text, " \t\n") && !strings.Contains(tokenize.Join(tokenize.Tokenize(tk.Text)), " ") {
				t.Fatalf("token %q holds a space", tk.Text)
			}
		}
	})
}

func TestChineseConcurrent(t *testing.T) {
	texts := []string{
		"公司第三季度净利润同比增长15.3%，达到3.5亿元。",
		"我的银行卡昨天没有收到退款，订单号是A20240305。",
		"请问下午3点以后还能转账吗？",
		"招商银行股价下跌2.1%，市值蒸发120亿元。",
	}
	want := make([][]tokenize.Token, len(texts))
	for i, s := range texts {
		want[i] = zhTokens(t, s)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 50 {
				for i, s := range texts {
					got, err := tokenize.Chinese{}.Tokenize(s)
					assert.NoError(t, err)
					assert.Equal(t, want[i], got)
				}
			}
		})
	}
	wg.Wait()
}

func TestNeedSpace(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"card", "blocked", true},
		{"3", "dollars", true},
		{"card", ".", true},
		{"我", "的", false},
		{"Apple", "付款", false},
		{"付款", "Apple", false},
		{"，", "Apple", false},
		{"Apple", "，", false},
		{"ｃａｒｄ", "x", false},
		{"", "x", false},
		{"x", "", false},
		{"café", "au", true},
		{"😀", "a", true},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, tokenize.NeedSpace(c.a, c.b), "%q %q", c.a, c.b)
	}
}
