package textaug

import (
	"regexp"
	"strings"
	"sync"

	"github.com/textaug/textaug/tokenize"
)

// Policy decides which tokens strategies may touch. It is what keeps
// labels: a finance sentence whose amount, percentage or "not" changed has
// a different label.
//
// Whatever the fields say, these are always frozen (never replaced,
// deleted or moved): numbers, money, percents, dates and times,
// identifiers, URLs, emails, emoji, punctuation, symbols, contraction parts
// and the words they are glued to ("ca" of "can't"). The words right
// next to a figure (number, amount, percent, date, identifier) are never
// deleted or moved, since they say what the figure means ("from EUR 3 mn
// to EUR 5 mn"), and nothing is inserted beside a figure or inside a
// multi-token protected span.
//
// The zero Policy (and a nil *Policy) also freezes DefaultNegations and
// proper nouns, and never replaces DefaultStopwords. A Policy is safe for
// concurrent use once built and must not be copied after first use.
type Policy struct {
	// Keep lists words and multi-word phrases that are never edited,
	// matched case-insensitively on token boundaries ("Apple Pay", "top-up").
	Keep []string
	// Patterns freeze every token that overlaps one of their matches.
	Patterns []*regexp.Regexp
	// Negations are never deleted, moved or replaced; nil means
	// DefaultNegations. Give an empty non-nil slice to protect none.
	Negations []string
	// Stopwords are never replaced by synonyms or used as insertion seeds
	// (they may still be deleted or swapped); nil means DefaultStopwords.
	Stopwords []string
	// Anchors are never deleted or moved, but may be replaced by a
	// synonym: the words a label hangs on that have safe synonyms, such as
	// the direction words of finance news ("rose" may become "climbed",
	// never disappear). Case-insensitive single words.
	Anchors []string
	// EditProperNouns lets strategies edit tokens tagged NNP or NNPS
	// (entities such as company and product names); they are frozen by
	// default.
	EditProperNouns bool

	once     sync.Once
	keep     map[string][][]string // first word -> phrases (lower case)
	negation map[string]bool
	stop     map[string]bool
	anchor   map[string]bool
}

// DefaultNegations are the negations and polarity shifters that the zero
// Policy freezes.
var DefaultNegations = []string{
	"not", "no", "never", "n't", "n’t", "nor", "neither", "none", "nobody", "nothing", "nowhere",
	"noone", "cannot", "without", "hardly", "barely", "scarcely", "seldom", "rarely",
	"lack", "lacks", "lacked", "lacking", "fail", "fails", "failed", "failing", "unable",
	"except", "but", "however", "although", "though", "despite", "yet", "instead",
	"less", "fewer", "least", "only", "against",
}

// DefaultStopwords are the words the zero Policy never replaces: the EDA
// reference's list, a few chat words and adverbs whose WordNet senses
// mislead.
var DefaultStopwords = []string{
	"i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
	"yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
	"it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
	"who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be",
	"been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
	"the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for",
	"with", "about", "against", "between", "into", "through", "during", "before", "after",
	"above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
	"again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all",
	"any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
	"only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
	"should", "now", "please", "can", "could", "would", "may", "might", "must", "shall",
	"also", "get", "got", "let", "ok", "okay", "yes", "hi", "hello", "thanks",
	// Adverbs whose WordNet senses mislead ("still" -> "withal", "back" ->
	// "backward").
	"still", "already", "ever", "even", "really", "quite", "back", "away", "anyway",
}

func (p *Policy) build() {
	p.once.Do(func() {
		p.keep = make(map[string][][]string)
		for _, k := range p.Keep {
			var words []string
			for _, t := range tokenize.Tokenize(k) {
				if t.Kind != tokenize.Space {
					words = append(words, strings.ToLower(t.Text))
				}
			}
			if len(words) > 0 {
				p.keep[words[0]] = append(p.keep[words[0]], words)
			}
		}
		neg := p.Negations
		if neg == nil {
			neg = DefaultNegations
		}
		p.negation = set(neg)
		stop := p.Stopwords
		if stop == nil {
			stop = DefaultStopwords
		}
		p.stop = set(stop)
		p.anchor = set(p.Anchors)
	})
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

var defaultPolicy = &Policy{}

// Apply sets the Lock of every token of toks, which must be the tokens of
// text, in place.
func (p *Policy) Apply(text string, toks []tokenize.Token) {
	if p == nil {
		p = defaultPolicy
	}
	p.build()
	prev := -1 // previous non-space token
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case tokenize.Space:
			continue
		case tokenize.Word:
			lw := lower(t.Text)
			switch {
			case p.negation[lw]:
				t.Lock |= tokenize.Frozen
			case !p.EditProperNouns && (t.Tag == "NNP" || t.Tag == "NNPS"):
				t.Lock |= tokenize.Frozen
			case p.stop[lw]:
				t.Lock |= tokenize.LockReplace
			}
			if p.anchor[lw] {
				t.Lock |= tokenize.LockDelete | tokenize.LockMove
			}
		case tokenize.Contraction:
			t.Lock |= tokenize.Frozen
			if prev == i-1 && prev >= 0 {
				toks[prev].Lock |= tokenize.Frozen | tokenize.LockJoin
			}
		default:
			t.Lock |= tokenize.Frozen
		}
		// Tokens glued together (no space) stay together: nothing is
		// inserted between them.
		if prev == i-1 && prev >= 0 && toks[prev].Kind != tokenize.Punct && t.Kind != tokenize.Punct {
			toks[prev].Lock |= tokenize.LockJoin
		}
		prev = i
	}
	lockGluedRuns(toks)
	lockFigureNeighbours(toks)
	if len(p.keep) > 0 {
		p.applyKeep(toks)
	}
	for _, re := range p.Patterns {
		for _, m := range re.FindAllStringIndex(text, -1) {
			freezeSpan(toks, m[0], m[1])
		}
	}
}

// lockGluedRuns freezes the words of a run of tokens written without
// spaces that holds two or more non-punctuation tokens ("fA.212Zb",
// "card#123", "user/password"): editing one of them could change how the
// rest reads ("fA.212" without "fA" starts with ".212", a number). A word
// with only punctuation glued to it ("card," "(card)") stays free.
func lockGluedRuns(toks []tokenize.Token) {
	for i := 0; i < len(toks); {
		if toks[i].Kind == tokenize.Space {
			i++
			continue
		}
		j, solid := i, 0
		for ; j < len(toks) && toks[j].Kind != tokenize.Space; j++ {
			if toks[j].Kind != tokenize.Punct {
				solid++
			}
		}
		if solid >= 2 {
			for k := i; k < j; k++ {
				if toks[k].Kind == tokenize.Word {
					toks[k].Lock |= tokenize.Frozen
				}
				if k < j-1 {
					toks[k].Lock |= tokenize.LockJoin
				}
			}
		}
		i = j
	}
}

// figure reports the kinds that carry a quantity, a date or an identity.
func figure(k tokenize.Kind) bool {
	switch k {
	case tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date, tokenize.Identifier:
		return true
	}
	return false
}

// lockFigureNeighbours keeps the words right next to a figure in place:
// they say what the figure means ("rose from EUR 3 mn to EUR 5 mn" must
// not swap "from" and "to"), and deleting or replacing them could make the
// figure read differently ("0 A EUR 00" -> "0 EUR 00", "5 apples and
// dollars" -> "5 dollars and apples"). Nothing is inserted beside a figure
// either. The neighbours may still be replaced by synonyms.
func lockFigureNeighbours(toks []tokenize.Token) {
	prev := -1 // previous non-space token
	for i := range toks {
		t := &toks[i]
		if t.Kind == tokenize.Space {
			continue
		}
		if prev >= 0 {
			a, b := &toks[prev], t
			if figure(a.Kind) {
				a.Lock |= tokenize.LockJoin
				if b.Kind == tokenize.Word {
					b.Lock |= tokenize.LockDelete | tokenize.LockMove
				}
			}
			if figure(b.Kind) {
				a.Lock |= tokenize.LockJoin // whatever stands before it
				if a.Kind == tokenize.Word {
					a.Lock |= tokenize.LockDelete | tokenize.LockMove
				}
			}
		}
		prev = i
	}
}

func (p *Policy) applyKeep(toks []tokenize.Token) {
	idx := make([]int, 0, len(toks))
	for i := range toks {
		if toks[i].Kind != tokenize.Space {
			idx = append(idx, i)
		}
	}
	for n, i := range idx {
		phrases := p.keep[lower(toks[i].Text)]
	phrase:
		for _, ph := range phrases {
			if n+len(ph) > len(idx) {
				continue
			}
			for k := 1; k < len(ph); k++ {
				if lower(toks[idx[n+k]].Text) != ph[k] {
					continue phrase
				}
			}
			for k := 0; k < len(ph); k++ {
				toks[idx[n+k]].Lock |= tokenize.Frozen
				if k < len(ph)-1 {
					toks[idx[n+k]].Lock |= tokenize.LockJoin
				}
			}
		}
	}
}

// freezeSpan freezes every token overlapping the byte span [a, b).
func freezeSpan(toks []tokenize.Token, a, b int) {
	last := -1
	for i := range toks {
		t := &toks[i]
		if t.Kind == tokenize.Space || t.End <= a || t.Start >= b {
			continue
		}
		t.Lock |= tokenize.Frozen
		if last >= 0 {
			toks[last].Lock |= tokenize.LockJoin
		}
		last = i
	}
}

// lower lower-cases ASCII without allocating when s is already lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
