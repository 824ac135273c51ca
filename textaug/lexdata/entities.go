package lexdata

import (
	"slices"
	"strings"
	"sync"
)

// Entity kinds.
const (
	Given   = "given"   // a given name: Anna, Mikko
	Family  = "family"  // a family name: Smith, Virtanen
	Company = "company" // Nokia, Goldman Sachs
	Place   = "place"   // Helsinki, United Kingdom
)

// Entity is one name of the embedded lists.
type Entity struct {
	Name  string // as written: "Stora Enso"
	Kind  string // Given, Family, Company or Place
	Group string // sector of a company (bank, technology, ...), city or country for a place; "" for persons
}

// Entities are the embedded names of persons, companies and places. The
// zero value has none. Read-only; safe for concurrent use.
type Entities struct {
	byFirst map[string][]Entity // first word -> entities, longest name first
	peers   map[string][]string // kind+"/"+group -> names, sorted
	words   map[string]bool     // every word of every name
}

// Names returns the embedded entity lists.
func Names() *Entities { return names() }

var names = sync.OnceValue(parseNames)

func parseNames() *Entities {
	e := &Entities{byFirst: map[string][]Entity{}, peers: map[string][]string{}, words: map[string]bool{}}
	lines(personsTxt, func(section string, f []string) {
		for _, w := range f {
			e.add(Entity{Name: w, Kind: section})
		}
	})
	for _, x := range []struct{ kind, data string }{{Company, companiesTxt}, {Place, placesTxt}} {
		lines(x.data, func(section string, f []string) {
			e.add(Entity{Name: strings.Join(f, " "), Kind: x.kind, Group: section})
		})
	}
	for k, v := range e.byFirst {
		slices.SortFunc(v, func(a, b Entity) int {
			if d := len(strings.Fields(b.Name)) - len(strings.Fields(a.Name)); d != 0 {
				return d
			}
			return strings.Compare(a.Kind+a.Name, b.Kind+b.Name)
		})
		e.byFirst[k] = v
	}
	for k, v := range e.peers {
		slices.Sort(v)
		e.peers[k] = slices.Compact(v)
	}
	return e
}

func (e *Entities) add(x Entity) {
	f := strings.Fields(x.Name)
	for _, w := range f {
		e.words[w] = true
	}
	first := f[0]
	e.byFirst[first] = append(e.byFirst[first], x)
	k := x.Kind + "/" + x.Group
	e.peers[k] = append(e.peers[k], x.Name)
}

// Match returns the entities whose name is words[:n] for the largest
// such n (case-sensitive: "Apple", not "apple"), and n; n is 0 when none
// starts words. A name listed under two kinds (Martin, a given and a
// family name) gives both, in kind order.
func (e *Entities) Match(words []string) (n int, ents []Entity) {
	if e == nil || len(words) == 0 {
		return 0, nil
	}
	for _, x := range e.byFirst[words[0]] {
		f := strings.Fields(x.Name)
		if len(f) < n || len(f) > len(words) || !slices.Equal(f, words[:len(f)]) {
			continue
		}
		if len(f) > n {
			n, ents = len(f), nil
		}
		ents = append(ents, x)
	}
	return n, ents
}

// Peers returns the other names of x's kind and group, sorted. Callers
// must not modify the slice's elements.
func (e *Entities) Peers(x Entity) []string {
	if e == nil {
		return nil
	}
	all := e.peers[x.Kind+"/"+x.Group]
	i, found := slices.BinarySearch(all, x.Name)
	if !found {
		return all
	}
	return append(slices.Clip(all[:i]), all[i+1:]...)
}

// Has reports whether w is one word of any embedded name, as written.
func (e *Entities) Has(w string) bool { return e != nil && e.words[w] }
