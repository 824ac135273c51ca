package corpus_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/textaug/textaug/internal/corpus"
)

// Read a CSV corpus, write each row followed by an upper-cased variant with
// provenance columns, and reject the bad rows.
func Example() {
	in := strings.NewReader("id,text,label\n1,\"Hello, world\",greet\n2,\"bad\"quote,x\n3,bye,farewell\n")
	r, err := corpus.NewReader(in, corpus.ReaderOptions{Format: corpus.CSV, Name: "train.csv"})
	if err != nil {
		fmt.Println(err)
		return
	}
	w, err := corpus.NewWriter(os.Stdout, corpus.WriterOptions{
		Format:    corpus.CSV,
		Header:    r.Header(),
		TextField: r.TextField(),
		Extra:     []string{"source_row", "variant"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	rejects := corpus.NewRejectWriter(os.Stdout)
	for {
		rec, err := r.Next()
		if err == io.EOF {
			break
		}
		var re *corpus.RowError
		if errors.As(err, &re) {
			w.Flush()
			rejects.Write(re)
			rejects.Flush()
			continue
		}
		if err != nil {
			fmt.Println(err)
			return
		}
		row := fmt.Sprint(rec.Row)
		w.Write(rec, rec.Text, row, "0")
		w.Write(rec, strings.ToUpper(rec.Text), row, "1")
	}
	w.Flush()
	fmt.Println(r.Rows(), "rows")
	// Output:
	// id,text,label,source_row,variant
	// 1,"Hello, world",greet,1,0
	// 1,"HELLO, WORLD",greet,1,1
	// {"file":"train.csv","line":3,"column":8,"row":2,"reason":"unexpected character after closing quote: \"q\"","raw":"2,\"bad\"quote,x"}
	// 3,bye,farewell,3,0
	// 3,BYE,farewell,3,1
	// 3 rows
}
