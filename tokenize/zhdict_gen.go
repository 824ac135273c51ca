//go:build ignore

// Command zhdict_gen writes zhdict.bin, the compiled Chinese segmentation
// dictionary that package tokenize embeds (see zhdict.go for the format),
// from gse's simplified-Chinese dictionary (data/dict/zh/s_1.txt of the gse
// module that go.mod pins, itself jieba's dict.txt):
//
//	go run zhdict_gen.go [-o zhdict.bin]
//
// It loads the dictionary with gse itself (LoadDictStr, as a gse segmenter
// would), so the words, their keys (gse lower-cases Latin letters), the
// frequencies (gse gives every one-character word 2 and drops words under
// 2), the parts of speech and the total frequency are exactly gse's. Each
// frequency must be a whole number below 2³²; the words are written sorted
// by their bytes, so running the generator twice gives byte-identical files
// (TestZhDictRegenerates checks it). The dictionary is jieba's, under the
// MIT licence: see LICENSE.jieba beside the output.
package main

import (
	"bytes"
	"encoding/binary"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"github.com/go-ego/gse"
)

// These must match zhdict.go.
const (
	magic         = "TXZD"
	formatVersion = 1
	label         = "jieba dict.txt as shipped in gse v0.80.3 (data/dict/zh/s_1.txt)"
)

type word struct {
	key  string
	freq uint32
	pos  string
}

func main() {
	out := flag.String("o", "zhdict.bin", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "zhdict_gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	dir, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		return fmt.Errorf("locating gse: %w", err)
	}
	src := filepath.Join(strings.TrimSpace(string(dir)), "data", "dict", "zh", "s_1.txt")
	data, err := os.ReadFile(src)
	if err != nil {
		return err
	}
	seg := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	if err := seg.LoadDictStr(string(data)); err != nil {
		return err
	}
	words := make([]word, 0, seg.Dict.NumTokens())
	for i := range seg.Dict.Tokens {
		t := &seg.Dict.Tokens[i]
		f := t.Freq()
		if f < 1 || f >= 1<<32 || f != math.Trunc(f) {
			return fmt.Errorf("%q: frequency %v is not a whole number below 2^32", t.Text(), f)
		}
		words = append(words, word{key: t.Text(), freq: uint32(f), pos: t.Pos()})
	}
	slices.SortFunc(words, func(a, b word) int { return strings.Compare(a.key, b.key) })
	for i := 1; i < len(words); i++ {
		if words[i-1].key == words[i].key {
			return fmt.Errorf("%q twice", words[i].key)
		}
	}
	b, err := encode(words, seg.Dict.TotalFreq())
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Printf("zhdict_gen: %d words, %d bytes\n", len(words), len(b))
	return nil
}

func encode(words []word, total float64) ([]byte, error) {
	var posNames []string
	for _, w := range words {
		posNames = append(posNames, w.pos)
	}
	slices.Sort(posNames)
	posNames = slices.Compact(posNames)
	if len(posNames) > 255 {
		return nil, fmt.Errorf("%d parts of speech, want at most 255", len(posNames))
	}
	var b bytes.Buffer
	le := binary.LittleEndian
	b.WriteString(magic)
	b.Write(le.AppendUint32(nil, formatVersion))
	b.Write(le.AppendUint16(nil, uint16(len(label))))
	b.WriteString(label)
	b.Write(le.AppendUint64(nil, math.Float64bits(total)))
	b.WriteByte(byte(len(posNames)))
	for _, p := range posNames {
		b.WriteByte(byte(len(p)))
		b.WriteString(p)
	}
	b.Write(le.AppendUint32(nil, uint32(len(words))))
	off := 0
	for _, w := range words {
		b.Write(le.AppendUint32(nil, uint32(off)))
		off += len(w.key)
	}
	b.Write(le.AppendUint32(nil, uint32(off)))
	for _, w := range words {
		b.Write(le.AppendUint32(nil, w.freq))
	}
	for _, w := range words {
		p, _ := slices.BinarySearch(posNames, w.pos)
		b.WriteByte(byte(p))
	}
	for _, w := range words {
		b.WriteString(w.key)
	}
	return b.Bytes(), nil
}
