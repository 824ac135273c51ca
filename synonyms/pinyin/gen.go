//go:build ignore

// Command gen writes readings.txt, the pinyin readings that package pinyin
// embeds: for every level-1 GB 2312 character (rows 0xB0-0xD7, columns
// 0xA1-0xFE, in that order) that go-pinyin's dictionary knows, one line
// "character TAB readings" with go-pinyin's readings as it spells them
// (comma-separated, tone marks kept). Embedding this 40 KB extract instead
// of importing go-pinyin keeps go-pinyin's package initialisation (a
// 41,000-entry map filled at program start) out of every program. Run by
// go generate; TestReadingsRegenerate checks the file.
package main

import (
	"bytes"
	"fmt"
	"os"
	"unicode"
	"unicode/utf8"

	gopinyin "github.com/mozillazg/go-pinyin"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func main() {
	out := "readings.txt"
	if len(os.Args) > 1 {
		out = os.Args[1]
	}
	b, err := extract()
	if err == nil {
		err = os.WriteFile(out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "pinyin gen:", err)
		os.Exit(1)
	}
}

func extract() ([]byte, error) {
	dec := simplifiedchinese.GBK.NewDecoder()
	var buf bytes.Buffer
	var dst [8]byte
	for hi := 0xB0; hi <= 0xD7; hi++ {
		for lo := 0xA1; lo <= 0xFE; lo++ {
			dec.Reset()
			src := [2]byte{byte(hi), byte(lo)}
			n, _, err := dec.Transform(dst[:], src[:], true)
			if err != nil {
				return nil, fmt.Errorf("decoding GB 2312 %02X%02X: %w", hi, lo, err)
			}
			r, size := utf8.DecodeRune(dst[:n])
			if size != n || !unicode.Is(unicode.Han, r) {
				continue // unassigned code point (D7FA-D7FE)
			}
			if r < 0x4E00 || r > 0x9FA5 {
				return nil, fmt.Errorf("GB 2312 %02X%02X decodes to %U, outside U+4E00..U+9FA5", hi, lo, r)
			}
			if raw, ok := gopinyin.PinyinDict[int(r)]; ok {
				fmt.Fprintf(&buf, "%c\t%s\n", r, raw)
			}
		}
	}
	return buf.Bytes(), nil
}
