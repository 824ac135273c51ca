package augment

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keywordModel predicts the label whose training texts share the most
// words with the text: a deterministic stand-in for a classifier.
type keywordModel struct{ words map[string]map[string]int }

func trainKeywords(texts, labels []string) (Predictor, error) {
	m := keywordModel{words: map[string]map[string]int{}}
	for i, t := range texts {
		for _, w := range strings.Fields(t) {
			if m.words[w] == nil {
				m.words[w] = map[string]int{}
			}
			m.words[w][labels[i]]++
		}
	}
	return m, nil
}

func (m keywordModel) Predict(texts []string) []string {
	out := make([]string, len(texts))
	for i, t := range texts {
		score := map[string]int{}
		for _, w := range strings.Fields(t) {
			for l, n := range m.words[w] {
				score[l] += n
			}
		}
		best := ""
		for l, n := range score {
			if n > score[best] || n == score[best] && l < best {
				best = l
			}
		}
		out[i] = best
	}
	return out
}

func filterCorpus() (texts, labels []string) {
	for _, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight"} {
		texts = append(texts, "card arrive "+w, "exchange rate "+w)
		labels = append(labels, "card_arrival", "exchange_rate")
	}
	return texts, labels
}

func TestFilter(t *testing.T) {
	texts, labels := filterCorpus()
	cf, err := Filter{Train: trainKeywords}.Fit(1, texts, labels)
	require.NoError(t, err)
	acc := cf.Accept("card_arrival")
	assert.True(t, acc("card arrive one", "card arrive uno"))
	assert.False(t, acc("card arrive one", "exchange rate one"), "drifted to the other label")
	counts, order := cf.Counts()
	assert.Equal(t, []string{"card_arrival", "exchange_rate"}, order)
	assert.Equal(t, FilterCounts{Checked: 2, Rejected: 1}, counts["card_arrival"])
	assert.Equal(t, FilterCounts{}, counts["exchange_rate"])
}

// A label whose rows all sit in one fold is unknown to that fold's model:
// its variants are kept and counted unchecked.
func TestFilterUnseenLabel(t *testing.T) {
	texts, labels := filterCorpus()
	texts, labels = append(texts, "lonely row"), append(labels, "rare")
	cf, err := Filter{Train: trainKeywords}.Fit(1, texts, labels)
	require.NoError(t, err)
	assert.True(t, cf.Accept("rare")("lonely row", "card arrive one"))
	counts, _ := cf.Counts()
	assert.Equal(t, FilterCounts{Unchecked: 1}, counts["rare"])
}

// Judgements do not depend on the order or the concurrency of the calls.
func TestFilterConcurrent(t *testing.T) {
	texts, labels := filterCorpus()
	cf, err := Filter{Train: trainKeywords, Folds: 3}.Fit(9, texts, labels)
	require.NoError(t, err)
	want := make([]bool, len(texts))
	for i := range texts {
		want[i] = cf.Accept(labels[i])(texts[i], "rate "+texts[i])
	}
	var wg sync.WaitGroup
	got := make([]bool, len(texts))
	for i := range texts {
		wg.Go(func() { got[i] = cf.Accept(labels[i])(texts[i], "rate "+texts[i]) })
	}
	wg.Wait()
	assert.Equal(t, want, got)
	counts, _ := cf.Counts()
	total := 0
	for _, c := range counts {
		total += c.Checked + c.Unchecked
	}
	assert.Equal(t, 2*len(texts), total)
}

func TestFilterErrors(t *testing.T) {
	_, err := Filter{Train: trainKeywords}.Fit(1, []string{"a"}, []string{"x"})
	assert.ErrorContains(t, err, "augment: filter: needs at least two labelled rows, got 1")
	boom := errors.New("boom")
	texts, labels := filterCorpus()
	_, err = Filter{Train: func([]string, []string) (Predictor, error) { return nil, boom }}.Fit(1, texts, labels)
	assert.ErrorIs(t, err, boom)
	assert.ErrorContains(t, err, "augment: filter: fold 1 of 5: boom")
}

// A source row that its fold's model gives another label cannot tell
// drift from the model's error: its variants are kept, unchecked.
func TestFilterWrongSource(t *testing.T) {
	texts, labels := filterCorpus()
	cf, err := Filter{Train: trainKeywords}.Fit(1, texts, labels)
	require.NoError(t, err)
	assert.True(t, cf.Accept("card_arrival")("exchange rate nine", "exchange rate ten"))
	counts, _ := cf.Counts()
	assert.Equal(t, FilterCounts{Unchecked: 1}, counts["card_arrival"])
}

// TestFilterTrainsOnAtMostMaxPerLabel: the corpus pass keeps at most
// MaxPerLabel rows of each label for the filter (those of smallest
// RowHash), so its memory stays flat as the corpus grows, and the rows
// kept do not depend on the input order.
func TestFilterTrainsOnAtMostMaxPerLabel(t *testing.T) {
	var rows [][2]string
	for i := range 40 {
		rows = append(rows, [2]string{fmt.Sprintf("card row %d", i), "a"})
	}
	rows = append(rows, [2]string{"rate row 1", "b"}, [2]string{"rate row 2", "b"})
	seen := func(order [][2]string) map[string]bool {
		got := map[string]bool{}
		train := func(texts, labels []string) (Predictor, error) {
			for _, x := range texts {
				got[x] = true
			}
			return trainKeywords(texts, labels)
		}
		p := newPass(PassOptions{Filter: &Filter{MaxPerLabel: 5, Train: train}, Seed: 7})
		for _, r := range order {
			require.NoError(t, p.add(r[0], r[1]))
		}
		_, err := p.finish()
		require.NoError(t, err)
		return got
	}
	forward := seen(rows)
	reversed := slices.Clone(rows)
	slices.Reverse(reversed)
	assert.Equal(t, forward, seen(reversed), "the rows kept do not depend on the order")
	a := 0
	for x := range forward {
		if strings.HasPrefix(x, "card") {
			a++
		}
	}
	assert.Equal(t, 5, a, "label a: 5 of its 40 rows")
	assert.True(t, forward["rate row 1"] && forward["rate row 2"], "label b keeps both its rows")

	all := seen(rows[:3]) // fewer rows than the cap: all of them
	assert.Len(t, all, 3)
}

// TestPassKeepsGenerateExamples: the corpus pass keeps a few texts of
// each label for generate, the same whatever the input order.
func TestPassKeepsGenerateExamples(t *testing.T) {
	rows := [][2]string{{"lost my card", "lost"}, {"card stolen", "lost"}, {"where is my card", "lost"}, {"fee on top-up", "fee"}}
	keep := func(order [][2]string) map[string][]string {
		p := newPass(PassOptions{Examples: 2, Seed: 3})
		for _, r := range order {
			require.NoError(t, p.add(r[0], r[1]))
		}
		l, err := p.finish()
		require.NoError(t, err)
		return l.Examples
	}
	got := keep(rows)
	reversed := slices.Clone(rows)
	slices.Reverse(reversed)
	assert.Equal(t, got, keep(reversed))
	assert.Len(t, got["lost"], 2)
	assert.Equal(t, []string{"fee on top-up"}, got["fee"])
}
