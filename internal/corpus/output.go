package corpus

import (
	"bufio"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
)

// Output is an output being written, atomically: a file is written to a
// temporary name beside it (compressed when Gzip(path)) and renamed over
// path by Commit, so that a failed or interrupted run never leaves half
// an output in place; Abort removes the temporary file. Write through the
// embedded buffered writer. An Output is not safe for concurrent use.
type Output struct {
	*bufio.Writer
	commit func() error
	abort  func()
	done   bool
}

// Commit flushes the output and puts it in place. After Commit, Abort
// does nothing.
func (o *Output) Commit() error {
	o.done = true
	return o.commit()
}

// Abort drops the output (a file's temporary name is removed; stdout and
// devices only get what was written). It does nothing after Commit, so
// that it can be deferred.
func (o *Output) Abort() {
	if !o.done {
		o.done = true
		o.abort()
	}
}

// CreateOutput returns the Output of path; "-" (or "") is stdout. A path
// that exists and is not a regular file (a device such as /dev/null, a
// named pipe) is written in place: renaming a file over it would replace
// it. A new file gets the mode of the file it replaces, or 0644.
func CreateOutput(path string, stdout io.Writer) (*Output, error) {
	if path == "-" || path == "" {
		w := bufio.NewWriterSize(stdout, 1<<16)
		return &Output{Writer: w, commit: w.Flush, abort: func() { w.Flush() }}, nil
	}
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return openInPlace(path)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return nil, err
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
		return nil, err
	}
	return temporary(f, path), nil
}

// openInPlace writes to a device or a pipe directly.
func openInPlace(path string) (*Output, error) {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return nil, err
	}
	w := bufio.NewWriterSize(f, 1<<16)
	commit := func() error {
		err := w.Flush()
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	return &Output{Writer: w, commit: commit, abort: func() { f.Close() }}, nil
}

// temporary writes to f, renamed to path on commit.
func temporary(f *os.File, path string) *Output {
	var gz *gzip.Writer
	var dst io.Writer = f
	if Gzip(path) {
		gz = gzip.NewWriter(f)
		dst = gz
	}
	w := bufio.NewWriterSize(dst, 1<<16)
	commit := func() error {
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
	abort := func() {
		f.Close()
		os.Remove(f.Name())
	}
	return &Output{Writer: w, commit: commit, abort: abort}
}
