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
	// [entity-swap] SAP said sales in Ukraine rose; SAP expects more, CEO Robert Jackson told reporters.
	// [entity-swap] Alphabet said sales in Belgium rose; Alphabet expects more, CEO Andrew Miller told reporters.
	// [entity-swap] Microsoft said sales in Italy rose; Microsoft expects more, CEO Charlotte Scott told reporters.
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
	// [number-swap] On 2 December 2026 net sales rose 3.5% to EUR 25.8 mn, order #A5349 says.
	// [number-swap] On 14 December 2019 net sales rose 3.5% to EUR 25.8 mn, order #A6098 says.
	// [number-swap] On 18 June 2020 net sales rose 3.5% to EUR 25.8 mn, order #A5869 says.
}
