package lexdata_test

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug/lexdata"
)

func TestKeyboards(t *testing.T) {
	for _, name := range lexdata.LayoutNames() {
		t.Run(name, func(t *testing.T) {
			l, err := lexdata.Keyboard(name)
			require.NoError(t, err)
			assert.Equal(t, name, l.Name())
			for c := 'a'; c <= 'z'; c++ {
				near := l.Neighbours(c)
				assert.NotEmpty(t, near, "%c has no neighbours", c)
				for _, n := range near {
					// a finger that hits n instead of c could as well hit c instead of n
					assert.Contains(t, l.Neighbours(n), c, "%c is next to %c, not back", n, c)
				}
				up := l.Neighbours(c - 'a' + 'A')
				assert.Equal(t, strings.ToUpper(string(near)), string(up))
			}
			assert.Nil(t, l.Neighbours('7'))
		})
	}
	_, err := lexdata.Keyboard("dvorak")
	assert.ErrorContains(t, err, `lexdata: no keyboard layout "dvorak" (have qwerty, qwertz, azerty)`)
}

func TestParseLayout(t *testing.T) {
	l, err := lexdata.ParseLayout("mini", strings.NewReader("# two keys\na bsb\n\nb a\n"))
	require.NoError(t, err)
	assert.Equal(t, []rune{'b', 's'}, l.Neighbours('a'))
	assert.Equal(t, []rune{'B', 'S'}, l.Neighbours('A'))
	_, err = lexdata.ParseLayout("bad", strings.NewReader("a b\nab c\n"))
	assert.EqualError(t, err, `lexdata: layout bad: line 2: want a key and its neighbours, got "ab c"`)
	_, err = lexdata.ParseLayout("bad", strings.NewReader("a\n"))
	assert.ErrorContains(t, err, "line 1")
}

// The counts and sizes that the package doc states.
func TestListsAsDocumented(t *testing.T) {
	m := lexdata.CommonMisspellings()
	assert.Equal(t, 177, m.Len())
	assert.Equal(t, []string{"recieve", "recive"}, m.Of("receive"))
	assert.Nil(t, m.Of("zebra"))
	assert.True(t, lexdata.RiskyWords().Has("Now"))
	assert.Equal(t, 214, lexdata.RiskyWords().Len())
	for _, w := range m.Words() {
		for _, s := range m.Of(w) {
			assert.False(t, lexdata.RiskyWords().Has(s), "%s -> %s is a risky word", w, s)
			assert.NotEqual(t, w, s)
		}
	}
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	for _, f := range []string{"qwerty.txt", "qwertz.txt", "azerty.txt", "misspellings.txt", "risky.txt", "persons.txt", "companies.txt", "places.txt"} {
		st, err := os.Stat(f)
		require.NoError(t, err)
		assert.Regexp(t, `(?m)^//\s+`+strings.ReplaceAll(f, ".", `\.`)+`\s+`+commas(st.Size())+`\s`, string(doc), "doc states the size of %s", f)
	}
}

func commas(n int64) string {
	s := itoa(n)
	if len(s) > 3 {
		s = s[:len(s)-3] + "," + s[len(s)-3:]
	}
	return s
}

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestEntities(t *testing.T) {
	e := lexdata.Names()
	n, ents := e.Match([]string{"Stora", "Enso", "said"})
	assert.Equal(t, 2, n)
	assert.Equal(t, []lexdata.Entity{{Name: "Stora Enso", Kind: lexdata.Company, Group: "industry"}}, ents)
	n, ents = e.Match([]string{"Martin", "Smith"})
	assert.Equal(t, 1, n)
	assert.Len(t, ents, 2, "Martin is a given and a family name")
	n, _ = e.Match([]string{"apple"})
	assert.Zero(t, n, "case-sensitive")
	peers := e.Peers(lexdata.Entity{Name: "Nordea", Kind: lexdata.Company, Group: "bank"})
	assert.NotContains(t, peers, "Nordea")
	assert.Contains(t, peers, "Goldman Sachs")
	assert.NotContains(t, peers, "Nokia", "a bank becomes a bank")
	assert.True(t, e.Has("Enso"))
	assert.False(t, e.Has("enso"))
	counts := map[string]int{}
	for _, k := range []string{lexdata.Given, lexdata.Family} {
		counts[k] = len(e.Peers(lexdata.Entity{Kind: k}))
	}
	assert.Equal(t, map[string]int{lexdata.Given: 75, lexdata.Family: 46}, counts)
	companies := 0
	for _, g := range []string{"bank", "technology", "industry", "consumer", "energy", "telecom"} {
		companies += len(e.Peers(lexdata.Entity{Kind: lexdata.Company, Group: g}))
	}
	assert.Equal(t, 62, companies)
	assert.Len(t, e.Peers(lexdata.Entity{Kind: lexdata.Place, Group: "city"}), 39)
	assert.Len(t, e.Peers(lexdata.Entity{Kind: lexdata.Place, Group: "country"}), 27)
	assert.Len(t, e.Peers(lexdata.Entity{Kind: lexdata.Place, Group: "country-the"}), 4)
}
