package textaug_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

var update = flag.Bool("update", false, "rewrite the golden files in ../testdata/golden")

// everything is a pipeline that uses every strategy, at a high rate, so
// that protection is tested hard.
func everything(rate float64) textaug.Edit {
	return textaug.OneOf{Edits: []textaug.Edit{
		textaug.EDA(table, rate),
		textaug.Chain{textaug.SynonymReplace{Source: table, Rate: rate}, textaug.RandomSwap{Rate: rate}, textaug.RandomDelete{Rate: rate}},
		textaug.Punctuation{},
	}}
}

func sampler(k int, seed uint64) textaug.Sampler {
	return textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.EDA(table, 0.1)}, K: k, Seed: seed}
}

func TestSamplerGivesKDistinctVariantsNeverTheInput(t *testing.T) {
	full := 0
	for _, s := range sentences {
		res, err := sampler(9, 1).Sample(context.Background(), "", s)
		require.NoError(t, err)
		assert.Equal(t, 9, len(res.Variants)+res.Shortfall, s)
		if res.Shortfall == 0 {
			full++
		} else {
			assert.Contains(t, res.Reason, "distinct variants in", s)
		}
		seen := map[string]bool{strings.Join(strings.Fields(s), " "): true}
		for _, v := range res.Variants {
			n := strings.Join(strings.Fields(v.Text), " ")
			assert.False(t, seen[n], "duplicate or original %q", v.Text)
			seen[n] = true
			assert.NotEmpty(t, v.Ops)
		}
	}
	// A sentence made mostly of figures has few free words; the others
	// have enough for nine variants from the small test table.
	assert.GreaterOrEqual(t, full, 8)
}

func TestSamplerIsDeterministicAndPrefixStable(t *testing.T) {
	ctx := context.Background()
	for _, s := range sentences {
		a, err := sampler(5, 42).Sample(ctx, "", s)
		require.NoError(t, err)
		b, err := sampler(5, 42).Sample(ctx, "", s)
		require.NoError(t, err)
		assert.Equal(t, a, b)
		three, err := sampler(3, 42).Sample(ctx, "", s)
		require.NoError(t, err)
		// A sentence with few free words may have fewer than three.
		assert.Equal(t, a.Variants[:min(3, len(a.Variants))], three.Variants, "K=3 is a prefix of K=5")
		other, err := sampler(5, 43).Sample(ctx, "", s)
		require.NoError(t, err)
		if len(a.Variants) > 1 { // one possible variant is the same under every seed
			assert.NotEqual(t, a.Variants, other.Variants, "another seed, other variants")
		}
	}
}

func TestSamplerIndependentOfOrderAndConcurrency(t *testing.T) {
	ctx := context.Background()
	want := map[string]textaug.Result{}
	for _, s := range sentences {
		res, err := sampler(4, 7).Sample(ctx, "", s)
		require.NoError(t, err)
		want[s] = res
	}
	rev := slices.Clone(sentences)
	slices.Reverse(rev)
	var mu sync.Mutex
	got := map[string]textaug.Result{}
	var wg sync.WaitGroup
	for _, s := range append(rev, rev...) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res, err := sampler(4, 7).Sample(ctx, "", s)
			assert.NoError(t, err)
			mu.Lock()
			got[s] = res
			mu.Unlock()
		}()
	}
	wg.Wait()
	assert.Equal(t, want, got)
}

func TestSamplerBadInput(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name, text, reason string
		short              int
	}{
		{"empty", "", "empty text", 4},
		{"white space", " \t\r\n ", "empty text", 4},
		{"only protected tokens", "$5 12345 3% 2024-01-01", "no editable word", 4},
		{"only a negation", "not", "no editable word", 4},
		{"punctuation", "?!...", "no editable word", 4},
		{"one word", "hello", "only 0 distinct variants in 26 attempts", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res, err := sampler(4, 1).Sample(ctx, "", c.text)
			require.NoError(t, err)
			assert.Empty(t, res.Variants)
			assert.Equal(t, c.short, res.Shortfall)
			assert.Equal(t, c.reason, res.Reason)
		})
	}
	t.Run("invalid UTF-8", func(t *testing.T) {
		_, err := sampler(4, 1).Sample(ctx, "", "my card\xff is lost")
		var ie *textaug.InputError
		require.ErrorAs(t, err, &ie)
		assert.Equal(t, 7, ie.Offset)
		assert.ErrorIs(t, err, textaug.ErrInvalidUTF8)
		assert.Equal(t, "textaug: byte 7: invalid UTF-8", err.Error())
	})
	t.Run("control characters", func(t *testing.T) {
		s := "my card\x00 was\x07 blocked\x1b yesterday"
		res, err := sampler(4, 1).Sample(ctx, "", s)
		require.NoError(t, err)
		assert.NotEmpty(t, res.Variants)
		for _, v := range res.Variants {
			for _, c := range []string{"\x00", "\x07", "\x1b"} {
				assert.Contains(t, v.Text, c)
			}
		}
	})
	t.Run("one megabyte sentence", func(t *testing.T) {
		s := strings.Repeat("I lost my card and cannot pay 5 dollars today. ", 1<<20/47)
		res, err := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.RandomSwap{Max: 3}}, K: 2, Seed: 1}.Sample(ctx, "", s)
		require.NoError(t, err)
		assert.Len(t, res.Variants, 2)
		assert.Equal(t, strings.Count(s, "5 dollars"), strings.Count(res.Variants[0].Text, "5 dollars"))
	})
	t.Run("no augmenter", func(t *testing.T) {
		_, err := textaug.Sampler{K: 1}.Sample(ctx, "", "hello there")
		assert.Error(t, err)
	})
}

// protected returns the texts of the tokens of s that no strategy may touch.
func protected(t testing.TB, s string) []string {
	var out []string
	for _, tk := range analyse(t, s, nil) {
		if tk.Kind == tokenize.Space || tk.Kind == tokenize.Punct {
			continue
		}
		if tk.Lock&tokenize.Frozen == tokenize.Frozen {
			out = append(out, tk.Text)
		}
	}
	return out
}

// checkProtected fails unless every protected token of s (see protected)
// survives in v: v has at least as many tokens holding its exact bytes as
// s has copies of it. A token may hold it with more around it when an edit
// removed a glued neighbour ("Aa#00" -> "#00").
func checkProtected(t testing.TB, s, v string) {
	t.Helper()
	want := map[string]int{}
	for _, p := range protected(t, s) {
		want[p]++
	}
	vt := tokenize.Tokenize(v)
	if tokenize.Language(s) == "zh" {
		var err error
		vt, err = tokenize.Chinese{}.Tokenize(v)
		require.NoError(t, err)
	}
	for p, n := range want {
		have := 0
		for _, tk := range vt {
			have += strings.Count(tk.Text, p)
		}
		if have < n {
			t.Errorf("%q -> %q: protected %q occurs %d times, want %d", s, v, p, have, n)
		}
	}
}

func TestProtectedSpansSurviveEveryVariant(t *testing.T) {
	ctx := context.Background()
	for _, rate := range []float64{0.1, 0.5, 1} {
		smp := textaug.Sampler{Aug: textaug.Tokens{Edit: everything(rate)}, K: 20, Seed: 3}
		for _, s := range sentences {
			res, err := smp.Sample(ctx, "", s)
			require.NoError(t, err)
			require.NotEmpty(t, res.Variants)
			for _, v := range res.Variants {
				checkProtected(t, s, v.Text)
				for _, neg := range []string{"not", "n't", "never", "without", "hardly"} {
					assert.GreaterOrEqual(t, strings.Count(v.Text, neg), strings.Count(s, neg), "%q -> %q", s, v.Text)
				}
			}
		}
	}
}

func TestKeepListsAndPatterns(t *testing.T) {
	p := &textaug.Policy{Keep: []string{"apple pay", "top-up"}}
	toks := analyse(t, "Why did my Apple Pay top-up fail yesterday", p)
	for _, tk := range toks {
		switch strings.ToLower(tk.Text) {
		case "apple", "pay", "top-up":
			assert.Equal(t, tokenize.Frozen, tk.Lock&tokenize.Frozen, tk.Text)
		}
	}
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: everything(0.5), Policy: p}, K: 20, Seed: 1}
	res, err := smp.Sample(context.Background(), "", "Why did my Apple Pay top-up fail yesterday")
	require.NoError(t, err)
	for _, v := range res.Variants {
		assert.Contains(t, v.Text, "Apple Pay", "nothing inserted inside a kept phrase")
		assert.Contains(t, v.Text, "top-up")
	}
}

func FuzzSamplerProtection(f *testing.F) {
	for _, s := range sentences {
		f.Add(s, uint64(1))
	}
	f.Add("\xff", uint64(0))
	f.Add("", uint64(0))
	smp := func(seed uint64) textaug.Sampler {
		return textaug.Sampler{Aug: textaug.Tokens{Edit: everything(0.3)}, K: 3, Seed: seed, MaxTries: 12}
	}
	f.Fuzz(func(t *testing.T, s string, seed uint64) {
		res, err := smp(seed).Sample(context.Background(), "", s)
		if err != nil {
			var ie *textaug.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if len(res.Variants)+res.Shortfall != 3 {
			t.Fatalf("variants %d + shortfall %d != 3", len(res.Variants), res.Shortfall)
		}
		for _, v := range res.Variants {
			if strings.Join(strings.Fields(v.Text), " ") == strings.Join(strings.Fields(s), " ") {
				t.Fatalf("variant equals input %q", s)
			}
			checkProtected(t, s, v.Text)
		}
	})
}

// TestGolden guards reproducibility: the same seed must give the same
// variants across releases. A change to this file is a reviewed,
// documented break (see the reproducibility contract in docs/protection.md);
// rewrite it with `go test ./textaug -run TestGolden -update`.
func TestGolden(t *testing.T) {
	var b strings.Builder
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: everything(0.2)}, K: 4, Seed: 2026}
	for _, s := range sentences {
		res, err := smp.Sample(context.Background(), "", s)
		require.NoError(t, err)
		fmt.Fprintf(&b, "%s\n", s)
		for _, v := range res.Variants {
			fmt.Fprintf(&b, "\t%d\t%s\t%s\n", v.Attempt, strings.Join(v.Ops, "+"), v.Text)
		}
	}
	path := filepath.Join("..", "testdata", "golden", "sampler.txt")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), b.String())
}

func TestAnchorsStayButMayBeReplaced(t *testing.T) {
	p := &textaug.Policy{Anchors: []string{"rose"}}
	toks := analyse(t, "Operating profit rose sharply", p)
	for _, tk := range toks {
		if tk.Text == "rose" {
			assert.Equal(t, tokenize.LockDelete|tokenize.LockMove, tk.Lock&tokenize.Frozen)
		}
	}
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.OneOf{Edits: []textaug.Edit{textaug.RandomSwap{Rate: 1}, textaug.RandomDelete{Rate: 1}, textaug.SynonymReplace{Source: table, Rate: 1}}}, Policy: p}, K: 10, Seed: 1}
	res, err := smp.Sample(context.Background(), "", "Operating profit rose sharply")
	require.NoError(t, err)
	replaced := false
	for _, v := range res.Variants {
		w := strings.Fields(strings.ToLower(v.Text))
		ok := slices.Contains(w, "rose") || slices.Contains(w, "climbed") || slices.Contains(w, "increased")
		assert.True(t, ok, v.Text)
		replaced = replaced || !slices.Contains(w, "rose")
		if i := slices.Index(w, "rose"); i >= 0 && len(w) == 4 {
			assert.Equal(t, 2, i, "never moved: %q", v.Text)
		}
	}
	assert.True(t, replaced, "an anchor may still be replaced by a synonym")
}

func TestVariantsEqualUpToWhiteSpaceAreOne(t *testing.T) {
	// A Draw that only changes white space never yields a variant.
	spacer := drawFunc(func(r *rand.Rand) (string, []string) {
		return []string{"I  lost my card", " I lost my card", "I lost\tmy card ", "I lost my\u00a0card"}[r.IntN(4)], []string{"space"}
	})
	res, err := textaug.Sampler{Aug: spacer, K: 2, Seed: 1}.Sample(context.Background(), "", "I lost my card")
	require.NoError(t, err)
	assert.Empty(t, res.Variants)
	assert.Equal(t, 2, res.Shortfall)
}

// drawFunc is an Augmenter from a Draw.
type drawFunc func(r *rand.Rand) (string, []string)

func (d drawFunc) Prepare(context.Context, string) (textaug.Draw, error) { return d, nil }

// Why: nothing is inserted beside a figure, even after punctuation
// ("changed: varied USD 3 million" was possible).
func TestNothingInsertedBesideAFigure(t *testing.T) {
	src := synonyms.NewTable([]synonyms.Entry{{Word: "changed", Synonyms: []string{"varied"}}, {Word: "profit", Synonyms: []string{"income"}}}, nil)
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.RandomInsert{Source: src, Rate: 1}}, K: 20, Seed: 1}
	res, err := smp.Sample(context.Background(), "", "Profit changed: USD 3 million vs USD 3.1 million.")
	require.NoError(t, err)
	require.NotEmpty(t, res.Variants)
	for _, v := range res.Variants {
		assert.Contains(t, v.Text, ": USD 3 million vs USD 3.1 million.", v.Text)
	}
}
