package tokenize_test

import (
	"fmt"

	"github.com/textaug/textaug/tokenize"
)

// Chinese words come without spaces between them; figures are single
// tokens of their kind, and Join gives back the text byte for byte.
func ExampleChinese() {
	s := "公司第三季度净利润同比增长15.3%，达到3.5亿元。"
	toks, err := tokenize.Chinese{}.Tokenize(s)
	if err != nil {
		panic(err)
	}
	for _, t := range toks {
		fmt.Printf("%s %s %s\n", t.Text, t.Kind, t.Tag)
	}
	fmt.Println(tokenize.Join(toks) == s)
	// Output:
	// 公司 word NN
	// 第三季度 number CD
	// 净利润 word NN
	// 同比 word NN
	// 增长 word VB
	// 15.3% percent CD
	// ， punct ,
	// 达到 word VB
	// 3.5亿元 money CD
	// 。 punct .
	// true
}

// Mixed Chinese, English and digits: Latin runs follow the English rules
// and keep their spaces; amounts, dates and order numbers are protected
// figures.
func ExampleChinese_mixed() {
	toks, err := tokenize.Chinese{}.Tokenize("我用Apple Pay在2024年3月5日下午3点付了人民币5000元，订单号A20240305")
	if err != nil {
		panic(err)
	}
	for _, t := range toks {
		if t.Kind != tokenize.Word {
			fmt.Printf("%q %s\n", t.Text, t.Kind)
		}
	}
	// Output:
	// " " space
	// "2024年3月5日下午3点" date
	// "人民币5000元" money
	// "，" punct
	// "A20240305" identifier
}
