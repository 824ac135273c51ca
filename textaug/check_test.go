package textaug_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/textaug"
)

func TestCheck(t *testing.T) {
	orig := "Nokia says it won't pay the $25.80 fee charged on 5 March 2024."
	cases := []struct {
		variant string
		want    error
	}{
		{"Nokia states it will not pay the $25.80 fee charged on 5 March 2024.", nil},
		{"Nokia says it won't pay the $25.8 fee charged on 5 March 2024.", textaug.ErrFigureChanged},
		{"Nokia says it won't pay the fee charged on 5 March 2024.", textaug.ErrFigureChanged},
		{"Nokia says it will pay the $25.80 fee charged on 5 March 2024.", textaug.ErrNegationLost},
		{"The company says it won't pay the $25.80 fee charged on 5 March 2024.", textaug.ErrEntityLost},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, textaug.Check(orig, c.variant), c.variant)
	}
	assert.NoError(t, textaug.Check("Why was my card declined?", "How come my card got declined?"), "a sentence-initial capital is no entity")
	assert.Equal(t, textaug.ErrNegationLost, textaug.Check("我的卡不能用了", "我的卡能用了"))
}

func TestMustKeep(t *testing.T) {
	p := &textaug.Policy{Anchors: []string{"refund"}, Keep: []string{"Apple Pay"}}
	got := p.MustKeep("I can't get a refund of $25.80 from Apple Pay via Revolut on 5 March 2024, not fair.")
	assert.Equal(t, []string{"can't", "refund", "$25.80", "Apple Pay", "5 March 2024", "not", "Revolut"}, got)
}
