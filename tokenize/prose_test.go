package tokenize

import (
	"bufio"
	"bytes"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// proseFixture is the file of hand-written sentences the agreement test and
// the benchmarks run on, one a line.
const proseFixture = "../testdata/tagger/sentences.txt"

// proseSharedData is the shared evaluation data, beside the repository.
const proseSharedData = "../../shared/data"

// proseTestModel returns the port's model, loaded once for the whole run.
func proseTestModel(tb testing.TB) *proseModel {
	tb.Helper()
	tg, err := Prose()
	require.NoError(tb, err)
	m, ok := tg.(*proseModel)
	require.True(tb, ok, "Prose returns %T", tg)
	return m
}

// proseOriginal is prose's own model, built once: prose.NewDocument loads
// it again on every call unless it is handed one.
var proseOriginal = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("textaug-test") })

// proseOriginalTags tokenizes and tags s with prose itself.
func proseOriginalTags(tb testing.TB, s string) (words, tags []string) {
	tb.Helper()
	doc, err := prose.NewDocument(s,
		prose.WithSegmentation(false), prose.WithExtraction(false),
		prose.UsingModel(proseOriginal()))
	require.NoError(tb, err)
	for _, tok := range doc.Tokens() {
		words = append(words, tok.Text)
		tags = append(tags, tok.Tag)
	}
	return words, tags
}

func proseReadFixture(tb testing.TB) []string {
	tb.Helper()
	b, err := os.ReadFile(proseFixture)
	require.NoError(tb, err)
	var out []string
	for line := range strings.Lines(string(b)) {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	require.NotEmpty(tb, out)
	return out
}

// proseSpanTokens returns the tokens prose's tokenizer makes of one
// space-free span (tokenizing only: tagging and extraction are off).
var proseSpanTokens = sync.OnceValue(func() func(tb testing.TB, span string) []string {
	var mu sync.Mutex
	cache := map[string][]string{}
	return func(tb testing.TB, span string) []string {
		mu.Lock()
		defer mu.Unlock()
		if n, ok := cache[span]; ok {
			return n
		}
		doc, err := prose.NewDocument(span, prose.WithTagging(false),
			prose.WithSegmentation(false), prose.WithExtraction(false),
			prose.UsingModel(proseOriginal()))
		require.NoError(tb, err)
		var toks []string
		for _, tok := range doc.Tokens() {
			toks = append(toks, tok.Text)
		}
		cache[span] = toks
		return toks
	}
})

// proseSanitizer is the replacer prose's tokenizer applies first.
var proseSanitizer = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'")

// proseAliases explains a quirk of prose's Document (not of its tagger):
// its tokenizer caches the tokens of each space-separated span, so a span
// that occurs again (except as the text's final span) yields the same
// *Token pointers, and the tag written last, that of the last occurrence,
// is what Tokens reports for every occurrence. proseAliases returns, for
// each of prose's tokens, the index of the token whose tag it reports. It
// cuts text into spans as prose's tokenize does and counts each span's
// tokens with prose itself; words (prose's tokens for the whole text) guard
// the result.
func proseAliases(tb testing.TB, text string, words []string) []int {
	tb.Helper()
	clean := proseSanitizer.Replace(text)
	var last []int            // result
	var got []string          // token texts, to check against words
	occur := map[string]int{} // span -> index of its first token in its last cached occurrence
	type occurrence struct {
		span     string
		first, n int
	}
	var occs []occurrence
	emit := func(span string, cached bool) {
		toks := proseSpanTokens()(tb, span)
		n, first := len(toks), len(last)
		for k := range n {
			last = append(last, first+k)
		}
		got = append(got, toks...)
		if cached {
			occur[span] = first
			occs = append(occs, occurrence{span, first, n})
		}
	}
	// The loop of prose's iterTokenizer.tokenize, with doSplit replaced
	// by emit.
	white := false
	start, index := 0, 0
	for index <= len(clean) {
		uc, size := utf8.DecodeRuneInString(clean[index:])
		if size == 0 {
			break
		} else if index == 0 {
			white = unicode.IsSpace(uc)
		}
		if unicode.IsSpace(uc) != white {
			if start < index {
				emit(clean[start:index], true)
			}
			if uc == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index {
		emit(clean[start:index], false)
	}
	for _, o := range occs {
		for k := range o.n {
			last[o.first+k] = occur[o.span] + k
		}
	}
	require.Equal(tb, words, got, "%q: prose's spans do not rebuild its tokens", text)
	return last
}

// proseAgreement compares the port with prose over many sentences.
type proseAgreement struct {
	sentences, sameSentences int // whole tag sequences, tagging freely
	tokens, sameTokens       int // single tags, tagging freely
	rawSentences             int // sentences identical without the aliasing correction
	aliased                  int // sentences whose prose output aliasing changed
	ties                     int // tied predictions given prose's history
	tieDiffs                 int // ... where prose chose another tied class
	unverified               int // differences after an unobservable tie
}

// add tags words (prose's tokens) and checks the tags against want,
// prose's. prose's Document reports, for repeated spans, the tag of the
// last occurrence (see proseAliases); the port's tags are compared after
// the same substitution. Two checks are made:
//   - freely, as Tag does, counting identical sentences and tags;
//   - word by word with prose's own previous two tags as history, where
//     every tag must be prose's unless the scores tie and prose's tag is
//     one of the tied classes. Up to the first difference the two runs
//     agree, so this proves that each difference of the free run starts at
//     a tie. prose's tags of tokens whose reported tag is another token's
//     are not observable; there the port's own prediction serves as
//     history, and a difference that follows a tie there is only counted.
func (a *proseAgreement) add(t *testing.T, m *proseModel, s *proseScratch, text string, words, want []string) {
	t.Helper()
	last := proseAliases(t, text, words)
	for i := range want {
		if !assert.Equal(t, want[last[i]], want[i], "%q: word %d %q: aliasing model", text, i, words[i]) {
			return
		}
	}
	got := make([]string, len(words))
	m.tag(s, words, got)
	reported := make([]string, len(words))
	for i := range got {
		reported[i] = got[last[i]]
	}
	a.sentences++
	if slices.Equal(reported, want) {
		a.sameSentences++
	}
	if slices.Equal(got, want) {
		a.rawSentences++
	}
	if !slices.Equal(got, reported) {
		a.aliased++
	}
	for i := range want {
		a.tokens++
		if reported[i] == want[i] {
			a.sameTokens++
		}
	}

	m.prepare(s, words)
	p1, p2 := "-START-", "-START2-"
	explained := 0 // differences explained by a tie
	defer func() {
		if !slices.Equal(reported, want) {
			assert.Positive(t, explained, "%q: differs without a tie:\nport  %q\nprose %q", text, reported, want)
		}
	}()
	ambiguous := 0 // positions left in which an unobservable tie shapes the history
	for i, w := range words {
		tag, _, tied := m.tagAt(s, words, i, m.testHist(p1, p2))
		if tied {
			a.ties++
		}
		hist := want[i]
		switch {
		case last[i] != i:
			hist = tag
			if tied {
				ambiguous = 3
			}
		case tag == want[i]:
		case ambiguous > 0:
			a.unverified++
			explained++
		default:
			a.tieDiffs++
			explained++
			if !assert.True(t, tied, "%q: word %d %q: got %s, prose %s, and no tie", text, i, w, tag, want[i]) {
				return
			}
			assert.Contains(t, m.tiedClasses(s), want[i], "%q: word %d %q: prose's tag is not among the tied classes", text, i, w)
		}
		ambiguous = max(ambiguous-1, 0)
		p2, p1 = p1, hist
	}
}

func (a *proseAgreement) merge(b proseAgreement) {
	a.sentences += b.sentences
	a.sameSentences += b.sameSentences
	a.tokens += b.tokens
	a.sameTokens += b.sameTokens
	a.rawSentences += b.rawSentences
	a.aliased += b.aliased
	a.ties += b.ties
	a.tieDiffs += b.tieDiffs
	a.unverified += b.unverified
}

func (a *proseAgreement) log(t *testing.T, what string) {
	t.Helper()
	pct := func(n, d int) float64 { return 100 * float64(n) / float64(max(d, 1)) }
	t.Logf("%s: %d/%d sentences identical (%.3f%%), %d/%d tags identical (%.4f%%); "+
		"%d tied predictions, %d resolved differently by prose, %d differences after an unobservable tie; "+
		"%d sentences with repeated spans whose prose tags are aliased (%.3f%% identical without correcting for it)",
		what, a.sameSentences, a.sentences, pct(a.sameSentences, a.sentences),
		a.sameTokens, a.tokens, pct(a.sameTokens, a.tokens),
		a.ties, a.tieDiffs, a.unverified, a.aliased, pct(a.rawSentences, a.sentences))
}

func TestProseAgreesOnFixture(t *testing.T) {
	m := proseTestModel(t)
	s := m.pool.Get().(*proseScratch)
	var a proseAgreement
	for _, text := range proseReadFixture(t) {
		t.Run(text, func(t *testing.T) {
			words, want := proseOriginalTags(t, text)
			a.add(t, m, s, text, words, want)
		})
	}
	a.log(t, "fixture")
}

// TestProseAgreesOnSharedData runs the comparison over every sentence of
// the shared banking77 and financial_phrasebank_50agree splits (about 18k
// sentences; prose takes a few seconds for them).
func TestProseAgreesOnSharedData(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: tags ~18k sentences with prose")
	}
	if _, err := os.Stat(proseSharedData); err != nil {
		t.Skipf("shared data not found at %s (the repository is expected beside shared/): %v", proseSharedData, err)
	}
	m := proseTestModel(t)
	s := m.pool.Get().(*proseScratch)
	var total proseAgreement
	for _, set := range []string{"banking77", "financial_phrasebank_50agree"} {
		for _, split := range []string{"train", "test"} {
			name := set + "/" + split + ".jsonl"
			t.Run(name, func(t *testing.T) {
				start := time.Now()
				var a proseAgreement
				for _, text := range proseReadJSONL(t, filepath.Join(proseSharedData, name)) {
					words, want := proseOriginalTags(t, text)
					a.add(t, m, s, text, words, want)
				}
				a.log(t, name)
				t.Logf("%s: %v", name, time.Since(start).Round(time.Millisecond))
				total.merge(a)
			})
		}
	}
	total.log(t, "all shared data")
}

func proseReadJSONL(t *testing.T, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		t.Skipf("%s not found", path)
	}
	require.NoError(t, err)
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Text string `json:"text"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &rec), "%s:%d", path, line)
		out = append(out, rec.Text)
	}
	require.NoError(t, sc.Err())
	require.NotEmpty(t, out, path)
	return out
}

// TestProseSpecialCases covers the rules tried before prediction, in
// prose's order.
func TestProseSpecialCases(t *testing.T) {
	tg, err := Prose()
	require.NoError(t, err)
	tests := []struct {
		name  string
		words []string
		at    int // the word checked
		want  string
	}{
		{"lone hyphen", []string{"A", "-", "B"}, 1, "-"},
		{"emoticon", []string{"thanks", ":-)"}, 1, "SYM"},
		{"emoticon before handle", []string{"so", "@_@"}, 1, "SYM"},
		{"link", []string{"see", "https://example.com/a", "now"}, 1, "NN"},
		{"bare domain", []string{"visit", "www.example.org/fees"}, 1, "NN"},
		{"link inside a word", []string{"(see", "example.com)"}, 1, "NN"},
		{"email", []string{"mail", "help@example.com"}, 1, "NN"},
		{"handle", []string{"follow", "@bank"}, 1, "NN"},
		{"trace", []string{"said", "*-1"}, 1, "-NONE-"},
		{"zero is a trace", []string{"0", "fees"}, 0, "-NONE-"},
		{"bracket keeps itself", []string{"-LRB-", "x", "-RRB-"}, 2, "-RRB-"},
		{"tag table", []string{"the", ",", "."}, 1, ","},
		{"prediction", []string{"the", "bank", "rose"}, 1, "NN"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tags := make([]string, len(tt.words))
			tg.Tag(tt.words, tags)
			assert.Equal(t, tt.want, tags[tt.at])
		})
	}
}

// TestProseEmoticons checks the copied list against prose: it keeps each
// emoticon as one token and tags it "SYM". (prose's map has 58 entries.)
func TestProseEmoticons(t *testing.T) {
	tg, err := Prose()
	require.NoError(t, err)
	emotes := proseEmoticons()
	assert.Len(t, emotes, 58)
	for _, e := range emotes {
		words, tags := proseOriginalTags(t, e)
		assert.Equal(t, []string{e}, words, "prose's tokens")
		assert.Equal(t, []string{"SYM"}, tags, "prose's tags of %q", e)
		got := make([]string, 1)
		tg.Tag([]string{e}, got)
		assert.Equal(t, "SYM", got[0], e)
	}
}

func TestProseEdgeInputs(t *testing.T) {
	tg, err := Prose()
	require.NoError(t, err)
	tests := []struct {
		name  string
		words []string
		tags  int
		want  []string
	}{
		{"no words", nil, 0, []string{}},
		{"empty word", []string{""}, 1, []string{"SYM"}},
		{"empty words around", []string{"", "bank", ""}, 3, nil},
		{"short tags", []string{"the", "bank", "rose"}, 2, nil},
		{"invalid UTF-8", []string{"\xff\xfeA", "\xc3"}, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tags := make([]string, tt.tags)
			require.NotPanics(t, func() { tg.Tag(tt.words, tags) })
			if tt.want != nil {
				assert.Equal(t, tt.want, tags)
			}
			for i := range tags {
				assert.NotEmpty(t, tags[i], "word %d", i)
			}
		})
	}
}

func TestProseNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"Bank", "bank"},
		{"e-mail", "!HYPHEN"},
		{"-", "-"},
		{"-abc-d", "-abc-d"},
		{"2024", "!YEAR"},
		{"+123", "!YEAR"},
		{"-123", "!YEAR"},
		{"12345", "!DIGITS"},
		{"3pm", "!DIGITS"},
		{"1-2", "!HYPHEN"},
		{"ÉTÉ", "été"},
		{"\xffA", "\ufffda"},
		{"\ufffd", "\ufffd"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, string(proseAppendNormalized(nil, tt.in)))
			assert.Equal(t, proseRefNormalize(tt.in), tt.want, "prose's normalize")
		})
	}
}

// TestProseRegexps pins the link and e-mail regexps to the ones prose uses
// and checks the byte tests that spare them.
//
// The port compiles copies of commonregex's patterns. The copies are the
// same strings, compiled by the same regexp package, so they match exactly
// what commonregex's regexps match; the word list checks it once more.
func TestProseRegexps(t *testing.T) {
	assert.Equal(t, commonregex.LinkPattern, commonregex.LinkRegex.String())
	assert.Equal(t, commonregex.EmailPattern, commonregex.EmailRegex.String())
	assert.Equal(t, commonregex.LinkPattern, proseLinkPattern)
	assert.Equal(t, commonregex.EmailPattern, proseEmailPattern)
	m := proseTestModel(t)
	assert.Equal(t, commonregex.LinkPattern, m.link.String())
	assert.Equal(t, commonregex.EmailPattern, m.email.String())
	assert.Equal(t, proseRefNone.String(), m.none.String())
	for _, w := range []string{"a.b", "a.bc", "ab.c", "..a.", "x@y.z", "a@b.co", "U.S.", "e.g.", "3.5", "1.2bn", "www.x.org", "@", "@x", "-ABC-", "-AbC-", "*-12", "*T*-1", "0", "00", "*",
		"https://example.com/a", "http://x.y/(a)", "(see", "example.com)", "a.b!", "x.Y", "WWW.BANK.COM", "help@Example.COM", "a@b", "é.com", "a.b\xff"} {
		assert.Equal(t, commonregex.LinkRegex.MatchString(w), m.link.MatchString(w), "link regexp %q", w)
		assert.Equal(t, commonregex.EmailRegex.MatchString(w), m.email.MatchString(w), "email regexp %q", w)
		link := strings.HasPrefix(w, "@") || commonregex.LinkRegex.MatchString(w) || commonregex.EmailRegex.MatchString(w)
		assert.Equal(t, link, m.isLink(w), "link %q", w)
		assert.Equal(t, proseRefKeep.MatchString(w), isProseKeep(w), "keep %q", w)
	}
}

// TestProseNoAllocs checks that tagging allocates nothing once the scratch
// has grown. It drives the scratch directly, since sync.Pool may drop
// items; BenchmarkProseTag reports the allocations of Tag with the pool.
func TestProseNoAllocs(t *testing.T) {
	if proseRaceEnabled() {
		t.Skip("the race detector makes sync.Pool, which regexp uses, drop items")
	}
	m := proseTestModel(t)
	var sents [][]string
	for _, text := range proseReadFixture(t) {
		words, _ := proseOriginalTags(t, text)
		sents = append(sents, words)
	}
	s := m.pool.Get().(*proseScratch)
	tags := make([]string, 256)
	run := func() {
		for _, words := range sents {
			m.tag(s, words, tags[:len(words)])
		}
	}
	run()
	assert.Zero(t, testing.AllocsPerRun(20, run))
}

// proseRaceEnabled reports whether the test binary was built with -race.
func proseRaceEnabled() bool {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return false
	}
	for _, s := range bi.Settings {
		if s.Key == "-race" {
			return s.Value == "true"
		}
	}
	return false
}

// TestProseConcurrent tags the fixture from many goroutines at once; the
// results must equal the sequential ones.
func TestProseConcurrent(t *testing.T) {
	tg, err := Prose()
	require.NoError(t, err)
	var sents [][]string
	var want [][]string
	for _, text := range proseReadFixture(t) {
		words, _ := proseOriginalTags(t, text)
		tags := make([]string, len(words))
		tg.Tag(words, tags)
		sents, want = append(sents, words), append(want, tags)
	}
	var wg sync.WaitGroup
	got := make([][][]string, 8)
	for g := range got {
		wg.Go(func() {
			for range 20 {
				got[g] = got[g][:0]
				for _, words := range sents {
					tags := make([]string, len(words))
					tg.Tag(words, tags)
					got[g] = append(got[g], tags)
				}
			}
		})
	}
	wg.Wait()
	for g := range got {
		assert.Equal(t, want, got[g], "goroutine %d", g)
	}
}

// TestProseFootprint reports what loading the model costs a fresh process:
// it runs itself again in a child process, which measures the heap
// (runtime.MemStats) and the resident set (/proc/self/statm) before and
// after the first call of Prose and after tagging the fixture. The model
// must stay within 20 MB of either.
func TestProseFootprint(t *testing.T) {
	if os.Getenv(proseFootprintEnv) == "1" {
		proseFootprintChild(t)
		return
	}
	if testing.Short() {
		t.Skip("skipped in -short mode: runs the test binary again")
	}
	if _, err := os.Stat("/proc/self/statm"); err != nil {
		t.Skipf("no /proc/self/statm to read the resident set from: %v", err)
	}
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^TestProseFootprint$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), proseFootprintEnv+"=1")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	var got struct {
		Load                        time.Duration
		HeapMB, RSSLoadMB, RSSTagMB float64
	}
	_, after, ok := strings.Cut(string(out), "footprint: ")
	require.True(t, ok, "%s", out)
	line, _, _ := strings.Cut(after, "\n")
	require.NoError(t, json.Unmarshal([]byte(line), &got), "%s", out)
	t.Logf("first Prose() in a fresh process: %v; retained heap %+.2f MB; resident set %+.1f MB after loading, %+.1f MB after tagging the fixture; data %.2f MB",
		got.Load.Round(10*time.Microsecond), got.HeapMB, got.RSSLoadMB, got.RSSTagMB, float64(len(proseModelData))/1e6)
	assert.Less(t, got.HeapMB, 20.0)
	assert.Less(t, got.RSSLoadMB, 20.0)
	assert.Less(t, got.RSSTagMB, 20.0)
}

// proseFootprintEnv makes TestProseFootprint measure instead of spawning.
const proseFootprintEnv = "TEXTAUG_PROSE_FOOTPRINT_CHILD"

func proseFootprintChild(t *testing.T) {
	sents := proseReadFixture(t) // before measuring: reading allocates
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = strings.Fields(s)
	}
	rss := func() float64 {
		b, err := os.ReadFile("/proc/self/statm")
		require.NoError(t, err)
		f := strings.Fields(string(b))
		require.GreaterOrEqual(t, len(f), 2)
		pages, err := strconv.ParseInt(f[1], 10, 64)
		require.NoError(t, err)
		return float64(pages*int64(os.Getpagesize())) / 1e6
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	rss0 := rss()
	start := time.Now()
	tg, err := Prose()
	load := time.Since(start)
	require.NoError(t, err)
	runtime.GC()
	runtime.ReadMemStats(&after)
	rss1 := rss()
	tags := make([]string, 256)
	for _, w := range words {
		tg.Tag(w, tags[:len(w)])
	}
	rss2 := rss()
	b, err := json.Marshal(map[string]any{
		"Load":      load,
		"HeapMB":    (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / 1e6,
		"RSSLoadMB": rss1 - rss0,
		"RSSTagMB":  rss2 - rss0,
	})
	require.NoError(t, err)
	fmt.Printf("footprint: %s\n", b)
	runtime.KeepAlive(tg)
}

// TestProseModelTables checks the compiled model against prose's gob files:
// the same tag names, every feature found with the same weights, every
// word of the tag map found with its tag. It also proves that the
// generator's hash is proseHash: a key hashed differently would not be
// found.
func TestProseModelTables(t *testing.T) {
	m := proseTestModel(t)
	r, err := proseRef()
	require.NoError(t, err)
	var classes []string
	proseDecodeAsset(t, "classes.gob", &classes)
	for _, c := range classes {
		assert.Contains(t, m.classes, c)
	}
	assert.True(t, slices.IsSorted(m.classes))
	assert.LessOrEqual(t, len(m.classes), 64)

	n, weights := 0, 0
	for k, ws := range r.weights {
		v, ok := m.feats.lookup([]byte(k))
		if len(ws) == 0 {
			assert.False(t, ok, "feature %q has no weights and is left out", k)
			continue
		}
		if !assert.True(t, ok, "feature %q", k) {
			continue
		}
		n++
		lo, hi := proseSpan(v)
		got := map[string]float64{}
		for i := lo; i < hi; i++ {
			p := proseLE32(m.pairs, 4*i)
			got[m.classes[p&63]] = float64(int32(p)>>proseClassBits) / 1000
		}
		for c, w := range ws {
			assert.InDelta(t, w, got[c], 1e-9, "feature %q, class %q", k, c)
		}
		assert.Len(t, got, len(ws), "feature %q", k)
		weights += len(ws)
	}
	for w, tag := range r.tagMap {
		c, ok := m.words.lookup([]byte(w))
		if assert.True(t, ok, "tag map word %q", w) {
			assert.Equal(t, tag, m.classes[c], "tag map word %q", w)
		}
	}
	for _, k := range []string{"", "b", "bia", "biass", "i word zzzzqqq", "i suffix \xff", strings.Repeat("x", proseMaxKeyLen+1)} {
		_, ok := m.feats.lookup([]byte(k))
		assert.False(t, ok, "feature %q", k)
		_, ok = m.words.lookup([]byte(k))
		assert.False(t, ok, "word %q", k)
	}
	t.Logf("%d tag names, %d features (%d slots), %d weights, %d tag-map words (%d slots); %d bytes",
		len(m.classes), n, m.feats.mask+1, len(m.pairs)/4, len(r.tagMap), m.words.mask+1, len(proseModelData))
	assert.Equal(t, weights, len(m.pairs)/4)
}

func proseDecodeAsset(tb testing.TB, name string, v any) {
	tb.Helper()
	b, err := prose.Asset("model/AveragedPerceptron/" + name)
	require.NoError(tb, err)
	require.NoError(tb, gob.NewDecoder(bytes.NewReader(b)).Decode(v))
}

// TestProseModelRegenerates runs the generator, as go generate does, and
// requires the embedded file byte for byte: the data is what the pinned
// prose module compiles to, and the generator is deterministic.
func TestProseModelRegenerates(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: builds and runs the generator")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to run the generator with: %v", err)
	}
	out := filepath.Join(t.TempDir(), "prosemodel.bin")
	cmd := exec.Command(gobin, "run", "prosemodel_gen.go", "-o", out)
	msg, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", msg)
	t.Logf("%s", bytes.TrimSpace(msg))
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.True(t, string(b) == proseModelData, "prosemodel.bin is not what go generate writes (%d bytes, generated %d): run go generate", len(proseModelData), len(b))
}

// TestProseModelCorrupt checks that damaged data is an error, not a panic.
func TestProseModelCorrupt(t *testing.T) {
	tests := []struct {
		name string
		data string
		want string
	}{
		{"empty", "", "not a compiled model"},
		{"other magic", "GIF89a" + proseModelData[6:], "not a compiled model"},
		{"format version", proseModelData[:4] + "\x02\x00\x00\x00" + proseModelData[8:], "format version 2"},
		{"label", proseModelData[:10] + "P" + proseModelData[11:], "want \"prose v2.0.0"},
		{"truncated", proseModelData[:len(proseModelData)/2], "truncated"},
		{"trailing", proseModelData + "x", "trailing data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := parseProseModel(tt.data)
			assert.Nil(t, m)
			assert.ErrorContains(t, err, tt.want)
			assert.ErrorContains(t, err, "tokenize: prose model: ")
		})
	}
}

// FuzzProseModelParse damages one byte of the compiled model and cuts it
// short: parsing must fail or give a model that tags without panicking.
func FuzzProseModelParse(f *testing.F) {
	f.Add(uint32(0), byte('X'), uint32(0))
	f.Add(uint32(200), byte(0xff), uint32(0))
	f.Add(uint32(400), byte(0), uint32(1000))
	f.Add(uint32(len(proseModelData)-5), byte(0xff), uint32(0))
	f.Add(uint32(len(proseModelData)-40000), byte(0x7f), uint32(0))
	words := []string{"I", "lost", "my", "card", "yesterday", ",", "the", "bank", "said", "."}
	f.Fuzz(func(t *testing.T, at uint32, b byte, cut uint32) {
		data := []byte(proseModelData)
		data[int(at)%len(data)] = b
		data = data[:len(data)-int(cut)%len(data)]
		m, err := parseProseModel(string(data))
		if err != nil {
			return
		}
		m.pool.New = func() any { return new(proseScratch) }
		m.none = proseRefNone
		m.link, m.email = commonregex.LinkRegex, commonregex.EmailRegex
		m.emotes = map[string]struct{}{}
		tags := make([]string, len(words))
		m.Tag(words, tags)
		for i := range tags {
			assert.NotEmpty(t, tags[i])
		}
	})
}

// Reference: prose v2.0.0's tagger (tag.go), copied with its maps and
// regexps, used to check the port's features and predictions. It differs
// from prose only where prose is undefined: features are summed in sorted
// order and an empty word is "SYM".

var (
	proseRefNone = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	proseRefKeep = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

type proseRefModel struct {
	weights map[string]map[string]float64
	tagMap  map[string]string
	emotes  map[string]bool
}

var proseRef = sync.OnceValues(func() (*proseRefModel, error) {
	r := &proseRefModel{emotes: map[string]bool{}}
	for name, v := range map[string]any{"weights.gob": &r.weights, "tags.gob": &r.tagMap} {
		b, err := prose.Asset("model/AveragedPerceptron/" + name)
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
			return nil, err
		}
	}
	for _, e := range proseEmoticons() {
		r.emotes[e] = true
	}
	return r, nil
})

func proseRefNormalize(word string) string {
	if word == "" {
		return word
	}
	first := string(word[0])
	if strings.Contains(word, "-") && first != "-" {
		return "!HYPHEN"
	} else if _, err := strconv.Atoi(word); err == nil && len(word) == 4 {
		return "!YEAR"
	} else if _, err := strconv.Atoi(first); err == nil {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}

func proseRefFeaturize(i int, ctx []string, w, p1, p2 string) map[string]float64 {
	feats := make(map[string]float64)
	add := func(args ...string) { feats[strings.Join(args, " ")]++ }
	suf := min(len(w), 3)
	i = min(len(ctx)-2, i+2)
	iminus := min(len(ctx[i-1]), 3)
	iplus := min(len(ctx[i+1]), 3)
	add("bias")
	add("i suffix", w[len(w)-suf:])
	add("i pref1", string(rune(w[0]))) // prose: string(w[0])
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[i])
	add("i-1 tag+i word", p1, ctx[i])
	add("i-1 word", ctx[i-1])
	add("i-1 suffix", ctx[i-1][len(ctx[i-1])-iminus:])
	add("i-2 word", ctx[i-2])
	add("i+1 word", ctx[i+1])
	add("i+1 suffix", ctx[i+1][len(ctx[i+1])-iplus:])
	add("i+2 word", ctx[i+2])
	return feats
}

func (r *proseRefModel) context(words []string) []string {
	ctx := []string{"-START-", "-START2-"}
	for _, w := range words {
		ctx = append(ctx, proseRefNormalize(w))
	}
	return append(ctx, "-END-", "-END2-")
}

// tagAt is one step of prose's tag loop; scores are returned when the tag
// was predicted.
func (r *proseRefModel) tagAt(ctx []string, i int, word, p1, p2 string) (string, map[string]float64) {
	switch {
	case word == "-":
		return "-", nil
	case r.emotes[word]:
		return "SYM", nil
	case commonregex.LinkRegex.MatchString(word) || commonregex.EmailRegex.MatchString(word) || strings.HasPrefix(word, "@"):
		return "NN", nil
	case proseRefNone.MatchString(word):
		return "-NONE-", nil
	case proseRefKeep.MatchString(word):
		return word, nil
	}
	if tag, ok := r.tagMap[word]; ok {
		return tag, nil
	}
	if word == "" {
		return "SYM", nil
	}
	feats := proseRefFeaturize(i, ctx, word, p1, p2)
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range feats {
			if !yield(k) {
				return
			}
		}
	})
	scores := map[string]float64{}
	for _, f := range keys {
		for label, w := range r.weights[f] {
			scores[label] += feats[f] * w
		}
	}
	best, bestScore := "", math.Inf(-1)
	for label, v := range scores {
		if v > bestScore || (v == bestScore && label < best) {
			best, bestScore = label, v
		}
	}
	return best, scores
}

// proseRefCheck tags words with the port and checks every step against the
// reference given the port's own history: the feature keys must be prose's,
// and the tag must be the reference's unless the scores tie (within float
// noise; true scores are whole thousandths).
func proseRefCheck(t *testing.T, m *proseModel, words []string) {
	r, err := proseRef()
	require.NoError(t, err)
	s := m.pool.Get().(*proseScratch)
	defer m.pool.Put(s)
	tags := make([]string, len(words))
	m.tag(s, words, tags)
	m.prepare(s, words)
	ctx := r.context(words)
	for i, w := range words {
		got := string(s.arena[s.ctx[i+2][0]:s.ctx[i+2][1]])
		require.Equal(t, ctx[i+2], got, "normalize(%q)", w)
	}
	p1, p2 := "-START-", "-START2-"
	for i, w := range words {
		require.NotEmpty(t, tags[i], "word %d %q", i, w)
		want, scores := r.tagAt(ctx, i, w, p1, p2)
		tag, _, tied := m.tagAt(s, words, i, m.testHist(p1, p2))
		require.Equal(t, tags[i], tag, "word %d %q: Tag and tagAt differ", i, w)
		if scores != nil {
			feats := proseRefFeaturize(i, ctx, w, p1, p2)
			var keys []string
			for f := range proseFeatures {
				keys = append(keys, string(s.appendFeature(nil, f, w, i, p1, p2)))
			}
			require.ElementsMatch(t, slices.Collect(func(yield func(string) bool) {
				for k := range feats {
					if !yield(k) {
						return
					}
				}
			}), keys, "word %d %q: features", i, w)
			for k, v := range feats {
				require.Equal(t, 1.0, v, "feature %q counted twice", k)
			}
			if tied {
				require.InDelta(t, scores[want], scores[tag], 1e-6, "word %d %q: tie", i, w)
				p2, p1 = p1, tag
				continue
			}
		}
		require.Equal(t, want, tag, "word %d %q", i, w)
		p2, p1 = p1, tag
	}
}

func TestProseMatchesReference(t *testing.T) {
	m := proseTestModel(t)
	for _, text := range proseReadFixture(t) {
		t.Run(text, func(t *testing.T) {
			words, _ := proseOriginalTags(t, text)
			proseRefCheck(t, m, words)
			proseRefCheck(t, m, strings.Fields(text)) // untokenized words too
		})
	}
}

// TestProseMatchesReferenceOnOurTokens checks every step against the
// reference port on the words the pipeline tags: those of Tokenize, which
// differ from prose's (amounts such as "EUR 25.8 mn" are one word, spaces
// included), as they are and in lower case, over the shared data.
func TestProseMatchesReferenceOnOurTokens(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: runs the slow reference on ~18k sentences")
	}
	if _, err := os.Stat(proseSharedData); err != nil {
		t.Skipf("shared data not found at %s (the repository is expected beside shared/): %v", proseSharedData, err)
	}
	m := proseTestModel(t)
	for _, name := range []string{"banking77/train.jsonl", "banking77/test.jsonl", "financial_phrasebank_50agree/train.jsonl", "financial_phrasebank_50agree/test.jsonl"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			n := 0
			for _, text := range proseReadJSONL(t, filepath.Join(proseSharedData, name)) {
				var words []string
				for _, tok := range Tokenize(text) {
					if tok.Kind != Space {
						words = append(words, tok.Text)
					}
				}
				proseRefCheck(t, m, words)
				for i := range words {
					words[i] = strings.ToLower(words[i])
				}
				proseRefCheck(t, m, words)
				n += len(words)
				if t.Failed() {
					return
				}
			}
			t.Logf("%s: %d words checked, as they are and in lower case", name, n)
		})
	}
}

// FuzzProseTag checks that tagging never panics and gives one non-empty tag
// per word, and that each step matches the reference port of prose's code.
// The input is split on single spaces, so empty words occur.
func FuzzProseTag(f *testing.F) {
	for _, s := range []string{
		"",
		" ",
		"I ca n't log in :(",
		"Shares rose 4.3 % to $ 3.4 billion on 2024-03-05 .",
		"see https://example.com/a or mail help@example.com @bank",
		"*-1 *T* 0 -LRB- x -RRB- - --",
		"É \xff \xc3 ÿ 1-2 +123 -123 2024",
		"a  b   c",
	} {
		f.Add(s)
	}
	m := proseTestModel(f)
	f.Fuzz(func(t *testing.T, in string) {
		words := strings.Split(in, " ")
		proseRefCheck(t, m, words)
	})
}

// proseFixtureWords is the fixture as prose tokenizes it.
func proseFixtureWords(b *testing.B) [][]string {
	var sents [][]string
	for _, text := range proseReadFixture(b) {
		words, _ := proseOriginalTags(b, text)
		sents = append(sents, words)
	}
	return sents
}

// BenchmarkProseTag tags the fixture sentences (already tokenized) with the
// port.
func BenchmarkProseTag(b *testing.B) {
	tg, err := Prose()
	require.NoError(b, err)
	sents := proseFixtureWords(b)
	tags := make([]string, 256)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, words := range sents {
			tg.Tag(words, tags[:len(words)])
		}
	}
	b.ReportMetric(float64(b.N*len(sents))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkProseTagParallel is BenchmarkProseTag on all CPUs.
func BenchmarkProseTagParallel(b *testing.B) {
	tg, err := Prose()
	require.NoError(b, err)
	sents := proseFixtureWords(b)
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		tags := make([]string, 256)
		for pb.Next() {
			for _, words := range sents {
				tg.Tag(words, tags[:len(words)])
			}
		}
	})
	b.ReportMetric(float64(b.N*len(sents))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkProseOriginal runs prose itself (tokenization and tagging, with
// a shared model) over the fixture sentences.
func BenchmarkProseOriginal(b *testing.B) {
	sents := proseReadFixture(b)
	model := proseOriginal()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, text := range sents {
			if _, err := prose.NewDocument(text,
				prose.WithSegmentation(false), prose.WithExtraction(false),
				prose.UsingModel(model)); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(sents))/b.Elapsed().Seconds(), "sentences/s")
}

// BenchmarkProseLoad loads the compiled model as Prose does once: checks
// and slices the embedded data, precomputes the bias feature and compiles
// prose's three regexps.
func BenchmarkProseLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadProse(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseModelParse is the part of BenchmarkProseLoad that reads the
// embedded data.
func BenchmarkProseModelParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseProseModel(proseModelData); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProseOriginalLoad decodes prose's three gob files, the least
// that reading prose's own model costs (the tagger used to do this, and
// build a map, on first use).
func BenchmarkProseOriginalLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		var (
			weights map[string]map[string]float64
			tagMap  map[string]string
			classes []string
		)
		proseDecodeAsset(b, "classes.gob", &classes)
		proseDecodeAsset(b, "tags.gob", &tagMap)
		proseDecodeAsset(b, "weights.gob", &weights)
	}
}

func ExampleProse() {
	tg, err := Prose()
	if err != nil {
		fmt.Println(err)
		return
	}
	words := []string{"The", "bank", "raised", "its", "fees", "by", "2.5", "%", "."}
	tags := make([]string, len(words))
	tg.Tag(words, tags)
	fmt.Println(tags)
	// Output: [DT NN VBD PRP$ NNS IN CD NN .]
}
