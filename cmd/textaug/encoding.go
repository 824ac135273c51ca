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

// looksGB18030 reports whether b is not UTF-8 but reads as GB18030 text
// in which most non-ASCII characters are Han.
func looksGB18030(b []byte) bool {
	// A rune cut at the end of the window is not an error.
	for i := 0; i < 3 && len(b) > 0 && !utf8.Valid(b); i++ {
		b = b[:len(b)-1]
	}
	if utf8.Valid(b) {
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
