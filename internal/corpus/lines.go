package corpus

import (
	"bufio"
	"bytes"
	"io"
)

// physLine is one physical line of the input.
type physLine struct {
	data []byte // the line with its line end ("\n" or "\r\n"; none at EOF); a BOM on line 1 is removed
	num  int    // 1-based line number
	end  int64  // input offset just after the line
	long bool   // the line is longer than the limit: data holds only its first limit bytes
}

// content returns the line without its line end.
func (l physLine) content() []byte { return trimEOL(l.data) }

// trimEOL removes the line end from b: one trailing "\n" or "\r\n", or,
// on the last line of the input (which has no "\n"), a trailing "\r", which
// is most likely what is left of a "\r\n".
func trimEOL(b []byte) []byte {
	n := len(b)
	if n > 0 && b[n-1] == '\n' {
		n--
	}
	if n > 0 && b[n-1] == '\r' {
		n--
	}
	return b[:n]
}

var bom = []byte("\uFEFF")

// lineSource splits its input into physical lines of at most limit bytes
// (longer lines are returned truncated and flagged), and lets the caller
// push lines back. Every returned data slice is freshly allocated.
type lineSource struct {
	br      *bufio.Reader
	limit   int
	pending []physLine // pushed back, returned first
	num     int
	off     int64
	eof     bool
	err     error // sticky read error
}

func newLineSource(r io.Reader, limit int) *lineSource {
	return &lineSource{br: bufio.NewReaderSize(r, 64<<10), limit: limit}
}

// next returns the next line, io.EOF at the end, or the read error.
func (s *lineSource) next() (physLine, error) {
	if n := len(s.pending); n > 0 {
		l := s.pending[0]
		s.pending[0] = physLine{}
		s.pending = s.pending[1:]
		return l, nil
	}
	if s.err != nil {
		return physLine{}, s.err
	}
	if s.eof {
		return physLine{}, io.EOF
	}
	data, size, long, err := s.read()
	if err == io.EOF {
		s.eof = true
		if size == 0 {
			return physLine{}, io.EOF
		}
	} else if err != nil {
		s.err = err
		return physLine{}, err
	}
	s.num++
	s.off += size
	return physLine{data: data, num: s.num, end: s.off, long: long}, nil
}

// read reads one physical line: its first limit bytes (a BOM at the start
// of the input removed), its full size, whether it is longer than limit,
// and io.EOF if it ends the input. A line is copied out of the buffer once
// it is complete, so that a long line costs about twice its size (the
// pieces, then the line), however many buffers it spans.
func (s *lineSource) read() (data []byte, size int64, long bool, err error) {
	var (
		parts [][]byte // copies of the buffers of a line longer than one
		chunk []byte
		kept  int
	)
	for {
		chunk, err = s.br.ReadSlice('\n')
		size += int64(len(chunk))
		if s.num == 0 && size == int64(len(chunk)) && bytes.HasPrefix(chunk, bom) {
			chunk = chunk[len(bom):]
		}
		if room := s.limit - kept; len(chunk) > room {
			chunk, long = chunk[:room], true
		}
		kept += len(chunk)
		if err != bufio.ErrBufferFull {
			break
		}
		if len(chunk) > 0 {
			parts = append(parts, bytes.Clone(chunk))
		}
	}
	if err != nil && err != io.EOF {
		return nil, size, long, err
	}
	data = make([]byte, 0, kept)
	for _, p := range parts {
		data = append(data, p...)
	}
	return append(data, chunk...), size, long, err
}

// unread pushes lines back, to be returned (in their order) before any
// line returned or pushed back before.
func (s *lineSource) unread(lines ...physLine) {
	if len(lines) == 0 {
		return
	}
	p := make([]physLine, 0, len(lines)+len(s.pending))
	p = append(p, lines...)
	s.pending = append(p, s.pending...)
}
