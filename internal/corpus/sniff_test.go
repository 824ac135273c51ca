package corpus_test

import (
	"bytes"
	"compress/gzip"
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"

	"github.com/textaug/textaug/internal/corpus"
)

const sniffCSV = "text,label\nHow do I change my PIN?,change_pin\n我想查询一下账户余额,balance\n"

func gzipped(t *testing.T, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	_, err := zw.Write([]byte(s))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

func encoded(t *testing.T, enc interface{ Bytes([]byte) ([]byte, error) }, s string) []byte {
	b, err := enc.Bytes([]byte(s))
	require.NoError(t, err)
	return b
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.UintN(256))
	}
	return b
}

func TestSniff(t *testing.T) {
	gb := encoded(t, simplifiedchinese.GB18030.NewEncoder(), sniffCSV)
	tests := []struct {
		name string
		head []byte
		want corpus.Content
		what string
	}{
		{"utf-8 csv", []byte(sniffCSV), corpus.TextData, "text"},
		{"utf-8 with BOM", []byte("\ufeff" + sniffCSV), corpus.TextData, "UTF-8 text"},
		{"GB18030 is text: its encoding is for later", gb, corpus.TextData, "text"},
		{"empty", nil, corpus.TextData, "text"},
		{"tabs and CRLF", []byte("text\tlabel\r\nhi\tx\r\n\f"), corpus.TextData, "text"},
		{"gzip without .gz", gzipped(t, sniffCSV), corpus.GzipData, "gzip data"},
		{"zip", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), corpus.BinaryData, "a zip archive (or an xlsx, docx, jar file)"},
		{"pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), corpus.BinaryData, "a PDF document"},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), corpus.BinaryData, "a PNG image"},
		{"elf", []byte("\x7fELF\x02\x01\x01\x00"), corpus.BinaryData, "an executable (ELF)"},
		{"random bytes", randomBytes(4096), corpus.BinaryData, "binary data"},
		{"UTF-16LE with BOM", encoded(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), sniffCSV), corpus.UTF16Data, "UTF-16LE text"},
		{"UTF-16BE with BOM", encoded(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder(), sniffCSV), corpus.UTF16Data, "UTF-16BE text"},
		{"UTF-16LE without BOM", encoded(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder(), sniffCSV), corpus.UTF16Data, "UTF-16LE text"},
		{"UTF-16BE without BOM", encoded(t, unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM).NewEncoder(), sniffCSV), corpus.UTF16Data, "UTF-16BE text"},
		{"a NUL in text", []byte("text,label\nHow do I\x00 change my PIN?,change_pin\n"), corpus.NULData, "text with NUL bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := corpus.Sniff(tt.head)
			assert.Equal(t, tt.want, got.Content)
			assert.Equal(t, tt.what, got.What)
		})
	}
	assert.Equal(t, 19, corpus.Sniff([]byte("text,label\nHow do I\x00 change")).Offset)
	big := append([]byte(sniffCSV), make([]byte, 2*corpus.SniffBytes)...)
	assert.Equal(t, corpus.TextData, corpus.Sniff(big[:len(sniffCSV)]).Content)
	assert.Equal(t, corpus.BinaryData, corpus.Sniff(big).Content, "NULs within the first SniffBytes")
}

func TestSniffError(t *testing.T) {
	tests := []struct {
		head []byte
		want string
	}{
		{[]byte(sniffCSV), ""},
		{gzipped(t, sniffCSV), "corpus: train.csv: gzip data, but the name does not end in .gz: rename it to train.csv.gz, or decompress it first"},
		{encoded(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder(), sniffCSV), "corpus: train.csv: UTF-16LE text, not UTF-8: convert it first, as with iconv -f UTF-16LE -t UTF-8 train.csv"},
		{[]byte("text\nabc\x00def ghi jkl mno pqr stu vwx\n"), "corpus: train.csv: a NUL byte at offset 8: a text corpus holds none; is it a binary file, or text in a 16-bit encoding?"},
		{[]byte("PK\x03\x04\x14\x00"), "corpus: train.csv: a zip archive (or an xlsx, docx, jar file), not a text corpus (CSV, TSV, JSONL or plain text)"},
		{randomBytes(512), "corpus: train.csv: binary data, not a text corpus (CSV, TSV, JSONL or plain text)"},
	}
	for _, tt := range tests {
		err := corpus.SniffError("train.csv", tt.head)
		if tt.want == "" {
			assert.NoError(t, err)
			continue
		}
		assert.EqualError(t, err, tt.want)
	}
}

func FuzzSniff(f *testing.F) {
	f.Add([]byte(sniffCSV))
	f.Add([]byte("\xff\xfeA\x00"))
	f.Add([]byte{0})
	f.Fuzz(func(t *testing.T, head []byte) {
		s := corpus.Sniff(head)
		assert.NotEmpty(t, s.What)
		if s.Content == corpus.TextData {
			assert.NoError(t, corpus.SniffError("x", head))
		} else {
			assert.Error(t, corpus.SniffError("x", head))
		}
	})
}
