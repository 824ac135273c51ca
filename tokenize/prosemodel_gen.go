//go:build ignore

// Command prosemodel_gen writes prosemodel.bin, the compiled tagger model
// that package tokenize embeds (see prosemodel.go for the format), from the
// averaged-perceptron model inside the prose module that go.mod pins:
//
//	go run prosemodel_gen.go [-o prosemodel.bin]
//
// It reads model/AveragedPerceptron/{classes,tags,weights}.gob through
// prose.Asset, checks that every weight is a whole number of thousandths,
// and lays the model out in hash tables and flat arrays. The output depends
// only on the model: it is written in sorted order, never in map order, so
// running the generator twice gives byte-identical files
// (TestProseModelRegenerates checks it). The model is prose's, under the
// MIT licence: see LICENSE.prose beside the output.
package main

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"flag"
	"fmt"
	"math"
	"math/bits"
	"os"
	"runtime/debug"
	"slices"

	"github.com/jdkato/prose/v2"
)

// These must match prosemodel.go.
const (
	magic         = "TXPT"
	formatVersion = 1
	notice        = "Compiled from the averaged-perceptron model of github.com/jdkato/prose/v2 (MIT licence; see LICENSE.prose)."
	maxClasses    = 64
	weightBits    = 26 // a pair is weight<<classBits | class
	classBits     = 6
	maxKeyLen     = 1<<16 - 1
	maxKeyBytes   = 1 << 24
)

const modulePath = "github.com/jdkato/prose/v2"

func main() {
	out := flag.String("o", "prosemodel.bin", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "prosemodel_gen:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	version, err := proseVersion()
	if err != nil {
		return err
	}
	var (
		classes []string
		tagMap  map[string]string
		weights map[string]map[string]float64
	)
	for name, v := range map[string]any{"classes.gob": &classes, "tags.gob": &tagMap, "weights.gob": &weights} {
		b, err := prose.Asset("model/AveragedPerceptron/" + name)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	b, stats, err := build("prose "+version+" averaged perceptron", classes, tagMap, weights)
	if err != nil {
		return err
	}
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "prosemodel_gen: wrote %s: %d bytes; %s\n", out, len(b), stats)
	return nil
}

// proseVersion returns the version of the prose module this program was
// built with, which is the one go.mod pins.
func proseVersion() (string, error) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "", fmt.Errorf("no build information: run with go run")
	}
	for _, d := range bi.Deps {
		if d.Path == modulePath {
			if d.Replace != nil {
				return "", fmt.Errorf("%s is replaced by %s", modulePath, d.Replace.Path)
			}
			return d.Version, nil
		}
	}
	return "", fmt.Errorf("%s is not a dependency", modulePath)
}

// build lays out the model; see prosemodel.go for the format.
func build(label string, classes []string, tagMap map[string]string, weights map[string]map[string]float64) ([]byte, string, error) {
	// The tag names: classes.gob, every class a weight names and every tag
	// of the tag map, sorted. Only weighed classes are ever predicted, so
	// extra names change nothing.
	names := slices.Clone(classes)
	for _, ws := range weights {
		for c := range ws {
			names = append(names, c)
		}
	}
	for _, t := range tagMap {
		names = append(names, t)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) > maxClasses {
		return nil, "", fmt.Errorf("%d tag names, want at most %d", len(names), maxClasses)
	}
	index := make(map[string]uint32, len(names))
	for i, c := range names {
		if c == "" || len(c) > 255 {
			return nil, "", fmt.Errorf("tag name %q: want 1 to 255 bytes", c)
		}
		index[c] = uint32(i)
	}

	// Features with weights, sorted; their pairs in class order.
	var feats []string
	for k, ws := range weights {
		if len(ws) > 0 {
			feats = append(feats, k)
		}
	}
	slices.Sort(feats)
	var pairs []uint32
	featVals := make([]uint32, len(feats))
	for i, k := range feats {
		first := len(pairs)
		cs := make([]string, 0, len(weights[k]))
		for c := range weights[k] {
			cs = append(cs, c)
		}
		slices.SortFunc(cs, func(a, b string) int { return int(index[a]) - int(index[b]) })
		for _, c := range cs {
			w := weights[k][c]
			milli := math.Round(w * 1000)
			if !(math.Abs(w*1000-milli) <= 1e-6) || math.Abs(milli) >= 1<<(weightBits-1) { // NaN fails too
				return nil, "", fmt.Errorf("weight %v of feature %q, class %q: not a whole number of thousandths in range", w, k, c)
			}
			pairs = append(pairs, uint32(int32(milli))<<classBits|index[c])
		}
		if first >= 1<<(32-classBits) {
			return nil, "", fmt.Errorf("%d weights: too many", len(pairs))
		}
		featVals[i] = uint32(first)<<classBits | uint32(len(pairs)-first-1)
	}

	words := make([]string, 0, len(tagMap))
	for w := range tagMap {
		words = append(words, w)
	}
	slices.Sort(words)
	wordVals := make([]uint32, len(words))
	for i, w := range words {
		wordVals[i] = index[tagMap[w]]
	}

	var b []byte
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint32(b, formatVersion)
	b = appendString16(b, label)
	b = appendString16(b, notice)
	b = append(b, byte(len(names)))
	for _, c := range names {
		b = append(b, byte(len(c)))
		b = append(b, c...)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(pairs)))
	for _, p := range pairs {
		b = binary.LittleEndian.AppendUint32(b, p)
	}
	var featSlots, wordSlots int
	var err error
	if b, featSlots, err = appendTable(b, feats, featVals); err != nil {
		return nil, "", fmt.Errorf("features: %w", err)
	}
	if b, wordSlots, err = appendTable(b, words, wordVals); err != nil {
		return nil, "", fmt.Errorf("tag map: %w", err)
	}
	stats := fmt.Sprintf("%d tag names, %d features in %d slots, %d weights, %d tag-map words in %d slots",
		len(names), len(feats), featSlots, len(pairs), len(words), wordSlots)
	return b, stats, nil
}

func appendString16(b []byte, s string) []byte {
	b = binary.LittleEndian.AppendUint16(b, uint16(len(s)))
	return append(b, s...)
}

// appendTable appends a hash table of the sorted, distinct, non-empty keys
// with their values: the slot count (a power of two, at most 60% full), the
// slots, the size of the key area and the key area, where each key is
// followed by its value. Keys are inserted in order with linear probing.
func appendTable(b []byte, keys []string, vals []uint32) ([]byte, int, error) {
	n := 8
	for n*6 < len(keys)*10 {
		n *= 2
	}
	slots := make([]uint64, n)
	var area []byte
	for i, k := range keys {
		if k == "" || len(k) > maxKeyLen {
			return nil, 0, fmt.Errorf("key %q: want 1 to %d bytes", k, maxKeyLen)
		}
		if i > 0 && keys[i-1] >= k {
			return nil, 0, fmt.Errorf("keys not sorted and distinct at %q", k)
		}
		if len(area)+len(k)+4 > maxKeyBytes {
			return nil, 0, fmt.Errorf("key area over %d bytes", maxKeyBytes)
		}
		h := hash(k)
		slot := uint64(len(area)) | uint64(len(k))<<24 | h>>40<<40
		area = append(area, k...)
		area = binary.LittleEndian.AppendUint32(area, vals[i])
		for j := h & uint64(n-1); ; j = (j + 1) & uint64(n-1) {
			if slots[j] == 0 {
				slots[j] = slot
				break
			}
		}
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	for _, s := range slots {
		b = binary.LittleEndian.AppendUint64(b, s)
	}
	b = binary.LittleEndian.AppendUint32(b, uint32(len(area)))
	return append(b, area...), n, nil
}

// hash is proseHash of prosemodel.go.
func hash(k string) uint64 {
	const p0, p1, p2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db, 0x8ebc6af09c88c6e3
	h := uint64(len(k)) ^ p0
	for len(k) > 8 {
		h = mix(binary.LittleEndian.Uint64([]byte(k[:8]))^p1, h^p2)
		k = k[8:]
	}
	var t uint64
	for i := len(k) - 1; i >= 0; i-- {
		t = t<<8 | uint64(k[i])
	}
	return mix(t^p2, h^p1)
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}
