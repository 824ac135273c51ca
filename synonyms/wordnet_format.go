package synonyms

import "fmt"

// The in-place WordNet format (format version 2), which OpenWordNet reads
// where it lies and the generator of package builtin writes. All integers
// are little-endian uint32; byte strings are a u32 length, the bytes and
// zero padding to a multiple of four.
//
//	"TXWN"                  magic
//	u32                     format version, 2
//	string                  label (WordNet.Version)
//	u32 L                   lemma count
//	4 × u32                 synset counts of nouns, verbs, adjectives (with
//	                        satellites) and adverbs; synsets are numbered in
//	                        that order, so a number tells its part of speech
//	u32 S, u32 M, u32 A     sense, member and antonym-pointer counts
//	(L+1) × u32             lemma offsets: lemma i is text[o[i]:o[i+1]]
//	(L+1) × u32             sense starts: the senses of lemma i are
//	                        senses s[i] up to s[i+1], grouped by part of speech
//	                        (nouns first), in WordNet's sense order (most
//	                        frequently tagged first) within a part of speech
//	S × u32                 the synset of each sense
//	S × u32                 the tag count of each sense (cntlist.rev)
//	(N+1) × u32             member starts (N synsets): the members of synset
//	                        k are members m[k] up to m[k+1], in WordNet's order
//	M × u32                 members: lemma<<1 | 1 if capitalised in the synset
//	A × 2 u32               antonym pointers (synset, target synset), sorted
//	                        by synset, WordNet's order within a synset
//	8 list tables           the exception lists of nouns, verbs, adjectives
//	                        and adverbs (form -> bases), then their inverses
//	                        (base -> forms), normalised as NewMorphy does; see
//	                        listTable for the encoding
//	string                  text: the lemmas, sorted by their bytes, lower
//	                        case with single spaces, one after another
//
// Nothing is decoded when the data is opened: lookups read the arrays in
// place, and every range they take from the data is checked against the
// bounds of what it indexes, so corrupt data gives wrong answers, never a
// panic. check verifies everything else (order, ranges, sortedness).
const (
	wordNetMagic   = "TXWN"
	inPlaceVersion = 2
)

// openWordNet slices data into the sections of the in-place format. It
// checks the header and that the sections fill data exactly, not their
// contents (see check): its cost does not depend on the size of data.
func openWordNet(data string) (*wordNetData, error) {
	r := &reader{data: data, pos: len(wordNetMagic)}
	if len(data) < len(wordNetMagic) || data[:len(wordNetMagic)] != wordNetMagic {
		return nil, fmt.Errorf("synonyms: wordnet data: not textaug WordNet data: %w", errFormat)
	}
	if v := r.u32(); r.err == nil && v != inPlaceVersion {
		return nil, fmt.Errorf("synonyms: wordnet data: format version %d, want %d: %w", v, inPlaceVersion, errFormat)
	}
	d := &wordNetData{version: r.str()}
	nl := r.u32()
	for p := range 4 {
		d.base[p+1] = d.base[p] + uint64(r.u32())
	}
	ns, nm, na := r.u32(), r.u32(), r.u32()
	if d.base[4] >= 1<<32 {
		r.fail("too many synsets")
	}
	d.off = r.array1(nl)
	d.start = r.array1(nl)
	d.senses = r.array(ns)
	d.counts = r.array(ns)
	d.synStart = r.array1(uint32(d.base[4]))
	d.members = r.array(nm)
	d.ants = u32s(r.bytes(8 * uint64(na)))
	d.morph = &Morphy{has: d.has}
	d.morph.readExceptions(r)
	d.text = r.str()
	if r.err != nil {
		return nil, r.err
	}
	if r.pos != len(data) {
		r.fail("%d bytes of trailing data", len(data)-r.pos)
		return nil, r.err
	}
	d.nLemmas = int(nl)
	return d, nil
}

// check reports the first way in which d breaks the rules of the format.
func (d *wordNetData) check() error {
	wrap := func(err error) error {
		return fmt.Errorf("synonyms: wordnet data: %w: %w", err, errFormat)
	}
	if err := d.checkLemmas(); err != nil {
		return wrap(err)
	}
	if err := d.checkSenses(); err != nil {
		return wrap(err)
	}
	if err := d.checkSynsets(); err != nil {
		return wrap(err)
	}
	for _, t := range append(d.morph.exc[:], d.morph.inv[:]...) {
		if err := t.check(); err != nil {
			return wrap(err)
		}
	}
	return nil
}

func (d *wordNetData) checkLemmas() error {
	if i := d.off.ascending(0, len(d.text)); i >= 0 || int(d.off.at(d.nLemmas)) != len(d.text) {
		return fmt.Errorf("lemma %d: offset out of order or range", i)
	}
	for i := range d.nLemmas {
		if d.lemma(uint32(i)) == "" || i > 0 && d.lemma(uint32(i-1)) >= d.lemma(uint32(i)) {
			return fmt.Errorf("lemma %d (%q): empty or not sorted", i, d.lemma(uint32(i)))
		}
	}
	return nil
}

func (d *wordNetData) checkSenses() error {
	if i := d.start.ascending(0, d.senses.n()); i >= 0 || d.start.at(d.nLemmas) != uint32(d.senses.n()) {
		return fmt.Errorf("lemma %d: sense start out of order or range", i)
	}
	for i := range d.nLemmas {
		lo, hi, _ := d.start.span(i, d.senses.n())
		for k := lo; k < hi; k++ {
			p := d.posOf(d.senses.at(k))
			if p == 4 || k > lo && p < d.posOf(d.senses.at(k-1)) {
				return fmt.Errorf("lemma %d (%q): sense %d: synset out of range or order", i, d.lemma(uint32(i)), k-lo)
			}
		}
	}
	return nil
}

func (d *wordNetData) checkSynsets() error {
	nSyn := int(d.base[4])
	if i := d.synStart.ascending(0, d.members.n()); i >= 0 || d.synStart.at(nSyn) != uint32(d.members.n()) {
		return fmt.Errorf("synset %d: member start out of order or range", i)
	}
	for k := range d.members.n() {
		if int(d.members.at(k)>>1) >= d.nLemmas {
			return fmt.Errorf("member %d: lemma out of range", k)
		}
	}
	for k := range d.ants.n() {
		if int(d.ants.at(k)) >= nSyn || k%2 == 0 && k >= 2 && d.ants.at(k-2) > d.ants.at(k) {
			return fmt.Errorf("antonym pointer %d: synset out of range or order", k/2)
		}
	}
	return nil
}

// wordNetBuild is a WordNet database in memory, as the older, compressed
// format (version 1, see ReadWordNet) decodes into; encode writes it in the
// in-place format.
type wordNetBuild struct {
	version string
	lemmas  []string // sorted
	// Synsets of each part of speech, numbered in order noun, verb,
	// adjective, adverb; members as in the format.
	perPOS  [4]int
	members [][]uint32
	ants    [][]uint32 // antonym pointer targets of each synset
	// Per part of speech and lemma, synset numbers and tag counts.
	senses [4][][]uint32
	counts [4][][]uint32
	exc    map[POS]Exceptions
}

// encode returns the in-place encoding of b.
func (b *wordNetBuild) encode() []byte {
	nl := len(b.lemmas)
	out := []byte(wordNetMagic)
	out = appendU32(out, inPlaceVersion)
	out = appendBytes(out, b.version)
	out = appendU32(out, nl)
	var senses, counts, members, ants, starts []uint32
	for _, n := range b.perPOS {
		out = appendU32(out, n)
	}
	starts = append(starts, 0)
	for i := range nl {
		for p := range 4 {
			senses = append(senses, b.senses[p][i]...)
			counts = append(counts, b.counts[p][i]...)
		}
		starts = append(starts, uint32(len(senses)))
	}
	memberStarts := []uint32{0}
	for s, ms := range b.members {
		members = append(members, ms...)
		memberStarts = append(memberStarts, uint32(len(members)))
		for _, t := range b.ants[s] {
			ants = append(ants, uint32(s), t)
		}
	}
	for _, n := range []int{len(senses), len(members), len(ants) / 2} {
		out = appendU32(out, n)
	}
	var text []byte
	out = appendU32(out, 0)
	for _, l := range b.lemmas {
		text = append(text, l...)
		out = appendU32(out, len(text))
	}
	for _, a := range [][]uint32{starts, senses, counts, memberStarts, members, ants} {
		for _, v := range a {
			out = appendU32(out, int(v))
		}
	}
	fwd, inv := exceptionMaps(b.exc)
	out = appendExceptions(out, fwd, inv)
	return appendBytes(out, string(text))
}
