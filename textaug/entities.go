package textaug

import (
	"slices"
	"strings"

	"github.com/textaug/textaug/tokenize"
)

// maxEntityWords is the longest capitalised sequence counted as one
// entity; longer runs are headlines or titles.
const maxEntityWords = 4

// addCase records how the words of one row are written: each word seen in
// lower case anywhere, each word and each run of two to maxEntityWords
// words capitalised in the middle of a sentence. A row whose words are
// mostly capitalised (a headline in title case, a text in capitals) says
// nothing about capitals and only adds its lower-case words.
func (st *buildState) addCase(toks []tokenize.Token, idx []int, row *rowSeen) {
	words, caps := 0, 0
	for _, i := range idx {
		if t := &toks[i]; t.Kind == tokenize.Word && len(t.Text) > 1 && !hasHan(t.Text) {
			words++
			if capitalised(t.Text) {
				caps++
			}
		}
	}
	evidence := words < 3 || 4*caps < 3*words
	if row.caps == nil {
		row.caps = map[string]bool{}
	}
	seen := row.caps
	var run []string
	runMid, prev, prevLower := false, -1, ""
	flush := func() {
		if runMid && len(run) >= 2 && len(run) <= maxEntityWords {
			if k := strings.Join(run, " "); !seen[k] {
				seen[k] = true
				st.seqs[k]++
			}
		}
		run = run[:0]
	}
	for n, i := range idx {
		t := &toks[i]
		latin := t.Kind == tokenize.Word && !hasHan(t.Text)
		lw := lower(t.Text)
		capWord := latin && evidence && capitalised(t.Text) && len([]rune(t.Text)) > 1
		if !capWord || len(run) > 0 && !adjacent(toks, prev, i) {
			flush()
		}
		if latin && lowerWord(t.Text) {
			st.caseOf(lw).lower = true
			if prevLower != "" && adjacent(toks, prev, i) {
				st.lowerP[prevLower+" "+lw] = true
			}
			prevLower = lw
		} else {
			prevLower = ""
		}
		if capWord {
			start := sentenceStart(toks, idx, n)
			if len(run) == 0 {
				runMid = !start
			}
			run = append(run, lw)
			if !start && !seen[lw] {
				seen[lw] = true
				st.caseOf(lw).mid++
			}
		}
		prev = i
	}
	flush()
}

func (st *buildState) caseOf(lw string) *caseCount {
	c := st.words[lw]
	if c == nil {
		c = &caseCount{}
		st.words[lw] = c
	}
	return c
}

// entities returns the corpus entities, sorted: words capitalised in the
// middle of a sentence in at least minRows rows and never written in lower
// case, sequences capitalised mid-sentence in at least minRows rows none
// of whose adjacent pairs was written in lower case, and the given names.
func (st *buildState) entities(minRows int, given []string) []string {
	var out []string
	for _, g := range given {
		if w := strings.Fields(strings.ToLower(g)); len(w) > 0 && len(w) <= maxEntityWords {
			out = append(out, strings.Join(w, " "))
		}
	}
	for w, c := range st.words {
		if int(c.mid) >= minRows && !c.lower {
			out = append(out, w)
		}
	}
seq:
	for s, n := range st.seqs {
		if int(n) < minRows {
			continue
		}
		w := strings.Fields(s)
		for i := 1; i < len(w); i++ {
			if st.lowerP[w[i-1]+" "+w[i]] {
				continue seq
			}
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return slices.Compact(out)
}
