package synonyms

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// Blocklist is a set of candidates that must never be offered: either for
// every word, or only for a given word ("card" must not become "poster").
// Words and candidates are compared after Normalize, so matching ignores
// case and white-space differences; multi-word entries are allowed.
//
// A Blocklist is immutable and safe for concurrent use. A nil or zero
// Blocklist blocks nothing.
type Blocklist struct {
	any   map[string]struct{}    // candidate blocked for every word
	pairs map[[2]string]struct{} // {word, candidate}
}

// NewBlocklist builds a Blocklist that blocks each of candidates for every
// word and each pair's second element for its first ({word, candidate}).
// Empty strings are ignored.
func NewBlocklist(candidates []string, pairs [][2]string) *Blocklist {
	b := &Blocklist{any: make(map[string]struct{}), pairs: make(map[[2]string]struct{})}
	for _, c := range candidates {
		if c = Normalize(c); c != "" {
			b.any[c] = struct{}{}
		}
	}
	for _, p := range pairs {
		w, c := Normalize(p[0]), Normalize(p[1])
		if w != "" && c != "" {
			b.pairs[[2]string{w, c}] = struct{}{}
		}
	}
	return b
}

// ReadBlocklist reads a blocklist from r; name is used in errors.
//
// Each line is either a candidate, blocked for every word, or
// word<TAB>candidate, blocked only as a replacement for word. Both may have
// several words separated by spaces. Lines whose first non-blank character
// is '#' and blank lines are skipped. Errors are *ParseError values located
// at the offending line; reading stops at the first one.
//
//	# never offered for any word
//	batting order
//	# "card" must not become "poster" (but "poster" may replace "bill")
//	card	poster
func ReadBlocklist(r io.Reader, name string) (*Blocklist, error) {
	lr := newLexLines(r, name)
	var cands []string
	var pairs [][2]string
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		fields := strings.Split(line, "\t")
		switch len(fields) {
		case 1:
			cands = append(cands, fields[0])
		case 2:
			w, c := Normalize(fields[0]), Normalize(fields[1])
			if w == "" {
				return nil, lr.errorf("empty word before the tab (want word<TAB>candidate)")
			}
			if c == "" {
				return nil, lr.errorf("empty candidate after the tab (want word<TAB>candidate)")
			}
			pairs = append(pairs, [2]string{w, c})
		default:
			return nil, lr.errorf("%d tab-separated fields, want 1 (candidate) or 2 (word, candidate)", len(fields))
		}
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	return NewBlocklist(cands, pairs), nil
}

// LoadBlocklist reads the blocklist file at path (see ReadBlocklist).
func LoadBlocklist(path string) (*Blocklist, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("synonyms: %w", err)
	}
	defer f.Close()
	return ReadBlocklist(f, path)
}

// Len returns the number of blocked candidates plus the number of blocked
// (word, candidate) pairs.
func (b *Blocklist) Len() int {
	if b == nil {
		return 0
	}
	return len(b.any) + len(b.pairs)
}

// Blocks reports whether candidate is blocked as a replacement for word.
// Both are normalised; no lemmatisation is done (Blocked does it when it
// has a Morphology).
func (b *Blocklist) Blocks(word, candidate string) bool {
	if b.Len() == 0 {
		return false
	}
	return b.blocks(Normalize(word), Normalize(candidate))
}

func (b *Blocklist) blocks(w, c string) bool {
	if _, ok := b.any[c]; ok {
		return true
	}
	_, ok := b.pairs[[2]string{w, c}]
	return ok
}

// Blocked is a Source that gives Source's candidates minus those that List
// blocks.
//
// When Morph is set, a candidate is also blocked when one of its lemmas is
// (so "batting order" blocks "batting orders"), and a word-specific entry
// also applies to the word's inflected forms ("card<TAB>poster" also keeps
// "posters" from replacing "cards"). Lemmas are taken for the part of
// speech of the tag, or for every part of speech when the tag is empty.
//
// The zero value, with no Source, gives no candidates; a nil List blocks
// nothing. Blocked is safe for concurrent use when Source and Morph are. The
// answer keeps the Source contract (sorted, no duplicates); it is the
// inner Source's slice when nothing is dropped and a new slice otherwise,
// so the inner slice is never modified.
type Blocked struct {
	Source Source
	List   *Blocklist
	Morph  Morphology
}

// Synonyms implements Source.
func (b Blocked) Synonyms(word, tag string) []string {
	if b.Source == nil {
		return nil
	}
	c := b.Source.Synonyms(word, tag)
	if len(c) == 0 || b.List.Len() == 0 {
		return c
	}
	words := lookupForms(b.Morph, Normalize(word), tag)
	return dropWhere(c, func(cand string) bool {
		for _, cf := range lookupForms(b.Morph, cand, tag) {
			for _, w := range words {
				if b.List.blocks(w, cf) {
					return true
				}
			}
		}
		return false
	})
}

// openClasses is the order in which lookupForms asks a Morphology for
// lemmas when the tag does not say the part of speech.
var openClasses = [...]POS{Noun, Verb, Adj, Adv}

// lookupForms returns w followed by its lemmas for the part of speech of
// tag, or for every part of speech when tag is empty or not an open-class
// tag. With a nil Morphology it returns just w.
func lookupForms(m Morphology, w, tag string) []string {
	out := []string{w}
	if m == nil {
		return out
	}
	add := func(p POS) {
		for _, l := range m.Lemmas(w, p) {
			if l = Normalize(l); l != "" && !slices.Contains(out, l) {
				out = append(out, l)
			}
		}
	}
	if p, ok := FromPenn(tag); ok {
		add(p)
		return out
	}
	for _, p := range openClasses {
		add(p)
	}
	return out
}

// dropWhere returns c without the elements for which drop is true. It
// returns c itself when nothing is dropped, a new slice otherwise (nil when
// nothing is left); c is never modified, and order is kept.
func dropWhere(c []string, drop func(string) bool) []string {
	for i, s := range c {
		if !drop(s) {
			continue
		}
		out := make([]string, i, len(c)-1)
		copy(out, c[:i])
		for _, s := range c[i+1:] {
			if !drop(s) {
				out = append(out, s)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	return c
}
