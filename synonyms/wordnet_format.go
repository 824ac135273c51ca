package synonyms

import "fmt"

// The in-place WordNet format, format version 2, is documented at
// OpenWordNet.
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
	if r.err == nil && d.base[4] >= 1<<32 {
		r.fail("too many synsets")
	}
	d.lemmaSlots = r.array(r.u32())
	d.lemmas = u32s(r.bytes(8 * (uint64(nl) + 1)))
	d.senses = u32s(r.bytes(8 * uint64(ns)))
	d.synStart = r.array1(uint32(d.base[4]))
	d.members = r.array(nm)
	d.ants = u32s(r.bytes(8 * uint64(na)))
	d.antBits = r.array(uint32((d.base[4] + 31) / 32))
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
	d.nLemmas, d.nSenses = int(nl), int(ns)
	return d, nil
}

// check reports the first way in which d breaks the rules of the format.
func (d *wordNetData) check() error {
	wrap := func(err error) error {
		return fmt.Errorf("synonyms: wordnet data: %w: %w", err, errFormat)
	}
	for _, f := range []func() error{d.checkLemmas, d.checkIndex, d.checkSenses, d.checkSynsets} {
		if err := f(); err != nil {
			return wrap(err)
		}
	}
	for _, t := range append(d.morph.exc[:], d.morph.inv[:]...) {
		if err := t.check(); err != nil {
			return wrap(err)
		}
	}
	return nil
}

func (d *wordNetData) checkLemmas() error {
	off := d.lemmas.column(2, 0)
	if i := off.ascending(0, len(d.text)); i >= 0 || int(off.at(d.nLemmas)) != len(d.text) {
		return fmt.Errorf("lemma %d: offset out of order or range", i)
	}
	for i := range d.nLemmas {
		if d.lemma(uint32(i)) == "" || i > 0 && d.lemma(uint32(i-1)) >= d.lemma(uint32(i)) {
			return fmt.Errorf("lemma %d (%q): empty or not sorted", i, d.lemma(uint32(i)))
		}
	}
	return nil
}

func (d *wordNetData) checkIndex() error {
	if n := d.lemmaSlots.n(); n&(n-1) != 0 || n <= d.nLemmas {
		return fmt.Errorf("%d hash slots for %d lemmas", n, d.nLemmas)
	}
	for i := range d.nLemmas {
		if id, ok := d.id(d.lemma(uint32(i))); !ok || int(id) != i {
			return fmt.Errorf("lemma %d (%q): not in the hash index", i, d.lemma(uint32(i)))
		}
	}
	return nil
}

func (d *wordNetData) checkSenses() error {
	start := d.lemmas.column(2, 1)
	if i := start.ascending(0, d.nSenses); i >= 0 || int(start.at(d.nLemmas)) != d.nSenses {
		return fmt.Errorf("lemma %d: sense start out of order or range", i)
	}
	for i := range d.nLemmas {
		lo, hi := d.lemmaRange(i, 1, d.nSenses)
		for k := lo; k < hi; k++ {
			p := d.posOf(d.synsetOf(k))
			if p == 4 || k > lo && p < d.posOf(d.synsetOf(k-1)) {
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
	for s := range nSyn {
		if lo, hi := d.searchAntonyms(uint32(s)); d.antBits.bit(s) != (lo < hi) {
			return fmt.Errorf("synset %d: antonym bitmap disagrees with the pointers", s)
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
	var lemmas, senses, members, ants []uint32
	var text []byte
	for i, l := range b.lemmas {
		lemmas = append(lemmas, uint32(len(text)), uint32(len(senses)/2))
		text = append(text, l...)
		for p := range 4 {
			for k, s := range b.senses[p][i] {
				senses = append(senses, s, b.counts[p][i][k])
			}
		}
	}
	lemmas = append(lemmas, uint32(len(text)), uint32(len(senses)/2))
	memberStarts := []uint32{0}
	for s, ms := range b.members {
		members = append(members, ms...)
		memberStarts = append(memberStarts, uint32(len(members)))
		for _, t := range b.ants[s] {
			ants = append(ants, uint32(s), t)
		}
	}
	out := []byte(wordNetMagic)
	out = appendU32(out, inPlaceVersion)
	out = appendBytes(out, b.version)
	for _, n := range []int{nl, b.perPOS[0], b.perPOS[1], b.perPOS[2], b.perPOS[3],
		len(senses) / 2, len(members), len(ants) / 2} {
		out = appendU32(out, n)
	}
	out = appendHashIndex(out, b.lemmas, 1)
	for _, a := range [][]uint32{lemmas, senses, memberStarts, members, ants} {
		for _, v := range a {
			out = appendU32(out, int(v))
		}
	}
	out = appendBitmap(out, len(b.members), func(s int) bool { return len(b.ants[s]) > 0 })
	fwd, inv := exceptionMaps(b.exc)
	out = appendExceptions(out, fwd, inv)
	return appendBytes(out, string(text))
}
