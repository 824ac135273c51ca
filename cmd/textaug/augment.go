package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
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
	maxRow      int
	maxMissing  maxMissing
}

func (f *ioFlags) register(fs *flag.FlagSet) {
	fs.Uint64Var(&f.seed, "seed", 1, "random seed: the same seed and input give the same output")
	fs.StringVar(&f.format, "format", "", "input format: csv, tsv, jsonl or text (default: by extension, .gz allowed; text for others and stdin)")
	fs.StringVar(&f.text, "text", "", "column or field with the text (default: the first of "+strings.Join(corpus.DefaultTextFields, ", ")+")")
	fs.StringVar(&f.label, "label", "", "column or field with the label (default: the first of "+strings.Join(corpus.DefaultLabelFields, ", ")+"); only checked, never changed")
	fs.StringVar(&f.output, "o", "-", "output file, same format as the input (.gz compresses); written to a temporary name and renamed on success; - for stdout")
	fs.StringVar(&f.output, "output", "-", "the same as -o: output file, same format as the input (.gz compresses); written to a temporary name and renamed on success; - for stdout")
	fs.BoolVar(&f.noOriginal, "no-original", false, "write only the variants, not the input rows")
	fs.BoolVar(&f.provenance, "provenance", false, "add columns source_row, variant (0 = the original) and ops; with --shard i/n (n > 1) also run, the run's fingerprint that 'textaug merge' checks and removes")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "parallel workers; the output is byte-identical for any number")
	fs.StringVar(&f.onError, "on-error", "stop", "on a bad row: stop (exit 1 with file:line:column) or skip (write it to --rejects and go on)")
	fs.StringVar(&f.rejects, "rejects", "", "with --on-error skip: file for the bad rows, one JSON object per row with its reason (default: reasons on stderr)")
	fs.StringVar(&f.progress, "progress", "auto", "progress on stderr: auto (when stderr is a terminal), always or never")
	f.maxMissing = maxMissing{percent: 1, isPct: true}
	fs.Var(&f.maxMissing, "bt-max-missing", "most rows translator failures may leave without a back-translated variant, a count or a percentage of the rows; more make the exit code 1 (the output is still written)")
	fs.IntVar(&f.maxRow, "max-row-bytes", corpus.DefaultMaxRowBytes, "a row longer than this is a bad row (file:line, or a reject with --on-error skip), so that memory stays bounded")
	fs.StringVar(&f.encoding, "encoding", "utf-8", "input encoding: utf-8, or gb18030 (reads GBK and GB2312 too) for Chinese files from older systems; the output is UTF-8")
	fs.Var(&f.shard, "shard", "i/n: augment only the rows whose text hashes to shard i of n (0 <= i < n; see docs/scaling.md); the n outputs together hold exactly the single run's rows, and 'textaug merge' puts --provenance outputs back in its order")
}

func augmentCmd(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("augment", flag.ContinueOnError)
	var rf recipeFlags
	var iof ioFlags
	rf.register(fs)
	iof.register(fs)
	pos, code, ok := parseCommand(fs, augmentHelp, recipe.BalanceArgs(args), stdout, stderr)
	if !ok {
		return code
	}
	code, err := augmentRun(ctx, &rf, &iof, pos, stdin, stdout, stderr)
	if ctx.Err() != nil {
		return code // run says it was interrupted
	}
	return report(stderr, "augment", code, err)
}

// parseCommand parses args; ok is false when the command must stop at once
// with code: after --help, which prints help and the flags to stdout, or
// on a bad flag, which is one line on stderr (see usageError).
func parseCommand(fs *flag.FlagSet, help string, args []string, stdout, stderr io.Writer) (pos []string, code int, ok bool) {
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, help)
		printFlags(stdout, fs)
		return nil, exitOK, false
	}
	if err != nil {
		return nil, usageError(stderr, fs.Name(), err), false
	}
	return pos, exitOK, true
}

// usageError prints a usage error in one line, and where the help is, and
// returns exitUsage.
func usageError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "textaug %s: %v\nRun 'textaug %s --help' for the flags.\n", cmd, err, cmd)
	return exitUsage
}

// report prints the error of a command, as a usage error when code is
// exitUsage, and returns code.
func report(stderr io.Writer, cmd string, code int, err error) int {
	switch {
	case err == nil:
	case code == exitUsage:
		usageError(stderr, cmd, err)
	default:
		fmt.Fprintf(stderr, "textaug %s: %v\n", cmd, err)
	}
	return code
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

// augmentPlan is an augment run, resolved from the flags before anything
// is read.
type augmentPlan struct {
	rec    recipe.Recipe
	input  string // "-" for stdin
	format corpus.Format
	enc    corpus.Encoding
}

// planAugment checks the flags and arguments; its errors are usage errors.
func planAugment(rf *recipeFlags, iof *ioFlags, pos []string) (*augmentPlan, error) {
	p := &augmentPlan{input: "-"}
	switch len(pos) {
	case 0:
	case 1:
		p.input = pos[0]
	default:
		return nil, recipe.Usagef("one input file at most, got %d", len(pos))
	}
	if err := checkIOFlags(iof, p.input); err != nil {
		return nil, err
	}
	var err error
	if p.rec, err = rf.resolve(); err != nil {
		return nil, err
	}
	if err = rf.check(p.rec); err != nil {
		return nil, err
	}
	if p.format, err = inputFormat(iof.format, p.input); err != nil {
		return nil, recipe.Usage(err)
	}
	if iof.output != "-" && iof.output != "" {
		if f, ok := corpus.DetectFormat(iof.output); ok && p.format != corpus.Text && f != p.format {
			return nil, recipe.Usagef("-o %s: the output has the input's format (%s); converting between formats is not supported", iof.output, p.format)
		}
	}
	if p.enc, err = parseEncoding(iof.encoding); err != nil {
		return nil, err
	}
	return p, nil
}

// checkIOFlags checks augment's input and output flags, before anything
// is read: an output that is the input would destroy it.
func checkIOFlags(iof *ioFlags, input string) error {
	switch {
	case iof.workers < 1:
		return recipe.Usagef("--workers: want 1 or more, got %d", iof.workers)
	case iof.maxRow < 1:
		return recipe.Usagef("--max-row-bytes: want 1 or more, got %d", iof.maxRow)
	case iof.onError != "stop" && iof.onError != "skip":
		return recipe.Usagef("--on-error: want stop or skip, got %q", iof.onError)
	case iof.rejects != "" && iof.onError != "skip":
		return recipe.Usagef("--rejects goes with --on-error skip")
	}
	return sameFiles([]string{input}, []namedPath{{"-o", iof.output}, {"--rejects", iof.rejects}})
}

// namedPath is a file named by a flag.
type namedPath struct{ flag, path string }

// sameFiles refuses an output that is one of the inputs, whatever its
// spelling (./x, a link): it compares the files (os.SameFile), not the
// names.
func sameFiles(inputs []string, outputs []namedPath) error {
	for _, out := range outputs {
		if out.path == "" || out.path == "-" {
			continue
		}
		ost, err := os.Stat(out.path)
		if err != nil || !ost.Mode().IsRegular() {
			continue // a new file, or a device (/dev/null), is no input
		}
		for _, in := range inputs {
			if ist, err := os.Stat(in); in != "-" && err == nil && os.SameFile(ist, ost) {
				return recipe.Usagef("%s %s is the input %s: writing it would destroy the input; choose another file", out.flag, out.path, in)
			}
		}
	}
	return nil
}

// parseEncoding reads --encoding.
func parseEncoding(name string) (corpus.Encoding, error) {
	enc, ok := corpus.ParseEncoding(name)
	if !ok {
		return enc, recipe.Usagef("--encoding: want utf-8 or gb18030 (also reads GBK and GB2312), got %q", name)
	}
	return enc, nil
}

// openInput opens an input file ("-": stdin) with the --encoding flag's
// value.
func openInput(path string, stdin io.Reader, encoding string) (*corpus.Input, error) {
	enc, err := parseEncoding(encoding)
	if err != nil {
		return nil, err
	}
	return corpus.OpenInput(path, stdin, enc)
}

// pipeAsStdin makes an input file that is not a regular file (a named
// pipe such as <(zcat train.jsonl.gz), a device) the run's stdin: it can
// be read only once, while the corpus pass and a sharded run's digest read
// the input twice, which stdin allows by spooling it. It returns the
// reader to use as stdin and the function that closes the file. Reading
// stdin from a terminal, it says so on stderr (hintStdin).
func pipeAsStdin(plan *augmentPlan, stdin io.Reader, stderr io.Writer) (io.Reader, func(), error) {
	if plan.input == "-" {
		hintStdin(stderr, plan.input, stdin)
		return stdin, func() {}, nil
	}
	st, err := os.Stat(plan.input)
	if err != nil || st.Mode().IsRegular() {
		return stdin, func() {}, nil // a missing file is reported where it is opened
	}
	f, err := os.Open(plan.input)
	if err != nil {
		return nil, nil, err
	}
	plan.input = "-"
	return f, func() { f.Close() }, nil
}

// exitCode is the exit code of a failed command.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	if errors.As(err, new(recipe.UsageError)) {
		return exitUsage
	}
	return exitFail
}

func augmentRun(ctx context.Context, rf *recipeFlags, iof *ioFlags, pos []string, stdin io.Reader, stdout, stderr io.Writer) (int, error) {
	plan, err := planAugment(rf, iof, pos)
	if err != nil {
		return exitCode(err), err
	}
	stdin, closePipe, err := pipeAsStdin(plan, stdin, stderr)
	if err != nil {
		return exitFail, err
	}
	defer closePipe()
	eng, code, err := startEngine(ctx, plan, rf, iof.seed)
	if err != nil {
		return code, err
	}
	defer eng.Close()
	lr, err := prepareLabels(ctx, plan, iof, stdin)
	if err != nil {
		return exitCode(err), err
	}
	defer lr.release()
	eng, stdin = lr.apply(eng, stdin)
	in, err := openShardInput(plan, iof, stdin)
	if err != nil {
		return exitCode(err), err
	}
	defer in.Close()
	out, err := corpus.CreateOutput(iof.output, stdout)
	if err != nil {
		return exitFail, err
	}
	defer out.Abort()
	src, shard, w, err := openCorpus(in.Input, out, plan.format, iof, in.run)
	if err != nil {
		return exitFail, err
	}
	rej, err := newRejects(iof.rejects, stderr)
	if err != nil {
		return exitFail, err
	}
	defer rej.abort()
	p := &pipeline{
		eng: eng.WithOutput(augment.Output{Writer: w, NoOriginal: iof.noOriginal, Provenance: iof.provenance,
			Skip: iof.onError == "skip", Name: in.Name()}),
		workers: iof.workers,
	}
	start := time.Now()
	prog := newProgress(stderr, iof.progress, in.Size(), in.Consumed, start)
	p.progress = prog.update
	st, err := p.run(ctx, src, func(b []byte) error { _, err := out.Write(b); return err }, rej.write)
	prog.done()
	if err == nil {
		err = commitOutputs(rej, out)
	}
	printSummary(stderr, st, time.Since(start), shard, &iof.shard)
	lr.summary(stderr)
	if err == nil {
		err = iof.maxMissing.check(st)
	}
	return exitCode(err), err
}

// startEngine builds the engine of plan and probes its translator, so
// that a translator that cannot work says what to fix before the first
// row; on error, the exit code goes with it.
func startEngine(ctx context.Context, plan *augmentPlan, rf *recipeFlags, seed uint64) (*augment.Engine, int, error) {
	eng, err := augment.New(plan.rec, seed)
	if err != nil {
		err = rf.fields.FlagError(err)
		return nil, exitCode(err), err
	}
	if err := eng.Probe(ctx); err != nil {
		eng.Close()
		return nil, exitFail, err
	}
	return eng, exitOK, nil
}

// commitOutputs commits the rejects file, then the output, of a run that
// succeeded.
func commitOutputs(rej *rejects, out *corpus.Output) error {
	if err := rej.commit(); err != nil {
		return err
	}
	return out.Commit()
}

// check is the error of a written run with more rows without a
// back-translated variant than --bt-max-missing allows; nil otherwise.
func (m *maxMissing) check(st augment.Stats) error {
	if m.exceeded(st.NoBacktranslation, st.Rows) {
		return fmt.Errorf("%d of %d rows got no back-translated variant, more than --bt-max-missing %s (the output is written)", st.NoBacktranslation, st.Rows, m)
	}
	return nil
}

// openCorpus makes the reader of in and the writer to out, and the source
// of items: the reader's, or one shard of it.
// A sharded --provenance run writes its run in every row.
func openCorpus(in *corpus.Input, out io.Writer, format corpus.Format, iof *ioFlags, run corpus.Run) (source, *shardSource, *corpus.Writer, error) {
	r, err := corpus.NewReader(in, corpus.ReaderOptions{Format: format, Name: in.Name(), TextField: iof.text, LabelField: iof.label, MaxRowBytes: iof.maxRow})
	if err != nil {
		return nil, nil, nil, err
	}
	var extra, numeric []string
	if iof.provenance {
		extra, numeric = augment.ProvenanceColumns(), augment.ProvenanceNumbers()
	}
	w, err := corpus.NewWriter(out, corpus.WriterOptions{Format: format, Header: r.Header(), TextField: r.TextField(), Extra: extra, Numeric: numeric, Run: run})
	if err != nil {
		return nil, nil, nil, err
	}
	if !iof.shard.active() {
		return readerSource{r}, nil, w, nil
	}
	shard := &shardSource{src: readerSource{r}, spec: iof.shard}
	return shard, shard, w, nil
}

// printSummary prints the closing counts of a run.
func printSummary(stderr io.Writer, st augment.Stats, took time.Duration, shard *shardSource, spec *shardSpec) {
	secs := took.Seconds()
	fmt.Fprintf(stderr, "textaug: %d rows in, %d written, %d variants out, %d shortfalls (%d variants missing), %d rejected, %.2fs (%.0f rows/s)\n",
		st.Rows, st.Written, st.Variants, st.Short, st.Missing, st.Rejected, secs, float64(st.Rows)/max(secs, 1e-9))
	if shard != nil {
		fmt.Fprintf(stderr, "textaug: shard %s: the counts above are this shard's; %d rows of other shards skipped\n", spec, shard.skipped)
	}
	if st.Rows == 0 && (shard == nil || shard.skipped == 0) { // a shard may own none of the rows
		fmt.Fprintln(stderr, "textaug: warning: 0 rows in: the input is empty")
	}
	printShortfalls(stderr, st)
	printMisses(stderr, st)
}

// printShortfalls counts the rows with a shortfall by kind.
func printShortfalls(stderr io.Writer, st augment.Stats) {
	if len(st.ShortBy) == 0 {
		return
	}
	kinds := make([]string, 0, len(st.ShortBy))
	for k := range st.ShortBy {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf("%d %s", st.ShortBy[k], k)
	}
	fmt.Fprintf(stderr, "textaug: shortfalls by reason: %s\n", strings.Join(parts, ", "))
}

// printMisses names the rows the translator failed for, and says whether
// a re-run can help: only when some failures were transient.
func printMisses(stderr io.Writer, st augment.Stats) {
	if st.NoBacktranslation == 0 {
		return
	}
	advice := "a re-run will not help: fix what the errors say"
	switch {
	case st.BTTransient == st.NoBacktranslation:
		advice = "the failures were transient: a re-run completes them from the cache"
	case st.BTTransient > 0:
		advice = fmt.Sprintf("%d of them transient: a re-run completes those from the cache; the others need what the errors say fixed", st.BTTransient)
	}
	fmt.Fprintf(stderr, "textaug: %d rows got no back-translated variant (%s):\n", st.NoBacktranslation, advice)
	for _, m := range st.BTMisses {
		fmt.Fprintf(stderr, "  %s\n", m)
	}
	if more := st.NoBacktranslation - len(st.BTMisses); more > 0 {
		fmt.Fprintf(stderr, "  and %d more\n", more)
	}
}

// rejects takes the rows rejected with --on-error skip: to the --rejects
// file (atomic, as the output), or named on stderr.
type rejects struct {
	out    *corpus.Output // nil: stderr
	w      *corpus.RejectWriter
	stderr io.Writer
}

func newRejects(path string, stderr io.Writer) (*rejects, error) {
	r := &rejects{stderr: stderr}
	if path == "" {
		return r, nil
	}
	out, err := corpus.CreateOutput(path, nil)
	if err != nil {
		return nil, err
	}
	r.out, r.w = out, corpus.NewRejectWriter(out)
	return r, nil
}

func (r *rejects) write(re *corpus.RowError) error {
	if r.w == nil {
		fmt.Fprintf(r.stderr, "textaug: rejected: %v\n", re)
		return nil
	}
	return r.w.Write(re)
}

func (r *rejects) commit() error {
	if r.out == nil {
		return nil
	}
	if err := r.w.Flush(); err != nil {
		return err
	}
	return r.out.Commit()
}

func (r *rejects) abort() {
	if r.out != nil {
		r.out.Abort()
	}
}

// inputFormat resolves --format: csv, tsv, jsonl or text; by the input's
// extension when not given, text for other names and stdin.
func inputFormat(flagValue, input string) (corpus.Format, error) {
	if flagValue != "" {
		f, ok := corpus.ParseFormat(flagValue)
		if !ok {
			return 0, fmt.Errorf("--format: want csv, tsv, jsonl or text, got %q", flagValue)
		}
		return f, nil
	}
	if input != "-" {
		if f, ok := corpus.DetectFormat(input); ok {
			return f, nil
		}
	}
	return corpus.Text, nil
}
