package textaug

import (
	"errors"
	"slices"
	"strings"

	"github.com/textaug/textaug/textaug/lexdata"
	"github.com/textaug/textaug/tokenize"
)

// Reasons Check gives, for counting refused variants by reason.
var (
	ErrFigureChanged = errors.New("lost or changed a figure")
	ErrNegationLost  = errors.New("lost a negation")
	ErrEntityLost    = errors.New("lost an entity")
)

// Check reports why variant, a free rewrite of original (a paraphrase, a
// translation), does not keep what the label may hang on: ErrFigureChanged
// when a number, amount, percent, date, identifier, URL or email is not
// there byte for byte (see KeepsFigures), ErrNegationLost when it has
// fewer negations, ErrEntityLost when a name of original is missing (a
// word the tagger calls a proper noun, other than the first word, or a
// name of the embedded lists). nil when it keeps all three. Safe for
// concurrent use.
func Check(original, variant string) error {
	lang := langOf(original)
	fa, na := figuresIn(original, lang)
	fb, nb := figuresIn(variant, lang)
	switch {
	case !slices.Equal(fa, fb):
		return ErrFigureChanged
	case nb < na:
		return ErrNegationLost
	}
	for _, e := range entitiesOf(original) {
		if !strings.Contains(variant, e) {
			return ErrEntityLost
		}
	}
	return nil
}

// entitiesOf lists the names in an English text: proper nouns other than
// the first word, and the names of lexdata.Names.
func entitiesOf(text string) []string {
	if tokenize.Language(text) == "zh" {
		return nil
	}
	toks, err := tokenize.English{}.Tokenize(text)
	if err != nil {
		return nil
	}
	var out []string
	first := firstContent(toks)
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != tokenize.Word || caseOf(t.Text) == caseLower {
			continue
		}
		words, idx := nameWords(toks, i)
		if n, _ := lexdata.Names().Match(words); n > 0 {
			out = append(out, strings.Join(words[:n], " "))
			i = idx[n-1]
			continue
		}
		if (t.Tag == "NNP" || t.Tag == "NNPS") && i != first && len(t.Text) > 1 {
			out = append(out, t.Text)
		}
	}
	return out
}

// MustKeep lists, without repeats, what a free rewrite of text must keep
// for its label to hold, as the policy p sees it: in text order the
// figures (numbers, amounts, percents, dates, identifiers, URLs, emails),
// the negations and the words of p's Anchors and Keep list that text
// holds, then the names (see Check). A paraphrasing prompt names them. A nil p is
// the default policy.
func (p *Policy) MustKeep(text string) []string {
	if p == nil {
		p = defaultPolicy
	}
	p.build()
	toks, err := Tokens{Policy: p}.Analyse(text)
	if err != nil {
		return nil
	}
	var out []string
	add := func(s string) {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	names := entitiesOf(text)
	kept := p.userKept(toks)
	for i, t := range toks {
		lw := lower(t.Text)
		switch {
		case figure(t.Kind) || t.Kind == tokenize.URL || t.Kind == tokenize.Email:
			add(t.Text)
		case t.Kind == tokenize.Contraction && negations[lw]:
			add(tokenize.Join(toks[max(i-1, 0) : i+1]))
		case t.Kind != tokenize.Word:
		case kept[i] && i >= 2 && kept[i-2] && toks[i-1].Kind == tokenize.Space && len(out) > 0:
			out[len(out)-1] += toks[i-1].Text + t.Text // a Keep phrase stays one
		case p.negation[lw] || p.negatedHan(lw) || p.anchor[lw] || kept[i]:
			add(t.Text)
		}
	}
	for _, n := range names {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.Contains(o, n) }) {
			add(n)
		}
	}
	return out
}
