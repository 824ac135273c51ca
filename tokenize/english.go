package tokenize

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize splits s into tokens without tagging them. It accepts any
// string, valid UTF-8 or not (an invalid byte becomes a one-byte Symbol
// token), and loses nothing: Join(Tokenize(s)) == s.
//
// The rules are English ones: contractions split the Penn Treebank way
// ("can't" -> "ca" + "n't", "bank's" -> "bank" + "'s"), and numbers,
// amounts, percents, dates, times, identifiers, URLs, emails and emoji
// become single tokens even when they contain spaces ("EUR 25.8 mn",
// "3 percent", "5 March 2024", "4111 1111 1111 1111"). Every token
// carries LangEN, the zero Lang.
//
// The returned slice is new and owned by the caller.
func Tokenize(s string) []Token {
	toks := scan(s, make([]Token, 0, len(s)/2+2)) // English text has about 0.38 tokens a byte
	return merge(s, toks)
}

// scan is the first pass: one token per lexical unit, no look-ahead across spaces.
func scan(s string, toks []Token) []Token {
	add := func(start, end int, k Kind) {
		toks = append(toks, Token{Text: s[start:end], Start: start, End: end, Kind: k})
	}
	i := 0
	for i < len(s) {
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size <= 1 {
			add(i, i+1, Symbol)
			i++
			continue
		}
		prevAlnum := false
		if i > 0 {
			p, _ := utf8.DecodeLastRuneInString(s[:i])
			prevAlnum = isAlnum(p)
		}
		switch {
		case isSpace(c):
			j := i + size
			for j < len(s) {
				d, n := utf8.DecodeRuneInString(s[j:])
				if !isSpace(d) {
					break
				}
				j += n
			}
			add(i, j, Space)
			i = j
			continue
		}
		if !prevAlnum {
			if j := urlEnd(s, i); j > i {
				add(i, j, URL)
				i = j
				continue
			}
			if j := emoticonEnd(s, i); j > i {
				add(i, j, Emoji)
				i = j
				continue
			}
		}
		if j := emojiEnd(s, i); j > i {
			add(i, j, Emoji)
			i = j
			continue
		}
		if isAlnum(c) && !prevAlnum {
			if j := emailEnd(s, i); j > i {
				add(i, j, Email)
				i = j
				continue
			}
		}
		switch {
		case c == '@' || c == '#':
			if j := handleEnd(s, i+1); j > i+1 && !prevAlnum {
				add(i, j, Identifier)
				i = j
				continue
			}
		case isCurrencySymbol(c):
			if j := tickerEnd(s, i, c); j > i {
				add(i, j, Identifier)
				i = j
				continue
			}
			if j := numberEnd(s, i+size, true); j > i+size {
				j = gluedMagnitude(s, j)
				add(i, j, Money)
				i = j
				continue
			}
		case c == '-' || c == '+' || c == '.' || c == '−':
			// A sign or leading point belongs to the number after it.
			if !prevAlnum && i+size < len(s) {
				n := s[i+size]
				if isDigit(n) || (c != '.' && n == '.' && i+size+1 < len(s) && isDigit(s[i+size+1])) {
					j := numberEnd(s, i+size, true)
					k := classifyNumber(s[i:j])
					if j < len(s) && s[j] == '%' {
						j++
						k = Percent
					}
					add(i, j, k)
					i = j
					continue
				}
				// -$5, +€3
				if c != '.' && n < utf8.RuneSelf && isCurrencySymbol(rune(n)) {
					if j := numberEnd(s, i+size+1, true); j > i+size+1 {
						add(i, j, Money)
						i = j
						continue
					}
				}
				if c != '.' {
					if d, dn := utf8.DecodeRuneInString(s[i+size:]); isCurrencySymbol(d) && d >= utf8.RuneSelf {
						if j := numberEnd(s, i+size+dn, true); j > i+size+dn {
							add(i, j, Money)
							i = j
							continue
						}
					}
				}
			}
		}
		switch {
		case isDigit(byte(c)) && c < utf8.RuneSelf:
			j := numberEnd(s, i, true)
			k := classifyNumber(s[i:j])
			if j < len(s) && s[j] == '%' {
				j++
				k = Percent
			} else if j < len(s) && isLetterByte(s, j) {
				// 3pm, 1st, 5bn, 24h, 4G: digits glued to letters.
				e := wordEnd(s, j)
				k = classifyAlnum(s[i:e])
				j = e
			}
			add(i, j, k)
			i = j
		case unicode.IsLetter(c) || unicode.IsMark(c):
			i = word(s, i, add)
		case unicode.IsDigit(c):
			j := i + size
			for j < len(s) {
				d, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsDigit(d) && !unicode.IsLetter(d) {
					break
				}
				j += n
			}
			add(i, j, Number)
			i = j
		case unicode.IsPunct(c):
			// Runs of the same mark stay together: "...", "--", "!!".
			j := i + size
			for j < len(s) {
				d, n := utf8.DecodeRuneInString(s[j:])
				if d != c {
					break
				}
				j += n
			}
			add(i, j, Punct)
			i = j
		default:
			add(i, i+size, Symbol)
			i += size
		}
	}
	return toks
}

// word scans a word starting at i and hands it to add, split into host and
// clitic when it is a contraction. It returns the end.
func word(s string, i int, add func(start, end int, k Kind)) int {
	// U.S., e.g., a.m.: single letters joined by points.
	if j := abbrevEnd(s, i); j > i {
		add(i, j, Word)
		return j
	}
	j := wordEnd(s, i)
	w := s[i:j]
	// NASDAQ:AAPL
	if j+1 < len(s) && s[j] == ':' && isUpperWord(w) {
		if e := wordEnd(s, j+1); e > j+1 && isUpperWord(s[j+1:e]) {
			add(i, e, Identifier)
			return e
		}
	}
	if hasDigit(w) {
		add(i, j, classifyAlnum(w))
		return j
	}
	if n := cliticLen(w); n > 0 && n < len(w) {
		add(i, j-n, Word)
		add(j-n, j, Contraction)
		return j
	}
	add(i, j, Word)
	return j
}

// wordEnd returns the end of the run of letters, marks and digits at i,
// with inner hyphens and apostrophes followed by a letter or digit.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		d, n := utf8.DecodeRuneInString(s[j:])
		switch {
		case unicode.IsLetter(d) || unicode.IsMark(d) || unicode.IsDigit(d):
			j += n
			continue
		case d == '-' || d == '\'' || d == '’' || d == '‐' || d == '_':
			if j > i && j+n < len(s) {
				e, _ := utf8.DecodeRuneInString(s[j+n:])
				if unicode.IsLetter(e) || unicode.IsDigit(e) {
					j += n
					continue
				}
			}
		}
		break
	}
	return j
}

func abbrevEnd(s string, i int) int {
	j, letters := i, 0
	for {
		c, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(c) || j+n >= len(s) || s[j+n] != '.' {
			break
		}
		j += n + 1
		letters++
		if j < len(s) {
			d, _ := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(d) || unicode.IsDigit(d) {
				// Next must be one letter followed by a point.
				e, m := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(e) || j+m >= len(s) || s[j+m] != '.' {
					return i
				}
				continue
			}
		}
		break
	}
	if letters < 2 {
		return i
	}
	return j
}

var clitics = []string{"n't", "n’t", "'s", "’s", "'m", "’m", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d"}

// cliticLen returns the byte length of a contraction suffix of w, or 0.
func cliticLen(w string) int {
	// Every clitic has an apostrophe (' or ’, which starts with 0xE2) in
	// its last five bytes: most words are done with one scan of those.
	tail := w[len(w)-min(len(w), 5):]
	if strings.IndexByte(tail, '\'') < 0 && strings.IndexByte(tail, 0xE2) < 0 {
		return 0
	}
	for _, c := range clitics {
		if len(w) > len(c) && strings.EqualFold(w[len(w)-len(c):], c) {
			return len(c)
		}
	}
	return 0
}

// numberEnd returns the end of the number starting at i: digits with inner
// separators (, . : / -) that are followed by a digit. With signed, a
// leading sign is not expected here (the caller consumed it).
func numberEnd(s string, i int, _ bool) int {
	j := i
	for j < len(s) {
		c := s[j]
		if isDigit(c) {
			j++
			continue
		}
		if (c == ',' || c == '.' || c == ':' || c == '/' || c == '-') && j > i && j+1 < len(s) && isDigit(s[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}

// gluedMagnitude extends an amount over a magnitude written without a
// space: $1.2bn, €5m, $30k.
func gluedMagnitude(s string, j int) int {
	if j < len(s) && isLetterByte(s, j) {
		if e := wordEnd(s, j); isMagnitude(s[j:e]) {
			return e
		}
	}
	return j
}

// classifyNumber says what a run of digits and separators is.
func classifyNumber(n string) Kind {
	d := strings.TrimLeft(n, "+-−.")
	colons := strings.Count(d, ":")
	slashes := strings.Count(d, "/")
	dashes := strings.Count(d, "-")
	switch {
	case colons >= 1 && colons <= 2 && !strings.ContainsAny(d, ",/-"):
		return Date // 10:30, 10:30:15
	case slashes == 2 || (dashes == 2 && slashes == 0 && !strings.ContainsAny(d, ",.")):
		parts := strings.FieldsFunc(d, func(r rune) bool { return r == '/' || r == '-' })
		if len(parts) == 3 && (len(parts[0]) == 4 || len(parts[2]) == 4 || len(parts[2]) == 2) && len(parts[1]) <= 2 {
			return Date
		}
		return Identifier
	case slashes == 1:
		return Number // 3/4, 24/7
	case dashes >= 2:
		return Identifier // 555-123-4567, 4111-1111-1111-1111
	case dashes == 1:
		a, b, _ := strings.Cut(d, "-")
		if len(a) == 4 && len(b) == 4 {
			return Date // 2019-2020
		}
		if len(b) >= 4 && len(a)+len(b) >= 7 {
			return Identifier // 123-4567
		}
		return Number // 10-20
	}
	digits := 0
	for i := 0; i < len(d); i++ {
		if isDigit(d[i]) {
			digits++
		}
	}
	if digits >= 6 && !strings.ContainsAny(d, ",.") {
		return Identifier // order and account numbers
	}
	return Number
}

// classifyAlnum says what a chunk of letters and digits is.
func classifyAlnum(w string) Kind {
	lw := strings.ToLower(w)
	i := 0
	for i < len(lw) && (isDigit(lw[i]) || lw[i] == '.' || lw[i] == ',') {
		i++
	}
	num, suf := lw[:i], lw[i:]
	if num != "" && isDigit(num[0]) {
		switch suf {
		case "st", "nd", "rd", "th":
			return Number
		case "k", "m", "mn", "mln", "bn", "b", "bln", "tn", "million", "billion", "trillion", "thousand":
			return Number
		case "am", "pm", "a.m", "p.m", "h", "hrs":
			return Date
		}
	}
	return Identifier
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isLetterByte(s string, i int) bool {
	c, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(c)
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }

func hasDigit(w string) bool {
	for _, r := range w {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

func isUpperWord(w string) bool {
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

func isCurrencySymbol(r rune) bool {
	switch r {
	case '$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₫', '₪', '₦', '฿', '₴', '₱':
		return true
	}
	return false
}

// tickerEnd matches $AAPL: a dollar and one to five capital letters.
func tickerEnd(s string, i int, c rune) int {
	if c != '$' {
		return i
	}
	j := i + 1
	for j < len(s) && j-i <= 6 && s[j] >= 'A' && s[j] <= 'Z' {
		j++
	}
	if j == i+1 || j-i > 6 {
		return i
	}
	if j < len(s) {
		if d, _ := utf8.DecodeRuneInString(s[j:]); isAlnum(d) {
			return i
		}
	}
	return j
}

func handleEnd(s string, i int) int {
	j := i
	for j < len(s) {
		d, n := utf8.DecodeRuneInString(s[j:])
		if !isAlnum(d) && d != '_' {
			break
		}
		j += n
	}
	return j
}

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// urlEnd matches a URL starting at i, without trailing sentence punctuation.
func urlEnd(s string, i int) int {
	if !(hasPrefixFold(s[i:], "http://") || hasPrefixFold(s[i:], "https://") || hasPrefixFold(s[i:], "www.")) {
		return i
	}
	j := i
	for j < len(s) {
		d, n := utf8.DecodeRuneInString(s[j:])
		if isSpace(d) || d == '"' || d == '<' || d == '>' || (d == utf8.RuneError && n == 1) {
			break
		}
		j += n
	}
	for j > i {
		c := s[j-1]
		if strings.IndexByte(".,;:!?'\"]}", c) >= 0 || (c == ')' && !strings.Contains(s[i:j], "(")) {
			j--
			continue
		}
		break
	}
	if j-i <= len("www.") {
		return i
	}
	return j
}

var emailRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`)

func emailEnd(s string, i int) int {
	j := i
	for j < len(s) && j-i < 256 {
		c := s[j]
		if c == '@' {
			break
		}
		if !(isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'z') || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
			return i
		}
		j++
	}
	if j >= len(s) || s[j] != '@' {
		return i
	}
	end := j + 1
	for end < len(s) && end-i < 320 && !isSpace(rune(s[end])) && s[end] < utf8.RuneSelf {
		end++
	}
	m := emailRE.FindString(s[i:end])
	return i + len(m)
}

var emoticons = []string{
	":-)", ":)", ":-(", ":(", ":-D", ":D", ";-)", ";)", ":-P", ":P", ":-p", ":p",
	":'(", ":-/", ":/", ":-|", ":|", ":-O", ":O", ":o", "<3", "</3", "xD", "XD", "^_^", "-_-", ":3",
}

func emoticonEnd(s string, i int) int {
	switch s[i] {
	case ':', ';', '<', 'x', 'X', '^', '-':
	default:
		return i
	}
	for _, e := range emoticons {
		if strings.HasPrefix(s[i:], e) {
			j := i + len(e)
			if j == len(s) {
				return j
			}
			d, _ := utf8.DecodeRuneInString(s[j:])
			if isSpace(d) || (unicode.IsPunct(d) && d != '/' && d != ':') {
				return j
			}
		}
	}
	return i
}

func isEmojiBase(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF,
		r >= 0x2600 && r <= 0x27BF,
		r >= 0x2B05 && r <= 0x2B07, r == 0x2B1B, r == 0x2B1C, r == 0x2B50, r == 0x2B55,
		r == 0x231A, r == 0x231B, r >= 0x23E9 && r <= 0x23FA,
		r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	return false
}

// emojiEnd matches one emoji with its modifiers and ZWJ sequence.
func emojiEnd(s string, i int) int {
	c, n := utf8.DecodeRuneInString(s[i:])
	if !isEmojiBase(c) {
		return i
	}
	j := i + n
	for j < len(s) {
		d, m := utf8.DecodeRuneInString(s[j:])
		switch {
		case d == 0xFE0F || d == 0xFE0E || d == 0x20E3 || (d >= 0x1F3FB && d <= 0x1F3FF) || (d >= 0xE0020 && d <= 0xE007F):
			j += m
		case d == 0x200D:
			if e, k := utf8.DecodeRuneInString(s[j+m:]); isEmojiBase(e) {
				j += m + k
			} else {
				return j
			}
		case c >= 0x1F1E6 && c <= 0x1F1FF && d >= 0x1F1E6 && d <= 0x1F1FF && j == i+n:
			j += m // flag: a pair of regional indicators
		default:
			return j
		}
	}
	return j
}
