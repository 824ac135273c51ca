package eval_test

import (
	"fmt"

	"github.com/textaug/textaug/internal/eval"
)

func ExampleLRS() {
	texts := []string{"a", "b", "c", "d", "e", "f"}
	labels := []string{"x", "x", "x", "y", "y", "z"}
	fmt.Println(eval.LRS(texts, labels, 1, 0))
	fmt.Println(eval.LRS(texts, labels, 2, 0)) // contains the N=1 subset
	fmt.Println(eval.LRS(texts, labels, 1, 2)) // another seed, another subset
	// Output:
	// [0 3 5]
	// [0 2 3 4 5]
	// [2 4 5]
}

func ExampleLRSTotal() {
	texts := make([]string, 10)
	labels := make([]string, 10)
	for i := range texts {
		texts[i] = fmt.Sprint("text ", i)
		labels[i] = map[bool]string{true: "big", false: "small"}[i < 8]
	}
	// 8 and 2 rows: 5 seats give 4 and 1.
	idx := eval.LRSTotal(texts, labels, 5, 0)
	fmt.Println(len(idx), idx)
	// Output:
	// 5 [2 3 4 7 9]
}

func ExampleFolds() {
	labels := []string{"a", "a", "a", "a", "b", "b", "b", "b", "b", "b"}
	for _, f := range eval.Folds(labels, 3, 0) {
		fmt.Println(f)
	}
	// Output:
	// [1 3 5 9]
	// [2 7 8]
	// [0 4 6]
}

func ExampleTrain() {
	texts := []string{
		"my card has not arrived", "where is my new card", "the card never came",
		"I want a refund", "how do I get my money back", "refund my payment",
	}
	labels := []string{"card", "card", "card", "refund", "refund", "refund"}
	c, err := eval.Train(texts, labels, nil, eval.Config{})
	if err != nil {
		fmt.Println(err)
		return
	}
	test := []string{"my card did not come", "refund please"}
	gold := []string{"card", "refund"}
	pred := c.Predict(test)
	fmt.Println(c.Labels(), pred, eval.Accuracy(gold, pred))
	// Output:
	// [card refund] [card refund] 1
}

func ExampleMeanStd() {
	mean, std := eval.MeanStd([]float64{0.80, 0.82, 0.84})
	fmt.Printf("%.2f ± %.2f\n", mean, std)
	// Output:
	// 0.82 ± 0.02
}

func ExampleMacroF1() {
	gold := []string{"neg", "neg", "pos", "pos", "neu"}
	pred := []string{"neg", "pos", "pos", "pos", "neg"}
	fmt.Printf("accuracy %.2f, macro-F1 %.3f\n", eval.Accuracy(gold, pred), eval.MacroF1(gold, pred))
	// Output:
	// accuracy 0.60, macro-F1 0.433
}
