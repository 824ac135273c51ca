package tokenize

import (
	_ "embed"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

//go:generate go run zhdict_gen.go -o zhdict.bin

// ZhDictVersion names the segmentation dictionary compiled into zhdict.bin.
const ZhDictVersion = "jieba dict.txt as shipped in gse v0.80.3 (data/dict/zh/s_1.txt)"

// zhDictData is jieba's dict.txt as gse v0.80.3 loads it (352,275 words
// with frequencies and parts of speech), compiled by zhdict_gen.go; the
// version is ZhDictVersion, which the data repeats and parseZhDict checks.
// The dictionary is jieba's, under the MIT licence: see LICENSE.jieba.
// Regenerate with go generate; TestZhDictRegenerates checks that the file
// is what the generator writes, TestZhDictMatchesGse that it holds gse's
// words, and TestChineseCutsMatchGse that it segments as gse does.
//
// The file (6.2 MB) is read in place: parsing checks it and slices it, and
// copies nothing; a process touches only the pages its lookups reach. All
// integers are little-endian.
//
//	"TXZD"                magic
//	u32                   format version, 1
//	u16 n, n bytes        label: ZhDictVersion
//	u64                   total frequency (float64 bits), gse's sum
//	u8 n, n × (u8 len, bytes)
//	                      parts of speech, sorted (may include "")
//	u32 n                 word count
//	(n+1) × u32           key offsets into the key area; word i is
//	                      keys[off[i]:off[i+1]]
//	n × u32               frequencies
//	n × u8                part of speech, an index into the names
//	bytes                 key area: the words sorted by their bytes
//
//go:embed zhdict.bin
var zhDictData string

// Format constants; zhdict_gen.go repeats them.
const (
	zhDictMagic         = "TXZD"
	zhDictFormatVersion = 1
)

// zhDict is the compiled dictionary, read in place. Safe for concurrent
// use: nothing in it changes after parsing.
type zhDict struct {
	total    float64 // gse's total frequency
	logTotal float64 // math.Log(total)
	pos      []string
	n        int
	offs     string // (n+1) × u32
	freqs    string // n × u32
	posIdx   string // n × u8
	keys     string
	first    *zhFirsts // the words beginning with each common character, found on first use
}

// zhFirsts caches, for each character of the CJK Unified Ideographs block
// (U+4E00 to U+9FFF, where nearly all the text's characters are), the
// range of the words that begin with it: the first and widest step of
// every look-up, a binary search over all the words, made once per
// character and process instead of at every position of every text. An
// entry is 1<<63 | lo<<32 | hi, or 0 before its first use. Pointer-free;
// only the pages of characters met become resident.
type zhFirsts [zhFirstEnd - zhFirstStart]atomic.Uint64

const zhFirstStart, zhFirstEnd = 0x4E00, 0xA000

// loadZhDict returns the embedded dictionary, parsed on first use (a
// fraction of a millisecond: the data is checked, not copied); later calls
// return the same dictionary or the same error. The sync.Once lives in a
// function so that a program that never tokenizes Chinese never runs it.
func loadZhDict() (*zhDict, error) {
	zhDictOnce.once.Do(func() { zhDictOnce.d, zhDictOnce.err = parseZhDict(zhDictData) })
	return zhDictOnce.d, zhDictOnce.err
}

var zhDictOnce struct {
	once sync.Once
	d    *zhDict
	err  error
}

// parseZhDict checks the compiled dictionary and slices it.
func parseZhDict(data string) (d *zhDict, err error) {
	r := &proseReader{data: data}
	defer func() {
		if err != nil {
			err = fmt.Errorf("tokenize: Chinese dictionary: %w (run go generate)", err)
		}
	}()
	if r.bytes(len(zhDictMagic)) != zhDictMagic {
		return nil, fmt.Errorf("not a compiled dictionary")
	}
	if v := r.u32(); v != zhDictFormatVersion {
		return nil, fmt.Errorf("format version %d, want %d", v, zhDictFormatVersion)
	}
	if label := r.bytes(r.u16()); r.err == nil && label != ZhDictVersion {
		return nil, fmt.Errorf("data is %q, want %q", label, ZhDictVersion)
	}
	d = &zhDict{first: new(zhFirsts)}
	d.total = math.Float64frombits(uint64(r.u32()) | uint64(r.u32())<<32)
	d.logTotal = math.Log(d.total)
	d.pos = make([]string, r.u8())
	for i := range d.pos {
		d.pos[i] = r.bytes(r.u8())
	}
	d.n = r.u32()
	d.offs = r.bytes(4 * (d.n + 1))
	d.freqs = r.bytes(4 * d.n)
	d.posIdx = r.bytes(d.n)
	if r.err != nil {
		return nil, r.err
	}
	d.keys = data[r.off:]
	if d.n == 0 || !(d.total > 0) {
		return nil, fmt.Errorf("empty")
	}
	if err := d.check(); err != nil {
		return nil, err
	}
	return d, nil
}

// check makes sure that no lookup can slice out of range.
func (d *zhDict) check() error {
	prev := uint32(0)
	for i := 0; i <= d.n; i++ {
		o := proseLE32(d.offs, 4*i)
		if o < prev || int(o) > len(d.keys) {
			return fmt.Errorf("word %d: key offset %d out of order or range", i, o)
		}
		prev = o
	}
	if int(prev) != len(d.keys) {
		return fmt.Errorf("%d bytes of trailing data", len(d.keys)-int(prev))
	}
	for i := 0; i < d.n; i++ {
		if int(d.posIdx[i]) >= len(d.pos) {
			return fmt.Errorf("word %d: part of speech %d of %d", i, d.posIdx[i], len(d.pos))
		}
	}
	return nil
}

func (d *zhDict) key(i int) string {
	return d.keys[proseLE32(d.offs, 4*i):proseLE32(d.offs, 4*i+4)]
}

func (d *zhDict) freq(i int) float64 { return float64(proseLE32(d.freqs, 4*i)) }

// narrow returns the words of [lo, hi) that begin with p, as a range: the
// words are sorted, so they follow one another.
func (d *zhDict) narrow(lo, hi int, p string) (int, int) {
	a, b := lo, hi
	for a < b { // first key >= p
		m := int(uint(a+b) >> 1)
		if d.key(m) < p {
			a = m + 1
		} else {
			b = m
		}
	}
	lo = a
	b = hi
	for a < b { // first key that does not begin with p
		m := int(uint(a+b) >> 1)
		if k := d.key(m); len(k) >= len(p) && k[:len(p)] == p {
			a = m + 1
		} else {
			b = m
		}
	}
	return lo, a
}

// prefix returns the words that begin with p, as a range; the range is
// that of narrow(0, d.n, p) when it is not empty (an empty one may stand
// elsewhere).
func (d *zhDict) prefix(p string) (int, int) {
	r, size := utf8.DecodeRuneInString(p)
	if r < zhFirstStart || r >= zhFirstEnd {
		return d.narrow(0, d.n, p)
	}
	slot := &d.first[r-zhFirstStart]
	v := slot.Load()
	if v == 0 {
		lo, hi := d.narrow(0, d.n, p[:size])
		v = 1<<63 | uint64(lo)<<32 | uint64(hi)
		slot.Store(v)
	}
	lo, hi := int(v>>32&math.MaxInt32), int(uint32(v))
	if size == len(p) {
		return lo, hi
	}
	return d.narrow(lo, hi, p)
}

// find is gse's Dictionary.Find: the frequency and part of speech of w,
// and whether w is a word or the beginning of one (then freq is 0).
func (d *zhDict) find(w string) (freq float64, pos string, ok bool) {
	lo, hi := d.prefix(w)
	if lo == hi || w == "" {
		return 0, "", false
	}
	if d.key(lo) != w {
		return 0, "", true
	}
	return d.freq(lo), d.pos[d.posIdx[lo]], true
}

// zhScratch holds the per-call arrays of cut, kept for the next call by
// whoever owns it (one tokenizer call at a time; Chinese.Tokenize recycles
// them through zhScratches).
type zhScratch struct {
	at    []int     // byte offset of each rune, and len(s)
	best  []float64 // best log-probability of s[at[i]:]
	next  []int     // index of the last rune of the first word of that path
	words []string
}

// cut segments the Han text s as gse's Cut(s, false) does: the most
// probable path through the word graph of the dictionary, each word
// weighing log(freq) - log(total), ties going to the longer word, a
// character with no word of its own weighing log(1) - log(total) (or
// -Inf when it only begins longer words, as in gse). The words are
// substrings of s, appended to sc.words, which is returned.
func (d *zhDict) cut(s string, sc *zhScratch) []string {
	sc.at = sc.at[:0]
	for i := range s {
		sc.at = append(sc.at, i)
	}
	n := len(sc.at)
	sc.at = append(sc.at, len(s))
	sc.best = grow(sc.best, n+1)
	sc.next = grow(sc.next, n+1)
	sc.best[n] = 0
	for idx := n - 1; idx >= 0; idx-- {
		d.route(s, idx, n, sc)
	}
	sc.words = sc.words[:0]
	for x := 0; x < n; {
		y := sc.next[x] + 1
		sc.words = append(sc.words, s[sc.at[x]:sc.at[y]])
		x = y
	}
	return sc.words
}

// route finds the best first word of s[at[idx]:], given the best paths
// from every later rune, following gse's calc: candidates in order of
// length, a later candidate winning ties.
func (d *zhDict) route(s string, idx, n int, sc *zhScratch) {
	var lo, hi int
	found, prefix := false, false
	var best float64
	bestAt := idx
	for i := idx; i < n; i++ {
		frag := s[sc.at[idx]:sc.at[i+1]]
		if i == idx {
			lo, hi = d.prefix(frag) // one character
		} else {
			lo, hi = d.narrow(lo, hi, frag)
		}
		if lo == hi {
			break
		}
		prefix = true
		if d.key(lo) != frag {
			continue
		}
		f := math.Log(d.freq(lo)) - d.logTotal + sc.best[i+1]
		if !found || best < f || best == f && bestAt < i {
			best, bestAt, found = f, i, true
		}
	}
	if !found {
		freq := 1.0
		if prefix {
			freq = 0 // gse: Find says yes with frequency 0
		}
		best, bestAt = math.Log(freq)-d.logTotal+sc.best[idx+1], idx
	}
	sc.best[idx], sc.next[idx] = best, bestAt
}

var zhScratches = sync.Pool{New: func() any { return new(zhScratch) }}

// grow returns s resized to n, reusing its array when it is large enough.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
