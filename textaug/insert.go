package textaug

import (
	"math/rand/v2"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/tokenize"
)

// RandomInsert inserts n = max(1, round(Rate·e)) synonyms, e being the
// number of words the policy leaves free: each time a synonym of a random
// eligible word goes to a random position between words, as in EDA.
// Nothing is inserted inside a protected span or between glued tokens.
// A space goes between the new word and a neighbour only where one is
// needed: never next to a Chinese word ("我的卡" -> "我的银行卡").
//
// Nothing is inserted before a frozen word that opens the text (an
// entity, a figure, a negation: "Neste Oil's refineries" never becomes
// "oil Neste Oil's refineries").
//
// Insertion goes through the polarity guard in its strict form: a word
// that Polarity gives a polarity (sentiment or direction: fear, concern,
// rose, increased) is never inserted, since it would add meaning where
// there was none. An inserted verb never goes next to a verb ("profit
// climbed rose").
//
// The zero value with a Source inserts one word per ten free words, at
// least one; without a Source it changes nothing. Safe for concurrent use
// if Source is.
type RandomInsert struct {
	Source synonyms.Source
	Rate   float64 // 0 means 0.1
	Max    int     // 0 means no cap
	// Polarity is the polarity list whose words are never inserted; nil
	// means synonyms.DefaultPolarity(). An empty lexicon lets every word in.
	Polarity *synonyms.PolarityLexicon
}

// Name implements Edit.
func (RandomInsert) Name() string { return "insert" }

// Edit implements Edit.
func (s RandomInsert) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	return s.draw(r, toks, s.seeds(toks), nil)
}

func (s RandomInsert) prepare(toks []tokenize.Token) Edit {
	return prepared(s.Name(), toks, s.seeds, s.draw)
}

// insertSeeds are the words whose synonyms RandomInsert may insert, their
// candidates, and the number of free words.
type insertSeeds struct {
	free  int
	seeds []int
	cands [][]string
	slots []int // slots(toks), when there are seeds
}

// seeds finds what every attempt at a record shares: the free words, the
// seed words and their candidates.
func (s RandomInsert) seeds(toks []tokenize.Token) insertSeeds {
	var e insertSeeds
	if s.Source == nil {
		return e
	}
	lex := s.Polarity
	if lex == nil {
		var err error
		if lex, err = synonyms.DefaultPolarity(); err != nil {
			return e // the embedded list is broken: insert nothing rather than unguarded words
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind == tokenize.Word && t.Lock&tokenize.Frozen != tokenize.Frozen {
			e.free++
		}
		if !replaceable(t) {
			continue
		}
		if c := neutralOnly(lex, candidates(s.Source, t)); len(c) > 0 {
			e.seeds = append(e.seeds, i)
			e.cands = append(e.cands, c)
		}
	}
	if len(e.seeds) > 0 {
		e.slots = notBeforeFrozenOpener(toks, slots(toks, nil))
	}
	return e
}

// draw inserts synonyms into toks, which e describes.
func (s RandomInsert) draw(r *rand.Rand, toks []tokenize.Token, e insertSeeds, dst []tokenize.Token) []tokenize.Token {
	seeds, cands := e.seeds, e.cands
	if len(seeds) == 0 {
		return toks
	}
	n := count(or(s.Rate, 0.1), e.free, s.Max)
	out := toks
	var buf []tokenize.Token
	var all, verbBuf []int // slots(out), kept up to date; the slots for a verb
	for ; n > 0; n-- {
		k := r.IntN(len(seeds))
		c := cands[k][r.IntN(len(cands[k]))]
		buf = phrase(buf[:0], c, toks[seeds[k]].Tag, caseLower, 0)
		var sl []int
		var end bool
		if isVerb := verb(buf[0].Tag); isVerb || !sameTokens(out, toks) {
			if all == nil {
				all = slots(out, nil)
			}
			// after an insertion, or kept apart from verbs
			sl, end = insertSlots(out, isVerb, all, verbBuf)
			if isVerb {
				verbBuf = sl
			}
			sl = notBeforeFrozenOpener(out, sl)
		} else {
			sl, end = e.slots, lastContent(out) >= 0
		}
		m := len(sl)
		if end {
			m++ // the end of the text, after the last word
		}
		if m == 0 {
			continue
		}
		x := r.IntN(m)
		j := lastContent(out) + 1 // x == len(sl): the end of the text, after the last word
		if x < len(sl) {
			j = sl[x]
		}
		before := len(out)
		if before == len(toks) { // the first insertion copies toks into dst
			out = insertBefore(out, j, buf, dst, 4*(n-1))
		} else { // later ones grow this draw's own copy in place
			out = insertBefore(out, j, buf, out, 4*(n-1))
		}
		if all != nil {
			all = updateSlots(all, out, j, len(out)-before)
		}
	}
	if len(out) != len(toks) {
		fixArticles(out)
	}
	return out
}

// lastContent returns the index of the last content token when it ends the
// text (ignoring trailing space); -1 when the text ends in punctuation.
func lastContent(toks []tokenize.Token) int {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Kind == tokenize.Space {
			continue
		}
		if content(&toks[i]) && toks[i].Lock&tokenize.LockJoin == 0 {
			return i
		}
		return -1
	}
	return -1
}

// notBeforeFrozenOpener drops from sl, the ascending insertion slots of
// toks, the slot before the first word when that word is frozen.
func notBeforeFrozenOpener(toks []tokenize.Token, sl []int) []int {
	if len(sl) == 0 {
		return sl
	}
	for i := range toks {
		switch {
		case toks[i].Kind == tokenize.Space:
			continue
		case i == sl[0] && toks[i].Lock&tokenize.Frozen == tokenize.Frozen:
			return sl[1:]
		}
		return sl
	}
	return sl
}
