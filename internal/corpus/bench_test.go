package corpus_test

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/textaug/textaug/internal/corpus"
)

func benchInput(f corpus.Format, rows int) []byte {
	var b strings.Builder
	switch f {
	case corpus.CSV:
		b.WriteString("id,text,label\n")
		for i := range rows {
			fmt.Fprintf(&b, "%d,\"I'd like to \"\"change\"\" my PIN, please (card %d)\",change_pin\n", i, i)
		}
	case corpus.TSV:
		b.WriteString("id\ttext\tlabel\n")
		for i := range rows {
			fmt.Fprintf(&b, "%d\tI'd like to change my PIN, please (card %d)\tchange_pin\n", i, i)
		}
	default:
		for i := range rows {
			fmt.Fprintf(&b, `{"id":%d,"text":"I'd like to \"change\" my PIN, please (card %d)","label":"change_pin","meta":{"a":[1,2]}}`+"\n", i, i)
		}
	}
	return []byte(b.String())
}

// BenchmarkReadWrite reads and re-encodes a corpus; the byte rate is of the
// input.
func BenchmarkReadWrite(b *testing.B) {
	for _, f := range []corpus.Format{corpus.CSV, corpus.TSV, corpus.JSONL} {
		in := benchInput(f, 10000)
		b.Run(f.String(), func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				r, err := corpus.NewReader(bytes.NewReader(in), corpus.ReaderOptions{Format: f})
				if err != nil {
					b.Fatal(err)
				}
				w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: f, Header: r.Header(), TextField: r.TextField(), Extra: []string{"variant"}})
				if err != nil {
					b.Fatal(err)
				}
				for {
					rec, err := r.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						b.Fatal(err)
					}
					if err := w.Write(rec, rec.Text, "0"); err != nil {
						b.Fatal(err)
					}
				}
				w.Flush()
			}
		})
	}
}

// BenchmarkStrayQuotes reads a CSV where every other row has a quote
// that is never closed: resynchronising must stay linear.
func BenchmarkStrayQuotes(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("text,n\n")
	for i := range 10000 {
		if i%2 == 0 {
			fmt.Fprintf(&sb, "\"stray %d,1\n", i)
		} else {
			fmt.Fprintf(&sb, "ok \"\"%d\"\",2\n", i)
		}
	}
	in := []byte(sb.String())
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		r, _ := corpus.NewReader(bytes.NewReader(in), corpus.ReaderOptions{Format: corpus.CSV})
		for {
			if _, err := r.Next(); err == io.EOF {
				break
			}
		}
	}
}
