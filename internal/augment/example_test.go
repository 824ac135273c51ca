package augment_test

import (
	"context"
	"fmt"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/recipe"
)

// The engine of a preset makes the same variants for the same seed, in
// every front-end.
func ExampleEngine_Sample() {
	rec, _ := recipe.Resolve("aeda", "")
	rec.K = 3
	eng, err := augment.New(rec, 1)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer eng.Close()
	res, err := eng.Sample(context.Background(), []string{"Why was my card declined at the shop?"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range res[0].Variants {
		fmt.Println(v.Ops, v.Text)
	}
	// Output:
	// [punct] Why ? was ? my card : declined at the shop?
	// [punct] Why was my card declined at . the shop?
	// [punct] Why was my card declined at the ! shop?
}
