package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// ChineseShare is the share of Han characters among the letters of a text
// (Han characters plus letters of other scripts) from which Language calls
// the text Chinese.
const ChineseShare = 0.3

// Language returns "zh" when Han characters make up at least ChineseShare
// (30%) of the text's letters and Han characters, and "en" otherwise (also
// for a text without letters). Digits, punctuation, symbols and white
// space do not count, so "订单A20240305没有到账" is "zh" and "I paid
// 100元 for the Apple Pay top-up" is "en".
func Language(text string) string {
	han, letters := 0, 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		switch {
		case r < utf8.RuneSelf:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				letters++
			}
		case isHan(r):
			han++
		case unicode.IsLetter(r):
			letters++
		}
	}
	if han > 0 && float64(han) >= ChineseShare*float64(han+letters) {
		return "zh"
	}
	return "en"
}

// Auto tokenizes each text with Chinese or English, as Language decides
// for that text. The zero value uses the zero English and Chinese
// tokenizers (the shared tagger and segmenter, each loaded on first use:
// a corpus without Chinese never loads the segmenter). Auto is safe for
// concurrent use if its English tagger is.
type Auto struct {
	English English
	Chinese Chinese
}

// Tokenize implements the Tokenizer of package textaug.
func (a Auto) Tokenize(text string) ([]Token, error) {
	if Language(text) == "zh" {
		return a.Chinese.Tokenize(text)
	}
	return a.English.Tokenize(text)
}
