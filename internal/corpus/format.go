package corpus

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Format is a corpus file format. The zero value is no format; ParseFormat
// and DetectFormat return one of the constants below.
type Format int

// The supported formats.
const (
	CSV Format = iota + 1
	TSV
	JSONL
	// Text is plain text, one text per line; see the package doc.
	Text
)

// String returns "csv", "tsv", "jsonl" or "text", the names that
// ParseFormat reads, or "Format(n)" for any other value.
func (f Format) String() string {
	switch f {
	case CSV:
		return "csv"
	case TSV:
		return "tsv"
	case JSONL:
		return "jsonl"
	case Text:
		return "text"
	}
	return fmt.Sprintf("Format(%d)", int(f))
}

func (f Format) valid() bool { return f >= CSV && f <= Text }

// ParseFormat reads a format name, as given to a flag: "csv", "tsv" (or
// "tab"), "jsonl" (or "json", "ndjson"), "text" (or "txt"), in any case.
// It reports false for any other name.
func ParseFormat(s string) (Format, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "csv":
		return CSV, true
	case "tsv", "tab":
		return TSV, true
	case "jsonl", "json", "ndjson":
		return JSONL, true
	case "text", "txt":
		return Text, true
	}
	return 0, false
}

// DetectFormat guesses the format of path from its extension, in any case,
// ignoring a trailing ".gz": .csv is CSV, .tsv and .tab are TSV, .jsonl,
// .ndjson and .json are JSONL. It reports false for any other extension:
// plain text is what a front-end reads when nothing else applies.
func DetectFormat(path string) (Format, bool) {
	p := strings.ToLower(path)
	p = strings.TrimSuffix(p, ".gz")
	switch filepath.Ext(p) {
	case ".csv":
		return CSV, true
	case ".tsv", ".tab":
		return TSV, true
	case ".jsonl", ".ndjson", ".json":
		return JSONL, true
	}
	return 0, false
}

// Gzip reports whether path names a gzip file, that is whether it ends in
// ".gz" (in any case). Open reads such files decompressed; writers use it to
// decide whether to compress.
func Gzip(path string) bool {
	return strings.HasSuffix(strings.ToLower(path), ".gz")
}

// Open opens the file at path for reading, transparently decompressing it
// when Gzip(path) is true (concatenated gzip members are read as one
// stream). It does not treat "-" specially. The caller owns the result and
// must close it, which closes the file too.
func Open(path string) (io.ReadCloser, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	if !Gzip(path) {
		return f, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("corpus: %s: %w", path, err)
	}
	return &gzipFile{Reader: zr, f: f, path: path}, nil
}

// gzipFile is a decompressing reader that closes both the gzip stream and
// the file beneath it. Its read errors are those of compress/gzip
// (gzip.ErrChecksum, io.ErrUnexpectedEOF, ...); a Reader locates them.
type gzipFile struct {
	*gzip.Reader
	f    *os.File
	path string
}

func (g *gzipFile) Close() error {
	zerr := g.Reader.Close()
	ferr := g.f.Close()
	if zerr != nil {
		return fmt.Errorf("corpus: %s: %w", g.path, zerr)
	}
	if ferr != nil {
		return fmt.Errorf("corpus: %w", ferr)
	}
	return nil
}
