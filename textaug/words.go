package textaug

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/tokenize"
)

// count is EDA's rule: n = max(1, round(rate·eligible)), at most max (if
// max > 0) and at most eligible.
func count(rate float64, eligible, max int) int {
	if eligible <= 0 {
		return 0
	}
	n := int(math.Round(rate * float64(eligible)))
	if n < 1 {
		n = 1
	}
	if max > 0 && n > max {
		n = max
	}
	return min(n, eligible)
}

func or(x, def float64) float64 {
	if x > 0 {
		return x
	}
	return def
}

// content reports whether t carries meaning: not space, not punctuation.
func content(t *tokenize.Token) bool {
	return t.Kind != tokenize.Space && t.Kind != tokenize.Punct && t.Kind != tokenize.Symbol
}

// replaceable reports whether t may be replaced by a synonym or seed an insertion.
func replaceable(t *tokenize.Token) bool {
	if t.Kind != tokenize.Word || t.Lock&tokenize.LockReplace != 0 {
		return false
	}
	if t.Tag == "" {
		return true
	}
	_, ok := synonyms.FromPenn(t.Tag)
	return ok
}

// candidates returns src's candidates for the token t, without any that
// holds a digit: a replacement must never add a number to the text.
func candidates(src synonyms.Source, t *tokenize.Token) []string {
	c := src.Synonyms(lower(t.Text), t.Tag)
	for i, s := range c {
		if strings.IndexFunc(s, unicode.IsDigit) >= 0 {
			out := slices.Clone(c[:i])
			for _, s := range c[i+1:] {
				if strings.IndexFunc(s, unicode.IsDigit) < 0 {
					out = append(out, s)
				}
			}
			return out
		}
	}
	return c
}

// fitsArticle filters cands, for the word at toks[i], down to those that
// fit a frozen "a"/"an" just before it; other words keep every candidate.
func fitsArticle(toks []tokenize.Token, i int, cands []string) []string {
	j := i - 1
	for j >= 0 && toks[j].Kind == tokenize.Space {
		j--
	}
	if j < 0 || toks[j].Lock&tokenize.Frozen != tokenize.Frozen {
		return cands
	}
	la := lower(toks[j].Text)
	if la != "a" && la != "an" {
		return cands
	}
	var out []string
	for _, c := range cands {
		if anBefore(c) == (la == "an") {
			out = append(out, c)
		}
	}
	return out
}

type casing uint8

const (
	caseLower casing = iota
	caseTitle
	caseUpper
)

func caseOf(w string) casing {
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return caseLower
	}
	rest := w[n:]
	if rest != "" && strings.ToUpper(rest) == rest && strings.ToLower(rest) != rest {
		return caseUpper
	}
	return caseTitle
}

// withCase gives lower-case w the case pattern c.
func withCase(w string, c casing) string {
	switch c {
	case caseUpper:
		return strings.ToUpper(w)
	case caseTitle:
		r, n := utf8.DecodeRuneInString(w)
		return string(unicode.ToUpper(r)) + w[n:]
	}
	return w
}

// phrase turns a (possibly multi-word) candidate into inserted tokens with
// single spaces between the words (none next to a Chinese word). The words
// carry lock (a replacement inherits the locks of the word it replaces, so
// an anchor stays an anchor) and are locked against a second replacement
// in the same variant.
func phrase(dst []tokenize.Token, cand, tag string, c casing, lock tokenize.Lock) []tokenize.Token {
	prev := ""
	i := -1
	for w := range strings.FieldsSeq(cand) {
		i++
		if i > 0 && tokenize.NeedSpace(prev, w) {
			dst = append(dst, tokenize.Token{Text: " ", Start: -1, End: -1, Kind: tokenize.Space})
		}
		prev = w
		if i > 0 && c == caseTitle {
			c = caseLower
		}
		dst = append(dst, tokenize.Token{Text: withCase(w, c), Start: -1, End: -1, Kind: tokenize.Word, Tag: tag, Lock: lock | tokenize.LockReplace})
	}
	return dst
}

var space = tokenize.Token{Text: " ", Start: -1, End: -1, Kind: tokenize.Space}

// slots returns the token indices before which a word may be inserted:
// starts of content tokens that follow white space (or open the text), or
// a Chinese neighbour with no space between (Chinese words have none),
// and do not sit inside a protected span.
func slots(toks []tokenize.Token, buf []int) []int {
	s := slices.Grow(buf[:0], len(toks)/2+2) // words alternate with spaces: one allocation, no regrowth
	prev := -1
	for j := range toks {
		if toks[j].Kind == tokenize.Space {
			continue
		}
		if slotAt(toks, j, prev) {
			s = append(s, j)
		}
		prev = j
	}
	return s
}

// slotAt reports whether j, a token that is not white space, is a slot;
// prev is the last token before j that is not white space, or -1.
func slotAt(toks []tokenize.Token, j, prev int) bool {
	t := &toks[j]
	return content(t) && (j == 0 || toks[j-1].Kind == tokenize.Space || !tokenize.NeedSpace(toks[j-1].Text, t.Text)) &&
		(prev < 0 || toks[prev].Lock&tokenize.LockJoin == 0)
}

// updateSlots turns sl, the slots of a text, into the slots of toks, the
// same text with d tokens inserted before index j. Only the slots from j
// to the first token after the insertion that is not white space can
// change; the later ones move by d. This costs a pass over the slot
// numbers, not over the tokens, so that thousands of insertions into a
// long text do not each rescan it.
func updateSlots(sl []int, toks []tokenize.Token, j, d int) []int {
	w := j + d // the window ends at the first token after the insertion that is not white space
	for w < len(toks) && toks[w].Kind == tokenize.Space {
		w++
	}
	prev := j - 1
	for prev >= 0 && toks[prev].Kind == tokenize.Space {
		prev--
	}
	var buf [8]int
	win := buf[:0]
	for t := j; t <= w && t < len(toks); t++ {
		if toks[t].Kind == tokenize.Space {
			continue
		}
		if slotAt(toks, t, prev) {
			win = append(win, t)
		}
		prev = t
	}
	lo, _ := slices.BinarySearch(sl, j)
	hi, found := slices.BinarySearch(sl, w-d) // old index of w
	if found {
		hi++
	}
	sl = slices.Replace(sl, lo, hi, win...)
	for k := lo + len(win); k < len(sl); k++ {
		sl[k] += d
	}
	return sl
}

// insertBefore returns toks with ins inserted before index j, with a space
// on either side only where one is needed (see spaced): "a b" -> "a X b",
// "我的卡" -> "我的X卡". The result is written into into: toks itself,
// the caller's own copy, which grows in place when its capacity allows;
// or a buffer that shares no memory with toks (nil: a new one), which
// gets room for extra more tokens when it must grow.
func insertBefore(toks []tokenize.Token, j int, ins, into []tokenize.Token, extra int) []tokenize.Token {
	var pre, post bool
	n := len(ins)
	if j > 0 && spaced(&toks[j-1], &ins[0]) {
		pre, n = true, n+1
	}
	if j < len(toks) && spaced(&ins[len(ins)-1], &toks[j]) {
		post, n = true, n+1
	}
	own := sameStart(into, toks)
	out := toks
	switch {
	case own && cap(toks)-len(toks) >= n:
	case !own && cap(into) >= len(toks)+n:
		out = append(into[:0], toks...)
	default:
		out = make([]tokenize.Token, len(toks), len(toks)+n+extra)
		copy(out, toks)
	}
	out = out[:len(toks)+n]
	copy(out[j+n:], toks[j:])
	k := j
	if pre {
		out[k], k = space, k+1
	}
	k += copy(out[k:], ins)
	if post {
		out[k] = space
	}
	return out
}

// spaced reports whether a space must go between a and b when they are
// written next to each other: both are non-space and neither side is a
// Chinese character.
func spaced(a, b *tokenize.Token) bool {
	return a.Kind != tokenize.Space && b.Kind != tokenize.Space && tokenize.NeedSpace(a.Text, b.Text)
}

// joins reports whether a and b, written next to each other without a
// space, could read differently than apart: two words would become one
// ("card" + "123"), an emoticon, a URL or a number would take in its
// neighbour (":(" + "B", "www.a.com" + "/b"). A word or punctuation next
// to punctuation ("card" + ",", "(" + ")") is fine, and nothing joins
// across a Chinese character. Edits call it for tokens that an edit made
// neighbours; in English text they are always a word and punctuation, or
// stand apart.
func joins(a, b *tokenize.Token) bool {
	if !spaced(a, b) {
		return false
	}
	switch {
	case a.Kind == tokenize.Punct && (b.Kind == tokenize.Word || b.Kind == tokenize.Punct),
		b.Kind == tokenize.Punct && (a.Kind == tokenize.Word || a.Kind == tokenize.Contraction):
		return false
	}
	return true
}

// fixArticles turns "a" into "an" (and back) before an inserted word, keeping
// the article's case. A frozen article is left alone (SynonymReplace then
// only draws candidates that fit it).
func fixArticles(toks []tokenize.Token) {
	for i := 0; i+2 < len(toks); i++ {
		a := &toks[i]
		if a.Kind != tokenize.Word || toks[i+1].Kind != tokenize.Space || !toks[i+2].Inserted() || toks[i+2].Kind != tokenize.Word {
			continue
		}
		la := lower(a.Text)
		if la != "a" && la != "an" || a.Lock&tokenize.Frozen == tokenize.Frozen {
			continue // a protected article stays as it is
		}
		want := "a"
		if anBefore(lower(toks[i+2].Text)) {
			want = "an"
		}
		if want != la {
			a.Text = withCase(want, caseOf(a.Text)) // keeps its source span
		}
	}
}

func anBefore(w string) bool {
	for _, p := range []string{"hour", "honest", "honor", "honour", "heir"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	for _, p := range []string{"uni", "use", "usu", "uti", "eu", "one", "once", "ewe", "uk", "ub", "ur"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	return w != "" && strings.IndexByte("aeiou", w[0]) >= 0
}

// fixStart keeps the sentence-initial capital in place when an edit changed
// the first word: the new first word is capitalised and the old one, now
// inside the sentence, lower-cased (unless it is a proper noun, "I" or an
// acronym). When either word is Chinese it changes nothing.
func fixStart(orig, out []tokenize.Token) []tokenize.Token {
	a, b := firstContent(orig), firstContent(out)
	if a < 0 || b < 0 {
		return out
	}
	o, n := &orig[a], &out[b]
	if o.Kind != tokenize.Word || n.Kind != tokenize.Word || o.Start == n.Start && !n.Inserted() {
		return out
	}
	if !tokenize.NeedSpace(o.Text, "a") || !tokenize.NeedSpace(n.Text, "a") {
		return out // Chinese has no capitals: "Apple的手机" -> "手机的Apple"
	}
	if caseOf(o.Text) != caseTitle || o.Tag == "NNP" || o.Tag == "NNPS" || o.Lock&tokenize.Frozen == tokenize.Frozen {
		return out
	}
	if caseOf(n.Text) == caseLower && n.Lock&tokenize.Frozen != tokenize.Frozen {
		n.Text = withCase(n.Text, caseTitle)
	}
	if o.Text == "I" {
		return out
	}
	for i := range out {
		if out[i].Start == o.Start && !out[i].Inserted() && i != b {
			r, size := utf8.DecodeRuneInString(out[i].Text)
			out[i].Text = string(unicode.ToLower(r)) + out[i].Text[size:]
		}
	}
	return out
}

func firstContent(toks []tokenize.Token) int {
	for i := range toks {
		if toks[i].Kind != tokenize.Space {
			if content(&toks[i]) {
				return i
			}
			return -1
		}
	}
	return -1
}
