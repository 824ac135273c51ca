package textaug

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// Anchors are chosen by the log-odds ratio with an informative Dirichlet
// prior of Monroe, Colaresi and Quinn (2008, "Fightin' Words", eq. 16-22),
// label against the rest of the corpus, on counts by rows (a row holding a
// word twice counts once): for a term w with y_i rows in label i, y_j in
// the other labels, n_i and n_j the sums of these counts over the terms of
// the same length (words, or pairs), and a prior α_w = α0·y_w/n from the
// whole corpus,
//
//	δ = log((y_i+α_w)/(n_i+α0−y_i−α_w)) − log((y_j+α_w)/(n_j+α0−y_j−α_w))
//	σ² ≈ 1/(y_i+α_w) + 1/(y_j+α_w)
//	z = δ/σ
//
// The prior shrinks the odds of rare terms towards the corpus, so a word
// seen in two rows of a small label does not outrank one seen in fifty.

// logOddsZ returns z for one term.
func logOddsZ(yi, yj, ni, nj, aw, a0 float64) float64 {
	d := math.Log((yi+aw)/(ni+a0-yi-aw)) - math.Log((yj+aw)/(nj+a0-yj-aw))
	return d / math.Sqrt(1/(yi+aw)+1/(yj+aw))
}

// anchorSettings are a builder's thresholds with defaults filled in.
func (b *StatsBuilder) settings() StatsSettings {
	pick := func(v, def int) int {
		if v > 0 {
			return v
		}
		return def
	}
	return StatsSettings{
		MinZ:       or(b.MinZ, DefaultMinZ),
		MinRows:    pick(b.MinRows, DefaultMinRows),
		MinShare:   or(b.MinShare, DefaultMinShare),
		MaxAnchors: pick(b.MaxAnchors, DefaultMaxAnchors),
		Prior:      or(b.Prior, DefaultPrior),
		EntityRows: pick(b.EntityRows, DefaultEntityRows),
		MaxEntries: pick(b.MaxEntries, DefaultMaxEntries),
		MaxFillers: pick(b.MaxFillers, DefaultMaxFillers),
	}
}

// Stats returns the statistics of the rows added so far. The builder may
// go on reading rows afterwards.
func (b *StatsBuilder) Stats() *CorpusStats {
	st := b.state()
	set := b.settings()
	s := &CorpusStats{Settings: set, Rows: st.rows, Entities: st.entities(set.EntityRows, b.Entities)}
	s.ContextSample = st.ctx.level
	var sum [3]float64 // by number of words: all rows' counts
	for t, n := range st.total {
		sum[termLen(t)] += float64(n)
	}
	entity := map[string]bool{}
	for _, e := range s.Entities {
		entity[e] = true
	}
	ctx := st.ctx.byLabel(entity, set.MaxFillers)
	for _, label := range sortedKeys(st.labels) {
		lc := st.labels[label]
		s.Labels = append(s.Labels, LabelStats{
			Label:    label,
			Rows:     lc.rows,
			Anchors:  st.anchors(lc, sum, set),
			Contexts: ctx[label],
		})
	}
	return s
}

// termLen is the number of words of a term (1 or 2).
func termLen(t string) int {
	if strings.IndexByte(t, ' ') >= 0 {
		return 2
	}
	return 1
}

// anchors scores every term of one label and keeps the best.
func (st *buildState) anchors(lc *labelCount, sum [3]float64, set StatsSettings) []Anchor {
	var ni [3]float64
	for t, n := range lc.df {
		ni[termLen(t)] += float64(n)
	}
	minRows := max(set.MinRows, int(math.Ceil(set.MinShare*float64(lc.rows))))
	var cands []Anchor
	for t, n := range lc.df {
		if int(n) < minRows {
			continue
		}
		k := termLen(t)
		yi, yw := float64(n), float64(st.total[t])
		aw := set.Prior * yw / sum[k]
		z := logOddsZ(yi, yw-yi, ni[k], sum[k]-ni[k], aw, set.Prior)
		if z >= set.MinZ {
			cands = append(cands, Anchor{Term: t, Z: math.Round(z*100) / 100, Rows: int(n)})
		}
	}
	slices.SortFunc(cands, func(a, b Anchor) int {
		return cmp.Or(cmp.Compare(b.Z, a.Z), cmp.Compare(a.Term, b.Term))
	})
	// A pair is kept only when it is more than its words: each of its
	// words appears in the pair in at least 70% of the label's rows that
	// hold it ("top up", "american express"; not "card number", whose
	// "card" carries the label alone). A word that appears in a kept
	// pair in 90% of its rows or more is left to the pair.
	covered := map[string]bool{}
	pairs := map[string]bool{}
	for _, c := range cands {
		if termLen(c.Term) == 2 && collocation(c, lc) {
			pairs[c.Term] = true
			for _, w := range strings.Fields(c.Term) {
				covered[w] = covered[w] || float64(c.Rows) >= 0.9*float64(lc.df[w])
			}
		}
	}
	var out []Anchor
	for _, c := range cands {
		if len(out) == set.MaxAnchors {
			break
		}
		if termLen(c.Term) == 1 && covered[c.Term] || termLen(c.Term) == 2 && !pairs[c.Term] {
			continue
		}
		c.Forms = st.topForms(c.Term)
		out = append(out, c)
	}
	return out
}

// collocation reports whether each word of the pair a appears in it in
// at least 70% of the label's rows that hold the word.
func collocation(a Anchor, lc *labelCount) bool {
	for _, w := range strings.Fields(a.Term) {
		if float64(a.Rows) < 0.7*float64(lc.df[w]) {
			return false
		}
	}
	return true
}

// topForms returns up to four written forms of term, most frequent first.
func (st *buildState) topForms(term string) []string {
	t := st.forms[term]
	f := t.counts()
	forms := sortedKeys(f)
	slices.SortStableFunc(forms, func(a, b string) int { return cmp.Compare(f[b], f[a]) })
	return forms[:min(len(forms), 4)]
}

func sortedKeys[V any](m map[string]V) []string {
	k := make([]string, 0, len(m))
	for s := range m {
		k = append(k, s)
	}
	slices.Sort(k)
	return k
}
