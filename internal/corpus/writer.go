package corpus

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// WriterOptions configures NewWriter.
type WriterOptions struct {
	Format Format // CSV, TSV, JSONL or Text; required

	// Header is the CSV or TSV column names, usually Reader.Header(). It is
	// required for CSV and TSV, and written first. For JSONL it is only
	// used to name the members of records read from CSV or TSV.
	Header []string
	// TextField names the column or member whose value Write replaces,
	// usually Reader.TextField(). For CSV and TSV, "" means the first of
	// DefaultTextFields in Header; for JSONL, "" means the record's own
	// text member (or "text" for records made by hand).
	TextField string
	// LabelField names the column or member that receives Record.Label for
	// records made by hand (records read by a Reader carry their label in
	// their fields). "" means none.
	LabelField string
	// Extra names the columns (CSV, TSV) or members (JSONL) appended to
	// every row, such as provenance: "source_row", "variant", "ops". A name
	// given twice or already in Header, or equal to TextField or
	// LabelField, in any case, is an ErrClash from NewWriter; a JSONL
	// record that already has such a member is an ErrClash from Write.
	Extra []string
	// Numeric names the Extra names whose values are integers, such as
	// "source_row" and "variant": JSONL writes them as JSON numbers (CSV
	// and TSV have no types). A name that is not in Extra is an error from
	// NewWriter; a value that is not a decimal integer, an error from
	// Write.
	Numeric []string
	// Run, when set (Shards above 0), is written in every row after the
	// Extra values, as a last column or member named RunField (in Text,
	// the last value before the text) holding Run.String(): the
	// fingerprint by which MergeShards proves that shard outputs belong
	// together. Write and AppendRow take the Extra values without it.
	Run Run
	// CRLF ends CSV and TSV lines with "\r\n" instead of "\n". JSONL lines
	// always end with "\n".
	CRLF bool
}

// Writer writes records in one format, each with its text replaced and
// everything else unchanged:
//
//   - CSV: every value is written so that it reads back identical; a value
//     is quoted only when it must be (it holds a comma, a quote, CR or LF,
//     or starts with a byte order mark, or is the only, empty, value of the
//     row). Values are compared after parsing: a field that was quoted
//     needlessly in the input is written unquoted.
//   - TSV: values as they are, except that a tab or a line end in a value
//     (the new text, an extra, a value read from another format) becomes a
//     space: tab and LF always, CR where it would be read as part of a line
//     end (before LF, or at the very end of the row unless CRLF is set). A
//     lone CR elsewhere is kept, since the reader keeps it. So with CRLF
//     every value read from TSV is written unchanged; with LF, all but a CR
//     that ends the row (read from "\r\r\n").
//   - JSONL: the row read is copied byte for byte, white space, member
//     order and the raw bytes of every member included, except that the
//     value of the text member is re-encoded as a JSON string (without
//     HTML escaping: "<", ">", "&" stay as they are; invalid UTF-8 becomes
//     U+FFFD) and the extra members (strings, or numbers for the Numeric
//     names) are inserted after the last member, spaced as the row spaces
//     its own members: {"text": "a", "id": 7} gets , "variant": 1 and
//     {"text":"a"} gets ,"variant":1.
//   - Text: the text alone on its line; with extra values, the values then
//     the text, separated by tabs. Tabs and line ends in the text become
//     spaces, except that a text on one line, without extra values, keeps
//     its tabs. Header and Extra names are not written.
//
// Records read from one format can be written in another (a CSV record to
// JSONL takes its member names from Header; a JSONL record to CSV takes its
// columns from the members named by Header, non-string values as their JSON
// text, missing ones empty).
//
// The CSV or TSV header is written by NewWriter, straight to the underlying
// writer, so an empty corpus still gets one. Rows are buffered: call Flush
// at the end. Write, WriteEncoded and Flush are not safe for concurrent use;
// AppendRow is, with itself and with them, since it only reads the Writer's
// configuration, which never changes after NewWriter.
type Writer struct {
	opt      WriterOptions
	numeric  []bool // by Extra index: written as a JSON number
	bw       *bufio.Writer
	textCol  int    // index of the text in Header; -1 without Header
	labelCol int    // index of LabelField in Header; -1 if none
	eol      string // line end of CSV and TSV rows
	run      string // Run.String(), appended to the extra values; "" for none
	scratch  []byte // Write's buffer
}

// NewWriter returns a Writer to w, after checking opt and writing the CSV
// or TSV header (Header then Extra) to w. The Writer does not close w.
func NewWriter(w io.Writer, opt WriterOptions) (*Writer, error) {
	if !opt.Format.valid() {
		return nil, fmt.Errorf("corpus: unknown format %v", opt.Format)
	}
	opt.Header = slices.Clone(opt.Header)
	opt.Extra = slices.Clone(opt.Extra)
	wr := &Writer{opt: opt, textCol: -1, labelCol: -1, eol: "\n"}
	if opt.Run.Shards > 0 {
		wr.run = opt.Run.String()
		wr.opt.Extra = append(wr.opt.Extra, RunField)
	}
	if opt.CRLF {
		wr.eol = "\r\n"
	}
	if (opt.Format == CSV || opt.Format == TSV) && len(opt.Header) == 0 {
		return nil, fmt.Errorf("corpus: a %v writer needs a header", opt.Format)
	}
	if len(opt.Header) > 0 {
		i, err := resolve(opt.Header, opt.TextField, DefaultTextFields)
		if err != nil {
			return nil, fmt.Errorf("corpus: writer header: %w", err)
		}
		if i < 0 {
			want := fmt.Sprintf("no column %q", opt.TextField)
			if opt.TextField == "" {
				want = "want a column named " + orList(DefaultTextFields)
			}
			return nil, fmt.Errorf("corpus: writer header: %w: %s; the columns are %s", ErrNoText, want, quoteList(opt.Header))
		}
		wr.textCol = i
		if opt.LabelField != "" {
			i, err := resolve(opt.Header, opt.LabelField, nil)
			if err != nil {
				return nil, fmt.Errorf("corpus: writer header: %w", err)
			}
			wr.labelCol = i
		}
	}
	var err error
	if wr.numeric, err = checkExtras(wr.opt); err != nil {
		return nil, err
	}
	if opt.Format == CSV || opt.Format == TSV {
		if err := wr.writeHeader(w); err != nil {
			return nil, err
		}
	}
	wr.bw = bufio.NewWriterSize(w, 64<<10)
	return wr, nil
}

// writeHeader writes the CSV or TSV header, Header then Extra, to w.
func (wr *Writer) writeHeader(w io.Writer) error {
	names := append(slices.Clone(wr.opt.Header), wr.opt.Extra...)
	var line []byte
	if wr.opt.Format == TSV && strings.HasPrefix(names[0], "\uFEFF") {
		// Readers drop a BOM at the start: write one, so that the
		// name's own survives (CSV quotes the name instead).
		line = append(line, "\uFEFF"...)
	}
	for i, n := range names {
		if wr.opt.Format == TSV && strings.ContainsAny(n, "\t\r\n") {
			return fmt.Errorf("corpus: TSV column name %q holds a tab or line end", n)
		}
		line = wr.appendValue(line, i, len(names), n)
	}
	line = append(line, wr.eol...)
	if _, err := w.Write(line); err != nil {
		return fmt.Errorf("corpus: write header: %w", err)
	}
	return nil
}

// checkExtras checks that the Extra names are not empty, do not clash
// with each other or with the columns, and that the Numeric names are
// among them; it returns which Extra names are numeric.
func checkExtras(opt WriterOptions) ([]bool, error) {
	taken := slices.Clone(opt.Header)
	for _, f := range []string{opt.TextField, opt.LabelField} {
		if f != "" {
			taken = append(taken, f)
		}
	}
	for _, x := range opt.Extra {
		if x == "" {
			return nil, fmt.Errorf("corpus: %w: an extra name is empty", ErrClash)
		}
		if i := slices.IndexFunc(taken, func(t string) bool { return strings.EqualFold(t, x) }); i >= 0 {
			return nil, fmt.Errorf("corpus: %w: extra %q is already %q", ErrClash, x, taken[i])
		}
		taken = append(taken, x)
	}
	numeric := make([]bool, len(opt.Extra))
	for _, n := range opt.Numeric {
		i := slices.Index(opt.Extra, n)
		if i < 0 {
			return nil, fmt.Errorf("corpus: numeric %q is not an extra name (extras: %s)", n, quoteList(opt.Extra))
		}
		numeric[i] = true
	}
	return numeric, nil
}

// Write writes rec with its text replaced by text (pass rec.Text to keep
// it) and the values of the Extra names appended, one per name. Rows are
// buffered; see Flush.
func (w *Writer) Write(rec *Record, text string, extra ...string) error {
	b, err := w.AppendRow(w.scratch[:0], rec, text, extra...)
	if err != nil {
		return err
	}
	w.scratch = b
	return w.WriteEncoded(b)
}

// WriteEncoded writes rows encoded by AppendRow, in order with the rows of
// Write. The Writer does not keep p.
func (w *Writer) WriteEncoded(p []byte) error {
	if _, err := w.bw.Write(p); err != nil {
		return fmt.Errorf("corpus: write: %w", err)
	}
	return nil
}

// Flush writes the buffered rows to the underlying writer.
func (w *Writer) Flush() error {
	if err := w.bw.Flush(); err != nil {
		return fmt.Errorf("corpus: write: %w", err)
	}
	return nil
}

// AppendRow appends the row that Write would write, line end included, to
// dst and returns the extended slice. It is safe for concurrent use, so
// that parallel workers can encode rows and a single goroutine write them
// in order with WriteEncoded.
func (w *Writer) AppendRow(dst []byte, rec *Record, text string, extra ...string) ([]byte, error) {
	if rec == nil {
		return dst, fmt.Errorf("corpus: write: nil record")
	}
	want := len(w.opt.Extra)
	if w.run != "" {
		want--
	}
	if len(extra) != want {
		return dst, fmt.Errorf("corpus: write row %d: %d extra values for %d extra names", rec.Row, len(extra), want)
	}
	if w.run != "" {
		extra = append(extra[:len(extra):len(extra)], w.run)
	}
	switch w.opt.Format {
	case JSONL:
		return w.appendJSONL(dst, rec, text, extra)
	case Text:
		return appendText(dst, text, extra), nil
	}
	n := len(w.opt.Header)
	if rec.fields != nil && len(rec.fields) != n {
		return dst, fmt.Errorf("corpus: write row %d: %d fields, header has %d", rec.Row, len(rec.fields), n)
	}
	total := n + len(extra)
	for i := range n {
		var v string
		switch {
		case i == w.textCol:
			v = text
		case rec.fields != nil:
			v = rec.fields[i]
		case rec.members != nil:
			v = memberValue(rec, w.opt.Header[i])
		case i == w.labelCol:
			v = rec.Label
		}
		dst = w.appendValue(dst, i, total, v)
	}
	for j, v := range extra {
		dst = w.appendValue(dst, n+j, total, v)
	}
	return append(dst, w.eol...), nil
}

// appendValue appends value number i of a CSV or TSV row of n values,
// with its separator. In TSV, tab and LF become spaces, and so does CR
// where it would be read as part of a line end: before LF, or as the last
// byte of the row when lines end with LF (before "\r\n" it survives).
func (w *Writer) appendValue(dst []byte, i, n int, v string) []byte {
	if w.opt.Format == TSV {
		if i > 0 {
			dst = append(dst, '\t')
		}
		if !strings.ContainsAny(v, "\t\r\n") {
			return append(dst, v...)
		}
		for k := 0; k < len(v); k++ {
			c := v[k]
			switch {
			case c == '\t' || c == '\n':
				c = ' '
			case c == '\r' && (k+1 < len(v) && v[k+1] == '\n' || k+1 == len(v) && i == n-1 && !w.opt.CRLF):
				c = ' '
			}
			dst = append(dst, c)
		}
		return dst
	}
	if i > 0 {
		dst = append(dst, ',')
	}
	if !strings.ContainsAny(v, ",\"\r\n") && !strings.HasPrefix(v, "\uFEFF") && (v != "" || n > 1) {
		return append(dst, v...)
	}
	dst = append(dst, '"')
	for k := 0; k < len(v); k++ {
		if v[k] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, v[k])
	}
	return append(dst, '"')
}

// memberValue returns the value of rec's first member named name as a CSV
// or TSV value: a string decoded, null and a missing member as "", anything
// else as its JSON text.
func memberValue(rec *Record, name string) string {
	for _, m := range rec.members {
		if m.name == name {
			return jsonText(rec.Raw[m.val0:m.val1])
		}
	}
	return ""
}

// appendJSONL appends rec as a JSONL row.
func (w *Writer) appendJSONL(dst []byte, rec *Record, text string, extra []string) ([]byte, error) {
	var err error
	switch {
	case rec.members != nil:
		ti := rec.textIdx
		if w.opt.TextField != "" {
			ti = slices.IndexFunc(rec.members, func(m member) bool { return m.name == w.opt.TextField })
		}
		if ti < 0 {
			return dst, fmt.Errorf("corpus: write row %d: %w: no member %q", rec.Row, ErrNoText, w.opt.TextField)
		}
		for _, x := range w.opt.Extra {
			for _, m := range rec.members {
				if strings.EqualFold(m.name, x) {
					return dst, fmt.Errorf("corpus: write row %d: %w: extra %q is already member %q", rec.Row, ErrClash, x, m.name)
				}
			}
		}
		return w.appendMembers(dst, rec, ti, text, extra)
	case rec.fields != nil:
		if len(rec.fields) != len(w.opt.Header) {
			return dst, fmt.Errorf("corpus: write row %d: %d fields, header has %d", rec.Row, len(rec.fields), len(w.opt.Header))
		}
		dst = append(dst, '{')
		for i, name := range w.opt.Header {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, name)
			dst = append(dst, ':')
			v := rec.fields[i]
			if i == w.textCol {
				v = text
			}
			dst = appendJSONString(dst, v)
		}
		if dst, err = w.appendExtras(dst, rec, extra, compact, len(w.opt.Header) > 0); err != nil {
			return dst, err
		}
		dst = append(dst, '}')
	default:
		name := w.opt.TextField
		if name == "" {
			name = DefaultTextFields[0]
		}
		dst = append(dst, '{')
		dst = appendJSONString(dst, name)
		dst = append(dst, ':')
		dst = appendJSONString(dst, text)
		if w.opt.LabelField != "" && rec.Label != "" {
			dst = append(dst, ',')
			dst = appendJSONString(dst, w.opt.LabelField)
			dst = append(dst, ':')
			dst = appendJSONString(dst, rec.Label)
		}
		if dst, err = w.appendExtras(dst, rec, extra, compact, true); err != nil {
			return dst, err
		}
		dst = append(dst, '}')
	}
	return append(dst, '\n'), nil
}

// appendMembers appends a JSONL record read from JSONL: its bytes with
// the text member's value (members[ti]) replaced by text and the extra
// members inserted after the last member, spaced like the row's own.
func (w *Writer) appendMembers(dst []byte, rec *Record, ti int, text string, extra []string) ([]byte, error) {
	tm, last, raw := rec.members[ti], rec.members[len(rec.members)-1], rec.Raw
	dst = append(dst, raw[:tm.val0]...)
	dst = appendJSONString(dst, text)
	if ti < len(rec.members)-1 {
		dst = append(dst, raw[tm.val1:last.val1]...)
	}
	dst, err := w.appendExtras(dst, rec, extra, spacingOf(raw, rec.members), true)
	if err != nil {
		return dst, err
	}
	dst = append(dst, raw[last.val1:]...)
	return append(dst, '\n'), nil
}

// spacing is how a JSON object separates its members (comma, as in ", ")
// and names from values (colon, as in ": ").
type spacing struct{ comma, colon string }

var compact = spacing{",", ":"}

// spacingOf returns the spacing of an object's members: the bytes between
// its first two members and between the first name and value. With one
// member, the comma is spaced as the colon is.
func spacingOf(raw []byte, ms []member) spacing {
	sp := spacing{colon: string(raw[skipString(raw, ms[0].key0):ms[0].val0])}
	if len(ms) > 1 {
		sp.comma = string(raw[ms[0].val1:ms[1].key0])
	} else {
		sp.comma = ","
		if strings.HasSuffix(sp.colon, " ") {
			sp.comma = ", "
		}
	}
	return sp
}

// appendExtras appends the extra members with spacing sp, each preceded
// by a comma when comma (there are members before them) or when it is not
// the first. Numeric values must be decimal integers.
func (w *Writer) appendExtras(dst []byte, rec *Record, extra []string, sp spacing, comma bool) ([]byte, error) {
	for j, v := range extra {
		if comma || j > 0 {
			dst = append(dst, sp.comma...)
		}
		dst = appendJSONString(dst, w.opt.Extra[j])
		dst = append(dst, sp.colon...)
		if !w.numeric[j] {
			dst = appendJSONString(dst, v)
			continue
		}
		if n, err := strconv.ParseInt(v, 10, 64); err != nil || strconv.FormatInt(n, 10) != v {
			return dst, fmt.Errorf("corpus: write row %d: extra %q: %q is not an integer", rec.Row, w.opt.Extra[j], v)
		}
		dst = append(dst, v...)
	}
	return dst, nil
}
