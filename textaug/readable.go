package textaug

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/tokenize"
)

// shortCap returns max, the cap on changes an edit makes, lowered to one
// when short > 0 and toks has fewer than short words (content tokens:
// words, figures, entities, emoji; not punctuation): one edit per short
// sentence, which a reader takes in at a glance.
func shortCap(max, short int, toks []tokenize.Token) int {
	if short <= 0 || max == 1 {
		return max
	}
	n := 0
	for i := range toks {
		if content(&toks[i]) {
			n++
		}
	}
	if n < short {
		return 1
	}
	return max
}

// DefaultFillers returns, in a new slice, words whose deletion leaves a
// sentence that reads as written and means the same: intensifiers and
// politeness words, and Chinese modal particles. It is what the readable
// preset gives RandomDelete.Fillers.
func DefaultFillers() []string {
	return []string{
		"really", "just", "very", "actually", "basically", "quite", "simply", "also",
		"please", "kindly", "currently", "totally", "literally", "definitely", "certainly",
		"honestly", "anyway",
		"啊", "呀", "哦", "嘛", "啦", "请", "一下", "很", "真", "挺", "也",
	}
}

// hasCase reports whether strings.EqualFold(f, s) may hold for an f other
// than s itself: s has a letter with another case (a rune that
// unicode.SimpleFold maps elsewhere), U+FFFD or invalid UTF-8. Chinese
// words have none, so a filler check on them compares bytes instead of
// folding every rune against every filler.
func hasCase(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c|0x20 && c|0x20 <= 'z' {
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || unicode.SimpleFold(r) != r {
			return true
		}
		i += n
	}
	return false
}

// ShortSentence is the number of words (content tokens) from which a
// sentence is no longer short for Readable: a sentence of fewer words
// reads badly with more than one edit.
const ShortSentence = 8

// The reasons Readable gives.
const (
	StartsWithMark  = "starts with a mark"
	MarksInARow     = "two marks in a row"
	MovedFar        = "a word moved more than one position"
	MovedAcrossMark = "a word moved across a clause mark"
	ShortManyEdits  = "more than one edit in a short sentence"
	CliticSplit     = "a clitic split from its word"
)

// Readable returns why variant, made from original, does not read like
// text a person could write, or nil when nothing is wrong. The reasons,
// each given once and in this order:
//
//   - StartsWithMark: the variant starts with a clause mark (, ; : . ! ?
//     or a Chinese one) and the original does not.
//   - MarksInARow: more pairs of clause marks written next to each other
//     (white space aside) than in the original (", !", "，，").
//   - MovedFar: a word of the original moved more than one word away.
//   - MovedAcrossMark: a word moved across a clause mark.
//   - ShortManyEdits: the original has fewer than ShortSentence words and
//     the variant differs from it in more than one place (a replaced
//     phrase, an inserted word or mark, a moved word each count once, each
//     deleted word once).
//   - CliticSplit: a clitic written apart from its word ("Plc 's", "do
//     n't") is no longer after it.
//
// Words are compared in lower case after tokenizing both texts for the
// original's language (tokenize.Language); a moved word is one that both
// texts have but the longest common subsequence of their words leaves
// out. Readable is safe for concurrent use.
func Readable(original, variant string) []string {
	lang := langOf(original)
	a, b := readTokens(original, lang), readTokens(variant, lang)
	var why []string
	if startsWithMark(b) && !startsWithMark(a) {
		why = append(why, StartsWithMark)
	}
	if marksInARow(b) > marksInARow(a) {
		why = append(why, MarksInARow)
	}
	d := diffWords(a, b)
	if d.far {
		why = append(why, MovedFar)
	}
	if d.acrossMark {
		why = append(why, MovedAcrossMark)
	}
	if len(d.wa) < ShortSentence && d.edits+max(0, countMarks(b)-countMarks(a)) > 1 {
		why = append(why, ShortManyEdits)
	}
	ca, cb := clitics(a), clitics(b)
	for k, n := range ca {
		if cb[k] < n {
			why = append(why, CliticSplit)
			break
		}
	}
	return why
}

// readTokens tokenizes s for lang without tagging English (Readable needs
// no tags there).
func readTokens(s string, lang tokenize.Lang) []tokenize.Token {
	if lang == tokenize.LangZH {
		if toks, err := (tokenize.Chinese{}).Tokenize(s); err == nil {
			return toks
		}
	}
	return tokenize.Tokenize(s)
}

func clauseMark(t *tokenize.Token) bool {
	return t.Kind == tokenize.Punct && strings.ContainsAny(t.Text, clauseMarks)
}

func startsWithMark(toks []tokenize.Token) bool {
	for i := range toks {
		if toks[i].Kind != tokenize.Space {
			return clauseMark(&toks[i])
		}
	}
	return false
}

// marksInARow counts the clause marks written right after another one,
// white space aside, in one token ("，，", "...") or two (", !").
func marksInARow(toks []tokenize.Token) int {
	n, prev := 0, false
	for i := range toks {
		if toks[i].Kind == tokenize.Space {
			continue
		}
		m := clauseMark(&toks[i])
		if m && prev {
			n++
		}
		if m {
			n += utf8.RuneCountInString(toks[i].Text) - 1 // "，，" is one token
		}
		prev = m
	}
	return n
}

func countMarks(toks []tokenize.Token) int {
	n := 0
	for i := range toks {
		if clauseMark(&toks[i]) {
			n++
		}
	}
	return n
}

// clitics counts the detached clitics of toks with the word before them
// ("plc 's", "do n't").
func clitics(toks []tokenize.Token) map[string]int {
	m := map[string]int{}
	for i := 2; i < len(toks); i++ {
		t := &toks[i]
		c := lower(t.Text)
		if t.Kind == tokenize.Punct && (c == "'" || c == "’") && i+1 < len(toks) && toks[i+1].Kind == tokenize.Word && detachedClitics[lower(toks[i+1].Text)] {
			c += lower(toks[i+1].Text)
		} else if t.Kind != tokenize.Word || c != "n't" && c != "n’t" {
			continue
		}
		if toks[i-1].Kind == tokenize.Space && toks[i-2].Kind != tokenize.Space {
			m[lower(toks[i-2].Text)+" "+c]++
		}
	}
	return m
}

// wordDiff is what Readable learns from the words of two texts.
type wordDiff struct {
	wa              []string // the original's words, lower case
	edits           int      // places where the texts differ
	far, acrossMark bool     // a word moved more than one word, or across a clause mark
}

// maxCells bounds the table of diffWords; longer texts get no word diff.
const maxCells = 1 << 22

// diffWords aligns the words (content tokens) of a and b by their longest
// common subsequence; a word of a left out of it that b also leaves out
// has moved.
//
// Where several longest common subsequences tie, the one that tells the
// kinder story wins: fewer places changed, then no far move, then no move
// across a mark ("my atm cash" -> "my cash machine cash" is one phrase for
// a word, not a deletion and an insertion).
func diffWords(a, b []tokenize.Token) wordDiff {
	wa, marks := readWords(a)
	wb, _ := readWords(b)
	if (len(wa)+1)*(len(wb)+1) > maxCells {
		return wordDiff{wa: wa}
	}
	t := lcsTable(wa, wb)
	d := align(wa, wb, marks, t, false)
	if e := align(wa, wb, marks, t, true); kinder(e, d) {
		d = e
	}
	return d
}

func kinder(e, d wordDiff) bool {
	if e.edits != d.edits {
		return e.edits < d.edits
	}
	if e.far != d.far {
		return !e.far
	}
	return !e.acrossMark && d.acrossMark
}

// align reads one longest common subsequence of wa and wb off the table
// t (see lcs) and says what changed.
func align(wa, wb []string, marks []int, t []int32, skipB bool) wordDiff {
	d := wordDiff{wa: wa}
	inA, inB := lcs(wa, wb, t, skipB)
	movedA, movedB := make([]bool, len(wa)), make([]bool, len(wb))
	for j := range wb {
		if inB[j] >= 0 {
			continue
		}
		for i := range wa {
			if inA[i] < 0 && !movedA[i] && wa[i] == wb[j] {
				movedA[i], movedB[j] = true, true
				d.edits++
				from, to := shortestMove(wa, wb, inA, inB, movedA, movedB, i, j)
				d.far = d.far || to-from > 1 || from-to > 1
				d.acrossMark = d.acrossMark || marks[min(from, to)] != marks[max(from, to)]
				break
			}
		}
	}
	i, j := 0, 0
	for i <= len(wa) || j <= len(wb) {
		u, v := 0, 0
		for ; i < len(wa) && inA[i] < 0; i++ {
			if !movedA[i] {
				u++
			}
		}
		for ; j < len(wb) && inB[j] < 0; j++ {
			if !movedB[j] {
				v++
			}
		}
		switch {
		case v == 0:
			d.edits += u // each deleted word
		default:
			d.edits++ // a replaced or inserted phrase
		}
		i, j = i+1, j+1 // past the matched pair
	}
	return d
}

// shortestMove returns where the word wa[i] = wb[j] moved from and to,
// in the original's positions. Within a run of equal words ("have to
// to", "I I") any of them may be the one that moved: the shortest move
// counts.
func shortestMove(wa, wb []string, inA, inB []int, movedA, movedB []bool, i, j int) (from, to int) {
	best := -1
	for ii := run(wa, i, -1); ii <= run(wa, i, 1); ii++ {
		for jj := run(wb, j, -1); jj <= run(wb, j, 1); jj++ {
			t := jj - unmatched(inB, movedB, jj) + unmatched(inA, movedA, ii)
			t = max(0, min(t, len(wa)-1))
			if d := max(t-ii, ii-t); best < 0 || d < best {
				best, from, to = d, ii, t
			}
		}
	}
	return from, to
}

// run returns the end, in direction dir, of the run of words equal to
// w[k] around k.
func run(w []string, k, dir int) int {
	for k+dir >= 0 && k+dir < len(w) && w[k+dir] == w[k] {
		k += dir
	}
	return k
}

// unmatched counts the words before k that in says are unmatched and that
// have not moved: words inserted (in b) or deleted (in a).
func unmatched(in []int, moved []bool, k int) int {
	n := 0
	for x := 0; x < k; x++ {
		if in[x] < 0 && !moved[x] {
			n++
		}
	}
	return n
}

// readWords returns the lower-case content tokens of toks and, for each,
// the number of clause marks before it.
func readWords(toks []tokenize.Token) (words []string, marks []int) {
	m := 0
	for i := range toks {
		switch {
		case clauseMark(&toks[i]):
			m++
		case content(&toks[i]):
			words = append(words, lower(toks[i].Text))
			marks = append(marks, m)
		}
	}
	return words, marks
}

// lcsTable returns the table of the lengths of the longest common
// subsequences of the suffixes of a and b: entry i·(len(b)+1)+j is that of
// a[i:] and b[j:].
func lcsTable(a, b []string) []int32 {
	w := len(b) + 1
	t := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				t[i*w+j] = t[(i+1)*w+j+1] + 1
			} else {
				t[i*w+j] = max(t[(i+1)*w+j], t[i*w+j+1])
			}
		}
	}
	return t
}

// lcs returns, for each word of a, the index of its partner in b in a
// longest common subsequence (-1 for none), and the same for b. Where
// skipping a word of a or of b leaves as long a subsequence, skipB says
// which to skip.
func lcs(a, b []string, t []int32, skipB bool) (inA, inB []int) {
	w := len(b) + 1
	inA, inB = make([]int, len(a)), make([]int, len(b))
	for k := range inA {
		inA[k] = -1
	}
	for k := range inB {
		inB[k] = -1
	}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		down, right := t[(i+1)*w+j], t[i*w+j+1]
		switch {
		case a[i] == b[j]:
			inA[i], inB[j] = j, i
			i, j = i+1, j+1
		case down > right || down == right && !skipB:
			i++
		default:
			j++
		}
	}
	return inA, inB
}
