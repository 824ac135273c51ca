package textaug_test

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// Five EDA variants of a customer-service sentence with the default
// English synonym source. The amount, the date and "can't" survive every
// variant; the same seed gives the same output on every machine.
func ExampleSampler() {
	src, err := builtin.Default() // domain packs over WordNet, polarity guard
	if err != nil {
		panic(err)
	}
	s := textaug.Sampler{
		Aug:  textaug.Tokens{Edit: textaug.EDA(src, 0.1)},
		K:    5,
		Seed: 1,
	}
	res, err := s.Sample(context.Background(), "", "I was charged $25.80 on 5 March 2024 and I can't find the refund.")
	if err != nil {
		panic(err)
	}
	for _, v := range res.Variants {
		fmt.Println(v.Ops, v.Text)
	}
	// Output:
	// [swap] Was I charged $25.80 on 5 March 2024 and I can't find the refund.
	// [synonym] I was billed $25.80 on 5 March 2024 and I can't find the refund.
	// [insert] I was charged $25.80 on 5 March 2024 and I can't find the bump refund.
	// [synonym] I was charged $25.80 on 5 March 2024 and I can't discover the refund.
	// [delete] I was charged $25.80 on 5 March 2024 and I can't the refund.
}

// A shortfall is reported, never padded.
func ExampleSampler_shortfall() {
	s := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.RandomSwap{}}, K: 3, Seed: 1}
	res, _ := s.Sample(context.Background(), "", "Refund 12345678 for $5")
	fmt.Println(len(res.Variants), res.Shortfall, res.Reason)
	res, _ = s.Sample(context.Background(), "", "USD 3 million")
	fmt.Println(len(res.Variants), res.Shortfall, res.Reason)
	// Output:
	// 0 3 only 0 distinct variants in 22 attempts
	// 0 3 no editable word
}

// Keep lists protect words and phrases beyond the built-in policy.
func ExamplePolicy() {
	p := &textaug.Policy{Keep: []string{"Apple Pay"}}
	toks, _ := textaug.Tokens{Policy: p}.Analyse("My Apple Pay top-up failed, not again!")
	for _, t := range toks {
		if t.Kind != tokenize.Space {
			fmt.Printf("%s/%s/%s frozen=%v\n", t.Text, t.Kind, t.Tag, t.Lock&tokenize.Frozen == tokenize.Frozen)
		}
	}
	// Output:
	// My/word/PRP$ frozen=false
	// Apple/word/JJ frozen=true
	// Pay/word/NNP frozen=true
	// top-up/word/NN frozen=false
	// failed/word/VBD frozen=true
	// ,/punct/, frozen=true
	// not/word/RB frozen=true
	// again/word/RB frozen=false
	// !/punct/. frozen=true
}

// AEDA: punctuation marks inserted between words.
func ExamplePunctuation() {
	toks, _ := textaug.Tokens{}.Analyse("Operating profit rose to EUR 25.8 mn from EUR 19.3 mn.")
	r := textaug.Stream(7, "example", 0)
	fmt.Println(tokenize.Join(textaug.Punctuation{}.Edit(r, toks)))
	// Output:
	// : Operating profit rose to EUR 25.8 mn from EUR 19.3 mn.
}

// Stream depends only on (seed, key, attempt).
func ExampleStream() {
	a := textaug.Stream(1, "I lost my card", 0).IntN(1000)
	b := textaug.Stream(1, "I lost my card", 0).IntN(1000)
	c := textaug.Stream(1, "I lost my card", 1).IntN(1000)
	fmt.Println(a == b, a == c)
	// Output:
	// true false
}
