package textaug

import (
	"slices"
	"strings"

	"github.com/textaug/textaug/tokenize"
)

// KeepsFigures reports whether variant keeps every figure of original
// (numbers, amounts, percents, dates, identifiers, URLs and emails) and at
// least as many negations (DefaultNegations, "n't" counting as "not"; in
// Chinese, each 不, 没, 未, 无 and 非 wherever it stands, and each word
// that starts with another one-character negation such as 别): it is
// Compare(original, variant).Keeps(), see [Compare] for how each language
// is compared.
//
// Word-level strategies keep these by construction; a translator does
// not, so the command line sets it as the Sampler's Accept whenever
// back-translation is on. Safe for concurrent use.
func KeepsFigures(original, variant string) bool {
	return Compare(original, variant).Keeps()
}

var negations = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range DefaultNegations {
		m[w] = true
	}
	return m
}()

func figures(s string) (figs []string, negs int) {
	return figuresIn(s, tokenize.Language(s))
}

// figuresIn lists the figures of s and counts its negations, tokenizing s
// as language lang ("zh" or "en") says.
func figuresIn(s, lang string) (figs []string, negs int) {
	var toks []tokenize.Token
	if lang == "zh" {
		toks, _ = tokenize.Chinese{}.Tokenize(s)
	}
	if toks == nil && s != "" {
		toks = tokenize.Tokenize(s) // English, or the segmenter failed to load
	}
	if lang == "zh" {
		defaultPolicy.build()
	}
	for _, t := range toks {
		switch t.Kind {
		case tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date, tokenize.Identifier, tokenize.URL, tokenize.Email:
			figs = append(figs, t.Text)
		case tokenize.Word, tokenize.Contraction:
			if negations[strings.ToLower(t.Text)] && !(lang == "zh" && hasHan(t.Text)) {
				negs++
			}
			if lang == "zh" && hasHan(t.Text) {
				negs += hanNegations(t.Text)
			}
		}
	}
	slices.Sort(figs)
	return figs, negs
}

func hasHan(s string) bool { return strings.IndexFunc(s, isHan) >= 0 }

// hanNegations counts the negations of a Chinese word as the default
// policy sees them: each character of negatesInside, or else one for a
// word that is a negation or starts with a one-character one (别走, 可别).
func hanNegations(w string) int {
	n := 0
	for _, r := range w {
		if defaultPolicy.negIn[r] {
			n++
		}
	}
	if n == 0 && defaultPolicy.negatedHan(w) || n == 0 && negations[w] {
		n = 1
	}
	return n
}
