package textaug_test

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// EDA and AEDA on a Chinese customer-service sentence with a small user
// lexicon. The order number, the date and 没有 survive every variant, and
// no space is inserted between Chinese words.
func ExampleTokens_chinese() {
	lexicon := synonyms.NewTable([]synonyms.Entry{
		{Word: "退款", Synonyms: []string{"退钱"}},
		{Word: "收到", Synonyms: []string{"接到"}},
		{Word: "信用卡", Synonyms: []string{"贷记卡"}},
	}, nil)
	s := textaug.Sampler{
		Aug: textaug.Tokens{
			Tokenizer: tokenize.Chinese{},
			Edit: textaug.OneOf{Edits: []textaug.Edit{
				textaug.EDA(lexicon, 0.1),
				textaug.Punctuation{},
			}},
		},
		K:    6,
		Seed: 1,
	}
	res, err := s.Sample(context.Background(), "", "我的信用卡3月5日的退款还没有收到，订单号A20240305。")
	if err != nil {
		panic(err)
	}
	for _, v := range res.Variants {
		fmt.Println(v.Ops, v.Text)
	}
	// Output:
	// [punct] ；我的信用卡3月5日的退款还没有？收到，订单号A20240305。
	// [punct] ，我的信用卡3月5日的退款。还没有收到，订单号A20240305。
	// [swap] 我的信用卡3月5日的退款收到没有还，订单号A20240305。
	// [synonym] 我的信用卡3月5日的退钱还没有收到，订单号A20240305。
	// [punct] 我的信用卡3月5日的退款；还没有收到，订单号A20240305。
	// [synonym] 我的贷记卡3月5日的退款还没有收到，订单号A20240305。
}
