package textaug

import (
	"math/rand/v2"
	"slices"
	"unicode/utf8"

	"github.com/textaug/textaug/tokenize"
)

// AEDAMarks returns the punctuation marks of AEDA (Karimi et al., 2021);
// the slice is the caller's.
func AEDAMarks() []string { return slices.Clone(aedaMarks) }

// ChineseMarks returns AEDA's marks in their Chinese (full-width) forms,
// for slots between Chinese words; the slice is the caller's.
func ChineseMarks() []string { return slices.Clone(chineseMarks) }

// aedaMarks and chineseMarks are AEDAMarks and ChineseMarks; nothing
// modifies them.
var (
	aedaMarks    = []string{".", ";", "?", ":", "!", ","}
	chineseMarks = []string{"，", "。", "；", "？", "！", "："}
)

// Punctuation inserts punctuation marks before q randomly chosen words, q
// drawn uniformly from 1..int(Ratio·words + 1): AEDA. Marks go between
// words only, never inside protected spans and never beside a mark that
// is already there ("a , ! b", "好的，，我"), with a space after each mark
// where one is needed (tokenize.NeedSpace): "a ! b", but "银行卡！丢了".
//
// Chinese is segmented finely, so a mark between two Chinese words can
// still fall inside a word as a reader sees it: it never goes before a
// particle or a measure word (tags RP and M: "好！的", "在哪儿。吗") nor
// after a one-character word, which binds to the next one (我的。卡,
// 还。没有, 能。帮我).
//
// With Marks nil, a slot next to a Chinese word, and every slot of a text
// cut for Chinese (tokens of tokenize.Chinese, or of tokenize.Auto for a
// text that tokenize.Language calls Chinese), gets one of ChineseMarks; other
// slots get one of AEDAMarks. A Chinese mark adds no space: at a slot
// that follows white space it goes before that space, glued to the word
// it ends ("车， 你"), as Chinese is typed.
//
// Readability. NotFirst keeps marks off the start of the text, so that no
// variant starts with one; Clauses puts marks only where a clause opens,
// before a conjunction or a wh-word, and (with Marks nil) only the marks
// comma (，in Chinese), written as the text writes
// its own: after the word ("my card, and I") unless the text puts a space
// before its marks ("rose , and"); "卡丢了，但是" in Chinese;
// Max caps the marks; Short caps a short text at one mark (see shortCap).
//
// The zero value uses AEDAMarks (ChineseMarks for Chinese) and Ratio 0.3,
// AEDA's defaults, anywhere between words. Safe for concurrent use.
type Punctuation struct {
	Marks    []string // nil means AEDAMarks, or ChineseMarks next to Chinese words
	Ratio    float64  // 0 means 0.3
	NotFirst bool     // never before the first word
	Clauses  bool     // only before a word that opens a clause
	Max      int      // at most this many marks; 0 means AEDA's 1..int(Ratio·words+1)
	Short    int      // a text of fewer words gets one mark at most; 0 means no such cap
}

// Name implements Edit.
func (Punctuation) Name() string { return "punct" }

// Edit implements Edit.
func (p Punctuation) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	return p.editTo(r, toks, nil)
}

func (p Punctuation) editTo(r *rand.Rand, toks, dst []tokenize.Token) []tokenize.Token {
	words := 0
	for i := range toks {
		if content(&toks[i]) {
			words++
		}
	}
	sl := p.markSlots(toks)
	if len(sl) == 0 {
		return toks
	}
	q := 1 + r.IntN(int(or(p.Ratio, 0.3)*float64(words)+1))
	q = min(q, len(sl))
	if m := shortCap(p.Max, p.Short, toks); m > 0 {
		q = min(q, m)
	}
	at := make(map[int]string, q)
	zh := textLang(toks) == tokenize.LangZH
	for _, k := range r.Perm(len(sl))[:q] {
		marks := p.Marks
		if len(marks) == 0 {
			wide := zh || chineseSlot(toks, sl[k])
			switch {
			case p.Clauses && wide:
				marks = []string{"，"}
			case p.Clauses:
				marks = []string{","}
			case wide:
				marks = chineseMarks
			default:
				marks = aedaMarks
			}
		}
		at[sl[k]] = marks[r.IntN(len(marks))]
	}
	glue := p.Clauses && !marksApart(toks)
	out := slices.Grow(dst[:0], len(toks)+2*q)
	for i := range toks {
		if m, ok := at[i]; ok {
			mark := tokenize.Token{Text: m, Start: -1, End: -1, Kind: tokenize.Punct, Lock: tokenize.Frozen}
			out = withMark(out, mark, &toks[i], glue)
		}
		out = append(out, toks[i])
	}
	return out
}

// withMark appends mark to out, the tokens before next, with the spaces it
// needs. An ASCII mark gets a space after it before a Latin word ("a ! b").
// A Chinese mark adds no space: after white space it goes before that
// space, glued to the word it ends ("车 你" -> "车， 你"); so does an ASCII
// mark with glue ("a b" -> "a, b").
func withMark(out []tokenize.Token, mark tokenize.Token, next *tokenize.Token, glue bool) []tokenize.Token {
	n := len(out)
	glue = glue || !tokenize.NeedSpace(mark.Text, "a")
	if glue && n >= 2 && out[n-1].Kind == tokenize.Space && out[n-2].Kind != tokenize.Space {
		return append(out[:n-1], mark, out[n-1])
	}
	if n > 0 && spaced(&out[n-1], &mark) {
		out = append(out, space)
	}
	out = append(out, mark)
	if spaced(&mark, next) {
		out = append(out, space)
	}
	return out
}

// markSlots returns the slots (see slots) where a mark may go: the token
// before is no mark (white space aside), between Chinese words the slot is
// not inside a word as a reader sees it, and the readability options hold
// (see Punctuation).
func (pu Punctuation) markSlots(toks []tokenize.Token) []int {
	sl := slots(toks, nil)
	out := sl[:0]
	for _, j := range sl {
		p := j - 1
		for p >= 0 && toks[p].Kind == tokenize.Space {
			p--
		}
		if p >= 0 && (toks[p].Kind == tokenize.Punct || toks[p].Kind == tokenize.Symbol) ||
			p < 0 && pu.NotFirst || pu.Clauses && !opensClause(&toks[j]) {
			continue
		}
		if p >= 0 && hanWord(&toks[p]) && hanWord(&toks[j]) &&
			(toks[j].Tag == "RP" || toks[j].Tag == "M" || utf8.RuneCountInString(toks[p].Text) == 1) {
			continue
		}
		out = append(out, j)
	}
	return out
}

// marksApart reports whether the text writes a clause mark apart from the
// word before it, as Financial PhraseBank does ("rose , and").
func marksApart(toks []tokenize.Token) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Kind == tokenize.Space && clauseMark(&toks[i]) {
			return true
		}
	}
	return false
}

// opensClause reports whether a clause may start at t: a conjunction (CC:
// and, but, or; 但是, 所以, 而且) or a wh-word (which, who, where, when,
// why, how), or a subordinator (because, although, while, if, ...).
func opensClause(t *tokenize.Token) bool {
	switch t.Tag {
	case "CC", "WDT", "WP", "WP$", "WRB":
		return true
	case "IN":
		switch lower(t.Text) {
		case "because", "although", "though", "while", "whereas", "if", "unless", "since", "so":
			return true
		}
	}
	return false
}

// hanWord reports whether t is a word of Han characters.
func hanWord(t *tokenize.Token) bool {
	r, _ := utf8.DecodeRuneInString(t.Text)
	return t.Kind == tokenize.Word && isHan(r)
}

// chineseSlot reports whether the slot before toks[j] is next to a Chinese
// word: toks[j] starts, or the token before it (white space aside) ends,
// with a Chinese character.
func chineseSlot(toks []tokenize.Token, j int) bool {
	if !tokenize.NeedSpace("a", toks[j].Text) {
		return true
	}
	for i := j - 1; i >= 0; i-- {
		if toks[i].Kind != tokenize.Space {
			return !tokenize.NeedSpace(toks[i].Text, "a")
		}
	}
	return false
}

// textLang returns the language toks were cut for: that of the first token
// read from the source (an inserted token may carry the zero Lang).
func textLang(toks []tokenize.Token) tokenize.Lang {
	for i := range toks {
		if !toks[i].Inserted() {
			return toks[i].Lang
		}
	}
	return tokenize.LangEN
}
