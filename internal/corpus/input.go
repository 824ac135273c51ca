package corpus

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// Encoding is the character encoding of an input. The zero value is
// UTF-8.
type Encoding int

// The encodings OpenInput reads; the text it hands on is always UTF-8.
const (
	UTF8 Encoding = iota
	// GB18030 also reads GBK and GB2312, its subsets: Chinese files from
	// older systems.
	GB18030
)

// ParseEncoding reads an encoding name: "utf-8" (or "utf8", ""), or
// "gb18030", "gbk", "gb2312", in any case. It reports false for any other
// name.
func ParseEncoding(name string) (Encoding, bool) {
	switch strings.ToLower(strings.ReplaceAll(name, "-", "")) {
	case "", "utf8":
		return UTF8, true
	case "gb18030", "gbk", "gb2312":
		return GB18030, true
	}
	return 0, false
}

// sniffBytes is how much of an input OpenInput looks at to recognise a
// GBK or GB18030 file read as UTF-8.
const sniffBytes = 64 << 10

// Input is an opened input: it reads the file's text, decompressed and
// decoded to UTF-8. It is not safe for concurrent use, except Consumed.
type Input struct {
	r      io.Reader
	name   string
	size   int64
	raw    counter
	closer []io.Closer
}

// Name is the input's name in messages: its path, or "stdin".
func (in *Input) Name() string { return in.name }

// Size is the size of the file in bytes, -1 when it is not a regular
// file (stdin, a pipe).
func (in *Input) Size() int64 { return in.size }

// Consumed returns how many bytes of the file (compressed, before
// decoding) have been read: with Size, the progress of a run. It is safe
// to call from any goroutine.
func (in *Input) Consumed() int64 { return in.raw.n.Load() }

func (in *Input) Read(p []byte) (int, error) { return in.r.Read(p) }

// Close closes the file (not stdin).
func (in *Input) Close() error {
	var err error
	for i := len(in.closer) - 1; i >= 0; i-- {
		if e := in.closer[i].Close(); err == nil {
			err = e
		}
	}
	return err
}

// counter counts the bytes read through it.
type counter struct {
	r io.Reader
	n atomic.Int64
}

func (c *counter) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// OpenInput opens path for reading, "-" meaning stdin: decompressed when
// Gzip(path), decoded from enc to UTF-8. A UTF-8 input that turns out to
// be GBK/GB18030 Chinese fails at once with an error that says so and how
// to convert it, instead of every row being rejected as invalid UTF-8.
// The caller closes the Input.
func OpenInput(path string, stdin io.Reader, enc Encoding) (*Input, error) {
	in := &Input{name: "stdin", size: -1}
	in.raw.r = stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			in.size = st.Size()
		}
		in.name, in.raw.r, in.closer = path, f, []io.Closer{f}
	}
	in.r = &in.raw
	if Gzip(path) {
		gz, err := gzip.NewReader(in.r)
		if err != nil {
			in.Close()
			return nil, fmt.Errorf("%s: %w", in.name, err)
		}
		in.r, in.closer = gz, append(in.closer, gz)
	}
	var err error
	if in.r, err = decode(in.r, in.name, enc); err != nil {
		in.Close()
		return nil, err
	}
	return in, nil
}

// decode returns a UTF-8 reader of r.
func decode(r io.Reader, name string, enc Encoding) (io.Reader, error) {
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	// Binary data, gzip without its name, UTF-16 and NULs are said as
	// such, before any guess of an encoding.
	if err := SniffError(name, head); err != nil {
		return nil, err
	}
	if enc == GB18030 {
		return transform.NewReader(br, simplifiedchinese.GB18030.NewDecoder()), nil
	}
	if looksGB18030(head) {
		return nil, fmt.Errorf("%s: not UTF-8: the text looks GBK/GB18030-encoded (Chinese); pass --encoding gb18030, or convert the file first: iconv -f GB18030 -t UTF-8 %s > utf8.txt", name, name)
	}
	return br, nil
}

// looksGB18030 reports whether b is mostly not UTF-8 (more of its
// non-ASCII bytes stand outside valid UTF-8 sequences than inside, as in
// GBK text) and reads as GB18030 text whose non-ASCII characters are
// mostly Han. A UTF-8 file with a few bad bytes is left to the reader,
// which rejects just those rows with their place.
func looksGB18030(b []byte) bool {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			if len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				i = len(b) // a rune cut at the end of the window
				continue
			}
			invalid++
			n = 1
		case n > 1:
			valid += n
		}
		i += n
	}
	if invalid == 0 || invalid <= valid {
		return false
	}
	s, _, err := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), b)
	if err != nil {
		return false
	}
	han, other := 0, 0
	for _, r := range string(s) {
		switch {
		case r < utf8.RuneSelf:
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r):
		default:
			other++
		}
	}
	return han > 0 && han >= 4*other
}
