package synonyms_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/textaug/textaug/synonyms"
)

func TestTableLookups(t *testing.T) {
	tab := synonyms.NewTable([]synonyms.Entry{
		{Word: "Top  Up", POS: synonyms.Verb, Synonyms: []string{"reload", "TOP_UP", "reload"}},
		{Word: "fast", Synonyms: []string{"quick", "fast"}},
		{Word: "card", POS: synonyms.Noun, Synonyms: []string{"bank card"}},
		{Word: "card", POS: synonyms.Noun, Synonyms: []string{"debit card"}},
	}, nil)
	assert.Equal(t, 3, tab.Len())
	assert.Equal(t, []string{"reload"}, tab.Synonyms("top up", "VB"), "normalised, merged, sorted, without the word")
	assert.Equal(t, []string{"quick"}, tab.Synonyms("FAST", "JJ"), "Any entries answer every part of speech")
	assert.Equal(t, []string{"bank card", "debit card"}, tab.Synonyms("card", "NN"))
	assert.Equal(t, []string{"bank card", "debit card"}, tab.Synonyms("card", ""), "no tag: every part of speech")
	assert.Nil(t, tab.Synonyms("card", "VB"))
	assert.Nil(t, tab.Synonyms("card", "NNP"), "proper nouns get nothing")
	assert.Nil(t, tab.Synonyms("card", "DT"), "closed classes get nothing")
	var zero *synonyms.Table
	assert.Nil(t, zero.Synonyms("card", "NN"))
}

func TestTableOwnsItsEmptyEntries(t *testing.T) {
	user := synonyms.NewTable([]synonyms.Entry{
		{Word: "card", POS: synonyms.Noun},
		{Word: "refund", POS: synonyms.Noun, Synonyms: []string{"money back"}},
	}, nil)
	base := synonyms.NewTable([]synonyms.Entry{
		{Word: "card", Synonyms: []string{"poster"}},
		{Word: "fee", Synonyms: []string{"charge"}},
	}, nil)
	stack := synonyms.Layered{user, base}
	assert.True(t, user.Owns("card", "NN"))
	assert.False(t, user.Owns("card", "VB"), "only the listed part of speech")
	assert.Nil(t, stack.Synonyms("card", "NN"), "an empty user entry is final")
	assert.Equal(t, []string{"poster"}, stack.Synonyms("card", "VB"))
	assert.Equal(t, []string{"money back"}, stack.Synonyms("refund", "NN"))
	assert.Equal(t, []string{"charge"}, stack.Synonyms("fee", ""))
	assert.False(t, user.Owns("fee", "NN"))
}
