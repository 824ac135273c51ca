package textaug_test

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

func sharedStats(t *testing.T, dataset string) (*textaug.CorpusStats, shareddata.Split) {
	t.Helper()
	d := shareddata.Read(t, dataset, "train", 0)
	var b textaug.StatsBuilder
	for i := range d.Texts {
		require.NoError(t, b.Add(d.Texts[i], d.Labels[i]))
	}
	return b.Stats(), d
}

// On the shared sets, with the default thresholds, anchors are the words
// a person would name for the label, and a company name is an entity.
func TestStatsSharedAnchors(t *testing.T) {
	s, _ := sharedStats(t, "banking77")
	for label, want := range map[string][]string{
		"card_arrival":        {"card", "arriv", "track"},
		"lost_or_stolen_card": {"stolen", "lost", "card"},
		"exchange_rate":       {"exchang rate"},
		"pending_top_up":      {"pend"},
	} {
		got := terms(s.AnchorsOf(label))
		for _, w := range want {
			assert.Contains(t, got, w, label)
		}
		assert.LessOrEqual(t, len(got), textaug.DefaultMaxAnchors)
	}
	s, _ = sharedStats(t, "financial_phrasebank_allagree")
	assert.Contains(t, terms(s.AnchorsOf("positive")), "increas")
	assert.Contains(t, terms(s.AnchorsOf("negative")), "loss")
	for _, e := range []string{"nokia", "nordea", "componenta"} {
		assert.Contains(t, s.Entities, e)
	}
	for _, w := range []string{"the", "company", "profit", "shares"} {
		assert.NotContains(t, s.Entities, w)
	}
}

// EDA at alpha 0.2 on shared rows, each with its label's Policy: no
// variant loses an anchor or damages an entity that opens its sentence
// (deleted, replaced, lower-cased or moved). Without the statistics some
// do, which is what the test makes sure it can see.
func TestCorpusLocksSharedEDA(t *testing.T) {
	src, err := builtin.Default()
	require.NoError(t, err)
	for _, dataset := range []string{"banking77", "financial_phrasebank_allagree"} {
		s, d := sharedStats(t, dataset)
		var lost [2]int
		for i := 0; i < len(d.Texts); i += len(d.Texts) / 150 {
			text, label := d.Texts[i], d.Labels[i]
			locks := &textaug.CorpusLocks{Stats: s, Label: label}
			for cond, pol := range []*textaug.Policy{{}, {Corpus: locks}} {
				aug := textaug.Tokens{Policy: pol, Edit: textaug.EDA(src, 0.2)}
				want := lockedWords(t, textaug.Tokens{Policy: &textaug.Policy{Corpus: locks}}, text)
				res, err := textaug.Sampler{Aug: aug, K: 4, Seed: 1}.Sample(context.Background(), "", text)
				require.NoError(t, err)
				for _, v := range res.Variants {
					if !subsequence(want, words(tokenize.Tokenize(v.Text))) {
						lost[cond]++
						assert.Zero(t, cond, "%s: %q -> %q lost one of %q", label, text, v.Text, want)
					}
				}
			}
		}
		assert.Positive(t, lost[0], "%s: without statistics some variant loses an anchor or entity", dataset)
		t.Logf("%s: variants losing an anchor or entity: %d without statistics, %d with", dataset, lost[0], lost[1])
	}
}

// lockedWords lists the words that a's policy freezes, in order.
func lockedWords(t *testing.T, a textaug.Tokens, text string) []string {
	toks, err := a.Analyse(text)
	require.NoError(t, err)
	var out []string
	for _, tk := range toks {
		if tk.Kind == tokenize.Word && tk.Lock&tokenize.Frozen == tokenize.Frozen && !strings.Contains(tk.Text, " ") {
			out = append(out, tk.Text)
		}
	}
	return out
}

// BenchmarkStatsBuilder is one corpus pass over banking77's training
// split (10,003 rows): tokenizing and tagging, counting, and Stats.
func BenchmarkStatsBuilder(b *testing.B) {
	d := shareddata.Read(b, "banking77", "train", 0)
	for b.Loop() {
		var sb textaug.StatsBuilder
		for i := range d.Texts {
			if err := sb.Add(d.Texts[i], d.Labels[i]); err != nil {
				b.Fatal(err)
			}
		}
		sb.Stats()
	}
}
