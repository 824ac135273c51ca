package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
)

const augmentHelp = `Usage: textaug augment [flags] [FILE|-]

Reads a corpus (CSV, TSV or JSONL with a header or field names, or plain
text with one sentence per line) and writes every row followed by its k
variants, all with the row's label and every other column unchanged.

Examples:
  textaug augment -k 4 --seed 1 testdata/sentences.txt
  textaug augment --preset intent -o train.aug.csv testdata/examples/banking.csv
  textaug augment --preset finance --provenance -o out.jsonl testdata/examples/finance.jsonl
  zcat big.jsonl.gz | textaug augment --format jsonl --on-error skip --rejects bad.jsonl -o out.jsonl.gz -

Flags:
`

// ioFlags are augment's input and output flags.
type ioFlags struct {
	seed        uint64
	format      string
	text, label string
	output      string
	noOriginal  bool
	provenance  bool
	workers     int
	onError     string
	rejects     string
	progress    string
	shard       shardSpec
	encoding    string
}

func (f *ioFlags) register(fs *flag.FlagSet) {
	fs.Uint64Var(&f.seed, "seed", 1, "random seed: the same seed and input give the same output")
	fs.StringVar(&f.format, "format", "", "input format: csv, tsv, jsonl or text (default: by extension, .gz allowed; text for others and stdin)")
	fs.StringVar(&f.text, "text", "", "column or field with the text (default: the first of "+strings.Join(corpus.DefaultTextFields, ", ")+")")
	fs.StringVar(&f.label, "label", "", "column or field with the label (default: the first of "+strings.Join(corpus.DefaultLabelFields, ", ")+"); only checked, never changed")
	fs.StringVar(&f.output, "o", "-", "output file, same format as the input (.gz compresses); written to a temporary name and renamed on success; - for stdout")
	fs.BoolVar(&f.noOriginal, "no-original", false, "write only the variants, not the input rows")
	fs.BoolVar(&f.provenance, "provenance", false, "add columns source_row, variant (0 = the original) and ops")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel workers; the output is byte-identical for any number")
	fs.StringVar(&f.onError, "on-error", "stop", "on a bad row: stop (exit 1 with file:line:column) or skip (write it to --rejects and go on)")
	fs.StringVar(&f.rejects, "rejects", "", "with --on-error skip: file for the bad rows, one JSON object per row with its reason (default: reasons on stderr)")
	fs.StringVar(&f.progress, "progress", "auto", "progress on stderr: auto (when stderr is a terminal), always or never")
	fs.StringVar(&f.encoding, "encoding", "utf-8", "input encoding: utf-8, or gb18030 (reads GBK and GB2312 too) for Chinese files from older systems; the output is UTF-8")
	fs.Var(&f.shard, "shard", "i/n: augment only the rows whose text hashes to shard i of n (0 <= i < n; see 'Scaling out' in the README); the n outputs together hold exactly the single run's rows, and 'textaug merge' puts --provenance outputs back in its order")
}

func augmentCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("augment", flag.ContinueOnError)
	var rf recipeFlags
	var iof ioFlags
	rf.register(fs)
	iof.register(fs)
	pos, code, ok := parseCommand(fs, augmentHelp, args, stderr)
	if !ok {
		return code
	}
	code, err := augmentRun(ctx, fs, &rf, &iof, pos, stdin, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "textaug augment: %v\n", err)
	}
	return code
}

// parseCommand sets fs's help text and parses args; ok is false when the
// command must stop at once with code (after --help, or on a bad flag).
func parseCommand(fs *flag.FlagSet, help string, args []string, stderr io.Writer) (pos []string, code int, ok bool) {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		fs.PrintDefaults()
	}
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, exitOK, false
	}
	if err != nil {
		return nil, exitUsage, false
	}
	return pos, exitOK, true
}

// parseInterleaved parses flags that may stand after positional arguments.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func augmentRun(ctx context.Context, fs *flag.FlagSet, rf *recipeFlags, iof *ioFlags, pos []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	usage := func(err error) (int, error) { return exitUsage, err }
	fail := func(err error) (int, error) {
		if errors.As(err, new(recipe.UsageError)) {
			return exitUsage, err
		}
		return exitFail, err
	}
	input := "-"
	switch len(pos) {
	case 0:
	case 1:
		input = pos[0]
	default:
		return usage(fmt.Errorf("one input file at most, got %d", len(pos)))
	}
	if iof.workers < 1 {
		iof.workers = 1
	}
	if iof.onError != "stop" && iof.onError != "skip" {
		return usage(fmt.Errorf("--on-error: want stop or skip, got %q", iof.onError))
	}
	if iof.rejects != "" && iof.onError != "skip" {
		return usage(errors.New("--rejects goes with --on-error skip"))
	}
	rec, err := rf.resolve(fs)
	if err != nil {
		return fail(err)
	}
	format, err := inputFormat(iof.format, input)
	if err != nil {
		return usage(err)
	}
	if iof.output != "-" && iof.output != "" {
		if f, ok := corpus.DetectFormat(iof.output); ok && format != "text" && f.String() != format {
			return usage(fmt.Errorf("-o %s: the output has the input's format (%s); converting between formats is not supported", iof.output, format))
		}
	}
	eng, err := augment.New(rec, iof.seed)
	if err != nil {
		return fail(err)
	}
	defer eng.Close()

	// Input.
	name, in, size := "stdin", stdin, int64(-1)
	counter := &countingReader{}
	if input != "-" {
		f, err := os.Open(input)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		name, in = input, f
	}
	counter.r = in
	in = counter
	if strings.HasSuffix(strings.ToLower(input), ".gz") {
		gz, err := gzip.NewReader(in)
		if err != nil {
			return fail(fmt.Errorf("%s: %w", name, err))
		}
		defer gz.Close()
		in = gz
	}
	if in, err = decodeInput(in, name, iof.encoding); err != nil {
		return fail(err)
	}

	// Output.
	out, commit, abort, err := openOutput(iof.output, stdout)
	if err != nil {
		return fail(err)
	}
	committed := false
	defer func() {
		if !committed {
			abort()
		}
	}()

	cf, _ := corpus.ParseFormat(format)
	r, err := corpus.NewReader(in, corpus.ReaderOptions{Format: cf, Name: name, TextField: iof.text, LabelField: iof.label})
	if err != nil {
		return fail(err)
	}
	var extra []string
	if iof.provenance {
		extra = augment.ProvenanceColumns()
	}
	w, err := corpus.NewWriter(out, corpus.WriterOptions{Format: cf, Header: r.Header(), TextField: r.TextField(), Extra: extra})
	if err != nil {
		return fail(err)
	}
	var src source = readerSource{r}
	var shard *shardSource
	if iof.shard.active() {
		shard = &shardSource{src: src, spec: iof.shard}
		src = shard
	}

	var rejects *corpus.RejectWriter
	var rejectFile func() error = func() error { return nil }
	var rejectAbort func()
	if iof.rejects != "" {
		rw, rc, ra, err := openOutput(iof.rejects, nil)
		if err != nil {
			return fail(err)
		}
		rejects = corpus.NewRejectWriter(rw)
		rejectFile = func() error {
			if err := rejects.Flush(); err != nil {
				return err
			}
			return rc()
		}
		rejectAbort = ra
		defer func() {
			if !committed {
				rejectAbort()
			}
		}()
	}

	p := &pipeline{
		eng: eng.WithOutput(augment.Output{Writer: w, NoOriginal: iof.noOriginal, Provenance: iof.provenance,
			Skip: iof.onError == "skip", Name: name}),
		workers: iof.workers,
	}
	start := time.Now()
	prog := newProgress(stderr, iof.progress, size, counter, start)
	p.progress = prog.update
	st, err := p.run(ctx, src,
		func(b []byte) error { _, err := out.Write(b); return err },
		func(re *corpus.RowError) error {
			if rejects != nil {
				return rejects.Write(re)
			}
			fmt.Fprintf(stderr, "textaug: rejected: %v\n", re)
			return nil
		})
	prog.done()
	if err == nil {
		if err = rejectFile(); err == nil {
			err = commit()
		}
		committed = err == nil
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(stderr, "textaug: %d rows in, %d written, %d variants out, %d shortfalls (%d variants missing), %d rejected, %.2fs (%.0f rows/s)\n",
		st.Rows, st.Written, st.Variants, st.Short, st.Missing, st.Rejected, secs, float64(st.Rows)/max(secs, 1e-9))
	if shard != nil {
		fmt.Fprintf(stderr, "textaug: shard %s: the counts above are this shard's; %d rows of other shards skipped\n", &iof.shard, shard.skipped)
	}
	if st.NoBacktranslation > 0 {
		fmt.Fprintf(stderr, "textaug: %d rows got no back-translated variant (the translator failed; a re-run completes them from the cache): first: %s\n", st.NoBacktranslation, st.FirstNoBacktranslation)
	}
	if err != nil {
		return fail(err)
	}
	return exitOK, nil
}

// inputFormat resolves --format: csv, tsv, jsonl, or text.
func inputFormat(flagValue, input string) (string, error) {
	if flagValue != "" {
		if flagValue == "text" {
			return "text", nil
		}
		f, ok := corpus.ParseFormat(flagValue)
		if !ok {
			return "", fmt.Errorf("--format: want csv, tsv, jsonl or text, got %q", flagValue)
		}
		return f.String(), nil
	}
	if input != "-" {
		if f, ok := corpus.DetectFormat(input); ok {
			return f.String(), nil
		}
	}
	return "text", nil
}

// countingReader counts the bytes read through it, for progress.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// openOutput returns a writer for path ("-" is stdout). A file is written
// to a temporary name beside it (compressed when path ends in .gz) and
// renamed by commit, so that a failed or interrupted run never leaves half
// an output in place; abort removes the temporary file.
func openOutput(path string, stdout io.Writer) (w *bufio.Writer, commit func() error, abort func(), err error) {
	if path == "-" || path == "" {
		w = bufio.NewWriterSize(stdout, 1<<16)
		return w, w.Flush, func() { w.Flush() }, nil
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		// A device or a pipe (/dev/null, a FIFO): write to it directly;
		// renaming a file over it would replace it.
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, nil, nil, err
		}
		w = bufio.NewWriterSize(f, 1<<16)
		commit = func() error {
			err := w.Flush()
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			return err
		}
		return w, commit, func() { f.Close() }, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, nil, nil, err
	}
	// CreateTemp makes the file private; give it the mode of the file it
	// replaces, or the usual 0644.
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	if err := f.Chmod(mode); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, nil, nil, err
	}
	var gz *gzip.Writer
	var dst io.Writer = f
	if strings.HasSuffix(strings.ToLower(path), ".gz") {
		gz = gzip.NewWriter(f)
		dst = gz
	}
	w = bufio.NewWriterSize(dst, 1<<16)
	commit = func() error {
		err := w.Flush()
		if gz != nil && err == nil {
			err = gz.Close()
		}
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(f.Name(), path)
		}
		if err != nil {
			os.Remove(f.Name())
		}
		return err
	}
	abort = func() {
		f.Close()
		os.Remove(f.Name())
	}
	return w, commit, abort, nil
}
