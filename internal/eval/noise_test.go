package eval

import (
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/textaug/lexdata"
)

// noisyFixture is a small set of customer-service texts with figures,
// negations, contractions and punctuation.
var noisyFixture = []string{
	"I'm still waiting for my card, it's been 2 weeks.",
	"Why can't I transfer $1,000 to my friend?",
	"My top-up of 3.5 GBP didn't go through, please help",
	"I do not recognise this payment of 20% extra.",
	"How do I change my PIN at an ATM",
	"It is not working: the app says my account isn't verified!",
	"I cannot find the exchange rate for USD to EUR",
	"They're charging me twice; I never agreed to that.",
	"Where is my refund? I have been waiting since 12/03/2024",
	"You've blocked my card and I don't know why",
	"What's the fee for a virtual card",
	"The transfer to my Visa was declined, no reason given.",
}

// TestParseNoise covers the kind list: order, repetition, "all", the empty
// list and a located error.
func TestParseNoise(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"typo,case", []string{NoiseTypo, NoiseCase}},
		{" case , typo ", []string{NoiseTypo, NoiseCase}},
		{"punct,punct", []string{NoisePunct}},
		{"all", []string{NoiseContraction, NoiseTypo, NoiseCase, NoisePunct}},
		{"contraction,all", []string{NoiseContraction, NoiseTypo, NoiseCase, NoisePunct}},
		{"", nil},
	} {
		n, err := ParseNoise(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, n.Kinds, tc.in)
		assert.Equal(t, strings.Join(tc.want, ","), n.String())
		back, err := ParseNoise(n.String())
		require.NoError(t, err)
		assert.Equal(t, n, back)
	}
	_, err := ParseNoise("typo,typos")
	assert.EqualError(t, err, `eval: noise: kind 2 (column 6): unknown kind "typos" (want contraction, typo, case, punct or all)`)
	_, err = ParseNoise("typo,,case")
	assert.ErrorContains(t, err, `kind 2 (column 6): unknown kind ""`)
}

// TestNoiseErrors: Apply refuses unknown kinds and rates outside [0, 1].
func TestNoiseErrors(t *testing.T) {
	for _, n := range []Noise{
		{Kinds: []string{"typo", "Case"}},
		{Kinds: []string{"typo"}, Rate: 1.5},
		{Kinds: []string{"typo"}, Rate: -0.1},
		{Kinds: []string{"typo"}, Rate: math.NaN()},
	} {
		out, err := n.Apply(noisyFixture)
		assert.Nil(t, out)
		assert.ErrorContains(t, err, "eval: noise: ", "%+v", n)
	}
}

// TestNoiseDeterminism: the noise of a text depends on the text and the
// seed only, not on its position or the other texts.
func TestNoiseDeterminism(t *testing.T) {
	n := Noise{Kinds: []string{NoiseTypo, NoiseCase, NoiseContraction, NoisePunct}, Seed: 7}
	a, err := n.Apply(noisyFixture)
	require.NoError(t, err)
	b, err := n.Apply(noisyFixture)
	require.NoError(t, err)
	assert.Equal(t, a, b)
	rev := slices.Clone(noisyFixture)
	slices.Reverse(rev)
	c, err := n.Apply(rev)
	require.NoError(t, err)
	slices.Reverse(c)
	assert.Equal(t, a, c, "input order")
	for i, tx := range noisyFixture {
		one, err := n.Apply([]string{tx})
		require.NoError(t, err)
		assert.Equal(t, a[i], one[0], "alone")
	}
	n.Seed = 8
	d, err := n.Apply(noisyFixture)
	require.NoError(t, err)
	assert.NotEqual(t, a, d, "another seed")
	none, err := Noise{}.Apply(noisyFixture)
	require.NoError(t, err)
	assert.Equal(t, noisyFixture, none, "no kinds")
}

// figures matches digits and the marks inside a figure.
var figures = regexp.MustCompile(`[$€£]?\d(?:[\d.,/:]*\d)?%?`)

// negationCount counts the negation words of a text.
func negationCount(s string) int {
	n := 0
	for _, w := range noiseWords(s) {
		if isNegation(s[w.start:w.end]) {
			n++
		}
	}
	return n
}

// TestNoiseKeepsFiguresAndNegations: at the highest rate, with every kind
// and many seeds, figures keep every byte and no negation is lost or
// mistyped.
func TestNoiseKeepsFiguresAndNegations(t *testing.T) {
	for seed := range uint64(20) {
		out, err := Noise{Kinds: noiseKinds[:], Rate: 1, Seed: seed}.Apply(noisyFixture)
		require.NoError(t, err)
		for i, o := range out {
			in := noisyFixture[i]
			assert.Equal(t, figures.FindAllString(in, -1), figures.FindAllString(o, -1), "%q -> %q", in, o)
			assert.Equal(t, negationCount(in), negationCount(o), "%q -> %q", in, o)
		}
	}
}

// TestNoiseKinds: each kind alone changes nearly every text that has a
// site for it at rate 1, a fair share at its default rate (over 20 seeds),
// and changes only what it models.
func TestNoiseKinds(t *testing.T) {
	for _, tc := range []struct {
		kind        string
		atOne       float64 // minimal share of texts changed at rate 1
		sameLetters bool    // the letters, case aside, stay
	}{
		{NoiseTypo, 1, false},
		{NoiseCase, 1, true},
		{NoiseContraction, 9.0 / 12, false}, // two texts have none; "can't I" stays in a question
		{NoisePunct, 1, true},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			for _, rate := range []float64{1, 0} {
				changed, total := 0, 0
				for seed := range uint64(20) {
					out, err := Noise{Kinds: []string{tc.kind}, Rate: rate, Seed: seed}.Apply(noisyFixture)
					require.NoError(t, err)
					for i, o := range out {
						total++
						if o != noisyFixture[i] {
							changed++
						}
						if tc.sameLetters {
							fold := tc.kind == NoiseCase
							assert.Equal(t, letters(noisyFixture[i], fold), letters(o, fold))
						}
					}
				}
				share := float64(changed) / float64(total)
				if rate == 1 {
					assert.GreaterOrEqual(t, share, tc.atOne, "rate 1")
				} else {
					assert.Greater(t, share, 0.3, "default rate")
					assert.Less(t, share, 0.95, "default rate")
				}
			}
		})
	}
}

// letters returns the letters and digits of s, lower-cased when fold.
func letters(s string, fold bool) string {
	if fold {
		s = strings.ToLower(s)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r > 127)
	}), "")
}

// TestContractionNoise: at rate 1 every contraction and long form that
// textaug.Contraction can switch is switched, and the negations stay.
func TestContractionNoise(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"I'm not sure", "I am not sure"},
		{"I am not sure", "I'm not sure"},
		{"I cannot find it", "I can't find it"},
		{"Don’t do that", "Do not do that"},
		{"It is not here", "It's not here"},
		{"I know what it is.", "I know what it is."}, // a word must follow
		{"my card", "my card"},
	} {
		got := contractionNoise(rand.New(rand.NewPCG(1, 1)), tc.in, 1)
		assert.Equal(t, tc.want, got, tc.in)
	}
}

// TestPunctNoise pins punctuation noise at rate 1.
func TestPunctNoise(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 1))
	assert.Equal(t, "Hi there I lost 3.5 GBP", dropMarks(r, "Hi there, I lost 3.5 GBP!", 1))
	assert.Equal(t, "wait really", dropMarks(r, "wait ... really", 1))
	q := punctNoise(r, "Where is my card", 1, false)
	assert.True(t, strings.HasSuffix(q, "card?"), q)
	assert.Equal(t, "我的卡到了。", punctNoise(r, "我的卡，到了", 1, true))
	assert.Equal(t, "好，不好", punctNoise(r, "好，不好", 1, true)[:len("好，不好")], "next to a negation")
	assert.Equal(t, "ca!no e.g it's", dropMarks(r, "ca!no e.g. it's", 1), "inside words")
	assert.Equal(t, "余额是100", punctNoise(r, "余额是100", 1, true), "no mark after a figure")
	commas := 0
	for range 30 {
		got := punctNoise(r, "my card is lost", 1, false)
		assert.LessOrEqual(t, strings.Count(got, ","), 1, got)
		assert.True(t, strings.HasSuffix(got, "lost."), got)
		commas += strings.Count(got, ",")
	}
	assert.Greater(t, commas, 3, "a comma a third as often")
	assert.Less(t, commas, 20, "a comma a third as often")
}

// TestNoiseChinese: Chinese texts get punct noise only.
func TestNoiseChinese(t *testing.T) {
	zh := []string{"我的卡不见了，怎么办？", "帮我查一下余额"}
	out, err := Noise{Kinds: []string{NoiseTypo, NoiseCase, NoiseContraction}, Rate: 1}.Apply(zh)
	require.NoError(t, err)
	assert.Equal(t, zh, out)
	out, err = Noise{Kinds: []string{NoisePunct}, Rate: 1}.Apply(zh)
	require.NoError(t, err)
	assert.Equal(t, []string{"我的卡不见了怎么办", "帮我查一下余额。"}, out)
}

// TestTypo: every typo changes the word by one keystroke, keeps the case
// of its first letter and uses the layout's neighbours; negations and
// figures are never mistyped.
func TestTypo(t *testing.T) {
	kb, err := lexdata.Keyboard("qwerty")
	require.NoError(t, err)
	r := rand.New(rand.NewPCG(2, 2))
	for _, w := range []string{"card", "Visa", "aaa", "PIN", "refund"} {
		for range 50 {
			got := typo(r, kb, w)
			assert.NotEqual(t, w, got)
			assert.True(t, asciiLetters(got), got)
			assert.LessOrEqual(t, abs(len(got)-len(w)), 1, got)
			assert.Equal(t, w[0] < 'a', got[0] < 'a', "case of the first letter: %s -> %s", w, got)
		}
	}
	for range 50 {
		got := typo(r, kb, "qq") // no transposition; q's neighbours are w and a
		assert.Regexp(t, `^(q|qqq|[wa]q|q[wa])$`, got)
	}
	assert.Equal(t, "do not Never", typoNoise(r, kb, "do not Never", 1))
	assert.Equal(t, "didn't 123", typoNoise(r, kb, "didn't 123", 1))
}

func abs(x int) int { return max(x, -x) }

// TestNoiseSample prints noisy banking77 test texts (go test -v -run
// NoiseSample), for reading the model.
func TestNoiseSample(t *testing.T) {
	te := shareddata.Read(t, "banking77", "test", 0)
	var in []string
	for i := 0; i < len(te.Texts) && len(in) < 10; i += 307 {
		in = append(in, te.Texts[i])
	}
	n, err := ParseNoise("all")
	require.NoError(t, err)
	out, err := n.Apply(in)
	require.NoError(t, err)
	changed := 0
	for i := range in {
		t.Logf("%q\n  -> %q", in[i], out[i])
		if in[i] != out[i] {
			changed++
		}
	}
	assert.GreaterOrEqual(t, changed, 8)
}

func ExampleNoise_Apply() {
	n, err := ParseNoise("typo,case,contraction,punct")
	if err != nil {
		fmt.Println(err)
		return
	}
	n.Seed = 1
	out, err := n.Apply([]string{
		"I'm still waiting for my card, it's been 2 weeks.",
		"Why can't I transfer $1,000 to my friend?",
		"I do not recognise this payment of 20% extra.",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range out {
		fmt.Println(t)
	}
	// Output:
	// i'm still waiting for my card it's been 2 weeks.
	// why can't i transfer $1,000 to my, friend
	// I do not recognise this payment of 20% extra
}

// FuzzNoise: on any text, every kind at the highest and the default rate
// keeps figures and negations, and valid UTF-8 stays valid.
func FuzzNoise(f *testing.F) {
	for _, t := range noisyFixture {
		f.Add(t, uint64(1))
	}
	f.Add("我的卡，没到 100元。", uint64(2))
	f.Add("now bot nor ,,, 1.2.3 ’s it's been", uint64(3))
	f.Add("I ca!no 00000", uint64(4)) // dropping "!" would join "ca" and "no"
	f.Add("c'!no", uint64(5))         // or "c'" and "no"
	f.Add("A，没 好，不好", uint64(6))      // or "A" and "没", or "好" and "不"
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		for _, rate := range []float64{1, 0} {
			out, err := Noise{Kinds: noiseKinds[:], Rate: rate, Seed: seed}.Apply([]string{text})
			require.NoError(t, err)
			o := out[0]
			assert.Equal(t, figures.FindAllString(text, -1), figures.FindAllString(o, -1), "%q -> %q", text, o)
			assert.Equal(t, negationCount(text), negationCount(o), "%q -> %q", text, o)
			if utf8.ValidString(text) {
				assert.True(t, utf8.ValidString(o), "%q -> %q", text, o)
			}
		}
	})
}

// FuzzParseNoise: ParseNoise never panics, and what it accepts prints back
// to itself.
func FuzzParseNoise(f *testing.F) {
	for _, s := range []string{"typo,case", "all", "", "punct,,", " contraction ", "typo,x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNoise(s)
		if err != nil {
			assert.Contains(t, err.Error(), "eval: noise: kind ")
			return
		}
		back, err := ParseNoise(n.String())
		require.NoError(t, err)
		assert.Equal(t, n, back)
	})
}
