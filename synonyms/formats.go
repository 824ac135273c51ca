package synonyms

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"
)

// MaxLineBytes is the longest line, in bytes, that the lexicon readers of
// this package accept; a longer line is a located error.
const MaxLineBytes = 1 << 20

// ParseError is a located error in a lexicon, blocklist or polarity file.
// Its message reads "synonyms: lex.tsv:17: what is wrong".
type ParseError struct {
	File string // the name given to the reader, usually a path
	Line int    // 1-based line number; 0 when the error concerns no line
	Err  error  // what is wrong
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("synonyms: %s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("synonyms: %s: %v", e.File, e.Err)
}

// Unwrap returns e.Err.
func (e *ParseError) Unwrap() error { return e.Err }

// ErrLineTooLong is wrapped by the ParseError of a line longer than
// MaxLineBytes.
var ErrLineTooLong = errors.New("line too long")

// Format names a lexicon file format. Its values are the names that
// ParseFormat reads, so they can come straight from a flag.
//
// Three line-oriented formats are read, each into a []Entry that NewTable
// turns into a Source:
//
//   - FormatTSV, the project's own format (ReadTSV);
//   - FormatOMW, Open Multilingual Wordnet .tab files, any language
//     (ReadOMW);
//   - FormatCilin, Cilin-style thesaurus lines, as in the HIT-SCIR Tongyici
//     Cilin (Extended) (ReadCilin).
//
// # Precedence
//
// Sources are combined with Layered, which asks them in order and keeps the
// first non-empty answer: the precedence is the order they are listed in,
// and the intended order is user lexicon > domain pack > WordNet:
//
//	user, err := synonyms.LoadFile("my.tsv", synonyms.FormatAuto, morph)
//	...
//	src := synonyms.Layered{user, domain.Over(wordnet, banking)}
//
// A layer's answer replaces, never extends, a later layer's answer. An empty
// answer means "ask the next layer"; package synonyms/domain adds packs whose
// empty answers are final (domain.Over). Filters (Blocked, PolarityGuard)
// wrap a Source and are Sources themselves: wrap the whole stack to remove
// candidates from the final answer, or wrap one layer so that a layer whose
// candidates are all removed falls through to the next.
type Format string

// Lexicon formats. FormatAuto picks the format from the file name's
// extension: .tsv is FormatTSV, .tab is FormatOMW, .txt is FormatCilin.
const (
	FormatAuto  Format = ""
	FormatTSV   Format = "tsv"
	FormatOMW   Format = "omw"
	FormatCilin Format = "cilin"
)

// ParseFormat reads "tsv", "omw" (or "tab"), "cilin", or "" / "auto".
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return FormatAuto, true
	case "tsv":
		return FormatTSV, true
	case "omw", "tab":
		return FormatOMW, true
	case "cilin":
		return FormatCilin, true
	}
	return FormatAuto, false
}

// DetectFormat picks a format from the extension of name (case-insensitive):
// .tsv, .tab or .txt. ok is false for any other extension.
func DetectFormat(name string) (f Format, ok bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".tsv":
		return FormatTSV, true
	case ".tab":
		return FormatOMW, true
	case ".txt":
		return FormatCilin, true
	}
	return FormatAuto, false
}

// Read reads a lexicon in format f from r; name is used in errors. With
// FormatAuto the format is detected from name (see DetectFormat).
func Read(r io.Reader, name string, f Format) ([]Entry, error) {
	if f == FormatAuto {
		d, ok := DetectFormat(name)
		if !ok {
			return nil, &ParseError{File: name, Err: errors.New(
				"cannot tell the lexicon format from the extension (want .tsv, .tab or .txt, or name the format: tsv, omw, cilin)")}
		}
		f = d
	}
	switch f {
	case FormatTSV:
		return ReadTSV(r, name)
	case FormatOMW:
		return ReadOMW(r, name)
	case FormatCilin:
		return ReadCilin(r, name)
	}
	return nil, &ParseError{File: name, Err: fmt.Errorf("unknown lexicon format %q (want tsv, omw or cilin)", string(f))}
}

// ReadFile reads the lexicon file at path in format f (FormatAuto: by
// extension). Errors name the file by path.
func ReadFile(path string, f Format) ([]Entry, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("synonyms: %w", err)
	}
	defer file.Close()
	return Read(file, path, f)
}

// LoadFile reads the lexicon file at path in format f (FormatAuto: by
// extension) and builds a Table from it; morph may be nil (see NewTable).
func LoadFile(path string, f Format, morph Morphology) (*Table, error) {
	entries, err := ReadFile(path, f)
	if err != nil {
		return nil, err
	}
	return NewTable(entries, morph), nil
}

// ReadTSV reads the project's TSV lexicon format from r; name is used in
// errors.
//
// Each line is word<TAB>synonyms or word<TAB>pos<TAB>synonyms, where
// synonyms is a list separated by "|" and pos is one that ParsePOS reads
// (n, v, a, r, noun, verb, adj, adv; empty, "any" or "*" for every part of
// speech). Words and synonyms may have several words separated by spaces.
// A synonym column holding just "-" lists a word with no synonyms: a Table
// gives it no candidates, and a domain pack (package synonyms/domain) uses it
// to stop later sources from answering. Lines whose first non-blank
// character is '#' and blank lines are skipped; a UTF-8 byte order mark and
// CR-LF line ends are accepted.
//
// The entries come in file order, one per line, with words and synonyms
// normalised (see Normalize); entries for the same word are merged by
// NewTable. Errors are *ParseError values located at the offending line;
// reading stops at the first one.
func ReadTSV(r io.Reader, name string) ([]Entry, error) {
	lr := newLexLines(r, name)
	var out []Entry
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		fields := strings.Split(line, "\t")
		var e Entry
		var list string
		switch len(fields) {
		case 2:
			list = fields[1]
		case 3:
			list = fields[2]
			if strings.TrimSpace(list) == "" {
				return nil, lr.errorf(`empty synonym column (write "-" for a word with no synonyms)`)
			}
			pos, ok := ParsePOS(fields[1])
			if !ok {
				return nil, lr.errorf("unknown part of speech %q (want n, v, a, r, noun, verb, adj or adv)", strings.TrimSpace(fields[1]))
			}
			e.POS = pos
		case 1:
			return nil, lr.errorf("missing tab: want word<TAB>syn1|syn2 or word<TAB>pos<TAB>syn1|syn2")
		default:
			return nil, lr.errorf("%d tab-separated fields, want 2 (word, synonyms) or 3 (word, pos, synonyms)", len(fields))
		}
		if e.Word = Normalize(fields[0]); e.Word == "" {
			return nil, lr.errorf("empty word")
		}
		list = strings.TrimSpace(list)
		switch list {
		case "":
			return nil, lr.errorf(`empty synonym column (write "-" for a word with no synonyms)`)
		case "-":
			out = append(out, e)
			continue
		}
		items := strings.Split(list, "|")
		e.Synonyms = make([]string, 0, len(items))
		for i, it := range items {
			s := Normalize(it)
			switch s {
			case "":
				return nil, lr.errorf("empty synonym at position %d of %q", i+1, list)
			case "-":
				return nil, lr.errorf(`"-" (no synonyms) must stand alone in the synonym column`)
			}
			e.Synonyms = append(e.Synonyms, s)
		}
		out = append(out, e)
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// ReadOMW reads an Open Multilingual Wordnet .tab file (any language) from
// r; name is used in errors.
//
// Lines are synset<TAB>lang:relation<TAB>value, where synset is a WordNet
// 3.0 offset and a part of speech ("02131777-v"; n, v, a, s for a satellite
// adjective, read as a, or r). Lines with the relation "lemma" are used;
// other relations (lang:def, lang:exe, ...) are checked for a well-formed
// synset and relation and then ignored, as are columns after the third.
// Lines starting with '#' (the header) and blank lines are skipped.
//
// A word's synonyms, for a part of speech, are the other lemmas of every
// synset it belongs to. Lemmas that share no synset with another lemma give
// no entry. The entries are sorted by word, then part of speech, and hold
// one entry per (word, part of speech).
func ReadOMW(r io.Reader, name string) ([]Entry, error) {
	type synset struct {
		pos    POS
		lemmas []string
	}
	lr := newLexLines(r, name)
	sets := make(map[string]*synset)
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			return nil, lr.errorf("%d tab-separated field(s), want synset<TAB>lang:lemma<TAB>lemma", len(fields))
		}
		id := strings.TrimSpace(fields[0])
		pos, ok := omwPOS(id)
		if !ok {
			return nil, lr.errorf("malformed synset id %q (want digits, '-' and one of n, v, a, s, r, as in 02131777-v)", id)
		}
		rel := strings.TrimSpace(fields[1])
		i := strings.IndexByte(rel, ':')
		if i <= 0 || i == len(rel)-1 {
			return nil, lr.errorf("malformed relation %q (want lang:lemma, lang:def, ...)", rel)
		}
		if rel[i+1:] != "lemma" {
			continue
		}
		lemma := Normalize(fields[2])
		if lemma == "" {
			return nil, lr.errorf("empty lemma")
		}
		s := sets[id]
		if s == nil {
			s = &synset{pos: pos}
			sets[id] = s
		}
		if !slices.Contains(s.lemmas, lemma) {
			s.lemmas = append(s.lemmas, lemma)
		}
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	acc := make(map[key][]string)
	for _, s := range sets {
		if len(s.lemmas) < 2 {
			continue
		}
		for _, l := range s.lemmas {
			k := key{l, s.pos}
			for _, o := range s.lemmas {
				if o != l {
					acc[k] = append(acc[k], o)
				}
			}
		}
	}
	return entriesFromLists(acc), nil
}

// omwPOS checks an OMW synset id ("02131777-v") and returns its part of
// speech.
func omwPOS(id string) (POS, bool) {
	i := strings.LastIndexByte(id, '-')
	if i <= 0 || i != len(id)-2 {
		return Any, false
	}
	for _, c := range []byte(id[:i]) {
		if c < '0' || c > '9' {
			return Any, false
		}
	}
	switch id[i+1] {
	case 'n':
		return Noun, true
	case 'v':
		return Verb, true
	case 'a', 's':
		return Adj, true
	case 'r':
		return Adv, true
	}
	return Any, false
}

// ReadCilin reads a Cilin-style thesaurus from r; name is used in errors.
//
// Each line is an eight-character code followed by words separated by
// white space: "Aa01A01= 人 士 人物". The code is a capital letter, a small
// letter, two digits, a capital letter, two digits and a marker: '=' for a
// group of synonyms, '#' for related words that are not synonyms and '@'
// for a word with no synonyms. Only '=' groups are used; the others are
// checked and skipped. Each word of a '=' group gets the other words of the
// group, for every part of speech (Cilin classes are semantic, not
// grammatical). Lines starting with '#' and blank lines are skipped. The
// file must be UTF-8: convert GBK copies first (iconv -f GBK -t UTF-8).
//
// The entries are sorted by word and hold one entry per word; words in '='
// groups of their own give no entry.
func ReadCilin(r io.Reader, name string) ([]Entry, error) {
	lr := newLexLines(r, name)
	lr.utf8Hint = " (convert GBK copies of Cilin to UTF-8 first)"
	acc := make(map[key][]string)
	for {
		line, ok := lr.next()
		if !ok {
			break
		}
		line = strings.TrimLeft(line, " \t")
		code, rest := line, ""
		if len(line) > 8 {
			code, rest = line[:8], line[8:]
		}
		if !cilinCode(code) {
			c, _, _ := strings.Cut(line, " ")
			if utf8.RuneCountInString(c) > 16 {
				c = string([]rune(c)[:16]) + "..."
			}
			return nil, lr.errorf("malformed code %q (want a capital letter, a small letter, two digits, a capital letter, two digits and one of = # @, as in Aa01A01=)", c)
		}
		words := strings.Fields(rest)
		if len(words) == 0 {
			return nil, lr.errorf("no words after code %s", code)
		}
		if code[7] != '=' {
			continue
		}
		for i, w := range words {
			words[i] = Normalize(w)
		}
		slices.Sort(words)
		words = slices.Compact(words)
		if len(words) < 2 {
			continue
		}
		for _, w := range words {
			k := key{w, Any}
			for _, o := range words {
				if o != w {
					acc[k] = append(acc[k], o)
				}
			}
		}
	}
	if err := lr.err(); err != nil {
		return nil, err
	}
	return entriesFromLists(acc), nil
}

// cilinCode reports whether code is a well-formed eight-character Cilin
// code such as "Aa01A01=".
func cilinCode(code string) bool {
	if len(code) != 8 {
		return false
	}
	up := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	return up(code[0]) && code[1] >= 'a' && code[1] <= 'z' &&
		digit(code[2]) && digit(code[3]) && up(code[4]) &&
		digit(code[5]) && digit(code[6]) &&
		(code[7] == '=' || code[7] == '#' || code[7] == '@')
}

// FoldPOS returns entries with every part of speech folded into Any: one
// entry per word, whose synonyms are the union of the word's synonyms for
// every part of speech, sorted by word. Use it for text whose tokens carry
// no Penn Treebank tag (Chinese, for instance): a Table answers an empty tag
// only from entries listed for Any. entries is not modified.
func FoldPOS(entries []Entry) []Entry {
	acc := make(map[key][]string, len(entries))
	for _, e := range entries {
		w := Normalize(e.Word)
		if w == "" {
			continue
		}
		k := key{w, Any}
		list := acc[k]
		for _, s := range e.Synonyms {
			if s = Normalize(s); s != "" && s != w {
				list = append(list, s)
			}
		}
		acc[k] = list
	}
	return entriesFromLists(acc)
}

// entriesFromLists turns accumulated candidate lists into entries sorted by
// word and part of speech, each list sorted and de-duplicated.
func entriesFromLists(acc map[key][]string) []Entry {
	out := make([]Entry, 0, len(acc))
	for k, list := range acc {
		slices.Sort(list)
		out = append(out, Entry{Word: k.word, POS: k.pos, Synonyms: slices.Clip(slices.Compact(list))})
	}
	slices.SortFunc(out, func(a, b Entry) int {
		if c := strings.Compare(a.Word, b.Word); c != 0 {
			return c
		}
		return int(a.POS) - int(b.POS)
	})
	return out
}

// lexLines yields the content lines of a line-oriented file, skipping
// blank lines and '#' comments, and makes errors located at the current
// line.
type lexLines struct {
	s        *bufio.Scanner
	name     string
	n        int    // number of the line last read
	utf8Hint string // appended to invalid UTF-8 errors
	fail     error
}

func newLexLines(r io.Reader, name string) *lexLines {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 64*1024), MaxLineBytes)
	return &lexLines{s: s, name: name}
}

// next returns the next line that is neither blank nor a comment, without
// its line end (and, on line 1, without a byte order mark). ok is false at
// the end of the input or on an error, which err then returns.
func (lr *lexLines) next() (line string, ok bool) {
	for lr.fail == nil && lr.s.Scan() {
		lr.n++
		b := lr.s.Bytes()
		if lr.n == 1 {
			b = bytes.TrimPrefix(b, []byte("\uFEFF"))
		}
		b = bytes.TrimSuffix(b, []byte("\r"))
		if !utf8.Valid(b) {
			lr.fail = lr.errorf("invalid UTF-8%s", lr.utf8Hint)
			return "", false
		}
		t := bytes.TrimSpace(b)
		if len(t) == 0 || t[0] == '#' {
			continue
		}
		return string(b), true
	}
	return "", false
}

// err returns the first error met by next: a located *ParseError.
func (lr *lexLines) err() error {
	if lr.fail != nil {
		return lr.fail
	}
	switch err := lr.s.Err(); {
	case err == nil:
		return nil
	case errors.Is(err, bufio.ErrTooLong):
		return &ParseError{File: lr.name, Line: lr.n + 1, Err: fmt.Errorf("%w (more than %d bytes)", ErrLineTooLong, MaxLineBytes)}
	default:
		return &ParseError{File: lr.name, Line: lr.n + 1, Err: err}
	}
}

// errorf returns a *ParseError located at the line last read.
func (lr *lexLines) errorf(format string, args ...any) error {
	return &ParseError{File: lr.name, Line: lr.n, Err: fmt.Errorf(format, args...)}
}
