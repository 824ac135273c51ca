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
	for _, w := range defaultNegations {
		m[w] = true
	}
	return m
}()

func figures(s string) (figs []string, negs int) {
	return figuresIn(s, langOf(s))
}

// langOf is the language tokenize.Auto would cut s for.
func langOf(s string) tokenize.Lang {
	if tokenize.Language(s) == "zh" {
		return tokenize.LangZH
	}
	return tokenize.LangEN
}

// figuresIn lists the figures of s and counts its negations, tokenizing s
// for language lang; each token then says which rules count its negations.
// A text longer than PieceBytes is read piece by piece (Pieces), as the
// edits read it.
func figuresIn(s string, lang tokenize.Lang) (figs []string, negs int) {
	for _, piece := range piecesOf(s) {
		f, n := figuresOf(piece, lang)
		figs, negs = append(figs, f...), negs+n
	}
	slices.Sort(figs)
	return figs, negs
}

// figuresOf is figuresIn for one piece, its figures in text order.
func figuresOf(s string, lang tokenize.Lang) (figs []string, negs int) {
	var toks []tokenize.Token
	if lang == tokenize.LangZH {
		toks, _ = tokenize.Chinese{}.Tokenize(s)
		defaultPolicy.build()
	}
	if toks == nil && s != "" {
		toks = tokenize.Tokenize(s) // English, or the segmenter failed to load
	}
	for _, t := range toks {
		switch t.Kind {
		case tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date, tokenize.Identifier, tokenize.URL, tokenize.Email:
			figs = append(figs, t.Text)
		case tokenize.Word, tokenize.Contraction:
			zh := t.Lang == tokenize.LangZH && hasHan(t.Text)
			if negations[strings.ToLower(t.Text)] && !zh {
				negs++
			}
			if zh {
				negs += hanNegations(t.Text)
			}
		}
	}
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
