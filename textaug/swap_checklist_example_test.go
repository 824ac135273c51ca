package textaug_test

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// Entity swap: every company, place and person becomes another of its
// kind, the same one wherever it recurs. Opt-in: it changes facts.
func ExampleEntitySwap() {
	s := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.EntitySwap{}}, K: 3, Seed: 1}
	res, err := s.Sample(context.Background(), "", "Nokia said sales in Finland rose; Nokia expects more, CEO Anna Virtanen told reporters.")
	if err != nil {
		panic(err)
	}
	for _, v := range res.Variants {
		fmt.Println(v.Ops, v.Text)
	}
	// Output:
	// [entity-swap] Apple said sales in Italy rose; Apple expects more, CEO Mary Wood told reporters.
	// [entity-swap] Siemens said sales in Australia rose; Siemens expects more, CEO Markku Hall told reporters.
	// [entity-swap] Tieto said sales in Lithuania rose; Tieto expects more, CEO Pekka Clark told reporters.
}

// Number swap with the kinds a finance user lets change: dates and
// identifiers move, the percent and the amounts that carry the sentiment
// stay.
func ExampleNumberSwap() {
	edit := textaug.NumberSwap{Kinds: []tokenize.Kind{tokenize.Date, tokenize.Identifier}}
	s := textaug.Sampler{Aug: textaug.Tokens{Edit: edit}, K: 3, Seed: 1}
	res, err := s.Sample(context.Background(), "", "On 5 March 2024 net sales rose 3.5% to EUR 25.8 mn, order #A1234 says.")
	if err != nil {
		panic(err)
	}
	for _, v := range res.Variants {
		fmt.Println(v.Ops, v.Text)
	}
	// Output:
	// [number-swap] On 20 December 2019 net sales rose 3.5% to EUR 25.8 mn, order #A2130 says.
	// [number-swap] On 24 April 2026 net sales rose 3.5% to EUR 25.8 mn, order #A6799 says.
	// [number-swap] On 4 January 2028 net sales rose 3.5% to EUR 25.8 mn, order #A7518 says.
}
