package lexdata

import (
	"runtime"
	"testing"
)

// BenchmarkParse parses every embedded list, what the first use of all of
// them costs (the figure in the package doc).
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseLayouts(); err != nil {
			b.Fatal(err)
		}
		_ = parseMisspellings()
		_ = parseRisky()
		_ = parseNames()
	}
}

// TestParseHeap logs the heap that the parsed lists hold.
func TestParseHeap(t *testing.T) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	l, _ := parseLayouts()
	m, r, n := parseMisspellings(), parseRisky(), parseNames()
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("heap held by the parsed lists: %d bytes", after.HeapAlloc-before.HeapAlloc)
	runtime.KeepAlive(l)
	runtime.KeepAlive(m)
	runtime.KeepAlive(r)
	runtime.KeepAlive(n)
}
