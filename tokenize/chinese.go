package tokenize

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
)

// Chinese tokenizes Chinese and mixed Chinese, English and digit text.
//
// Runs of Han characters are segmented into words by gse
// (github.com/go-ego/gse v0.80.3) in its precise mode, dictionary only:
// the shortest path through jieba's word graph without the HMM for
// unknown words (Cut(text, false)). On 800 sentences of the shared
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
// Cost. The segmenter is shared and loaded once, on the first text that
// holds a Han character (a text without one never loads it), from the
// dictionary embedded in this package (zhdict.txt.gz, 1.97 MB: jieba's
// dict.txt as shipped in gse, 352,275 words with frequencies and tags; see
// ZhDictVersion and LICENSE.jieba); the HMM tables are not loaded, no file
// is read, nothing is written and nothing is printed or logged. Loading
// takes about 0.8 s (1.0 s as the first Chinese text of a fresh process)
// and 409 MB of allocations, leaves 135 MB on the heap and grows the
// resident set by about 215 MB (BenchmarkChineseLoad,
// TestChineseFootprint). A program that can tokenize Chinese (any user of
// textaug.Tokens or textaug.KeepsFigures) grows by about 2.4 MB (the
// dictionary and gse's code); gse's own embedded dictionaries (33 MB) are
// never referenced, so never linked.
// Segmenting then runs at about 80,000 short sentences a second on one
// core (BenchmarkChineseTokenize). Medians of three to five runs on the
// development machine.
//
// The zero value is ready to use; Chinese is safe for concurrent use. The
// returned slice is new and owned by the caller.
type Chinese struct{}

// segmenter returns the shared gse segmenter, loaded on first use; later
// calls return the same segmenter, or the same error. The sync.Once lives
// in a function rather than in a package-level sync.OnceValues so that a
// program that never tokenizes Chinese links neither the loader nor gse's
// embedded dictionaries (33 MB).
func segmenter() (*gse.Segmenter, error) {
	zhSeg.once.Do(func() { zhSeg.seg, zhSeg.err = loadSegmenter() })
	return zhSeg.seg, zhSeg.err
}

var zhSeg struct {
	once sync.Once
	seg  *gse.Segmenter
	err  error
}

// ZhDictVersion names the segmentation dictionary embedded in
// zhdict.txt.gz.
const ZhDictVersion = "jieba dict.txt as shipped in gse v0.80.3 (data/dict/zh/s_1.txt)"

// zhDict is gse's simplified-Chinese dictionary, gzip-compressed; see
// zhdict_gen.go. Embedding our own copy (1.97 MB) instead of calling gse's
// LoadDictEmbed keeps gse's embedded dictionaries (simplified, traditional
// and Japanese, 33 MB) out of every binary: nothing references them.
//
//go:generate go run zhdict_gen.go
//go:embed zhdict.txt.gz
var zhDict []byte

// loadSegmenter builds a segmenter from the embedded dictionary. It reads
// no file and logs nothing (SkipLog keeps it so); NotLoadHMM skips gse's
// HMM tables, which Cut(text, false) does not use and which gse keeps in
// package-level maps.
func loadSegmenter() (*gse.Segmenter, error) {
	zr, err := gzip.NewReader(bytes.NewReader(zhDict))
	if err != nil {
		return nil, fmt.Errorf("tokenize: the embedded Chinese dictionary: %w", err)
	}
	var b strings.Builder
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, fmt.Errorf("tokenize: the embedded Chinese dictionary: %w", err)
	}
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := seg.LoadDictStr(b.String()); err != nil {
		return nil, fmt.Errorf("tokenize: loading the Chinese dictionary: %w", err)
	}
	if seg.Dict == nil || seg.Dict.NumTokens() == 0 {
		return nil, errors.New("tokenize: the embedded Chinese dictionary is empty")
	}
	return seg, nil
}

// Tokenize splits text into tagged tokens; see Chinese. Every token
// carries LangZH, Latin words and figures included. The error is only
// ever a failure to load the segmenter or the tagger.
func (Chinese) Tokenize(text string) ([]Token, error) {
	z := zhScanner{text: text, toks: make([]Token, 0, len(text)/3+1)}
	if hasHan(text) {
		seg, err := segmenter()
		if err != nil {
			return nil, err
		}
		z.seg = seg
	}
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
	a, _ := utf8.DecodeLastRuneInString(left)
	b, _ := utf8.DecodeRuneInString(right)
	return !wide(a) && !wide(b)
}

// wide reports whether r belongs to writing that uses no spaces between
// words: Han, kana, CJK symbols and punctuation, full-width forms.
func wide(r rune) bool {
	switch {
	case r < 0x2E80:
		return false
	case r >= 0x3000 && r <= 0x30FF, // CJK symbols and punctuation, kana
		r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6, // full-width forms
		r >= 0x2E80 && r <= 0x2FDF, // radicals
		r >= 0x31C0 && r <= 0x31FF, // strokes, kana extensions
		r >= 0xFE30 && r <= 0xFE4F: // CJK compatibility forms
		return true
	}
	return unicode.Is(unicode.Han, r)
}

func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

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
	seg  *gse.Segmenter
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
	words := z.seg.Cut(s[i:e], false)
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
	freq, pos, ok := z.seg.Find(w)
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
