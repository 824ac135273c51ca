package textaug

import (
	"slices"
	"strings"

	"github.com/textaug/textaug/tokenize"
)

// KeepsFigures reports whether variant keeps every figure of original
// (numbers, amounts, percents, dates, identifiers, URLs and emails, byte
// for byte, as the same multiset) and at least as many negations
// (DefaultNegations, "n't" counting as "not").
//
// Word-level strategies keep these by construction; a translator does
// not, so the command line sets it as the Sampler's Accept whenever
// back-translation is on. Safe for concurrent use.
func KeepsFigures(original, variant string) bool {
	fa, na := figures(original)
	fb, nb := figures(variant)
	return nb >= na && slices.Equal(fa, fb)
}

var negations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range DefaultNegations {
		m[w] = true
	}
	return m
}()

func figures(s string) (figs []string, negs int) {
	for _, t := range tokenize.Tokenize(s) {
		switch t.Kind {
		case tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date, tokenize.Identifier, tokenize.URL, tokenize.Email:
			figs = append(figs, t.Text)
		case tokenize.Word, tokenize.Contraction:
			if negations[strings.ToLower(t.Text)] {
				negs++
			}
		}
	}
	slices.Sort(figs)
	return figs, negs
}
