package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
)

// Config is what every worker needs to augment a row as the CLI would. It
// travels to the workers inside the DoFn, serialised as JSON, so it holds
// only plain data; Prepare fills in the input's layout.
type Config struct {
	Recipe recipe.Recipe `json:"recipe"`
	Seed   uint64        `json:"seed"`
	// Format is csv, tsv, jsonl or text (one sentence per line).
	Format string `json:"format"`
	// Name is the input, as named in rejects.
	Name string `json:"name"`
	// TextField and LabelField are the resolved column or member names,
	// as the CLI's reader resolves them from the first file.
	TextField  string `json:"text_field,omitempty"`
	LabelField string `json:"label_field,omitempty"`
	// Header is the CSV or TSV column names; HeaderLine the header's line,
	// without line end and byte order mark: lines equal to it are headers.
	Header     []string `json:"header,omitempty"`
	HeaderLine string   `json:"header_line,omitempty"`
	// NoOriginal writes only the variants, as the CLI's --no-original.
	NoOriginal bool `json:"no_original,omitempty"`
	// Shards is the number of output files (and the n of recipe.ShardOf).
	Shards int `json:"shards"`
	// BTBatch is how many rows are translated together (default 256).
	BTBatch int `json:"bt_batch,omitempty"`
	// Stats is the corpus statistics file's JSON (anchors, entities,
	// label-swap contexts), read or learned by Prepare when the recipe
	// uses them and the input has labels (see labels.go).
	Stats string `json:"stats,omitempty"`
}

// Prepare resolves the layout of the input as the CLI does: the format
// (from format, else the file extension), and for CSV and TSV the header
// and the text and label columns, for JSONL the text and label members of
// the first object that has a text member; textField and labelField are
// the CLI's --text and --label. It reads the head of the first file that
// glob matches, through Beam's file systems (local, gs://, ...).
func (c *Config) Prepare(ctx context.Context, glob, format, textField, labelField string) error {
	fs, err := filesystem.New(ctx, glob)
	if err != nil {
		return err
	}
	defer fs.Close()
	files, err := fs.List(ctx, glob)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: no file matches", glob)
	}
	first := files[0]
	if format == "" {
		format = "text"
		if f, ok := corpus.DetectFormat(first); ok {
			format = f.String()
		}
	}
	if c.Name == "" {
		c.Name = glob
	}
	if format == "text" {
		c.Format = format
		return nil
	}
	cf, ok := corpus.ParseFormat(format)
	if !ok {
		return fmt.Errorf("--format: want csv, tsv, jsonl or text, got %q", format)
	}
	c.Format = cf.String()
	in, closeIn, err := openFile(ctx, fs, first)
	if err != nil {
		return err
	}
	defer closeIn()
	// The reader resolves the names as the CLI's; the raw head gives the
	// header line.
	var head bytes.Buffer
	r, err := corpus.NewReader(io.TeeReader(in, &head), corpus.ReaderOptions{Format: cf, Name: first, TextField: textField, LabelField: labelField})
	if err != nil {
		return err
	}
	c.TextField, c.LabelField = r.TextField(), r.LabelField()
	if err := c.prepareLabels(ctx, fs, files, cf); err != nil {
		return err
	}
	if cf == corpus.JSONL {
		return nil
	}
	c.Header = r.Header()
	return c.headerLine(cf, head.Bytes())
}

// headerLine finds the header's line in head, the bytes the reader read
// (without line end and byte order mark: lines equal to it are headers),
// and checks that the header is one line.
func (c *Config) headerLine(cf corpus.Format, head []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(head))
	sc.Buffer(nil, corpus.DefaultMaxRowBytes)
	for n := 0; sc.Scan(); n++ {
		line := sc.Text() // without its "\n" or "\r\n", as the readers see it
		if n == 0 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if line == "" {
			continue // the readers skip empty lines before the header
		}
		c.HeaderLine = line
		break
	}
	// A header that spans lines (a quoted line end in a column name)
	// cannot be recognised line by line.
	probe, err := corpus.NewReader(strings.NewReader(c.HeaderLine+"\n"), corpus.ReaderOptions{Format: cf, TextField: c.TextField, LabelField: c.LabelField})
	if err != nil || !slices.Equal(probe.Header(), c.Header) {
		return errors.New("the CSV header spans several lines: the Beam pipeline reads one line per row; use the CLI")
	}
	return nil
}

// OutputHeader returns the header that every output shard starts with:
// for CSV and TSV the header line exactly as the CLI writes it, else "".
func (c *Config) OutputHeader() (string, error) {
	if c.Format != "csv" && c.Format != "tsv" {
		return "", nil
	}
	cf, _ := corpus.ParseFormat(c.Format)
	var b bytes.Buffer
	if _, err := corpus.NewWriter(&b, corpus.WriterOptions{Format: cf, Header: c.Header, TextField: c.TextField}); err != nil {
		return "", err
	}
	return b.String(), nil
}

// Ext is the file extension of the output shards.
func (c *Config) Ext() string {
	if c.Format == "text" {
		return ".txt"
	}
	return "." + c.Format
}

// openFile opens one input file of the pipeline, decompressing it when its
// name ends in .gz; closeFile closes it.
func openFile(ctx context.Context, fs filesystem.Interface, file string) (in io.Reader, closeFile func(), err error) {
	rc, err := fs.OpenRead(ctx, file)
	if err != nil {
		return nil, nil, err
	}
	in = rc
	if corpus.Gzip(file) {
		zr, err := gzip.NewReader(rc)
		if err != nil {
			rc.Close()
			return nil, nil, fmt.Errorf("%s: %w", file, err)
		}
		in = zr
	}
	return in, func() { rc.Close() }, nil
}
