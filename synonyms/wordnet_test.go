package synonyms_test

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
)

func english(tb testing.TB) *synonyms.WordNet {
	tb.Helper()
	wn, err := builtin.English()
	require.NoError(tb, err)
	return wn
}

var _ synonyms.Source = (*synonyms.WordNet)(nil)

// The embedded English WordNet, default limits.
func TestWordNetSynonyms(t *testing.T) {
	wn := english(t)
	tests := []struct {
		word, tag string
		want      []string // exact answer, when set
		has       []string // must be among the candidates
		hasNot    []string // must not be among them
	}{
		// Why: the brief's running example; irregular past of the word
		// and of multi-word candidates (went up, came up).
		{word: "rose", tag: "VBD", want: []string{"arose", "came up", "climbed", "got up", "lifted", "moved up", "stood up", "went up"}},
		{word: "rise", tag: "VB", has: []string{"arise", "go up"}, hasNot: []string{"fall", "descend", "go down", "rise", "rising"}},
		{word: "rises", tag: "VBZ", has: []string{"arises", "goes up", "comes up"}, hasNot: []string{"falls"}},
		{word: "rising", tag: "VBG", has: []string{"arising", "going up"}, hasNot: []string{"falling"}},
		{word: "risen", tag: "VBN", has: []string{"arisen", "gone up", "come up"}},
		// Why: plural nouns are lemmatised and candidates pluralised.
		{word: "shares", tag: "NNS", want: []string{"parcels", "parts", "percentages", "portions"}},
		{word: "children", tag: "NNS", has: []string{"kids", "youngsters", "minors"}, hasNot: []string{"children", "child"}},
		// Why: the POS decides the senses.
		{word: "book", tag: "VB", want: []string{"hold", "reserve"}},
		{word: "book", tag: "NN", want: []string{"record", "volume"}},
		{word: "booked", tag: "VBD", want: []string{"held", "reserved"}},
		// Why: comparatives lemmatise through adj.exc and re-inflect.
		{word: "bigger", tag: "JJR", has: []string{"larger"}},
		{word: "better", tag: "JJR", hasNot: []string{"worse", "better", "good", "bad"}},
		{word: "good", tag: "JJ", hasNot: []string{"bad", "evil", "good"}},
		{word: "saw", tag: "VBD", has: []string{"witnessed", "understood"}, hasNot: []string{"sawed", "saw"}},
		{word: "take off", tag: "VB", has: []string{"depart", "set off"}, hasNot: []string{"take off", "land"}},
		{word: "quickly", tag: "RB", has: []string{"rapidly", "speedily"}},
		// Why: proper-noun senses are skipped, capitalised members dropped.
		{word: "china", tag: "NN", hasNot: []string{"prc", "cathay", "red china", "people's republic of china"}},
		// Why: closed classes, proper nouns and an unknown POS get nothing;
		// so do the auxiliaries.
		{word: "john", tag: "NNP"},
		{word: "apple", tag: "NNPS"},
		{word: "the", tag: "DT"},
		{word: "book", tag: ""},
		{word: "is", tag: "VBZ"},
		{word: "has", tag: "VBZ"},
		{word: "xyzzy", tag: "NN"},
	}
	for _, tc := range tests {
		t.Run(tc.word+"/"+tc.tag, func(t *testing.T) {
			got := wn.Synonyms(tc.word, tc.tag)
			if tc.want != nil {
				assert.Equal(t, tc.want, got)
			}
			for _, w := range tc.has {
				assert.Contains(t, got, w)
			}
			for _, w := range tc.hasNot {
				assert.NotContains(t, got, w)
			}
			if tc.want == nil && tc.has == nil && tc.hasNot == nil {
				assert.Empty(t, got)
			}
		})
	}
}

// Antonyms of every sense are excluded, even with all senses admitted.
func TestWordNetNoAntonyms(t *testing.T) {
	wn := english(t).WithLimits(100, 1000)
	wn.UntaggedSenses = true
	tests := []struct {
		word, tag string
		antonyms  []string
	}{
		{"rise", "VB", []string{"fall", "descend", "go down", "come down", "set", "lie down", "sit down", "sink"}},
		{"rose", "VBD", []string{"fell", "descended", "went down", "came down", "set", "sank"}},
		{"good", "JJ", []string{"bad", "evil", "ill"}},
		{"better", "JJR", []string{"worse", "badder", "more evil"}},
		{"increase", "VB", []string{"decrease", "diminish", "lessen", "fall"}},
		{"buy", "VB", []string{"sell"}},
		{"profit", "NN", []string{"loss"}},
	}
	for _, tc := range tests {
		t.Run(tc.word+"/"+tc.tag, func(t *testing.T) {
			got := wn.Synonyms(tc.word, tc.tag)
			for _, a := range tc.antonyms {
				assert.NotContains(t, got, a)
			}
		})
	}
}

func TestWordNetPOSFilter(t *testing.T) {
	wn := english(t)
	verb, noun := wn.Synonyms("book", "VB"), wn.Synonyms("book", "NN")
	require.NotEmpty(t, verb)
	require.NotEmpty(t, noun)
	for _, c := range verb {
		assert.NotContains(t, noun, c)
	}
	assert.NotEqual(t, wn.Synonyms("fast", "RB"), wn.Synonyms("fast", "JJ"))
}

// Every answer keeps the Source contract.
func TestWordNetContract(t *testing.T) {
	wn := english(t).WithLimits(10, 30)
	words := strings.Fields(`rise rose risen rising rises fall fell book books booked booking card cards
		share shares stock stocks bond bonds price prices rate rates bank banks loan loans account accounts
		good better best bad worse worst big bigger biggest happy happier quickly fast faster well
		take took taken takes taking run ran running runs buy bought sell sold pay paid payment payments
		child children man men woman women increase increased decreasing profit profits loss losses
		cancel cancelled refund refunds transfer transferred card credit debit balance charge charges
		high higher highest low lower lowest strong stronger weak weaker growth decline declined`)
	tags := []string{"NN", "NNS", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "JJ", "JJR", "JJS", "RB", "RBR", "RBS"}
	n := 0
	for _, w := range words {
		for _, tag := range tags {
			got := wn.Synonyms(w, tag)
			n += len(got)
			assert.True(t, slices.IsSorted(got), "%s/%s: not sorted: %q", w, tag, got)
			assert.Equal(t, len(got), len(slices.Compact(slices.Clone(got))), "%s/%s: duplicates: %q", w, tag, got)
			assert.NotContains(t, got, w, "%s/%s", w, tag)
			for _, c := range got {
				assert.Equal(t, synonyms.Normalize(c), c, "%s/%s: %q not normalised", w, tag, c)
				assert.NotContains(t, c, "_")
			}
		}
	}
	assert.Greater(t, n, 1000)
}

func TestWordNetLimits(t *testing.T) {
	wn := english(t)
	def := wn.Synonyms("child", "NN")
	assert.LessOrEqual(t, len(def), synonyms.DefaultMaxCandidates)
	all := wn.WithLimits(10, 100).Synonyms("rise", "VB")
	assert.Greater(t, len(all), synonyms.DefaultMaxCandidates, "rise has more candidates than the default cap")
	assert.Len(t, wn.Synonyms("rise", "VB"), synonyms.DefaultMaxCandidates)

	small := wn.WithLimits(1, 2)
	assert.Len(t, small.Synonyms("child", "NN"), 2)
	assert.Equal(t, 0, wn.MaxSenses, "WithLimits must not touch the shared value")
	assert.Equal(t, def, wn.Synonyms("child", "NN"))

	// Fewer senses, fewer (or as many) candidates, and always a subset in
	// lemma form.
	one := wn.WithLimits(1, 100).Synonyms("rise", "VB")
	many := wn.WithLimits(5, 100).Synonyms("rise", "VB")
	assert.Subset(t, many, one)
	assert.Greater(t, len(many), len(one))
}

func TestWordNetDeterministic(t *testing.T) {
	wn := english(t)
	pairs := [][2]string{{"rose", "VBD"}, {"children", "NNS"}, {"book", "VB"}, {"quickly", "RB"}, {"better", "JJR"}}
	want := make([][]string, len(pairs))
	for i, p := range pairs {
		want[i] = wn.Synonyms(p[0], p[1])
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				for i, p := range pairs {
					assert.Equal(t, want[i], wn.Synonyms(p[0], p[1]))
				}
			}
		})
	}
	wg.Wait()
	// A fresh parse of the same data answers the same.
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	_, err := zw.Write(tinyData(t))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	a, err := synonyms.ReadWordNet(bytes.NewReader(buf.Bytes()))
	require.NoError(t, err)
	b, err := synonyms.ReadWordNet(bytes.NewReader(tinyData(t)))
	require.NoError(t, err)
	assert.Equal(t, a.Synonyms("rose", "VBD"), b.Synonyms("rose", "VBD"))
}

// tiny is a hand-made database that isolates each filtering rule.
type tinySynset struct {
	pos     synonyms.POS
	members []string // as written in WordNet: capitals mark proper nouns
	counts  []int    // tag count per member's sense; optional
	ants    []int    // antonym synsets, by index in the list
}

type tinyDB struct {
	synsets []tinySynset // grouped by part of speech: n, v, a, r
	exc     map[synonyms.POS]map[string][]string
}

var tiny = tinyDB{
	synsets: []tinySynset{
		0:  {pos: 'n', members: []string{"China", "PRC", "Cathay"}, counts: []int{9, 0, 0}},
		1:  {pos: 'n', members: []string{"china", "chinaware", "porcelain"}},
		2:  {pos: 'n', members: []string{"card", "plug"}, counts: []int{5, 0}},
		3:  {pos: 'n', members: []string{"card", "batting_order"}},
		4:  {pos: 'n', members: []string{"child", "kid", "youngster", "minor", "Shaver"}},
		5:  {pos: 'v', members: []string{"rise", "go_up", "climb", "rise_up", "rising"}, counts: []int{20}, ants: []int{7}},
		6:  {pos: 'v', members: []string{"rise", "arise", "uprise"}, counts: []int{10}},
		7:  {pos: 'v', members: []string{"fall", "go_down", "descend", "climb"}},
		8:  {pos: 'v', members: []string{"lift", "climb", "raise"}},
		9:  {pos: 'v', members: []string{"be", "exist"}},
		10: {pos: 'a', members: []string{"good"}, counts: []int{100}, ants: []int{12}},
		11: {pos: 'a', members: []string{"good", "full", "bad"}, counts: []int{50}},
		12: {pos: 'a', members: []string{"bad", "big"}},
		13: {pos: 'a', members: []string{"well", "healthy"}, counts: []int{3}},
		14: {pos: 'r', members: []string{"quickly", "rapidly", "speedily"}},
	},
	exc: map[synonyms.POS]map[string][]string{
		'n': {"children": {"child"}},
		'v': {"rose": {"rise"}, "risen": {"rise"}, "went": {"go"}, "arose": {"arise"}, "uprose": {"uprise"}},
		'a': {"better": {"good", "well"}, "best": {"good"}},
	},
}

type tinyEntry struct {
	lemma  string
	senses []int // synset indexes
	counts []int
}

// encode writes the format that synonyms.ReadWordNet documents.
func (db tinyDB) encode() []byte {
	lower := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", " ")) }
	posOrder := []synonyms.POS{'n', 'v', 'a', 'r'}
	var lemmas []string
	for _, s := range db.synsets {
		for _, m := range s.members {
			lemmas = append(lemmas, lower(m))
		}
	}
	slices.Sort(lemmas)
	lemmas = slices.Compact(lemmas)
	id := func(l string) int { i, _ := slices.BinarySearch(lemmas, l); return i }

	var b []byte
	u := func(v int) { b = binary.AppendUvarint(b, uint64(v)) }
	str := func(s string) { u(len(s)); b = append(b, s...) }
	b = append(b, "TXWN"...)
	u(1)
	str("tiny")
	u(len(lemmas))
	for _, l := range lemmas {
		u(0)
		str(l)
	}
	first := map[synonyms.POS]int{}
	for _, p := range posOrder {
		n := 0
		for i, s := range db.synsets {
			if s.pos == p {
				if n == 0 {
					first[p] = i
				}
				n++
			}
		}
		u(n)
	}
	for _, s := range db.synsets {
		u(len(s.members))
		for _, m := range s.members {
			v := id(lower(m)) << 1
			if lower(m) != strings.ReplaceAll(m, "_", " ") {
				v |= 1
			}
			u(v)
		}
		u(len(s.ants))
		for _, a := range s.ants {
			u(a)
		}
	}
	for _, p := range posOrder {
		byLemma := map[string]*tinyEntry{}
		for i, s := range db.synsets {
			if s.pos != p {
				continue
			}
			for j, m := range s.members {
				e := byLemma[lower(m)]
				if e == nil {
					e = &tinyEntry{lemma: lower(m)}
					byLemma[lower(m)] = e
				}
				c := 0
				if j < len(s.counts) {
					c = s.counts[j]
				}
				e.senses = append(e.senses, i-first[p])
				e.counts = append(e.counts, c)
			}
		}
		u(len(byLemma))
		last := -1
		for _, l := range lemmas {
			e := byLemma[l]
			if e == nil {
				continue
			}
			u(id(l) - last - 1)
			last = id(l)
			u(len(e.senses))
			for _, s := range e.senses {
				u(s)
			}
			for _, c := range e.counts {
				u(c)
			}
		}
	}
	for _, p := range posOrder {
		forms := slices.Sorted(func(yield func(string) bool) {
			for f := range db.exc[p] {
				if !yield(f) {
					return
				}
			}
		})
		u(len(forms))
		for _, f := range forms {
			str(f)
			u(len(db.exc[p][f]))
			for _, base := range db.exc[p][f] {
				str(base)
			}
		}
	}
	return b
}

func tinyData(tb testing.TB) []byte {
	tb.Helper()
	return tiny.encode()
}

// tinyInPlace returns the tiny database in the in-place format.
func tinyInPlace(tb testing.TB) []byte {
	tb.Helper()
	wn, err := synonyms.ReadWordNet(bytes.NewReader(tinyData(tb)))
	require.NoError(tb, err)
	b, err := wn.MarshalBinary()
	require.NoError(tb, err)
	return b
}

func tinyWordNet(tb testing.TB) *synonyms.WordNet {
	tb.Helper()
	wn, err := synonyms.ReadWordNet(bytes.NewReader(tinyData(tb)))
	require.NoError(tb, err)
	// The tiny data has almost no tag counts: keep its untagged lemmas,
	// so that these tests see the other rules.
	wn.RareLemmas = true
	return wn
}

// tinyOpened is tinyWordNet read in place, through OpenWordNet.
func tinyOpened(tb testing.TB) *synonyms.WordNet {
	tb.Helper()
	wn, err := synonyms.OpenWordNet(string(tinyInPlace(tb)))
	require.NoError(tb, err)
	wn.RareLemmas = true
	return wn
}

// Each rule of WordNet.Synonyms on data made for it, read from the compact
// format and opened in place.
func TestWordNetRules(t *testing.T) {
	t.Run("compact", func(t *testing.T) { testWordNetRules(t, tinyWordNet(t)) })
	t.Run("in place", func(t *testing.T) { testWordNetRules(t, tinyOpened(t)) })
}

func testWordNetRules(t *testing.T, wn *synonyms.WordNet) {
	assert.Equal(t, "tiny", wn.Version())
	tests := []struct {
		name      string
		wn        *synonyms.WordNet
		word, tag string
		want      []string
	}{
		// Why: sense order, lemmatisation through verb.exc, the antonym
		// synset's members (climb, though also a synonym) and same-stem
		// members (rising, rise up) are dropped.
		{"rules", wn, "rose", "VBD", []string{"arose", "went up", "uprose"}},
		{"base form", wn, "rise", "VB", []string{"arise", "go up", "uprise"}},
		{"one sense", wn.WithLimits(1, 0), "rise", "VB", []string{"go up"}},
		// Why: "rising" and "rise up" share the stem "rise" with the
		// lemma, whatever the form of the word.
		{"same stem", wn.WithLimits(1, 0), "rises", "VBZ", []string{"goes up"}},
		{"same stem, all senses", wn.WithLimits(10, 100), "rising", "VBG", []string{"arising", "going up", "uprising"}},
		{"cap", wn.WithLimits(0, 2), "rise", "VB", []string{"arise", "go up"}},
		// Why: the proper-noun sense does not use up MaxSenses, its
		// capitalised members are dropped; untagged sense 2 of "card" is
		// skipped because sense 1 is tagged.
		{"proper sense", wn.WithLimits(1, 0), "china", "NN", []string{"chinaware", "porcelain"}},
		{"untagged sense", wn, "card", "NN", []string{"plug"}},
		{"zero WordNet", &synonyms.WordNet{}, "rise", "VB", nil},
		// Why: capitalised members (Shaver) go; plurals come from the
		// regular rules.
		{"plural", wn, "children", "NNS", []string{"kids", "minors", "youngsters"}},
		// Why: antonym synset members go even when a sense lists them.
		{"antonym", wn, "good", "JJ", []string{"full"}},
		// Why: of two lemmas that inflect back to "better", the one with
		// the larger tag count wins (good, 150, over well, 3).
		{"lemma choice", wn, "better", "JJR", []string{"fuller"}},
		{"adverb", wn, "quickly", "RB", []string{"rapidly", "speedily"}},
		{"auxiliary", wn, "be", "VB", nil},
		{"no tag", wn, "rise", "", nil},
		{"proper noun", wn, "china", "NNP", nil},
		{"unknown", wn, "zzz", "NN", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.wn.Synonyms(tc.word, tc.tag)
			slices.Sort(tc.want)
			if tc.want == nil {
				assert.Empty(t, got)
			} else {
				assert.Equal(t, tc.want, got)
			}
		})
	}
	untagged := wn.WithLimits(0, 0)
	untagged.UntaggedSenses = true
	assert.Equal(t, []string{"batting order", "plug"}, untagged.Synonyms("card", "NN"))
	var zero synonyms.WordNet
	for _, w := range []*synonyms.WordNet{nil, &zero} {
		assert.Nil(t, w.Synonyms("rise", "VB"))
		assert.Zero(t, w.Len())
		assert.Empty(t, w.Version())
		assert.False(t, w.Has("rise", synonyms.Verb))
		assert.Nil(t, w.Morphology())
	}
}

func TestWordNetAccessors(t *testing.T) {
	t.Run("compact", func(t *testing.T) { testWordNetAccessors(t, tinyWordNet(t)) })
	t.Run("in place", func(t *testing.T) { testWordNetAccessors(t, tinyOpened(t)) })
}

func testWordNetAccessors(t *testing.T, wn *synonyms.WordNet) {
	assert.True(t, wn.Has("go up", synonyms.Verb))
	assert.True(t, wn.Has("Go_Up", synonyms.Verb))
	assert.False(t, wn.Has("go up", synonyms.Noun))
	assert.False(t, wn.Has("rose", synonyms.Verb))
	assert.True(t, wn.Has("rise", synonyms.Any))
	assert.False(t, wn.Has("rise", synonyms.POS('x')))
	assert.Equal(t, 36, wn.Len()) // 13 nouns, 14 verbs, 6 adjectives, 3 adverbs
	assert.Equal(t, []string{"rise"}, wn.Morphology().Lemmas("rose", synonyms.Verb))
}

func TestReadWordNetErrors(t *testing.T) {
	good := tinyData(t)
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "not textaug WordNet data"},
		{"magic", []byte("ABCD\x01"), "not textaug WordNet data"},
		{"version", []byte("TXWN\x03\x00\x00\x00"), "format version 3, want 2"},
		{"truncated", good[:len(good)/2], "byte "},
		{"trailing", append(slices.Clone(good), 0), "trailing data"},
		{"count", []byte("TXWN\x01\x00\xff\xff\xff\x0f"), "count larger than the data"},
		{"gzip", []byte{0x1f, 0x8b, 1, 2, 3}, "synonyms: wordnet data:"},
	}
	inPlace := tinyInPlace(t)
	tests = append(tests, []struct {
		name string
		data []byte
		want string
	}{
		{"in place, truncated", inPlace[:len(inPlace)/2], "truncated"},
		{"in place, trailing", append(slices.Clone(inPlace), 0, 0, 0, 0), "trailing data"},
		{"in place, empty lemma", corrupt(inPlace, "lemmas", 2, 0), "lemma 0 (\"\"): empty or not sorted"},
		{"in place, lemma offset", corrupt(inPlace, "lemmas", 2, 1<<30), "offset out of order or range"},
		{"in place, sense start", corrupt(inPlace, "lemmas", 3, 1<<30), "sense start out of order or range"},
		{"in place, lemma index", clearSlots(inPlace), "lemma 0 (\"arise\"): not in the hash index"},
		{"in place, synset", corrupt(inPlace, "senses", 0, 1<<30), "synset out of range or order"},
		{"in place, member start", corrupt(inPlace, "synStart", 1, 1<<30), "member start out of order or range"},
		{"in place, member", corrupt(inPlace, "members", 0, 1<<30), "member 0: lemma out of range"},
		{"in place, antonym", corrupt(inPlace, "ants", 1, 1<<30), "antonym pointer 0"},
		{"in place, antonym bitmap", corrupt(inPlace, "antBits", 0, 0), "antonym bitmap disagrees"},
	}...)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			wn, err := synonyms.ReadWordNet(bytes.NewReader(tc.data))
			require.Error(t, err)
			assert.Nil(t, wn)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "synonyms: wordnet data: "), err.Error())
		})
	}
}

// section is where an array of the in-place data lies: byte offset and
// number of uint32s.
type section struct{ at, n int }

// inPlaceSections gives the arrays of the in-place data b (see
// OpenWordNet for the layout).
func inPlaceSections(b []byte) map[string]section {
	u := func(i int) int { return int(binary.LittleEndian.Uint32(b[i:])) }
	str := func(pos int) int { return pos + 4 + (u(pos)+3)/4*4 } // after a string at pos
	pos := str(8)                                                // magic, version, label
	nl, ns, nm, na, nslots := u(pos), u(pos+20), u(pos+24), u(pos+28), u(pos+32)
	nsyn := u(pos+4) + u(pos+8) + u(pos+12) + u(pos+16)
	secs := map[string]section{"lemmaSlots": {pos + 36, nslots}}
	pos += 36 + 4*nslots
	for _, sec := range []struct {
		name string
		n    int
	}{{"lemmas", 2 * (nl + 1)}, {"senses", 2 * ns}, {"synStart", nsyn + 1}, {"members", nm}, {"ants", 2 * na},
		{"antBits", (nsyn + 31) / 32}} {
		secs[sec.name] = section{pos, sec.n}
		pos += 4 * sec.n
	}
	return secs
}

// corrupt returns a copy of the in-place data b with element i of array
// section set to v.
func corrupt(b []byte, section string, i int, v uint32) []byte {
	c := slices.Clone(b)
	binary.LittleEndian.PutUint32(c[inPlaceSections(b)[section].at+4*i:], v)
	return c
}

// clearSlots returns a copy of the in-place data b with the hash slots of
// the lemmas empty.
func clearSlots(b []byte) []byte {
	c := slices.Clone(b)
	sec := inPlaceSections(b)["lemmaSlots"]
	clear(c[sec.at : sec.at+4*sec.n])
	return c
}

// Data in either format reads the same plain or gzip-compressed, and the
// in-place data that MarshalBinary returns reads back to the same bytes.
func TestReadWordNetFormats(t *testing.T) {
	inPlace := tinyInPlace(t)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(inPlace)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	for name, data := range map[string][]byte{"in place": inPlace, "in place, gzip": gz.Bytes()} {
		wn, err := synonyms.ReadWordNet(bytes.NewReader(data))
		require.NoError(t, err, name)
		b, err := wn.MarshalBinary()
		require.NoError(t, err)
		assert.Equal(t, inPlace, b, name)
		wn.RareLemmas = true
		assert.Equal(t, tinyWordNet(t).Synonyms("rose", "VBD"), wn.Synonyms("rose", "VBD"), name)
	}
	_, err = (&synonyms.WordNet{}).MarshalBinary()
	assert.ErrorContains(t, err, "the zero WordNet has no data")
	_, err = synonyms.OpenWordNet(string(inPlace[:len(inPlace)-1]))
	assert.ErrorContains(t, err, "truncated")
}

// OpenWordNet does not check the contents, but a lookup in corrupt data
// neither panics nor reads outside it: it answers wrongly.
func TestOpenWordNetCorrupt(t *testing.T) {
	inPlace := tinyInPlace(t)
	for name, sec := range inPlaceSections(inPlace) {
		for _, v := range []uint32{0, 1, 3, 1 << 20, 1<<32 - 1} {
			for i := range min(sec.n, 6) {
				data := corrupt(inPlace, name, i, v)
				wn, err := synonyms.OpenWordNet(string(data))
				require.NoError(t, err, "%s[%d] = %d", name, i, v)
				queryAll(t, wn)
			}
		}
	}
}

// queryAll makes lookups of every kind in wn.
func queryAll(t *testing.T, wn *synonyms.WordNet) {
	for _, tag := range []string{"NN", "NNS", "VBD", "VBN", "JJR", "RB"} {
		for _, w := range []string{"rise", "rose", "a", "children", "good", "better", "card", "zzz"} {
			got := wn.Synonyms(w, tag)
			assert.True(t, slices.IsSorted(got))
		}
	}
	_ = wn.Len()
	_ = wn.Has("go up", synonyms.Any)
	_ = wn.Morphology().Lemmas("better", synonyms.Adj)
}

// OpenWordNet never panics, and neither do lookups in what it accepts.
func FuzzOpenWordNet(f *testing.F) {
	good := tinyInPlace(f)
	f.Add(good)
	f.Add(corrupt(good, "members", 2, 1<<20))
	f.Add(clearSlots(good))
	f.Add(good[:64])
	f.Fuzz(func(t *testing.T, data []byte) {
		wn, err := synonyms.OpenWordNet(string(data))
		if err != nil {
			return
		}
		queryAll(t, wn)
	})
}

// ReadWordNet never panics, and what it accepts can be queried.
func FuzzReadWordNet(f *testing.F) {
	good := tiny.encode()
	f.Add(good)
	f.Add(good[:len(good)-3])
	f.Add([]byte("TXWN\x01\x00"))
	f.Add(tinyInPlace(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		wn, err := synonyms.ReadWordNet(bytes.NewReader(data))
		if err != nil {
			return
		}
		queryAll(t, wn)
	})
}

// lookups is a mix of words and tags as a tagger would hand them over.
var lookups = func() [][2]string {
	var out [][2]string
	for _, f := range strings.Fields(`rose/VBD shares/NNS book/VB book/NN quickly/RB better/JJR
		children/NNS account/NN balance/NN transferred/VBN payments/NNS cancel/VB refund/NN rising/VBG
		profit/NN stocks/NNS fell/VBD strong/JJ weaker/JJR increase/NN growth/NN card/NN market/NN
		buy/VB sold/VBD high/JJ price/NN rates/NNS bank/NN loan/NN earnings/NNS decline/VBP show/VBZ`) {
		w, tag, _ := strings.Cut(f, "/")
		out = append(out, [2]string{w, tag})
	}
	return out
}()

func BenchmarkWordNetSynonyms(b *testing.B) {
	wn := english(b)
	n := 0
	for b.Loop() {
		p := lookups[n%len(lookups)]
		_ = wn.Synonyms(p[0], p[1])
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "lookups/s")
}

func BenchmarkWordNetSynonymsParallel(b *testing.B) {
	wn := english(b)
	b.RunParallel(func(pb *testing.PB) {
		n := 0
		for pb.Next() {
			p := lookups[n%len(lookups)]
			_ = wn.Synonyms(p[0], p[1])
			n++
		}
	})
}

func ExampleWordNet_Synonyms() {
	wn, err := builtin.English()
	if err != nil {
		panic(err)
	}
	fmt.Println(wn.Synonyms("rose", "VBD"))
	fmt.Println(wn.Synonyms("shares", "NNS"))
	fmt.Println(wn.WithLimits(1, 3).Synonyms("children", "NNS"))
	// Output:
	// [arose came up climbed got up lifted moved up stood up went up]
	// [parcels parts percentages portions]
	// [kids minors youngsters]
}

// TestWordNetDropsRareWords: candidates never tagged with their part of
// speech in WordNet's corpus are archaic or rare ("shew", "cognise",
// "locomote") and are dropped unless RareLemmas is set.
func TestWordNetDropsRareWords(t *testing.T) {
	wn, err := builtin.English()
	require.NoError(t, err)
	rare := *wn
	rare.RareLemmas = true
	cases := []struct{ word, tag, rare string }{
		{"showing", "VBG", "shewing"},
		{"goes", "VBZ", "locomotes"},
		{"extra", "JJ", "supererogatory"},
	}
	for _, c := range cases {
		assert.NotContains(t, wn.Synonyms(c.word, c.tag), c.rare, c.word)
		assert.Contains(t, rare.Synonyms(c.word, c.tag), c.rare, "with RareLemmas, %s", c.word)
	}
}

// TestWordNetNoNumbersOrAbbreviations: "first" is never "1st" (a number
// the label may hang on), "pound" never "lb".
func TestWordNetNoNumbersOrAbbreviations(t *testing.T) {
	wn, err := builtin.English()
	require.NoError(t, err)
	for _, c := range []struct{ word, tag string }{{"first", "JJ"}, {"second", "JJ"}, {"third", "JJ"}, {"pound", "NN"}, {"meters", "NNS"}} {
		for _, cand := range wn.Synonyms(c.word, c.tag) {
			assert.NotRegexp(t, `[0-9]`, cand, c.word)
			assert.Greater(t, len(cand), 2, "%s -> %s", c.word, cand)
		}
	}
}
