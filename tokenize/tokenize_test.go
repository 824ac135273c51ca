package tokenize_test

import (
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/tokenize"
)

type kt struct {
	text string
	kind tokenize.Kind
}

// nonSpace lists the non-space tokens of s as (text, kind).
func nonSpace(s string) []kt {
	var out []kt
	for _, t := range tokenize.Tokenize(s) {
		if t.Kind != tokenize.Space {
			out = append(out, kt{t.Text, t.Kind})
		}
	}
	return out
}

// find returns the kind of the token whose text is want, or fails.
func kindOf(t *testing.T, s, want string) tokenize.Kind {
	t.Helper()
	for _, k := range nonSpace(s) {
		if k.text == want {
			return k.kind
		}
	}
	t.Fatalf("no token %q in %q: %v", want, s, nonSpace(s))
	return 0
}

func TestKinds(t *testing.T) {
	W, C, N, M, P, D, I, U, E, J, X := tokenize.Word, tokenize.Contraction, tokenize.Number, tokenize.Money,
		tokenize.Percent, tokenize.Date, tokenize.Identifier, tokenize.URL, tokenize.Email, tokenize.Emoji, tokenize.Punct
	cases := []struct {
		name, text, token string
		kind              tokenize.Kind
	}{
		{"thousands and decimals", "sales of 1,234.56 units", "1,234.56", N},
		{"negative number", "a change of -3 points", "-3", N},
		{"decimal", "up 25.8 from", "25.8", N},
		{"ordinal", "on the 1st floor", "1st", N},
		{"number with magnitude", "3 million users", "3 million", N},
		{"code before amount with magnitude", "rose to EUR 25.8 mn from", "EUR 25.8 mn", M},
		{"dollar billions glued", "a $1.2bn deal", "$1.2bn", M},
		{"euro sign", "costs €5 now", "€5", M},
		{"code and million", "USD 3 million", "USD 3 million", M},
		{"amount then currency word", "I paid 20 dollars", "20 dollars", M},
		{"negative amount", "balance is -$5.", "-$5", M},
		{"pound sign with decimals", "a £3.50 fee", "£3.50", M},
		{"percent sign", "fell 3% today", "3%", P},
		{"percent word", "fell 3 percent today", "3 percent", P},
		{"per cent", "up 2 per cent", "2 per cent", P},
		{"basis points", "cut 25 basis points", "25 basis points", P},
		{"iso date", "on 2024-03-05 we", "2024-03-05", D},
		{"slashed date", "due 03/05/2024 ok", "03/05/2024", D},
		{"day month year", "on 5 March 2024 we", "5 March 2024", D},
		{"month day year", "on March 5, 2024 we", "March 5, 2024", D},
		{"time", "at 10:30 today", "10:30", D},
		{"time with meridiem", "at 10:30 am today", "10:30 am", D},
		{"glued meridiem", "at 3pm today", "3pm", D},
		{"card number", "card 4111 1111 1111 1111 blocked", "4111 1111 1111 1111", I},
		{"dashed card number", "card 4111-1111-1111-1111 blocked", "4111-1111-1111-1111", I},
		{"phone", "call +44 20 7946 0958 now", "+44 20 7946 0958", I},
		{"order number", "order 12345678 missing", "12345678", I},
		{"hash order number", "order #12345 missing", "#12345", I},
		{"alphanumeric reference", "ref ORD-2024-001 missing", "ORD-2024-001", I},
		{"cashtag", "buy $AAPL now", "$AAPL", I},
		{"exchange ticker", "NASDAQ:AAPL rose", "NASDAQ:AAPL", I},
		{"handle", "ask @bank_help please", "@bank_help", I},
		{"url", "see https://example.com/a?b=1.", "https://example.com/a?b=1", U},
		{"www url", "visit www.example.com today", "www.example.com", U},
		{"email", "mail john.doe@example.com now", "john.doe@example.com", E},
		{"emoji with skin tone", "great 👍🏽 thanks", "👍🏽", J},
		{"flag", "in 🇬🇧 today", "🇬🇧", J},
		{"emoticon", "thanks :) bye", ":)", J},
		{"hyphenated word", "a top-up failed", "top-up", W},
		{"abbreviation", "the U.S. market", "U.S.", W},
		{"ellipsis", "well... ok", "...", X},
		{"contraction n't", "I can't pay", "n't", C},
		{"possessive", "the bank's fee", "'s", C},
		{"curly apostrophe", "I don’t know", "n’t", C},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.kind, kindOf(t, c.text, c.token), "%v", nonSpace(c.text))
		})
	}
}

func TestContractionsKeepTheirMeaning(t *testing.T) {
	cases := map[string][]string{
		"can't":  {"ca", "n't"},
		"won't":  {"wo", "n't"},
		"don't":  {"do", "n't"},
		"I'm":    {"I", "'m"},
		"we'll":  {"we", "'ll"},
		"cannot": {"cannot"},
		"O'Neil": {"O'Neil"},
	}
	for in, want := range cases {
		var got []string
		for _, k := range nonSpace(in) {
			got = append(got, k.text)
		}
		assert.Equal(t, want, got, in)
		assert.NotContains(t, tokenize.Join(tokenize.Tokenize(in)), "cant")
	}
}

func TestSpans(t *testing.T) {
	s := "  Profit rose\t3%,\r\nto €5bn.  "
	toks := tokenize.Tokenize(s)
	require.Equal(t, s, tokenize.Join(toks))
	pos := 0
	for _, tk := range toks {
		assert.Equal(t, pos, tk.Start, "tokens are contiguous")
		assert.Equal(t, s[tk.Start:tk.End], tk.Text)
		assert.NotEmpty(t, tk.Text)
		pos = tk.End
	}
	assert.Equal(t, len(s), pos)
}

func TestRoundTripOddInput(t *testing.T) {
	for _, s := range []string{
		"", " ", "\x00\x01\x7f", "bad\xffutf8\xc3", "a\u200bb", "\ufeffBOM first",
		strings.Repeat("word ", 10000), "$", "$$5", "-", "+", "1.", ".5", "5.", "@", "#", "www.", "http://",
		"a@b", "x@y.z", "1,", "1,2,3", "12:", "::", "A.B", "a.b.c.", "🇬", "👍\u200d", "\u200d", "n't", "'s",
		"EUR", "EUR 5", "5 March", "March", "3 per", "3 percentage points", "2019-2020", "1-2-3-4-5",
	} {
		assert.Equal(t, s, tokenize.Join(tokenize.Tokenize(s)), "%q", s)
	}
}

func FuzzTokenizeRoundTrip(f *testing.F) {
	for _, s := range []string{"I can't find my card!", "EUR 25.8 mn", "$AAPL fell 3%", "\xff", "5 March 2024, 10:30 am", "👍🏽 :)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize.Tokenize(s)
		if got := tokenize.Join(toks); got != s {
			t.Fatalf("Join(Tokenize(%q)) = %q", s, got)
		}
		pos := 0
		for _, tk := range toks {
			if tk.Start != pos || tk.End <= tk.Start || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad span %+v at %d in %q", tk, pos, s)
			}
			if tk.Kind == tokenize.Space && strings.TrimSpace(tk.Text) != "" && utf8.ValidString(tk.Text) {
				if strings.Trim(tk.Text, " \t\r\n\v\f\u0085\u00a0\u200b\ufeff\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000") != "" {
					t.Fatalf("space token %q is not white space", tk.Text)
				}
			}
			pos = tk.End
		}
		if pos != len(s) {
			t.Fatalf("tokens cover %d of %d bytes", pos, len(s))
		}
	})
}

func TestEnglishTagsOncePerText(t *testing.T) {
	toks, err := tokenize.English{}.Tokenize("I lost my credit card yesterday.")
	require.NoError(t, err)
	tags := map[string]string{}
	for _, tk := range toks {
		if tk.Kind != tokenize.Space {
			assert.NotEmpty(t, tk.Tag, tk.Text)
			tags[tk.Text] = tk.Tag
		}
	}
	assert.Equal(t, "VBD", tags["lost"])
	assert.Equal(t, "NN", tags["card"])
	assert.Equal(t, "PRP$", tags["my"])
}

// Why: "per", "percentage" and "basis" make a percent only with their
// second word; a text ending in "3 per" is a number and a word (fuzz find).
func TestPercentNeedsItsSecondWord(t *testing.T) {
	for _, s := range []string{"0210 per ", "3 per", "5 basis", "2 percentage"} {
		for _, k := range nonSpace(s) {
			assert.NotEqual(t, tokenize.Percent, k.kind, "%q: %v", s, nonSpace(s))
		}
	}
	assert.Equal(t, tokenize.Percent, kindOf(t, "up 2 percentage points", "2 percentage points"))
}

// A Token takes 56 bytes on a 64-bit machine: the three byte-sized fields
// share one word (a 900 KB row has about 300,000 tokens; see
// docs/performance.md).
func TestTokenSize(t *testing.T) {
	if unsafe.Sizeof(uintptr(0)) != 8 {
		t.Skip("the layout is measured on 64-bit machines")
	}
	assert.Equal(t, uintptr(56), unsafe.Sizeof(tokenize.Token{}))
}
