package textaug

import (
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/textaug/textaug/tokenize"
)

// NumberSwap is a CheckList perturbation (Ribeiro et al., 2020): it
// replaces numbers, amounts, percents, dates and identifiers by others of
// the same kind and format, consistently within the text. It changes
// facts: use it only for the kinds the user has declared irrelevant to
// the label. It is never part of a preset.
//
// Per text, one change is drawn per kind and applied to every token of
// that kind, so that the figures keep their order and ratios ("rose from
// EUR 19.3 mn to EUR 25.8 mn" still rises) and equal figures stay equal:
//
//   - amounts (Money) and plain numbers are multiplied by a factor drawn
//     from [0.5, 0.87] or [1.15, 2], one for amounts and one for numbers,
//     and written with the same currency, scale word ("mn", "million"),
//     decimals, and decimal and thousands separators ("EUR 25.8 mn" ->
//     "EUR 31.4 mn"); the counts 0 and 1 stay, and a count of 2 or more
//     stays at 2 or more, so the nouns after them still agree;
//   - a year written alone ("in 2007") and every date move by the same
//     number of years and days, written in the same format ("5 March
//     2024" -> "17 May 2022", "2024-03-05" -> "2022-05-17"); a numeric
//     date whose day and month could be read either way ("05/03/2024")
//     moves by whole years only; times of day move by quarter hours or,
//     when written without minutes ("3pm"), by whole hours;
//   - identifiers (order, account, card and phone numbers) get new random
//     digits in the same places, with the same separators and letters
//     ("#A1234" -> "#A8051"); leading zeros and the country code of a
//     phone number stay;
//   - percents, when asked for, are multiplied like amounts, and one
//     below 100 stays below 100.
//
// A factor that would make two different figures of a kind equal or put
// them in another order after rounding ("EUR 0.7 mn" and "EUR 0.8 mn" both
// to "EUR 0.5 mn") is drawn again. A number followed by "%" or "percent"
// counts as a percent ("3.4 %"), a number with a leading zero as a code
// ("0762"), and a number written against a word is part of a name and
// stays ("TGK-10", "3G").
//
// A token whose format it does not recognise (Chinese numerals, a date
// written some other way) stays as it is, and so do a date that a weekday
// names ("Monday, 5 March 2024") and the tokens covered by the Policy's
// Keep list or Patterns. Replaced tokens are new (Start and End
// -1) with the kind, tag and locks of the old ones.
//
// The zero value swaps numbers, amounts, dates and identifiers, and keeps
// percents, which carry the sentiment of finance news ("up 3.5%"): select
// Kinds to change that. Safe for concurrent use.
type NumberSwap struct {
	// Kinds are the kinds swapped, some of tokenize.Number, Money,
	// Percent, Date and Identifier; nil means all but Percent.
	Kinds  []tokenize.Kind
	Policy *Policy // its Keep list and Patterns are never swapped; nil: none
}

// Name implements Edit.
func (NumberSwap) Name() string { return "number-swap" }

// DefaultNumberKinds are the kinds the zero NumberSwap swaps.
func DefaultNumberKinds() []tokenize.Kind {
	return []tokenize.Kind{tokenize.Number, tokenize.Money, tokenize.Date, tokenize.Identifier}
}

// ParseNumberKinds reads a comma list of number, money, percent, date and
// identifier.
func ParseNumberKinds(list string) ([]tokenize.Kind, error) {
	all := []tokenize.Kind{tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date, tokenize.Identifier}
	var kinds []tokenize.Kind
	for _, k := range strings.Split(list, ",") {
		k = strings.TrimSpace(strings.ToLower(k))
		if k == "" {
			continue
		}
		i := slices.IndexFunc(all, func(x tokenize.Kind) bool { return x.String() == k })
		if i < 0 {
			return nil, &KindError{Kind: k, Have: "number, money, percent, date, identifier"}
		}
		kinds = append(kinds, all[i])
	}
	return kinds, nil
}

// numberChange is what one text's swap does to each kind, drawn once.
type numberChange struct {
	money, number, percent float64 // factors; 0 leaves the kind alone
	years, days            int     // date shift
	quarters, hours        int     // time-of-day shift
}

// factorTries bounds the factors drawn for a kind before it is left alone.
const factorTries = 4

// drawFactor draws a scale factor from [0.5, 0.87] or [1.15, 2].
func drawFactor(r *rand.Rand) float64 {
	if r.IntN(2) == 0 {
		return 0.5 + r.Float64()*0.37
	}
	return 1.15 + r.Float64()*0.85
}

// drawChange draws a change from r, always the same draws in the same
// order. A factor that would put two different figures of its kind in
// another order or make them equal (rounding "0.7" and "0.8" both to
// "0.5"), or take a percent below 100 to 100 or more, is drawn again, up
// to factorTries times; then the kind stays as it is.
func drawChange(r *rand.Rand, figures map[tokenize.Kind][]string) numberChange {
	pick := func(k tokenize.Kind) float64 {
		for range factorTries {
			f := drawFactor(r)
			if keepsOrder(figures[k], f, k == tokenize.Percent) {
				return f
			}
		}
		return 0
	}
	sign := func() int { return 1 - 2*r.IntN(2) }
	return numberChange{
		money: pick(tokenize.Money), number: pick(tokenize.Number), percent: pick(tokenize.Percent),
		years: sign() * (1 + r.IntN(4)), days: sign() * r.IntN(120),
		quarters: sign() * (1 + r.IntN(8)), hours: sign() * (1 + r.IntN(3)),
	}
}

// keepsOrder reports whether scaling every text of texts by f keeps the
// order of their first numerals strictly, and, for percents, keeps those
// below 100 below 100.
func keepsOrder(texts []string, f float64, percent bool) bool {
	type pair struct{ a, b float64 }
	var vals []pair
	for _, t := range texts {
		a, ok := firstValue(t)
		b, ok2 := firstValue(scaleAll(t, f))
		if !ok || !ok2 {
			continue
		}
		if percent && a < 100 && b >= 100 {
			return false
		}
		vals = append(vals, pair{a, b})
	}
	for i := range vals {
		for j := range vals {
			if vals[i].a < vals[j].a && !(vals[i].b < vals[j].b) {
				return false
			}
		}
	}
	return true
}

// firstValue is the value of the first numeral of s.
func firstValue(s string) (float64, bool) {
	m := numeral.FindString(s)
	if m == "" {
		return 0, false
	}
	dec, thou := separators(m)
	if thou != 0 {
		m = strings.ReplaceAll(m, string(thou), "")
	}
	if dec != 0 {
		m = strings.Replace(m, string(dec), ".", 1)
	}
	v, err := strconv.ParseFloat(m, 64)
	return v, err == nil
}

// Edit implements Edit.
func (n NumberSwap) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	kinds := n.Kinds
	if kinds == nil {
		kinds = DefaultNumberKinds()
	}
	kept := n.Policy.userKept(toks)
	eff := make([]tokenize.Kind, len(toks))
	figures := map[tokenize.Kind][]string{}
	for i := range toks {
		eff[i] = numberKind(toks, i)
		if slices.Contains(kinds, eff[i]) && !kept[i] && !(eff[i] == tokenize.Date && weekdayBefore(toks, i)) {
			figures[eff[i]] = append(figures[eff[i]], toks[i].Text)
		} else {
			eff[i] = tokenize.Space // not swapped
		}
	}
	ch := drawChange(r, figures)
	memo := map[string]string{} // consistent within the text
	var out []tokenize.Token
	for i := range toks {
		t := &toks[i]
		if eff[i] == tokenize.Space {
			continue
		}
		key := eff[i].String() + "\x00" + t.Text
		repl, seen := memo[key]
		if !seen {
			repl = ch.apply(r, eff[i], t.Text)
			memo[key] = repl
		}
		if repl == t.Text {
			continue
		}
		if out == nil {
			out = slices.Clone(toks)
		}
		out[i] = tokenize.Token{Text: repl, Start: -1, End: -1, Kind: t.Kind, Tag: t.Tag, Lock: t.Lock}
	}
	if out == nil {
		return toks
	}
	return out
}

// numberKind is the kind NumberSwap treats toks[i] as: a number followed
// by "%" or "percent" is a percent ("3.4 %"), a number written with a
// leading zero is a code ("0762"), and a number glued to a word is part of
// a name ("5-year"), and so is one right after a capitalised word other
// than the first ("Windows 10", "Chapter 2"); those, and identifiers of
// fewer than four digits ("TGK-10", "3G", "F-16"), are never swapped
// (Space).
func numberKind(toks []tokenize.Token, i int) tokenize.Kind {
	t := &toks[i]
	if t.Kind == tokenize.Identifier && digits(t.Text) < 4 {
		return tokenize.Space // a name or a model: "3G", "A4", "F-16", "COVID-19"
	}
	if t.Kind != tokenize.Number {
		return t.Kind
	}
	if gluedToWord(toks, i) || afterName(toks, i) || strings.HasPrefix(t.Text, "+") && !strings.ContainsAny(t.Text, ".,") {
		return tokenize.Space // "+33" is a country code when the tokenizer cuts "+33 1 46 48 28 00"
	}
	if next := nextWord(toks, i+1); next != nil && (next.Text == "%" || strings.EqualFold(next.Text, "percent") || strings.EqualFold(next.Text, "pct")) {
		return tokenize.Percent
	}
	if len(t.Text) > 1 && t.Text[0] == '0' && !strings.ContainsAny(t.Text, ".,") {
		return tokenize.Identifier
	}
	return tokenize.Number
}

// digits counts the ASCII digits of s.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// afterName reports whether toks[i] follows a capitalised word, one
// space apart, that does not open the text.
func afterName(toks []tokenize.Token, i int) bool {
	j := i - 2
	return j >= 0 && toks[i-1].Text == " " && toks[j].Kind == tokenize.Word && caseOf(toks[j].Text) != caseLower && j != firstContent(toks)
}

// gluedToWord reports whether toks[i] is written against a word, directly
// or through a hyphen or slash.
func gluedToWord(toks []tokenize.Token, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		t := &toks[j]
		if t.Kind == tokenize.Word {
			return true
		}
		if t.Text == "-" || t.Text == "/" {
			k := j + (j - i)
			if k >= 0 && k < len(toks) && toks[k].Kind == tokenize.Word {
				return true
			}
		}
	}
	return false
}

// weekdayBefore reports whether a weekday names the date at toks[i]
// ("Monday, 5 March 2024"): moving the date would make the two disagree.
func weekdayBefore(toks []tokenize.Token, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if toks[j].Kind == tokenize.Word {
			w := strings.ToLower(toks[j].Text)
			for d := time.Sunday; d <= time.Saturday; d++ {
				if name := strings.ToLower(d.String()); w == name || w == name[:3] {
					return true
				}
			}
			return false
		}
	}
	return false
}

// apply returns the replacement of the token text s of kind k, or s.
func (c numberChange) apply(r *rand.Rand, k tokenize.Kind, s string) string {
	switch k {
	case tokenize.Money:
		return scaleAll(s, c.money)
	case tokenize.Percent:
		return scaleAll(s, c.percent)
	case tokenize.Number:
		if y, err := strconv.Atoi(s); err == nil && len(s) == 4 && y >= 1900 && y <= 2099 {
			return strconv.Itoa(time.Date(y, 7, 1, 0, 0, 0, 0, time.UTC).AddDate(c.years, 0, c.days).Year())
		}
		return scaleAll(s, c.number)
	case tokenize.Date:
		return c.shiftDate(s)
	case tokenize.Identifier:
		return newDigits(r, s)
	}
	return s
}

// numeral matches an ASCII number with optional separators.
var numeral = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// scaleAll multiplies every numeral of s by f (see scaleNumeral); s
// stays as it is when one of them cannot be scaled.
func scaleAll(s string, f float64) string {
	if f == 0 {
		return s
	}
	ok := true
	out := numeral.ReplaceAllStringFunc(s, func(m string) string {
		v, good := scaleNumeral(m, f)
		ok = ok && good
		return v
	})
	if !ok {
		return s
	}
	return out
}

// scaleNumeral multiplies the numeral m by f, keeping its decimals and its
// decimal and thousands separators. Counts 0 and 1 are not scaled, and
// counts of 2 or more stay at 2 or more.
func scaleNumeral(m string, f float64) (string, bool) {
	dec, thou := separators(m)
	intPart, frac := m, ""
	if dec != 0 {
		k := strings.LastIndexByte(m, dec)
		intPart, frac = m[:k], m[k+1:]
	}
	digits := strings.ReplaceAll(intPart, string(thou), "")
	if thou == 0 {
		digits = intPart
	}
	v, err := strconv.ParseFloat(digits+"."+frac+"0", 64)
	if err != nil {
		return m, false
	}
	if frac == "" && v < 2 {
		return m, false // "1 card" must not become "2 card"
	}
	scale := math.Pow(10, float64(len(frac)))
	nv := math.Round(v*f*scale) / scale
	if frac == "" && nv < 2 {
		nv = 2
	}
	if nv <= 0 || nv == v {
		return m, false
	}
	s := strconv.FormatFloat(nv, 'f', len(frac), 64)
	ip, fp, _ := strings.Cut(s, ".")
	if thou != 0 {
		ip = group(ip, thou)
	}
	if fp != "" {
		return ip + string(dec) + fp, true
	}
	return ip, true
}

// separators tells the decimal and thousands separators of a numeral (0
// for none): "1,234.56" has '.' and ','; "1.234,5" ',' and '.'; "25,8"
// a decimal comma; "1,234" and "1.234.567" thousands only.
func separators(m string) (dec, thou byte) {
	dot, comma := strings.Count(m, "."), strings.Count(m, ",")
	switch {
	case dot > 0 && comma > 0:
		if strings.LastIndexByte(m, '.') > strings.LastIndexByte(m, ',') {
			return '.', ','
		}
		return ',', '.'
	case comma > 1 || comma == 1 && len(m)-strings.IndexByte(m, ',') == 4:
		return 0, ','
	case comma == 1:
		return ',', 0
	case dot > 1:
		return 0, '.'
	case dot == 1:
		return '.', 0
	}
	return 0, 0
}

// group writes the digits ip with sep between groups of three.
func group(ip string, sep byte) string {
	var b []byte
	for i := range len(ip) {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, ip[i])
	}
	return string(b)
}

// newDigits gives every ASCII digit of the identifier s a random digit;
// leading zeros of a run of digits stay, its first other digit is not 0,
// and the country code of a phone number ("+44") stays.
func newDigits(r *rand.Rand, s string) string {
	b := []byte(s)
	start := 0
	if strings.HasPrefix(s, "+") {
		for start = 1; start < len(b) && b[start] >= '0' && b[start] <= '9'; start++ {
		}
	}
	lead := true // in the leading zeros or first digit of a run
	for i := start; i < len(b); i++ {
		c := b[i]
		switch {
		case c < '0' || c > '9':
			lead = true
		case lead && c == '0':
		case lead:
			b[i], lead = byte('1'+r.IntN(9)), false
		default:
			b[i] = byte('0' + r.IntN(10))
		}
	}
	return string(b)
}

// dateUnit says how a date format moves.
type dateUnit uint8

const (
	moveDate     dateUnit = iota // years and days
	moveMonth                    // years and months: "March 2024"
	moveDay                      // days only: "5 March", no year to move
	moveYear                     // whole years: day and month could be read either way
	moveQuarters                 // quarter hours: "10:30"
	moveHours                    // whole hours: "3pm"
)

// dateLayouts are the formats NumberSwap reads and writes back, in Go's
// reference-time notation. A text is in a layout when parsing it and
// formatting the result gives the text back.
var dateLayouts = []struct {
	layout string
	unit   dateUnit
}{
	{"2006-01-02", moveDate}, {"2006/01/02", moveDate}, {"2006-01-02 15:04", moveDate},
	{"02/01/2006", moveDate}, {"01/02/2006", moveDate}, {"2/1/2006", moveDate}, {"1/2/2006", moveDate},
	{"02.01.2006", moveDate}, {"2.1.2006", moveDate}, {"02/01/06", moveDate}, {"01/02/06", moveDate},
	{"2 January 2006", moveDate}, {"2 Jan 2006", moveDate}, {"January 2, 2006", moveDate},
	{"Jan 2, 2006", moveDate}, {"January 2 2006", moveDate}, {"Jan 2 2006", moveDate},
	{"January 2006", moveMonth}, {"Jan 2006", moveMonth},
	{"2 January", moveDay}, {"2 Jan", moveDay}, {"January 2", moveDay}, {"Jan 2", moveDay},
	{"15:04", moveQuarters}, {"15:04:05", moveQuarters}, {"3:04pm", moveQuarters}, {"3:04 pm", moveQuarters},
	{"3:04PM", moveQuarters}, {"3:04 PM", moveQuarters},
	{"3pm", moveHours}, {"3 pm", moveHours}, {"3PM", moveHours}, {"3 PM", moveHours},
}

// shiftDate moves the date or time s by c, written in its own format; s
// stays as it is when no layout reads it.
func (c numberChange) shiftDate(s string) string {
	var hits []int
	var when []time.Time
	for i, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err == nil && t.Format(l.layout) == s {
			hits, when = append(hits, i), append(when, t)
		}
	}
	if len(hits) == 0 {
		return s
	}
	l, t := dateLayouts[hits[0]], when[0]
	unit := l.unit
	if len(hits) > 1 && !when[1].Equal(t) && unit == moveDate {
		unit = moveYear // "05/03/2024": 5 March or May 3
	}
	switch unit {
	case moveDate:
		t = t.AddDate(c.years, 0, c.days)
	case moveMonth:
		t = t.AddDate(c.years, c.days%12, 0)
	case moveDay:
		t = t.AddDate(0, 0, c.days)
	case moveYear:
		t = t.AddDate(c.years, 0, 0)
	case moveQuarters:
		t = t.Add(time.Duration(c.quarters) * 15 * time.Minute)
	case moveHours:
		t = t.Add(time.Duration(c.hours) * time.Hour)
	}
	return t.Format(l.layout)
}
