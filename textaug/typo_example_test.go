package textaug_test

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/textaug"
)

// Typing noise on a customer-service sentence: the amount, the date, the
// negation and "can't" never change; a typo never writes "not", "no" or
// another word of the risky list.
func ExampleTypo() {
	s := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.Typo{Rate: 0.2}}, K: 4, Seed: 1}
	res, err := s.Sample(context.Background(), "", "I was charged $25.80 twice on 5 March 2024 and I can't see the refund yet.")
	if err != nil {
		panic(err)
	}
	for _, v := range res.Variants {
		fmt.Println(v.Ops, v.Text)
	}
	// Output:
	// [typo] I was charged $25.80 twice on 5 March 2024 and I can't see thd refund yet.
	// [typo] I waw charged $25.80 twice on 5 March 2024 and I can't see the refund yet.
	// [typo] I was charged $25.80 twice on 5 March 2024 and I can't see tthe refund yet.
	// [typo] I was charged $25.80 twice on 5 March 2024 and I can't ese the refund yet.
}

// Contractions expanded and contracted, both ways in one sentence; the
// negation stays a negation.
func ExampleContraction() {
	s := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.Contraction{}}, K: 3, Seed: 1}
	res, err := s.Sample(context.Background(), "", "I can't log in and I do not know why, it's not my fault.")
	if err != nil {
		panic(err)
	}
	for _, v := range res.Variants {
		fmt.Println(v.Ops, v.Text)
	}
	// Output:
	// [contraction] I can't log in and I don't know why, it is not my fault.
	// [contraction] I cannot log in and I don't know why, it's not my fault.
	// [contraction] I cannot log in and I do not know why, it is not my fault.
}
