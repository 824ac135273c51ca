package textaug

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/tokenize"
)

// CharConfusions tells which characters a typist may write instead of a
// given one. pinyin.Confusions (package synonyms/pinyin) is the one for
// Chinese typed with a pinyin input method.
//
// Confusable returns the characters that may stand in for r, sorted,
// de-duplicated and without r; nil when there are none. Callers do not
// modify the slice. Implementations must be safe for concurrent use and
// deterministic.
type CharConfusions interface {
	Confusable(r rune) []rune
}

// PinyinNoise is typing noise for Chinese: it replaces n = max(1,
// round(Rate·e)) of the e eligible Han characters by a character typed
// with the same (or a near) pinyin, the wrong pick from an input method's
// candidate list (在 -> 再, 的 -> 得, 做 -> 作, 他 -> 她). Candidates come
// from Confusions.
//
// A character is eligible when it is Han, sits in a token of kind Word
// that the policy does not freeze (negations, proper nouns and protected
// spans keep every character; a stopword, which only refuses synonyms,
// may be mistyped: 的 -> 得, 在 -> 再), and Confusions has a candidate for
// it. Tokens of every other kind (numbers, money, percents, dates,
// identifiers, ...) are never touched. Whatever the locks say,
// PinyinNoise never changes, and never writes, a negation character (不 没
// 无 非 未 否 别 勿 莫 毋 弗 甭), a numeral (零 〇 一 二 三 四 五 六 七 八 九 十
// 百 千 万 亿 兆 两 半 几 and the financial forms 壹 贰 叁 肆 伍 陆 柒 捌 玖 拾 佰
// 仟) or any character of Protect: a typo must not add or remove a
// negation or change a quantity.
//
// A token with a replaced character becomes a new token (Start and End -1,
// like the words SynonymReplace puts in) with the same kind and tag, and
// is locked against a second replacement in the same variant. Several
// characters of one token may be replaced. The edit does not segment the
// text again: the new characters belong to the token of the old ones.
//
// The zero value with Confusions replaces one eligible character in
// twenty (Rate 0.05), at least one; without Confusions it changes nothing.
// PinyinNoise is off unless a recipe asks for it. It is safe for
// concurrent use if Confusions is.
type PinyinNoise struct {
	Confusions CharConfusions
	Rate       float64 // share of eligible characters replaced; 0 means 0.05
	Max        int     // at most this many replacements; 0 means no cap
	// Protect lists more characters that are never replaced and never
	// written ("涨跌升降" for finance news, say); empty adds none.
	Protect string
}

// Name implements Edit.
func (PinyinNoise) Name() string { return "pinyin" }

// pinyinKeep holds the characters PinyinNoise never changes or writes:
// negations and numerals.
const pinyinKeep = "不没无非未否别勿莫毋弗甭" +
	"零〇一二三四五六七八九十百千万亿兆两半几壹贰叁肆伍陆柒捌玖拾佰仟"

// kept reports whether PinyinNoise must leave c alone and never write it.
func (p PinyinNoise) kept(c rune) bool {
	return unicode.IsNumber(c) || strings.ContainsRune(pinyinKeep, c) || strings.ContainsRune(p.Protect, c)
}

// Edit implements Edit.
func (p PinyinNoise) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	if p.Confusions == nil {
		return toks
	}
	type site struct {
		tok, off int    // token index, byte offset of the character in its text
		cands    []rune // the candidates it may become
	}
	var sites []site
	for i := range toks {
		t := &toks[i]
		// A word locked against replacement only is a stopword: a synonym
		// must not replace it, but a typo may (的 -> 得 is the classic).
		if t.Kind != tokenize.Word || t.Lock&tokenize.LockReplace != 0 && t.Lock&tokenize.Frozen != tokenize.LockReplace {
			continue
		}
		for off, c := range t.Text {
			if !unicode.Is(unicode.Han, c) || p.kept(c) {
				continue
			}
			if cands := p.candidates(c); len(cands) > 0 {
				sites = append(sites, site{i, off, cands})
			}
		}
	}
	n := count(or(p.Rate, 0.05), len(sites), p.Max)
	if n == 0 {
		return toks
	}
	// Draw the sites, then a character for each, in a fixed order; apply
	// them in text order.
	type change struct {
		site int
		c    rune
	}
	changes := make([]change, n)
	for k, si := range r.Perm(len(sites))[:n] {
		cands := sites[si].cands
		changes[k] = change{si, cands[r.IntN(len(cands))]}
	}
	slices.SortFunc(changes, func(a, b change) int { return a.site - b.site })
	out := slices.Clone(toks)
	for k := 0; k < len(changes); {
		i := sites[changes[k].site].tok
		t := &toks[i]
		var b strings.Builder
		b.Grow(len(t.Text) + 4)
		last := 0
		for ; k < len(changes) && sites[changes[k].site].tok == i; k++ {
			off := sites[changes[k].site].off
			_, size := utf8.DecodeRuneInString(t.Text[off:])
			b.WriteString(t.Text[last:off])
			b.WriteRune(changes[k].c)
			last = off + size
		}
		b.WriteString(t.Text[last:])
		out[i] = tokenize.Token{Text: b.String(), Start: -1, End: -1, Kind: t.Kind, Tag: t.Tag, Lock: t.Lock | tokenize.LockReplace}
	}
	return out
}

// candidates returns the confusions of c that PinyinNoise may write.
func (p PinyinNoise) candidates(c rune) []rune {
	cands := p.Confusions.Confusable(c)
	for i, x := range cands {
		if x == c || p.kept(x) || !utf8.ValidRune(x) {
			out := slices.Clone(cands[:i])
			for _, y := range cands[i+1:] {
				if y != c && !p.kept(y) && utf8.ValidRune(y) {
					out = append(out, y)
				}
			}
			return out
		}
	}
	return cands
}
