package textaug_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms/pinyin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// zhTok is one token of a hand-segmented Chinese text: the tests of
// PinyinNoise do not depend on a Chinese tokenizer or its policy.
type zhTok struct {
	text string
	kind tokenize.Kind
	tag  string
	lock tokenize.Lock
}

func word(text, tag string) zhTok { return zhTok{text, tokenize.Word, tag, 0} }

// zhTokens lays the tokens end to end, without spaces, as Chinese is
// written.
func zhTokens(ts ...zhTok) []tokenize.Token {
	var out []tokenize.Token
	at := 0
	for _, t := range ts {
		out = append(out, tokenize.Token{Text: t.text, Start: at, End: at + len(t.text), Kind: t.kind, Tag: t.tag, Lock: t.lock})
		at += len(t.text)
	}
	return out
}

// confusions is a CharConfusions from a table, for tests that need to know
// every candidate.
type confusions map[rune]string

func (c confusions) Confusable(r rune) []rune {
	out := []rune(c[r])
	slices.Sort(out)
	return slices.Compact(out)
}

// everyChar confuses every common Han character with 口, and 口 with 日.
type everyChar struct{}

func (everyChar) Confusable(r rune) []rune {
	if r == '口' {
		return []rune{'日'}
	}
	return []rune{'口'}
}

// diff returns, rune by rune, the positions where a and b differ; a and b
// must have as many runes.
func diff(t *testing.T, a, b string) []int {
	t.Helper()
	ra, rb := []rune(a), []rune(b)
	require.Len(t, rb, len(ra), "%s -> %s", a, b)
	var d []int
	for i := range ra {
		if ra[i] != rb[i] {
			d = append(d, i)
		}
	}
	return d
}

// bankSentence is "我在银行办理转账，已经收到了3000元。", segmented.
func bankSentence() []tokenize.Token {
	return zhTokens(
		word("我", "PRP"), word("在", "IN"), word("银行", "NN"), word("办理", "VB"), word("转账", "NN"),
		zhTok{"，", tokenize.Punct, "", tokenize.Frozen},
		word("已经", "RB"), word("收到", "VB"), word("了", "AS"),
		zhTok{"3000元", tokenize.Money, "CD", tokenize.Frozen},
		zhTok{"。", tokenize.Punct, "", tokenize.Frozen},
	)
}

func TestPinyinNoise(t *testing.T) {
	real := pinyin.Confusions{}
	tests := []struct {
		name    string
		edit    textaug.PinyinNoise
		toks    []tokenize.Token
		changed int    // characters changed in every variant
		never   string // characters of the input that never change
	}{
		{"default rate: one change", textaug.PinyinNoise{Confusions: real}, bankSentence(), 1, "3000元，。"},
		{"rate 0.5 of 13 eligible", textaug.PinyinNoise{Confusions: real, Rate: 0.5}, bankSentence(), 7, "3000元，。"},
		{"max caps the rate", textaug.PinyinNoise{Confusions: real, Rate: 1, Max: 2}, bankSentence(), 2, "3000元"},
		{"every eligible character", textaug.PinyinNoise{Confusions: everyChar{}, Rate: 1}, bankSentence(), 13, "3000元，。"},
		{"one eligible character is enough", textaug.PinyinNoise{Confusions: real, Rate: 0.01}, zhTokens(word("在", "IN")), 1, ""},
		{"protect adds characters", textaug.PinyinNoise{Confusions: everyChar{}, Rate: 1, Protect: "银行"}, bankSentence(), 11, "银行3000元"},
		{"nothing eligible", textaug.PinyinNoise{Confusions: real}, zhTokens(zhTok{"2024年", tokenize.Date, "CD", 0}, word("OK", "UH")), 0, "2024年OK"},
		{"no confusions", textaug.PinyinNoise{}, bankSentence(), 0, "我在银行"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tokenize.Join(tt.toks)
			orig := slices.Clone(tt.toks)
			outputs := map[string]bool{}
			for seed := uint64(0); seed < 30; seed++ {
				out := tt.edit.Edit(rand.New(rand.NewPCG(seed, 7)), tt.toks)
				got := tokenize.Join(out)
				outputs[got] = true
				d := diff(t, in, got)
				assert.Len(t, d, tt.changed, "%s -> %s", in, got)
				rin := []rune(in)
				for _, i := range d {
					assert.NotContains(t, tt.never, string(rin[i]), "%s -> %s", in, got)
				}
				require.Len(t, out, len(tt.toks), "tokens are changed in place, never split")
				for i := range out {
					if out[i].Text == tt.toks[i].Text {
						assert.Equal(t, tt.toks[i], out[i], "an unchanged token keeps its span and locks")
						continue
					}
					assert.Equal(t, tokenize.Word, out[i].Kind)
					assert.Equal(t, tt.toks[i].Tag, out[i].Tag)
					assert.True(t, out[i].Inserted(), "a changed token has no source span")
					assert.NotZero(t, out[i].Lock&tokenize.LockReplace)
				}
				if tt.changed == 0 {
					assert.Equal(t, &tt.toks[0], &out[0], "no change: toks itself")
				}
			}
			assert.Equal(t, orig, tt.toks, "the input tokens are not modified")
			if _, fixed := tt.edit.Confusions.(everyChar); tt.changed > 0 && !fixed {
				assert.Greater(t, len(outputs), 1, "seeds give different variants")
			}
		})
	}
}

// TestPinyinNoiseRealCandidates checks that every change is one that the
// pinyin table proposes, and lists what the default noise does to a
// sentence.
func TestPinyinNoiseRealCandidates(t *testing.T) {
	c := pinyin.Confusions{}
	toks := bankSentence()
	in := tokenize.Join(toks)
	for seed := uint64(0); seed < 10; seed++ {
		got := tokenize.Join(textaug.PinyinNoise{Confusions: c, Rate: 0.2}.Edit(rand.New(rand.NewPCG(seed, 1)), toks))
		rin, rgot := []rune(in), []rune(got)
		for _, i := range diff(t, in, got) {
			assert.Contains(t, c.Confusable(rin[i]), rgot[i], "%c -> %c", rin[i], rgot[i])
		}
		t.Logf("%s -> %s", in, got)
	}
}

func TestPinyinNoiseDeterministic(t *testing.T) {
	e := textaug.PinyinNoise{Confusions: pinyin.Confusions{Fuzzy: pinyin.FuzzyAll}, Rate: 0.3}
	toks := bankSentence()
	for seed := uint64(0); seed < 20; seed++ {
		a := e.Edit(rand.New(rand.NewPCG(seed, 3)), toks)
		b := e.Edit(rand.New(rand.NewPCG(seed, 3)), toks)
		assert.Equal(t, a, b, "seed %d", seed)
	}
}

// TestPinyinNoiseLocks: a token that refuses replacement keeps every
// character, and tokens of other kinds are never touched even when they
// hold Han characters and no lock.
func TestPinyinNoiseLocks(t *testing.T) {
	toks := zhTokens(
		zhTok{"张三", tokenize.Word, "NNP", tokenize.Frozen},
		zhTok{"在", tokenize.Word, "IN", tokenize.LockReplace},
		zhTok{"招商银行", tokenize.Word, "NN", tokenize.Frozen | tokenize.LockJoin},
		word("存", "VB"),
		zhTok{"五万元", tokenize.Money, "CD", 0},
		zhTok{"3月5日", tokenize.Date, "CD", 0},
		zhTok{"百分之十", tokenize.Percent, "CD", 0},
		zhTok{"尾号6789", tokenize.Identifier, "NN", 0},
		zhTok{"。", tokenize.Punct, "", 0},
	)
	e := textaug.PinyinNoise{Confusions: everyChar{}, Rate: 1}
	in := tokenize.Join(toks)
	for seed := uint64(0); seed < 20; seed++ {
		got := tokenize.Join(e.Edit(rand.New(rand.NewPCG(seed, 1)), toks))
		// 在 is a stopword (locked against synonyms only): a typo may reach it.
		assert.Equal(t, []int{2, 7}, diff(t, in, got), "only 在 and 存 are editable: %s", got)
	}
}

// TestPinyinNoiseKeepsNegationsAndNumerals: negation and numeral
// characters are never changed, even inside an unlocked word, and never
// written, whatever the confusions propose.
func TestPinyinNoiseKeepsNegationsAndNumerals(t *testing.T) {
	conf := confusions{
		'不': "布步", '布': "不部", '错': "措",
		'是': "十事", '个': "各", '三': "散", '每': "没美", '为': "未位", '无': "五物",
		'十': "是", '一': "以", '亿': "以", '以': "一亿已",
	}
	toks := zhTokens(word("不错", "JJ"), word("布", "NN"), word("三个", "CD"), word("每", "DT"),
		word("为", "IN"), word("是", "VC"), word("以", "IN"), word("一", "CD"), word("亿", "CD"), word("无", "VB"))
	in := tokenize.Join(toks)
	e := textaug.PinyinNoise{Confusions: conf, Rate: 1}
	for seed := uint64(0); seed < 50; seed++ {
		got := tokenize.Join(e.Edit(rand.New(rand.NewPCG(seed, 9)), toks))
		rin, rgot := []rune(in), []rune(got)
		for _, i := range diff(t, in, got) {
			assert.NotContains(t, "不三一亿无", string(rin[i]), "%s -> %s", in, got)
			assert.NotContains(t, "不没未十一亿五无", string(rgot[i]), "%s -> %s", in, got)
		}
		// Eligible: 错 (-> 措), 个 (-> 各), 为 (-> 位), 是 (-> 事), 每 (-> 美),
		// 以 (-> 已), 布 (-> 部); all change at rate 1.
		assert.Equal(t, "不措部三各美位事已一亿无", got)
	}
}

// TestPinyinNoiseComposes: the edit works inside composites and names
// itself "pinyin" in a Variant's Ops.
func TestPinyinNoiseComposes(t *testing.T) {
	toks := bankSentence()
	edit := textaug.Chain{textaug.PinyinNoise{Confusions: pinyin.Confusions{}}}
	out := edit.Edit(rand.New(rand.NewPCG(1, 1)), toks)
	assert.NotEqual(t, tokenize.Join(toks), tokenize.Join(out))
	assert.Equal(t, "pinyin", textaug.PinyinNoise{}.Name())
}

// Typing noise on a customer-service message, segmented by hand. The
// amount and the punctuation are frozen; one character in twenty (at
// least one) becomes a homophone an input method offers.
func ExamplePinyinNoise() {
	toks := zhTokens(
		word("我", "PRP"), word("在", "IN"), word("银行", "NN"), word("办理", "VB"), word("转账", "NN"),
		zhTok{"，", tokenize.Punct, "", tokenize.Frozen},
		word("已经", "RB"), word("收到", "VB"), word("了", "AS"),
		zhTok{"3000元", tokenize.Money, "CD", tokenize.Frozen},
		zhTok{"。", tokenize.Punct, "", tokenize.Frozen},
	)
	noise := textaug.PinyinNoise{Confusions: pinyin.Confusions{}}
	for seed := range uint64(4) {
		fmt.Println(tokenize.Join(noise.Edit(rand.New(rand.NewPCG(seed, 1)), toks)))
	}
	more := textaug.PinyinNoise{Confusions: pinyin.Confusions{Fuzzy: pinyin.FuzzyZZh | pinyin.FuzzyInIng}, Rate: 0.3}
	fmt.Println(tokenize.Join(more.Edit(rand.New(rand.NewPCG(1, 1)), toks)))
	// Output:
	// 我在银行办理转账，矣经收到了3000元。
	// 我在银行搬理转账，已经收到了3000元。
	// 我在银行办理专账，已经收到了3000元。
	// 我在银行办理转账，已经售到了3000元。
	// 我在银惺搬理转赃，已经收倒了3000元。
}
