// Package memtest measures the live heap of a piece of work, for the
// tests that bound what a large row may hold (textaug's TestLargeRowCost,
// cmd/textaug's TestLargeRowLiveHeap).
package memtest

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"time"
)

// PeakLive runs f and returns the most live heap the collector found
// while it ran, beyond the live heap before it. The collector runs at
// GOGC 1 meanwhile, so that it marks nearly all the time, and the live
// heap it last found is read every 20 µs; before f, two collections
// empty the pools (their victims too), whose contents are no one's.
// The result is a lower bound that misses only what lives for less than
// a collection cycle.
func PeakLive(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	runtime.GC()
	runtime.GC()
	base := Live()
	stop, most := make(chan struct{}), make(chan uint64)
	go func() {
		m := base
		for {
			select {
			case <-stop:
				most <- m
				return
			case <-time.After(20 * time.Microsecond):
				m = max(m, Live())
			}
		}
	}()
	f()
	close(stop)
	return <-most - base
}

// Live returns the bytes of heap that the last collection found live.
func Live() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}
