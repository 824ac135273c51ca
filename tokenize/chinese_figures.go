package tokenize

import (
	"strings"
	"unicode/utf8"
)

// This file holds the grammar of Chinese figures: numerals, amounts,
// percents, dates and times written with Han characters around (or
// instead of) Arabic digits. See Chinese for what it recognises.

// numInfo describes the number a unit may follow.
type numInfo struct {
	arabic    bool // written with digits (ASCII or full-width)
	plain     bool // a whole number: digits only, or Chinese digits and magnitudes
	digitOnly bool // Chinese digits without magnitudes (二〇二四)
	decimal   bool // has a decimal part (1.5, 一点五)
	runes     int  // Chinese numeral characters
	digits    int  // Arabic digits
	value     int  // the value of a plain number, -1 when unknown or large
	text      string
}

func cnDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇':
		return 0, true
	case '一', '壹':
		return 1, true
	case '二', '两', '贰', '兩':
		return 2, true
	case '三', '叁':
		return 3, true
	case '四', '肆':
		return 4, true
	case '五', '伍':
		return 5, true
	case '六', '陆', '陸':
		return 6, true
	case '七', '柒':
		return 7, true
	case '八', '捌':
		return 8, true
	case '九', '玖':
		return 9, true
	}
	return 0, false
}

func cnSmallMag(r rune) (int, bool) {
	switch r {
	case '十', '拾':
		return 10, true
	case '百', '佰':
		return 100, true
	case '千', '仟':
		return 1000, true
	}
	return 0, false
}

func cnBigMag(r rune) (int, bool) {
	switch r {
	case '万', '萬':
		return 10_000, true
	case '亿', '億':
		return 100_000_000, true
	}
	return 0, false
}

func isAnyDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func hasWideDigit(s string) bool {
	for _, r := range s {
		if r >= '０' && r <= '９' {
			return true
		}
	}
	return false
}

// foldDigits writes full-width digits and separators as ASCII.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '，':
			return ','
		case r == '：':
			return ':'
		}
		return r
	}, s)
}

func digitCount(s string) int {
	n := 0
	for _, r := range s {
		if isAnyDigit(r) {
			n++
		}
	}
	return n
}

// arabicValue returns the value of a run of digits, or -1.
func arabicValue(s string) int {
	v, n := 0, 0
	for _, r := range s {
		if !isAnyDigit(r) {
			return -1
		}
		if r >= '０' {
			r = r - '０' + '0'
		}
		v = v*10 + int(r-'0')
		if n++; n > 9 {
			return -1
		}
	}
	if n == 0 {
		return -1
	}
	return v
}

// arabicAt reads a number in digits at p: digits with at most one decimal
// part (3.5, １２．５).
func arabicAt(s string, p int) (int, numInfo) {
	j := p
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isAnyDigit(r) {
			break
		}
		j += n
	}
	if j == p {
		return p, numInfo{}
	}
	info := numInfo{arabic: true, plain: true, text: s[p:j]}
	if r, n := utf8.DecodeRuneInString(s[j:]); r == '.' || r == '．' {
		k := j + n
		for k < len(s) {
			d, m := utf8.DecodeRuneInString(s[k:])
			if !isAnyDigit(d) {
				break
			}
			k += m
		}
		if k > j+n {
			j = k
			info.plain, info.decimal = false, true
		}
	}
	info.digits = digitCount(s[p:j])
	info.value = -1
	if info.plain {
		info.value = arabicValue(s[p:j])
	}
	return j, info
}

// cnNumeralAt reads the Chinese numeral at p: digits and magnitudes
// (两千三百, 二〇二四, 十五). It stops before a decimal part.
func cnNumeralAt(s string, p int) (int, numInfo) {
	info := numInfo{plain: true, digitOnly: true}
	total, section, cur, concat := 0, 0, 0, 0
	j := p
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if d, ok := cnDigit(r); ok {
			cur = d
			concat = concat*10 + d
			if concat > 1e9 {
				concat = 1e9
			}
		} else if m, ok := cnSmallMag(r); ok {
			if cur == 0 {
				cur = 1
			}
			section += cur * m
			cur = 0
			info.digitOnly = false
		} else if m, ok := cnBigMag(r); ok {
			total = min(total+(section+cur)*m, 1e15)
			section, cur = 0, 0
			info.digitOnly = false
		} else {
			break
		}
		info.runes++
		j += n
	}
	if j == p {
		return p, numInfo{}
	}
	info.text = s[p:j]
	info.value = total + section + cur
	if info.digitOnly && info.runes > 1 {
		info.value = concat
	}
	return j, info
}

// cnDecimalAt reads the decimal part "点" + Chinese digits at p (一点五),
// but not a time ("三点五分", "三点十分").
func cnDecimalAt(s string, p int) int {
	if !strings.HasPrefix(s[p:], "点") {
		return p
	}
	j := p + len("点")
	k := j
	for k < len(s) {
		r, n := utf8.DecodeRuneInString(s[k:])
		if _, ok := cnDigit(r); !ok {
			break
		}
		k += n
	}
	if k == j {
		return p
	}
	if r, _ := utf8.DecodeRuneInString(s[k:]); r == '分' || r == '刻' || r == '十' {
		return p
	}
	return k
}

// numberAt reads a number in digits or Chinese numerals at p.
func numberAt(s string, p int) (int, numInfo) {
	if e, info := arabicAt(s, p); e > p {
		return e, info
	}
	e, info := cnNumeralAt(s, p)
	if e > p {
		if d := cnDecimalAt(s, e); d > e {
			e = d
			info.decimal, info.plain = true, false
			info.text = s[p:e]
		}
	}
	return e, info
}

// Units, each list longest first where one is a prefix of another.
var (
	currencies = []string{"新台币", "人民币", "美元", "美金", "欧元", "英镑", "日元", "日圆", "港元", "港币", "港幣",
		"韩元", "澳元", "加元", "卢布", "泰铢", "台币", "块钱", "毛钱", "分钱", "元钱", "元", "圆", "块", "毛", "角"}
	currencyPrefixes = []string{"新台币", "人民币", "美元", "美金", "欧元", "英镑", "日元", "港元", "港币", "港幣",
		"韩元", "澳元", "加元", "台币"}
	measures = []string{"个月", "个", "人次", "人", "位", "名", "次", "笔", "张", "件", "条", "项", "家", "只",
		"台", "部", "本", "份", "种", "天", "日", "周岁", "周", "星期", "小时", "钟头", "分钟", "秒钟", "秒", "分",
		"年", "岁", "倍", "米", "公里", "千米", "厘米", "毫米", "平方米", "公斤", "千克", "斤", "克", "吨", "毫升",
		"升", "度", "股", "手", "户", "单", "期", "批", "层", "楼", "室", "页", "集", "款", "辆", "双", "套",
		"间", "座", "所", "节", "届", "季度", "季", "号", "遍", "半", "级", "句", "篇", "首", "支", "枚", "盒", "瓶",
		"碗", "杯", "份儿", "站", "路", "排", "行", "英寸", "寸", "尺", "码"}
	periods = []string{"上午", "下午", "中午", "晚上", "早上", "凌晨", "傍晚", "早晨", "夜里", "半夜", "清晨"}
)

// matchAny returns the end of the first of words that s has at p, or p.
func matchAny(s string, p int, words []string) int {
	for _, w := range words {
		if strings.HasPrefix(s[p:], w) {
			return p + len(w)
		}
	}
	return p
}

// periodBefore reports whether text[:p] ends with a period of the day
// ("下午"), so that "下午一点" is a time and not "a little".
func periodBefore(s string, p int) bool {
	for _, w := range periods {
		if strings.HasSuffix(s[:p], w) {
			return true
		}
	}
	return false
}

// unitTail reads what follows the number that ends at e: magnitudes,
// then a percent sign, a currency, a date or time, or a measure word. It
// returns the end of the figure and its kind; e and 0 when nothing
// follows.
func unitTail(s string, e int, num numInfo, afterPeriod bool) (int, Kind) {
	j, mag := e, false
	if num.arabic {
		for n := 0; n < 3 && j < len(s); n++ {
			r, size := utf8.DecodeRuneInString(s[j:])
			_, small := cnSmallMag(r)
			_, big := cnBigMag(r)
			if !small && !big {
				break
			}
			j += size
			mag = true
		}
	}
	approx := false
	if r, size := utf8.DecodeRuneInString(s[j:]); r == '多' || r == '余' || r == '来' {
		k := j + size
		for k < len(s) {
			d, n := utf8.DecodeRuneInString(s[k:])
			if _, big := cnBigMag(d); !big {
				break
			}
			k += n
		}
		if matchAny(s, k, currencies) > k || matchAny(s, k, measures) > k || k > j+size {
			j, approx = k, true
			mag = mag || k > j+size
		}
	}
	switch {
	case strings.HasPrefix(s[j:], "%"):
		return j + 1, Percent
	case strings.HasPrefix(s[j:], "％"):
		return j + len("％"), Percent
	case !mag && !approx && num.plain && num.value >= 1 && num.value <= 10 && strings.HasPrefix(s[j:], "成"):
		return j + len("成"), Percent
	}
	if k := matchAny(s, j, currencies); k > j {
		return k, Money
	}
	if !mag && !approx && num.plain {
		if k := dateTail(s, j, num, afterPeriod); k > j {
			return k, Date
		}
	}
	if k := matchAny(s, j, measures); k > j {
		if num.text == "十" && strings.HasPrefix(s[j:], "分") {
			return e, 0 // 十分: "very"
		}
		return k, Number
	}
	if mag || approx {
		if r, size := utf8.DecodeRuneInString(s[j:]); mag && !approx && (r == '多' || r == '余') {
			j += size // 8万多
		}
		return j, Number
	}
	return e, 0
}

// dateTail reads a date or time unit after the whole number num that ends
// at j: 2024年(3月(5日)), 3月(5号), 5日, 3点(半), 15时30分, with a time
// after a day ("5日下午3点", "5日15:30").
func dateTail(s string, j int, num numInfo, afterPeriod bool) int {
	switch {
	case strings.HasPrefix(s[j:], "年"):
		year := num.arabic && num.digits == 4 || !num.arabic && num.digitOnly && num.runes == 4
		if !year {
			return j
		}
		k := j + len("年")
		if r, n := utf8.DecodeRuneInString(s[k:]); r == '度' || r == '底' || r == '初' || r == '末' {
			return k + n
		}
		if e, m := numberAt(s, k); e > k && m.plain && m.value >= 1 && m.value <= 12 && strings.HasPrefix(s[e:], "月") {
			return monthTail(s, e+len("月"))
		}
		return k
	case strings.HasPrefix(s[j:], "月"):
		if num.value < 1 || num.value > 12 {
			return j
		}
		return monthTail(s, j+len("月"))
	case strings.HasPrefix(s[j:], "日") || strings.HasPrefix(s[j:], "号"):
		if num.value < 1 || num.value > 31 {
			return j
		}
		return timeAfterDay(s, j+len("日"))
	}
	return timeTail(s, j, num, afterPeriod)
}

// monthTail reads what may follow "N月": 份, 底, a day.
func monthTail(s string, k int) int {
	if r, n := utf8.DecodeRuneInString(s[k:]); r == '份' || r == '底' || r == '初' || r == '末' {
		return k + n
	}
	if e, m := numberAt(s, k); e > k && m.plain && m.value >= 1 && m.value <= 31 {
		if strings.HasPrefix(s[e:], "日") || strings.HasPrefix(s[e:], "号") {
			return timeAfterDay(s, e+len("日"))
		}
	}
	return k
}

// timeAfterDay reads a time right after a day: "下午3点", "15:30".
func timeAfterDay(s string, k int) int {
	p := k
	if q := matchAny(s, k, periods); q > k {
		p = q
	}
	e, m := numberAt(s, p)
	if e == p || !m.plain {
		return k
	}
	if t := timeTail(s, e, m, p > k); t > e {
		return t
	}
	if p == k && m.arabic && e < len(s) && s[e] == ':' {
		if end := numberEnd(s, p, true); classifyNumber(s[p:end]) == Date {
			return end
		}
	}
	return k
}

// timeTail reads an hour unit after num: 3点, 3点半, 十点一刻, 3点20(分),
// 15时30分(20秒), 3点钟. A bare "一点" is "a little" unless a period of
// the day comes before it.
func timeTail(s string, j int, num numInfo, afterPeriod bool) int {
	var k int
	switch {
	case strings.HasPrefix(s[j:], "点"):
		k = j + len("点")
	case strings.HasPrefix(s[j:], "时") && !strings.HasPrefix(s[j:], "时候") && !strings.HasPrefix(s[j:], "时间"):
		k = j + len("时")
	default:
		return j
	}
	if num.value < 0 || num.value > 24 {
		return j
	}
	hourOnly := strings.HasPrefix(s[j:], "时") && !num.arabic && !afterPeriod // 一时半会: "a while"
	switch {
	case hourOnly:
	case strings.HasPrefix(s[k:], "钟"), strings.HasPrefix(s[k:], "半"), strings.HasPrefix(s[k:], "整"):
		return k + len("钟")
	case strings.HasPrefix(s[k:], "一刻"), strings.HasPrefix(s[k:], "三刻"):
		return k + len("一刻")
	}
	if e, m := numberAt(s, k); e > k && m.plain && m.value >= 0 && m.value <= 59 {
		if strings.HasPrefix(s[e:], "分") && !strings.HasPrefix(s[e:], "分钟") {
			e += len("分")
			if f, m2 := numberAt(s, e); f > e && m2.plain && m2.value <= 59 && strings.HasPrefix(s[f:], "秒") {
				e = f + len("秒")
			}
			return e
		}
		if m.arabic && num.arabic {
			return e // 3点20
		}
	}
	if hourOnly || !num.arabic && num.text == "一" && !afterPeriod {
		return j // 一点: "a little"; 一时: "for a moment"
	}
	return k
}

// forcedAt matches, at p, the figures that are found even inside a word
// that the segmenter made: weekdays (星期一, 礼拜天, 周三) and fractions of
// a hundred (百分之五, 千分之三, 百分百).
func forcedAt(s string, p int) (int, Kind) {
	if p >= len(s) || s[p] < 0xE4 || s[p] > 0xE7 {
		return p, 0 // not a CJK unified ideograph
	}
	for _, w := range [...]string{"星期", "礼拜", "周"} {
		if !strings.HasPrefix(s[p:], w) {
			continue
		}
		k := p + len(w)
		r, n := utf8.DecodeRuneInString(s[k:])
		if !strings.ContainsRune("一二三四五六日天", r) || w == "周" && r == '天' {
			continue
		}
		if q := matchAny(s, k+n, measures); q > k+n || strings.HasPrefix(s[k+n:], "成") {
			continue // 每周一次: "once a week"
		}
		return k + n, Date
	}
	if strings.HasPrefix(s[p:], "百分百") {
		return p + len("百分百"), Percent
	}
	for _, w := range [...]string{"百分之", "千分之", "万分之"} {
		if strings.HasPrefix(s[p:], w) {
			k := p + len(w)
			if e, _ := numberAt(s, k); e > k {
				return e, Percent
			}
		}
	}
	return p, 0
}

// figureAt matches a figure that starts with a Chinese numeral or 第 at
// p, the start of a word: 两千三百元, 三月五日, 一点五, 第三季度,
// 三分之一. A numeral with no unit after it must be two characters or
// more (十五), so that 一下, 一起 and 一样 stay words.
func figureAt(s string, p int, afterPeriod bool) (int, Kind) {
	if f, k := forcedAt(s, p); f > p {
		return f, k
	}
	if strings.HasPrefix(s[p:], "第") {
		q := p + len("第")
		e, _ := numberAt(s, q)
		if e == q {
			return p, 0
		}
		if k := matchAny(s, e, measures); k > e {
			return k, Number
		}
		return e, Number
	}
	r, _ := utf8.DecodeRuneInString(s[p:])
	_, digit := cnDigit(r)
	_, small := cnSmallMag(r)
	if !digit && !small {
		return p, 0
	}
	e, info := cnNumeralAt(s, p)
	if strings.HasPrefix(s[e:], "分之") {
		q := e + len("分之")
		if f, _ := numberAt(s, q); f > q {
			if info.text == "百" || info.text == "千" || info.text == "万" {
				return f, Percent
			}
			return f, Number
		}
	}
	if d := cnDecimalAt(s, e); d > e {
		info.text, info.decimal, info.plain = s[p:d], true, false
		e = d
	}
	if f, k := unitTail(s, e, info, afterPeriod); f > e {
		return f, k
	}
	if info.runes >= 2 || info.decimal {
		return e, Number
	}
	return p, 0
}

// mergeChinese is the last pass: full-width figures that the English
// rules split (１２．５, ５％, １５：３０), and the words before a figure
// that belong to it: a currency (人民币5000元, ￥100), a period of the
// day (下午3点), an ordinal (第3季度).
func mergeChinese(s string, toks []Token) []Token {
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		// １２．５, １５：３０, ５％
		for t.Kind == Number && i+1 < len(toks) && hasWideDigit(t.Text) {
			n := toks[i+1]
			if n.Text == "％" && n.Kind == Punct {
				t = span(s, t, n, Percent)
				i++
				continue
			}
			if (n.Text == "．" || n.Text == "：") && i+2 < len(toks) && toks[i+2].Kind != Space && hasWideDigit(toks[i+2].Text) &&
				figureKind(toks[i+2].Kind) {
				k := toks[i+2].Kind
				if n.Text == "：" {
					k = Date
				} else if k == Identifier {
					k = Number
				}
				t = span(s, t, toks[i+2], k)
				i += 2
				continue
			}
			break
		}
		if figureKind(t.Kind) {
			if k, kind := prefixStart(s, out, t); k >= 0 {
				t = span(s, out[k], t, kind)
				out = out[:k]
			}
		}
		out = append(out, t)
	}
	return out
}

// span returns the figure token from a's start to b's end.
func span(s string, a, b Token, k Kind) Token {
	return Token{Text: s[a.Start:b.End], Start: a.Start, End: b.End, Kind: k, Tag: "CD"}
}

// prefixStart returns the index in out of the first token of a word that
// belongs before the figure t, and the kind of the whole; -1 when none.
func prefixStart(s string, out []Token, t Token) (int, Kind) {
	try := func(w string) int {
		if !strings.HasSuffix(s[:t.Start], w) {
			return -1
		}
		start := t.Start - len(w)
		for k := len(out) - 1; k >= 0 && out[k].End > start; k-- {
			if out[k].Kind != Word && out[k].Kind != Symbol {
				return -1
			}
			if out[k].Start == start {
				return k
			}
		}
		return -1
	}
	switch t.Kind {
	case Number, Money:
		for _, w := range currencyPrefixes {
			if k := try(w); k >= 0 {
				return k, Money
			}
		}
		for _, w := range [...]string{"￥", "＄"} {
			if k := try(w); k >= 0 {
				return k, Money
			}
		}
		if t.Kind == Number && !strings.HasPrefix(t.Text, "第") {
			if k := try("第"); k >= 0 {
				return k, Number
			}
		}
	case Date:
		for _, w := range periods {
			if k := try(w); k >= 0 {
				return k, Date
			}
		}
	}
	return -1, 0
}
