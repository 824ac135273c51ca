package corpus

import (
	"bytes"
	"fmt"
)

// Content is what the first bytes of an input hold, as Sniff tells. The
// zero value is TextData.
type Content int

// The kinds of content Sniff tells apart.
const (
	// TextData: no sign of anything else. It may still be in an 8-bit encoding
	// other than UTF-8 (GB18030, Latin-1), which is for an encoding check
	// to find, after Sniff.
	TextData Content = iota
	// GzipData: gzip data (magic bytes 1f 8b), which a name ending in ".gz"
	// would have had decompressed.
	GzipData
	// UTF16Data: text in UTF-16 or UTF-32 (a byte order mark, or NUL bytes
	// beside ASCII at every other byte), which must be converted to UTF-8.
	UTF16Data
	// NULData: text that holds NUL bytes, which no corpus row may.
	NULData
	// BinaryData: a known binary format (zip, PDF, image, executable, ...), or
	// bytes that are mostly not text.
	BinaryData
)

// Sniffed is what Sniff found: the kind of content, a description for
// messages ("gzip data", "a zip archive", "UTF-16LE text"), and, for NULData,
// the offset of the first NUL byte.
type Sniffed struct {
	Content Content
	What    string
	Offset  int
}

// SniffBytes is how many bytes Sniff wants to see, if the input has them.
const SniffBytes = 4 << 10

// signature is a binary format recognised by its first bytes.
type signature struct {
	magic string
	what  string
}

// signatures are formats a corpus file is mistaken for, gzip first.
var signatures = []signature{
	{"\x1f\x8b", "gzip data"},
	{"PK\x03\x04", "a zip archive (or an xlsx, docx, jar file)"},
	{"BZh", "bzip2 data"},
	{"\xfd7zXZ\x00", "xz data"},
	{"\x28\xb5\x2f\xfd", "zstd data"},
	{"7z\xbc\xaf\x27\x1c", "a 7-zip archive"},
	{"%PDF-", "a PDF document"},
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x7fELF", "an executable (ELF)"},
	{"PAR1", "a Parquet file"},
	{"SQLite format 3\x00", "an SQLite database"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (xls, doc)"},
	{"ARROW1", "an Arrow file"},
}

// Sniff looks at the first bytes of an input (SniffBytes of them, or all
// there are) and says whether they are text, gzip data, UTF-16 text, text
// with NUL bytes, or other binary data: byte order marks and magic numbers
// first, then where the NUL bytes are and how many bytes are control
// characters that text does not hold. It never guesses an encoding: text
// that is not UTF-8 is TextData.
func Sniff(head []byte) Sniffed {
	if len(head) > SniffBytes {
		head = head[:SniffBytes]
	}
	switch {
	case bytes.HasPrefix(head, []byte("\xef\xbb\xbf")):
		return Sniffed{Content: TextData, What: "UTF-8 text"}
	case bytes.HasPrefix(head, []byte("\xff\xfe\x00\x00")):
		return Sniffed{Content: UTF16Data, What: "UTF-32LE text"}
	case bytes.HasPrefix(head, []byte("\x00\x00\xfe\xff")):
		return Sniffed{Content: UTF16Data, What: "UTF-32BE text"}
	case bytes.HasPrefix(head, []byte("\xff\xfe")):
		return Sniffed{Content: UTF16Data, What: "UTF-16LE text"}
	case bytes.HasPrefix(head, []byte("\xfe\xff")):
		return Sniffed{Content: UTF16Data, What: "UTF-16BE text"}
	}
	for i, s := range signatures {
		if bytes.HasPrefix(head, []byte(s.magic)) {
			if i == 0 {
				return Sniffed{Content: GzipData, What: s.what}
			}
			return Sniffed{Content: BinaryData, What: s.what}
		}
	}
	return sniffControls(head)
}

// sniffControls tells text from binary data by its NUL and control bytes.
func sniffControls(head []byte) Sniffed {
	nul := bytes.IndexByte(head, 0)
	if enc := utf16Order(head); enc != "" {
		return Sniffed{Content: UTF16Data, What: enc + " text"}
	}
	controls := 0
	for _, c := range head {
		if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
			controls++
		}
	}
	switch {
	case controls*20 > len(head): // random bytes have 11%, text none
		return Sniffed{Content: BinaryData, What: "binary data"}
	case nul >= 0:
		return Sniffed{Content: NULData, What: "text with NUL bytes", Offset: nul}
	}
	return Sniffed{Content: TextData, What: "text"}
}

// utf16Order recognises UTF-16 text without a byte order mark: NUL bytes
// at every other position, beside ASCII. It returns "UTF-16LE",
// "UTF-16BE" or "".
func utf16Order(head []byte) string {
	pairs, lowNUL, highNUL := len(head)/2, 0, 0
	if pairs < 2 {
		return ""
	}
	for i := 0; i+1 < len(head); i += 2 {
		a, b := head[i], head[i+1]
		switch {
		case a != 0 && b == 0 && a < 0x80:
			lowNUL++ // "A\x00": little-endian ASCII
		case a == 0 && b != 0 && b < 0x80:
			highNUL++
		}
	}
	switch {
	case lowNUL*10 >= pairs*7:
		return "UTF-16LE"
	case highNUL*10 >= pairs*7:
		return "UTF-16BE"
	}
	return ""
}

// SniffError returns nil when head (the first bytes of the input name) is
// TextData, and otherwise an error saying what the input is and what to do
// about it, in the style "corpus: train.csv: gzip data, but the name does
// not end in .gz: ...".
func SniffError(name string, head []byte) error {
	s := Sniff(head)
	switch s.Content {
	case GzipData:
		return fmt.Errorf("corpus: %s: gzip data, but the name does not end in .gz: rename it to %s.gz, or decompress it first", name, name)
	case UTF16Data:
		return fmt.Errorf("corpus: %s: %s, not UTF-8: convert it first, as with iconv -f %s -t UTF-8 %s", name, s.What, s.What[:len(s.What)-len(" text")], name)
	case NULData:
		return fmt.Errorf("corpus: %s: a NUL byte at offset %d: a text corpus holds none; is it a binary file, or text in a 16-bit encoding?", name, s.Offset)
	case BinaryData:
		return fmt.Errorf("corpus: %s: %s, not a text corpus (CSV, TSV, JSONL or plain text)", name, s.What)
	}
	return nil
}
