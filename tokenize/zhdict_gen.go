//go:build ignore

// zhdict_gen writes zhdict.txt.gz: gse's simplified-Chinese dictionary
// (data/dict/zh/s_1.txt of the gse module that go.mod names, itself
// jieba's dict.txt), gzip-compressed with no name and no time stamp so
// that the output is byte-identical on every run. Run by go generate.
package main

import (
	"bytes"
	"compress/gzip"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

func main() {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil {
		log.Fatalf("zhdict_gen: locating gse: %v", err)
	}
	src := filepath.Join(strings.TrimSpace(string(out)), "data", "dict", "zh", "s_1.txt")
	data, err := os.ReadFile(src)
	if err != nil {
		log.Fatalf("zhdict_gen: %v", err)
	}
	var b bytes.Buffer
	w, err := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := w.Write(data); err != nil {
		log.Fatal(err)
	}
	if err := w.Close(); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile("zhdict.txt.gz", b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}
