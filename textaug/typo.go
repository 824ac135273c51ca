package textaug

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/textaug/textaug/textaug/lexdata"
	"github.com/textaug/textaug/tokenize"
)

// Keyboard tells which keys lie next to a key, for typing noise.
// *lexdata.Layout (lexdata.Keyboard("qwerty")) is one.
//
// Neighbours returns the keys next to r, sorted, in r's case; nil for a
// key it does not know. Callers do not modify the slice.
// Implementations must be safe for concurrent use and deterministic.
type Keyboard interface {
	Neighbours(r rune) []rune
}

// Misspeller returns the usual misspellings of a lower-case word, sorted;
// nil when it knows none. *lexdata.Misspellings is one. Callers do not
// modify the slice; implementations must be safe for concurrent use.
type Misspeller interface {
	Of(word string) []string
}

// Dictionary tells whether a lower-case string is a word of the language.
// Typo refuses a mistyped word that is one ("card" -> "cart"). Implementations
// must be safe for concurrent use.
type Dictionary interface {
	Has(word string) bool
}

// Typo is English typing noise, as a customer types in a hurry: it picks
// n = max(1, round(Rate·e)) of the e eligible words (at most Max) and
// mistypes each with m = max(1, round(CharRate·letters)) edits (at most
// MaxPerWord), each drawn from:
//
//   - a key next to the intended one on Keyboard ("card" -> "cadd");
//   - two adjacent letters exchanged ("card" -> "acrd");
//   - a letter left out, never the first ("card" -> "crd");
//   - a letter typed twice ("card" -> "carrd");
//   - a common misspelling of the whole word from Misspellings
//     ("receive" -> "recieve"), when it has one.
//
// A word is eligible when it is a token of kind Word of at least three
// ASCII letters that the policy leaves free to move and delete (so never a
// negation, a proper noun, a protected span or figure, the word next to a
// figure, or a label anchor), written in lower case (a capitalised word
// may be a name the tagger missed, even at the start of a sentence), and
// not a word of the embedded names of persons, companies and places
// (lexdata.Names).
// Stopwords may be mistyped ("the" -> "teh"). Tokens of every other kind
// are never touched.
//
// A mistyped word is refused, and another edit drawn, when it is a
// negation (Negations), a stopword (DefaultStopwords), a word of
// lexdata.RiskyWords ("now" must never become "not", "lose" never
// "loose"), a word of Dictionary, or a word of the embedded names. After a
// few refusals the word is left as it is.
//
// A variant whose text, tokenized afresh, has other figures or negations
// than the input ("thtp://" -> "http://", now a URL) is not made.
//
// A mistyped word becomes a new token (Start and End -1) with the same
// kind, tag and locks, and is locked against replacement in the same
// variant. Chinese words are never touched: PinyinNoise is Chinese typing
// noise.
//
// The zero value mistypes one eligible word in ten (at least one) with
// one edit each on the QWERTY layout with the embedded misspellings. Safe
// for concurrent use if its Keyboard, Misspellings and Dictionary are.
type Typo struct {
	Keyboard     Keyboard   // nil means lexdata.Keyboard("qwerty")
	Misspellings Misspeller // nil means lexdata.CommonMisspellings()
	// Dictionary, if set, refuses typos that make another word.
	Dictionary Dictionary
	// Negations are never produced; nil means DefaultNegations.
	Negations  []string
	Rate       float64 // share of eligible words mistyped; 0 means 0.1
	Max        int     // at most this many words per variant; 0 means no cap
	CharRate   float64 // edits per letter of a mistyped word; 0 means 0.1 (one edit up to 14 letters)
	MaxPerWord int     // at most this many edits per word; 0 means 2
}

// Name implements Edit.
func (Typo) Name() string { return "typo" }

// typoTries bounds the draws for one word before it is left alone.
const typoTries = 8

// Edit implements Edit.
func (t Typo) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	var pos []int
	for i := range toks {
		if typoEligible(toks, i) {
			pos = append(pos, i)
		}
	}
	n := count(or(t.Rate, 0.1), len(pos), t.Max)
	if n == 0 {
		return toks
	}
	chosen := r.Perm(len(pos))[:n]
	slices.Sort(chosen) // in text order, so draws follow the text
	kb, ms := t.keyboard(), t.misspeller()
	var out []tokenize.Token
	for _, k := range chosen {
		i := pos[k]
		w, ok := t.mistype(r, kb, ms, toks[i].Text)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(toks)
		}
		out[i] = tokenize.Token{Text: w, Start: -1, End: -1, Kind: tokenize.Word, Tag: toks[i].Tag, Lock: toks[i].Lock | tokenize.LockReplace}
	}
	if out == nil || !sameFigures(toks, out) {
		return toks // "thtp://" must not become "http://", a URL
	}
	return out
}

// sameFigures reports whether the texts of a and b, tokenized afresh, hold
// the same figures and negations: an edit of letters must not make a word
// read as part of a number, URL or identifier.
func sameFigures(a, b []tokenize.Token) bool {
	fa, na := figures(tokenize.Join(a))
	fb, nb := figures(tokenize.Join(b))
	return na == nb && slices.Equal(fa, fb)
}

func (t Typo) keyboard() Keyboard {
	if t.Keyboard != nil {
		return t.Keyboard
	}
	kb, err := lexdata.Keyboard("qwerty")
	if err != nil {
		return (*lexdata.Layout)(nil) // cannot happen: the embedded layout is tested
	}
	return kb
}

func (t Typo) misspeller() Misspeller {
	if t.Misspellings != nil {
		return t.Misspellings
	}
	return lexdata.CommonMisspellings()
}

// typoEligible reports whether toks[i] may be mistyped (see Typo).
func typoEligible(toks []tokenize.Token, i int) bool {
	tk := &toks[i]
	if tk.Kind != tokenize.Word || tk.Lock&^(tokenize.LockReplace|tokenize.LockJoin) != 0 || len(tk.Text) < 3 {
		return false
	}
	if tk.Tag == "NNP" || tk.Tag == "NNPS" || lexdata.Names().Has(tk.Text) {
		return false
	}
	for j := 0; j < len(tk.Text); j++ {
		if c := tk.Text[j]; c < 'a' || c > 'z' {
			return false // capitalised words may be names: "Finnlines" must not become "Finlines"
		}
	}
	return true
}

// mistype returns w with typos, or false when every draw was refused.
func (t Typo) mistype(r *rand.Rand, kb Keyboard, ms Misspeller, w string) (string, bool) {
	c := caseOf(w)
	lw := strings.ToLower(w)
	miss := ms.Of(lw)
	perWord := t.MaxPerWord
	if perWord <= 0 {
		perWord = 2
	}
	edits := count(or(t.CharRate, 0.1), len(w), perWord)
	for range typoTries {
		var cand string
		if len(miss) > 0 && r.IntN(5) == 0 {
			cand = withCase(miss[r.IntN(len(miss))], c)
		} else {
			cand = w
			for range edits {
				cand = charTypo(r, kb, cand)
			}
		}
		if t.acceptable(lw, cand) {
			return cand, true
		}
	}
	return w, false
}

// Character typos.
const (
	typoNeighbour = iota
	typoTranspose
	typoOmit
	typoDouble
	typoKinds
)

// charTypo applies one character typo to the ASCII word w. The first
// letter is never left out, so that the word still starts as it did.
func charTypo(r *rand.Rand, kb Keyboard, w string) string {
	b := []byte(w)
	switch r.IntN(typoKinds) {
	case typoNeighbour:
		i := r.IntN(len(b))
		near := kb.Neighbours(rune(b[i]))
		if len(near) == 0 {
			return w
		}
		c := near[r.IntN(len(near))]
		if c >= 0x80 {
			return w // this edit writes ASCII only
		}
		b[i] = byte(c)
	case typoTranspose:
		i := r.IntN(len(b) - 1)
		b[i], b[i+1] = b[i+1], b[i]
	case typoOmit:
		if len(b) <= 3 {
			return w
		}
		i := 1 + r.IntN(len(b)-1)
		b = append(b[:i], b[i+1:]...)
	case typoDouble:
		i := r.IntN(len(b))
		b = slices.Insert(b, i, b[i])
	}
	return string(b)
}

// acceptable reports whether cand may stand for the lower-case word w (see
// Typo): it differs from w and is none of the words a typo must never
// produce.
func (t Typo) acceptable(w, cand string) bool {
	lc := strings.ToLower(cand)
	if lc == w || len(lc) < 2 {
		return false
	}
	neg := t.Negations
	if neg == nil {
		neg = defaultNegations
	}
	if slices.Contains(neg, lc) || stopword(lc) || lexdata.RiskyWords().Has(lc) || lexdata.Names().Has(cand) {
		return false
	}
	return t.Dictionary == nil || !t.Dictionary.Has(lc)
}

// stopword reports whether w is one of DefaultStopwords.
func stopword(w string) bool {
	defaultPolicy.build()
	return defaultPolicy.stop[w]
}
