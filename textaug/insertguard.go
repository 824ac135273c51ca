package textaug

import (
	"strings"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/tokenize"
)

// neutralOnly drops the candidates that lex gives a polarity, as a whole
// or in one of their words: an inserted word adds meaning where there was
// none, so it passes the polarity guard only in its strict form, with the
// polarity of nothing ("concern" never inserts "fear", "rose" never
// "increased"). cands is not modified.
func neutralOnly(lex *synonyms.PolarityLexicon, cands []string) []string {
	var out []string
	for i, c := range cands {
		if !polar(lex, c) {
			if out != nil {
				out = append(out, c)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(cands)), cands[:i]...)
		}
	}
	if out == nil {
		return cands
	}
	return out
}

func polar(lex *synonyms.PolarityLexicon, phrase string) bool {
	if lex.Polarity(phrase) != synonyms.Neutral {
		return true
	}
	for w := range strings.FieldsSeq(phrase) {
		if lex.Polarity(w) != synonyms.Neutral {
			return true
		}
	}
	return false
}

// insertSlots returns the slots where RandomInsert may put a word (see
// slots) and whether it may put it at the end of the text, after the last
// word; an inserted verb (isVerb) goes nowhere beside a verb. all is
// slots(toks); when isVerb, the slots are written into buf.
func insertSlots(toks []tokenize.Token, isVerb bool, all, buf []int) (sl []int, end bool) {
	sl = all
	e := lastContent(toks)
	if !isVerb {
		return sl, e >= 0
	}
	out := buf[:0]
	for _, j := range sl {
		if !verbBeside(toks, j) {
			out = append(out, j)
		}
	}
	return out, e >= 0 && !verbBeside(toks, e+1)
}

// verbBeside reports whether the slot before toks[j] (the end of the text
// when j == len(toks)) has a verb on either side, white space aside: an
// inserted verb never goes there ("profit climbed rose").
func verbBeside(toks []tokenize.Token, j int) bool {
	p := j - 1
	for p >= 0 && toks[p].Kind == tokenize.Space {
		p--
	}
	return p >= 0 && verb(toks[p].Tag) || j < len(toks) && verb(toks[j].Tag)
}

func verb(tag string) bool { return strings.HasPrefix(tag, "VB") || tag == "MD" }
