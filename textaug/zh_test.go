package textaug_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// zhTable is a small Chinese synonym source for tests, in the spirit of a
// user lexicon (Chinese Open Wordnet, Cilin).
var zhTable = synonyms.NewTable([]synonyms.Entry{
	{Word: "银行卡", Synonyms: []string{"借记卡", "储蓄卡"}},
	{Word: "信用卡", Synonyms: []string{"贷记卡"}},
	{Word: "退款", Synonyms: []string{"退钱", "返款"}},
	{Word: "收到", Synonyms: []string{"接到", "收取"}},
	{Word: "增长", Synonyms: []string{"增加", "上升"}},
	{Word: "上涨", Synonyms: []string{"上升", "走高"}},
	{Word: "下跌", Synonyms: []string{"下降", "回落"}},
	{Word: "公司", Synonyms: []string{"企业"}},
	{Word: "转账", Synonyms: []string{"汇款"}},
	{Word: "股价", Synonyms: []string{"股票价格"}},
	{Word: "查询", Synonyms: []string{"查看", "查找"}},
	{Word: "客服", Synonyms: []string{"客户服务"}},
	{Word: "账户", Synonyms: []string{"账号"}},
	{Word: "手续费", Synonyms: []string{"服务费"}},
	{Word: "余额", Synonyms: []string{"结余"}},
	{Word: "问题", Synonyms: []string{"疑问"}},
	{Word: "还款", Synonyms: []string{"偿还"}},
	{Word: "取消", Synonyms: []string{"撤销"}},
	{Word: "订单", Synonyms: []string{"订货单"}},
	{Word: "密码", Synonyms: []string{"口令"}},
	{Word: "冻结", Synonyms: []string{"锁定"}},
	{Word: "利润", Synonyms: []string{"盈利"}},
	{Word: "净利润", Synonyms: []string{"纯利润"}},
	{Word: "市值", Synonyms: []string{"市场价值"}},
	{Word: "达到", Synonyms: []string{"实现"}},
	{Word: "显示", Synonyms: []string{"表明"}},
	{Word: "昨天", Synonyms: []string{"昨日"}},
	{Word: "办理", Synonyms: []string{"处理"}},
	{Word: "扣款", Synonyms: []string{"扣费"}},
	{Word: "到账", Synonyms: []string{"入账"}},
	{Word: "营收", Synonyms: []string{"营业收入"}},
	{Word: "投资者", Synonyms: []string{"投资人"}},
	{Word: "支付", Synonyms: []string{"付款"}},
	{Word: "银行", Synonyms: []string{"银号"}},
}, nil)

// zhSentences are Chinese finance and customer-service sentences with
// what the protection policy must keep: amounts, percents, dates, times,
// identifiers, negations.
var zhSentences = []string{
	"公司第三季度净利润同比增长15.3%，达到3.5亿元。",
	"我的银行卡昨天没有收到退款，订单号是A20240305。",
	"请问下午3点以后还能转账吗？",
	"招商银行股价下跌2.1%，市值蒸发120亿元。",
	"我的信用卡被冻结了，不能还款，怎么办？",
	"客服说退款会在3到5个工作日内到账，但是我现在还没有收到。",
	"请帮我查询一下账户余额，卡号是6222 0212 3456 7890。",
	"为什么转账500元要收5元手续费？",
	"2024年3月5日的订单还没有发货，请尽快处理。",
	"我不想办理这张信用卡了，请帮我取消。",
	"该公司营收同比下降百分之五，净利润未能达到预期。",
	"今年前三季度，银行净利润增长了两成，达到两千三百亿元。",
	"您好，我的密码输错了三次，账户被锁定了，无法登录。",
	"请拨打客服电话400-123-4567或者13800138000咨询。",
	"这笔5000元的转账并非我本人操作，请立即冻结账户。",
	"股价上涨５％，收盘价为１２．５元。",
	"我在星期一下午两点半办理的业务，到现在都没有消息。",
	"别再给我打电话了，我不需要贷款。",
	"这个月的账单显示有一笔199元的扣款，我从来没有消费过。",
	"央行宣布下调存款准备金率0.5个百分点，释放长期资金约1万亿元。",
	"我用Apple Pay支付了88元，但是订单显示未支付。",
	"请问信用卡最低还款额是多少？",
	"我昨天晚上8点在网上买了一件衣服，今天还没有发货。",
	"公司去年亏损1.2亿元，今年一季度扭亏为盈。",
	"退款金额为人民币300元，预计3月10日前到账。",
	"投资者担心美联储加息，纳斯达克指数下跌了3.2%。",
	"我的快递单号是SF1234567890，已经三天没有更新了。",
	"不好意思，这个问题我无法回答，请联系人工客服。",
	"您的账户余额不足，无法完成本次支付。",
	"贵州茅台发布公告称，上半年营收同比增长17.76%。",
}

// zhEverything uses every strategy at a high rate, so that protection
// and spacing are tested hard.
func zhEverything(rate float64) textaug.Edit {
	return textaug.OneOf{Edits: []textaug.Edit{
		textaug.EDA(zhTable, rate),
		textaug.Chain{textaug.SynonymReplace{Source: zhTable, Rate: rate}, textaug.RandomInsert{Source: zhTable, Rate: rate},
			textaug.RandomSwap{Rate: rate}, textaug.RandomDelete{Rate: rate}},
		textaug.Punctuation{},
	}}
}

func zhSampler(edit textaug.Edit, k int, seed uint64) textaug.Sampler {
	return textaug.Sampler{Aug: textaug.Tokens{Tokenizer: tokenize.Chinese{}, Edit: edit}, K: k, Seed: seed}
}

// zhFigures returns the figure tokens of s, as the Chinese tokenizer
// finds them.
func zhFigures(t testing.TB, s string) []string {
	t.Helper()
	toks, err := tokenize.Chinese{}.Tokenize(s)
	require.NoError(t, err)
	var out []string
	for _, tk := range toks {
		switch tk.Kind {
		case tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date, tokenize.Identifier, tokenize.URL, tokenize.Email:
			out = append(out, tk.Text)
		}
	}
	return out
}

// zhNegations are the negation characters whose count a variant keeps
// wherever they stand (别 negates only at the start of a word: 特别 is
// "especially").
const zhNegations = "不没未无非"

// checkZHVariant checks what every variant of a Chinese text keeps: no
// space where the input had none, every figure, every negation character
// and every frozen word (negations such as 别走, entities).
func checkZHVariant(t testing.TB, s, v string) {
	t.Helper()
	if tokenize.Language(s) == "zh" {
		assert.LessOrEqual(t, strings.Count(v, " "), strings.Count(s, " "), "a space was inserted: %q -> %q", s, v)
	}
	figs := map[string]int{}
	for _, f := range zhFigures(t, s) {
		figs[f]++
	}
	for f, n := range figs {
		assert.GreaterOrEqual(t, strings.Count(v, f), n, "figure %q lost: %q -> %q", f, s, v)
	}
	toks, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse(s)
	require.NoError(t, err)
	frozen := map[string]int{}
	for _, tk := range toks {
		if tk.Kind == tokenize.Word && tk.Lock&tokenize.Frozen == tokenize.Frozen {
			frozen[tk.Text]++
		}
	}
	for w, n := range frozen {
		assert.GreaterOrEqual(t, strings.Count(v, w), n, "frozen word %q lost: %q -> %q", w, s, v)
	}
	for _, r := range zhNegations {
		assert.GreaterOrEqual(t, strings.Count(v, string(r)), strings.Count(s, string(r)), "negation %c lost: %q -> %q", r, s, v)
	}
}

// checkZHFigures also checks that the variant, tokenized again, has the
// same figures and at least the negations of the input (KeepsFigures).
// Shuffled dialogue can fail it without losing anything: moving 一点 next
// to 一点 makes a new number (一点一), so it is for the hand-written
// sentences.
func checkZHFigures(t testing.TB, s, v string) {
	t.Helper()
	checkZHVariant(t, s, v)
	assert.True(t, textaug.KeepsFigures(s, v), "figures changed: %q -> %q", s, v)
}

func TestChineseAnalyseIsLossless(t *testing.T) {
	for _, s := range zhSentences {
		toks, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse(s)
		require.NoError(t, err)
		assert.Equal(t, s, tokenize.Join(toks))
		auto, err := textaug.Tokens{}.Analyse(s)
		require.NoError(t, err)
		assert.Equal(t, toks, auto, "the zero Tokens picks the Chinese tokenizer for Chinese text")
	}
}

func TestChineseVariantsKeepFiguresNegationsAndSpacing(t *testing.T) {
	ctx := context.Background()
	full := 0
	for _, rate := range []float64{0.1, 0.3} {
		smp := zhSampler(zhEverything(rate), 9, 1)
		for _, s := range zhSentences {
			res, err := smp.Sample(ctx, "", s)
			require.NoError(t, err)
			assert.Equal(t, 9, len(res.Variants)+res.Shortfall, s)
			if res.Shortfall == 0 {
				full++
			}
			seen := map[string]bool{s: true}
			for _, v := range res.Variants {
				assert.False(t, seen[v.Text], "duplicate or the input: %q", v.Text)
				seen[v.Text] = true
				assert.NotEmpty(t, v.Ops)
				checkZHFigures(t, s, v.Text)
			}
		}
	}
	assert.Equal(t, 2*len(zhSentences), full, "nine distinct variants of every sentence")
}

func TestChineseEachStrategy(t *testing.T) {
	ctx := context.Background()
	for _, e := range []textaug.Edit{
		textaug.SynonymReplace{Source: zhTable, Rate: 0.3},
		textaug.RandomInsert{Source: zhTable, Rate: 0.3},
		textaug.RandomSwap{Rate: 0.3},
		textaug.RandomDelete{Rate: 0.3},
		textaug.Punctuation{},
	} {
		t.Run(e.Name(), func(t *testing.T) {
			smp := zhSampler(e, 9, 7)
			made := 0
			for _, s := range zhSentences {
				res, err := smp.Sample(ctx, "", s)
				require.NoError(t, err)
				for _, v := range res.Variants {
					assert.Equal(t, []string{e.Name()}, v.Ops)
					checkZHFigures(t, s, v.Text)
				}
				made += len(res.Variants)
			}
			assert.Greater(t, made, len(zhSentences), "the strategy works on Chinese")
		})
	}
}

func TestChineseNegationsAndStopwords(t *testing.T) {
	toks, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse("我没有收到退款，不要再扣款了，钱未到账，别骗我，并非我本人，无法登录，受不了。")
	require.NoError(t, err)
	lock := map[string]tokenize.Lock{}
	for _, tk := range toks {
		lock[tk.Text] = tk.Lock
	}
	for _, w := range []string{"没有", "不要", "未", "别", "并非", "无法", "受不了"} {
		if l, ok := lock[w]; assert.True(t, ok, "token %q: %v", w, lock) {
			assert.Equal(t, tokenize.Frozen, l&tokenize.Frozen, w)
		}
	}
	for _, w := range []string{"我", "了"} {
		assert.NotZero(t, lock[w]&tokenize.LockReplace, "stopword %q is never replaced", w)
	}
	assert.Zero(t, lock["退款"]&tokenize.Frozen, "an ordinary word is free")
	// A word that starts with a negation is frozen whole.
	toks, err = textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse("不好，没钱，无效")
	require.NoError(t, err)
	for _, tk := range toks {
		if tk.Kind == tokenize.Word {
			assert.Equal(t, tokenize.Frozen, tk.Lock&tokenize.Frozen, tk.Text)
		}
	}
}

// Why: Chinese words have no spaces between them, and the rules about
// glued tokens must not freeze them or forbid insertions between them.
func TestChineseWordsAreNotGlued(t *testing.T) {
	toks, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse("我的信用卡昨天收到退款")
	require.NoError(t, err)
	for _, tk := range toks {
		if tk.Text == "信用卡" || tk.Text == "昨天" || tk.Text == "退款" {
			assert.Zero(t, tk.Lock, tk.Text)
		}
	}
	seen := map[string]bool{}
	for seed := uint64(0); seed < 40; seed++ {
		out := textaug.RandomInsert{Source: zhTable, Rate: 0.1}.Edit(rand.New(rand.NewPCG(seed, 1)), toks)
		v := tokenize.Join(out)
		assert.NotContains(t, v, " ")
		seen[v] = true
	}
	assert.Greater(t, len(seen), 3, "insertions at several places: %v", seen)
}

func TestChinesePunctuationMarks(t *testing.T) {
	s := "我的银行卡昨天没有收到退款"
	toks, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse(s)
	require.NoError(t, err)
	for seed := uint64(0); seed < 30; seed++ {
		out := textaug.Punctuation{}.Edit(rand.New(rand.NewPCG(seed, 3)), toks)
		require.NotEqual(t, len(toks), len(out))
		for _, tk := range out {
			if tk.Inserted() {
				assert.Contains(t, textaug.ChineseMarks(), tk.Text)
			}
		}
		assert.NotContains(t, tokenize.Join(out), " ")
	}
	// A Chinese mark at a slot after white space is glued to the word
	// before it; a Latin slot keeps AEDA's marks with a space.
	toks, err = textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse("我这堵着车 你倒睡着了")
	require.NoError(t, err)
	for seed := uint64(0); seed < 30; seed++ {
		v := tokenize.Join(textaug.Punctuation{Ratio: 1}.Edit(rand.New(rand.NewPCG(seed, 4)), toks))
		assert.Equal(t, 1, strings.Count(v, " "), v)
		assert.NotContains(t, v, " ，", v)
	}
	toks, err = textaug.Tokens{}.Analyse("I lost my card")
	require.NoError(t, err)
	for seed := uint64(0); seed < 30; seed++ {
		for _, tk := range (textaug.Punctuation{}).Edit(rand.New(rand.NewPCG(seed, 5)), toks) {
			if tk.Inserted() && tk.Kind == tokenize.Punct {
				assert.Contains(t, textaug.AEDAMarks(), tk.Text)
			}
		}
	}
}

// Why: a Chinese word between two Latin words or numbers is all that keeps
// them apart; deleting or moving it must not make them one word.
func TestChineseEditsNeverJoinLatinWords(t *testing.T) {
	latin := func(s string) []string {
		var w []string
		toks, err := tokenize.Chinese{}.Tokenize(s)
		require.NoError(t, err)
		for _, tk := range toks {
			if tk.Kind != tokenize.Space && !strings.ContainsFunc(tk.Text, func(r rune) bool { return r > 0x2E80 }) {
				w = append(w, tk.Text)
			}
		}
		slices.Sort(w)
		return w
	}
	for _, s := range []string{"Apple的iPhone卖得很好", "用visa或master付款", "我用Apple Pay付款了", "A和B都没到账"} {
		toks, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse(s)
		require.NoError(t, err)
		want := latin(s)
		for seed := uint64(0); seed < 60; seed++ {
			r := rand.New(rand.NewPCG(seed, 6))
			for _, e := range []textaug.Edit{textaug.RandomDelete{Rate: 1}, textaug.RandomSwap{Rate: 1}, textaug.RandomInsert{Source: zhTable, Rate: 1}} {
				v := tokenize.Join(e.Edit(r, toks))
				got := latin(v)
				if e.Name() == "delete" {
					for _, w := range got {
						assert.Contains(t, want, w, "%s: %q -> %q", e.Name(), s, v)
					}
				} else {
					assert.Equal(t, want, got, "%s: %q -> %q", e.Name(), s, v)
				}
				assert.LessOrEqual(t, strings.Count(v, " "), strings.Count(s, " "), "%s: %q -> %q", e.Name(), s, v)
				assert.NotContains(t, v, "  ")
			}
		}
	}
}

func TestChineseDeleteKeepsSingleSpaces(t *testing.T) {
	s := "我这堵着车 你倒睡着了 好吧"
	toks, err := textaug.Tokens{Tokenizer: tokenize.Chinese{}}.Analyse(s)
	require.NoError(t, err)
	for seed := uint64(0); seed < 100; seed++ {
		v := tokenize.Join(textaug.RandomDelete{Rate: 0.5}.Edit(rand.New(rand.NewPCG(seed, 7)), toks))
		assert.NotContains(t, v, "  ", v)
		assert.False(t, strings.HasPrefix(v, " ") || strings.HasSuffix(v, " "), "%q", v)
	}
}

func TestChineseKeepPhrase(t *testing.T) {
	p := &textaug.Policy{Keep: []string{"招商银行", "Apple Pay"}}
	smp := textaug.Sampler{Aug: textaug.Tokens{Tokenizer: tokenize.Chinese{}, Policy: p, Edit: zhEverything(0.5)}, K: 20, Seed: 1}
	for _, s := range []string{"招商银行股价下跌了，大家都很失望", "我用Apple Pay支付时被扣款两次"} {
		res, err := smp.Sample(context.Background(), "", s)
		require.NoError(t, err)
		require.NotEmpty(t, res.Variants)
		for _, v := range res.Variants {
			if strings.Contains(s, "招商银行") {
				assert.Contains(t, v.Text, "招商银行")
			} else {
				assert.Contains(t, v.Text, "Apple Pay")
			}
		}
	}
}

func TestKeepsFiguresChinese(t *testing.T) {
	cases := []struct {
		a, b string
		ok   bool
	}{
		{"我没有收到3.5亿元的退款", "3.5亿元的退款我没有收到", true},
		{"我没有收到3.5亿元的退款", "我没有收到3.6亿元的退款", false},
		{"我没有收到3.5亿元的退款", "我有收到3.5亿元的退款", false},
		{"下午3点以后还能转账吗", "下午3点以后能转账吗", true},
		{"下午3点以后还能转账吗", "3点以后还能转账吗", false},
		{"增长百分之五", "增长了百分之五", true},
		{"增长百分之五", "增长百分之六", false},
		{"订单A20240305未到账", "订单A20240305到账", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.ok, textaug.KeepsFigures(c.a, c.b), "%q -> %q", c.a, c.b)
	}
}

// TestChineseProtectionOnSharedData runs swap, deletion and punctuation
// over 500 real sentences (travel customer service and TV dialogue) and
// checks every variant as the hand-written ones.
func TestChineseProtectionOnSharedData(t *testing.T) {
	texts := append(shareddata.Texts(t, "crosswoz_intent_zh", 250), shareddata.Texts(t, "cped_sentiment_zh", 250)...)
	edit := textaug.OneOf{Edits: []textaug.Edit{textaug.RandomSwap{Rate: 0.2}, textaug.RandomDelete{Rate: 0.2}, textaug.Punctuation{}}}
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: edit}, K: 4, Seed: 11}
	variants := 0
	for _, s := range texts {
		res, err := smp.Sample(context.Background(), "", s)
		require.NoError(t, err)
		for _, v := range res.Variants {
			checkZHVariant(t, s, v.Text)
			assert.NotContains(t, v.Text, "  ", "%q -> %q", s, v.Text)
		}
		variants += len(res.Variants)
	}
	t.Logf("%d sentences, %d variants", len(texts), variants)
	assert.Greater(t, variants, 3*len(texts))
}

// Why: the edits for Chinese must not change English results; the golden
// file guards the details, this guards the spacing rules.
func TestEnglishSpacingUnchanged(t *testing.T) {
	toks := analyse(t, "I lost my card and I can't find it, please help!", nil)
	for seed := uint64(0); seed < 30; seed++ {
		r := rand.New(rand.NewPCG(seed, 8))
		for _, e := range []textaug.Edit{textaug.RandomInsert{Source: table, Rate: 0.5}, textaug.Punctuation{}} {
			v := tokenize.Join(e.Edit(r, toks))
			f := strings.Fields(v)
			assert.Equal(t, strings.Join(f, " "), v, "single spaces between words: %q", v)
			assert.True(t, slices.Contains(f, "can't") || slices.Contains(f, "can't,"), v)
		}
	}
}

func FuzzChineseSamplerProtection(f *testing.F) {
	for _, s := range zhSentences {
		f.Add(s, uint64(1))
	}
	f.Add("Apple的iPhone卖了5000元 :(", uint64(2))
	f.Add("我这堵着车 你倒睡着了", uint64(3))
	f.Add("网址www.example.com的价格不是100元", uint64(4))
	smp := func(seed uint64) textaug.Sampler {
		s := zhSampler(zhEverything(0.3), 3, seed)
		s.MaxTries = 12
		return s
	}
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		res, err := smp(seed).Sample(context.Background(), "", s)
		if err != nil {
			var ie *textaug.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		for _, v := range res.Variants {
			checkZHVariant(t, s, v.Text)
		}
	})
}

// BenchmarkChineseEDA is a full EDA pass (k=9, α=0.1, four operations)
// with the small Chinese table over real sentences.
func BenchmarkChineseEDA(b *testing.B) {
	texts := append(shareddata.Texts(b, "crosswoz_intent_zh", 1000), shareddata.Texts(b, "cped_sentiment_zh", 1000)...)
	smp := zhSampler(textaug.EDA(zhTable, 0.1), 9, 1)
	benchSampler(b, smp, "预热分词器和同义词表", texts, "sentences")
}

// Why: sentence-initial capitals are a Latin-script rule; a Latin word
// that a swap moves inside a Chinese sentence keeps its case.
func TestChineseKeepsLatinCase(t *testing.T) {
	s := "Visa卡和Master卡都不能用"
	smp := zhSampler(textaug.RandomSwap{Rate: 1}, 10, 1)
	res, err := smp.Sample(context.Background(), "", s)
	require.NoError(t, err)
	require.NotEmpty(t, res.Variants)
	for _, v := range res.Variants {
		assert.Contains(t, v.Text, "Visa", v.Text)
		assert.Contains(t, v.Text, "Master", v.Text)
	}
}

func TestChineseSamplerIsDeterministic(t *testing.T) {
	ctx := context.Background()
	want := map[string]textaug.Result{}
	for _, s := range zhSentences {
		five, err := zhSampler(zhEverything(0.2), 5, 42).Sample(ctx, "", s)
		require.NoError(t, err)
		three, err := zhSampler(zhEverything(0.2), 3, 42).Sample(ctx, "", s)
		require.NoError(t, err)
		assert.Equal(t, five.Variants[:3], three.Variants, "K=3 is a prefix of K=5")
		want[s] = five
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, s := range zhSentences {
		wg.Go(func() {
			res, err := zhSampler(zhEverything(0.2), 5, 42).Sample(ctx, "", s)
			assert.NoError(t, err)
			mu.Lock()
			defer mu.Unlock()
			assert.Equal(t, want[s], res, s)
		})
	}
	wg.Wait()
}
