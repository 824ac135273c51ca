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

// wordNetData is the decoded database, shared by copies of a WordNet.
type wordNetData struct {
	version string

	// Lemma i is text[off[i]:off[i+1]]; lemmas are sorted.
	text string
	off  []uint32

	// Synsets are numbered noun first, then verb, adjective, adverb.
	// Members of synset s are members[synStart[s]:synStart[s+1]], each
	// lemma id<<1 | 1 if capitalised. Antonym pointer targets likewise.
	synStart []uint32
	members  []uint32
	antStart []uint32
	ants     []uint32

	// Per part of speech, the senses of lemma i are
	// synsets[start[i]:start[i+1]] with tag counts in counts.
	senses [4]senseTable

	morph *Morphy
}

type senseTable struct {
	start   []uint32
	synsets []uint32
	counts  []uint32
}

// ReadWordNet reads a WordNet database in textaug's compact format, plain
// or gzip-compressed, as written by the generator of package builtin
// (synonyms/builtin/gen.go).
//
// The format is a sequence of unsigned varints (encoding/binary) and
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
	if len(b) >= 2 && b[0] == 0x1f && b[1] == 0x8b {
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
		b = buf.Bytes()
	}
	d, err := decodeWordNet(b)
	if err != nil {
		return nil, err
	}
	return &WordNet{d: d}, nil
}

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

func decodeWordNet(b []byte) (*wordNetData, error) {
	r := &decoder{b: b}
	if !bytes.HasPrefix(b, []byte("TXWN")) {
		return nil, fmt.Errorf("synonyms: wordnet data: not textaug WordNet data: %w", errFormat)
	}
	r.pos = 4
	if v := r.uint(); r.err == nil && v != 1 {
		return nil, fmt.Errorf("synonyms: wordnet data: format version %d, want 1: %w", v, errFormat)
	}
	d := &wordNetData{version: string(r.bytes())}

	// Lemmas.
	n := r.count(2)
	d.off = make([]uint32, 1, n+1)
	text := make([]byte, 0, len(b))
	prev := 0
	for range n {
		shared := r.uint()
		suffix := r.bytes()
		if r.err != nil {
			return nil, r.err
		}
		last := text[prev:]
		if shared > uint64(len(last)) {
			r.fail("shared prefix longer than the previous lemma")
			return nil, r.err
		}
		start := len(text)
		if len(text)+int(shared)+len(suffix) > 16*len(b) {
			r.fail("lemmas too long")
			return nil, r.err
		}
		text = append(text, last[:shared]...)
		text = append(text, suffix...)
		if len(d.off) > 1 && bytes.Compare(last, text[start:]) >= 0 || start == len(text) {
			r.fail("lemmas not sorted")
			return nil, r.err
		}
		d.off = append(d.off, uint32(len(text)))
		prev = start
	}
	d.text = string(text)
	nl := uint64(n)

	// Synsets.
	var per [4]int
	total := 0
	for p := range per {
		per[p] = r.count(2)
		total += per[p]
	}
	if total > len(b) {
		r.fail("too many synsets")
	}
	if r.err != nil {
		return nil, r.err
	}
	d.synStart = make([]uint32, 1, total+1)
	d.antStart = make([]uint32, 1, total+1)
	d.members = make([]uint32, 0, total*2)
	for range total {
		k := r.count(1)
		for range k {
			d.members = append(d.members, r.below(nl<<1, "member"))
		}
		a := r.count(1)
		for range a {
			d.ants = append(d.ants, r.below(uint64(total), "antonym"))
		}
		if r.err != nil {
			return nil, r.err
		}
		d.synStart = append(d.synStart, uint32(len(d.members)))
		d.antStart = append(d.antStart, uint32(len(d.ants)))
	}

	// Index.
	base := 0
	for p := range 4 {
		t := &d.senses[p]
		t.start = make([]uint32, n+1)
		entries := r.count(2)
		id := -1
		for range entries {
			delta := r.uint()
			if r.err != nil {
				return nil, r.err
			}
			if delta >= nl-uint64(id+1) {
				r.fail("lemma id out of range")
				return nil, r.err
			}
			for j := id + 1; j <= id+1+int(delta); j++ {
				t.start[j] = uint32(len(t.synsets))
			}
			id += 1 + int(delta)
			k := r.count(2)
			for range k {
				t.synsets = append(t.synsets, uint32(base)+r.below(uint64(per[p]), "sense"))
			}
			for range k {
				t.counts = append(t.counts, uint32(min(r.uint(), 1<<31)))
			}
			if r.err != nil {
				return nil, r.err
			}
		}
		for j := id + 1; j <= n; j++ {
			t.start[j] = uint32(len(t.synsets))
		}
		base += per[p]
	}

	// Exception lists.
	exc := make(map[POS]Exceptions, 4)
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
		exc[pos] = list
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.pos != len(b) {
		r.fail("trailing data")
		return nil, r.err
	}
	d.morph = NewMorphy(exc, d.has)
	return d, nil
}

func (d *wordNetData) lemma(i uint32) string { return d.text[d.off[i]:d.off[i+1]] }

// id returns the id of lemma s.
func (d *wordNetData) id(s string) (uint32, bool) {
	lo, hi := 0, len(d.off)-1
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if d.text[d.off[mid]:d.off[mid+1]] < s {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return uint32(lo), lo < len(d.off)-1 && d.lemma(uint32(lo)) == s
}

// senseRange returns the senses of lemma id for part of speech index p.
func (d *wordNetData) senseRange(p int, id uint32) (synsets, counts []uint32) {
	t := &d.senses[p]
	a, b := t.start[id], t.start[id+1]
	return t.synsets[a:b], t.counts[a:b]
}

func (d *wordNetData) has(lemma string, pos POS) bool {
	id, ok := d.id(lemma)
	if !ok {
		return false
	}
	for p, t := range d.senses {
		if (pos == Any || allPOS[p] == pos) && t.start[id] < t.start[id+1] {
			return true
		}
	}
	return false
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
	n := 0
	for _, t := range w.d.senses {
		for i := range len(t.start) - 1 {
			if t.start[i] < t.start[i+1] {
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
	d, p := w.d, posIndex(pos)
	maxSenses, maxCands := w.MaxSenses, w.MaxCandidates
	if maxSenses <= 0 {
		maxSenses = DefaultMaxSenses
	}
	if maxCands <= 0 {
		maxCands = DefaultMaxCandidates
	}

	lemmas := w.lemmaIDs(word, pos, tag)
	if len(lemmas) == 0 {
		return nil
	}

	// What must not come back: the word, its lemmas, their stems and their
	// antonyms.
	stems := stemFilter{words: []string{word}}
	var ants []uint32
	for _, id := range lemmas {
		stems.words = append(stems.words, d.lemma(id))
		synsets, _ := d.senseRange(p, id)
		for _, s := range synsets {
			for _, t := range d.ants[d.antStart[s]:d.antStart[s+1]] {
				for _, m := range d.members[d.synStart[t]:d.synStart[t+1]] {
					ants = append(ants, m>>1)
				}
			}
		}
	}

	// The senses to draw from, per lemma.
	chosen := make([][]uint32, len(lemmas))
	for i, id := range lemmas {
		synsets, counts := d.senseRange(p, id)
		tagged := false // is any common (not proper-noun) sense tagged?
		for k, s := range synsets {
			tagged = tagged || counts[k] > 0 && !d.properIn(s, id)
		}
		n := 0 // common senses chosen
		for k, s := range synsets {
			if n == maxSenses {
				break
			}
			proper := d.properIn(s, id)
			if tagged && counts[k] == 0 && !w.UntaggedSenses && (n > 0 || proper) {
				continue // a rare sense: never seen in the tagged corpus
			}
			chosen[i] = append(chosen[i], s)
			if !proper {
				n++
			}
		}
	}

	// Candidates, most frequent sense first, lemmas interleaved.
	var cands []uint32
	for rank := 0; len(cands) < maxCands; rank++ {
		more := false
		for i := range lemmas {
			if rank >= len(chosen[i]) {
				continue
			}
			more = true
			s := chosen[i][rank]
			for _, m := range d.members[d.synStart[s]:d.synStart[s+1]] {
				id := m >> 1
				if m&1 != 0 || slices.Contains(lemmas, id) || slices.Contains(ants, id) ||
					slices.Contains(cands, id) {
					continue
				}
				if !w.RareLemmas && d.totalCount(p, id) == 0 {
					continue // a rare word: never tagged with this part of speech
				}
				c := d.lemma(id)
				if c == word || stems.match(c) || abbreviation(c) {
					continue
				}
				cands = append(cands, id)
				if len(cands) == maxCands {
					break
				}
			}
			if len(cands) == maxCands {
				break
			}
		}
		if !more {
			break
		}
	}

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
	_, counts := d.senseRange(p, id)
	var n uint64
	for _, c := range counts {
		n += uint64(c)
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
		_, counts := d.senseRange(p, id)
		var total uint64
		for _, c := range counts {
			total += uint64(c)
		}
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
	for _, m := range d.members[d.synStart[s]:d.synStart[s+1]] {
		if m>>1 == id {
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
