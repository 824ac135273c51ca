package synonyms

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entry is one line of a synonym table: Word, used as part of speech POS
// (Any for every part of speech), can be replaced by each of Synonyms.
type Entry struct {
	Word     string
	POS      POS
	Synonyms []string
}

type key struct {
	word string
	pos  POS
}

// Table is an immutable in-memory Source built from entries.
//
// Lookups lower-case the word and try it as written first; when that finds
// nothing and the table has a Morphology, they try each lemma of the word
// and inflect the candidates to the asked form. Entries are one-way: list
// both directions when a relation is symmetric. Proper nouns and closed
// word classes get no candidates.
//
// A Table is safe for concurrent use. The zero Table is empty.
type Table struct {
	m     map[key][]string
	morph Morphology
}

// NewTable builds a Table from entries. Words and candidates are lower-cased
// and their inner white space folded to single spaces; entries for the same
// word and part of speech are merged. morph may be nil.
func NewTable(entries []Entry, morph Morphology) *Table {
	t := &Table{m: make(map[key][]string, len(entries)), morph: morph}
	for _, e := range entries {
		w := Normalize(e.Word)
		if w == "" {
			continue
		}
		k := key{w, e.POS}
		list := t.m[k]
		for _, s := range e.Synonyms {
			if s = Normalize(s); s != "" && s != w {
				list = append(list, s)
			}
		}
		t.m[k] = list
	}
	for k, list := range t.m {
		slices.Sort(list)
		t.m[k] = slices.Clip(slices.Compact(list))
	}
	return t
}

// Len returns the number of (word, part of speech) entries.
func (t *Table) Len() int { return len(t.m) }

// Synonyms implements Source.
func (t *Table) Synonyms(word, tag string) []string {
	if t == nil || len(t.m) == 0 {
		return nil
	}
	pos := Any
	if tag != "" {
		p, ok := FromPenn(tag)
		if !ok {
			return nil
		}
		pos = p
	}
	w := Normalize(word)
	if c := t.lookup(w, pos); len(c) > 0 {
		return c
	}
	if t.morph == nil || pos == Any {
		return nil
	}
	var out []string
	for _, lemma := range t.morph.Lemmas(w, pos) {
		if lemma == w {
			continue
		}
		for _, c := range t.lookup(lemma, pos) {
			if f := t.morph.Inflect(c, pos, tag); f != "" && f != w {
				out = append(out, f)
			}
		}
	}
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

// Owns reports whether the table has an entry for word used with tag,
// even an empty one: a user lexicon line "card<TAB>n<TAB>-" keeps every
// later source of a Layered list from answering for "card". Owns makes a
// Table a synonyms.Owner.
func (t *Table) Owns(word, tag string) bool {
	if t == nil || len(t.m) == 0 {
		return false
	}
	pos := Any
	if tag != "" {
		p, ok := FromPenn(tag)
		if !ok {
			return false
		}
		pos = p
	}
	w := Normalize(word)
	if t.has(w, pos) {
		return true
	}
	if t.morph == nil || pos == Any {
		return false
	}
	for _, lemma := range t.morph.Lemmas(w, pos) {
		if t.has(lemma, pos) {
			return true
		}
	}
	return false
}

func (t *Table) has(w string, pos POS) bool {
	if _, ok := t.m[key{w, Any}]; ok {
		return true
	}
	if pos != Any {
		_, ok := t.m[key{w, pos}]
		return ok
	}
	for _, p := range []POS{Noun, Verb, Adj, Adv} {
		if _, ok := t.m[key{w, p}]; ok {
			return true
		}
	}
	return false
}

func (t *Table) lookup(w string, pos POS) []string {
	a := t.m[key{w, pos}]
	if pos == Any {
		// No tag: every part of speech the word has.
		var all []string
		for _, p := range []POS{Any, Noun, Verb, Adj, Adv} {
			all = append(all, t.m[key{w, p}]...)
		}
		if len(all) == len(a) {
			return a
		}
		slices.Sort(all)
		return slices.Compact(all)
	}
	b := t.m[key{w, Any}]
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0:
		return b
	}
	c := append(slices.Clone(a), b...)
	slices.Sort(c)
	return slices.Compact(c)
}

// Normalize lower-cases s, trims it and folds runs of white space and
// WordNet's underscores into single spaces.
func Normalize(s string) string {
	if normalized(s) {
		return s // the common case, a plain lower-case word: no copy
	}
	s = strings.ReplaceAll(s, "_", " ")
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// From cjkFirst to cjkLast (CJK punctuation, kana, Hangul jamo, Han
// characters) no character has case or is white space (a test checks), so
// normalized skips the look-ups for them.
const cjkFirst, cjkLast = 0x3001, 0x9fff

// normalized reports whether Normalize(s) == s for certain: s is valid
// UTF-8 without upper case, underscores or white space other than single
// ASCII spaces between other characters. It may say false for some
// normalized strings.
func normalized(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			if cjkFirst <= r && r <= cjkLast {
				continue
			}
			if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || unicode.ToLower(r) != r {
				return false // ToLower would replace an invalid byte; Fields splits at r
			}
		case 'A' <= c && c <= 'Z' || c == '_' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// Owner is a Source that can claim a word: when it owns the word, its
// answer is final even if empty, so that a domain lexicon can say "no safe
// synonym here" and keep WordNet's wrong senses out.
type Owner interface {
	Source
	Owns(word, tag string) bool
}

// Layered consults sources in order and returns the first non-empty answer,
// or the answer of the first Owner that owns the word: an earlier source
// overrides a later one for every word it knows. Put user lexicons first,
// then domain packs, then WordNet.
type Layered []Source

// Synonyms implements Source.
func (l Layered) Synonyms(word, tag string) []string {
	for _, s := range l {
		if s == nil {
			continue
		}
		if c := s.Synonyms(word, tag); len(c) > 0 {
			return c
		}
		if o, ok := s.(Owner); ok && o.Owns(word, tag) {
			return nil
		}
	}
	return nil
}
