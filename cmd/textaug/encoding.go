package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"github.com/textaug/textaug/internal/recipe"
)

// sniffBytes is how much of an input decodeInput looks at to recognise a
// GBK or GB18030 file given without --encoding.
const sniffBytes = 64 << 10

// decodeInput returns a UTF-8 reader of r. enc is "utf-8" (or empty) or
// "gb18030" (which also reads GBK and GB2312, its subsets). A UTF-8 input
// that turns out to be GBK/GB18030 Chinese fails at once with an error
// that says so and how to convert it, instead of every row being rejected
// as invalid UTF-8.
func decodeInput(r io.Reader, name, enc string) (io.Reader, error) {
	switch strings.ToLower(strings.ReplaceAll(enc, "-", "")) {
	case "", "utf8":
	case "gb18030", "gbk", "gb2312":
		return transform.NewReader(r, simplifiedchinese.GB18030.NewDecoder()), nil
	default:
		return nil, recipe.Usagef("--encoding: want utf-8 or gb18030 (also reads GBK and GB2312), got %q", enc)
	}
	br := bufio.NewReaderSize(r, sniffBytes)
	head, err := br.Peek(sniffBytes)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: %w", name, err)
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
