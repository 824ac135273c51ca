package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
)

// The counters of a run; their totals match the CLI's closing line.
var (
	rowsIn     = beam.NewCounter("textaug", "rows")
	rowsOut    = beam.NewCounter("textaug", "written")
	variants   = beam.NewCounter("textaug", "variants")
	shortRows  = beam.NewCounter("textaug", "shortfalls")
	missing    = beam.NewCounter("textaug", "variants_missing")
	rejected   = beam.NewCounter("textaug", "rejected")
	noBTCount  = beam.NewCounter("textaug", "no_backtranslation")
	btPrefetch = beam.NewCounter("textaug", "bt_batches")
)

// engines holds one engine per recipe and seed in this process. Beam
// makes DoFn instances from JSON on each worker, several per process;
// heavy data (WordNet, the tagger, the synonym memo) must not be loaded per
// instance, and the translation cache (a bbolt file) can be opened only
// once per process. This is the one piece of process-wide state, and it
// only ever grows by the configurations of the pipelines that run in the
// process.
var engines sync.Map // string (JSON of recipe and seed) -> *engineOnce

type engineOnce struct {
	once sync.Once
	eng  *augment.Engine
	err  error
}

func loadEngine(cfg Config) (*augment.Engine, error) {
	key, err := json.Marshal([]any{cfg.Recipe, cfg.Seed, cfg.Stats})
	if err != nil {
		return nil, err
	}
	v, _ := engines.LoadOrStore(string(key), &engineOnce{})
	eo := v.(*engineOnce)
	// The engine, and with it the cache, stays open for the life of the
	// process.
	eo.once.Do(func() {
		if eo.eng, eo.err = augment.New(cfg.Recipe, cfg.Seed); eo.err == nil {
			eo.eng, eo.err = withStats(eo.eng, cfg)
		}
	})
	return eo.eng, eo.err
}

// parsed is one row of the input: a record to augment or a reject; none
// for a blank line or a header.

// parse reads one line (as text IO gives it: without its "\n") exactly as
// the CLI's reader reads it in a file.
func (f *augmentFn) parse(line string) (p augment.Item, ok bool) {
	cfg := &f.Cfg
	content := strings.TrimSuffix(line, "\r") // the rest of a "\r\n"
	// A byte order mark can only start a file, and the readers drop it
	// there; text IO keeps it and cannot tell a file's first line, so it
	// is dropped at the start of any line of text or JSONL (where it
	// would otherwise make the row bad) and of a CSV or TSV header.
	unmarked := strings.TrimPrefix(content, "\ufeff")
	switch cfg.Format {
	case "text":
		if !utf8.ValidString(unmarked) {
			return augment.Item{Bad: &corpus.RowError{File: cfg.Name, Column: invalidAt(unmarked) + 1, Raw: []byte(unmarked), Err: errors.New("invalid UTF-8")}}, true
		}
		return augment.Item{Rec: &corpus.Record{Text: unmarked}}, true
	case "csv", "tsv":
		if unmarked == cfg.HeaderLine {
			return p, false
		}
	}
	cf, _ := corpus.ParseFormat(cfg.Format)
	var src string
	switch cf {
	case corpus.JSONL:
		// The primer resolves the member names as the CLI did on the
		// whole input; the line is then read as any later line.
		src = f.primer + strings.TrimPrefix(line, "\ufeff") + "\n"
	default:
		src = cfg.HeaderLine + "\n" + line + "\n"
	}
	r, err := corpus.NewReader(strings.NewReader(src), corpus.ReaderOptions{Format: cf, Name: cfg.Name, TextField: cfg.TextField, LabelField: cfg.LabelField})
	if err != nil {
		return augment.Item{Bad: &corpus.RowError{File: cfg.Name, Raw: []byte(content), Err: err}}, true
	}
	if cf == corpus.JSONL {
		if _, err := r.Next(); err != nil { // the primer
			return augment.Item{Bad: &corpus.RowError{File: cfg.Name, Raw: []byte(content), Err: err}}, true
		}
	}
	rec, err := r.Next()
	var re *corpus.RowError
	switch {
	case err == nil:
		rec.Row, rec.Line = 0, 0 // text IO does not know them
		return augment.Item{Rec: rec}, true
	case errors.Is(err, io.EOF):
		return p, false // a blank line
	case errors.As(err, &re):
		re.Line, re.Row = 0, 0 // text IO does not know them
		if cf == corpus.CSV && errors.Is(err, corpus.ErrQuote) {
			re.Err = fmt.Errorf("%w (the Beam pipeline reads one line per row: a quoted field cannot hold a line end; use the CLI or JSONL)", re.Err)
		}
		return augment.Item{Bad: re}, true
	default:
		return augment.Item{Bad: &corpus.RowError{File: cfg.Name, Raw: []byte(content), Err: err}}, true
	}
}

func invalidAt(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}

// augmentFn augments the rows of one line each. It emits KV<shard, rows>,
// the rows being the original (unless NoOriginal) and its variants,
// encoded as the CLI encodes them, each with its line end; and rejects as
// JSON lines (without line end), in the CLI's --rejects format.
type augmentFn struct {
	Cfg Config `json:"cfg"`

	eng     *augment.Engine // the process's, with this instance's Output
	primer  string          // JSONL: an object that fixes the member names
	pending []augment.Item  // back-translation: rows waiting for their batch
}

// Setup loads the process's engine (once per process) and makes the row
// codec.
func (f *augmentFn) Setup() error {
	cfg := &f.Cfg
	eng, err := loadEngine(*cfg)
	if err != nil {
		return err
	}
	cf, _ := corpus.ParseFormat(cfg.Format)
	w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: cf, Header: cfg.Header, TextField: cfg.TextField})
	if err != nil {
		return err
	}
	f.eng = eng.WithOutput(augment.Output{Writer: w, NoOriginal: cfg.NoOriginal, Skip: true, Name: cfg.Name})
	if cf == corpus.JSONL {
		// With a label member, the primer has one too: a labelled corpus
		// refuses an object without its label.
		name, _ := json.Marshal(cfg.TextField)
		primer := "{" + string(name) + `:"x"`
		if cfg.LabelField != "" {
			label, _ := json.Marshal(cfg.LabelField)
			primer += "," + string(label) + `:"x"`
		}
		f.primer = primer + "}\n"
	}
	return nil
}

func (f *augmentFn) ProcessElement(ctx context.Context, line string, emit func(int, string), reject func(string)) error {
	it, ok := f.parse(line)
	if !ok {
		return nil
	}
	rowsIn.Inc(ctx, 1)
	if it.Bad != nil {
		return f.reject(ctx, it.Bad, reject)
	}
	f.pending = append(f.pending, it)
	if !f.eng.Backtranslates() || len(f.pending) >= f.batch() {
		return f.flush(ctx, emit, reject)
	}
	return nil
}

// FinishBundle translates and augments the rows still waiting.
func (f *augmentFn) FinishBundle(ctx context.Context, emit func(int, string), reject func(string)) error {
	return f.flush(ctx, emit, reject)
}

func (f *augmentFn) batch() int {
	if f.Cfg.BTBatch > 0 {
		return f.Cfg.BTBatch
	}
	return 256
}

// flush augments the pending rows, in one batch: with back-translation,
// their texts are translated together first (through the cache), and as
// in the CLI a batch whose translation failed softly gives its rows that
// failure as their reason.
func (f *augmentFn) flush(ctx context.Context, emit func(int, string), reject func(string)) error {
	if len(f.pending) == 0 {
		return nil
	}
	if f.eng.Backtranslates() {
		btPrefetch.Inc(ctx, 1)
	}
	b, err := f.eng.Rows(ctx, f.pending)
	f.pending = f.pending[:0]
	if err != nil {
		return fmt.Errorf("textaug: %w", err)
	}
	for _, r := range b.Rows {
		if r.Bad != nil {
			if err := f.reject(ctx, r.Bad, reject); err != nil {
				return err
			}
		} else if len(r.Out) > 0 {
			emit(recipe.ShardOf(r.Rec.Text, f.Cfg.Shards), string(r.Out))
		}
	}
	st := b.Stats
	rowsOut.Inc(ctx, int64(st.Written))
	variants.Inc(ctx, int64(st.Variants))
	shortRows.Inc(ctx, int64(st.Short))
	missing.Inc(ctx, int64(st.Missing))
	noBTCount.Inc(ctx, int64(st.NoBacktranslation))
	return nil
}

func (f *augmentFn) reject(ctx context.Context, re *corpus.RowError, reject func(string)) error {
	rejected.Inc(ctx, 1)
	var b bytes.Buffer
	rw := corpus.NewRejectWriter(&b)
	if err := rw.Write(re); err != nil {
		return err
	}
	if err := rw.Flush(); err != nil {
		return err
	}
	reject(strings.TrimSuffix(b.String(), "\n"))
	return nil
}
