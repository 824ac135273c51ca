package textaug

import (
	"math/rand/v2"
	"sync"

	"github.com/textaug/textaug/tokenize"
)

// Edit is one token-level operation.
//
// Edit returns an edited copy of toks, drawing every random choice from r.
// It must not modify the elements of toks (the same tokens serve every
// attempt) and may return toks itself when it changes nothing. It honours
// each token's Lock. Name is the short operation name recorded in a
// Variant's Ops ("synonym", "insert", "swap", "delete", "punct").
type Edit interface {
	Name() string
	Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token
}

// composite edits report which of their children changed the tokens.
type composite interface {
	apply(r *rand.Rand, toks []tokenize.Token, ops []string, sc *scratch) ([]tokenize.Token, []string)
}

// editorTo is an Edit that can write its result into a buffer the caller
// recycles: editTo is Edit, except that an edited copy is appended to dst
// (empty, sharing no memory with toks; nil means allocate) instead of a
// new slice. The result is toks itself or a slice that starts at dst's
// first element (grown when dst was too small).
type editorTo interface {
	editTo(r *rand.Rand, toks, dst []tokenize.Token) []tokenize.Token
}

// apply runs e and appends to ops the names of the edits that changed
// toks. With sc, the built-in edits write into its buffers instead of
// allocating a copy per call.
func apply(e Edit, r *rand.Rand, toks []tokenize.Token, ops []string, sc *scratch) ([]tokenize.Token, []string) {
	if c, ok := e.(composite); ok {
		return c.apply(r, toks, ops, sc)
	}
	var out []tokenize.Token
	if et, ok := e.(editorTo); ok && sc != nil {
		out = sc.editTo(et, r, toks)
	} else {
		out = e.Edit(r, toks)
	}
	if changed(toks, out) {
		ops = append(ops, e.Name())
	}
	return out, ops
}

func changed(a, b []tokenize.Token) bool {
	if len(a) != len(b) {
		return true
	}
	for i := range a {
		if a[i].Text != b[i].Text {
			return true
		}
	}
	return false
}

// OneOf applies one of its edits per call: EDA's "one operation per
// variant". The edit is drawn by Weights (nil: equal weights; a weight of
// zero disables its edit). When the drawn edit changes nothing (no
// synonym found, say), the remaining edits are tried in a weighted random
// order, so that an attempt is not wasted.
//
// The zero OneOf changes nothing. OneOf is safe for concurrent use if its
// edits are.
type OneOf struct {
	Edits   []Edit
	Weights []float64
}

// Name implements Edit.
func (o OneOf) Name() string { return "oneof" }

// Edit implements Edit.
func (o OneOf) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	out, _ := o.apply(r, toks, nil, nil)
	return out
}

func (o OneOf) apply(r *rand.Rand, toks []tokenize.Token, ops []string, sc *scratch) ([]tokenize.Token, []string) {
	var buf [8]float64 // EDA's four edits and more, without a heap slice
	w := buf[:0]
	if len(o.Edits) > len(buf) {
		w = make([]float64, 0, len(o.Edits))
	}
	w = w[:len(o.Edits)]
	total := 0.0
	for i := range o.Edits {
		w[i] = 1
		if o.Weights != nil {
			w[i] = 0
			if i < len(o.Weights) && o.Weights[i] > 0 {
				w[i] = o.Weights[i]
			}
		}
		total += w[i]
	}
	for total > 0 {
		x := r.Float64() * total
		i := 0
		for ; i < len(w)-1; i++ {
			if x < w[i] {
				break
			}
			x -= w[i]
		}
		for w[i] == 0 { // rounding landed on a disabled edit
			i--
		}
		child := split(r)
		out, ops2 := apply(o.Edits[i], child.r, toks, ops, sc)
		child.release()
		if changed(toks, out) {
			return out, ops2
		}
		total -= w[i]
		w[i] = 0
	}
	return toks, ops
}

// Chain applies every edit in order, each with its own child stream. The
// zero Chain is the identity.
type Chain []Edit

// Name implements Edit.
func (c Chain) Name() string { return "chain" }

// Edit implements Edit.
func (c Chain) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	out, _ := c.apply(r, toks, nil, nil)
	return out
}

func (c Chain) apply(r *rand.Rand, toks []tokenize.Token, ops []string, sc *scratch) ([]tokenize.Token, []string) {
	for _, e := range c {
		child := split(r)
		toks, ops = apply(e, child.r, toks, ops, sc)
		child.release()
	}
	return toks, ops
}

// Sometimes applies Do with probability P (0 never, 1 always). The zero
// Sometimes changes nothing.
type Sometimes struct {
	Do Edit
	P  float64
}

// Name implements Edit.
func (s Sometimes) Name() string { return "sometimes" }

// Edit implements Edit.
func (s Sometimes) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	out, _ := s.apply(r, toks, nil, nil)
	return out
}

func (s Sometimes) apply(r *rand.Rand, toks []tokenize.Token, ops []string, sc *scratch) ([]tokenize.Token, []string) {
	child := split(r)
	defer child.release()
	if s.Do == nil || r.Float64() >= s.P {
		return toks, ops
	}
	return apply(s.Do, child.r, toks, ops, sc)
}

// scratch holds the two token buffers that the edits of one Draw write
// into, so that a variant costs no token copy of its own: an edit whose
// input is the record's tokens or one buffer writes into the other (a
// Chain alternates between them). A Draw takes a scratch from scratches
// and puts it back once the variant is joined into its string.
type scratch struct {
	rec  []tokenize.Token // the record's tokens
	bufs [2][]tokenize.Token
	used [2]int // the most tokens each buffer held since the last release
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// editTo runs e with a buffer that shares no memory with toks, and keeps
// the buffer when e grew it. An input that is neither the record's tokens
// nor one of the buffers (a user's Edit made it) gets no buffer: e
// allocates, as Edit does.
func (s *scratch) editTo(e editorTo, r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	i := s.free(toks)
	if i < 0 {
		return e.editTo(r, toks, nil)
	}
	out := e.editTo(r, toks, s.bufs[i][:0])
	if sameStart(out, toks) {
		return out
	}
	if cap(out) > cap(s.bufs[i]) {
		s.bufs[i] = out[:0]
	}
	s.used[i] = max(s.used[i], len(out))
	return out
}

// free returns the buffer that toks does not use, or -1.
func (s *scratch) free(toks []tokenize.Token) int {
	switch {
	case sameStart(toks, s.rec):
		return 0
	case sameStart(toks, s.bufs[0]):
		return 1
	case sameStart(toks, s.bufs[1]):
		return 0
	}
	return -1
}

// sameStart reports whether a and b start at the same element of the same
// array (both non-empty in capacity).
func sameStart(a, b []tokenize.Token) bool {
	return cap(a) > 0 && cap(b) > 0 && &a[:1][0] == &b[:1][0]
}

// release empties the buffers' tokens (so that no string of this record is
// kept alive by the pool) and puts s back. A buffer larger than maxScratch
// tokens is dropped rather than kept: one huge row must not pin its memory.
func (s *scratch) release() {
	s.rec = nil
	for i := range s.bufs {
		if cap(s.bufs[i]) > maxScratch {
			s.bufs[i] = nil
		}
		clear(s.bufs[i][:min(s.used[i], cap(s.bufs[i]))])
		s.used[i] = 0
	}
	scratches.Put(s)
}

// maxScratch is the largest buffer, in tokens, that a scratch keeps.
const maxScratch = 4096
