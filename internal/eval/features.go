package eval

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Analyzer selects the features a [Classifier] extracts from a text. The zero
// value is [Words].
type Analyzer int

const (
	// Words extracts word unigrams and bigrams from the lower-cased text.
	// A token is a maximal run of letters, numbers, combining marks and
	// underscores, in the sense of package unicode; an apostrophe (' or ’,
	// the latter read as ') between two such characters joins them, so
	// "isn't" and "card's" are single tokens, while leading and trailing
	// apostrophes and all other characters separate tokens. Tokens of a
	// single character are dropped, as by scikit-learn's default token
	// pattern (?u)\b\w\w+\b; keeping them made no measurable difference
	// on the shared datasets, so the features stay comparable with the
	// usual scikit-learn baselines (which split "isn't" into "isn" and
	// drop "t", where Words keeps "isn't"). Bigrams join adjacent tokens
	// with a space, across punctuation and dropped tokens. Text without
	// spaces between words (Chinese, Japanese) comes out as a few long
	// tokens; use [Chars] for it.
	Words Analyzer = iota
	// Chars extracts character (rune) 1-, 2- and 3-grams from the
	// lower-cased text after trimming it and collapsing every run of white
	// space to one space. It suits Chinese, where it approximates words
	// without a segmenter.
	Chars
	// Unigrams extracts the word unigrams of Words, without bigrams.
	Unigrams
	// WordsChars extracts the n-grams of Words and, inside each of its
	// tokens padded with a space at both ends, character 2-, 3- and
	// 4-grams (scikit-learn's char_wb analyzer), which match a word with
	// a typo or another inflection in part. A character n-gram is marked
	// (a leading U+0001) so that it never collides with a word of the
	// same spelling.
	WordsChars
	// Chars2 extracts character 1- and 2-grams as Chars does.
	Chars2
)

// analyzerNames are the names of the analyzers, by value.
var analyzerNames = [...]string{Words: "words", Chars: "chars", Unigrams: "unigrams", WordsChars: "words+chars", Chars2: "chars2"}

// valid reports whether a is a known analyzer.
func (a Analyzer) valid() bool { return a >= 0 && int(a) < len(analyzerNames) }

// String returns the analyzer's name (words, chars, unigrams, words+chars,
// chars2), or "Analyzer(n)" for an unknown value.
func (a Analyzer) String() string {
	if a.valid() {
		return analyzerNames[a]
	}
	return fmt.Sprintf("Analyzer(%d)", int(a))
}

// Describe is a phrase for tables: "TF-IDF word 1–2-grams", ...
func (a Analyzer) Describe() string {
	switch a {
	case Words:
		return "TF-IDF word 1–2-grams"
	case Chars:
		return "TF-IDF character 1–3-grams"
	case Unigrams:
		return "TF-IDF word 1-grams"
	case WordsChars:
		return "TF-IDF word 1–2-grams + character 2–4-grams within words"
	case Chars2:
		return "TF-IDF character 1–2-grams"
	}
	return a.String()
}

// MarshalText implements [encoding.TextMarshaler]; it fails for an unknown
// value.
func (a Analyzer) MarshalText() ([]byte, error) {
	if !a.valid() {
		return nil, fmt.Errorf("eval: unknown analyzer %d", int(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] (and so flag.TextVar):
// it accepts the names String returns.
func (a *Analyzer) UnmarshalText(b []byte) error {
	for i, n := range analyzerNames {
		if n == string(b) {
			*a = Analyzer(i)
			return nil
		}
	}
	return fmt.Errorf("eval: unknown analyzer %q (want %s)", b, strings.Join(analyzerNames[:], ", "))
}

// isWordRune reports whether r belongs inside a Words token.
func isWordRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r)
}

// wordTokens appends the Words tokens of s (already lower-cased, with ’
// replaced by ') to dst.
func wordTokens(dst []string, s string) []string {
	start := -1 // byte offset of the current token, or -1
	emit := func(end int) {
		if tok := s[start:end]; utf8.RuneCountInString(tok) >= 2 {
			dst = append(dst, tok)
		}
		start = -1
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case r == '\'' && start >= 0:
			// Joins only when a word rune follows.
			if next, _ := utf8.DecodeRuneInString(s[i+n:]); i+n < len(s) && isWordRune(next) {
				break
			}
			emit(i)
		default:
			if start >= 0 {
				emit(i)
			}
		}
		i += n
	}
	if start >= 0 {
		emit(len(s))
	}
	return dst
}

// charText lower-cases s, trims it and collapses white-space runs to one
// space.
func charText(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

// analyze appends the n-grams of text under a to dst; tok is scratch space
// for tokens and is returned for reuse.
func analyze(a Analyzer, dst, tok []string, text string) (terms, scratch []string) {
	switch a {
	case Chars, Chars2:
		top := 3
		if a == Chars2 {
			top = 2
		}
		return charGrams(dst, charText(text), 1, top, ""), tok
	default:
		s := strings.ToLower(text)
		if strings.Contains(s, "’") {
			s = strings.ReplaceAll(s, "’", "'")
		}
		tok = wordTokens(tok[:0], s)
		dst = append(dst, tok...)
		if a == Unigrams {
			return dst, tok
		}
		for i := 0; i+1 < len(tok); i++ {
			dst = append(dst, tok[i]+" "+tok[i+1])
		}
		if a == WordsChars {
			for _, t := range tok {
				dst = charGrams(dst, " "+t+" ", 2, 4, "\x01")
			}
		}
		return dst, tok
	}
}

// charGrams appends the rune lo- to hi-grams of s, each after mark.
func charGrams(dst []string, s string, lo, hi int, mark string) []string {
	// Byte offsets of every rune start, plus len(s).
	var offs [64]int
	starts := offs[:0]
	for i := range s {
		starts = append(starts, i)
	}
	starts = append(starts, len(s))
	runes := len(starts) - 1
	for n := lo; n <= hi; n++ {
		for i := 0; i+n <= runes; i++ {
			dst = append(dst, mark+s[starts[i]:starts[i+n]])
		}
	}
	return dst
}

// csr is a sparse matrix in compressed sparse row form: row i has the
// column indices ind[ptr[i]:ptr[i+1]] (ascending) and values val[...].
type csr struct {
	ptr []int
	ind []int32
	val []float64
}

func (m *csr) rows() int { return len(m.ptr) - 1 }

// vectorizer maps texts to L2-normalised TF-IDF rows. It is read-only after
// fitVectorizer and safe for concurrent use.
type vectorizer struct {
	analyzer  Analyzer
	sublinear bool
	vocab     map[string]int32
	idf       []float64
}

// fitVectorizer learns the vocabulary (n-grams in at least minDF texts,
// indexed in string order) and the smooth idf from texts, each text
// counted mult times (as if it were repeated).
func fitVectorizer(texts []string, a Analyzer, minDF int, sublinear bool, mult int) *vectorizer {
	v, _ := fit(texts, a, minDF, sublinear, mult)
	return v
}

// fitTransform is fitVectorizer followed by transform on the same texts,
// with the matrix's arrays allocated once at their final size: no array
// grows by appending, so none leaves a smaller copy behind as garbage.
func fitTransform(texts []string, a Analyzer, minDF int, sublinear bool, mult int) (*vectorizer, csr) {
	v, nnz := fit(texts, a, minDF, sublinear, mult)
	m := csr{ptr: make([]int, 1, len(texts)+1), ind: make([]int32, 0, nnz), val: make([]float64, 0, nnz)}
	return v, v.appendRows(m, texts)
}

// fit is fitVectorizer; it also returns the number of distinct n-grams
// summed over the texts, the number of non-zeros of their matrix with
// minDF 1 (an upper bound otherwise).
func fit(texts []string, a Analyzer, minDF int, sublinear bool, mult int) (*vectorizer, int) {
	df := make(map[string]int)
	var terms, tok []string
	nnz := 0
	for _, t := range texts {
		terms, tok = analyze(a, terms[:0], tok, t)
		slices.Sort(terms)
		terms = slices.Compact(terms)
		nnz += len(terms)
		for _, term := range terms {
			df[term] += mult
		}
	}
	kept := make([]string, 0, len(df))
	for term, n := range df {
		if n >= minDF {
			kept = append(kept, term)
		}
	}
	slices.Sort(kept)
	v := &vectorizer{
		analyzer:  a,
		sublinear: sublinear,
		vocab:     make(map[string]int32, len(kept)),
		idf:       make([]float64, len(kept)),
	}
	n := float64(len(texts) * mult)
	for i, term := range kept {
		v.vocab[term] = int32(i)
		v.idf[i] = math.Log((1+n)/(1+float64(df[term]))) + 1
	}
	return v, nnz
}

// dim returns the number of features.
func (v *vectorizer) dim() int { return len(v.idf) }

// rowBuf is scratch space for vectorizer.appendRow.
type rowBuf struct {
	terms, tok []string
	ids        []int32
}

// appendRow appends the TF-IDF row of text (ascending column indices,
// unit L2 norm unless empty) to ind and val.
func (v *vectorizer) appendRow(b *rowBuf, ind []int32, val []float64, text string) ([]int32, []float64) {
	b.terms, b.tok = analyze(v.analyzer, b.terms[:0], b.tok, text)
	b.ids = b.ids[:0]
	for _, term := range b.terms {
		if id, ok := v.vocab[term]; ok {
			b.ids = append(b.ids, id)
		}
	}
	slices.Sort(b.ids)
	start := len(val)
	for i := 0; i < len(b.ids); {
		j := i + 1
		for j < len(b.ids) && b.ids[j] == b.ids[i] {
			j++
		}
		tf := float64(j - i)
		if v.sublinear {
			tf = 1 + math.Log(tf)
		}
		ind = append(ind, b.ids[i])
		val = append(val, tf*v.idf[b.ids[i]])
		i = j
	}
	norm := 0.0
	for _, x := range val[start:] {
		norm += x * x
	}
	if norm > 0 {
		inv := 1 / math.Sqrt(norm)
		for k := start; k < len(val); k++ {
			val[k] *= inv
		}
	}
	return ind, val
}

// transform returns the TF-IDF matrix of texts.
func (v *vectorizer) transform(texts []string) csr {
	return v.appendRows(csr{ptr: make([]int, 1, len(texts)+1)}, texts)
}

// appendRows appends the TF-IDF rows of texts to m.
func (v *vectorizer) appendRows(m csr, texts []string) csr {
	var b rowBuf
	for _, t := range texts {
		m.ind, m.val = v.appendRow(&b, m.ind, m.val, t)
		m.ptr = append(m.ptr, len(m.ind))
	}
	return m
}

// transpose returns the d-column matrix m transposed: row f of the result
// lists the rows of m that have column f, in ascending order.
func (m *csr) transpose(d int) csr {
	t := csr{
		ptr: make([]int, d+1),
		ind: make([]int32, len(m.ind)),
		val: make([]float64, len(m.val)),
	}
	for _, f := range m.ind {
		t.ptr[f+1]++
	}
	for f := 0; f < d; f++ {
		t.ptr[f+1] += t.ptr[f]
	}
	next := slices.Clone(t.ptr[:d])
	for i := 0; i < m.rows(); i++ {
		for j := m.ptr[i]; j < m.ptr[i+1]; j++ {
			f := m.ind[j]
			t.ind[next[f]] = int32(i)
			t.val[next[f]] = m.val[j]
			next[f]++
		}
	}
	return t
}
