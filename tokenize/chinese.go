package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Chinese tokenizes Chinese and mixed Chinese, English and digit text.
//
// Runs of Han characters are segmented into words exactly as gse
// (github.com/go-ego/gse v0.80.3) does in its precise mode, dictionary
// only: the most probable path through jieba's word graph without the HMM
// for unknown words (gse's Cut(text, false)), over a compiled copy of the
// dictionary gse loads (see ZhDictVersion); TestChineseCutsMatchGse checks
// every text of the shared Chinese sets against gse itself. On 800 sentences of the shared
// Chinese sets the HMM changed 133 segmentations, mostly by gluing a
// pronoun or particle to a verb (我查, 能帮, 那它, 完饿), which would then
// be moved or deleted as one word. Everything else (Latin words, digits,
// ASCII and full-width punctuation, URLs, emails, emoji, white space) goes
// through the English rules of Tokenize, one maximal non-Han run at a
// time, so that "5%", "$100", URLs, emails, order and phone numbers are
// the same tokens as in English text. Nothing is added or dropped:
// Join(toks) == text for every text, spaces in the text become Space
// tokens, and no token holds a space unless the English rules make one
// ("EUR 25 mn").
//
// Chinese figures become single tokens of their kind:
//
//   - Number: Arabic, full-width (１２３) and Chinese numerals (十五,
//     两千三百, 一点五, 三分之一, 第三), with magnitudes (1.2万, 3千万)
//     and a following measure word (3个, 两笔, 5天, 一次, 三季度). A
//     Chinese numeral counts only as a whole word (一 in 一回到家, 万一)
//     or with a measure or unit after it, so 一下, 一起, 一样 and 统一
//     stay words; over-protection remains (万一, 十分, 一个, 百度).
//   - Money: 3.5亿元, 100元, 5块钱, 3角, 50美元, 人民币5000元, 港币200,
//     ¥100, ￥100, 两千三百元, 10多万元.
//   - Percent: 5%, ５％, 百分之五, 百分之三点五, 千分之三, 三成.
//   - Date: 2024年3月5日, 3月5号, 二〇二四年, 下午3点, 3点半, 十点一刻,
//     15:30, 星期一, 周一, 礼拜天; only explicit figures (今年 is a word).
//   - Identifier: what the English rules find (13800138000, 400-123-4567,
//     A20240305, card numbers in groups).
//
// Chinese punctuation (，。、；：？！“”‘’（）《》【】…—～·) is Punct.
//
// Tags. Han words get Penn-like tags mapped from the part of speech that
// gse's dictionary (jieba's, ICTCLAS tags) gives them, so that the
// protection policy and part-of-speech-aware synonym sources work:
// n, ng, vn, an, t, s, f, i, l, j, g, k → NN; nr*, ns, nt, nz → NNP
// (entities, frozen by the default policy; jieba's dictionary also tags
// some common words so: 谢谢, 明白, 银行卡, 东西; a one-character word
// gets NN instead, since it is a surname or an abbreviation in the
// dictionary but a word in text: 后, 金, 美); v* → VB; a, ag, b, z, h → JJ;
// ad, d* → RB; m → CD; q → M (measure words, a closed class); r* → PRP;
// p → IN; c → CC; u*, y → RP; e, o → UH; x → SYM. A word missing from the
// dictionary is NN. Figures are CD; Chinese punctuation gets the Penn tag
// of its ASCII counterpart (the comma, the full stop, the colon, the
// quotes, -LRB-, -RRB-) or SYM. Latin words are tagged by the shared
// prose tagger (see Prose), one non-Han run at a time.
//
// Cost. The dictionary (zhdict.bin, 6.2 MB: jieba's dict.txt as gse v0.80.3
// loads it, 352,275 words with frequencies and tags; see ZhDictVersion and
// LICENSE.jieba) is compiled by go generate into sorted keys and flat
// arrays that are embedded in the binary and read in place: the first text
// that holds a Han character checks it (under 1 ms, 1 KB allocated,
// BenchmarkChineseLoad), nothing is copied onto the heap, and a process
// only pages in what its lookups touch (about 5 MB of resident set for the
// first sentence, TestChineseFootprint). No file is read, nothing is
// written, printed or logged, and gse is not linked into any program (the
// tests use it as the reference). Segmenting runs at roughly 70,000 short
// sentences a second on one core, with 3 allocations a sentence
// (BenchmarkChineseTokenize; medians of three runs on the shared
// development machine).
//
// The zero value is ready to use; Chinese is safe for concurrent use. The
// returned slice is new and owned by the caller.
type Chinese struct{}

// Tokenize splits text into tagged tokens; see Chinese. Every token
// carries LangZH, Latin words and figures included. The error is only
// ever a failure to load the segmenter or the tagger.
func (Chinese) Tokenize(text string) ([]Token, error) {
	var lex zhLexicon
	if hasHan(text) {
		d, err := loadZhDict()
		if err != nil {
			return nil, err
		}
		lex = d
	}
	return tokenizeChinese(text, lex)
}

// zhLexicon segments Han text and looks words up: the compiled dictionary,
// or gse in the tests that compare the two.
type zhLexicon interface {
	cut(s string, sc *zhScratch) []string
	find(w string) (freq float64, pos string, ok bool)
}

// tokenizeChinese is Chinese.Tokenize with the given lexicon, which may be
// nil when text holds no Han character.
func tokenizeChinese(text string, lex zhLexicon) ([]Token, error) {
	z := zhScanner{text: text, lex: lex, sc: zhScratches.Get().(*zhScratch), toks: make([]Token, 0, len(text)/3+1)}
	defer zhScratches.Put(z.sc)
	if err := z.run(); err != nil {
		return nil, err
	}
	toks := mergeChinese(text, z.toks)
	for i := range toks {
		toks[i].Lang = LangZH
	}
	return toks, nil
}

// NeedSpace reports whether a space must separate left and right when they
// are written next to each other: true unless the last character of left
// or the first character of right is a CJK one (a Han character, kana,
// CJK or full-width punctuation and forms), since Chinese and Japanese
// put no spaces between words. Strategies use it to decide about spacing
// when they insert or move text.
func NeedSpace(left, right string) bool {
	if left == "" || right == "" {
		return false
	}
	if commonHan(left[max(0, len(left)-3):]) || commonHan(right[:min(3, len(right))]) {
		return false // most Chinese text, without decoding
	}
	a, _ := utf8.DecodeLastRuneInString(left)
	b, _ := utf8.DecodeRuneInString(right)
	return !wide(a) && !wide(b)
}

// commonHan reports whether s is the UTF-8 encoding of one character of
// U+5000 to U+9FFF, all Han (TestCJKBlockIsHan): lead byte E5 to E9, two
// continuation bytes.
func commonHan(s string) bool {
	return len(s) == 3 && s[0] >= 0xE5 && s[0] <= 0xE9 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80
}

// wide reports whether r belongs to writing that uses no spaces between
// words: Han, kana, CJK symbols and punctuation, full-width forms.
func wide(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs, all Han (TestCJKBlockIsHan)
		return true
	case r >= 0x3000 && r <= 0x30FF, // CJK symbols and punctuation, kana
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, // full-width forms
		r >= 0x2E80 && r <= 0x2FDF, // radicals
		r >= 0x31C0 && r <= 0x31FF, // strokes, kana extensions
		r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	}
	return unicode.Is(unicode.Han, r)
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x2E80 && unicode.Is(unicode.Han, r)
}

func hasHan(s string) bool {
	for _, r := range s {
		if isHan(r) {
			return true
		}
	}
	return false
}

// zhScanner is one Tokenize call.
type zhScanner struct {
	text string
	lex  zhLexicon
	sc   *zhScratch
	toks []Token
}

func (z *zhScanner) run() error {
	s := z.text
	for i := 0; i < len(s); {
		r, _ := utf8.DecodeRuneInString(s[i:])
		j := i
		if isHan(r) {
			for j < len(s) {
				d, n := utf8.DecodeRuneInString(s[j:])
				if !isHan(d) {
					break
				}
				j += n
			}
			i = z.han(i, j)
			continue
		}
		for j < len(s) {
			d, n := utf8.DecodeRuneInString(s[j:])
			if isHan(d) {
				break
			}
			j += n
		}
		var err error
		if i, err = z.other(i, j); err != nil {
			return err
		}
	}
	return nil
}

func (z *zhScanner) add(start, end int, k Kind, tag string) {
	z.toks = append(z.toks, Token{Text: z.text[start:end], Start: start, End: end, Kind: k, Tag: tag})
}

// other tokenizes the non-Han run text[i:e] with the English rules and
// returns where scanning goes on: e, or further when the run ends in a
// number that a Chinese unit after it extends ("3.5" + "亿元").
func (z *zhScanner) other(i, e int) (int, error) {
	sub := Tokenize(z.text[i:e])
	letters := false
	for k := range sub {
		sub[k].Start += i
		sub[k].End += i
		if sub[k].Kind == Word || sub[k].Kind == Contraction {
			letters = true
		}
	}
	if letters {
		p, err := Prose()
		if err != nil {
			return 0, err
		}
		TagTokens(p, sub)
	}
	for k := range sub {
		t := &sub[k]
		switch {
		case t.Kind == Space:
			t.Tag = ""
		case figureKind(t.Kind):
			t.Tag = "CD"
		case t.Kind == Punct && (!letters || hasWide(t.Text)):
			t.Tag = punctTag(t.Text)
		case !letters && (t.Kind == URL || t.Kind == Email):
			t.Tag = "NN"
		case !letters:
			t.Tag = "SYM"
		}
		if t.Kind == Number && hasWideDigit(t.Text) {
			t.Kind = classifyNumber(foldDigits(t.Text))
		}
	}
	z.toks = append(z.toks, sub...)
	if e == len(z.text) || len(sub) == 0 {
		return e, nil
	}
	last := &z.toks[len(z.toks)-1]
	if !extendable(last) {
		return e, nil
	}
	v := arabicValue(last.Text)
	num := numInfo{arabic: true, plain: v >= 0, digits: digitCount(last.Text), value: v, text: last.Text}
	if f, k := unitTail(z.text, e, num, periodBefore(z.text, last.Start)); f > e {
		if k == Number && last.Kind == Money {
			k = Money
		}
		*last = Token{Text: z.text[last.Start:f], Start: last.Start, End: f, Kind: k, Tag: "CD"}
		return f, nil
	}
	return e, nil
}

// extendable reports whether a Chinese unit may follow t as part of one
// figure: a plain number, a run of digits the English rules call an
// identifier ("100000" + "元"), or an amount that ends in a digit.
func extendable(t *Token) bool {
	if t.Kind == Space || t.Text == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t.Text)
	if !isAnyDigit(last) {
		return false
	}
	switch t.Kind {
	case Number, Money:
		return true
	case Identifier:
		for _, r := range t.Text {
			if !isAnyDigit(r) {
				return false
			}
		}
		return true
	}
	return false
}

// han segments the Han run text[i:e] and returns where scanning goes on:
// e, or the end of a figure found inside the run (the rest of the run is
// segmented again from there).
func (z *zhScanner) han(i, e int) int {
	s := z.text
	if f, k := forcedAt(s, i); f > i {
		z.add(i, f, k, "CD")
		return f
	}
	for j := i; j < e; {
		if f, _ := forcedAt(s, j); f > j && j > i {
			e = j // segment up to the pattern; it opens the next round
			break
		}
		_, n := utf8.DecodeRuneInString(s[j:])
		j += n
	}
	words := z.lex.cut(s[i:e], z.sc)
	if strings.Join(words, "") != s[i:e] {
		words = words[:0] // cannot happen with Han text; stay lossless anyway
		for _, r := range s[i:e] {
			words = append(words, string(r))
		}
	}
	p := i
	for n, w := range words {
		if f, k := figureAt(s, p, periodBefore(s, p)); f > p {
			z.add(p, f, k, "CD")
			return f
		}
		if d, f, k := innerNumeral(s, p, w, words[n+1:]); f > 0 {
			z.add(p, d, Word, z.tag(s[p:d]))
			z.add(d, f, k, "CD")
			return f
		}
		if allNumeral(w) {
			z.add(p, p+len(w), Number, "CD") // 一 in 一回到家, 万一: a numeral as a whole word
		} else {
			z.add(p, p+len(w), Word, z.tag(w))
		}
		p += len(w)
	}
	return e
}

// allNumeral reports whether w is made of Chinese numeral characters.
func allNumeral(w string) bool {
	for _, r := range w {
		_, digit := cnDigit(r)
		_, small := cnSmallMag(r)
		_, big := cnBigMag(r)
		if !digit && !small && !big {
			return false
		}
	}
	return w != ""
}

// innerNumeral finds a figure whose numeral the segmenter glued to the
// characters before it: 大一岁 is 大 + 一岁 ("a year older"), 这一天 is
// 这 + 一天. The figure must end where a word ends (统一 + 部署 stays as it
// is). It returns where the numeral starts, and the end and kind of the
// figure; f == 0 when there is none.
func innerNumeral(s string, p int, w string, next []string) (d, f int, k Kind) {
	end := p + len(w)
	prevNumeral := true // the word's start is figureAt's business
	for d = p; d < end; {
		r, n := utf8.DecodeRuneInString(s[d:])
		_, digit := cnDigit(r)
		_, small := cnSmallMag(r)
		_, big := cnBigMag(r)
		if (digit || small) && !prevNumeral {
			if e, info := cnNumeralAt(s, d); e <= end {
				if f, k = unitTail(s, e, info, periodBefore(s, d)); f > e && atBoundary(f, end, next) {
					return d, f, k
				}
			}
		}
		prevNumeral = digit || small || big
		d += n
	}
	return 0, 0, 0
}

// atBoundary reports whether f is the end of the word that ends at end or
// of one of the next words.
func atBoundary(f, end int, next []string) bool {
	for _, x := range next {
		if f <= end {
			break
		}
		end += len(x)
	}
	return f == end
}

// tag maps the part of speech gse's dictionary gives w to a Penn-like tag
// (see Chinese).
func (z *zhScanner) tag(w string) string {
	freq, pos, ok := z.lex.find(w)
	if !ok || freq <= 0 || pos == "" {
		return "NN"
	}
	tag := zhTag(pos)
	if tag == "NNP" && utf8.RuneCountInString(w) == 1 {
		return "NN" // a surname or an abbreviation in the dictionary, a word in the text: 后, 金, 美
	}
	return tag
}

func zhTag(pos string) string {
	switch pos {
	case "vn", "an", "t", "tg", "s", "f", "i", "l", "j", "g", "k":
		return "NN"
	case "ns", "nt", "nz":
		return "NNP"
	case "ad":
		return "RB"
	case "b", "z", "h":
		return "JJ"
	case "e", "o":
		return "UH"
	case "x":
		return "SYM"
	case "y":
		return "RP"
	}
	switch pos[0] {
	case 'n':
		if strings.HasPrefix(pos, "nr") {
			return "NNP"
		}
		return "NN"
	case 'v':
		return "VB"
	case 'a':
		return "JJ"
	case 'd':
		return "RB"
	case 'm':
		return "CD"
	case 'q':
		return "M"
	case 'r':
		return "PRP"
	case 'p':
		return "IN"
	case 'c':
		return "CC"
	case 'u':
		return "RP"
	}
	return "NN"
}

// punctTag gives Chinese (and other) punctuation the Penn tag of its ASCII
// counterpart.
func punctTag(p string) string {
	r, _ := utf8.DecodeRuneInString(p)
	switch r {
	case ',', '，', '、', '､':
		return ","
	case '.', '。', '!', '！', '?', '？', '｡':
		return "."
	case ':', '：', ';', '；', '…', '-', '—', '–', '―', '～', '~':
		return ":"
	case '"', '“', '‘', '「', '『', '«', '〝':
		return "``"
	case '”', '’', '」', '』', '»', '〞', '\'':
		return "''"
	case '(', '（', '[', '【', '〔', '{', '《', '〈', '［', '｛', '<':
		return "-LRB-"
	case ')', '）', ']', '】', '〕', '}', '》', '〉', '］', '｝', '>':
		return "-RRB-"
	case '#', '＃':
		return "#"
	}
	return "SYM"
}

func hasWide(s string) bool {
	for _, r := range s {
		if wide(r) {
			return true
		}
	}
	return false
}

// figureKind reports the kinds that carry a quantity, a date or an identity.
func figureKind(k Kind) bool {
	switch k {
	case Number, Money, Percent, Date, Identifier:
		return true
	}
	return false
}
