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

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
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

// worker is what one worker process shares between all its DoFn
// instances: the augmenter (WordNet, tagger, synonym memo, translator and
// its cache) and the row codec. It is safe for concurrent use.
type worker struct {
	smp      textaug.Sampler
	prefetch func(ctx context.Context, texts []string) (context.Context, error)
	w        *corpus.Writer // encodes rows (AppendRow only)
	primer   string         // JSONL: an object that fixes the member names
}

// workers holds one worker per configuration in this process. Beam makes
// DoFn instances from JSON on each worker, several per process; heavy data
// must not be loaded per instance, and the translation cache (a bbolt
// file) can be opened only once per process. This is the one piece of
// process-wide state, and it only ever grows by the configurations of the
// pipelines that run in the process.
var workers sync.Map // string (JSON of what newWorker uses) -> *workerOnce

type workerOnce struct {
	once sync.Once
	w    *worker
	err  error
}

func loadWorker(cfg Config) (*worker, error) {
	// What the worker is made of; not the output's names or sharding.
	key, err := json.Marshal([]any{cfg.Recipe, cfg.Seed, cfg.Format, cfg.Header, cfg.TextField})
	if err != nil {
		return nil, err
	}
	v, _ := workers.LoadOrStore(string(key), &workerOnce{})
	wo := v.(*workerOnce)
	wo.once.Do(func() { wo.w, wo.err = newWorker(cfg) })
	return wo.w, wo.err
}

func newWorker(cfg Config) (*worker, error) {
	go tokenize.Prose() // the tagger model loads while WordNet does
	rec := cfg.Recipe
	aug, rt, _, err := rec.Augmenter() // the cache stays open for the life of the process
	if err != nil {
		return nil, err
	}
	wk := &worker{smp: textaug.Sampler{Aug: aug, K: rec.K, Seed: cfg.Seed, MaxTries: rec.MaxTries}}
	if rt != nil {
		wk.prefetch = rt.Prefetch
		wk.smp.Accept = textaug.KeepsFigures
	}
	if cfg.Format == "text" {
		return wk, nil
	}
	cf, _ := corpus.ParseFormat(cfg.Format)
	if wk.w, err = corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: cf, Header: cfg.Header, TextField: cfg.TextField}); err != nil {
		return nil, err
	}
	if cf == corpus.JSONL {
		name, _ := json.Marshal(cfg.TextField)
		wk.primer = "{" + string(name) + `:"x"}` + "\n"
	}
	return wk, nil
}

// parsed is one row of the input: a record to augment, a reject, or
// nothing (a blank line, a header).
type parsed struct {
	text string
	rec  *corpus.Record // nil in text mode
	bad  *corpus.RowError
}

// parse reads one line (as text IO gives it: without its "\n") exactly as
// the CLI's reader reads it in a file.
func (f *augmentFn) parse(line string) (p parsed, ok bool) {
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
			return parsed{bad: &corpus.RowError{File: cfg.Name, Column: invalidAt(unmarked) + 1, Raw: []byte(unmarked), Err: errors.New("invalid UTF-8")}}, true
		}
		return parsed{text: unmarked}, true
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
		src = f.wk.primer + strings.TrimPrefix(line, "\ufeff") + "\n"
	default:
		src = cfg.HeaderLine + "\n" + line + "\n"
	}
	r, err := corpus.NewReader(strings.NewReader(src), corpus.ReaderOptions{Format: cf, Name: cfg.Name, TextField: cfg.TextField, LabelField: cfg.LabelField})
	if err != nil {
		return parsed{bad: &corpus.RowError{File: cfg.Name, Raw: []byte(content), Err: err}}, true
	}
	if cf == corpus.JSONL {
		if _, err := r.Next(); err != nil { // the primer
			return parsed{bad: &corpus.RowError{File: cfg.Name, Raw: []byte(content), Err: err}}, true
		}
	}
	rec, err := r.Next()
	var re *corpus.RowError
	switch {
	case err == nil:
		return parsed{text: rec.Text, rec: rec}, true
	case errors.Is(err, io.EOF):
		return p, false // a blank line
	case errors.As(err, &re):
		re.Line, re.Row = 0, 0 // text IO does not know them
		if cf == corpus.CSV && errors.Is(err, corpus.ErrQuote) {
			re.Err = fmt.Errorf("%w (the Beam pipeline reads one line per row: a quoted field cannot hold a line end; use the CLI or JSONL)", re.Err)
		}
		return parsed{bad: re}, true
	default:
		return parsed{bad: &corpus.RowError{File: cfg.Name, Raw: []byte(content), Err: err}}, true
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

	wk      *worker
	pending []parsed // back-translation: rows waiting for their batch
}

// Setup loads the worker's shared state (once per process).
func (f *augmentFn) Setup() error {
	wk, err := loadWorker(f.Cfg)
	f.wk = wk
	return err
}

func (f *augmentFn) ProcessElement(ctx context.Context, line string, emit func(int, string), reject func(string)) error {
	p, ok := f.parse(line)
	if !ok {
		return nil
	}
	rowsIn.Inc(ctx, 1)
	if p.bad != nil {
		return f.reject(ctx, p.bad, reject)
	}
	if f.wk.prefetch == nil {
		return f.augment(ctx, ctx, p, emit, reject)
	}
	f.pending = append(f.pending, p)
	if len(f.pending) >= f.batch() {
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

// flush translates the pending rows in one batch (through the cache), then
// augments them; as in the CLI, a batch whose translation failed softly
// gives its rows that failure as their reason.
func (f *augmentFn) flush(ctx context.Context, emit func(int, string), reject func(string)) error {
	if len(f.pending) == 0 {
		return nil
	}
	texts := make([]string, len(f.pending))
	for i, p := range f.pending {
		texts[i] = p.text
	}
	btPrefetch.Inc(ctx, 1)
	pctx, err := f.wk.prefetch(ctx, texts)
	if err != nil {
		return err
	}
	for _, p := range f.pending {
		if err := f.augment(ctx, pctx, p, emit, reject); err != nil {
			return err
		}
	}
	f.pending = f.pending[:0]
	return nil
}

// augment samples one row's variants (under sctx, which may carry a
// batch's translation failure) and emits its rows.
func (f *augmentFn) augment(ctx, sctx context.Context, p parsed, emit func(int, string), reject func(string)) error {
	res, err := f.wk.smp.Sample(sctx, "", p.text)
	if err != nil {
		var ie *textaug.InputError
		if errors.As(err, &ie) {
			return f.reject(ctx, &corpus.RowError{File: f.Cfg.Name, Column: ie.Offset + 1, Raw: []byte(p.text), Err: ie.Err}, reject)
		}
		return fmt.Errorf("textaug: %q: %w", p.text, err)
	}
	var buf []byte
	if !f.Cfg.NoOriginal {
		if buf, err = f.appendRow(buf, p, p.text); err != nil {
			return err
		}
	}
	for _, v := range res.Variants {
		if buf, err = f.appendRow(buf, p, v.Text); err != nil {
			return err
		}
	}
	if why := res.Note + res.Reason; strings.Contains(why, "backtranslate:") {
		noBTCount.Inc(ctx, 1)
	}
	rowsOut.Inc(ctx, 1)
	variants.Inc(ctx, int64(len(res.Variants)))
	if res.Shortfall > 0 {
		shortRows.Inc(ctx, 1)
		missing.Inc(ctx, int64(res.Shortfall))
	}
	if len(buf) > 0 {
		emit(recipe.ShardOf(p.text, f.Cfg.Shards), string(buf))
	}
	return nil
}

var tsvText = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")

// appendRow encodes one output row as the CLI does.
func (f *augmentFn) appendRow(dst []byte, p parsed, text string) ([]byte, error) {
	if p.rec == nil { // text mode: the CLI's textSink without provenance
		if strings.ContainsAny(text, "\n\r") {
			text = tsvText.Replace(text)
		}
		return append(append(dst, text...), '\n'), nil
	}
	return f.wk.w.AppendRow(dst, p.rec, text)
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
