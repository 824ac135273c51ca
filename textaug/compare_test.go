package textaug_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/textaug"
)

func TestCompare(t *testing.T) {
	cases := []struct {
		name, a, b string
		want       textaug.Loss
	}{
		{"english reordered", "Sales fell 3% in 2024.", "In 2024 sales fell 3%.", textaug.Loss{}},
		{"english figure changed", "Sales fell 3% in 2024.", "Sales fell 3 percent in 2024.", textaug.Loss{Figures: true}},
		{"english figure added", "Sales fell 3%.", "Sales fell 3% in 2024.", textaug.Loss{Figures: true}},
		{"english negation lost", "The company didn't pay a dividend.", "The company paid a dividend.", textaug.Loss{Negations: true}},
		{"english contraction expanded", "The company didn't pay a dividend.", "The company did not pay a dividend.", textaug.Loss{}},
		{"equal", "Sales fell 3%.", "Sales fell 3%.", textaug.Loss{Equal: true}},
		{"chinese moved", "我没有收到3.5亿元的退款", "3.5亿元的退款我没有收到", textaug.Loss{}},
		{"chinese figure changed", "我没有收到3.5亿元的退款", "我没有收到3.6亿元的退款", textaug.Loss{Figures: true}},
		{"chinese negation lost", "我没有收到3.5亿元的退款", "我有收到3.5亿元的退款", textaug.Loss{Negations: true}},
		// A swap brings two numerals together; the segmenter reads them as
		// one number, but every figure of the original is still there.
		{"chinese resegmented", "我要一点，再要一点", "我要一点一点，再要", textaug.Loss{}},
		// 别 inside 特别 is no negation: moving it is no loss.
		{"chinese negation inside a word", "这个特别好，别忘了", "别忘了，这个特别好", textaug.Loss{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := textaug.Compare(c.a, c.b)
			assert.Equal(t, c.want, got)
			assert.Equal(t, got.Keeps(), textaug.KeepsFigures(c.a, c.b))
		})
	}
}
