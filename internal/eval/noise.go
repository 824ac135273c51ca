package eval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/textaug/lexdata"
	"github.com/textaug/textaug/tokenize"
)

// Noise kinds, in the order [Noise.Apply] applies them.
const (
	NoiseContraction = "contraction"
	NoiseTypo        = "typo"
	NoiseCase        = "case"
	NoisePunct       = "punct"
)

// noiseKinds lists the kinds in application order.
var noiseKinds = [...]string{NoiseContraction, NoiseTypo, NoiseCase, NoisePunct}

// Default probabilities of the noise kinds, used when Noise.Rate is zero.
const (
	DefaultTypoRate        = 0.1 // per eligible word
	DefaultCaseTextRate    = 0.5 // per text: lower-case it all
	DefaultCaseWordRate    = 0.1 // per word with a capital, in a text not lower-cased; a quarter of it per lower-case word
	DefaultContractionRate = 0.5 // per text, then per contraction or long form
	DefaultPunctRate       = 0.3 // per mark and missing end mark; a third of it per text for a comma
)

// Noise is a model of how users mistype, for measuring a classifier on a
// perturbed copy of its test set ("robustness"). Each kind edits a text at
// sites, each with a probability:
//
//   - contraction: with probability 0.5, the text's contractions and long
//     forms are switched by [textaug.Contraction] at its Rate 0.5 (half of
//     them, at least one): "I'm" ↔ "I am", "can't" ↔ "cannot", "don't" ↔
//     "do not", "it's" ↔ "it is"; only unambiguous forms, case and
//     apostrophe kept, the negation kept either way.
//   - typo: each word of at least three ASCII letters, with probability
//     0.1, gets one typo drawn uniformly from: a letter replaced by a
//     neighbouring key on the QWERTY layout of [lexdata.Keyboard] (case
//     kept), two adjacent different letters transposed (the case pattern
//     stays), a letter other than the first omitted, a letter doubled. A
//     typo that would write a negation or a word of [lexdata.RiskyWords]
//     ("now" → "no", "bot" → "not", "lose" → "loose") is not made. Unlike
//     the augmentation operation [textaug.Typo], any word may be hit
//     (names and capitalised words too) and a text may get none or several.
//   - case: the whole text is lower-cased (0.5 per text); otherwise each
//     word gets a capitalisation error: a word with a capital is
//     lower-cased ("I" → "i", "Visa" → "visa"; 0.1 per word), a lower-case
//     word gets a capital first letter (a quarter as often).
//   - punct: each mark of . , ! ? ; : (and the Chinese 。，！？；：、) is
//     dropped (0.3 per mark), unless it stands inside a word ("e.g.") or
//     next to a Chinese negation ("好，不好"); a text with no final mark
//     gets one (0.3; "?" after a question word, else "."; "。" in Chinese);
//     and a comma is inserted after a random word (0.1 per text; not in
//     Chinese, where word boundaries are unknown without a segmenter).
//
// What never changes, so that the label cannot flip: digits and the marks
// next to a digit ("3.5", "20%", "$20", "1,000" keep every byte); negation
// words (textaug.DefaultNegations, and every word with "n't") are never
// mistyped or re-cased, and a contraction keeps its negation ("can't" ↔
// "cannot", "isn't" ↔ "is not"); apostrophes, quotes, brackets and other
// symbols. Texts that [tokenize.Language] calls Chinese only get punct
// noise: the other kinds model English typing.
//
// The noise is not an augmentation under evaluation: its rates differ from
// the augmentation operations' and its random stream is its own, derived
// from (Seed, "eval/noise", text) with textaug.Stream, and split into one
// child stream per kind in the fixed order above, so that adding a kind
// never changes the edits of another. A text's noise therefore depends only
// on the text, the kinds, the rate and the seed, not on its position or on
// the other texts.
//
// The zero value has no kinds and changes nothing. Noise is a plain value,
// safe for concurrent use.
type Noise struct {
	// Kinds are the noise kinds to apply, in any order; they are applied in
	// the order contraction, typo, case, punct. Unknown kinds make Apply
	// fail; ParseNoise makes valid ones.
	Kinds []string
	// Rate, when not 0, replaces every probability above (the per-text
	// ones and the per-site ones, the quarter and the third included,
	// which become Rate/4 and Rate/3); 0 means the defaults
	// (DefaultTypoRate and the others). It must be in [0, 1].
	Rate float64
	// Seed seeds the noise stream.
	Seed uint64
}

// ParseNoise parses a comma-separated list of noise kinds ("typo,case"), or
// "all" for every kind; spaces around a kind are ignored, repeated kinds
// count once and the empty string means no noise. An unknown kind is an
// error that gives its position in the list.
func ParseNoise(s string) (Noise, error) {
	var n Noise
	if strings.TrimSpace(s) == "" {
		return n, nil
	}
	col := 1
	for i, f := range strings.Split(s, ",") {
		k := strings.TrimSpace(f)
		switch {
		case k == "all":
			n.Kinds = append(n.Kinds, noiseKinds[:]...)
		case slices.Contains(noiseKinds[:], k):
			n.Kinds = append(n.Kinds, k)
		default:
			return Noise{}, fmt.Errorf("eval: noise: kind %d (column %d): unknown kind %q (want %s or all)",
				i+1, col, k, strings.Join(noiseKinds[:], ", "))
		}
		col += len(f) + 1
	}
	n.Kinds = n.canonical()
	return n, nil
}

// canonical returns the known kinds of n in application order, each once.
func (n Noise) canonical() []string {
	var out []string
	for _, k := range noiseKinds {
		if slices.Contains(n.Kinds, k) {
			out = append(out, k)
		}
	}
	return out
}

// String returns the kinds as ParseNoise reads them, in application order
// ("" for none).
func (n Noise) String() string { return strings.Join(n.canonical(), ",") }

// validate checks the kinds and the rate.
func (n Noise) validate() error {
	for _, k := range n.Kinds {
		if !slices.Contains(noiseKinds[:], k) {
			return fmt.Errorf("eval: noise: unknown kind %q", k)
		}
	}
	if !(n.Rate >= 0 && n.Rate <= 1) {
		return fmt.Errorf("eval: noise: rate %v outside [0, 1]", n.Rate)
	}
	return nil
}

// Apply returns a perturbed copy of texts, in a newly allocated slice; see
// [Noise] for the model. It fails for an unknown kind or a rate outside
// [0, 1]. The contraction kind tokenizes and tags the texts it edits (the
// shared English tagger, loaded on first use): about 0.3 s for the 3,080
// banking77 test texts.
func (n Noise) Apply(texts []string) ([]string, error) {
	if err := n.validate(); err != nil {
		return nil, err
	}
	kb, err := lexdata.Keyboard("qwerty")
	if err != nil {
		return nil, fmt.Errorf("eval: noise: %w", err)
	}
	out := make([]string, len(texts))
	for i, t := range texts {
		out[i] = n.apply(kb, t)
	}
	return out, nil
}

// apply perturbs one text, mistyping on kb.
func (n Noise) apply(kb *lexdata.Layout, text string) string {
	r := textaug.Stream(n.Seed, "eval/noise\x00"+text, 0)
	zh := tokenize.Language(text) == "zh"
	for _, kind := range noiseKinds {
		kr := textaug.Split(r) // drawn for every kind, enabled or not
		if !slices.Contains(n.Kinds, kind) || (zh && kind != NoisePunct) {
			continue
		}
		switch kind {
		case NoiseContraction:
			text = contractionNoise(kr, text, n.rate(DefaultContractionRate))
		case NoiseTypo:
			text = typoNoise(kr, kb, text, n.rate(DefaultTypoRate))
		case NoiseCase:
			text = caseNoise(kr, text, n.rate(DefaultCaseTextRate), n.rate(DefaultCaseWordRate))
		case NoisePunct:
			text = punctNoise(kr, text, n.rate(DefaultPunctRate), zh)
		}
	}
	return text
}

// rate returns n.Rate, or def when it is zero.
func (n Noise) rate(def float64) float64 {
	if n.Rate == 0 {
		return def
	}
	return n.Rate
}

// hit reports, drawing from r, whether an event of probability p happens.
func hit(r *rand.Rand, p float64) bool { return r.Float64() < p }

// span is a word of a text: its bytes text[start:end].
type span struct{ start, end int }

// wordRune reports whether r is a letter or a digit.
func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// noiseWords returns the words of text: maximal runs of letters and
// digits, with an apostrophe (' or ’) joining two such runs.
func noiseWords(text string) []span {
	var out []span
	start := -1
	for i, r := range text {
		w := wordRune(r)
		switch {
		case w && start < 0:
			start = i
		case w:
		case (r == '\'' || r == '’') && start >= 0:
			size := utf8.RuneLen(r)
			if next, _ := utf8.DecodeRuneInString(text[i+size:]); wordRune(next) {
				continue
			}
			fallthrough
		case start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(text)})
	}
	return out
}

// isNegation reports whether the word w is a negation that noise must not
// touch.
func isNegation(w string) bool {
	l := strings.ReplaceAll(strings.ToLower(w), "’", "'")
	return strings.HasSuffix(l, "n't") || slices.Contains(textaug.DefaultNegations(), l)
}

// hasDigit reports whether s contains a decimal digit.
func hasDigit(s string) bool { return strings.ContainsFunc(s, unicode.IsDigit) }

// editWords rebuilds text with each word w (a span of text) replaced by
// f(w); f returns w itself to keep it.
func editWords(text string, words []span, f func(i int, w string) string) string {
	var b strings.Builder
	last := 0
	for i, s := range words {
		b.WriteString(text[last:s.start])
		b.WriteString(f(i, text[s.start:s.end]))
		last = s.end
	}
	b.WriteString(text[last:])
	return b.String()
}

// typoNoise gives each word of at least three ASCII letters that is not a
// negation a typo with probability p; a typo that would make a negation or
// a word of lexdata.RiskyWords ("now" -> "no", "bot" -> "not", "lose" ->
// "loose") is not made.
func typoNoise(r *rand.Rand, kb *lexdata.Layout, text string, p float64) string {
	return editWords(text, noiseWords(text), func(_ int, w string) string {
		if len(w) < 3 || !asciiLetters(w) || isNegation(w) || !hit(r, p) {
			return w
		}
		if t := typo(r, kb, w); !isNegation(t) && !lexdata.RiskyWords().Has(t) {
			return t
		}
		return w
	})
}

// asciiLetters reports whether s consists of ASCII letters only.
func asciiLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// typo returns w (ASCII letters, at least two) with one typo: a
// neighbouring key on kb, a transposition, an omission or a doubled letter.
func typo(r *rand.Rand, kb *lexdata.Layout, w string) string {
	b := []byte(w)
	op := r.IntN(4)
	var swaps []int // transposable positions
	for i := 0; i+1 < len(b); i++ {
		if b[i]|0x20 != b[i+1]|0x20 {
			swaps = append(swaps, i)
		}
	}
	if op == 1 && len(swaps) == 0 {
		op = 3
	}
	switch op {
	case 0:
		i := r.IntN(len(b))
		keys := kb.Neighbours(rune(b[i])) // in b[i]'s case
		if len(keys) == 0 {
			return w + w[len(w)-1:] // not on the layout: double the last letter
		}
		b[i] = byte(keys[r.IntN(len(keys))])
	case 1: // the letters move, the case pattern stays
		i := swaps[r.IntN(len(swaps))]
		c0, c1 := b[i]&0x20, b[i+1]&0x20
		b[i], b[i+1] = b[i+1]&^0x20|c0, b[i]&^0x20|c1
	case 2:
		i := 1 + r.IntN(len(b)-1)
		b = slices.Delete(b, i, i+1)
	default:
		i := r.IntN(len(b))
		b = slices.Insert(b, i, b[i])
	}
	return string(b)
}

// caseNoise lower-cases the whole text with probability pText, or else
// lower-cases each word with a capital with probability pWord and gives
// each lower-case word a capital with probability pWord/4. Negations and
// words with digits keep their case.
func caseNoise(r *rand.Rand, text string, pText, pWord float64) string {
	all := hit(r, pText)
	return editWords(text, noiseWords(text), func(_ int, w string) string {
		if isNegation(w) || hasDigit(w) {
			return w
		}
		if l := strings.ToLower(w); all || l != w {
			if all || hit(r, pWord) {
				return l
			}
			return w
		}
		if !hit(r, pWord/4) {
			return w
		}
		c, size := utf8.DecodeRuneInString(w)
		return string(unicode.ToUpper(c)) + w[size:]
	})
}

// contractionNoise, with probability p, lets textaug.Contraction switch
// max(1, round(p·e)) of the e contractions and long forms of text.
func contractionNoise(r *rand.Rand, text string, p float64) string {
	if !hit(r, p) {
		return text
	}
	draw, err := textaug.Tokens{Edit: textaug.Contraction{Rate: p}}.Prepare(context.Background(), text)
	if err != nil { // nothing to edit, or no tokens
		return text
	}
	out, _ := draw(r)
	return out
}

// punctuation marks that punct noise drops.
const noiseMarks = ".,!?;:。，！？；：、"

// questionWords start English questions; punct noise ends them with "?".
var questionWords = []string{
	"how", "what", "why", "when", "where", "who", "which", "can", "could", "do", "does",
	"did", "is", "are", "will", "would", "should", "may", "have", "has",
}

// punctNoise drops each mark not next to a digit with probability p, adds
// a final mark to a text without one with probability p, and (in English)
// inserts a comma between two words with probability p/3.
func punctNoise(r *rand.Rand, text string, p float64, zh bool) string {
	trimmed := strings.TrimRightFunc(text, unicode.IsSpace)
	lastRune, _ := utf8.DecodeLastRuneInString(trimmed)
	needEnd := trimmed != "" && !unicode.IsPunct(lastRune) && !unicode.IsSymbol(lastRune) && !unicode.IsDigit(lastRune)
	text = dropMarks(r, text, p)
	if needEnd && hit(r, p) {
		end := "."
		words := noiseWords(trimmed)
		switch {
		case zh:
			end = "。"
		case len(words) > 0 && slices.Contains(questionWords, strings.ToLower(trimmed[words[0].start:words[0].end])):
			end = "?"
		}
		rest := strings.TrimRightFunc(text, unicode.IsSpace)
		text = rest + end + text[len(rest):]
	}
	if !zh && hit(r, p/3) {
		text = insertComma(r, text)
	}
	return text
}

// dropMarks drops each mark of noiseMarks with probability p, unless a
// digit stands next to it or dropping it could join two words ("ca!no",
// "e.g.", "好，不好"; see joins); a mark standing alone between spaces
// takes one space with it.
func dropMarks(r *rand.Rand, text string, p float64) string {
	var b strings.Builder
	prev := ' '
	for i := 0; i < len(text); {
		c, size := utf8.DecodeRuneInString(text[i:])
		next, nsize := utf8.DecodeRuneInString(text[i+size:])
		if strings.ContainsRune(noiseMarks, c) && !unicode.IsDigit(prev) && !unicode.IsDigit(next) &&
			!joins(prev, next) && hit(r, p) {
			if i > 0 && prev == ' ' && next == ' ' {
				size += nsize
			}
			i += size
			continue
		}
		b.WriteString(text[i : i+size])
		prev = c
		i += size
	}
	return b.String()
}

// joins reports whether dropping a mark between prev and next could join
// two words or bring a negation closer to another word: a letter (or an
// apostrophe) follows with no space before, unless both are Han and
// neither a Han negation (不, 没, ...: "好，不好" must not become "好不好").
func joins(prev, next rune) bool {
	han := func(r rune) bool { return unicode.Is(unicode.Han, r) }
	switch {
	case unicode.IsSpace(prev):
		return false
	case han(prev) && han(next):
		return isNegation(string(prev)) || isNegation(string(next))
	}
	return wordRune(next) || next == '\'' || next == '’'
}

// insertComma inserts a comma after a word, drawn from those followed by
// one space and another word, neither with a digit nor the first a
// negation.
func insertComma(r *rand.Rand, text string) string {
	words := noiseWords(text)
	var at []int
	for i := 0; i+1 < len(words); i++ {
		w, next := text[words[i].start:words[i].end], text[words[i+1].start:words[i+1].end]
		if text[words[i].end:words[i+1].start] == " " && !isNegation(w) && !hasDigit(w) && !hasDigit(next) {
			at = append(at, words[i].end)
		}
	}
	if len(at) == 0 {
		return text
	}
	k := at[r.IntN(len(at))]
	return text[:k] + "," + text[k:]
}
