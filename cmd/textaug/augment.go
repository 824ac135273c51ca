package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/textaug/textaug/textaug"
)

// options are the flags of `textaug augment`.
type options struct {
	k          int
	seed       uint64
	alpha      float64
	ops        string
	chain      bool
	noOriginal bool
	provenance bool
	workers    int
	maxTries   int
	output     string
	protect    string
	src        sourceOptions
	input      string
}

func parseAugment(args []string, stderr io.Writer) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("augment", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.IntVar(&o.k, "k", 4, "variants per input line")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed: the same seed and input give the same output")
	fs.Float64Var(&o.alpha, "alpha", 0.1, "share of eligible words each operation changes (EDA's α)")
	fs.StringVar(&o.ops, "ops", "eda", "operations: eda (synonym,insert,swap,delete), aeda (punct), or a comma list of synonym, insert, swap, delete, punct")
	fs.BoolVar(&o.chain, "chain", false, "apply every listed operation to each variant instead of one per variant")
	fs.BoolVar(&o.noOriginal, "no-original", false, "do not print the input line before its variants")
	fs.BoolVar(&o.provenance, "provenance", false, "print TSV: line number, variant index (0 = original), operations, text")
	fs.IntVar(&o.workers, "workers", runtime.GOMAXPROCS(0), "parallel workers; the output is the same for any number")
	fs.IntVar(&o.maxTries, "max-tries", 0, "attempts per line before a shortfall is reported (0: 4·k+10)")
	fs.StringVar(&o.output, "o", "-", "output file (written atomically), - for stdout")
	fs.StringVar(&o.protect, "protect", "", "file of words and phrases never edited, one per line; /regexp/ lines are patterns")
	o.src.register(fs)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: textaug augment [flags] [FILE|-]\n\nReads one sentence per line and prints each line followed by its variants.\n\nFlags:\n")
		fs.PrintDefaults()
		fmt.Fprintf(stderr, "\nExample:\n  textaug augment -k 4 --seed 1 testdata/sentences.txt\n")
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	switch len(pos) {
	case 0:
		o.input = "-"
	case 1:
		o.input = pos[0]
	default:
		return nil, fmt.Errorf("one input file at most, got %d", len(pos))
	}
	if o.k < 1 {
		return nil, fmt.Errorf("-k must be at least 1")
	}
	if o.alpha <= 0 || o.alpha > 1 {
		return nil, fmt.Errorf("--alpha must be in (0, 1]")
	}
	if o.workers < 1 {
		o.workers = 1
	}
	return o, nil
}

// edit builds the strategy pipeline named by --ops.
// syn builds synonym replacement and insertion; it is called only when
// --ops needs them, so that AEDA alone never loads WordNet.
func (o *options) edit(syn func() (textaug.Edit, textaug.Edit, error)) (textaug.Edit, error) {
	var sr, ri textaug.Edit
	var names []string
	switch o.ops {
	case "eda":
		names = []string{"synonym", "insert", "swap", "delete"}
	case "aeda":
		names = []string{"punct"}
	default:
		names = strings.Split(o.ops, ",")
	}
	var edits []textaug.Edit
	for _, n := range names {
		n = strings.TrimSpace(n)
		if (n == "synonym" || n == "insert") && sr == nil {
			var err error
			if sr, ri, err = syn(); err != nil {
				return nil, err
			}
		}
		switch n {
		case "synonym":
			edits = append(edits, sr)
		case "insert":
			edits = append(edits, ri)
		case "swap":
			edits = append(edits, textaug.RandomSwap{Rate: o.alpha})
		case "delete":
			edits = append(edits, textaug.RandomDelete{Rate: o.alpha})
		case "punct":
			edits = append(edits, textaug.Punctuation{})
		default:
			return nil, usageErr("--ops: unknown operation %q (want synonym, insert, swap, delete, punct, eda or aeda)", n)
		}
	}
	if o.chain {
		return textaug.Chain(edits), nil
	}
	return textaug.OneOf{Edits: edits}, nil
}

func readProtect(path string) (*textaug.Policy, error) {
	p := &textaug.Policy{}
	if path == "" {
		return p, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if len(line) > 2 && strings.HasPrefix(line, "/") && strings.HasSuffix(line, "/") {
			re, err := regexp.Compile(line[1 : len(line)-1])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %v", path, i+1, err)
			}
			p.Patterns = append(p.Patterns, re)
			continue
		}
		p.Keep = append(p.Keep, line)
	}
	return p, nil
}

func augment(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	o, err := parseAugment(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "textaug augment: %v\n", err)
		return exitUsage
	}
	policy, err := readProtect(o.protect)
	if err != nil {
		fmt.Fprintf(stderr, "textaug augment: --protect: %v\n", err)
		return exitFail
	}
	edit, err := o.edit(func() (textaug.Edit, textaug.Edit, error) {
		src, err := o.src.build()
		if err != nil {
			return nil, nil, err
		}
		return textaug.SynonymReplace{Source: src, Rate: o.alpha}, textaug.RandomInsert{Source: src, Rate: o.alpha}, nil
	})
	if err != nil {
		fmt.Fprintf(stderr, "textaug augment: %v\n", err)
		if errors.As(err, new(usageError)) {
			return exitUsage
		}
		return exitFail
	}
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: edit, Policy: policy}, K: o.k, Seed: o.seed, MaxTries: o.maxTries}

	in, name := stdin, "stdin"
	if o.input != "-" {
		f, err := os.Open(o.input)
		if err != nil {
			fmt.Fprintf(stderr, "textaug augment: %v\n", err)
			return exitFail
		}
		defer f.Close()
		in, name = f, o.input
	}
	out, commit, abort, err := openOutput(o.output, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "textaug augment: %v\n", err)
		return exitFail
	}
	start := time.Now()
	st, err := process(context.Background(), smp, o, in, name, out)
	if err == nil {
		err = commit()
	} else {
		abort()
	}
	fmt.Fprintf(stderr, "textaug: %d lines in, %d written, %d variants out, %d shortfalls (%d variants missing), %d rejected, %.2fs\n",
		st.lines, st.written, st.variants, st.shortLines, st.missing, st.rejected, time.Since(start).Seconds())
	if err != nil {
		fmt.Fprintf(stderr, "textaug augment: %v\n", err)
		return exitFail
	}
	return exitOK
}

// openOutput returns a writer for path ("-" is stdout). A file is written
// to a temporary name beside it and renamed by commit, so a failed or
// interrupted run never leaves half an output in place.
func openOutput(path string, stdout io.Writer) (w *bufio.Writer, commit func() error, abort func(), err error) {
	if path == "-" || path == "" {
		w = bufio.NewWriterSize(stdout, 1<<16)
		return w, w.Flush, func() { w.Flush() }, nil
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, nil, nil, err
	}
	w = bufio.NewWriterSize(f, 1<<16)
	commit = func() error {
		if err := w.Flush(); err != nil {
			f.Close()
			os.Remove(f.Name())
			return err
		}
		if err := f.Close(); err != nil {
			os.Remove(f.Name())
			return err
		}
		return os.Rename(f.Name(), path)
	}
	abort = func() {
		f.Close()
		os.Remove(f.Name())
	}
	return w, commit, abort, nil
}
