package textaug_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/textaug/lexdata"
	"github.com/textaug/textaug/tokenize"
)

func swapped(t *testing.T, e textaug.Edit, s string, seed uint64, p *textaug.Policy) string {
	t.Helper()
	return tokenize.Join(e.Edit(rand.New(rand.NewPCG(seed, 11)), analyse(t, s, p)))
}

func TestEntitySwapConsistentAndSameKind(t *testing.T) {
	s := "Nokia raised its outlook and Nokia shares rose in Helsinki, Anna Virtanen said; Goldman Sachs agreed."
	names := lexdata.Names()
	for seed := range uint64(50) {
		v := swapped(t, textaug.EntitySwap{}, s, seed, nil)
		f := strings.Fields(v)
		assert.Equal(t, f[0], f[5], "one name, one replacement: %q", v)
		n, ents := names.Match(f[:1])
		require.Equal(t, 1, n, v)
		assert.Equal(t, lexdata.Entity{Name: f[0], Kind: lexdata.Company, Group: "technology"}, ents[0])
		assert.NotContains(t, v, "Nokia")
		assert.NotContains(t, v, "Helsinki")
		assert.NotContains(t, v, "Goldman Sachs")
		m := regexp.MustCompile(`rose in (.+?), `).FindStringSubmatch(v)
		require.NotNil(t, m, v)
		_, city := names.Match(strings.Fields(m[1]))
		if assert.NotEmpty(t, city, v) {
			assert.Equal(t, "city", city[0].Group, "a city becomes a city: %q", v)
		}
		assert.True(t, strings.HasSuffix(v, "agreed."), v)
	}
}

func TestEntitySwapKindsAndKeep(t *testing.T) {
	s := "My Apple Pay top-up failed, Apple and Revolut said in London."
	p := &textaug.Policy{Keep: []string{"Apple Pay"}}
	for seed := range uint64(30) {
		v := swapped(t, textaug.EntitySwap{Policy: p, Kinds: []string{lexdata.Place}}, s, seed, p)
		assert.True(t, strings.HasPrefix(v, "My Apple Pay top-up failed, Apple and Revolut said in "), "only places: %q", v)
		assert.NotContains(t, v, "London")
		v = swapped(t, textaug.EntitySwap{Policy: p}, s, seed, p)
		assert.True(t, strings.HasPrefix(v, "My Apple Pay top-up failed, Apple and "), "kept phrase, and so the name everywhere: %q", v)
		assert.NotContains(t, v, "Revolut")
	}
	assert.Equal(t, "我在赫尔辛基用诺基亚", swapped(t, textaug.EntitySwap{}, "我在赫尔辛基用诺基亚", 1, nil), "no Chinese names in the lists")
	assert.Equal(t, "green energy for young people in hall 3", swapped(t, textaug.EntitySwap{}, "green energy for young people in hall 3", 1, nil), "names are matched as written")
	assert.Equal(t, "Mark the payment as done", swapped(t, textaug.EntitySwap{}, "Mark the payment as done", 1, nil), "a given name that the tagger calls a verb")
	for _, s := range []string{"Can I top up from my Apple Watch?", "He works at Nokia Siemens Networks now.", "It trades on OMX Helsinki today.", "Homes of YIT Home are sold where YIT works."} {
		assert.Equal(t, s, swapped(t, textaug.EntitySwap{}, s, 1, nil), "a name inside a longer proper name stays")
	}
	kinds, err := textaug.ParseEntityKinds("person, company")
	require.NoError(t, err)
	assert.Equal(t, []string{"given", "family", "company"}, kinds)
	_, err = textaug.ParseEntityKinds("planet")
	assert.EqualError(t, err, `textaug: unknown kind "planet" (have person, given, family, company, place)`)
}

func TestNumberSwapKeepsKindFormatAndOrder(t *testing.T) {
	s := "Operating profit rose to EUR 25.8 mn from EUR 19.3 mn in 2007, up 3.5%; 1,234 shares sold on 2024-03-05 at 10:30 for $1,200.50, order #A1234, 3 cards, 1 fee."
	money := regexp.MustCompile(`EUR (\d+\.\d) mn from EUR (\d+\.\d) mn`)
	for seed := range uint64(100) {
		v := swapped(t, textaug.NumberSwap{}, s, seed, nil)
		m := money.FindStringSubmatch(v)
		require.NotNil(t, m, "currency, scale and one decimal kept: %q", v)
		assert.Greater(t, atof(t, m[1]), atof(t, m[2]), "a rise stays a rise: %q", v)
		assert.Contains(t, v, "up 3.5%", "percents stay by default")
		assert.Regexp(t, `in (19|20)\d\d, `, v)
		assert.Regexp(t, `; \d{1,3}(,\d{3})* shares sold on \d{4}-\d\d-\d\d at \d\d:\d\d for \$\d{1,3}(,\d{3})*\.\d\d, order #A[1-9]\d{3}, \d+ cards, 1 fee\.$`, v)
		assert.NotRegexp(t, ` [01] cards`, v, "a plural count stays plural")
		assert.NotEqual(t, s, v)
	}
}

func TestNumberSwapKinds(t *testing.T) {
	s := "Net sales fell 3.5% to EUR 120 mn on 5 March 2024, invoice 88123."
	kinds, err := textaug.ParseNumberKinds("date, identifier")
	require.NoError(t, err)
	for seed := range uint64(30) {
		v := swapped(t, textaug.NumberSwap{Kinds: kinds}, s, seed, nil)
		assert.True(t, strings.HasPrefix(v, "Net sales fell 3.5% to EUR 120 mn on "), "percent and money frozen: %q", v)
		assert.Regexp(t, `on \d{1,2} [A-Z][a-z]+ \d{4}, invoice [1-9]\d{4}\.$`, v)
		v = swapped(t, textaug.NumberSwap{Kinds: []tokenize.Kind{tokenize.Percent}}, s, seed, nil)
		assert.Regexp(t, `^Net sales fell \d+\.\d% to EUR 120 mn on 5 March 2024, invoice 88123\.$`, v)
	}
	_, err = textaug.ParseNumberKinds("date, weight")
	assert.EqualError(t, err, `textaug: unknown kind "weight" (have number, money, percent, date, identifier)`)
}

func TestNumberSwapFinanceNews(t *testing.T) {
	s := "Operating loss amounted to EUR 0.7 mn compared to a profit of EUR 0.8 mn , 3.4 % of voting rights , TGK-10 , the 5-year plan , Windows 10 , HKSE : 0762 ."
	amounts := regexp.MustCompile(`EUR (\d+\.\d) mn compared to a profit of EUR (\d+\.\d) mn`)
	for seed := range uint64(100) {
		v := swapped(t, textaug.NumberSwap{}, s, seed, nil)
		if m := amounts.FindStringSubmatch(v); assert.NotNil(t, m, v) {
			assert.Less(t, atof(t, m[1]), atof(t, m[2]), "order kept after rounding: %q", v)
		}
		assert.Contains(t, v, "3.4 % of voting rights", "a number before %% is a percent, kept by default")
		assert.Contains(t, v, "TGK-10 , the 5-year plan , Windows 10 ,", "a number in a name stays")
		assert.Regexp(t, `HKSE : 0\d{3} \.$`, v, "a code keeps its leading zero and length")
	}
	for seed := range uint64(100) {
		v := swapped(t, textaug.NumberSwap{Kinds: []tokenize.Kind{tokenize.Percent}}, "About 72 % of shares and 96% of votes", seed, nil)
		m := regexp.MustCompile(`^About (\d+) % of shares and (\d+)% of votes$`).FindStringSubmatch(v)
		if assert.NotNil(t, m, v) {
			assert.Less(t, atof(t, m[1]), 100.0, v)
			assert.Less(t, atof(t, m[2]), 100.0, v)
		}
	}
}

func TestNumberSwapDates(t *testing.T) {
	cases := []struct{ in, pattern string }{
		{"on 2024-03-05 ok", `^on \d{4}-\d\d-\d\d ok$`},
		{"on 5 March 2024 ok", `^on \d{1,2} [A-Z][a-z]+ \d{4} ok$`},
		{"on March 5, 2024 ok", `^on [A-Z][a-z]+ \d{1,2}, \d{4} ok$`},
		{"on 05/03/2024 ok", `^on 05/03/\d{4} ok$`},     // either reading: whole years
		{"on 25/03/2024 ok", `^on \d\d/\d\d/\d{4} ok$`}, // day first
		{"at 10:30 ok", `^at \d\d:\d\d ok$`},
		{"at 3pm ok", `^at \d{1,2}pm ok|^at \d{1,2}am ok$`},
		{"on Monday, 5 March 2024 ok", `^on Monday, 5 March 2024 ok$`}, // weekday: unknown format
	}
	for _, c := range cases {
		for seed := range uint64(20) {
			v := swapped(t, textaug.NumberSwap{}, c.in, seed, nil)
			assert.Regexp(t, c.pattern, v, c.in)
		}
	}
	// one shift for the whole text: two equal dates stay equal
	v := swapped(t, textaug.NumberSwap{}, "from 2024-03-05 to 2024-03-05", 3, nil)
	f := strings.Fields(v)
	assert.Equal(t, f[1], f[3])
}

func TestNumberSwapPhoneNumbers(t *testing.T) {
	for seed := range uint64(30) {
		for _, s := range []string{"tel. +33 1 46 48 28 00 Aldata", "Call +44 20 7946 0958 now"} {
			v := swapped(t, textaug.NumberSwap{}, s, seed, nil)
			assert.Equal(t, s[:strings.IndexByte(s, '+')+3], v[:strings.IndexByte(s, '+')+3], "the country code stays: %q", v)
		}
	}
}

func TestNumberSwapKeepAndPatterns(t *testing.T) {
	p := &textaug.Policy{Patterns: []*regexp.Regexp{regexp.MustCompile(`#\w+`)}}
	for seed := range uint64(20) {
		v := swapped(t, textaug.NumberSwap{Policy: p}, "order #A1234 for $25.80", seed, p)
		assert.True(t, strings.HasPrefix(v, "order #A1234 for $"), v)
	}
}

func atof(t *testing.T, s string) float64 {
	t.Helper()
	var f float64
	var frac, div float64 = 0, 1
	seenDot := false
	for _, c := range s {
		switch {
		case c == '.':
			seenDot = true
		case seenDot:
			div *= 10
			frac += float64(c-'0') / div
		default:
			f = f*10 + float64(c-'0')
		}
	}
	return f + frac
}
