package textaug

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/textaug/textaug/textaug/lexdata"
	"github.com/textaug/textaug/tokenize"
)

// EntitySwap is a CheckList perturbation (Ribeiro et al., 2020): it
// replaces every name of a person, company or place that it finds in
// Names by another of the same kind, consistently within the text: "Nokia
// raised its outlook; Nokia shares rose" becomes "Ericsson raised its
// outlook; Ericsson shares rose". It changes a fact: use it only where
// the user has declared which entity a text names irrelevant to its
// label. It is never part of a preset.
//
// Names are matched as written ("Stora Enso", not "stora enso"), longest
// first, on words separated by single spaces; a given name and a family
// name are swapped apart ("Anna Virtanen" -> "Laura Smith"). A company
// becomes a company of the same sector (a bank stays a bank), a city a
// city, a country a country. A replacement is never a name the text
// already holds, and two different names never become the same one. A
// listed name inside a longer proper name stays ("Apple Watch", "Nokia
// Siemens Networks", "OMX Helsinki"); titles may precede a name ("CEO Anna
// Virtanen"). A name that stays in one place for either reason stays
// everywhere in the text ("YIT Home ... YIT subsidiaries" keeps both
// "YIT").
// Names covered by the Policy's Keep list or Patterns stay ("Apple Pay"
// with Keep "Apple Pay"); the policy's built-in freezing of proper nouns
// does not stop the swap, which is what it is for.
//
// The replacement words are new tokens (Start and End -1), tagged NNP and
// frozen. Chinese text has no names in the embedded lists and is left as
// it is.
//
// The zero value swaps every kind with the embedded lists and honours no
// Policy. Safe for concurrent use.
type EntitySwap struct {
	Names *lexdata.Entities // nil means lexdata.Names()
	// Kinds limits the swap to some of lexdata.Given, lexdata.Family,
	// lexdata.Company and lexdata.Place; nil means all.
	Kinds  []string
	Policy *Policy // its Keep list and Patterns are never swapped; nil: none
}

// Name implements Edit.
func (EntitySwap) Name() string { return "entity-swap" }

// entitySite is one name in the text: tokens [from, to).
type entitySite struct {
	from, to int
	ent      lexdata.Entity
}

// Edit implements Edit.
func (e EntitySwap) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	names := e.Names
	if names == nil {
		names = lexdata.Names()
	}
	sites := e.sites(names, toks)
	if len(sites) == 0 {
		return toks
	}
	present := map[string]bool{}
	for _, s := range sites {
		present[s.ent.Name] = true
	}
	chosen := map[string]string{} // name -> replacement, drawn in text order
	out := make([]tokenize.Token, 0, len(toks)+2*len(sites))
	at := 0
	for _, s := range sites {
		repl, ok := chosen[s.ent.Name]
		if !ok {
			var cands []string
			for _, c := range names.Peers(s.ent) {
				if !present[c] {
					cands = append(cands, c)
				}
			}
			if len(cands) == 0 {
				continue
			}
			repl = cands[r.IntN(len(cands))]
			chosen[s.ent.Name], present[repl] = repl, true
		}
		out = append(out, toks[at:s.from]...)
		out = phrase(out, repl, "NNP", caseLower, tokenize.Frozen)
		at = s.to
	}
	out = append(out, toks[at:]...)
	if !sameFigures(toks, out) {
		return toks // a name glued to a figure must not change how it reads
	}
	return out
}

// sites finds the names of toks, in text order. A run of capitalised
// words (single spaces between them) is swapped only when every word of it
// belongs to a listed name: "Apple Watch", "Nokia Siemens Networks" and
// "OMX Helsinki" name something else and stay whole. The first word of
// the text does not count, being capitalised anyway ("Will Nokia ..."),
// and neither do titles ("CEO Anna Virtanen", "Mr Smith").
func (e EntitySwap) sites(names *lexdata.Entities, toks []tokenize.Token) []entitySite {
	kept := e.Policy.userKept(toks)
	first := firstContent(toks)
	blocked := map[string]bool{} // names that stay: kept, or inside a longer name
	var sites []entitySite
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != tokenize.Word || caseOf(toks[i].Text) == caseLower {
			continue
		}
		run := capitalRun(toks, i, first)
		var found []entitySite
		whole := true
		for j := 0; j < len(run); {
			words, idx := nameWords(toks[:run[len(run)-1]+1], run[j])
			n, ents := names.Match(words)
			if n == 0 {
				whole = whole && (run[j] == first || slices.Contains(nameTitles, toks[run[j]].Text))
				j++
				continue
			}
			end := idx[n-1] + 1
			proper := toks[run[j]].Tag == "NNP" || toks[run[j]].Tag == "NNPS"
			if ent, ok := e.pick(ents, names, words[n:], proper); ok {
				found = append(found, entitySite{run[j], end, ent})
				if slices.Contains(kept[run[j]:end], true) {
					blocked[ent.Name] = true
				}
			}
			j += n
		}
		for _, f := range found {
			if !whole {
				blocked[f.ent.Name] = true
			}
		}
		sites = append(sites, found...)
		i = run[len(run)-1]
	}
	// A name that must stay somewhere stays everywhere: consistency.
	return slices.DeleteFunc(sites, func(s entitySite) bool { return blocked[s.ent.Name] })
}

// nameTitles may stand before a name in a run of capitalised words.
var nameTitles = []string{"CEO", "CFO", "COO", "CTO", "Chairman", "Chief", "Director", "Dr", "Dr.", "Minister", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "President", "Prof", "Prof.", "Professor", "Sir"}

// capitalRun returns the indices of the capitalised words from toks[i]
// on that stand apart by single spaces; the text's first word joins a run
// only as its first member.
func capitalRun(toks []tokenize.Token, i, first int) []int {
	run := []int{i}
	for j := i + 2; j < len(toks) && toks[j-1].Text == " " && toks[j].Kind == tokenize.Word && caseOf(toks[j].Text) != caseLower && j != first; j += 2 {
		run = append(run, j)
	}
	return run
}

// nameWords returns up to four words from toks[i] on that stand apart by
// single spaces, and their token indices.
func nameWords(toks []tokenize.Token, i int) (words []string, idx []int) {
	for j := i; j < len(toks) && len(words) < 4; j += 2 {
		if toks[j].Kind != tokenize.Word {
			break
		}
		words, idx = append(words, toks[j].Text), append(idx, j)
		if j+1 >= len(toks) || toks[j+1].Text != " " {
			break
		}
	}
	return words, idx
}

// pick chooses among the entities one name matched, by the kinds asked
// for. A person's name that is also a common word ("Mark", "Green") counts
// only where the tagger calls it a proper noun or a family name follows
// it; a name that is both a given and a family name is a given name when
// a family name follows it ("Martin Smith"), else a family name.
func (e EntitySwap) pick(ents []lexdata.Entity, names *lexdata.Entities, rest []string, proper bool) (lexdata.Entity, bool) {
	familyNext := false
	if n, next := names.Match(rest); n > 0 {
		for _, x := range next {
			familyNext = familyNext || x.Kind == lexdata.Family
		}
	}
	var ok []lexdata.Entity
	for _, x := range ents {
		person := x.Kind == lexdata.Given || x.Kind == lexdata.Family
		if (e.Kinds == nil || slices.Contains(e.Kinds, x.Kind)) && (!person || proper || familyNext) {
			ok = append(ok, x)
		}
	}
	if len(ok) == 0 {
		return lexdata.Entity{}, false
	}
	if len(ok) > 1 {
		for _, x := range ok {
			if (x.Kind == lexdata.Given) == familyNext {
				return x, true
			}
		}
	}
	return ok[0], true
}

// entityKinds are the names EntitySwap's Kinds take.
func entityKinds() []string {
	return []string{lexdata.Given, lexdata.Family, lexdata.Company, lexdata.Place}
}

// ParseEntityKinds reads a comma list of entity kinds: given, family,
// company, place, and person for both given and family. Unknown names are
// an error naming them.
func ParseEntityKinds(list string) ([]string, error) {
	var kinds []string
	for _, k := range strings.Split(list, ",") {
		k = strings.TrimSpace(strings.ToLower(k))
		switch {
		case k == "person":
			kinds = append(kinds, lexdata.Given, lexdata.Family)
		case slices.Contains(entityKinds(), k):
			kinds = append(kinds, k)
		case k != "":
			return nil, &KindError{Kind: k, Have: "person, " + strings.Join(entityKinds(), ", ")}
		}
	}
	return kinds, nil
}

// KindError reports an unknown kind name given to ParseEntityKinds or
// ParseNumberKinds.
type KindError struct {
	Kind string // as given
	Have string // the names that exist
}

func (e *KindError) Error() string {
	return "textaug: unknown kind " + `"` + e.Kind + `" (have ` + e.Have + ")"
}
