package textaug

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/textaug/textaug/tokenize"
)

// RandomSwap swaps n = max(1, round(Rate·e)) times two of the e words that
// the policy lets move (never negations, protected spans or glued
// tokens), as in EDA. The white space between tokens stays in place; a
// swap that would write two tokens as one (a Chinese word between them
// moving away, as in "A的B") is undone.
//
// Readability. Distance keeps each word within that many words of its
// place (1: only neighbours swap, "card my" rather than "card ... my"),
// counting every word, figure and entity between; InClause keeps swaps
// inside a clause, never across a clause mark (, ; : . ! ? and their
// Chinese forms, 、 too); Reorder swaps only pairs that a reader takes as
// the same sentence in another order: two plain adjectives ("new blue
// card" -> "blue new card"), or an adverb and the verb or adjective beside it
// ("still have" -> "have still"), never a determiner and its noun ("card
// my"); Short caps a short text at one swap (see shortCap). A word moves
// once per variant under Distance, InClause or Reorder.
//
// The zero value swaps once per ten movable words, at least once,
// anywhere in the text. Safe for concurrent use.
type RandomSwap struct {
	Rate     float64 // 0 means 0.1
	Max      int     // 0 means no cap
	Distance int     // words a word may move; 0 means any distance
	InClause bool    // never swap across a clause mark
	Reorder  bool    // only two adjectives, or an adverb and a verb or adjective
	Short    int     // a text of fewer words gets one swap at most; 0 means no such cap
}

// Name implements Edit.
func (RandomSwap) Name() string { return "swap" }

// Edit implements Edit.
func (s RandomSwap) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	return s.editTo(r, toks, nil)
}

func (s RandomSwap) editTo(r *rand.Rand, toks, dst []tokenize.Token) []tokenize.Token {
	var buf [64]int // a sentence's movable words, without growing a slice on the heap
	return s.draw(r, toks, s.movable(toks, buf[:0]), dst)
}

// prepare finds the movable words of a record, and the pairs that may
// change places, once for all its attempts.
func (s RandomSwap) prepare(toks []tokenize.Token) Edit {
	return prepared(s.Name(), toks, func(t []tokenize.Token) movable { return s.movable(t, nil) }, s.draw)
}

// movable is what every attempt at a record shares: the words that may
// move and, under Distance, InClause or Reorder, the pairs that may swap.
type movable struct {
	pos   []int
	pairs [][2]int
}

// near reports whether swaps are limited to pairs (see pairs).
func (s RandomSwap) near() bool { return s.Distance > 0 || s.InClause || s.Reorder }

// movable appends to pos the words of toks that may move.
func (s RandomSwap) movable(toks []tokenize.Token, pos []int) movable {
	for i := range toks {
		if toks[i].Kind == tokenize.Word && toks[i].Lock&tokenize.LockMove == 0 {
			pos = append(pos, i)
		}
	}
	m := movable{pos: pos}
	if len(pos) >= 2 && s.near() {
		m.pairs = s.pairs(toks, pos)
	}
	return m
}

// draw makes the swaps of one attempt, writing the result into dst's
// memory.
func (s RandomSwap) draw(r *rand.Rand, toks []tokenize.Token, m movable, dst []tokenize.Token) []tokenize.Token {
	pos := m.pos
	if len(pos) < 2 || s.near() && len(m.pairs) == 0 {
		return toks // nothing may swap: no copy, no draw
	}
	n := count(or(s.Rate, 0.1), len(pos), shortCap(s.Max, s.Short, toks))
	out := append(dst[:0], toks...)
	if s.near() {
		var buf [32][2]int
		return swapPairs(r, out, append(buf[:0], m.pairs...), n)
	}
	for ; n > 0; n-- {
		a := r.IntN(len(pos))
		b := r.IntN(len(pos) - 1)
		if b >= a {
			b++
		}
		i, j := pos[a], pos[b]
		out[i], out[j] = out[j], out[i]
		if joinsAt(out, i) || joinsAt(out, j) {
			out[i], out[j] = out[j], out[i] // "A的B" must not become "AB的"
		}
	}
	return out
}

// pairs lists the pairs of movable words (pos) at most Distance words
// apart and, with InClause, with no clause mark between, and with Reorder
// reorderable.
func (s RandomSwap) pairs(toks []tokenize.Token, pos []int) [][2]int {
	at := make([]int, len(toks)) // word number of each content token
	w := 0
	for i := range toks {
		at[i] = w
		if content(&toks[i]) {
			w++
		}
	}
	var pairs [][2]int
	for a, i := range pos {
		for _, j := range pos[a+1:] {
			if s.Distance > 0 && at[j]-at[i] > s.Distance || s.InClause && clauseMarkIn(toks[i+1:j]) {
				break
			}
			if !s.Reorder || reorderable(&toks[i], &toks[j]) {
				pairs = append(pairs, [2]int{i, j})
			}
		}
	}
	return pairs
}

// swapPairs makes n swaps in out of the pairs (its own copy); each word
// moves once.
func swapPairs(r *rand.Rand, out []tokenize.Token, pairs [][2]int, n int) []tokenize.Token {
	for ; n > 0 && len(pairs) > 0; n-- {
		k := r.IntN(len(pairs))
		i, j := pairs[k][0], pairs[k][1]
		out[i], out[j] = out[j], out[i]
		if joinsAt(out, i) || joinsAt(out, j) {
			out[i], out[j] = out[j], out[i] // "A的B" must not become "AB的"
			pairs = slices.Delete(pairs, k, k+1)
			continue
		}
		pairs = slices.DeleteFunc(pairs, func(q [2]int) bool {
			return q[0] == i || q[0] == j || q[1] == i || q[1] == j
		})
	}
	return out
}

// reorderable reports whether the words a and b may change places and
// still read as written: two adjectives, or an adverb and a verb or an
// adjective, in either order. Comparatives, superlatives and ordinals are
// no such adjectives ("second largest new" is not "second new largest").
func reorderable(a, b *tokenize.Token) bool {
	class := func(t *tokenize.Token) byte {
		switch tag := t.Tag; {
		case tag == "JJ" && !ordinals[lower(t.Text)]:
			return 'j'
		case strings.HasPrefix(tag, "RB"):
			return 'r'
		case strings.HasPrefix(tag, "VB"):
			return 'v'
		}
		return 0
	}
	x, y := class(a), class(b)
	return x == 'j' && y == 'j' || x == 'r' && (y == 'v' || y == 'j') || y == 'r' && (x == 'v' || x == 'j')
}

var ordinals = map[string]bool{"first": true, "second": true, "third": true, "fourth": true, "fifth": true, "last": true, "next": true, "previous": true}

// clauseMarks are the marks that end a clause, in English and Chinese.
const clauseMarks = ",;:.!?，。；：！？、"

// clauseMarkIn reports whether toks holds a clause mark.
func clauseMarkIn(toks []tokenize.Token) bool {
	for i := range toks {
		if toks[i].Kind == tokenize.Punct && strings.ContainsAny(toks[i].Text, clauseMarks) {
			return true
		}
	}
	return false
}

// joinsAt reports whether the token at i could now read as one with a
// neighbour it was not written next to (see joins): possible only where
// Chinese words, written without spaces, move next to Latin ones.
func joinsAt(toks []tokenize.Token, i int) bool {
	return i > 0 && toks[i-1].End != toks[i].Start && joins(&toks[i-1], &toks[i]) ||
		i+1 < len(toks) && toks[i].End != toks[i+1].Start && joins(&toks[i], &toks[i+1])
}
