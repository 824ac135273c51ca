package synonyms

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/kljensen/snowball/english"
)

// Defaults for the zero values of WordNet's limits.
const (
	// DefaultMaxSenses is the number of senses of a word whose synonyms
	// are offered when WordNet.MaxSenses is zero. Rare senses give
	// howlers ("card" -> "batting order"), so keep it small.
	DefaultMaxSenses = 3
	// DefaultMaxCandidates is the cap on candidates per lookup when
	// WordNet.MaxCandidates is zero.
	DefaultMaxCandidates = 8
)

// WordNet is a Source backed by a WordNet database: the synonyms of a word
// are the other members of the synsets (senses) of its lemma.
//
// Synonyms(word, tag) works as follows.
//
//   - The Penn Treebank tag gives the part of speech (see FromPenn); proper
//     nouns, closed classes and an empty tag get nil, since without a part
//     of speech the senses are too mixed and the form cannot be matched.
//   - The word is lemmatised with the Morphy of the data (see Morphology).
//     For an inflected tag (NNS, VBD, ...) the lemmas that inflect back to
//     the word are kept ("saw"/VBD -> see, not saw); for a base tag (NN,
//     VB, VBP, JJ, RB) the word itself when it is a lemma. Of several lemmas left, those whose
//     senses were tagged most often in WordNet's sense-tagged corpus win
//     ("better"/JJR -> good rather than well). The auxiliaries be, have and
//     do get nil.
//   - Only senses of that part of speech are used, most frequent first, at
//     most MaxSenses of them. A sense in which the lemma is capitalised (a
//     proper-noun sense such as China for "china") does not count towards
//     MaxSenses. Senses never seen in WordNet's sense-tagged corpus are
//     skipped (see UntaggedSenses). The members of those synsets are
//     collected in WordNet's order, taking the first sense of each lemma,
//     then the second, and so on, until MaxCandidates of them have passed
//     the filter below.
//   - Dropped: the word and its lemmas; capitalised members (proper nouns);
//     every member of a synset that any sense of the lemma has an antonym
//     pointer to ("fall" for "rise", "bad" for "good"); any candidate one of
//     whose words has the same Snowball English stem as the word or its
//     lemma ("rising", "rise up" for "rise").
//   - Each candidate is inflected to the tag with the Morphy and the list is
//     sorted and de-duplicated; multi-word candidates have single spaces.
//     Mass nouns get plurals too ("earnings" -> "net incomes"), as the
//     Source contract asks for NNS.
//
// The zero values of MaxSenses and MaxCandidates mean DefaultMaxSenses and
// DefaultMaxCandidates; negative values count as zero.
//
// The zero WordNet has no data and answers nil. A WordNet is immutable
// once it is in use and safe for concurrent use. A
// *WordNet returned by a shared loader (such as package builtin) must not
// have its fields set: use WithLimits, which returns a copy sharing the
// data. Synonyms returns a new slice on every call.
type WordNet struct {
	MaxSenses     int // senses per lemma; 0 means DefaultMaxSenses
	MaxCandidates int // candidates per lookup; 0 means DefaultMaxCandidates

	// UntaggedSenses also admits senses that never occur in WordNet's
	// sense-tagged corpus (tag count 0). By default such a sense is skipped
	// when some other sense in which the lemma is not capitalised is
	// tagged, unless it is the first such sense.
	UntaggedSenses bool

	// RareLemmas also admits candidates that never occur with this part
	// of speech in WordNet's sense-tagged corpus, in any sense ("shew" for
	// show, "cognise" for know, "locomote" for go, "supererogatory" for
	// extra). By default they are dropped, so that replacements are words
	// a reader expects.
	RareLemmas bool

	d *wordNetData
}

// wordNetData is the database in the in-place format (see openWordNet),
// shared by copies of a WordNet: views into one string, no pointers to
// scan, nothing decoded.
type wordNetData struct {
	raw     string // the whole encoding
	version string
	nLemmas int
	nSenses int

	// Synsets of part of speech index p are numbered base[p] up to
	// base[p+1].
	base [5]uint64

	lemmaSlots u32s // hash index of the lemmas

	text     string // the lemmas, one after another
	lemmas   u32s   // per lemma and one more: text offset, first sense
	senses   u32s   // per sense: synset, tag count
	synStart u32s   // members of synset s: synStart[s] up to synStart[s+1]
	members  u32s   // lemma<<1 | capitalised
	ants     u32s   // antonym pointers: (synset, target) pairs
	antBits  u32s   // bit s: synset s has antonym pointers

	morph *Morphy
}

// ReadWordNet reads a WordNet database in one of textaug's two formats,
// plain or gzip-compressed, and checks all of it: the in-place format
// (format version 2) that OpenWordNet documents and the generator of
// package builtin (synonyms/builtin/gen.go) writes, or the older compact
// format (version 1), which it converts to the in-place one in memory.
//
// Format version 1 is a sequence of unsigned varints (encoding/binary) and
// strings (a varint length and the bytes):
//
//	"TXWN" format-version(1) label
//	lemma-count, then per lemma (sorted, lower case, spaces for
//	    underscores): shared-prefix-length suffix
//	synset-count for nouns, verbs, adjectives (with satellites), adverbs
//	per synset: member-count, member (lemma-id<<1 | capitalised)...,
//	    antonym-count, antonym synset id...
//	per part of speech: entry-count, then per entry: lemma-id delta
//	    (id - previous id - 1), sense-count, synset ids relative to the
//	    part of speech's first synset (WordNet's sense order), tag counts
//	per part of speech: exception-count, then per exception: form,
//	    base-count, bases
//
// Errors give the byte offset in the uncompressed data.
func ReadWordNet(r io.Reader) (*WordNet, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("synonyms: wordnet data: %w", err)
	}
	if b, err = gunzip(b); err != nil {
		return nil, err
	}
	if !bytes.HasPrefix(b, []byte(wordNetMagic)) {
		return nil, fmt.Errorf("synonyms: wordnet data: not textaug WordNet data: %w", errFormat)
	}
	if len(b) > len(wordNetMagic) && b[len(wordNetMagic)] == 1 { // a varint 1, not a u32 2
		v1, err := decodeV1(b)
		if err != nil {
			return nil, err
		}
		b = v1.encode()
	}
	d, err := openWordNet(string(b))
	if err != nil {
		return nil, err
	}
	if err := d.check(); err != nil {
		return nil, err
	}
	d.raw = string(b)
	return &WordNet{d: d}, nil
}

// gunzip returns b, decompressed if it is gzip data.
func gunzip(b []byte) ([]byte, error) {
	if len(b) < 2 || b[0] != 0x1f || b[1] != 0x8b {
		return b, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("synonyms: wordnet data: %w", err)
	}
	var buf bytes.Buffer
	if n := len(b); n >= 4 {
		if size := int(binary.LittleEndian.Uint32(b[n-4:])); size < 256<<20 {
			buf.Grow(size + bytes.MinRead)
		}
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("synonyms: wordnet data: %w", err)
	}
	return buf.Bytes(), nil
}

// OpenWordNet returns the WordNet held in data in the in-place format
// (format version 2; see below), reading it where it lies: nothing is
// copied or decoded, so opening costs the same for any size of data, and
// a process touches only the pages its lookups reach. Package builtin
// opens its embedded data this way.
//
// OpenWordNet checks the header and the sizes of the sections, not their
// contents; a lookup never reads outside data, but on corrupt contents it
// answers wrongly instead of failing. Use ReadWordNet, which checks
// everything, for data from outside the program.
//
// The format: all integers are little-endian uint32; a string is a u32
// length, the bytes and zero padding to a multiple of four; a string list
// of n strings is (n+1) offsets and a string holding them one after
// another (string i is text[o[i]:o[i+1]]).
//
//	"TXWN", u32 2, string label (Version)
//	u32 L lemmas; u32 synsets of nouns, verbs, adjectives (with
//	    satellites), adverbs (N in all, numbered in that order, so that a
//	    synset's number tells its part of speech); u32 S senses, M members,
//	    A antonym pointers
//	u32 H, H × u32 hash slots of the lemmas (H a power of two above
//	    L; lemma i is stored as i+1 in slot hashString(lemma) mod H, FNV-1a,
//	    or the next free one)
//	(L+1) × (u32 text offset, u32 first sense): lemma i is
//	    text[o[i]:o[i+1]], its senses those from its first sense up to
//	    lemma i+1's
//	S × (u32 synset, u32 tag count): each lemma's senses, nouns first,
//	    WordNet's sense order (most frequently tagged first) within a part
//	    of speech; tag counts from cntlist.rev
//	(N+1) × u32 first member of each synset; M × u32 members, lemma<<1 |
//	    1 if capitalised in the synset, in WordNet's order
//	A × (u32 synset, u32 antonym synset), sorted by synset; then a bitmap
//	    of N bits in (N+31)/32 × u32, bit s (bit s%32 of word s/32) set
//	    when synset s has antonym pointers
//	8 list tables: the exception lists of nouns, verbs, adjectives and
//	    adverbs (form -> bases), then their inverses (base -> forms), as
//	    NewMorphy normalises them; a list table is u32 K keys, u32 V
//	    strings, (K+1) × u32 groups (key k is string g[k], its sorted list
//	    the strings after it up to g[k+1]), u32 H and H × u32 hash
//	    slots of the keys as for the lemmas (H above 2K) and a string list
//	    of V strings
//	string: the lemmas, sorted by their bytes, lower case with single
//	    spaces, one after another
//
// Lemmas and exception forms are found through their hash slots, so that a
// look-up touches a few pages of the data, not a binary search's worth.
func OpenWordNet(data string) (*WordNet, error) {
	d, err := openWordNet(data)
	if err != nil {
		return nil, err
	}
	d.raw = data
	return &WordNet{d: d}, nil
}

// MarshalBinary returns w's data in the in-place format that OpenWordNet
// reads, whatever format it was read from (the generator of package
// builtin uses it to convert). It implements encoding.BinaryMarshaler.
func (w *WordNet) MarshalBinary() ([]byte, error) {
	if w == nil || w.d == nil {
		return nil, errors.New("synonyms: wordnet data: the zero WordNet has no data")
	}
	return []byte(w.d.raw), nil
}

// lemmaRange returns field f (0: text offset, 1: first sense) of lemma i
// and of lemma i+1, as a range within limit; empty if there is no such
// range.
func (d *wordNetData) lemmaRange(i, f, limit int) (lo, hi int) {
	if i < 0 || i >= d.nLemmas {
		return 0, 0
	}
	l, h := int(d.lemmas.at(2*i+f)), int(d.lemmas.at(2*i+2+f))
	if l > h || h > limit {
		return 0, 0
	}
	return l, h
}

// lemma returns lemma i, or "" if there is none.
func (d *wordNetData) lemma(i uint32) string {
	lo, hi := d.lemmaRange(int(i), 0, len(d.text))
	return d.text[lo:hi]
}

// synsetOf and countOf return the synset and the tag count of sense k.
func (d *wordNetData) synsetOf(k int) uint32 { return d.senses.at(2 * k) }
func (d *wordNetData) countOf(k int) uint32  { return d.senses.at(2*k + 1) }

// id returns the id of lemma s, found through the hash index: a look-up
// reads one slot, and usually one lemma, so it touches few pages.
func (d *wordNetData) id(s string) (uint32, bool) {
	for p := d.lemmaSlots.probe(s); ; {
		i, ok := p.next()
		if !ok {
			return 0, false
		}
		if d.lemma(uint32(i)) == s {
			return uint32(i), true
		}
	}
}

// posOf returns the part of speech index of synset s, 4 if there is no
// such synset.
func (d *wordNetData) posOf(s uint32) int {
	p := 0
	for p < 4 && uint64(s) >= d.base[p+1] {
		p++
	}
	return p
}

// senseRange returns the senses of lemma id for part of speech index p,
// as the range [lo, hi) of senses and counts.
func (d *wordNetData) senseRange(p int, id uint32) (lo, hi int) {
	lo, hi = d.lemmaRange(int(id), 1, d.nSenses)
	for lo < hi && d.posOf(d.synsetOf(lo)) < p {
		lo++
	}
	e := lo
	for e < hi && d.posOf(d.synsetOf(e)) == p {
		e++
	}
	return lo, e
}

// memberRange returns the members of synset s, [lo, hi) of members.
func (d *wordNetData) memberRange(s uint32) (lo, hi int) {
	if uint64(s) >= d.base[4] {
		return 0, 0
	}
	lo, hi, _ = d.synStart.span(int(s), d.members.n())
	return lo, hi
}

// antonyms returns the antonym pointers of synset s, [lo, hi) of the
// pairs of ants.
func (d *wordNetData) antonyms(s uint32) (lo, hi int) {
	if !d.antBits.bit(int(s)) {
		return 0, 0 // most synsets: no search
	}
	return d.searchAntonyms(s)
}

// searchAntonyms is antonyms without the bitmap.
func (d *wordNetData) searchAntonyms(s uint32) (lo, hi int) {
	n := d.ants.n() / 2
	a, b := 0, n
	for a < b {
		m := int(uint(a+b) >> 1)
		if d.ants.at(2*m) < s {
			a = m + 1
		} else {
			b = m
		}
	}
	hi = a
	for hi < n && d.ants.at(2*hi) == s {
		hi++
	}
	return a, hi
}

func (d *wordNetData) has(lemma string, pos POS) bool {
	id, ok := d.id(lemma)
	if !ok {
		return false
	}
	if pos == Any {
		lo, hi := d.lemmaRange(int(id), 1, d.nSenses)
		return lo < hi
	}
	p := posIndex(pos)
	if p < 0 {
		return false
	}
	lo, hi := d.senseRange(p, id)
	return lo < hi
}

// Version returns the label stored in the data, such as "WordNet 3.0
// (Debian wordnet-base 1:3.0-37)".
func (w *WordNet) Version() string {
	if w == nil || w.d == nil {
		return ""
	}
	return w.d.version
}

// Len returns the number of (lemma, part of speech) entries.
func (w *WordNet) Len() int {
	if w == nil || w.d == nil {
		return 0
	}
	d, n := w.d, 0
	for i := range d.nLemmas {
		lo, hi := d.lemmaRange(i, 1, d.nSenses)
		for k := lo; k < hi; k++ {
			if k == lo || d.posOf(d.synsetOf(k)) != d.posOf(d.synsetOf(k-1)) {
				n++
			}
		}
	}
	return n
}

// Has reports whether lemma is a lemma of part of speech pos (of any part
// of speech for Any). Case, underscores and runs of spaces do not matter.
func (w *WordNet) Has(lemma string, pos POS) bool {
	return w != nil && w.d != nil && w.d.has(normalize(lemma), pos)
}

// Morphology returns the Morphy built from the data's exception lists and
// lemmas; Synonyms uses it to lemmatise and inflect. It is nil for the zero
// WordNet.
func (w *WordNet) Morphology() *Morphy {
	if w == nil || w.d == nil {
		return nil
	}
	return w.d.morph
}

// WithLimits returns a copy of w, sharing its data, with MaxSenses and
// MaxCandidates set to senses and candidates.
func (w *WordNet) WithLimits(senses, candidates int) *WordNet {
	var c WordNet
	if w != nil {
		c = *w
	}
	c.MaxSenses, c.MaxCandidates = senses, candidates
	return &c
}

// auxiliaries are verbs that Synonyms never replaces.
var auxiliaries = [...]string{"be", "do", "have"}

// Synonyms implements Source.
func (w *WordNet) Synonyms(word, tag string) []string {
	if w == nil || w.d == nil {
		return nil
	}
	pos, ok := FromPenn(tag)
	if !ok {
		return nil
	}
	word = normalize(word)
	if word == "" {
		return nil
	}
	lemmas := w.lemmaIDs(word, pos, tag)
	if len(lemmas) == 0 {
		return nil
	}
	d := w.d
	cands := w.candidates(word, posIndex(pos), lemmas)
	out := make([]string, 0, len(cands))
	for _, id := range cands {
		if f := d.morph.Inflect(d.lemma(id), pos, tag); f != "" && f != word {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// limits returns MaxSenses and MaxCandidates, defaults applied.
func (w *WordNet) limits() (senses, cands int) {
	senses, cands = w.MaxSenses, w.MaxCandidates
	if senses <= 0 {
		senses = DefaultMaxSenses
	}
	if cands <= 0 {
		cands = DefaultMaxCandidates
	}
	return senses, cands
}

// candidates returns the lemma ids that replace word, whose lemmas for
// part of speech index p are lemmas: the members of the chosen senses,
// most frequent sense first, lemmas interleaved, minus what must not come
// back (see WordNet).
func (w *WordNet) candidates(word string, p int, lemmas []uint32) []uint32 {
	d := w.d
	_, maxCands := w.limits()
	stems := stemFilter{words: []string{word}}
	for _, id := range lemmas {
		stems.words = append(stems.words, d.lemma(id))
	}
	ants := d.antonymMembers(p, lemmas)
	chosen := w.chooseSenses(p, lemmas)
	var cands []uint32
	for rank := 0; len(cands) < maxCands; rank++ {
		more := false
		for i := range lemmas {
			if rank >= len(chosen[i]) || len(cands) == maxCands {
				continue
			}
			more = true
			m0, m1 := d.memberRange(chosen[i][rank])
			for x := m0; x < m1 && len(cands) < maxCands; x++ {
				m := d.members.at(x)
				id := m >> 1
				if m&1 != 0 || slices.Contains(lemmas, id) || slices.Contains(ants, id) ||
					slices.Contains(cands, id) {
					continue
				}
				if !w.RareLemmas && d.totalCount(p, id) == 0 {
					continue // a rare word: never tagged with this part of speech
				}
				if c := d.lemma(id); c == word || stems.match(c) || abbreviation(c) {
					continue
				}
				cands = append(cands, id)
			}
		}
		if !more {
			break
		}
	}
	return cands
}

// antonymMembers returns the members of every synset that a sense of one
// of lemmas (part of speech index p) has an antonym pointer to.
func (d *wordNetData) antonymMembers(p int, lemmas []uint32) []uint32 {
	var ants []uint32
	for _, id := range lemmas {
		lo, hi := d.senseRange(p, id)
		for k := lo; k < hi; k++ {
			a, b := d.antonyms(d.synsetOf(k))
			for j := a; j < b; j++ {
				m0, m1 := d.memberRange(d.ants.at(2*j + 1))
				for x := m0; x < m1; x++ {
					ants = append(ants, d.members.at(x)>>1)
				}
			}
		}
	}
	return ants
}

// chooseSenses returns, per lemma, the synsets of the senses to draw from:
// at most MaxSenses common senses, rare ones skipped (see WordNet).
func (w *WordNet) chooseSenses(p int, lemmas []uint32) [][]uint32 {
	d := w.d
	maxSenses, _ := w.limits()
	chosen := make([][]uint32, len(lemmas))
	for i, id := range lemmas {
		lo, hi := d.senseRange(p, id)
		tagged := false // is any common (not proper-noun) sense tagged?
		for k := lo; k < hi; k++ {
			tagged = tagged || d.countOf(k) > 0 && !d.properIn(d.synsetOf(k), id)
		}
		n := 0 // common senses chosen
		for k := lo; k < hi && n < maxSenses; k++ {
			s := d.synsetOf(k)
			proper := d.properIn(s, id)
			if tagged && d.countOf(k) == 0 && !w.UntaggedSenses && (n > 0 || proper) {
				continue // a rare sense: never seen in the tagged corpus
			}
			chosen[i] = append(chosen[i], s)
			if !proper {
				n++
			}
		}
	}
	return chosen
}

// abbreviation reports candidates that would read as a number or an
// abbreviation in running text: any digit ("1st", "2d") or a single word of
// one or two letters ("lb", "ms").
func abbreviation(c string) bool {
	if len(c) <= 2 {
		return true
	}
	for i := 0; i < len(c); i++ {
		if c[i] >= '0' && c[i] <= '9' {
			return true
		}
	}
	return false
}

// totalCount returns the tag counts of lemma id summed over its senses
// with part of speech index p.
func (d *wordNetData) totalCount(p int, id uint32) uint64 {
	lo, hi := d.senseRange(p, id)
	var n uint64
	for k := lo; k < hi; k++ {
		n += uint64(d.countOf(k))
	}
	return n
}

// lemmaIDs returns the lemmas of word that fit tag, as described at
// WordNet.
func (w *WordNet) lemmaIDs(word string, pos POS, tag string) (ids []uint32) {
	d := w.d
	ls := d.morph.Lemmas(word, pos)
	var picked []string
	switch tag {
	case "NN", "VB", "VBP", "JJ", "RB":
		if slices.Contains(ls, word) {
			picked = []string{word}
		}
	default:
		for _, l := range ls {
			if d.morph.Inflect(l, pos, tag) == word {
				picked = append(picked, l)
			}
		}
	}
	if len(picked) == 0 {
		picked = ls
	}
	p := posIndex(pos)
	best := uint64(0)
	for _, l := range picked {
		if pos == Verb && slices.Contains(auxiliaries[:], l) {
			continue
		}
		id, ok := d.id(l)
		if !ok {
			continue
		}
		total := d.totalCount(p, id)
		switch {
		case total > best:
			best = total
			ids = append(ids[:0], id)
		case total == best:
			ids = append(ids, id)
		}
	}
	return ids
}

// properIn reports whether lemma id is capitalised in synset s.
func (d *wordNetData) properIn(s, id uint32) bool {
	m0, m1 := d.memberRange(s)
	for x := m0; x < m1; x++ {
		if m := d.members.at(x); m>>1 == id {
			return m&1 != 0
		}
	}
	return false
}

// stemFilter matches words that share a Snowball English stem with one of
// words, ignoring stop words. Snowball keeps the first letter of a word
// (dying -> die), so the stems of words are computed only once a word of a
// candidate starts like one of them.
type stemFilter struct {
	words []string // the word and its lemmas
	stems []string
	done  bool
}

func (f *stemFilter) match(s string) bool {
	for w := range strings.SplitSeq(s, " ") {
		if w == "" || isLetter(w[0]) && !f.startsLike(w[0]) || english.IsStopWord(w) {
			continue
		}
		if !f.done {
			for _, x := range f.words {
				for t := range strings.SplitSeq(x, " ") {
					if t != "" && !english.IsStopWord(t) {
						f.stems = append(f.stems, english.Stem(t, false))
					}
				}
			}
			f.done = true
		}
		if slices.Contains(f.stems, english.Stem(w, false)) {
			return true
		}
	}
	return false
}

// startsLike reports whether a word of f.words starts with c, or with
// something other than a letter.
func (f *stemFilter) startsLike(c byte) bool {
	for _, x := range f.words {
		for t := range strings.SplitSeq(x, " ") {
			if t != "" && (t[0] == c || !isLetter(t[0])) {
				return true
			}
		}
	}
	return false
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }
