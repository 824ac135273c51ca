package tokenize

import "strings"

// Kind says what a token is. Kinds decide what the default protection
// policy of package textaug lets strategies edit.
type Kind uint8

// Token kinds. Every byte of a tokenized text belongs to exactly one token.
const (
	Space       Kind = iota // white space between tokens (spaces, tabs, newlines)
	Word                    // an ordinary word, possibly hyphenated or with an apostrophe
	Contraction             // the clitic part of a contraction: n't, 's, 'm, 're, 've, 'll, 'd
	Number                  // 1,234.56  -3  25.8  ½
	Money                   // $1.2bn  €5  EUR 25.8 mn  USD 3 million
	Percent                 // 3%  3 percent  2.5 pct
	Date                    // dates and times: 2024-03-05  5 March 2024  10:30  3pm
	Identifier              // order, account, card and phone numbers, tickers ($AAPL, NASDAQ:AAPL), @handles, #tags
	URL                     // https://example.com/a  www.example.com
	Email                   // name@example.com
	Emoji                   // 😀 👍🏽 :)
	Punct                   // . , ; : ! ? " ' ( ) - … and other punctuation
	Symbol                  // any other character, including control characters
)

var kindNames = [...]string{
	Space: "space", Word: "word", Contraction: "contraction", Number: "number",
	Money: "money", Percent: "percent", Date: "date", Identifier: "identifier",
	URL: "url", Email: "email", Emoji: "emoji", Punct: "punct", Symbol: "symbol",
}

// String returns the lower-case name of k ("word", "money", ...).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + itoa(int(k)) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Lock says which edits a token refuses. Tokenizers leave it zero; a
// protection policy (package textaug) sets it once per input, and every
// strategy honours it.
type Lock uint8

// Lock bits.
const (
	LockReplace Lock = 1 << iota // never replaced by a synonym or used as an insertion seed
	LockDelete                   // never deleted
	LockMove                     // never swapped or moved
	LockJoin                     // nothing may be inserted between this token and the next one
)

// Frozen is a token no strategy may touch.
const Frozen = LockReplace | LockDelete | LockMove

// Lang is the language a tokenizer cut a text for. The zero value is
// English.
type Lang uint8

// Languages.
const (
	LangEN Lang = iota // English rules: Tokenize, English, Auto for a text Language calls "en"
	LangZH             // Chinese: every token of Chinese, Auto for a text Language calls "zh"
)

// String returns the language's code, "en" or "zh", as Language does.
func (l Lang) String() string {
	if l == LangZH {
		return "zh"
	}
	return "en"
}

// Token is one span of a text.
//
// Start and End are byte offsets into the text the token came from; a token
// that an edit inserted has Start == End == -1. Text always holds the
// token's bytes, so Join needs nothing else. Lang is the language the
// whole text was cut for, the same on every token of one Tokenize call
// (a Latin word inside a Chinese text is LangZH too), so that no one needs
// to detect it again; a token an edit made may carry the zero value.
type Token struct {
	Text       string
	Tag        string // Penn Treebank part-of-speech tag; empty for Space tokens
	Start, End int
	Kind       Kind
	Lock       Lock
	Lang       Lang
	// The byte-sized fields come last, together: 56 bytes a token instead
	// of 72 with Tag between them (a 900 KB row has about 300,000 tokens).
}

// Inserted reports whether t was added by an edit rather than read from the source.
func (t Token) Inserted() bool { return t.Start < 0 }

// Join concatenates the tokens' texts. For tokens straight from Tokenize,
// Join(Tokenize(s)) == s for every s; after edits every token that was not
// touched keeps its original bytes and the spaces around it.
func Join(toks []Token) string {
	n := 0
	for i := range toks {
		n += len(toks[i].Text)
	}
	var b strings.Builder // one allocation: the result itself
	b.Grow(n)
	for i := range toks {
		b.WriteString(toks[i].Text)
	}
	return b.String()
}

// Tagger assigns Penn Treebank tags to a sequence of words.
//
// Tag writes one tag per word into tags (len(tags) == len(words)).
// Implementations must be safe for concurrent use and deterministic.
type Tagger interface {
	Tag(words, tags []string)
}
