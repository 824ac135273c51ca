package synonyms

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
)

// This file holds the pieces of the in-place data formats (WordNet's, see
// OpenWordNet, and the exception lists of a Morphy): little-endian uint32
// arrays and byte strings, read where they lie with no decoding step.

// u32s is a little-endian uint32 array, read in place.
type u32s string

// n returns the number of elements.
func (a u32s) n() int { return len(a) / 4 }

// at returns element i, which must exist.
func (a u32s) at(i int) uint32 {
	s := a[4*i : 4*i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// span returns elements i and i+1 as a range [lo, hi) of something limit
// long; ok is false, and the range empty, when i+1 is out of the array or
// the two do not make a range within limit. Lookups go through span so
// that corrupt data gives wrong answers, never a panic.
func (a u32s) span(i, limit int) (lo, hi int, ok bool) {
	if i < 0 || 4*i+8 > len(a) {
		return 0, 0, false
	}
	s := a[4*i : 4*i+8]
	lo = int(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
	hi = int(uint32(s[4]) | uint32(s[5])<<8 | uint32(s[6])<<16 | uint32(s[7])<<24)
	if lo > hi || hi > limit {
		return 0, 0, false
	}
	return lo, hi, true
}

// bit reports whether bit i of the bitmap a is set (bit i%32 of element
// i/32); bits past the end are clear.
func (a u32s) bit(i int) bool {
	return i >= 0 && i/32 < a.n() && a.at(i/32)>>(i%32)&1 != 0
}

// appendBitmap appends a bitmap of n bits with the bits of set set.
func appendBitmap(b []byte, n int, set func(i int) bool) []byte {
	for w := 0; w < (n+31)/32; w++ {
		var v uint32
		for i := 32 * w; i < min(32*w+32, n); i++ {
			if set(i) {
				v |= 1 << (i % 32)
			}
		}
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// hashString is the hash of the hash indexes (FNV-1a).
func hashString(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// A hash index is an array of H slots, H a power of two larger than the
// number of items: a slot holds 0 (empty) or an item number + 1; the item
// with key k is in slot hashString(k) mod H or a later one (wrapping
// round), with no empty slot in between.

// probe walks the slots of a hash index in which key may be.
type probe struct {
	slots      u32s
	i, mask, n int
}

func (a u32s) probe(key string) probe {
	n := a.n()
	return probe{slots: a, i: int(hashString(key)) & (n - 1), mask: n - 1, n: n}
}

// next returns the next item to compare with the key; ok is false at the
// first empty slot, or after H slots whatever the data.
func (p *probe) next() (item int, ok bool) {
	if p.n == 0 {
		return 0, false
	}
	v := p.slots.at(p.i)
	p.i, p.n = (p.i+1)&p.mask, p.n-1
	return int(v) - 1, v != 0
}

// appendHashIndex appends u32 H and the H slots of a hash index of keys,
// with H the smallest power of two above load × len(keys).
func appendHashIndex(b []byte, keys []string, load int) []byte {
	n := 1
	for n <= load*len(keys) {
		n *= 2
	}
	slots := make([]int, n)
	for k, key := range keys {
		i := int(hashString(key)) & (n - 1)
		for slots[i] != 0 {
			i = (i + 1) & (n - 1)
		}
		slots[i] = k + 1
	}
	b = appendU32(b, n)
	for _, v := range slots {
		b = appendU32(b, v)
	}
	return b
}

// ascending reports the first i at which a[i] > a[i+1] or a[i] > limit,
// or -1; first must be a[0].
func (a u32s) ascending(first uint32, limit int) int {
	if a.n() == 0 || a.at(0) != first {
		return 0
	}
	for i := range a.n() {
		if int(a.at(i)) > limit || i+1 < a.n() && a.at(i) > a.at(i+1) {
			return i
		}
	}
	return -1
}

// column returns a copy of column field of a, read as a table of stride
// columns.
func (a u32s) column(stride, field int) u32s {
	b := make([]byte, 0, len(a)/stride)
	for i := field; i < a.n(); i += stride {
		b = appendU32(b, int(a.at(i)))
	}
	return u32s(b)
}

func appendU32(b []byte, v int) []byte { return binary.LittleEndian.AppendUint32(b, uint32(v)) }

// appendBytes appends a u32 length, s and zero padding to a multiple of
// four bytes.
func appendBytes(b []byte, s string) []byte {
	b = appendU32(b, len(s))
	b = append(b, s...)
	return pad4(b)
}

func pad4(b []byte) []byte {
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	return b
}

// reader reads in-place data front to back. A read past the end yields
// zeros and sets err, which gives the byte offset.
type reader struct {
	data string
	pos  int
	err  error
}

func (r *reader) fail(msg string, args ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("synonyms: wordnet data: byte %d: %s: %w", r.pos, fmt.Sprintf(msg, args...), errFormat)
	}
}

func (r *reader) bytes(n uint64) string {
	if r.err != nil {
		return ""
	}
	if n > uint64(len(r.data)-r.pos) {
		r.fail("truncated: %d bytes wanted, %d left", n, len(r.data)-r.pos)
		return ""
	}
	s := r.data[r.pos : r.pos+int(n)]
	r.pos += int(n)
	return s
}

func (r *reader) u32() uint32 {
	if s := r.bytes(4); s != "" {
		return u32s(s).at(0)
	}
	return 0
}

// array reads n uint32s.
func (r *reader) array(n uint32) u32s { return u32s(r.bytes(4 * uint64(n))) }

// array1 reads n+1 uint32s.
func (r *reader) array1(n uint32) u32s { return u32s(r.bytes(4 * (uint64(n) + 1))) }

// str reads what appendBytes wrote.
func (r *reader) str() string {
	n := r.u32()
	s := r.bytes(uint64(n))
	r.bytes(uint64(-n % 4))
	return s
}

// strList is a list of strings, read in place: (n+1) × u32 offsets, then
// a string holding the strings one after another; string i is
// text[o[i]:o[i+1]].
type strList struct {
	offs u32s
	text string
}

func (r *reader) strList(n uint32) strList {
	offs := r.array1(n)
	return strList{offs: offs, text: r.str()}
}

// n returns the number of strings.
func (l *strList) n() int { return max(l.offs.n()-1, 0) }

// str returns string i, "" if there is none.
func (l *strList) str(i int) string {
	lo, hi, ok := l.offs.span(i, len(l.text))
	if !ok {
		return ""
	}
	return l.text[lo:hi]
}

func (l *strList) check() error {
	if i := l.offs.ascending(0, len(l.text)); i >= 0 || int(l.offs.at(l.offs.n()-1)) != len(l.text) {
		return fmt.Errorf("string offset %d out of order or range", i)
	}
	return nil
}

// appendStrList appends the offsets and the text of strs.
func appendStrList(b []byte, strs []string) []byte {
	var text strings.Builder
	b = appendU32(b, 0)
	for _, s := range strs {
		text.WriteString(s)
		b = appendU32(b, text.Len())
	}
	return appendBytes(b, text.String())
}

// listTable maps words to sorted lists of words: an exception list (form
// -> base forms) or its inverse (base -> forms), read in place. Encoded:
//
//	u32 K, u32 V          keys; strings (the keys and the items of lists)
//	(K+1) × u32           groups: key k is string g[k], its list the strings
//	                      g[k]+1 up to g[k+1]; keys are sorted and distinct,
//	                      each list is sorted, distinct and not empty
//	u32 H, H × u32        hash index of the keys (see probe), H above 2K
//	strList               the V strings
//
// The zero listTable is empty.
type listTable struct {
	groups u32s
	slots  u32s
	strList
}

func (r *reader) listTable() listTable {
	k, v := r.u32(), r.u32()
	groups := r.array1(k)
	slots := r.array(r.u32())
	return listTable{groups: groups, slots: slots, strList: r.strList(v)}
}

func (t *listTable) keys() int { return max(t.groups.n()-1, 0) }

// key returns key k and the strings of its list, [lo, hi).
func (t *listTable) key(k int) (key string, lo, hi int) {
	g0, g1, ok := t.groups.span(k, t.n())
	if !ok || g0 == g1 {
		return "", 0, 0
	}
	return t.str(g0), g0 + 1, g1
}

// find returns the list of key as the strings [lo, hi), and whether key
// is a key.
func (t *listTable) find(key string) (lo, hi int, ok bool) {
	if key == "" {
		return 0, 0, false
	}
	for p := t.slots.probe(key); ; {
		item, ok := p.next()
		if !ok {
			return 0, 0, false
		}
		if k, lo, hi := t.key(item); k == key {
			return lo, hi, true
		}
	}
}

// appendList appends the list of key to dst.
func (t *listTable) appendList(dst []string, key string) []string {
	lo, hi, _ := t.find(key)
	for i := lo; i < hi; i++ {
		dst = append(dst, t.str(i))
	}
	return dst
}

// check reports the first way in which t breaks the rules of its format.
func (t *listTable) check() error {
	if i := t.groups.ascending(0, t.n()); i >= 0 {
		return fmt.Errorf("list table: group %d out of order or range", i)
	}
	if int(t.groups.at(t.groups.n()-1)) != t.n() {
		return fmt.Errorf("list table: strings left over")
	}
	if err := t.strList.check(); err != nil {
		return fmt.Errorf("list table: %w", err)
	}
	if n := t.slots.n(); n&(n-1) != 0 || n <= 2*t.keys() {
		return fmt.Errorf("list table: %d hash slots for %d keys", n, t.keys())
	}
	prev := ""
	for k := range t.keys() {
		key, lo, hi := t.key(k)
		if key == "" || k > 0 && key <= prev || lo >= hi {
			return fmt.Errorf("list table: key %d (%q): empty, unsorted or without a list", k, key)
		}
		for i := lo + 1; i < hi; i++ {
			if t.str(i-1) >= t.str(i) {
				return fmt.Errorf("list table: list of %q not sorted", key)
			}
		}
		prev = key
	}
	for k := range t.keys() {
		key, lo, _ := t.key(k)
		if flo, _, ok := t.find(key); !ok || flo != lo {
			return fmt.Errorf("list table: key %d (%q): not in the hash index", k, key)
		}
	}
	return nil
}

// appendListTable appends the encoding of m, whose lists must be sorted
// and distinct; keys with empty lists are left out.
func appendListTable(b []byte, m map[string][]string) []byte {
	keys := make([]string, 0, len(m))
	for k, v := range m {
		if len(v) > 0 {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var strs []string
	groups := []int{0}
	for _, k := range keys {
		strs = append(append(strs, k), m[k]...)
		groups = append(groups, len(strs))
	}
	b = appendU32(b, len(keys))
	b = appendU32(b, len(strs))
	for _, g := range groups {
		b = appendU32(b, g)
	}
	b = appendHashIndex(b, keys, 2)
	return appendStrList(b, strs)
}
