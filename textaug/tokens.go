package textaug

import (
	"context"
	"math/rand/v2"

	"github.com/textaug/textaug/tokenize"
)

// Tokenizer splits a text into tagged tokens; tokenize.English,
// tokenize.Chinese and tokenize.Auto are ones.
type Tokenizer interface {
	Tokenize(text string) ([]tokenize.Token, error)
}

// Tokens is the Augmenter of token-level strategies: it tokenizes and tags
// a text once, applies the protection Policy once, and then every Draw
// runs Edit and joins the result; the built-in edits write their copy into
// buffers recycled from Draw to Draw, never into the record's tokens.
// Untouched tokens keep their original bytes and spacing.
//
// The zero Tokens uses tokenize.Auto (tokenize.English with the shared
// prose tagger, or tokenize.Chinese for a text that tokenize.Language
// calls Chinese), the default Policy, and changes nothing (Edit nil).
// Tokens is safe for concurrent use if its parts are; so is each Draw it
// returns.
type Tokens struct {
	Tokenizer Tokenizer // nil means tokenize.Auto{}
	Policy    *Policy   // nil means the zero Policy's defaults
	Edit      Edit      // for example OneOf{...} for EDA
}

// Prepare implements Augmenter. A text longer than PieceBytes is
// prepared and edited piece by piece (see PieceBytes and Pieces).
func (a Tokens) Prepare(ctx context.Context, text string) (Draw, error) {
	if len(text) > PieceBytes {
		return a.preparePieces(ctx, text)
	}
	draw, _, err := a.prepareWhole(text)
	return draw, err
}

// prepareWhole is Prepare for one piece: the text's tokens, which it
// counts, are kept for every Draw.
func (a Tokens) prepareWhole(text string) (_ Draw, tokens int, _ error) {
	toks, err := a.Analyse(text)
	if err != nil {
		return nil, 0, err
	}
	editable := false
	for i := range toks {
		if toks[i].Kind == tokenize.Word && toks[i].Lock&tokenize.Frozen != tokenize.Frozen {
			editable = true
			break
		}
	}
	if !editable || a.Edit == nil {
		return nil, len(toks), ErrNothingToEdit
	}
	edit := prepareEdit(a.Edit, toks)
	latin := textLang(toks) != tokenize.LangZH // sentence-initial capitals are a Latin-script rule
	return func(r *rand.Rand) (string, []string) {
		sc := scratches.Get().(*scratch)
		defer sc.release()
		sc.rec = toks
		out, ops := apply(edit, r, toks, nil, sc)
		if len(ops) == 0 {
			return text, nil
		}
		if latin {
			out = fixStart(toks, out)
		}
		return tokenize.Join(out), ops
	}, len(toks), nil
}

// Analyse returns the tagged tokens of text with their locks set by the
// policy: what every Draw starts from. It is what `textaug explain` shows.
func (a Tokens) Analyse(text string) ([]tokenize.Token, error) {
	tk := a.Tokenizer
	if tk == nil {
		tk = tokenize.Auto{}
	}
	toks, err := tk.Tokenize(text)
	if err != nil {
		return nil, err
	}
	a.Policy.Apply(text, toks)
	return toks, nil
}
