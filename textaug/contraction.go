package textaug

import (
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/textaug/textaug/tokenize"
)

// Contraction expands English contractions and contracts their long
// forms, both ways in one variant: "can't" <-> "cannot", "won't" <-> "will
// not", "don't" <-> "do not", "I'm" <-> "I am", "you're" <-> "you are",
// "it's" <-> "it is", "they've" <-> "they have", "I'll" <-> "I will",
// "she'd" <-> "she would". Of the e places where it can do either, it
// changes n = max(1, round(Rate·e)), at most Max.
//
// Only unambiguous forms change. "'s" is expanded after a pronoun only
// ("it's", "that's", "what's"; never a possessive "John's"), to "is", or
// to "has" before "been" or "got", and not at all before another past
// participle ("it's done"); "'d" becomes "would" before a base verb and
// "had" before a past participle, and stays otherwise; "ain't" stays.
// A long form is contracted only when a word follows it ("I know what it
// is." keeps "it is"), and "have" only before a past participle ("I have
// lost", not "I have a card").
//
// A negation keeps its meaning and its protection either way: "not",
// "cannot", "n't" and the verbs they hang on come out frozen, so no later
// edit moves or drops them, and KeepsFigures counts the same negations
// before and after. Case is kept ("Don't" -> "Do not", "CAN'T" ->
// "CANNOT", "I am" -> "I'm"), and so is the apostrophe (’ where the text
// uses it). Chinese has no contractions: Chinese text is left as it is.
//
// The changed tokens are new (Start and End -1). Contraction changes
// words that the policy freezes against the other edits, since it changes
// their form, never their meaning.
//
// The zero value changes half of the places, at least one. Safe for
// concurrent use.
type Contraction struct {
	Rate float64 // share of places changed; 0 means 0.5
	Max  int     // at most this many per variant; 0 means no cap
}

// Name implements Edit.
func (Contraction) Name() string { return "contraction" }

// contractionSite is one place Contraction can change: tokens [from, to)
// become repl.
type contractionSite struct {
	from, to int
	repl     []tokenize.Token
}

// Edit implements Edit.
func (c Contraction) Edit(r *rand.Rand, toks []tokenize.Token) []tokenize.Token {
	sites := contractionSites(toks)
	n := count(or(c.Rate, 0.5), len(sites), c.Max)
	if n == 0 {
		return toks
	}
	chosen := r.Perm(len(sites))[:n]
	slices.Sort(chosen)
	out := make([]tokenize.Token, 0, len(toks)+2*n)
	at := 0
	for _, k := range chosen {
		s := sites[k]
		out = append(out, toks[at:s.from]...)
		out = append(out, s.repl...)
		at = s.to
	}
	out = append(out, toks[at:]...)
	return out
}

// contractionSites lists the places of toks that Contraction can change,
// in text order and not overlapping.
func contractionSites(toks []tokenize.Token) []contractionSite {
	apos := "'"
	for i := range toks {
		if toks[i].Kind == tokenize.Contraction && strings.Contains(toks[i].Text, "’") {
			apos = "’"
		}
	}
	var sites []contractionSite
	for i := 0; i < len(toks); i++ {
		s, ok := expandAt(toks, i)
		if !ok {
			s, ok = contractAt(toks, i, apos)
		}
		if ok {
			sites = append(sites, s)
			i = s.to - 1
		}
	}
	return sites
}

// negAux are the verbs whose "n't" expands to a separate "not".
var negAux = []string{"are", "could", "did", "do", "does", "had", "has", "have", "is", "might", "must", "need", "should", "was", "were", "would"}

// pronouns before which "'s" may stand for "is" or "has", and the long
// forms that may be contracted after them.
var (
	sPronouns   = []string{"he", "here", "how", "it", "she", "that", "there", "what", "when", "where", "who", "why"}
	subjects    = []string{"i", "you", "we", "they", "he", "she", "it"}
	arePronouns = []string{"you", "we", "they"}
)

// expandAt returns the expansion of a word and its clitic at toks[i],
// toks[i+1] ("ca" + "n't"), if it is unambiguous.
func expandAt(toks []tokenize.Token, i int) (contractionSite, bool) {
	if i+1 >= len(toks) || toks[i].Kind != tokenize.Word || toks[i+1].Kind != tokenize.Contraction {
		return contractionSite{}, false
	}
	w, cl := toks[i].Text, strings.ToLower(strings.ReplaceAll(toks[i+1].Text, "’", "'"))
	lw := strings.ToLower(w)
	up := allCaps(toks[i+1].Text)
	next := nextWord(toks, i+2)
	var long []string
	switch {
	case cl == "n't" && inverted(next):
		return contractionSite{}, false // "Don't they" must not become "Do not they"
	case cl == "n't" && lw == "ca":
		return site(i, i+2, toks, up, withCase("cannot", caseOf(w))), true
	case cl == "n't" && lw == "wo":
		long = []string{withCase("will", caseOf(w)), "not"}
	case cl == "n't" && slices.Contains(negAux, lw):
		long = []string{w, "not"}
	case cl == "'m" && lw == "i":
		long = []string{w, "am"}
	case cl == "'re" && slices.Contains(arePronouns, lw):
		long = []string{w, "are"}
	case cl == "'ve" && slices.Contains(subjects, lw):
		long = []string{w, "have"}
	case cl == "'ll" && slices.Contains(subjects, lw):
		long = []string{w, "will"}
	case cl == "'d" && slices.Contains(subjects, lw) && next != nil && next.Tag == "VB":
		long = []string{w, "would"}
	case cl == "'d" && slices.Contains(subjects, lw) && next != nil && next.Tag == "VBN":
		long = []string{w, "had"}
	case cl == "'s" && lw == "let":
		long = []string{w, "us"}
	case cl == "'s" && slices.Contains(sPronouns, lw):
		switch {
		case next != nil && (strings.EqualFold(next.Text, "been") || strings.EqualFold(next.Text, "got")):
			long = []string{w, "has"}
		case next == nil || next.Tag == "VBN" || next.Tag == "VBD":
			return contractionSite{}, false // "it's done": is or has
		default:
			long = []string{w, "is"}
		}
	default:
		return contractionSite{}, false
	}
	return site(i, i+2, toks, up, long...), true
}

// contractAt returns the contraction of the long form starting at toks[i]
// ("do not", "I am", "cannot"), if it has one.
func contractAt(toks []tokenize.Token, i int, apos string) (contractionSite, bool) {
	t := &toks[i]
	if t.Kind != tokenize.Word {
		return contractionSite{}, false
	}
	lw := strings.ToLower(t.Text)
	if lw == "cannot" {
		return clitic(i, i+1, toks, withCase("ca", caseOf(t.Text)), apos+"t", "n"), true
	}
	if i+2 >= len(toks) || toks[i+1].Text != " " || toks[i+2].Kind != tokenize.Word {
		return contractionSite{}, false
	}
	b := &toks[i+2]
	lb := strings.ToLower(b.Text)
	after := nextWord(toks, i+3)
	if lb == "not" {
		switch {
		case lw == "will":
			return clitic(i, i+3, toks, withCase("wo", caseOf(t.Text)), apos+"t", "n"), true
		case lw == "can":
			return clitic(i, i+3, toks, withCase("ca", caseOf(t.Text)), apos+"t", "n"), true
		case slices.Contains(negAux, lw) && lw != "might":
			return clitic(i, i+3, toks, t.Text, apos+"t", "n"), true
		}
		return contractionSite{}, false
	}
	if after == nil || after.Kind != tokenize.Word {
		return contractionSite{}, false // "I know what it is." keeps "it is"
	}
	if strings.EqualFold(after.Text, "not") && (lb == "will" || lb == "have" || lb == "would") {
		return contractionSite{}, false // "I will not" -> "I won't", not "I'll not"
	}
	var cl string
	switch {
	case lw == "i" && lb == "am":
		cl = apos + "m"
	case slices.Contains(arePronouns, lw) && lb == "are":
		cl = apos + "re"
	case slices.Contains(sPronouns, lw) && lb == "is" && after.Tag != "PRP":
		cl = apos + "s" // not "where's it?"
	case slices.Contains(subjects, lw) && lb == "will":
		cl = apos + "ll"
	case slices.Contains(subjects, lw) && lb == "have" && after.Tag == "VBN":
		cl = apos + "ve"
	case slices.Contains(subjects, lw) && lb == "would" && after.Tag == "VB":
		cl = apos + "d"
	default:
		return contractionSite{}, false
	}
	return clitic(i, i+3, toks, t.Text, cl[len(apos):], cl[:len(apos)]), true
}

// site makes the expansion of toks[from:to] into words, single spaces
// between them, all frozen (a negation stays protected, and so does the
// verb it hangs on). up writes them in upper case.
func site(from, to int, toks []tokenize.Token, up bool, words ...string) contractionSite {
	s := contractionSite{from: from, to: to}
	for k, w := range words {
		if k > 0 {
			s.repl = append(s.repl, space)
		}
		if up {
			w = strings.ToUpper(w)
		}
		tag := toks[from].Tag
		if k > 0 {
			tag = longTag(strings.ToLower(w), toks[to-1].Tag)
		}
		s.repl = append(s.repl, tokenize.Token{Text: w, Start: -1, End: -1, Kind: tokenize.Word, Tag: tag, Lock: tokenize.Frozen})
	}
	return s
}

// longTag is the tag of the second word of an expansion.
func longTag(w, cliticTag string) string {
	switch w {
	case "not":
		return "RB"
	case "us":
		return "PRP"
	}
	return cliticTag
}

// clitic makes the contraction of toks[from:to]: the word host glued to
// the clitic, written pre+rest with the text's apostrophe ("n" + "'t",
// "'" + "m"), in upper case when the long form was.
func clitic(from, to int, toks []tokenize.Token, host, rest, pre string) contractionSite {
	cl := pre + rest
	if src := tokenize.Join(toks[from:to]); allCaps(src) && len(src) > 2 {
		host, cl = strings.ToUpper(host), strings.ToUpper(cl)
	}
	tag := "RB"
	if pre != "n" {
		tag = toks[to-1].Tag
	}
	return contractionSite{from: from, to: to, repl: []tokenize.Token{
		{Text: host, Start: -1, End: -1, Kind: tokenize.Word, Tag: toks[from].Tag, Lock: tokenize.Frozen | tokenize.LockJoin},
		{Text: cl, Start: -1, End: -1, Kind: tokenize.Contraction, Tag: tag, Lock: tokenize.Frozen},
	}}
}

// inverted reports whether next, the word after an "n't", makes a
// question or is missing ("Can't you?", "Why didn't my card work?",
// "I don't."), where the long form would read wrong.
func inverted(next *tokenize.Token) bool {
	if next == nil || next.Kind != tokenize.Word {
		return true
	}
	switch next.Tag {
	case "PRP", "PRP$", "DT", "EX", "NN", "NNS", "NNP", "NNPS", "CD", "WP", "PDT":
		return true
	}
	return false
}

// nextWord returns the first non-space token from toks[i] on, or nil.
func nextWord(toks []tokenize.Token, i int) *tokenize.Token {
	for ; i < len(toks); i++ {
		if toks[i].Kind != tokenize.Space {
			return &toks[i]
		}
	}
	return nil
}

// allCaps reports whether s has a letter and no lower-case one.
func allCaps(s string) bool { return strings.ToUpper(s) == s && strings.ToLower(s) != s }
