package tokenize

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// proseDirectScores scores word i as prose does, one model look-up per
// feature key, without the memo.
func proseDirectScores(m *proseModel, s *proseScratch, w string, i int, p1, p2 string) ([64]int32, uint64) {
	scores, set := m.bias, m.biasSet
	for f := 1; f < proseFeatures; f++ {
		if v, ok := m.feats.lookup(s.appendFeature(nil, f, w, i, p1, p2)); ok {
			set = m.add(&scores, set, v)
		}
	}
	return scores, set
}

// TestProseMemoScoresAreDirect checks every word of the fixture, twice over
// (a cold memo, then a warm one), and with every slot taken by a key no
// look-up asks for, holding wrong values: predict's scores are those of the
// direct look-ups.
func TestProseMemoScoresAreDirect(t *testing.T) {
	m := proseTestModel(t)
	texts := proseReadFixture(t)
	check := func(s *proseScratch) {
		for _, text := range texts {
			words := strings.Fields(text)
			tags := make([]string, len(words))
			m.tag(s, words, tags)
			m.prepare(s, words)
			p1, p2 := "-START-", "-START2-"
			for i, w := range words {
				if w == "" {
					continue
				}
				m.predict(s, w, i, m.testHist(p1, p2))
				scores, set := proseDirectScores(m, s, w, i, p1, p2)
				require.Equal(t, set, s.set, "%q word %d", text, i)
				require.Equal(t, scores, s.scores, "%q word %d", text, i)
				p2, p1 = p1, tags[i]
			}
		}
	}
	s := new(proseScratch)
	check(s)
	check(s)
	s = new(proseScratch)
	check(s)
	for k := range s.memo {
		e := &s.memo[k]
		e.n = uint8(copy(e.key[:], "\x00\xff\xff")) // a context word, but not UTF-8: never asked for
		e.sp = proseSpans{v: [7]uint32{1, 2, 3, 4, 5, 6, 7}, has: 0x7f}
	}
	check(s)
}

// testHist is the history of a word whose previous tags are p1 and p2.
func (m *proseModel) testHist(p1, p2 string) proseHist {
	return proseHist{p1: p1, p2: p2, id1: m.histID(p1), id2: m.histID(p2)}
}
