package synonyms

import (
	"slices"
	"strings"
)

// Exceptions is one of WordNet's exception lists (noun.exc, verb.exc,
// adj.exc, adv.exc): it maps an irregular inflected form to its base forms,
// "children" -> ["child"], "better" -> ["good", "well"]. Words are lower case
// with single spaces between the words of a multi-word form.
type Exceptions map[string][]string

// Morphy is a Morphology for English built from WordNet's exception lists
// and a lexicon of known lemmas.
//
// Lemmas follows WordNet's morphy: a word found in the exception list of
// the part of speech gets the base forms listed there; any other word gets
// the results of the detachment rules of its part of speech (nouns: -s,
// -ses, -xes, -zes, -ches, -shes, -men, -ies; verbs: -s, -ies, -es, -ed,
// -ing; adjectives: -er, -est), plus un-doubling of a final consonant
// (stopped -> stop, bigger -> big). Adverbs also get the adjective rules
// (faster -> fast); adjectives and adverbs also get -ier/-iest -> -y and
// verbs -ied -> -y (happier -> happy, tried -> try). The word itself counts
// when it is a lemma. Only candidates that the lexicon knows for the part
// of speech are returned. A multi-word word that yields nothing is
// lemmatised on its head: the first word of a verb ("took off" -> "take
// off"), the last word of a noun ("credit cards" -> "credit card").
//
// Inflect uses the same exception lists in reverse and regular spelling
// rules otherwise; see Inflect for how it chooses among several irregular
// forms.
//
// A Morphy is immutable and safe for concurrent use. A nil *Morphy applies
// the rules alone, like NewMorphy(nil, nil).
type Morphy struct {
	has func(lemma string, pos POS) bool
	exc [4]listTable // form -> bases, sorted
	inv [4]listTable // base -> forms, sorted
}

// posIndex maps Noun, Verb, Adj, Adv to 0..3 and anything else to -1.
func posIndex(p POS) int {
	switch p {
	case Noun:
		return 0
	case Verb:
		return 1
	case Adj:
		return 2
	case Adv:
		return 3
	}
	return -1
}

var allPOS = [4]POS{Noun, Verb, Adj, Adv}

// NewMorphy builds a Morphy from the exception lists of each part of speech
// (missing parts of speech have none) and has, which reports whether lemma
// is a known lemma of part of speech pos. When has is nil every candidate
// counts as a lemma, which makes Lemmas a rule-based guesser. NewMorphy
// copies exc; has must be safe for concurrent use.
func NewMorphy(exc map[POS]Exceptions, has func(lemma string, pos POS) bool) *Morphy {
	fwd, inv := exceptionMaps(exc)
	return newMorphy(appendExceptions(nil, fwd, inv), has)
}

// exceptionMaps returns the exception lists of exc per part of speech
// index, normalised, and their inverses (base -> forms).
func exceptionMaps(exc map[POS]Exceptions) (fwd, inv [4]map[string][]string) {
	for i, pos := range allPOS {
		fwd[i], inv[i] = map[string][]string{}, map[string][]string{}
		for form, bases := range exc[pos] {
			form = Normalize(form)
			for _, b := range bases {
				if b = Normalize(b); form != "" && b != "" {
					fwd[i][form] = append(fwd[i][form], b)
					inv[i][b] = append(inv[i][b], form)
				}
			}
		}
	}
	return fwd, inv
}

// appendExceptions appends the list tables of the exception lists fwd
// (form -> bases) and their inverses inv (base -> forms), as read by
// newMorphy. It sorts and de-duplicates the lists.
func appendExceptions(b []byte, fwd, inv [4]map[string][]string) []byte {
	for _, m := range append(fwd[:], inv[:]...) {
		for k, v := range m {
			slices.Sort(v)
			m[k] = slices.Compact(v)
		}
		b = appendListTable(b, m)
	}
	return b
}

// newMorphy returns the Morphy whose exception lists appendExceptions
// wrote into data, read in place.
func newMorphy(data []byte, has func(lemma string, pos POS) bool) *Morphy {
	r := &reader{data: string(data)}
	m := &Morphy{has: has}
	m.readExceptions(r)
	return m
}

// readExceptions reads the eight list tables of appendExceptions.
func (m *Morphy) readExceptions(r *reader) {
	for i := range m.exc {
		m.exc[i] = r.listTable()
	}
	for i := range m.inv {
		m.inv[i] = r.listTable()
	}
}

// morphy's detachment rules: suffix -> ending.
type rule struct{ suffix, ending string }

var rules = [4][]rule{
	{{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"}, {"ies", "y"}},
	{{"s", ""}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}, {"ied", "y"}},
	{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ier", "y"}, {"iest", "y"}},
	{{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ier", "y"}, {"iest", "y"}},
}

// doubled lists the suffixes after which a doubled final consonant is
// un-doubled: stopped -> stop, bigger -> big.
var doubled = [4][]string{nil, {"ed", "ing"}, {"er", "est"}, {"er", "est"}}

// Lemmas implements Morphology. For pos Any it returns the lemmas of every
// part of speech. The slice is new and owned by the caller.
func (m *Morphy) Lemmas(word string, pos POS) []string {
	if m == nil {
		m = &Morphy{}
	}
	word = normalize(word)
	if word == "" {
		return nil
	}
	var out []string
	if pos == Any {
		for _, p := range allPOS {
			out = m.lemmas(out, word, p, m.known)
		}
	} else if posIndex(pos) >= 0 {
		out = m.lemmas(out, word, pos, m.known)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func (m *Morphy) known(lemma string, pos POS) bool {
	return lemma != "" && (m.has == nil || m.has(lemma, pos))
}

func anyWord(lemma string, _ POS) bool { return lemma != "" }

// lemmas appends the lemmas of word for pos that known accepts.
func (m *Morphy) lemmas(out []string, word string, pos POS, known func(string, POS) bool) []string {
	n := len(out)
	i := posIndex(pos)
	if known(word, pos) {
		out = append(out, word)
	}
	if lo, hi, ok := m.exc[i].find(word); ok {
		for j := lo; j < hi; j++ {
			if b := m.exc[i].str(j); known(b, pos) {
				out = append(out, b)
			}
		}
		return out
	}
	for _, r := range rules[i] {
		if stem, ok := strings.CutSuffix(word, r.suffix); ok {
			if c := stem + r.ending; known(c, pos) {
				out = append(out, c)
			}
		}
	}
	for _, suf := range doubled[i] {
		if stem, ok := strings.CutSuffix(word, suf); ok && len(stem) >= 3 {
			last := stem[len(stem)-1]
			if last == stem[len(stem)-2] && isConsonant(last) {
				if c := stem[:len(stem)-1]; known(c, pos) {
					out = append(out, c)
				}
			}
		}
	}
	if len(out) > n || !strings.Contains(word, " ") {
		return out
	}
	// A phrase: lemmatise its head word, then check the whole.
	switch pos {
	case Verb:
		head, rest, _ := strings.Cut(word, " ")
		for _, l := range m.lemmas(nil, head, pos, anyWord) {
			if c := l + " " + rest; l != head && known(c, pos) {
				out = append(out, c)
			}
		}
	case Noun:
		j := strings.LastIndexByte(word, ' ')
		for _, l := range m.lemmas(nil, word[j+1:], pos, anyWord) {
			if c := word[:j+1] + l; l != word[j+1:] && known(c, pos) {
				out = append(out, c)
			}
		}
	}
	return out
}

// Inflect implements Morphology. The tag decides the form; pos must be the
// tag's part of speech or Any, otherwise, and for tags of closed classes,
// lemma is returned unchanged. Base tags (NN, VB, VBP, JJ, RB) return lemma
// itself, except that the VBP of "be" is "are".
//
// Irregular forms come from the exception list of the part of speech read
// in reverse; a form that the regular rules would give wins when the list
// has it too ("bedded" over "bed"). For VBD and VBN, forms ending in -s or
// -ing are set aside; VBN prefers a participle-like form (-en, -wn, then
// -n, -ne, or an i -> u vowel change: risen, shown, gone, sung) and VBD the
// least participle-like one (rose, sang). A verb whose only irregular form
// ends in -en or -wn takes the regular past tense for VBD (proved/proven,
// showed/shown). Remaining ties go to the alphabetically first form. A
// short built-in table covers what the lists get wrong for current English:
// verbs whose past equals their base form (cut, put, set, ...) or whose
// participle does (come, run), verbs whose -t forms are chiefly British
// (learned, not learnt), plurals that are archaic or rare (brothers, not
// brethren; buses, not busses) or unchanged (sheep), and comparatives
// missing from adj.exc (farther, more, less).
//
// Regular rules: plurals and -s forms add -es after s, x, z, ch, sh (and,
// for verbs, after a consonant + o) and turn a consonant + y into -ies;
// nouns in -man take -men (chairmen, but humans). Pasts add -d after e,
// turn a consonant + y into -ied, double the final consonant of a
// one-syllable consonant-vowel-consonant word (stopped) and add -ked after
// -ic; -ing forms drop a silent e (making), turn -ie into -ying and double
// like pasts. Adjectives and adverbs of one syllable, and adjectives of two
// syllables ending in a consonant + y, -ow or a consonant + le, take
// -er/-est with the same spelling changes (larger, bigger, happier,
// narrower, simpler); the others, adverbs in -ly, and adjectives or adverbs
// that are irregular in the other degree only (deeply -> deeper, most
// deeply), take "more X"/"most X". A noun lemma that already looks plural
// (ends in -s but not -ss, -us, -is, -as, -os, -ys) is unchanged.
//
// For a multi-word lemma the head word is inflected: the first word of a
// verb ("take off" -> "took off"), the last word of a noun ("credit card"
// -> "credit cards") or, when a preposition comes inside it, the word
// before the first one ("point of view" -> "points of view"); a noun phrase
// in the exception list takes the form listed there ("attorneys general").
// Multi-word adjectives and adverbs take "more"/"most".
func (m *Morphy) Inflect(lemma string, pos POS, tag string) string {
	if m == nil {
		m = &Morphy{}
	}
	lemma = normalize(lemma)
	tp, ok := FromPenn(tag)
	if !ok || lemma == "" || (pos != Any && pos != tp) {
		return lemma
	}
	switch tag {
	case "NN", "VB", "JJ", "RB":
		return lemma
	case "VBP":
		if lemma == "be" {
			return "are"
		}
		return lemma
	}
	i := posIndex(tp)
	switch tp {
	case Noun:
		if !strings.Contains(lemma, " ") {
			break
		}
		var buf [8]string
		if f := pick(lemma, tag, m.inv[i].appendList(buf[:0], lemma)); f != "" {
			return f // attorneys general
		}
		words := strings.Split(lemma, " ")
		h := len(words) - 1
		for j := 1; j < len(words)-1; j++ {
			if nounPreps[words[j]] {
				h = j - 1 // points of view
				break
			}
		}
		words[h] = m.inflectWord(words[h], i, tag)
		return strings.Join(words, " ")
	case Verb:
		if head, rest, ok := strings.Cut(lemma, " "); ok {
			return m.inflectWord(head, i, tag) + " " + rest
		}
	default:
		if strings.Contains(lemma, " ") {
			return moreMost(lemma, tag)
		}
	}
	return m.inflectWord(lemma, i, tag)
}

func (m *Morphy) inflectWord(w string, i int, tag string) string {
	if o, ok := overrides[tag][w]; ok {
		return o
	}
	if tag == "VBD" || tag == "VBN" {
		if invariantPast[w] || tag == "VBN" && baseParticiple[w] {
			return w
		}
		if regularPast[w] {
			return regular(w, tag)
		}
	}
	var buf [8]string
	forms := m.inv[i].appendList(buf[:0], w)
	if f := pick(w, tag, forms); f != "" {
		return f
	}
	if i >= 2 && slices.ContainsFunc(forms, func(f string) bool { return !sameLetters(f, w) }) {
		return moreMost(w, tag) // irregular, but not in this degree: deeply -> deeper, most deeply
	}
	return regular(w, tag)
}

// pick chooses the irregular form of lemma for tag among forms, or "".
func pick(lemma, tag string, forms []string) string {
	if len(forms) == 0 {
		return ""
	}
	reg := regular(lemma, tag)
	var c []string
	for _, f := range forms {
		if sameLetters(f, lemma) {
			continue // a blocker (modest -> modest) or a spelling variant (co-ordinate)
		}
		var fits bool
		switch tag {
		case "NNS":
			fits = true
		case "VBZ":
			fits = strings.HasSuffix(f, "s")
		case "VBG":
			fits = strings.HasSuffix(f, "ing")
		case "VBD", "VBN":
			fits = !strings.HasSuffix(f, "ing") && !strings.HasSuffix(f, "s")
		case "JJR", "RBR":
			fits = !strings.HasSuffix(f, "st") // better, worse, farther
		case "JJS", "RBS":
			fits = strings.HasSuffix(f, "st") // best, worst, farthest
		}
		if fits {
			if f == reg {
				return reg
			}
			c = append(c, f)
		}
	}
	if len(c) == 0 {
		return ""
	}
	switch tag {
	case "VBN":
		best := c[0]
		for _, f := range c[1:] {
			if participle(f, lemma) > participle(best, lemma) {
				best = f
			}
		}
		return best
	case "VBD":
		best := c[0]
		for _, f := range c[1:] {
			if participle(f, lemma) < participle(best, lemma) {
				best = f
			}
		}
		if participle(best, lemma) >= 3 {
			return reg // only a participle is irregular: proved/proven
		}
		return best
	}
	return c[0]
}

// participle scores how much form looks like a past participle of lemma.
func participle(form, lemma string) int {
	switch {
	case strings.HasSuffix(form, "en") || strings.HasSuffix(form, "wn"):
		return 3
	case strings.HasSuffix(form, "n") || strings.HasSuffix(form, "ne"):
		return 2
	case strings.Contains(form, "u") && strings.Contains(lemma, "i") && !strings.Contains(lemma, "u"):
		return 2 // sing/sung, drink/drunk
	}
	return 0
}

// sameLetters reports whether a and b differ only in hyphens and spaces.
func sameLetters(a, b string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && (a[i] == '-' || a[i] == ' ') {
			i++
		}
		for j < len(b) && (b[j] == '-' || b[j] == ' ') {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i, j = i+1, j+1
	}
}

// overrides fixes forms that the exception lists get wrong or lack, per tag.
var overrides = map[string]map[string]string{
	"NNS": {
		"brother": "brothers", "genius": "geniuses", "penny": "pennies", "cow": "cows",
		"fish": "fish", "sheep": "sheep", "deer": "deer", "aircraft": "aircraft",
		"offspring": "offspring", "moose": "moose", "salmon": "salmon", "trout": "trout",
		"swine": "swine", "bison": "bison", "series": "series", "species": "species",
		"octopus": "octopuses", "formula": "formulas", "person": "people", "gas": "gases",
		"bus": "buses",
	},
	"JJR": {"far": "farther", "much": "more", "many": "more", "little": "less"},
	"JJS": {"far": "farthest", "much": "most", "many": "most", "little": "least"},
	"VBD": {"be": "was", "bear": "bore", "shrink": "shrank", "sink": "sank", "spit": "spat", "dive": "dived", "beat": "beat"},
	"VBN": {"be": "been", "bear": "borne", "shrink": "shrunk", "sink": "sunk", "spit": "spat", "dive": "dived"},
	"VBZ": {"be": "is", "have": "has"},
	"VBG": {"be": "being"},
}

// invariantPast lists verbs whose past tense and participle are the base
// form; WordNet's exception lists cannot record them.
var invariantPast = setOf("bet", "bid", "broadcast", "burst", "cast", "cost", "cut", "forecast", "hit", "hurt",
	"let", "put", "quit", "read", "reset", "rid", "set", "shed", "shut", "slit", "split", "spread", "thrust",
	"upset", "wet", "outbid", "overcast", "recast", "typeset", "input", "output", "offset", "inset", "preset",
	"sublet", "undercut", "overspread", "mishit")

// baseParticiple lists verbs whose past participle is the base form
// although the past tense is not (came, come).
var baseParticiple = setOf("come", "become", "overcome", "outcome", "run", "outrun", "overrun", "rerun", "forerun")

// regularPast lists verbs whose -ed forms are usual in current (American)
// English although the exception list has -t forms.
var regularPast = setOf("burn", "dream", "learn", "spell", "spill", "spoil", "smell", "lean", "leap", "kneel", "dwell")

// nounPreps are prepositions after which a noun phrase's head comes:
// "point of view" -> "points of view".
var nounPreps = setOf("of", "in", "on", "at", "for", "to", "from", "with", "by", "de", "du", "des", "under", "over")

// manS lists nouns in -man whose plural is -mans.
var manS = setOf("human", "shaman", "talisman", "caiman", "cayman", "ottoman", "roman", "german", "dolman",
	"hetman", "ataman", "desman", "caftan", "superhuman", "subhuman", "nonhuman", "gorman", "walkman")

// moreSet lists one-syllable adjectives that take "more"/"most".
var moreSet = setOf("real", "right", "wrong", "just", "fun", "ill", "bored", "loved", "known", "worn", "drunk", "prone", "apt", "glad")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// regular applies the regular spelling rules for tag to the single word w.
func regular(w, tag string) string {
	switch tag {
	case "NNS":
		switch {
		case looksPlural(w):
			return w
		case strings.HasSuffix(w, "man") && !manS[w]:
			return w[:len(w)-3] + "men" // woman, chairman
		}
		return sibilantS(w, false)
	case "VBZ":
		return sibilantS(w, true)
	case "VBD", "VBN":
		switch {
		case strings.HasSuffix(w, "e"):
			return w + "d"
		case consonantY(w):
			return w[:len(w)-1] + "ied"
		case cvc(w):
			return w + w[len(w)-1:] + "ed"
		case strings.HasSuffix(w, "ic"):
			return w + "ked"
		}
		return w + "ed"
	case "VBG":
		switch {
		case strings.HasSuffix(w, "ie"):
			return w[:len(w)-2] + "ying"
		case strings.HasSuffix(w, "ee"), strings.HasSuffix(w, "ye"), strings.HasSuffix(w, "oe"), w == "be":
			return w + "ing"
		case strings.HasSuffix(w, "e") && len(w) > 2:
			return w[:len(w)-1] + "ing"
		case cvc(w):
			return w + w[len(w)-1:] + "ing"
		case strings.HasSuffix(w, "ic"):
			return w + "king"
		}
		return w + "ing"
	case "JJR", "JJS", "RBR", "RBS":
		adverb := tag[0] == 'R'
		n := syllables(w)
		twoSyllable := !adverb && n == 2 && (consonantY(w) || strings.HasSuffix(w, "ow") ||
			strings.HasSuffix(w, "le") && isConsonant(w[len(w)-3]))
		suffixed := !moreSet[w] && (n == 1 || twoSyllable || w == "early")
		if adverb && strings.HasSuffix(w, "ly") && w != "early" {
			suffixed = false
		}
		if !suffixed {
			return moreMost(w, tag)
		}
		suf := "er"
		if tag == "JJS" || tag == "RBS" {
			suf = "est"
		}
		switch {
		case strings.HasSuffix(w, "e"):
			return w + suf[1:]
		case consonantY(w):
			return w[:len(w)-1] + "i" + suf
		case cvc(w):
			return w + w[len(w)-1:] + suf
		}
		return w + suf
	}
	return w
}

func moreMost(w, tag string) string {
	if tag == "JJS" || tag == "RBS" {
		return "most " + w
	}
	return "more " + w
}

// sibilantS adds -s or -es to w, or turns a final consonant + y into -ies.
func sibilantS(w string, verb bool) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "z"),
		strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case consonantY(w):
		return w[:len(w)-1] + "ies"
	case verb && len(w) >= 2 && w[len(w)-1] == 'o' && isConsonant(w[len(w)-2]):
		return w + "es"
	}
	return w + "s"
}

// looksPlural reports whether a noun lemma already has a plural ending:
// earnings, goods, news.
func looksPlural(w string) bool {
	if !strings.HasSuffix(w, "s") || len(w) < 4 {
		return false
	}
	for _, s := range [...]string{"ss", "us", "is", "as", "os", "ys"} {
		if strings.HasSuffix(w, s) {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'
}

func isConsonant(c byte) bool {
	return c >= 'a' && c <= 'z' && !isVowel(c)
}

func consonantY(w string) bool {
	return len(w) >= 2 && w[len(w)-1] == 'y' && isConsonant(w[len(w)-2]) && w[len(w)-2] != 'y'
}

// cvc reports whether w is one syllable ending in consonant, vowel,
// consonant (other than w, x, y), so that it doubles its final consonant
// before -ed, -ing, -er, -est: stop, big, plan.
func cvc(w string) bool {
	n := len(w)
	if n < 3 || syllables(w) != 1 {
		return false
	}
	c1, v, c2 := w[n-3], w[n-2], w[n-1]
	if !isConsonant(c2) || c2 == 'w' || c2 == 'x' || c2 == 'y' || !isVowel(v) {
		return false
	}
	if c1 == 'u' && n >= 4 && w[n-4] == 'q' {
		return true // quit, quiz
	}
	return isConsonant(c1)
}

// syllables estimates the syllables of w as its vowel groups, with y a
// vowel after a consonant and a silent final e not counted.
func syllables(w string) int {
	n, in := 0, false
	for j := 0; j < len(w); j++ {
		c := w[j]
		v := isVowel(c) || (c == 'y' && j > 0 && !isVowel(w[j-1]))
		if v && !in {
			n++
		}
		in = v
	}
	if n > 1 && strings.HasSuffix(w, "e") && len(w) >= 3 && isConsonant(w[len(w)-2]) &&
		!(w[len(w)-2] == 'l' && isConsonant(w[len(w)-3])) {
		n-- // silent e, but not the syllabic -le of "simple"
	}
	return n
}

// normalize is Normalize without allocation for words already in normal
// form (lower-case ASCII letters and single inner spaces).
func normalize(s string) string {
	for j := 0; j < len(s); j++ {
		c := s[j]
		if c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80 || c < ' ' ||
			c == ' ' && (j == 0 || j == len(s)-1 || s[j+1] == ' ') {
			return Normalize(s)
		}
	}
	return s
}
