package eval_test

import (
	"crypto/sha256"
	"encoding/hex"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/eval"
)

// TestLRSKey checks the two example keys of the lrs-v1 spec
// (shared/data/README.md, "Low-resource sampler", step 2).
func TestLRSKey(t *testing.T) {
	tests := []struct {
		seed int
		text string
		want string
	}{
		{0, "I am still waiting on my card?", "bc6a766b579b546f8f28c40c2fb918c8f42429d53787ab1eeabe48f7593fdc5f"},
		{0, "地址在哪里？", "870e59dedb4e1c61be7e14a81ed3eb64e031ced8c37389589cf837293f6415f4"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.Equal(t, tt.want, eval.LRSKeyHex(tt.seed, tt.text))
		})
	}
}

// TestLRSCheckValues reproduces every check value of the lrs-v1 spec: the
// number of rows kept and the SHA-256 of the kept lines, each followed by
// "\n", for N=10, S=0 and N=5, S=1 on the five shared datasets.
func TestLRSCheckValues(t *testing.T) {
	tests := []struct {
		dataset  string
		perClass int
		seed     int
		rows     int
		sha256   string
	}{
		{"banking77", 10, 0, 770, "33cad398116983c7fb0910bcd29de2eefc2356a702964681f1ed35112ab1bed4"},
		{"banking77", 5, 1, 385, "dee21c83db2882b53d4679ec12c49df7e4844649da1945d976447c830b0a751b"},
		{"financial_phrasebank_allagree", 10, 0, 30, "493a55eef791ec21067ee198e865a8b889b3d09d7314198611b5bf7a4393e97b"},
		{"financial_phrasebank_allagree", 5, 1, 15, "e367ba7a1162cde014df9288a98565874cabe97cfcc58720808330f6856f7a1c"},
		{"financial_phrasebank_50agree", 10, 0, 30, "32e13614f1bf2797f27a9161efd267302604b4cc765ba762a3596bea8a84145e"},
		{"financial_phrasebank_50agree", 5, 1, 15, "0c0b00013ef4cc518f28b6d5dd1ca86ba62736b16fa330bc70241b340314c309"},
		{"cped_sentiment_zh", 10, 0, 30, "9700f1e4ec417c5686965322970d6e57308563085af4d21883225315b7ec305d"},
		{"cped_sentiment_zh", 5, 1, 15, "a2907af389ee633e403447dee4ec7a94a70e23698851a45faa476706d96a9e91"},
		{"crosswoz_intent_zh", 10, 0, 140, "68706c3db04746fc2574df474cb815753cf3b2651d1a7a37540b5f2fef27348d"},
		{"crosswoz_intent_zh", 5, 1, 70, "c045e4651d8f31ce058f7d085a468ebfae82d3d0011ec915fc9b0f9b03445d32"},
	}
	for _, tt := range tests {
		t.Run(tt.dataset+"/N="+strconv.Itoa(tt.perClass)+",S="+strconv.Itoa(tt.seed), func(t *testing.T) {
			s := readSplit(t, tt.dataset, "train")
			idx := eval.LRS(s.Texts, s.Labels, tt.perClass, tt.seed)
			assert.Len(t, idx, tt.rows)
			assert.True(t, slices.IsSorted(idx), "indices ascending")
			h := sha256.New()
			for _, i := range idx {
				h.Write([]byte(s.Lines[i] + "\n"))
			}
			assert.Equal(t, tt.sha256, hex.EncodeToString(h.Sum(nil)))
		})
	}
}

// TestLRSFirstLine checks the spec's "first line selected for N = 10,
// S = 0" sanity lines.
func TestLRSFirstLine(t *testing.T) {
	tests := []struct{ dataset, line string }{
		{"banking77", `{"text": "I ordered my card but it still isn't here", "label": "card_arrival"}`},
		{"crosswoz_intent_zh", `{"text": "这家餐馆有什么好吃的推荐菜啊？", "label": "推荐菜"}`},
		{"cped_sentiment_zh", `{"text": "明天见", "label": "neutral"}`},
	}
	for _, tt := range tests {
		t.Run(tt.dataset, func(t *testing.T) {
			s := readSplit(t, tt.dataset, "train")
			idx := eval.LRS(s.Texts, s.Labels, 10, 0)
			require.NotEmpty(t, idx)
			assert.Equal(t, tt.line, s.Lines[idx[0]])
		})
	}
}

// TestLRSSmall pins the ordering rules on a hand-made table: keys decide
// the order within a label, equal texts (equal keys) keep index order, and
// a label with fewer rows than perClass is kept whole.
func TestLRSSmall(t *testing.T) {
	texts := []string{"a", "b", "c", "d", "e", "a", "f"}
	labels := []string{"x", "x", "x", "y", "x", "x", "z"}
	// Keys for seed 0, ascending per label x: sort the texts by key.
	order := []int{0, 1, 2, 4, 5}
	slices.SortStableFunc(order, func(a, b int) int {
		return strings.Compare(eval.LRSKeyHex(0, texts[a]), eval.LRSKeyHex(0, texts[b]))
	})
	// The duplicate "a" rows (0 and 5) must be adjacent, 0 first.
	pos0, pos5 := slices.Index(order, 0), slices.Index(order, 5)
	require.Equal(t, pos0+1, pos5)

	tests := []struct {
		name     string
		perClass int
		want     []int
	}{
		{"none", 0, nil},
		{"negative", -3, nil},
		{"one", 1, sorted(order[0], 3, 6)},
		{"two", 2, sorted(order[0], order[1], 3, 6)},
		{"all", 100, []int{0, 1, 2, 3, 4, 5, 6}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, eval.LRS(texts, labels, tt.perClass, 0))
		})
	}
}

// TestLRSNested checks the nesting property on a real dataset: for a
// fixed seed, a smaller subset is contained in a larger one; a large N
// keeps everything; another seed gives another subset.
func TestLRSNested(t *testing.T) {
	s := readSplit(t, "crosswoz_intent_zh", "train")
	prev := []int{}
	for _, n := range []int{1, 2, 5, 10, 20, 50} {
		cur := eval.LRS(s.Texts, s.Labels, n, 3)
		assert.Subset(t, cur, prev, "N=%d contains the smaller subset", n)
		prev = cur
	}
	assert.Len(t, eval.LRS(s.Texts, s.Labels, 1<<30, 3), len(s.Texts))
	assert.NotEqual(t, eval.LRS(s.Texts, s.Labels, 5, 3), eval.LRS(s.Texts, s.Labels, 5, 4))
}

// assertPrefixes checks that idx keeps, for every label, the same rows as
// LRS with N set to the number idx keeps of that label: LRSFraction and
// LRSTotal take per-label prefixes of the lrs-v1 order.
func assertPrefixes(t *testing.T, s split, idx []int, seed int) {
	t.Helper()
	lrs := make(map[int]map[string][]int) // by N
	for l, rows := range byLabel(s.Labels, idx) {
		n := len(rows)
		if lrs[n] == nil {
			lrs[n] = byLabel(s.Labels, eval.LRS(s.Texts, s.Labels, n, seed))
		}
		assert.Equal(t, lrs[n][l], rows, "label %s", l)
	}
}

// byLabel groups idx by the label of each row.
func byLabel(labels []string, idx []int) map[string][]int {
	m := make(map[string][]int)
	for _, i := range idx {
		m[labels[i]] = append(m[labels[i]], i)
	}
	return m
}

func TestCeilFraction(t *testing.T) {
	tests := []struct {
		name string
		f    float64
		n    int
		want int
	}{
		{"spec example", 0.05, 187, 10},
		{"decimal exact: float product 3.0000000000000004", 0.1, 30, 3},
		{"decimal exact: float product 3.0000000000000004 (0.3)", 0.3, 10, 3},
		{"decimal exact: float product 7.000000000000001", 0.07, 100, 7},
		{"just above an integer", 0.1001, 30, 4},
		{"tiny fraction keeps one", 1e-9, 5, 1},
		{"zero", 0, 10, 0},
		{"negative", -0.5, 10, 0},
		{"NaN", math.NaN(), 10, 0},
		{"one", 1, 10, 10},
		{"above one", 1.5, 10, 10},
		{"empty label", 0.5, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, eval.CeilFraction(tt.f, tt.n))
		})
	}
}

// TestLRSFraction checks the per-label counts and that they are lrs-v1
// prefixes.
func TestLRSFraction(t *testing.T) {
	s := readSplit(t, "financial_phrasebank_allagree", "train")
	counts := labelCounts(s.Labels)
	for _, f := range []float64{0.01, 0.05, 0.1, 0.5} {
		idx := eval.LRSFraction(s.Texts, s.Labels, f, 2)
		got := labelCounts(pick(s.Labels, idx))
		for l, n := range counts {
			assert.Equal(t, eval.CeilFraction(f, n), got[l], "f=%v label %s", f, l)
		}
		assertPrefixes(t, s, idx, 2)
	}
}

func TestTotalQuotas(t *testing.T) {
	tests := []struct {
		name  string
		sizes []int // labels in string order
		n     int
		want  []int
	}{
		{"proportional, exact", []int{50, 30, 20}, 10, []int{5, 3, 2}},
		{"largest remainder", []int{45, 35, 20}, 10, []int{5, 3, 2}}, // 4.5, 3.5, 2.0: tie .5/.5 -> first label
		{"remainder tie to first label", []int{10, 10, 10}, 4, []int{2, 1, 1}},
		{"minimum one per label", []int{97, 2, 1}, 3, []int{1, 1, 1}},
		{"shares below one get one", []int{90, 9, 1}, 10, []int{8, 1, 1}},       // 9, .9, .1
		{"fixing cascades", []int{10, 6, 1}, 3, []int{1, 1, 1}},                 // 1.76, 1.06, .18; then 1.25, .75
		{"rest stays proportional", []int{60, 30, 1, 1}, 11, []int{6, 3, 1, 1}}, // 7.17, 3.59, .12, .12; then 6, 3
		{"fewer seats than labels: by size", []int{5, 30, 10}, 2, []int{0, 1, 1}},
		{"fewer seats than labels: ties to first", []int{10, 10, 10}, 2, []int{1, 1, 0}},
		{"everything", []int{3, 4}, 7, []int{3, 4}},
		{"more than everything", []int{3, 4}, 100, []int{3, 4}},
		{"nothing", []int{3, 4}, 0, []int{0, 0}},
		{"negative", []int{3, 4}, -1, []int{0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := eval.TotalQuotas(tt.sizes, tt.n)
			assert.Equal(t, tt.want, got)
			sum := 0
			for i, q := range got {
				sum += q
				assert.LessOrEqual(t, q, tt.sizes[i], "quota within label size")
			}
			total := 0
			for _, s := range tt.sizes {
				total += s
			}
			assert.Equal(t, min(max(tt.n, 0), total), sum, "quotas add up to n")
		})
	}
}

func TestLRSTotal(t *testing.T) {
	s := readSplit(t, "banking77", "train")
	for _, n := range []int{50, 77, 500, 1000} {
		idx := eval.LRSTotal(s.Texts, s.Labels, n, 0)
		assert.Len(t, idx, n)
		assert.True(t, slices.IsSorted(idx))
		got := labelCounts(pick(s.Labels, idx))
		if n >= 77 {
			assert.Len(t, got, 77, "every label present when n >= labels")
		}
		assertPrefixes(t, s, idx, 0)
	}
}

func sorted(xs ...int) []int {
	slices.Sort(xs)
	return xs
}

func labelCounts(labels []string) map[string]int {
	m := make(map[string]int)
	for _, l := range labels {
		m[l]++
	}
	return m
}

func pick(xs []string, idx []int) []string {
	out := make([]string, len(idx))
	for j, i := range idx {
		out[j] = xs[i]
	}
	return out
}
