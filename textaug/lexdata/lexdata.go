package lexdata

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

var (
	//go:embed qwerty.txt
	qwertyTxt string
	//go:embed qwertz.txt
	qwertzTxt string
	//go:embed azerty.txt
	azertyTxt string
	//go:embed misspellings.txt
	misspellingsTxt string
	//go:embed risky.txt
	riskyTxt string
	//go:embed persons.txt
	personsTxt string
	//go:embed companies.txt
	companiesTxt string
	//go:embed places.txt
	placesTxt string
)

// Layout tells which keys lie next to each key of a keyboard. The zero
// Layout has no keys. A Layout is read-only once made and safe for
// concurrent use.
type Layout struct {
	name string
	near map[rune][]rune
}

// Name returns the layout's name.
func (l *Layout) Name() string { return l.name }

// Neighbours returns the keys next to r, sorted; for an upper-case letter
// they are upper case. It returns nil for a key the layout does not have.
// Callers must not modify the slice.
func (l *Layout) Neighbours(r rune) []rune {
	if l == nil {
		return nil
	}
	if n, ok := l.near[r]; ok {
		return n
	}
	return l.near[unicode.ToLower(r)+upperMark]
}

// upperMark offsets the keys of the upper-case table inside near; no key
// a layout file can hold reaches it.
const upperMark = 0x110000

// ParseLayout reads a layout: one line per key, the key and the keys next
// to it separated by white space ("q wa"); blank lines and lines starting
// with # are skipped. Keys are single characters, stored in lower case.
// Errors name the line.
func ParseLayout(name string, r io.Reader) (*Layout, error) {
	l := &Layout{name: name, near: map[rune][]rune{}}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		key, size := utf8.DecodeRuneInString(f[0])
		if size != len(f[0]) || len(f) != 2 || key == utf8.RuneError {
			return nil, fmt.Errorf("lexdata: layout %s: line %d: want a key and its neighbours, got %q", name, n, sc.Text())
		}
		key = unicode.ToLower(key)
		var near []rune
		for _, c := range strings.ToLower(f[1]) {
			if c != key {
				near = append(near, c)
			}
		}
		slices.Sort(near)
		near = slices.Compact(near)
		l.near[key] = near
		up := make([]rune, len(near))
		for i, c := range near {
			up[i] = unicode.ToUpper(c)
		}
		l.near[key+upperMark] = up
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexdata: layout %s: %w", name, err)
	}
	return l, nil
}

var layouts = sync.OnceValues(parseLayouts)

func parseLayouts() (map[string]*Layout, error) {
	m := map[string]*Layout{}
	for _, x := range []struct{ name, data string }{{"qwerty", qwertyTxt}, {"qwertz", qwertzTxt}, {"azerty", azertyTxt}} {
		l, err := ParseLayout(x.name, strings.NewReader(x.data))
		if err != nil {
			return nil, err
		}
		m[x.name] = l
	}
	return m, nil
}

// LayoutNames lists the embedded layouts.
func LayoutNames() []string { return []string{"qwerty", "qwertz", "azerty"} }

// Keyboard returns the embedded layout called name: qwerty, qwertz or
// azerty.
func Keyboard(name string) (*Layout, error) {
	m, err := layouts()
	if err != nil {
		return nil, err
	}
	l, ok := m[strings.ToLower(name)]
	if !ok {
		return nil, fmt.Errorf("lexdata: no keyboard layout %q (have %s)", name, strings.Join(LayoutNames(), ", "))
	}
	return l, nil
}

// lines calls f with the words of every line of data that is not blank
// or a comment, and the section ("[name]" lines) it stands in.
func lines(data string, f func(section string, words []string)) {
	section := ""
	for line := range strings.Lines(data) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
		default:
			f(section, strings.Fields(line))
		}
	}
}

// Misspellings maps a lower-case word to the common ways of misspelling
// it. The zero value has none. Read-only; safe for concurrent use.
type Misspellings struct{ m map[string][]string }

// Of returns the misspellings of the lower-case word w, sorted; nil when
// the list has none. Callers must not modify the slice.
func (s *Misspellings) Of(w string) []string {
	if s == nil {
		return nil
	}
	return s.m[w]
}

// Len returns the number of words with misspellings.
func (s *Misspellings) Len() int { return len(s.m) }

// Words returns the words with misspellings, sorted.
func (s *Misspellings) Words() []string {
	w := make([]string, 0, len(s.m))
	for k := range s.m {
		w = append(w, k)
	}
	slices.Sort(w)
	return w
}

// CommonMisspellings returns the embedded list of misspellings.
func CommonMisspellings() *Misspellings { return misspellings() }

var misspellings = sync.OnceValue(parseMisspellings)

func parseMisspellings() *Misspellings {
	m := map[string][]string{}
	lines(misspellingsTxt, func(_ string, f []string) {
		if len(f) < 2 {
			return
		}
		v := append(m[f[0]], f[1:]...)
		slices.Sort(v)
		m[f[0]] = slices.Compact(v)
	})
	return &Misspellings{m}
}

// WordSet is a set of lower-case words. Read-only; safe for concurrent
// use.
type WordSet struct{ m map[string]bool }

// Has reports whether the set holds w (compared in lower case).
func (s *WordSet) Has(w string) bool { return s != nil && s.m[strings.ToLower(w)] }

// Len returns the number of words.
func (s *WordSet) Len() int { return len(s.m) }

// RiskyWords returns the embedded words that a typo must never produce
// (see risky.txt).
func RiskyWords() *WordSet { return risky() }

var risky = sync.OnceValue(parseRisky)

func parseRisky() *WordSet {
	m := map[string]bool{}
	lines(riskyTxt, func(_ string, f []string) {
		for _, w := range f {
			m[strings.ToLower(w)] = true
		}
	})
	return &WordSet{m}
}
