package textaug

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/textaug/textaug/tokenize"
)

// RandomDelete deletes each word that the policy lets go with probability
// Rate, as in EDA, but at least one word and at most Max; it never deletes
// every content token of the text. A deleted word takes one neighbouring
// space with it, if it has one (Chinese words have none). A word is never
// deleted when that would join its neighbours into one token: "A的B"
// keeps its "的"; when several deletions together would, the text is left
// as it is.
//
// A word that stands alone between two clause marks, or between a mark
// and an end of the text, is never deleted: "Sales, however, rose" keeps
// its "however" rather than become "Sales, , rose", and "Hi, how are
// you" never starts with a comma; when several deletions together would
// leave two marks in a row or a mark first, the text is left as it is.
//
// Readability. Fillers, when set, is the only words deleted (see
// DefaultFillers): words whose loss leaves a sentence that reads as
// written ("I really need help" -> "I need help"); Short caps a short text
// at one deletion (see shortCap).
//
// The zero value deletes one word in ten on average, at least one, of any
// word the policy lets go. Safe for concurrent use.
type RandomDelete struct {
	Rate    float64  // 0 means 0.1
	Max     int      // 0 means no cap
	Fillers []string // nil means any word; otherwise only these (case-insensitive)
	Short   int      // a text of fewer words loses one word at most; 0 means no such cap
}

// Name implements Edit.
func (RandomDelete) Name() string { return "delete" }

// Edit implements Edit.
func (s RandomDelete) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	return s.editTo(r, toks, nil)
}

func (s RandomDelete) editTo(r *rand.Rand, toks, dst []tokenize.Token) []tokenize.Token {
	var buf [64]int // a sentence's deletable words, without growing a slice on the heap
	return s.apply(r, toks, s.deletable(toks, buf[:0]), dst)
}

// prepare finds the deletable words of a record once for all its attempts.
func (s RandomDelete) prepare(toks []tokenize.Token) Edit {
	return prepared(s.Name(), toks, func(t []tokenize.Token) deletable { return s.deletable(t, nil) }, s.apply)
}

// deletable is what every attempt at a record shares: the words that may
// go and the number of content tokens.
type deletable struct {
	pos      []int
	contents int
}

// deletable appends to pos the words of toks that may go, and counts the
// content tokens.
func (s RandomDelete) deletable(toks []tokenize.Token, pos []int) deletable {
	contents := 0
	for i := range toks {
		if content(&toks[i]) {
			contents++
			if toks[i].Kind == tokenize.Word && toks[i].Lock&tokenize.LockDelete == 0 &&
				!(i > 0 && i+1 < len(toks) && joins(&toks[i-1], &toks[i+1])) &&
				!betweenMarks(toks, i) && (s.Fillers == nil || filler(s.Fillers, toks, i)) {
				pos = append(pos, i)
			}
		}
	}
	return deletable{pos: pos, contents: contents}
}

// apply deletes from toks some of the words d found, writing the result
// into dst's memory.
func (s RandomDelete) apply(r *rand.Rand, toks []tokenize.Token, d deletable, dst []tokenize.Token) []tokenize.Token {
	pos, contents := d.pos, d.contents
	if len(pos) == 0 || contents < 2 {
		return toks
	}
	limit := contents - 1 // never all content; never more than Max
	if m := shortCap(s.Max, s.Short, toks); m > 0 && m < limit {
		limit = m
	}
	var delBuf [64]bool
	del := s.choose(r, pos, limit, delBuf[:0])
	out := slices.Grow(dst[:0], len(toks))
	dropSpace := false
	started := false // a content token has been written
	next := 0        // the first entry of pos at or after i
	// markBefore: the last token written, white space aside, is a clause
	// mark, or none is; gap: a word was deleted since. A clause mark
	// written then would follow another one, or open the text.
	markBefore, gap := true, false
	for i := range toks {
		t := toks[i]
		if t.Kind == tokenize.Space && dropSpace {
			dropSpace = false
			continue
		}
		dropSpace = false
		deleted := next < len(pos) && pos[next] == i && del[next]
		if next < len(pos) && pos[next] == i {
			next++
		}
		if !deleted {
			if t.Kind != tokenize.Space {
				mark := clauseMark(&t)
				if gap && markBefore && mark {
					return toks // deleting a whole clause: "Hi, how are you?" -> "Hi, ?"
				}
				markBefore, gap = mark, false
			}
			out = append(out, t)
			started = started || t.Kind != tokenize.Space
			continue
		}
		gap = true
		// Take one neighbouring space along, but never glue two tokens
		// that a space kept apart ("£A 0A00" must not become "£0A00").
		gluedRight := i+1 < len(toks) && toks[i+1].Kind != tokenize.Space && toks[i+1].Kind != tokenize.Punct
		punctRight := i+1 < len(toks) && toks[i+1].Kind == tokenize.Punct
		n := len(out)
		switch {
		case gluedRight:
		case !started:
			dropSpace = true // "b c" -> "c", keeping leading white space
		case out[n-1].Kind == tokenize.Space:
			// "a b c" -> "a c"; "a b." -> "a." only when a is a plain
			// word: "A.A b." must not become "A.A." (one token), nor
			// ":( b:" become ":(:" (no longer an emoticon).
			plainWord := n >= 2 && out[n-2].Kind == tokenize.Word && (n < 3 || out[n-3].Kind == tokenize.Space) ||
				// "doesn't work." -> "doesn't."
				n >= 3 && out[n-2].Kind == tokenize.Contraction && out[n-3].Kind == tokenize.Word && (n < 4 || out[n-4].Kind == tokenize.Space)
			if !punctRight || plainWord {
				out = out[:n-1]
			}
		}
	}
	if joinsWords(out) {
		return toks // deleting "我你" from "A我你B" would make "AB"
	}
	return out
}

// choose chooses the words to delete: del[k] says whether pos[k] goes. Each
// word goes with probability Rate, one at least; while more than limit go,
// a random one of them stays (drawn over the deleted words in order).
func (s RandomDelete) choose(r *rand.Rand, pos []int, limit int, del []bool) []bool {
	p := or(s.Rate, 0.1)
	del = slices.Grow(del, len(pos))[:len(pos)]
	n := 0
	for k := range pos {
		del[k] = r.Float64() < p
		if del[k] {
			n++
		}
	}
	if n == 0 {
		del[r.IntN(len(pos))], n = true, 1
	}
	for ; n > limit; n-- {
		x := r.IntN(n) // the x-th deleted word, in order, stays
		for k := range del {
			if del[k] {
				if x == 0 {
					del[k] = false
					break
				}
				x--
			}
		}
	}
	return del
}

// filler reports whether toks[i] is one of fillers.
func filler(fillers []string, toks []tokenize.Token, i int) bool {
	t := toks[i].Text
	folds := hasCase(t) // else EqualFold is ==, and == is much cheaper on Chinese
	return slices.ContainsFunc(fillers, func(f string) bool { return f == t || folds && strings.EqualFold(f, t) })
}

// betweenMarks reports whether toks[i] stands alone between two clause
// marks, or between a clause mark and an end of the text: deleting it
// would leave two marks in a row ("Sales , however , rose" -> "Sales , ,
// rose"; "Hi , please , help") or a text that starts with a mark ("Hi ,
// how are you" -> ", how are you").
func betweenMarks(toks []tokenize.Token, i int) bool {
	p, q := i-1, i+1
	for p >= 0 && toks[p].Kind == tokenize.Space {
		p--
	}
	for q < len(toks) && toks[q].Kind == tokenize.Space {
		q++
	}
	markOrEnd := func(k int) bool { return k < 0 || k >= len(toks) || clauseMark(&toks[k]) }
	return markOrEnd(p) && markOrEnd(q) && (p >= 0 || q < len(toks))
}

// joinsWords reports whether out, the tokens left after deletions, has two
// tokens that stood apart in the source and now could read as one (see
// joins).
func joinsWords(out []tokenize.Token) bool {
	for i := 1; i < len(out); i++ {
		a, b := &out[i-1], &out[i]
		if !a.Inserted() && !b.Inserted() && a.End != b.Start && joins(a, b) {
			return true
		}
	}
	return false
}
