package tokenize

import "strings"

// merge is the second pass: it joins tokens that form one amount, percent,
// date or identifier across single spaces ("EUR 25.8 mn", "3 percent",
// "5 March 2024", "+44 20 7946 0958").
func merge(s string, toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); {
		j, k := extend(toks, i)
		if j == i {
			out = append(out, toks[i])
			i++
			continue
		}
		start, end := toks[i].Start, toks[j].End
		out = append(out, Token{Text: s[start:end], Start: start, End: end, Kind: k})
		i = j + 1
	}
	return out
}

// gap reports whether toks[k] is a single space between two tokens.
func gap(toks []Token, k int) bool {
	return k < len(toks)-1 && toks[k].Kind == Space && (toks[k].Text == " " || toks[k].Text == "\u00a0")
}

// next returns the index of the token after a single space following
// toks[j], or -1.
func next(toks []Token, j int) int {
	if gap(toks, j+1) {
		return j + 2
	}
	return -1
}

// extend returns the last index of the token run that starts at i and the
// run's kind; j == i when nothing merges.
func extend(toks []Token, i int) (int, Kind) {
	t := toks[i]
	switch t.Kind {
	case Word:
		if isCurrencyCode(t.Text) {
			// USD 3 million, EUR 25.8 mn, US$5
			if n := next(toks, i); n > 0 && toks[n].Kind == Number {
				return magnitude(toks, n), Money
			}
			if i+1 < len(toks) && toks[i+1].Kind == Money && toks[i+1].Text[0] == '$' {
				return magnitude(toks, i+1), Money
			}
		}
		if isMonth(t.Text) {
			// March 5, March 5th, 2024, March 2024
			if n := next(toks, i); n > 0 && toks[n].Kind == Number {
				if isDay(toks[n].Text) {
					j := n
					if y := yearAfter(toks, j); y > 0 {
						j = y
					}
					return j, Date
				}
				if isYear(toks[n].Text) {
					return n, Date
				}
			}
		}
	case Money:
		if j := magnitude(toks, i); j > i {
			return j, Money
		}
	case Date:
		// 10:30 am
		if n := next(toks, i); n > 0 && toks[n].Kind == Word && isMeridiem(toks[n].Text) {
			return n, Date
		}
	case Number:
		j := magnitude(toks, i)
		if n := next(toks, j); n > 0 {
			w := toks[n]
			switch {
			case w.Kind == Word && isCurrencyWord(w.Text):
				return n, Money
			case w.Kind == Word && isPercentWord(w.Text):
				// 3 percent, 3 per cent, 25 basis points, 2 percentage points
				// "per", "percentage" and "basis" need their second word.
				lw := strings.ToLower(w.Text)
				if lw == "per" || lw == "percentage" || lw == "basis" {
					if m := next(toks, n); m > 0 && isPercentTail(lw, toks[m].Text) {
						return m, Percent
					}
					break
				}
				return n, Percent
			case j == i && w.Kind == Word && isMeridiem(w.Text) && isHour(t.Text):
				return n, Date
			case j == i && w.Kind == Word && isMonth(w.Text) && isDay(t.Text):
				// 5 March, 5 March 2024
				if y := next(toks, n); y > 0 && toks[y].Kind == Number && isYear(toks[y].Text) {
					return y, Date
				}
				return n, Date
			}
		}
		if j > i {
			return j, Number
		}
		// +44 20 7946 0958, 4111 1111 1111 1111
		if e := digitGroups(toks, i); e > i {
			return e, Identifier
		}
	}
	return i, t.Kind
}

// magnitude extends a number or amount over a following "million", "bn", ...
func magnitude(toks []Token, i int) int {
	if n := next(toks, i); n > 0 && toks[n].Kind == Word && isMagnitude(toks[n].Text) {
		return n
	}
	return i
}

func yearAfter(toks []Token, j int) int {
	// ", 2024"
	if j+3 < len(toks) && toks[j+1].Kind == Punct && toks[j+1].Text == "," && gap(toks, j+2) &&
		toks[j+3].Kind == Number && isYear(toks[j+3].Text) {
		return j + 3
	}
	if n := next(toks, j); n > 0 && toks[n].Kind == Number && isYear(toks[n].Text) {
		return n
	}
	return -1
}

func digitGroups(toks []Token, i int) int {
	groups, digits, j := 0, 0, i
	for k := i; k >= 0; k = next(toks, k) {
		t := toks[k].Text
		if k == i {
			t = strings.TrimPrefix(t, "+")
		}
		if toks[k].Kind != Number || len(t) < 2 || len(t) > 4 || !allDigits(t) {
			break
		}
		groups++
		digits += len(t)
		j = k
	}
	if groups >= 3 && digits >= 8 {
		return j
	}
	return i
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

func isDay(s string) bool {
	s = strings.TrimRight(strings.ToLower(s), "stndrh")
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return false
	}
	d := int(s[0] - '0')
	if len(s) == 2 {
		d = d*10 + int(s[1]-'0')
	}
	return d >= 1 && d <= 31
}

func isHour(s string) bool {
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return false
	}
	h := int(s[0] - '0')
	if len(s) == 2 {
		h = h*10 + int(s[1]-'0')
	}
	return h >= 1 && h <= 12
}

func isYear(s string) bool {
	return len(s) == 4 && allDigits(s) && (s[0] == '1' || s[0] == '2')
}

func oneOf(w string, set ...string) bool {
	for _, s := range set {
		if strings.EqualFold(w, s) {
			return true
		}
	}
	return false
}

func isMeridiem(w string) bool { return oneOf(w, "am", "pm", "a.m.", "p.m.") }

func isMagnitude(w string) bool {
	return oneOf(w, "thousand", "million", "billion", "trillion", "mn", "mln", "bn", "bln", "tn", "k", "m", "b")
}

func isPercentWord(w string) bool {
	return oneOf(w, "percent", "pct", "per", "percentage", "basis", "bps", "bp")
}

func isPercentTail(head, w string) bool {
	switch strings.ToLower(head) {
	case "per":
		return oneOf(w, "cent")
	case "percentage":
		return oneOf(w, "point", "points")
	case "basis":
		return oneOf(w, "point", "points")
	}
	return false
}

func isMonth(w string) bool {
	if len(w) < 3 || w[0] < 'A' || w[0] > 'Z' {
		return false // "may" is a modal verb; months are capitalised
	}
	return oneOf(w, "January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
		"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
}

var currencyCodes = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CHF": true, "CNY": true, "RMB": true,
	"HKD": true, "AUD": true, "CAD": true, "SEK": true, "NOK": true, "DKK": true, "INR": true,
	"SGD": true, "NZD": true, "ZAR": true, "BRL": true, "MXN": true, "KRW": true, "RUB": true,
	"TRY": true, "PLN": true, "CZK": true, "HUF": true, "ISK": true, "LTL": true, "LVL": true,
	"EEK": true, "US": true, "Rs": true, "Rs.": true, "USDT": true, "BTC": true,
}

func isCurrencyCode(w string) bool { return currencyCodes[w] }

func isCurrencyWord(w string) bool {
	return currencyCodes[w] && w != "US" || oneOf(w, "dollar", "dollars", "euro", "euros", "pound", "pounds",
		"cent", "cents", "pence", "yen", "yuan", "renminbi", "rupee", "rupees", "franc", "francs",
		"krona", "kronor", "krone", "kroner", "bucks", "quid")
}
