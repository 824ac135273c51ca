package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// English tokenizes English text with Tokenize and tags the result once.
//
// The zero value tags with the shared prose v2 model (see Prose), loaded on
// first use. English is safe for concurrent use if its Tagger is.
type English struct {
	// Tagger assigns Penn Treebank tags; nil means the shared prose model.
	Tagger Tagger
}

// Tokenize splits s losslessly (see the package-level Tokenize) and tags
// every non-space token. The error is only ever a failure to load the
// default tagger's model.
func (e English) Tokenize(s string) ([]Token, error) {
	toks := Tokenize(s)
	tg := e.Tagger
	if tg == nil {
		p, err := Prose()
		if err != nil {
			return nil, err
		}
		tg = p
	}
	TagTokens(tg, toks)
	return toks, nil
}

// TagTokens tags the non-space tokens of toks in place with tg, as one
// sequence.
//
// Two kinds of capitals mislead a tagger trained on edited news text, and
// both are common in chat: text in capitals ("MY CARD IS BLOCKED") is
// tagged as if it were lower case, and a capitalised first word that comes
// out as a proper noun ("Card blocked") is tagged again in lower case and
// keeps the proper-noun tag only if it still gets one.
func TagTokens(tg Tagger, toks []Token) {
	words, tags := tagSeq(tg, toks, false)
	if len(words) == 0 {
		return
	}
	upper, wordsN := 0, 0
	for _, w := range words {
		if isLetters(w) {
			wordsN++
			if len(w) > 1 && isUpper(w) {
				upper++
			}
		}
	}
	switch {
	case wordsN >= 2 && upper*10 >= wordsN*6:
		_, tags = tagSeq(tg, toks, true)
	case (tags[0] == "NNP" || tags[0] == "NNPS") && isTitle(words[0]):
		first := words[0]
		words[0] = strings.ToLower(first)
		again := make([]string, len(words))
		tg.Tag(words, again)
		if again[0] != "NNP" && again[0] != "NNPS" {
			tags = again
		}
	}
	n := 0
	for i := range toks {
		if toks[i].Kind != Space {
			toks[i].Tag = tags[n]
			n++
		}
	}
}

// isUpper reports whether strings.ToUpper(w) == w, without building the
// upper-case copy.
func isUpper(w string) bool {
	for _, r := range w {
		if r == utf8.RuneError {
			return strings.ToUpper(w) == w // invalid UTF-8 becomes U+FFFD
		}
		if unicode.ToUpper(r) != r {
			return false
		}
	}
	return true
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func isTitle(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && n < len(w) && strings.ToLower(w[n:]) == w[n:]
}

// tagSeq tags the non-space tokens of toks (lower-cased when lower) and
// returns their words and tags.
func tagSeq(tg Tagger, toks []Token, lower bool) (words, tags []string) {
	n := 0
	for i := range toks {
		if toks[i].Kind != Space {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	buf := make([]string, 2*n)
	words, tags = buf[:n], buf[n:]
	n = 0
	for i := range toks {
		if toks[i].Kind != Space {
			words[n] = toks[i].Text
			if lower {
				words[n] = strings.ToLower(words[n])
			}
			n++
		}
	}
	tg.Tag(words, tags)
	return words, tags
}
