package tokenize

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math/bits"
)

//go:generate go run prosemodel_gen.go -o prosemodel.bin

// proseModelData is prose v2.0.0's averaged-perceptron tagger model
// (model/AveragedPerceptron/{classes,tags,weights}.gob), compiled by
// prosemodel_gen.go from the prose module that go.mod pins; the version is
// ProseVersion, which the data repeats and loadProse checks. The model is
// prose's, under the MIT licence: see LICENSE.prose beside this file.
// Regenerate with go generate; TestProseModelRegenerates checks that the
// file is what the generator writes.
//
// The file (3.9 MB) is read in place: loading checks it and slices it, and
// copies nothing. All integers are little-endian.
//
//	"TXPT"                magic
//	u32                   format version, 1
//	u16 n, n bytes        label: ProseVersion
//	u16 n, n bytes        notice: where the data comes from
//	u8 n, n × (u8 len, bytes)
//	                      tag names, sorted: the classes and every tag of
//	                      the tag map; a tag is an index into these (< 64)
//	u32 n, n × u32        pairs: weight<<6 | tag, sorted by tag within a
//	                      feature; weights are in thousandths (26-bit signed)
//	table                 features: key -> u32 pair<<6 | count-1, the
//	                      feature's weights being pairs[pair:pair+count]
//	table                 tag map: word -> u32 tag
//
// A table is a hash table with linear probing over proseHash:
//
//	u32 n                 slot count, a power of two; some slot is empty
//	n × u64               slots: 0 if empty, else key offset (bits 0-23),
//	                      key length (24-39, > 0) and the top 24 bits of the
//	                      key's hash (40-63)
//	u32 n, n bytes        key area: each key is followed by its u32 value
//
// Key k is in slot hash(k) mod n or a later one (wrapping round), with no
// empty slot in between. Keys are inserted in sorted order, so the layout
// depends on the model only.
//
//go:embed prosemodel.bin
var proseModelData string

// Format constants; prosemodel_gen.go repeats them.
const (
	proseMagic         = "TXPT"
	proseFormatVersion = 1
	proseClassBits     = 6 // a pair is weight<<proseClassBits | tag
	proseMaxKeyLen     = 1<<16 - 1
)

// proseTable is a hash table of the compiled model, read in place.
type proseTable struct {
	slots string // u64 each
	mask  uint64 // slot count - 1
	area  string // keys, each followed by its u32 value
}

// lookup returns the value of key. No allocation; the key must not be
// longer than proseMaxKeyLen to be found.
func (t *proseTable) lookup(key []byte) (uint32, bool) {
	if len(key) > proseMaxKeyLen {
		return 0, false
	}
	h := proseHash(key)
	want := h>>40<<40 | uint64(len(key))<<24
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := proseLE64(t.slots, int(i)*8)
		if s == 0 {
			return 0, false
		}
		if s&^(1<<24-1) == want {
			off := int(s & (1<<24 - 1))
			end := off + len(key)
			if t.area[off:end] == string(key) {
				return proseLE32(t.area, end), true
			}
		}
	}
}

// proseHash hashes a table key. It is a small wyhash-like function; the
// generator has a copy, and TestProseModelTables finds every key of the
// model through lookup, which proves that the two agree.
func proseHash(k []byte) uint64 {
	const p0, p1, p2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	h := uint64(len(k)) ^ p0
	for len(k) > 8 {
		h = proseMix(binary.LittleEndian.Uint64(k)^p1, h^p2)
		k = k[8:]
	}
	var t uint64
	for i := len(k) - 1; i >= 0; i-- {
		t = t<<8 | uint64(k[i])
	}
	return proseMix(t^p2, h^p1)
}

func proseMix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func proseLE64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func proseLE32(s string, i int) uint32 {
	s = s[i : i+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// proseReader reads the compiled model front to back. Reads past the end
// yield zeros and set err.
type proseReader struct {
	data string
	off  int
	err  error
}

func (r *proseReader) bytes(n int) string {
	if r.err != nil {
		return ""
	}
	if n < 0 || n > len(r.data)-r.off {
		r.err = fmt.Errorf("truncated at byte %d", r.off)
		return ""
	}
	s := r.data[r.off : r.off+n]
	r.off += n
	return s
}

func (r *proseReader) u8() int {
	if s := r.bytes(1); s != "" {
		return int(s[0])
	}
	return 0
}

func (r *proseReader) u16() int {
	if s := r.bytes(2); s != "" {
		return int(s[0]) | int(s[1])<<8
	}
	return 0
}

func (r *proseReader) u32() int {
	if s := r.bytes(4); s != "" {
		return int(proseLE32(s, 0))
	}
	return 0
}

// table reads a table and checks every slot: its key lies in the key area
// and ok accepts its value. The slots must leave one empty, or a miss would
// probe forever.
func (r *proseReader) table(what string, ok func(uint32) bool) proseTable {
	n := r.u32()
	slots := r.bytes(8 * n)
	area := r.bytes(r.u32())
	if r.err != nil {
		return proseTable{}
	}
	if n == 0 || n&(n-1) != 0 {
		r.err = fmt.Errorf("%s: %d slots, want a power of two", what, n)
		return proseTable{}
	}
	used := 0
	for i := 0; i < n; i++ {
		s := proseLE64(slots, 8*i)
		if s == 0 {
			continue
		}
		used++
		off, size := int(s&(1<<24-1)), int(s>>24&(1<<16-1))
		if size == 0 || off+size+4 > len(area) {
			r.err = fmt.Errorf("%s: slot %d: key out of range", what, i)
			return proseTable{}
		}
		if v := proseLE32(area, off+size); !ok(v) {
			r.err = fmt.Errorf("%s: slot %d: bad value %#x", what, i, v)
			return proseTable{}
		}
	}
	if used == n {
		r.err = fmt.Errorf("%s: no empty slot", what)
		return proseTable{}
	}
	return proseTable{slots: slots, mask: uint64(n - 1), area: area}
}

// parseProseModel checks the compiled model data and returns its tables,
// slicing data (nothing is copied). The tag names are sorted; a tie goes to
// the lowest index.
func parseProseModel(data string) (m *proseModel, err error) {
	r := &proseReader{data: data}
	defer func() {
		if err != nil {
			err = fmt.Errorf("tokenize: prose model: %w (run go generate)", err)
		}
	}()
	if r.bytes(len(proseMagic)) != proseMagic {
		return nil, fmt.Errorf("not a compiled model")
	}
	if v := r.u32(); v != proseFormatVersion {
		return nil, fmt.Errorf("format version %d, want %d", v, proseFormatVersion)
	}
	if label := r.bytes(r.u16()); r.err == nil && label != ProseVersion {
		return nil, fmt.Errorf("data is %q, want %q", label, ProseVersion)
	}
	r.bytes(r.u16()) // notice
	m = &proseModel{classes: make([]string, r.u8())}
	if len(m.classes) > 1<<proseClassBits {
		return nil, fmt.Errorf("%d tag names, want at most %d", len(m.classes), 1<<proseClassBits)
	}
	for i := range m.classes {
		m.classes[i] = r.bytes(r.u8())
		if r.err == nil && (m.classes[i] == "" || i > 0 && m.classes[i-1] >= m.classes[i]) {
			return nil, fmt.Errorf("tag names not sorted and distinct at %q", m.classes[i])
		}
	}
	npairs := r.u32()
	m.pairs = r.bytes(4 * npairs)
	for i := 0; r.err == nil && i < npairs; i++ {
		if c := proseLE32(m.pairs, 4*i) & (1<<proseClassBits - 1); int(c) >= len(m.classes) {
			return nil, fmt.Errorf("weight %d: tag %d of %d", i, c, len(m.classes))
		}
	}
	m.feats = r.table("features", func(v uint32) bool {
		_, hi := proseSpan(v)
		return hi <= npairs
	})
	m.words = r.table("tag map", func(v uint32) bool { return int(v) < len(m.classes) })
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(data) {
		return nil, fmt.Errorf("%d bytes of trailing data", len(data)-r.off)
	}
	return m, nil
}

// proseSpan returns the weights of a feature value: pairs[lo:hi].
func proseSpan(v uint32) (lo, hi int) {
	lo = int(v >> proseClassBits)
	return lo, lo + int(v&(1<<proseClassBits-1)) + 1
}
