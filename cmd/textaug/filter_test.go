package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The filter's classifier learns English on words and Chinese on
// characters.
func TestFilterTrainer(t *testing.T) {
	for _, c := range []struct{ texts, labels, probe []string }{
		{
			[]string{"where is my new card", "my card has not arrived", "what is the exchange rate", "exchange rate for euros"},
			[]string{"card", "card", "rate", "rate"},
			[]string{"has my card arrived", "the rate of exchange"},
		},
		{
			[]string{"这家餐馆的电话多少", "请告诉我电话号码", "餐馆的地址在哪里", "地址发我一下"},
			[]string{"电话", "电话", "地址", "地址"},
			[]string{"酒店电话是多少", "酒店地址在哪"},
		},
	} {
		m, err := filterTrainer(c.texts, c.labels)
		require.NoError(t, err)
		assert.Equal(t, []string{c.labels[0], c.labels[2]}, m.Predict(c.probe))
	}
}
