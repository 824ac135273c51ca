//go:build ignore

// Command gen writes english.wn, the WordNet data that package builtin
// embeds, from the WordNet 3.0 database files of Debian's wordnet-base
// package:
//
//	go run gen.go [-wordnet /usr/share/wordnet] [-o english.wn] [-version LABEL]
//
// It reads index.{noun,verb,adj,adv}, data.{noun,verb,adj,adv},
// {noun,verb,adj,adv}.exc and cntlist.rev, encodes them in the compact
// format (version 1) that synonyms.ReadWordNet documents, reads that back
// with ReadWordNet, which checks it, and writes the in-place format
// (version 2) that synonyms.OpenWordNet documents. The output depends only
// on the input files and the label: running gen twice gives byte-identical
// files.
package main

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/textaug/textaug/synonyms"
)

// magic and formatVersion must match synonyms.ReadWordNet.
const (
	magic         = "TXWN"
	formatVersion = 1
)

// posNames are the file name parts of the four parts of speech, in the
// order of the format's sections; posTags are the letters used in pointers.
var (
	posNames = [4]string{"noun", "verb", "adj", "adv"}
	posTags  = [4]byte{'n', 'v', 'a', 'r'}
)

func main() {
	dir := flag.String("wordnet", "/usr/share/wordnet", "directory holding the WordNet 3.0 database files")
	out := flag.String("o", "english.wn", "output file")
	label := flag.String("version", "", "version label stored in the data (default: from dpkg-query wordnet-base)")
	flag.Parse()
	if err := run(*dir, *out, *label); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir, out, label string) error {
	if label == "" {
		v, err := exec.Command("dpkg-query", "-W", "-f=${Version}", "wordnet-base").Output()
		if err != nil || len(bytes.TrimSpace(v)) == 0 {
			return fmt.Errorf("cannot find the wordnet-base version (%v): pass -version", err)
		}
		label = "WordNet 3.0 (Debian wordnet-base " + string(bytes.TrimSpace(v)) + ")"
	}
	db, err := load(dir)
	if err != nil {
		return err
	}
	raw := db.encode(label)
	wn, err := synonyms.ReadWordNet(bytes.NewReader(raw))
	if err != nil {
		return err
	}
	data, err := wn.MarshalBinary()
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gen: %s: %d lemmas, %d synsets, %d index entries, %d tagged senses; %d bytes compact, %d bytes in place\n",
		label, len(db.lemmas), len(db.synsets), db.entries(), db.tagged, len(raw), len(data))
	return os.WriteFile(out, data, 0o644)
}

type word struct {
	lemma  string // lower case, spaces for underscores, adjective marker dropped
	lexID  int
	proper bool // written with a capital letter in WordNet
}

type synset struct {
	pos     int // 0..3
	ssType  byte
	offset  int
	lexFile int
	words   []word
	ants    []ref // antonym pointers ("!")
	head    ref   // first similar-to pointer ("&") of a satellite
	id      int   // global id: position in pos order, then offset order
}

type ref struct {
	pos    int
	offset int
}

type sense struct {
	synset *synset
	count  int
}

type entry struct {
	lemma  string
	senses []sense
}

type db struct {
	synsets []*synset
	byRef   map[ref]*synset
	index   [4][]entry // sorted by lemma
	exc     [4][][]string
	lemmas  []string // sorted
	tagged  int
}

func (d *db) entries() int {
	n := 0
	for _, e := range d.index {
		n += len(e)
	}
	return n
}

func load(dir string) (*db, error) {
	d := &db{byRef: make(map[ref]*synset)}
	for p, name := range posNames {
		if err := d.readData(filepath.Join(dir, "data."+name), p); err != nil {
			return nil, err
		}
	}
	slices.SortFunc(d.synsets, func(a, b *synset) int {
		if a.pos != b.pos {
			return a.pos - b.pos
		}
		return a.offset - b.offset
	})
	for i, s := range d.synsets {
		s.id = i
	}
	counts, err := readCounts(filepath.Join(dir, "cntlist.rev"))
	if err != nil {
		return nil, err
	}
	for p, name := range posNames {
		if err := d.readIndex(filepath.Join(dir, "index."+name), p, counts); err != nil {
			return nil, err
		}
		if err := d.readExc(filepath.Join(dir, name+".exc"), p); err != nil {
			return nil, err
		}
	}
	seen := make(map[string]bool)
	for _, idx := range d.index {
		for _, e := range idx {
			if !seen[e.lemma] {
				seen[e.lemma] = true
				d.lemmas = append(d.lemmas, e.lemma)
			}
		}
	}
	slices.Sort(d.lemmas)
	for _, s := range d.synsets {
		for _, w := range s.words {
			if !seen[w.lemma] {
				return nil, fmt.Errorf("synset %08d-%c: member %q is in no index", s.offset, posTags[s.pos], w.lemma)
			}
		}
		for _, a := range s.ants {
			if d.byRef[a] == nil {
				return nil, fmt.Errorf("synset %08d-%c: antonym %08d-%c does not exist", s.offset, posTags[s.pos], a.offset, posTags[a.pos])
			}
		}
	}
	return d, nil
}

func posOf(c byte) (int, bool) {
	switch c {
	case 'n':
		return 0, true
	case 'v':
		return 1, true
	case 'a', 's':
		return 2, true
	case 'r':
		return 3, true
	}
	return 0, false
}

// lemmaOf lower-cases a WordNet word form, turns underscores into spaces and
// drops an adjective's syntactic marker: "galore(ip)" -> "galore".
func lemmaOf(form string) string {
	if i := strings.IndexByte(form, '('); i > 0 && strings.HasSuffix(form, ")") {
		form = form[:i]
	}
	return strings.ToLower(strings.ReplaceAll(form, "_", " "))
}

func lines(path string, f func(lineNo int, line string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == ' ' { // licence header
			continue
		}
		if err := f(n, line); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

func atoi(s string, base int) (int, error) {
	n, err := strconv.ParseInt(s, base, 64)
	if err != nil {
		return 0, fmt.Errorf("bad number %q", s)
	}
	return int(n), nil
}

func (d *db) readData(path string, p int) error {
	return lines(path, func(_ int, line string) error {
		if i := strings.Index(line, " | "); i >= 0 {
			line = line[:i]
		}
		f := strings.Fields(line)
		if len(f) < 4 {
			return errors.New("short synset line")
		}
		s := &synset{pos: p}
		var err error
		if s.offset, err = atoi(f[0], 10); err != nil {
			return err
		}
		if s.lexFile, err = atoi(f[1], 10); err != nil {
			return err
		}
		if len(f[2]) != 1 {
			return fmt.Errorf("bad synset type %q", f[2])
		}
		s.ssType = f[2][0]
		if q, ok := posOf(s.ssType); !ok || q != p {
			return fmt.Errorf("synset type %q in %s file", f[2], posNames[p])
		}
		nw, err := atoi(f[3], 16)
		if err != nil {
			return err
		}
		i := 4
		if len(f) < i+2*nw+1 {
			return errors.New("short synset line")
		}
		for range nw {
			id, err := atoi(f[i+1], 16)
			if err != nil {
				return err
			}
			form := f[i]
			s.words = append(s.words, word{lemma: lemmaOf(form), lexID: id, proper: strings.ToLower(form) != form})
			i += 2
		}
		np, err := atoi(f[i], 10)
		if err != nil {
			return err
		}
		i++
		if len(f) < i+4*np {
			return errors.New("short pointer list")
		}
		for range np {
			sym, off, pc := f[i], f[i+1], f[i+2]
			i += 4
			if sym != "!" && !(sym == "&" && s.ssType == 's') {
				continue
			}
			q, ok := posOf(pc[0])
			if len(pc) != 1 || !ok {
				return fmt.Errorf("bad pointer part of speech %q", pc)
			}
			o, err := atoi(off, 10)
			if err != nil {
				return err
			}
			r := ref{q, o}
			if sym == "!" {
				if !slices.Contains(s.ants, r) {
					s.ants = append(s.ants, r)
				}
			} else if s.head == (ref{}) {
				s.head = r
			}
		}
		if s.ssType == 's' && s.head == (ref{}) {
			return errors.New("satellite without head")
		}
		k := ref{p, s.offset}
		if d.byRef[k] != nil {
			return fmt.Errorf("duplicate synset %08d", s.offset)
		}
		d.byRef[k] = s
		d.synsets = append(d.synsets, s)
		return nil
	})
}

// readCounts reads cntlist.rev: "sense_key sense_number tag_cnt" lines.
// Counts are matched to senses by sense key, not by sense number; keys that
// match no sense of the data (about 2,000 in wordnet-base 1:3.0-37) are
// ignored.
func readCounts(path string) (map[string]int, error) {
	m := make(map[string]int)
	err := lines(path, func(_ int, line string) error {
		f := strings.Fields(line)
		if len(f) != 3 {
			return errors.New("want 3 fields")
		}
		n, err := atoi(f[2], 10)
		if err != nil {
			return err
		}
		m[f[0]] += n
		return nil
	})
	return m, err
}

var ssNumber = map[byte]int{'n': 1, 'v': 2, 'a': 3, 'r': 4, 's': 5}

// senseKey builds WordNet's sense key of lemma (lower case, underscores) in
// s, as cntlist.rev spells it.
func (d *db) senseKey(lemma string, s *synset) (string, error) {
	w := slices.IndexFunc(s.words, func(w word) bool { return strings.ReplaceAll(w.lemma, " ", "_") == lemma })
	if w < 0 {
		return "", fmt.Errorf("lemma %q not in synset %08d", lemma, s.offset)
	}
	head := ":"
	if s.ssType == 's' {
		h := d.byRef[s.head]
		if h == nil || len(h.words) == 0 {
			return "", fmt.Errorf("synset %08d: missing head synset", s.offset)
		}
		head = fmt.Sprintf("%s:%02d", strings.ReplaceAll(h.words[0].lemma, " ", "_"), h.words[0].lexID)
	}
	return fmt.Sprintf("%s%%%d:%02d:%02d:%s", lemma, ssNumber[s.ssType], s.lexFile, s.words[w].lexID, head), nil
}

// readIndex reads index.pos: "lemma pos synset_cnt p_cnt [ptr_symbol...]
// sense_cnt tagsense_cnt synset_offset..." with the offsets in WordNet's
// sense order (most frequently tagged sense first).
func (d *db) readIndex(path string, p int, counts map[string]int) error {
	err := lines(path, func(_ int, line string) error {
		f := strings.Fields(line)
		if len(f) < 6 {
			return errors.New("short index line")
		}
		n, err := atoi(f[2], 10)
		if err != nil {
			return err
		}
		np, err := atoi(f[3], 10)
		if err != nil {
			return err
		}
		i := 4 + np + 2
		if len(f) != i+n {
			return fmt.Errorf("want %d synset offsets, have %d", n, len(f)-i)
		}
		e := entry{lemma: strings.ReplaceAll(f[0], "_", " ")}
		for _, off := range f[i:] {
			o, err := atoi(off, 10)
			if err != nil {
				return err
			}
			s := d.byRef[ref{p, o}]
			if s == nil {
				return fmt.Errorf("synset %s not in data file", off)
			}
			key, err := d.senseKey(f[0], s)
			if err != nil {
				return err
			}
			c := counts[key]
			if c > 0 {
				d.tagged++
			}
			e.senses = append(e.senses, sense{s, c})
		}
		d.index[p] = append(d.index[p], e)
		return nil
	})
	slices.SortFunc(d.index[p], func(a, b entry) int { return strings.Compare(a.lemma, b.lemma) })
	return err
}

// readExc reads an exception list: "form base..." lines.
func (d *db) readExc(path string, p int) error {
	m := make(map[string][]string)
	err := lines(path, func(_ int, line string) error {
		f := strings.Fields(line)
		if len(f) < 2 {
			return errors.New("want a form and at least one base form")
		}
		form := lemmaOf(f[0])
		for _, b := range f[1:] {
			if b = lemmaOf(b); !slices.Contains(m[form], b) {
				m[form] = append(m[form], b)
			}
		}
		return nil
	})
	for form, bases := range m {
		d.exc[p] = append(d.exc[p], append([]string{form}, bases...))
	}
	slices.SortFunc(d.exc[p], func(a, b []string) int { return strings.Compare(a[0], b[0]) })
	return err
}

type enc struct{ b []byte }

func (e *enc) uint(v int) {
	if v < 0 {
		panic("negative")
	}
	e.b = binary.AppendUvarint(e.b, uint64(v))
}

func (e *enc) str(s string) {
	e.uint(len(s))
	e.b = append(e.b, s...)
}

// encode writes the compact format (version 1) that synonyms.ReadWordNet
// reads.
func (d *db) encode(label string) []byte {
	e := &enc{}
	e.b = append(e.b, magic...)
	e.uint(formatVersion)
	e.str(label)

	// Lemmas, sorted, front-coded.
	ids := make(map[string]int, len(d.lemmas))
	e.uint(len(d.lemmas))
	prev := ""
	for i, l := range d.lemmas {
		ids[l] = i
		n := 0
		for n < len(prev) && n < len(l) && prev[n] == l[n] {
			n++
		}
		e.uint(n)
		e.str(l[n:])
		prev = l
	}

	// Synsets: counts per part of speech, then members and antonyms.
	var per [4]int
	for _, s := range d.synsets {
		per[s.pos]++
	}
	for _, n := range per {
		e.uint(n)
	}
	for _, s := range d.synsets {
		e.uint(len(s.words))
		for _, w := range s.words {
			v := ids[w.lemma] << 1
			if w.proper {
				v |= 1
			}
			e.uint(v)
		}
		e.uint(len(s.ants))
		for _, a := range s.ants {
			e.uint(d.byRef[a].id)
		}
	}

	// Index: per part of speech, lemma ids in increasing order (delta
	// coded), senses in sense order (synset ids relative to the first
	// synset of the part of speech) and their tag counts.
	base := 0
	for p := range 4 {
		e.uint(len(d.index[p]))
		last := -1
		for _, en := range d.index[p] {
			id := ids[en.lemma]
			e.uint(id - last - 1)
			last = id
			e.uint(len(en.senses))
			for _, s := range en.senses {
				e.uint(s.synset.id - base)
			}
			for _, s := range en.senses {
				e.uint(s.count)
			}
		}
		base += per[p]
	}

	// Exception lists.
	for p := range 4 {
		e.uint(len(d.exc[p]))
		for _, x := range d.exc[p] {
			e.str(x[0])
			e.uint(len(x) - 1)
			for _, b := range x[1:] {
				e.str(b)
			}
		}
	}
	return e.b
}
