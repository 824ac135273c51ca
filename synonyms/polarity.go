package synonyms

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
)

// Polarity is the sentiment or direction a word carries: rose and profit
// are Positive, fell and loss are Negative.
type Polarity int8

// Polarities.
const (
	Negative Polarity = -1
	Neutral  Polarity = 0
	Positive Polarity = 1
)

// String returns "positive", "negative" or "neutral".
func (p Polarity) String() string {
	switch {
	case p > 0:
		return "positive"
	case p < 0:
		return "negative"
	}
	return "neutral"
}

// PolarityLexicon lists positive and negative words and pairs of antonyms
// that are not a matter of polarity (buy / sell, debit / credit). Words are
// compared after Normalize; multi-word entries are allowed.
//
// A PolarityLexicon is immutable and safe for concurrent use. A nil
// PolarityLexicon lists nothing.
type PolarityLexicon struct {
	words    map[string]Polarity
	antonyms map[[2]string]struct{} // both orders
}

// NewPolarityLexicon builds a PolarityLexicon from lists of positive and
// negative words and antonym pairs (each pair is recorded both ways). A word
// in both lists is an error. Empty strings are ignored.
func NewPolarityLexicon(positive, negative []string, antonyms [][2]string) (*PolarityLexicon, error) {
	l := &PolarityLexicon{words: make(map[string]Polarity), antonyms: make(map[[2]string]struct{})}
	for _, w := range positive {
		if w = Normalize(w); w != "" {
			l.words[w] = Positive
		}
	}
	for _, w := range negative {
		if w = Normalize(w); w == "" {
			continue
		}
		if l.words[w] == Positive {
			return nil, fmt.Errorf("synonyms: %q is both positive and negative", w)
		}
		l.words[w] = Negative
	}
	for _, p := range antonyms {
		l.addAntonyms(Normalize(p[0]), Normalize(p[1]))
	}
	return l, nil
}

func (l *PolarityLexicon) addAntonyms(a, b string) {
	if a != "" && b != "" && a != b {
		l.antonyms[[2]string{a, b}] = struct{}{}
		l.antonyms[[2]string{b, a}] = struct{}{}
	}
}

// ReadPolarity reads a polarity list from r; name is used in errors.
//
// Each line starts with a class and a tab. "+" and "-" lines list positive
// and negative words: "+<TAB>rise|rises|rose|risen|rising". "!" lines list
// two groups of antonyms, no word of one group being a fit replacement for
// a word of the other: "!<TAB>buy|bought<TAB>sell|sold". Words may have
// several words separated by spaces. Lines whose first non-blank character
// is '#' and blank lines are skipped. A word listed as both positive and
// negative is an error. Errors are *ParseError values located at the
// offending line; reading stops at the first one.
func ReadPolarity(r io.Reader, name string) (*PolarityLexicon, error) {
	lr := newLexLines(r, name)
	l := &PolarityLexicon{words: make(map[string]Polarity), antonyms: make(map[[2]string]struct{})}
	where := make(map[string]int) // line on which a word got its polarity
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		fields := strings.Split(line, "\t")
		class := strings.TrimSpace(fields[0])
		switch class {
		case "+", "-":
			if len(fields) != 2 {
				return nil, lr.errorf("%d tab-separated fields, want 2 (%s<TAB>word|word|...)", len(fields), class)
			}
			words, err := polarityGroup(fields[1])
			if err != nil {
				return nil, lr.errorf("%v", err)
			}
			p := Positive
			if class == "-" {
				p = Negative
			}
			for _, w := range words {
				if q, seen := l.words[w]; seen && q != p {
					return nil, lr.errorf("%q is %s here but %s on line %d", w, p, q, where[w])
				}
				if _, seen := where[w]; !seen {
					where[w] = lr.n
				}
				l.words[w] = p
			}
		case "!":
			if len(fields) != 3 {
				return nil, lr.errorf("%d tab-separated fields, want 3 (!<TAB>word|word<TAB>antonym|antonym)", len(fields))
			}
			a, err := polarityGroup(fields[1])
			if err != nil {
				return nil, lr.errorf("first group: %v", err)
			}
			b, err := polarityGroup(fields[2])
			if err != nil {
				return nil, lr.errorf("second group: %v", err)
			}
			for _, x := range a {
				for _, y := range b {
					l.addAntonyms(x, y)
				}
			}
		default:
			return nil, lr.errorf(`unknown class %q (want "+", "-" or "!" followed by a tab)`, class)
		}
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	return l, nil
}

// polarityGroup splits a "|"-separated group of words and normalises them.
func polarityGroup(s string) ([]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, fmt.Errorf("no words")
	}
	items := strings.Split(s, "|")
	for i, it := range items {
		if items[i] = Normalize(it); items[i] == "" {
			return nil, fmt.Errorf("empty word at position %d of %q", i+1, strings.TrimSpace(s))
		}
	}
	return items, nil
}

// LoadPolarity reads the polarity list file at path (see ReadPolarity).
func LoadPolarity(path string) (*PolarityLexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("synonyms: %w", err)
	}
	defer f.Close()
	return ReadPolarity(f, path)
}

//go:embed polarity/polarity.txt
var polarityTxt []byte

var defaultPolarity = sync.OnceValues(func() (*PolarityLexicon, error) {
	return ReadPolarity(bytes.NewReader(polarityTxt), "polarity/polarity.txt")
})

// DefaultPolarity returns the built-in polarity list: the embedded file
// polarity/polarity.txt (8 KB, hand-written for this project; about 550
// words and inflected forms and 33 groups of antonyms), parsed once on
// first use (about a millisecond). It holds general sentiment and
// service-outcome words, the up / down vocabulary of finance news (rise /
// fall, beat / miss, gain / loss, upgrade / downgrade, outperform /
// underperform, strong / weak, ...) with their inflected forms, and
// antonym groups such as buy / sell, debit / credit, refund / charge and
// physical / virtual. The lexicon is shared and immutable; extend it with
// Merge.
func DefaultPolarity() (*PolarityLexicon, error) { return defaultPolarity() }

// Merge returns a new lexicon holding the words and antonyms of l and
// other. Where they disagree about a word's polarity, other wins, so a user
// list can re-class a built-in word. Either may be nil.
func (l *PolarityLexicon) Merge(other *PolarityLexicon) *PolarityLexicon {
	out := &PolarityLexicon{words: make(map[string]Polarity), antonyms: make(map[[2]string]struct{})}
	for _, x := range []*PolarityLexicon{l, other} {
		if x == nil {
			continue
		}
		for w, p := range x.words {
			out.words[w] = p
		}
		for k := range x.antonyms {
			out.antonyms[k] = struct{}{}
		}
	}
	return out
}

// Len returns the number of words with a polarity.
func (l *PolarityLexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.words)
}

// Words returns the words listed with polarity p, sorted; a new slice.
func (l *PolarityLexicon) Words(p Polarity) []string {
	if l == nil {
		return nil
	}
	var out []string
	for w, q := range l.words {
		if q == p {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out
}

// Polarity returns the polarity listed for word (Neutral when none is).
func (l *PolarityLexicon) Polarity(word string) Polarity {
	if l == nil {
		return Neutral
	}
	return l.words[Normalize(word)]
}

// Antonyms reports whether a and b are listed as antonyms (in either
// order) or have opposite polarities.
func (l *PolarityLexicon) Antonyms(a, b string) bool {
	if l == nil {
		return false
	}
	a, b = Normalize(a), Normalize(b)
	return l.opposed(l.mask([]string{a}), l.mask([]string{b})) || l.paired([]string{a}, []string{b})
}

// Polarity masks: a word whose forms or lemmas carry both polarities has
// both bits.
const (
	polPos = 1 << iota
	polNeg
)

func (l *PolarityLexicon) mask(forms []string) int {
	m := 0
	for _, f := range forms {
		switch l.words[f] {
		case Positive:
			m |= polPos
		case Negative:
			m |= polNeg
		}
	}
	return m
}

func (l *PolarityLexicon) opposed(a, b int) bool {
	return a&polPos != 0 && b&polNeg != 0 || a&polNeg != 0 && b&polPos != 0
}

func (l *PolarityLexicon) paired(a, b []string) bool {
	if len(l.antonyms) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if _, ok := l.antonyms[[2]string{x, y}]; ok {
				return true
			}
		}
	}
	return false
}

// PolarityGuard is a Source that gives Source's candidates minus those that
// would flip the polarity of the text: a candidate is dropped when its
// polarity is opposite to the word's ("rose" never becomes "fell", "beat"
// never "missed", "gain" never "loss") or when the two are listed as
// antonyms ("bought" never becomes "sold"). With Strict set, a candidate
// must have exactly the word's polarity, so a neutral word ("moved") gets
// no polar candidates ("rose") either.
//
// Lexicon is the polarity list; nil means DefaultPolarity (if that failed
// to load, which its tests rule out, the guard gives no candidates rather
// than unguarded ones). When Morph is set, the word and each candidate
// also carry the polarity of their lemmas, so a list of lemmas is enough;
// without it the list must hold the inflected forms, as the built-in list
// does.
//
// The zero value, with no Source, gives no candidates. PolarityGuard is
// safe for concurrent use when Source and Morph are. The answer keeps the
// Source contract (sorted, no duplicates); it is the inner Source's slice
// when nothing is dropped and a new slice otherwise, so the inner slice is
// never modified.
type PolarityGuard struct {
	Source  Source
	Lexicon *PolarityLexicon
	Morph   Morphology
	Strict  bool
}

// Synonyms implements Source.
func (g PolarityGuard) Synonyms(word, tag string) []string {
	if g.Source == nil {
		return nil
	}
	c := g.Source.Synonyms(word, tag)
	if len(c) == 0 {
		return c
	}
	lex := g.Lexicon
	if lex == nil {
		var err error
		if lex, err = DefaultPolarity(); err != nil {
			return nil
		}
	}
	words := lookupForms(g.Morph, Normalize(word), tag)
	wm := lex.mask(words)
	return dropWhere(c, func(cand string) bool {
		forms := lookupForms(g.Morph, cand, tag)
		cm := lex.mask(forms)
		if g.Strict && cm != wm || lex.opposed(wm, cm) {
			return true
		}
		return lex.paired(words, forms)
	})
}
