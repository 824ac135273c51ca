package textaug_test

import (
	"github.com/textaug/textaug/synonyms"
)

// table is a small synonym source for tests: the strategies are tested
// apart from WordNet.
var table = synonyms.NewTable([]synonyms.Entry{
	{Word: "card", POS: synonyms.Noun, Synonyms: []string{"debit card", "bank card"}},
	{Word: "lost", POS: synonyms.Verb, Synonyms: []string{"misplaced"}},
	{Word: "find", POS: synonyms.Verb, Synonyms: []string{"locate", "track down"}},
	{Word: "help", Synonyms: []string{"assist", "aid"}},
	{Word: "new", POS: synonyms.Adj, Synonyms: []string{"fresh", "replacement"}},
	{Word: "profit", POS: synonyms.Noun, Synonyms: []string{"earnings", "income"}},
	{Word: "rose", POS: synonyms.Verb, Synonyms: []string{"climbed", "increased"}},
	{Word: "sales", POS: synonyms.Noun, Synonyms: []string{"revenue", "turnover"}},
	{Word: "company", POS: synonyms.Noun, Synonyms: []string{"firm", "group"}},
	{Word: "payment", POS: synonyms.Noun, Synonyms: []string{"transfer", "transaction"}},
	{Word: "apple", POS: synonyms.Noun, Synonyms: []string{"orange", "yellow apple"}},
	{Word: "big", POS: synonyms.Adj, Synonyms: []string{"large", "uber"}},
}, nil)

// sentences are customer-service and finance sentences with everything
// the protection policy must keep.
var sentences = []string{
	"I lost my card and I can't find it, please help!",
	"Operating profit rose to EUR 25.8 mn from EUR 19.3 mn in 2007.",
	"Why was I charged a $2.50 fee on my top-up of £40 on 5 March 2024?",
	"My payment of 1,234.56 to account 12345678 has not arrived after 3 days.",
	"Net sales fell 3% (3 percent) and the company did not pay a dividend.",
	"Call +44 20 7946 0958 or email help@example.com about order #12345.",
	"Shares of $AAPL and NASDAQ:AAPL rose 2.5 per cent at 10:30 am.",
	"I never received the refund for card 4111 1111 1111 1111 :(",
	"The new card won't work at the ATM without a PIN, see https://example.com/pin.",
	"Profit didn't rise, it hardly changed: USD 3 million vs USD 3.1 million.",
}
