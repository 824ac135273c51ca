package synonyms

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
)

// This file reads the older, compact WordNet format (format version 1),
// which ReadWordNet documents: varints, front-coded lemmas, meant for
// gzip. ReadWordNet turns it into the in-place format.

// errFormat is wrapped by every error about the content of the data.
var errFormat = errors.New("malformed data")

type decoder struct {
	b   []byte
	pos int
	err error
}

func (r *decoder) fail(msg string) {
	if r.err == nil {
		r.err = fmt.Errorf("synonyms: wordnet data: byte %d: %s: %w", r.pos, msg, errFormat)
	}
}

func (r *decoder) uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.pos:])
	if n <= 0 {
		r.fail("bad or truncated number")
		return 0
	}
	r.pos += n
	return v
}

// count reads a number of items, each of which takes at least min bytes.
func (r *decoder) count(min int) int {
	v := r.uint()
	if v > uint64(len(r.b)-r.pos)/uint64(min) {
		r.fail("count larger than the data")
		return 0
	}
	return int(v)
}

func (r *decoder) bytes() []byte {
	n := r.count(1)
	if r.err != nil {
		return nil
	}
	s := r.b[r.pos : r.pos+n]
	r.pos += n
	return s
}

// below reads a number that must be less than max.
func (r *decoder) below(max uint64, what string) uint32 {
	v := r.uint()
	if r.err == nil && v >= max {
		r.fail(what + " out of range")
		return 0
	}
	return uint32(v)
}

// decodeV1 decodes data of format version 1, after the magic.
func decodeV1(b []byte) (*wordNetBuild, error) {
	r := &decoder{b: b, pos: len(wordNetMagic)}
	if v := r.uint(); r.err == nil && v != 1 {
		return nil, fmt.Errorf("synonyms: wordnet data: format version %d, want 1 or %d: %w", v, inPlaceVersion, errFormat)
	}
	d := &wordNetBuild{version: string(r.bytes())}
	if err := r.lemmas(d); err != nil {
		return nil, err
	}
	if err := r.synsets(d); err != nil {
		return nil, err
	}
	if err := r.index(d); err != nil {
		return nil, err
	}
	if err := r.exceptions(d); err != nil {
		return nil, err
	}
	if r.pos != len(b) {
		r.fail("trailing data")
		return nil, r.err
	}
	return d, nil
}

// lemmas reads the sorted, front-coded lemmas.
func (r *decoder) lemmas(d *wordNetBuild) error {
	n := r.count(2)
	d.lemmas = make([]string, 0, n)
	total := 0
	var last []byte
	for range n {
		shared := r.uint()
		suffix := r.bytes()
		if r.err != nil {
			return r.err
		}
		if shared > uint64(len(last)) {
			r.fail("shared prefix longer than the previous lemma")
			return r.err
		}
		if total += int(shared) + len(suffix); total > 16*len(r.b) {
			r.fail("lemmas too long")
			return r.err
		}
		l := append(last[:shared:shared], suffix...)
		if len(l) == 0 || len(d.lemmas) > 0 && bytes.Compare(last, l) >= 0 {
			r.fail("lemmas not sorted")
			return r.err
		}
		d.lemmas = append(d.lemmas, string(l))
		last = l
	}
	return nil
}

// synsets reads the synsets' members and antonym pointers.
func (r *decoder) synsets(d *wordNetBuild) error {
	total := 0
	for p := range d.perPOS {
		d.perPOS[p] = r.count(2)
		total += d.perPOS[p]
	}
	if total > len(r.b) {
		r.fail("too many synsets")
	}
	if r.err != nil {
		return r.err
	}
	nl := uint64(len(d.lemmas))
	d.members = make([][]uint32, total)
	d.ants = make([][]uint32, total)
	for s := range total {
		for range r.count(1) {
			d.members[s] = append(d.members[s], r.below(nl<<1, "member"))
		}
		for range r.count(1) {
			d.ants[s] = append(d.ants[s], r.below(uint64(total), "antonym"))
		}
		if r.err != nil {
			return r.err
		}
	}
	return nil
}

// index reads, per part of speech, the senses of each lemma.
func (r *decoder) index(d *wordNetBuild) error {
	nl := uint64(len(d.lemmas))
	base := uint32(0)
	for p := range 4 {
		d.senses[p] = make([][]uint32, nl)
		d.counts[p] = make([][]uint32, nl)
		entries := r.count(2)
		id := -1
		for range entries {
			delta := r.uint()
			if r.err == nil && delta >= nl-uint64(id+1) {
				r.fail("lemma id out of range")
			}
			if r.err != nil {
				return r.err
			}
			id += 1 + int(delta)
			k := r.count(2)
			for range k {
				d.senses[p][id] = append(d.senses[p][id], base+r.below(uint64(d.perPOS[p]), "sense"))
			}
			for range k {
				d.counts[p][id] = append(d.counts[p][id], uint32(min(r.uint(), 1<<31)))
			}
			if r.err != nil {
				return r.err
			}
		}
		base += uint32(d.perPOS[p])
	}
	return nil
}

// exceptions reads the four exception lists.
func (r *decoder) exceptions(d *wordNetBuild) error {
	d.exc = make(map[POS]Exceptions, 4)
	for _, pos := range allPOS {
		k := r.count(2)
		list := make(Exceptions, k)
		for range k {
			form := string(r.bytes())
			m := r.count(1)
			bases := make([]string, 0, m)
			for range m {
				bases = append(bases, string(r.bytes()))
			}
			list[form] = bases
		}
		d.exc[pos] = list
	}
	return r.err
}
