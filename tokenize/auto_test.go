package tokenize_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/tokenize"
)

func TestLanguage(t *testing.T) {
	cases := []struct{ text, want string }{
		{"", "en"},
		{"123 456 !?", "en"},
		{"I lost my card", "en"},
		{"我的银行卡丢了", "zh"},
		{"订单A20240305没有到账", "zh"},                      // 7 Han, 1 letter
		{"我用Apple Pay付款了", "zh"},                       // 5 Han, 8 letters: 38%
		{"I paid 100元 for the Apple Pay top-up", "en"}, // 1 Han, 24 letters
		{"请问 customer service 在哪里", "en"},              // 5 Han, 15 letters: 25%
		{"OK，附近有什么饭店么？", "zh"},
		{"Das ist gut", "en"},
		{"こんにちは", "en"},   // kana are letters of another script
		{"株式会社の決算", "zh"}, // kanji are Han characters
	}
	for _, c := range cases {
		assert.Equal(t, c.want, tokenize.Language(c.text), "%q", c.text)
	}
}

func TestAutoPicksTheTokenizer(t *testing.T) {
	for _, s := range []string{"我的银行卡昨天没有收到退款。", "I lost my card yesterday.", "我用Apple Pay付款了", "I paid 100元 today"} {
		got, err := tokenize.Auto{}.Tokenize(s)
		require.NoError(t, err)
		var want []tokenize.Token
		if tokenize.Language(s) == "zh" {
			want, err = tokenize.Chinese{}.Tokenize(s)
		} else {
			want, err = tokenize.English{}.Tokenize(s)
		}
		require.NoError(t, err)
		assert.Equal(t, want, got, s)
	}
}

func ExampleLanguage() {
	for _, s := range []string{"我的银行卡丢了", "订单A20240305没有到账", "I paid 100元 for the top-up"} {
		fmt.Println(tokenize.Language(s), s)
	}
	// Output:
	// zh 我的银行卡丢了
	// zh 订单A20240305没有到账
	// en I paid 100元 for the top-up
}
