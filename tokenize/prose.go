package tokenize

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// ProseVersion names the tagger model that Prose uses. The compiled model
// (prosemodel.bin) records the version it was generated from, and loading
// fails unless it is this one.
const ProseVersion = "prose v2.0.0 averaged perceptron"

// Prose returns the part-of-speech tagger of prose v2.0.0
// (github.com/jdkato/prose/v2), ported so that it is fast and deterministic.
// It is an averaged perceptron (prose's port of TextBlob's tagger) that
// writes Penn Treebank tags. For the same words it gives the tags prose's
// tagger gives: the same special cases in the same order ("-" is "-",
// prose's emoticons are "SYM", links, e-mail addresses and "@..." are "NN",
// traces such as "*-1" are "-NONE-", words like "-LRB-" are their own tag,
// then prose's word-to-tag table), else a prediction from the same 14
// features of the same normalised context and the same two-tag history.
//
// It differs from prose in two places only:
//   - Ties. prose sums scores in Go map order and picks the best class in Go
//     map order, so when two classes score the same its choice is random.
//     Every weight of the model is a whole number of thousandths (checked
//     when the model is compiled), so this tagger sums exactly, in integer thousandths, and gives
//     a tie to the class that sorts first (byte order). Where no tie occurs
//     the tag is prose's. Ties are rare: 4 in the 285k tokens of the shared
//     banking77 and financial_phrasebank_50agree sets.
//   - Empty words. prose panics on them; this tagger tags them "SYM" (when
//     no earlier rule applies) and goes on.
//
// Comparing with prose.Document, note that its Tokens method reports, for a
// space-separated span that occurs more than once in a text (other than as
// its last span), the tags of the last occurrence for every occurrence: its
// tokenizer shares Token pointers between repeats. Prose's tagger computed
// each occurrence's own tag, and that is what this tagger returns.
//
// The model is prose's own (model/AveragedPerceptron of prose v2.0.0; MIT
// licence, see LICENSE.prose beside this file), compiled at go generate
// time into prosemodel.bin, which is embedded (3.9 MB: two hash tables, for
// prose's 75,436 features and its 1,549-word tag table, and 271,206
// weights in integer thousandths; see prosemodel.go). Neither prose nor its
// model files are linked. The model is loaded once, on the first call;
// later calls return the same tagger, or the same error. Loading checks
// the embedded data in place and compiles prose's three regexps: under
// 1 ms (2 ms in a fresh process), 40 kB of heap, and about 4 MB of resident
// memory for the data pages (BenchmarkProseLoad, TestProseFootprint on the
// development machine). Tagging then runs at about 230k short sentences a
// second on one core without allocating, some 22 times as many as prose's
// Document, which also tokenizes (BenchmarkProseTag, BenchmarkProseOriginal).
//
// The tagger is immutable and safe for concurrent use. Tag writes one tag
// per word, for the first min(len(words), len(tags)) words (all the words
// serve as context); the strings it writes are shared, read-only model
// strings or the words themselves.
func Prose() (Tagger, error) { return proseOnce() }

// proseOnce loads the model on first use. The nil check keeps a failed
// load from returning a non-nil Tagger that holds a nil pointer.
var proseOnce = sync.OnceValues(func() (Tagger, error) {
	m, err := loadProse()
	if err != nil {
		return nil, err
	}
	return m, nil
})

// proseModel is the compiled model, read in place from proseModelData
// (see prosemodel.go). Apart from its pool it is never written after
// loadProse returns.
type proseModel struct {
	feats   proseTable // feature key -> its weights, a span of pairs
	pairs   string     // u32 weight<<6 | class each, weights in thousandths
	words   proseTable // prose's tag map: word -> class
	classes []string   // tag names, sorted; a tie goes to the lowest index; at most 64
	bias    [64]int32  // weights of the "bias" feature, which every word has
	biasSet uint64     // classes the bias feature weighs
	forced  [4]int     // history ids of "-", "SYM", "NN" and "-NONE-" (see histID)
	emotes  map[string]struct{}
	none    *regexp.Regexp // prose's none regexp: Penn Treebank traces
	link    *regexp.Regexp // commonregex.LinkRegex, which prose uses
	email   *regexp.Regexp // commonregex.EmailRegex, which prose uses
	pool    sync.Pool      // *proseScratch
}

// proseScratch is the per-call working memory, recycled through a pool.
type proseScratch struct {
	key    []byte
	fkey   []byte
	arena  []byte                         // the normalised context words, back to back
	ctx    [][2]int32                     // context word i is arena[ctx[i][0]:ctx[i][1]]
	scores [64]int32                      // per class, in thousandths, of the last prediction
	set    uint64                         // the classes some feature of the last prediction weighs
	roles  []proseSpans                   // per context word: its word features (proseRoles)
	memo   *[proseMemoSize]proseMemoEntry // recent look-ups, see spans
	hist   []*proseVec                    // the history's scores per pair of history ids, see histScores
	other  proseVec                       // histScores' result for a history without ids
}

// proseVec is a score vector: per class, in thousandths, and the classes
// some feature weighs. int32 holds every score exactly: a weight is a
// 26-bit signed number (the format's pair is weight<<6 | class), so the
// sum of a word's 14 features stays below 14 × 2²⁵ < 2³¹ in magnitude.
type proseVec struct {
	scores [64]int32
	set    uint64
}

// proseHist is the tag history of a word: the two previous tags and their
// history ids (see histID).
type proseHist struct {
	p1, p2   string
	id1, id2 int
}

// The patterns of commonregex v1.0.1's LinkRegex and EmailRegex, which
// prose's tagger uses: copied so that the regexps are compiled on first use
// rather than at start-up with commonregex's twenty others.
// TestProseRegexps checks that they are commonregex's.
const (
	proseLinkPattern  = `(?:(?:https?:\/\/)?(?:[a-z0-9.\-]+|www|[a-z0-9.\-])[.](?:[^\s()<>]+|\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\))+(?:\((?:[^\s()<>]+|(?:\([^\s()<>]+\)))*\)|[^\s!()\[\]{};:\'".,<>?]))`
	proseEmailPattern = `(?i)([A-Za-z0-9!#$%&'*+\/=?^_{|.}~-]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)`
	proseNonePattern  = `^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`
)

// loadProse reads the compiled model and precomputes the bias feature.
func loadProse() (*proseModel, error) {
	m, err := parseProseModel(proseModelData)
	if err != nil {
		return nil, err
	}
	if v, ok := m.feats.lookup([]byte("bias")); ok {
		lo, hi := proseSpan(v)
		for k := lo; k < hi; k++ {
			p := proseLE32(m.pairs, 4*k)
			c := p & (1<<proseClassBits - 1)
			m.bias[c] += int32(p) >> proseClassBits
			m.biasSet |= 1 << c
		}
	}
	for k, tag := range [...]string{"-", "SYM", "NN", "-NONE-"} {
		m.forced[k] = m.histID(tag)
	}
	m.emotes = make(map[string]struct{}, 64)
	for _, e := range proseEmoticons() {
		m.emotes[e] = struct{}{}
	}
	m.none = regexp.MustCompile(proseNonePattern)
	m.link = regexp.MustCompile(proseLinkPattern)
	m.email = regexp.MustCompile(proseEmailPattern)
	m.pool.New = func() any { return new(proseScratch) }
	return m, nil
}

// Tag implements Tagger.
func (m *proseModel) Tag(words, tags []string) {
	s := m.pool.Get().(*proseScratch)
	m.tag(s, words, tags)
	if len(s.roles) > proseKeepWords { // one huge text must not pin its arrays in the pool
		s.arena, s.ctx, s.roles = nil, nil, nil
	}
	m.pool.Put(s)
}

// proseKeepWords is the most context words whose arrays a pooled scratch
// keeps (about 45 bytes a word).
const proseKeepWords = 4096

// tag is Tag with explicit scratch.
func (m *proseModel) tag(s *proseScratch, words, tags []string) {
	m.prepare(s, words)
	h := m.startHist()
	for i := range min(len(words), len(tags)) {
		tag, id, _ := m.tagAt(s, words, i, h)
		tags[i] = tag
		h = proseHist{p1: tag, p2: h.p1, id1: id, id2: h.id1}
	}
}

// startHist is the history of the first word.
func (m *proseModel) startHist() proseHist {
	n := len(m.classes)
	return proseHist{p1: "-START-", p2: "-START2-", id1: n, id2: n + 1}
}

// histID returns the history id of a previous tag: its class index, n
// (the number of classes) for "-START-", n+1 for "-START2-", and -1 for a
// tag that is none of these (a word that is its own tag, such as "-LRB-").
func (m *proseModel) histID(tag string) int {
	switch tag {
	case "-START-":
		return len(m.classes)
	case "-START2-":
		return len(m.classes) + 1
	}
	if c, ok := slices.BinarySearch(m.classes, tag); ok {
		return c
	}
	return -1
}

// prepare fills s.ctx with prose's context: "-START-", "-START2-", the
// normalised words, "-END-", "-END2-".
func (m *proseModel) prepare(s *proseScratch, words []string) {
	size := 32 // the four boundary words
	for _, w := range words {
		size += len(w)
	}
	// Sized once: a long text's arrays are not grown by doubling.
	s.arena = slices.Grow(s.arena[:0], size)
	s.ctx = slices.Grow(s.ctx[:0], len(words)+4)
	push := func(b []byte) {
		lo := int32(len(s.arena))
		s.arena = b
		s.ctx = append(s.ctx, [2]int32{lo, int32(len(s.arena))})
	}
	push(append(s.arena, "-START-"...))
	push(append(s.arena, "-START2-"...))
	for _, w := range words {
		push(proseAppendNormalized(s.arena, w))
	}
	push(append(s.arena, "-END-"...))
	push(append(s.arena, "-END2-"...))
	s.roles = slices.Grow(s.roles[:0], len(s.ctx))
	for j := range s.ctx {
		w := s.arena[s.ctx[j][0]:s.ctx[j][1]]
		s.roles = append(s.roles, proseSpansOf(m, s, proseKindWord, w, nil, proseRoles[:]))
	}
}

// proseAppendNormalized appends prose's normalize(w) to dst: "!HYPHEN" for words
// that contain a hyphen but do not start with one, "!YEAR" for four-byte
// integers (a sign counts), "!DIGITS" for words starting with a digit, the
// word in lower case otherwise.
func proseAppendNormalized(dst []byte, w string) []byte {
	switch {
	case w == "":
		return dst
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return append(dst, "!HYPHEN"...)
	case len(w) == 4 && proseIsAtoi(w):
		return append(dst, "!YEAR"...)
	case '0' <= w[0] && w[0] <= '9':
		return append(dst, "!DIGITS"...)
	}
	return proseAppendLower(dst, w)
}

// proseIsAtoi reports whether strconv.Atoi accepts w: an optional sign and at
// least one ASCII digit.
func proseIsAtoi(w string) bool {
	if w != "" && (w[0] == '+' || w[0] == '-') {
		w = w[1:]
	}
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// proseAppendLower appends strings.ToLower(w) to dst: ASCII letters are folded
// byte by byte, other runes by unicode.ToLower, and each byte that is not
// valid UTF-8 becomes U+FFFD, as strings.Map makes it.
func proseAppendLower(dst []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += size
	}
	return dst
}

// tagAt tags words[i] given its history, after prepare, and returns the
// tag's history id. tied reports that the tag was predicted and two or more
// classes shared the best score (the tie went to the first in class
// order); tiedClasses then lists them.
func (m *proseModel) tagAt(s *proseScratch, words []string, i int, h proseHist) (tag string, id int, tied bool) {
	w := words[i]
	if w == "-" {
		return "-", m.forced[0], false
	}
	if _, ok := m.emotes[w]; ok {
		return "SYM", m.forced[1], false
	}
	if m.isLink(w) {
		return "NN", m.forced[2], false
	}
	// prose's none regexp matches "0" and words starting with '*' only.
	if (w == "0" || (w != "" && w[0] == '*')) && m.none.MatchString(w) {
		return "-NONE-", m.forced[3], false
	}
	if isProseKeep(w) {
		return w, m.histID(w), false
	}
	s.key = append(s.key[:0], w...)
	if c, ok := m.words.lookup(s.key); ok {
		return m.classes[c], int(c), false
	}
	if w == "" {
		return "SYM", m.forced[1], false
	}
	c, tied := m.predict(s, w, i, h)
	if c < 0 {
		// No feature is known, and prose would return "". The bias
		// feature makes this impossible with prose's model.
		return "NN", m.forced[2], false
	}
	return m.classes[c], c, tied
}

// isProseLink reports whether prose tags w "NN" as a link, an e-mail
// address or a handle. The byte tests are necessary conditions of the
// regexps and only spare the regexp engine: a link match holds a '.' and at
// least four bytes, an e-mail match holds an '@'.
func (m *proseModel) isLink(w string) bool {
	if strings.HasPrefix(w, "@") {
		return true
	}
	if len(w) >= 4 && strings.IndexByte(w, '.') >= 0 && m.link.MatchString(w) {
		return true
	}
	return strings.IndexByte(w, '@') >= 0 && m.email.MatchString(w)
}

// isProseKeep reports whether w matches prose's keep regexp ^\-[A-Z]{3}\-$
// (bracket tokens such as "-LRB-"), whose words are their own tag.
func isProseKeep(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// proseFeatures is the number of features prose extracts for a word.
const proseFeatures = 14

// appendFeature appends the key of feature f (0 <= f < proseFeatures) of
// word i to dst, exactly as prose's featurize spells it. w is the raw word
// and is not empty; the context comes from prepare.
func (s *proseScratch) appendFeature(dst []byte, f int, w string, i int, p1, p2 string) []byte {
	c := i + 2 // position of word i in the context
	ctx := func(j int) []byte { return s.arena[s.ctx[j][0]:s.ctx[j][1]] }
	suffix := func(b []byte) []byte { return b[len(b)-min(len(b), 3):] }
	switch f {
	case 0:
		return append(dst, "bias"...)
	case 1:
		dst = append(dst, "i suffix "...)
		return append(dst, w[len(w)-min(len(w), 3):]...)
	case 2:
		// prose writes string(w[0]): the first BYTE as a rune.
		dst = append(dst, "i pref1 "...)
		return utf8.AppendRune(dst, rune(w[0]))
	case 3:
		dst = append(dst, "i-1 tag "...)
		return append(dst, p1...)
	case 4:
		dst = append(dst, "i-2 tag "...)
		return append(dst, p2...)
	case 5:
		dst = append(dst, "i tag+i-2 tag "...)
		dst = append(dst, p1...)
		dst = append(dst, ' ')
		return append(dst, p2...)
	case 6:
		dst = append(dst, "i word "...)
		return append(dst, ctx(c)...)
	case 7:
		dst = append(dst, "i-1 tag+i word "...)
		dst = append(dst, p1...)
		dst = append(dst, ' ')
		return append(dst, ctx(c)...)
	case 8:
		dst = append(dst, "i-1 word "...)
		return append(dst, ctx(c-1)...)
	case 9:
		dst = append(dst, "i-1 suffix "...)
		return append(dst, suffix(ctx(c-1))...)
	case 10:
		dst = append(dst, "i-2 word "...)
		return append(dst, ctx(c-2)...)
	case 11:
		dst = append(dst, "i+1 word "...)
		return append(dst, ctx(c+1)...)
	case 12:
		dst = append(dst, "i+1 suffix "...)
		return append(dst, suffix(ctx(c+1))...)
	default:
		dst = append(dst, "i+2 word "...)
		return append(dst, ctx(c+2)...)
	}
}

// The features of a word come in groups that depend on one thing each:
// the context words' features (proseRoles: "i word", "i-1 word", ...), the
// raw word's ("i suffix", "i pref1") and the two previous tags' ("i-1
// tag", "i-2 tag", "i tag+i-2 tag"). spans looks a group up in the model
// once and keeps the result in a per-scratch memo (direct-mapped, 16,384
// entries of 64 bytes: 1 MB), so that a word seen before costs one hash
// and one comparison instead of a model look-up per feature. The memo
// changes no score: it holds exactly what the model tables return. The
// look-ups it saves are cache misses in 3.9 MB of model data; with 4,096
// entries, 20,000 English rows under --preset eda took 1.5% (quiet
// machine) to 6% (busy caches) more CPU (docs/performance.md, fourth
// round).
const (
	proseKindWord = iota // key: a normalised context word
	proseKindRaw         // key: the raw word
	proseKindTags        // key: len(p1), p1, p2
	proseMemoSize = 1 << 14
)

// proseRoles are the context-word features: the prefixes of a context
// word's roles, in the order of proseSpans.v.
var proseRoles = [...]string{"i word ", "i-1 word ", "i-1 suffix ", "i-2 word ", "i+1 word ", "i+1 suffix ", "i+2 word "}

var (
	proseRawFeats = [...]string{"i suffix ", "i pref1 "}
	proseTagFeats = [...]string{"i-1 tag ", "i-2 tag ", "i tag+i-2 tag "}
)

// proseSpans holds the model's values for up to seven features; bit k of
// has says whether feature k is known.
type proseSpans struct {
	v   [7]uint32
	has uint8
}

// proseMemoEntry is a memo slot: the key (kind byte and key bytes) in
// place, so that the memo neither allocates nor holds pointers; longer keys
// are not kept.
type proseMemoEntry struct {
	key [proseMemoKey]byte
	n   uint8 // key length; 0 when empty
	sp  proseSpans
}

const proseMemoKey = 31

// proseSpansOf returns the values of the features prefixes[k] + key (for
// the tag group: the three tag features of p1 = key, p2 = key2), through
// the memo.
func proseSpansOf[K string | []byte](m *proseModel, s *proseScratch, kind byte, key, key2 K, prefixes []string) proseSpans {
	mk := append(append(append(s.key[:0], kind), key...), key2...)
	if kind == proseKindTags {
		mk = append(binary.AppendUvarint(append(s.key[:0], kind), uint64(len(key))), key...)
		mk = append(mk, key2...)
	}
	s.key = mk
	if s.memo == nil {
		s.memo = new([proseMemoSize]proseMemoEntry)
	}
	e := &s.memo[proseHash(mk)&(proseMemoSize-1)]
	if int(e.n) == len(mk) && bytes.Equal(e.key[:e.n], mk) {
		return e.sp
	}
	var sp proseSpans
	fk := s.fkey
	for k, prefix := range prefixes {
		fk = append(fk[:0], prefix...)
		switch {
		case kind == proseKindWord && (k == 2 || k == 5): // the suffixes
			fk = append(fk, key[len(key)-min(len(key), 3):]...)
		case kind == proseKindRaw && k == 0:
			fk = append(fk, key[len(key)-min(len(key), 3):]...)
		case kind == proseKindRaw: // prose writes string(w[0]): the first BYTE as a rune
			fk = utf8.AppendRune(fk, rune(key[0]))
		case kind == proseKindTags && k == 1:
			fk = append(fk, key2...)
		case kind == proseKindTags && k == 2:
			fk = append(append(append(fk, key...), ' '), key2...)
		default:
			fk = append(fk, key...)
		}
		if v, ok := m.feats.lookup(fk); ok {
			sp.v[k], sp.has = v, sp.has|1<<k
		}
	}
	s.fkey = fk
	if len(mk) <= proseMemoKey {
		e.n, e.sp = uint8(copy(e.key[:], mk)), sp
	}
	return sp
}

// add adds the weights of feature value v to the scores.
func (m *proseModel) add(scores *[64]int32, set uint64, v uint32) uint64 {
	lo, hi := proseSpan(v)
	// One slice of the model up front, walked from its start: the loop
	// then needs no bounds check and no reload of m.pairs.
	for ps := m.pairs[4*lo : 4*hi]; len(ps) >= 4; ps = ps[4:] {
		p := uint32(ps[0]) | uint32(ps[1])<<8 | uint32(ps[2])<<16 | uint32(ps[3])<<24
		c := p & (1<<proseClassBits - 1)
		scores[c] += int32(p) >> proseClassBits
		set |= 1 << c
	}
	return set
}

// predict scores the classes of word i and returns the best one. prose's
// features never collide (each has its own prefix), so every feature counts
// once. Only classes that some feature weighs are candidates, as in prose;
// among equal scores the lowest class index wins and tied is true. class is
// -1 when no feature is known. The bias feature (feature 0) and the three
// tag features come summed per history (histScores); the others come in
// groups (see spans), all but feature 7 ("i-1 tag+i word"), which is
// looked up directly. Scores are sums of whole thousandths, so the order
// of the additions changes nothing.
func (m *proseModel) predict(s *proseScratch, w string, i int, h proseHist) (class int, tied bool) {
	hv := m.histScores(s, h)
	scores := &s.scores
	*scores = hv.scores
	set := hv.set
	c := i + 2 // position of word i in the context
	// Context word j plays role k for word i: (j, k).
	roles := [...][2]int{{c, 0}, {c - 1, 1}, {c - 1, 2}, {c - 2, 3}, {c + 1, 4}, {c + 1, 5}, {c + 2, 6}}
	for _, jk := range roles {
		if sp := &s.roles[jk[0]]; sp.has&(1<<jk[1]) != 0 {
			set = m.add(scores, set, sp.v[jk[1]])
		}
	}
	set = m.addSpans(scores, set, proseSpansOf(m, s, proseKindRaw, w, "", proseRawFeats[:]))
	s.key = s.appendFeature(s.key[:0], 7, w, i, h.p1, h.p2)
	if v, ok := m.feats.lookup(s.key); ok {
		set = m.add(scores, set, v)
	}
	s.set = set
	best, bestScore := -1, int32(0)
	for rest := set; rest != 0; rest &= rest - 1 {
		c := bits.TrailingZeros64(rest)
		switch sc := scores[c]; {
		case best < 0 || sc > bestScore:
			best, bestScore, tied = c, sc, false
		case sc == bestScore:
			tied = true
		}
	}
	return best, tied
}

// addSpans adds the weights of the known features of sp to the scores.
func (m *proseModel) addSpans(scores *[64]int32, set uint64, sp proseSpans) uint64 {
	for k := range sp.v {
		if sp.has&(1<<k) != 0 {
			set = m.add(scores, set, sp.v[k])
		}
	}
	return set
}

// histScores returns the scores of the features that depend on the history
// only: the bias and the three tag features. Each pair of history ids is
// summed once per scratch, in a table of (classes+2)² pointers made on the
// first prediction; a history without ids is summed into s.other.
func (m *proseModel) histScores(s *proseScratch, h proseHist) *proseVec {
	if h.id1 < 0 || h.id2 < 0 {
		s.other = m.sumHist(s, h)
		return &s.other
	}
	n := len(m.classes) + 2
	if s.hist == nil {
		s.hist = make([]*proseVec, n*n)
	}
	k := h.id1*n + h.id2
	if v := s.hist[k]; v != nil {
		return v
	}
	v := new(proseVec)
	*v = m.sumHist(s, h)
	s.hist[k] = v
	return v
}

// sumHist sums the bias and the three tag features of h.
func (m *proseModel) sumHist(s *proseScratch, h proseHist) proseVec {
	v := proseVec{scores: m.bias, set: m.biasSet}
	v.set = m.addSpans(&v.scores, v.set, proseSpansOf(m, s, proseKindTags, h.p1, h.p2, proseTagFeats[:]))
	return v
}

// tiedClasses returns, after predict, the classes that share the best score.
func (m *proseModel) tiedClasses(s *proseScratch) []string {
	var out []string
	best, _ := m.bestScore(s)
	for rest := s.set; rest != 0; rest &= rest - 1 {
		if c := bits.TrailingZeros64(rest); s.scores[c] == best {
			out = append(out, m.classes[c])
		}
	}
	return out
}

// bestScore returns, after predict, the best score and whether there was one.
func (m *proseModel) bestScore(s *proseScratch) (int32, bool) {
	var best int32
	found := false
	for rest := s.set; rest != 0; rest &= rest - 1 {
		if sc := s.scores[bits.TrailingZeros64(rest)]; !found || sc > best {
			best, found = sc, true
		}
	}
	return best, found
}
