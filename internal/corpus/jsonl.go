package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
)

// nextJSONL returns the next JSONL record or row error, skipping blank
// lines.
func (r *Reader) nextJSONL() (*Record, error) {
	for {
		l, err := r.src.next()
		if err != nil {
			return nil, err
		}
		r.offset = l.end
		if l.long {
			r.rows++
			e := r.tooLong(l)
			e.Row = r.rows
			return nil, e
		}
		c := l.content()
		if isJSONBlank(c) {
			continue
		}
		r.rows++
		return r.parseJSONL(c[:len(c):len(c)], l.num)
	}
}

// parseJSONL checks one JSONL line and turns it into a Record.
func (r *Reader) parseJSONL(raw []byte, line int) (*Record, error) {
	bad := func(off int, err error) error {
		return r.rowError(raw, line, off+1, r.rows, err)
	}
	ms, closing, off, err := scanObject(raw)
	if err != nil {
		return nil, bad(off, err)
	}
	ti := -1
	for i, m := range ms {
		if m.name != r.textField {
			continue
		}
		if ti >= 0 {
			return nil, bad(m.key0, fmt.Errorf("%w: member %q appears twice", ErrDuplicate, r.textField))
		}
		ti = i
	}
	if ti < 0 {
		return nil, bad(skipWS(raw, 0), fmt.Errorf("%w: no member %q", ErrNoText, r.textField))
	}
	tm := ms[ti]
	if !tm.isString(raw) {
		return nil, bad(tm.val0, fmt.Errorf("%w: member %q is %s", ErrTextNotString, r.textField, jsonKind(raw[tm.val0])))
	}
	text := decodeString(raw[tm.val0:tm.val1])
	if isBlank(text) {
		return nil, bad(tm.val0, fmt.Errorf("%w in member %q", ErrEmptyText, r.textField))
	}
	rec := &Record{Row: r.rows, Line: line, Text: text, Raw: raw, members: ms, textIdx: ti, closing: closing}
	if r.labelField == "" {
		return rec, nil
	}
	li := slices.IndexFunc(ms, func(m member) bool { return m.name == r.labelField })
	switch {
	case li < 0:
		return nil, bad(skipWS(raw, 0), fmt.Errorf("%w: no member %q", ErrNoLabel, r.labelField))
	case string(raw[ms[li].val0:ms[li].val1]) == "null":
		return nil, bad(ms[li].val0, fmt.Errorf("%w: member %q is null", ErrNoLabel, r.labelField))
	}
	rec.Label = jsonText(raw[ms[li].val0:ms[li].val1])
	return rec, nil
}

// peekJSONL resolves the text member name from the first JSON object in
// the input that has a text member, and the label member name from the
// first that has a label member, looking ahead at most MaxRowBytes; the
// lines looked at are pushed back, for Next.
func (r *Reader) peekJSONL() error {
	var (
		seen     []physLine
		size     int
		textDone bool
		firstErr error     // why the first object seen could not be resolved
		first    *RowError // the first object with a text member, for a missing LabelField
	)
	defer func() { r.src.unread(seen...) }()
	r.textField, r.labelField = r.opt.TextField, ""
	for size <= r.opt.MaxRowBytes {
		l, err := r.src.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("corpus: %s: read: %w", r.opt.Name, err)
		}
		seen = append(seen, l)
		size += len(l.data)
		c := l.content()
		if l.long || isJSONBlank(c) {
			continue
		}
		ms, _, _, err := scanObject(c)
		if err != nil {
			continue
		}
		located := func(err error) *RowError { return r.rowError(c[:len(c):len(c)], l.num, 0, 0, err) }
		if !textDone {
			if err := r.resolveText(ms); err != nil {
				if firstErr == nil {
					firstErr = located(err)
				}
				continue
			}
			textDone, first = true, located(nil)
		}
		found, err := r.resolveLabel(ms)
		if err != nil {
			return located(err)
		}
		if found {
			return nil
		}
	}
	return r.unresolved(textDone, firstErr, first)
}

// unresolved finishes peekJSONL when no object in the look-ahead has a
// label member (or none has a text member).
func (r *Reader) unresolved(textDone bool, firstErr error, first *RowError) error {
	switch {
	case !textDone && firstErr != nil:
		return firstErr
	case !textDone:
		if r.textField == "" {
			r.textField = DefaultTextFields[0]
		}
		r.labelField = r.opt.LabelField
	case r.opt.LabelField != "":
		first.Err = fmt.Errorf("no label member %q in any object; the first object has members %s", r.opt.LabelField, quoteList(memberNames(first.Raw)))
		return first
	}
	return nil
}

// resolveText resolves the text name from the members of one object, or
// says why it cannot.
func (r *Reader) resolveText(ms []member) error {
	names := names(ms)
	ti, err := resolve(names, r.opt.TextField, DefaultTextFields)
	if err == nil && ti < 0 {
		if r.opt.TextField != "" {
			err = fmt.Errorf("%w: no member %q", ErrNoText, r.opt.TextField)
		} else {
			err = fmt.Errorf("%w: want a member named %s", ErrNoText, orList(DefaultTextFields))
		}
	}
	if err != nil {
		return fmt.Errorf("%w; the first object has members %s", err, quoteList(names))
	}
	r.textField = names[ti]
	return nil
}

// resolveLabel resolves the label name from the members of one object,
// and reports whether it has one; names that match only in different
// cases are an error.
func (r *Reader) resolveLabel(ms []member) (bool, error) {
	names := names(ms)
	li, err := resolve(names, r.opt.LabelField, DefaultLabelFields)
	if err != nil {
		return false, fmt.Errorf("%w; the object has members %s", err, quoteList(names))
	}
	if li < 0 || names[li] == r.textField {
		return false, nil // a text member is never also the label
	}
	r.labelField = names[li]
	return true, nil
}

func names(ms []member) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.name
	}
	return out
}

// memberNames returns the member names of a valid JSON object.
func memberNames(raw []byte) []string {
	ms, _, _, err := scanObject(raw)
	if err != nil {
		return nil
	}
	return names(ms)
}

// scanObject checks that raw is valid UTF-8 holding one JSON object and
// returns its members and the offset of its closing brace; or an error
// and the offset of the problem.
func scanObject(raw []byte) (ms []member, closing, off int, err error) {
	if i := firstInvalidUTF8(raw); i >= 0 {
		return nil, 0, i, ErrInvalidUTF8
	}
	if !json.Valid(raw) {
		var m json.RawMessage
		err := json.Unmarshal(raw, &m)
		off := len(raw)
		msg := "invalid JSON"
		if se, ok := err.(*json.SyntaxError); ok {
			msg = se.Error()
			if !strings.Contains(msg, "unexpected end") && se.Offset > 0 {
				off = int(se.Offset) - 1
			}
		}
		return nil, 0, off, fmt.Errorf("%w: %s", ErrNotObject, msg)
	}
	i := skipWS(raw, 0)
	if raw[i] != '{' {
		return nil, 0, i, fmt.Errorf("%w: found %s", ErrNotObject, jsonKind(raw[i]))
	}
	i = skipWS(raw, i+1)
	if raw[i] == '}' {
		return nil, i, 0, nil
	}
	for {
		k0 := i
		k1 := skipString(raw, k0)
		i = skipWS(raw, k1)
		v0 := skipWS(raw, i+1) // past ':'
		v1 := skipValue(raw, v0)
		ms = append(ms, member{name: decodeString(raw[k0:k1]), key0: k0, val0: v0, val1: v1})
		i = skipWS(raw, v1)
		if raw[i] == '}' {
			return ms, i, 0, nil
		}
		i = skipWS(raw, i+1) // past ','
	}
}

// The scanners below assume valid JSON.

func isJSONWS(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isJSONBlank(b []byte) bool {
	for _, c := range b {
		if !isJSONWS(c) {
			return false
		}
	}
	return true
}

func skipWS(b []byte, i int) int {
	for i < len(b) && isJSONWS(b[i]) {
		i++
	}
	return i
}

// skipString returns the offset after the string starting at b[i].
func skipString(b []byte, i int) int {
	for j := i + 1; ; j++ {
		switch b[j] {
		case '\\':
			j++
		case '"':
			return j + 1
		}
	}
}

// skipValue returns the offset after the value starting at b[i].
func skipValue(b []byte, i int) int {
	switch b[i] {
	case '"':
		return skipString(b, i)
	case '{', '[':
		depth := 0
		for j := i; ; j++ {
			switch b[j] {
			case '"':
				j = skipString(b, j) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1
				}
			}
		}
	}
	for j := i; j < len(b); j++ {
		switch b[j] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return j
		}
	}
	return len(b)
}

// decodeString decodes a valid JSON string literal.
func decodeString(b []byte) string {
	if bytes.IndexByte(b, '\\') < 0 {
		return string(b[1 : len(b)-1])
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return string(b[1 : len(b)-1]) // unreachable for valid JSON
	}
	return s
}

// jsonText returns a label's text: a string decoded, null as "", anything
// else as its JSON text.
func jsonText(v []byte) string {
	switch {
	case v[0] == '"':
		return decodeString(v)
	case string(v) == "null":
		return ""
	}
	return string(v)
}

// jsonKind names the type of the JSON value starting with c.
func jsonKind(c byte) string {
	switch c {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
