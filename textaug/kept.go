package textaug

import (
	"github.com/textaug/textaug/tokenize"
)

// userKept reports, for each token of toks, whether the user's own
// protection in p covers it: a Keep word or phrase, or a match of one of
// its Patterns. The operations that change tokens the policy always
// freezes (entity and number swaps) honour these, since the locks cannot
// tell a user's keep from the built-in freezing of every figure and proper
// noun. toks may hold edited tokens: the rules run over their joined text.
// A nil p keeps nothing.
func (p *Policy) userKept(toks []tokenize.Token) []bool {
	kept := make([]bool, len(toks))
	if p == nil {
		return kept
	}
	p.build()
	if len(p.keep) == 0 && len(p.keepHan) == 0 && len(p.Patterns) == 0 {
		return kept
	}
	// The same rules as Apply, on unlocked copies at their joined offsets.
	c := make([]tokenize.Token, len(toks))
	at := 0
	for i, t := range toks {
		c[i] = tokenize.Token{Text: t.Text, Start: at, End: at + len(t.Text), Kind: t.Kind, Tag: t.Tag}
		at += len(t.Text)
	}
	p.applyUser(tokenize.Join(toks), c)
	for i := range c {
		kept[i] = c[i].Lock&tokenize.Frozen == tokenize.Frozen
	}
	return kept
}

// applyUser freezes the tokens of text that the user's Keep list and
// Patterns cover.
func (p *Policy) applyUser(text string, toks []tokenize.Token) {
	if len(p.keep) > 0 {
		p.applyKeep(toks)
	}
	for _, k := range p.keepHan {
		p.applyKeepHan(text, toks, k)
	}
	for _, re := range p.Patterns {
		for _, m := range re.FindAllStringIndex(text, -1) {
			freezeSpan(toks, m[0], m[1])
		}
	}
}
