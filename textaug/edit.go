package textaug

import (
	"math/rand/v2"

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
	apply(r *rand.Rand, toks []tokenize.Token, ops []string) ([]tokenize.Token, []string)
}

// apply runs e and appends to ops the names of the edits that changed toks.
func apply(e Edit, r *rand.Rand, toks []tokenize.Token, ops []string) ([]tokenize.Token, []string) {
	if c, ok := e.(composite); ok {
		return c.apply(r, toks, ops)
	}
	out := e.Edit(r, toks)
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
	out, _ := o.apply(r, toks, nil)
	return out
}

func (o OneOf) apply(r *rand.Rand, toks []tokenize.Token, ops []string) ([]tokenize.Token, []string) {
	w := make([]float64, len(o.Edits))
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
		out, ops2 := apply(o.Edits[i], child.r, toks, ops)
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
	out, _ := c.apply(r, toks, nil)
	return out
}

func (c Chain) apply(r *rand.Rand, toks []tokenize.Token, ops []string) ([]tokenize.Token, []string) {
	for _, e := range c {
		child := split(r)
		toks, ops = apply(e, child.r, toks, ops)
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
	out, _ := s.apply(r, toks, nil)
	return out
}

func (s Sometimes) apply(r *rand.Rand, toks []tokenize.Token, ops []string) ([]tokenize.Token, []string) {
	child := split(r)
	defer child.release()
	if s.Do == nil || r.Float64() >= s.P {
		return toks, ops
	}
	return apply(s.Do, child.r, toks, ops)
}
