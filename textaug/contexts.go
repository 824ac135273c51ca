package textaug

import (
	"cmp"
	"hash/fnv"
	"slices"

	"github.com/textaug/textaug/tokenize"
)

// slotWords are the prepositions whose noun LabelSwap exchanges between
// rows of a label, and slotDeterminers the words that may stand between.
var slotWords = []string{"to", "from", "for"}

var slotDeterminers = []string{"my", "the", "a", "an", "your", "our", "his", "her", "their", "this", "that", "another", "some"}

// neighbours returns the lower-case texts of the tokens around idx[n] (""
// at either end).
func neighbours(toks []tokenize.Token, idx []int, n int) (left, right string) {
	if n > 0 {
		left = lower(toks[idx[n-1]].Text)
	}
	if n+1 < len(idx) {
		right = lower(toks[idx[n+1]].Text)
	}
	return left, right
}

// slotOf returns the slot of the word at idx[n]: the slot word before it,
// with the determiner between if there is one ("to", "to my"), or "".
func slotOf(toks []tokenize.Token, idx []int, n int) string {
	if n == 0 {
		return ""
	}
	p := lower(toks[idx[n-1]].Text)
	if slices.Contains(slotWords, p) {
		return p
	}
	if n >= 2 && slices.Contains(slotDeterminers, p) {
		if pp := lower(toks[idx[n-2]].Text); slices.Contains(slotWords, pp) {
			return pp + " " + p
		}
	}
	return ""
}

// addContexts records, for one row of label, the contexts its eligible
// words fill.
func (st *buildState) addContexts(label string, toks []tokenize.Token, idx []int, row *rowSeen) {
	if row.ctx == nil {
		row.ctx = map[ctxEntry]bool{}
	}
	seen := row.ctx
	for n, i := range idx {
		t := &toks[i]
		lw := lower(t.Text)
		tag := fillerTag(t.Tag)
		if tag == "" || !st.candidate(t, lw, false) {
			continue
		}
		var es []ctxEntry
		if st.contentNeighbour(toks, idx, n) {
			left, right := neighbours(toks, idx, n)
			es = append(es, ctxEntry{ctxID{label, left, right, false}, lw, tag})
		}
		if slot := slotOf(toks, idx, n); slot != "" && nounTag(tag) {
			es = append(es, ctxEntry{ctxID{label, slot, "", true}, lw, tag})
		}
		for _, e := range es {
			if !seen[e] {
				seen[e] = true
				st.ctx.add(e.id, e.word, e.tag)
			}
		}
	}
}

// ctxEntry is one (context, filler) entry of a row.
type ctxEntry struct {
	id   ctxID
	word string
	tag  string
}

// contentNeighbour reports whether a neighbour of the word at idx[n] is
// a content word (not a stopword): a context of two function words or
// marks ("I _ my", "my _ ?") says too little about what may fill it.
func (st *buildState) contentNeighbour(toks []tokenize.Token, idx []int, n int) bool {
	for _, k := range []int{n - 1, n + 1} {
		if k >= 0 && k < len(idx) {
			t := &toks[idx[k]]
			if lw := lower(t.Text); t.Kind == tokenize.Word && wordOK(lw) && !st.pol.stop[lw] {
				return true
			}
		}
	}
	return false
}

func nounTag(tag string) bool { return tag == "NN" || tag == "NNS" }

// contextSample holds the label-swap contexts of a corpus pass within a
// bound: when the (context, filler) entries exceed max, it keeps only the
// contexts whose hash starts with one more zero bit (half of them, in
// expectation), until they fit. Which contexts survive depends only on
// the set of contexts seen, never on the order of the rows.
type contextSample struct {
	max     int
	level   int // contexts kept: hash >> (64-level) == 0
	n       int // entries held
	entries map[ctxID]*ctxCount
}

type ctxID struct {
	label, left, right string
	slot               bool
}

type ctxCount struct {
	hash    uint64
	fillers tally[[2]string] // (word, tag) -> rows
}

func (id ctxID) hash() uint64 {
	h := fnv.New64a()
	for _, s := range []string{id.label, id.left, id.right} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	if id.slot {
		h.Write([]byte{1})
	}
	return h.Sum64()
}

func (c *contextSample) kept(h uint64) bool { return c.level == 0 || h>>(64-c.level) == 0 }

func (c *contextSample) add(id ctxID, word, tag string) {
	e := c.entries[id]
	if e == nil {
		h := id.hash()
		if !c.kept(h) {
			return
		}
		e = &ctxCount{hash: h}
		c.entries[id] = e
	}
	if e.fillers.add([2]string{word, tag}) {
		c.n++
	}
	for c.n > c.max && c.level < 64 {
		c.level++
		for id, e := range c.entries {
			if !c.kept(e.hash) {
				c.n -= e.fillers.len()
				delete(c.entries, id)
			}
		}
	}
}

// byLabel returns each label's contexts with at least two fillers that
// are not entities, the fillers sorted by rows (most first, then by word)
// and cut to maxFillers; contexts sorted by (Slot, Left, Right).
func (c *contextSample) byLabel(entity map[string]bool, maxFillers int) map[string][]Context {
	out := map[string][]Context{}
	for id, e := range c.entries {
		var f []Filler
		for k, n := range e.fillers.all {
			if !entity[k[0]] {
				f = append(f, Filler{Word: k[0], Tag: k[1], Rows: int(n)})
			}
		}
		if len(f) < 2 {
			continue
		}
		slices.SortFunc(f, func(a, b Filler) int {
			return cmp.Or(cmp.Compare(b.Rows, a.Rows), cmp.Compare(a.Word, b.Word), cmp.Compare(a.Tag, b.Tag))
		})
		out[id.label] = append(out[id.label], Context{Left: id.left, Right: id.right, Slot: id.slot, Fillers: f[:min(len(f), maxFillers)]})
	}
	for _, cs := range out {
		slices.SortFunc(cs, compareContexts)
	}
	return out
}

func compareContexts(a, b Context) int {
	bi := func(x bool) int {
		if x {
			return 1
		}
		return 0
	}
	return cmp.Or(cmp.Compare(bi(a.Slot), bi(b.Slot)), cmp.Compare(a.Left, b.Left), cmp.Compare(a.Right, b.Right))
}
