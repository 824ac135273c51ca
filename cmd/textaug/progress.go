package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress prints rows/s and an ETA on stderr, at most twice a second, when
// stderr is a terminal (or when asked to); otherwise it stays silent.
type progress struct {
	w       io.Writer
	on      bool
	size    int64        // input bytes; -1 when unknown (stdin)
	read    func() int64 // input bytes read so far; nil when unknown
	start   time.Time
	mu      sync.Mutex
	last    time.Time
	printed bool
}

func newProgress(w io.Writer, mode string, size int64, read func() int64, start time.Time) *progress {
	on := mode == "always"
	if mode == "auto" {
		if f, ok := w.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
				on = true
			}
		}
	}
	return &progress{w: w, on: on, size: size, read: read, start: start, last: start}
}

func (p *progress) update(rows int) {
	if !p.on {
		return
	}
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.last) < 500*time.Millisecond {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	rate := float64(rows) / max(el, 1e-9)
	msg := fmt.Sprintf("\rtextaug: %d rows, %.0f rows/s", rows, rate)
	if done := p.bytesRead(); p.size > 0 && done > 0 {
		frac := min(float64(done)/float64(p.size), 1)
		eta := time.Duration(el * (1 - frac) / frac * float64(time.Second)).Round(time.Second)
		msg += fmt.Sprintf(", %.0f%%, ETA %s", 100*frac, eta)
	}
	fmt.Fprint(p.w, msg+"   ")
	p.printed = true
}

func (p *progress) bytesRead() int64 {
	if p.read == nil {
		return 0
	}
	return p.read()
}

func (p *progress) done() {
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
