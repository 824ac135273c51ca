package textaug

import (
	"slices"
	"strings"
	"unicode"

	"github.com/textaug/textaug/tokenize"
)

// Loss is what a variant lost against its original, as [Compare] finds
// it. The zero value is a variant that lost nothing.
type Loss struct {
	// Figures: a figure (number, amount, percent, date, identifier, URL,
	// email) of the original is missing or changed in the variant.
	Figures bool
	// Negations: the variant has fewer negations than the original.
	Negations bool
	// Equal: the variant is the original, byte for byte.
	Equal bool
}

// Keeps reports whether nothing a label lives on was lost: no figure
// changed and no negation lost. An equal variant keeps everything.
func (l Loss) Keeps() bool { return !l.Figures && !l.Negations }

// Compare compares a variant with its original: the one comparison behind
// the Sampler's accept check ([KeepsFigures]) and eval's preservation
// table. Both texts are read in the language tokenize.Language gives the
// original. Safe for concurrent use.
//
// English (and any text not Chinese) is compared token by token: the
// figures of both, written byte for byte, must be the same multiset, and
// the variant must have at least as many negations ([DefaultNegations],
// "n't" counting as "not").
//
// Chinese is compared by bytes, because an edited Chinese text may be
// segmented differently from its original (two numerals brought together
// by a swap read as one number): every figure of the original must occur
// in the variant at least as often as in the original. A negation counts
// as lost only when both readings say so: the variant has fewer negation
// characters (the one-character Han entries of DefaultNegations, wherever
// they stand, since a swap may split a word) and fewer negations by the
// policy's tokens (别 inside 特别 is no negation).
func Compare(original, variant string) Loss {
	lang := langOf(original)
	fo, no := figuresIn(original, lang)
	fv, nv := figuresIn(variant, lang)
	l := Loss{Equal: original == variant}
	if lang != tokenize.LangZH {
		l.Figures = !slices.Equal(fo, fv)
		l.Negations = nv < no
		return l
	}
	for i, f := range fo {
		if i > 0 && f == fo[i-1] {
			continue // fo is sorted: count each figure once
		}
		if strings.Count(variant, f) < countOf(fo, f) {
			l.Figures = true
		}
	}
	l.Negations = nv < no && hanNegationChars(variant) < hanNegationChars(original)
	return l
}

func countOf(s []string, v string) int {
	n := 0
	for _, x := range s {
		if x == v {
			n++
		}
	}
	return n
}

// hanNegationChars counts the characters of s that are one-character Han
// entries of DefaultNegations.
func hanNegationChars(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) && negations[string(r)] {
			n++
		}
	}
	return n
}
