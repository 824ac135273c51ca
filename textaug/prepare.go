package textaug

import (
	"math/rand/v2"
	"sync"

	"github.com/textaug/textaug/tokenize"
)

// preparer is an Edit that analyses the tokens of one record once, for
// every attempt at that record: Tokens.Prepare hands its Edit the record's
// tokens, and the Edit returned works out what does not depend on the
// random stream (eligible positions, candidates) on first use and keeps it.
// The prepared Edit gives the same output as the original for every
// stream; given tokens other than the record's (an earlier edit of a Chain
// changed them), it does the whole work as the original does.
type preparer interface {
	prepare(toks []tokenize.Token) Edit
}

// prepareEdit returns e prepared for toks when e knows how, else e.
func prepareEdit(e Edit, toks []tokenize.Token) Edit {
	if p, ok := e.(preparer); ok {
		return p.prepare(toks)
	}
	return e
}

func (o OneOf) prepare(toks []tokenize.Token) Edit {
	p := OneOf{Edits: make([]Edit, len(o.Edits)), Weights: o.Weights}
	for i, e := range o.Edits {
		p.Edits[i] = prepareEdit(e, toks)
	}
	return p
}

func (c Chain) prepare(toks []tokenize.Token) Edit {
	p := make(Chain, len(c))
	for i, e := range c {
		p[i] = prepareEdit(e, toks)
	}
	return p
}

func (s Sometimes) prepare(toks []tokenize.Token) Edit {
	if s.Do != nil {
		s.Do = prepareEdit(s.Do, toks)
	}
	return s
}

// sameTokens reports whether a and b are the same slice of tokens: edits
// never change tokens in place, so the same first element and length mean
// the same tokens.
func sameTokens(a, b []tokenize.Token) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// analysis is what an edit works out once per record, on first use; safe
// for concurrent Draws.
type analysis[T any] struct {
	toks []tokenize.Token
	once sync.Once
	of   func([]tokenize.Token) T
	v    T
}

// get returns the analysis of toks: the kept one for the record's tokens,
// a fresh one for any others.
func (a *analysis[T]) get(toks []tokenize.Token) T {
	if !sameTokens(a.toks, toks) {
		return a.of(toks)
	}
	a.once.Do(func() { a.v = a.of(a.toks) })
	return a.v
}

// preparedEdit is an Edit whose per-record analysis is kept.
type preparedEdit[T any] struct {
	name string
	a    *analysis[T]
	draw func(r *rand.Rand, toks []tokenize.Token, v T, dst []tokenize.Token) []tokenize.Token
}

func (p preparedEdit[T]) Name() string { return p.name }

func (p preparedEdit[T]) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	return p.draw(r, toks, p.a.get(toks), nil)
}

func (p preparedEdit[T]) editTo(r *rand.Rand, toks, dst []tokenize.Token) []tokenize.Token {
	return p.draw(r, toks, p.a.get(toks), dst)
}

func prepared[T any](name string, toks []tokenize.Token, of func([]tokenize.Token) T,
	draw func(*rand.Rand, []tokenize.Token, T, []tokenize.Token) []tokenize.Token) Edit {
	return preparedEdit[T]{name: name, a: &analysis[T]{toks: toks, of: of}, draw: draw}
}
