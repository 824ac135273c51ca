package textaug

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// StatsFormat and StatsVersion identify a statistics file: a JSON object
// {"format": StatsFormat, "version": StatsVersion, "settings": ...,
// "rows": ..., "context_sample": ..., "entities": [...], "labels": [...]}
// with the fields of CorpusStats. A reader refuses any other version.
const (
	StatsFormat  = "textaug-corpus-stats"
	StatsVersion = 1
)

// statsJSON is the file form of CorpusStats.
type statsJSON struct {
	Format        string        `json:"format"`
	Version       int           `json:"version"`
	Settings      StatsSettings `json:"settings"`
	Rows          int           `json:"rows"`
	ContextSample int           `json:"context_sample"`
	Entities      []string      `json:"entities"`
	Labels        []LabelStats  `json:"labels"`
}

// WriteTo writes s as an indented, versioned JSON file; equal statistics
// give equal bytes.
func (s *CorpusStats) WriteTo(w io.Writer) (int64, error) {
	f := statsJSON{
		Format: StatsFormat, Version: StatsVersion, Settings: s.Settings, Rows: s.Rows,
		ContextSample: s.ContextSample, Entities: s.Entities, Labels: s.Labels,
	}
	if f.Entities == nil {
		f.Entities = []string{}
	}
	if f.Labels == nil {
		f.Labels = []LabelStats{}
	}
	b, err := json.MarshalIndent(f, "", " ")
	if err != nil {
		return 0, fmt.Errorf("textaug: stats: %w", err)
	}
	n, err := w.Write(append(b, '\n'))
	return int64(n), err
}

// StatsError is a problem in a statistics file: where (a line and column,
// or the path of the field) and what.
type StatsError struct {
	Name         string // the file's name as given to ReadStats
	Line, Column int    // 1-based; 0 when Field says where
	Field        string // "labels[3].anchors[0].term"; empty when Line says where, or for an unknown field (named in Err)
	Err          error
}

func (e *StatsError) Error() string {
	switch {
	case e.Line > 0:
		return fmt.Sprintf("textaug: stats %s:%d:%d: %v", e.Name, e.Line, e.Column, e.Err)
	case e.Field == "":
		return fmt.Sprintf("textaug: stats %s: %v", e.Name, e.Err)
	}
	return fmt.Sprintf("textaug: stats %s: %s: %v", e.Name, e.Field, e.Err)
}

func (e *StatsError) Unwrap() error { return e.Err }

// ReadStats reads a statistics file written by WriteTo and checks it:
// format and version, unknown fields, sorted and unique labels, entities
// and contexts, terms of one or two lower-case words, counts within the
// label's rows. name is used in errors only. Errors are *StatsError.
func ReadStats(r io.Reader, name string) (*CorpusStats, error) {
	b, err := io.ReadAll(bufio.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("textaug: stats %s: %w", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f statsJSON
	if err := dec.Decode(&f); err != nil {
		return nil, syntaxError(name, b, err)
	}
	if dec.More() {
		off := dec.InputOffset()
		line, col := lineCol(b, off)
		return nil, &StatsError{Name: name, Line: line, Column: col, Err: errors.New("data after the JSON object")}
	}
	if err := f.check(); err != nil {
		err.Name = name
		return nil, err
	}
	return &CorpusStats{
		Settings: f.Settings, Rows: f.Rows, ContextSample: f.ContextSample,
		Entities: f.Entities, Labels: f.Labels,
	}, nil
}

// syntaxError locates a decoding error.
func syntaxError(name string, b []byte, err error) error {
	var off int64 = -1
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = max(se.Offset-1, 0) // the offset after the byte at fault
	case errors.As(err, &te):
		off = valueStart(b, te.Offset) // the offset after the value at fault
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		off = int64(len(b))
	}
	if off < 0 { // an unknown field: the decoder names it but not where
		return &StatsError{Name: name, Err: err}
	}
	line, col := lineCol(b, off)
	return &StatsError{Name: name, Line: line, Column: col, Err: err}
}

// valueStart returns where the scalar JSON value that ends at end starts.
func valueStart(b []byte, end int64) int64 {
	end = min(end, int64(len(b)))
	i := end - 1
	if i >= 0 && b[i] == '"' {
		i--
		for i >= 0 && (b[i] != '"' || i > 0 && b[i-1] == '\\') {
			i--
		}
		return max(i, 0)
	}
	for i >= 0 && !bytes.ContainsRune([]byte(":,[{ \t\r\n"), rune(b[i])) {
		i--
	}
	return i + 1
}

func lineCol(b []byte, off int64) (line, col int) {
	off = min(off, int64(len(b)))
	before := b[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = int(off) - (bytes.LastIndexByte(before, '\n') + 1) + 1
	return line, col
}

// check validates a decoded file.
func (f *statsJSON) check() *StatsError {
	bad := func(field, format string, a ...any) *StatsError {
		return &StatsError{Field: field, Err: fmt.Errorf(format, a...)}
	}
	switch {
	case f.Format != StatsFormat:
		return bad("format", "%q is not %q", f.Format, StatsFormat)
	case f.Version != StatsVersion:
		return bad("version", "version %d is not supported (this build reads %d)", f.Version, StatsVersion)
	case f.Rows < 0:
		return bad("rows", "negative")
	case f.ContextSample < 0 || f.ContextSample > 64:
		return bad("context_sample", "%d is not in 0..64", f.ContextSample)
	}
	if err := checkSorted("entities", f.Entities, maxEntityWords); err != nil {
		return err
	}
	for i := range f.Labels {
		l := &f.Labels[i]
		at := fmt.Sprintf("labels[%d]", i)
		switch {
		case l.Label == "":
			return bad(at+".label", "empty")
		case i > 0 && f.Labels[i-1].Label >= l.Label:
			return bad(at+".label", "%q is not after %q (labels are sorted and unique)", l.Label, f.Labels[i-1].Label)
		case l.Rows < 0 || l.Rows > f.Rows:
			return bad(at+".rows", "%d is not in 0..%d", l.Rows, f.Rows)
		}
		if err := l.check(at); err != nil {
			return err
		}
	}
	return nil
}

func (l *LabelStats) check(at string) *StatsError {
	bad := func(field, format string, a ...any) *StatsError {
		return &StatsError{Field: at + field, Err: fmt.Errorf(format, a...)}
	}
	for j, a := range l.Anchors {
		f := fmt.Sprintf(".anchors[%d]", j)
		switch {
		case !termOK(a.Term, 2):
			return bad(f+".term", "%q is not one or two lower-case words", a.Term)
		case math.IsNaN(a.Z) || math.IsInf(a.Z, 0):
			return bad(f+".z", "not a number")
		case a.Rows < 0 || a.Rows > l.Rows:
			return bad(f+".rows", "%d is not in 0..%d", a.Rows, l.Rows)
		}
	}
	for j, c := range l.Contexts {
		f := fmt.Sprintf(".contexts[%d]", j)
		switch {
		case j > 0 && compareContexts(l.Contexts[j-1], c) >= 0:
			return bad(f, "not after the previous context (contexts are sorted and unique)")
		case c.Slot && c.Right != "":
			return bad(f+".right", "a slot has no right neighbour")
		case len(c.Fillers) == 0:
			return bad(f+".fillers", "empty")
		}
		for k, x := range c.Fillers {
			switch {
			case !termOK(x.Word, 1):
				return bad(fmt.Sprintf("%s.fillers[%d].word", f, k), "%q is not a lower-case word", x.Word)
			case fillerTag(x.Tag) != x.Tag || x.Tag == "":
				return bad(fmt.Sprintf("%s.fillers[%d].tag", f, k), "%q is not an open-class Penn tag (NN, NNS, VB*, JJ*, RB*)", x.Tag)
			}
		}
	}
	return nil
}

// checkSorted checks a sorted, unique list of terms of at most n words.
func checkSorted(field string, terms []string, n int) *StatsError {
	for i, t := range terms {
		at := fmt.Sprintf("%s[%d]", field, i)
		if !termOK(t, n) {
			return &StatsError{Field: at, Err: fmt.Errorf("%q is not 1 to %d lower-case words", t, n)}
		}
		if i > 0 && terms[i-1] >= t {
			return &StatsError{Field: at, Err: fmt.Errorf("%q is not after %q (the list is sorted and unique)", t, terms[i-1])}
		}
	}
	return nil
}

// termOK reports whether t is 1 to n words separated by single spaces,
// without upper-case letters.
func termOK(t string, n int) bool {
	w := strings.Split(t, " ")
	if t == "" || len(w) > n || strings.ToLower(t) != t {
		return false
	}
	for _, x := range w {
		if x == "" || strings.TrimSpace(x) != x {
			return false
		}
	}
	return true
}
