package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// The soft memory limit of `augment` (see docs/performance.md). A bulk
// English run keeps 12 to 18 MiB live (WordNet, the synonym memo, rows in
// flight) and Go's default heap goal, twice the live heap, took it to a
// 61 to 64 MB peak resident set; a 40 MiB limit, which also makes the
// runtime return freed pages sooner, kept it at 55 to 58 MB for the same
// CPU time within the noise of the loaded machine. The limit is lifted as
// soon as a collection finds more than augmentLiftAt live, so that a run
// whose live data is large (a big lexicon, many rows in flight) gets Go's
// default behaviour rather than a collector running all the time.
//
// Since WordNet is read in place (about 11 MiB less live heap), the live
// heap of that run is 5 to 6 MiB and a heap goal of twice that made three
// times as many collections (178 instead of 58 on 20,000 rows) and 8% more
// instructions; GOGC 150 under the same limit brings them back below what
// they were (9,189 M against 9,456 M) at a 52 MB peak. The percentage goes
// back to 100 with the limit.
const (
	augmentMemLimit  = 40 << 20
	augmentLiftAt    = 24 << 20
	augmentGCPercent = 150
)

// limitMemory sets the soft memory limit and the GC percentage for augment
// unless the user chose the collector's settings: getenv("GOMEMLIMIT") or
// getenv("GOGC") set means the runtime already follows them and nothing is
// changed. It reports whether it set the limit.
func limitMemory(getenv func(string) string) bool {
	if getenv("GOMEMLIMIT") != "" || getenv("GOGC") != "" {
		return false
	}
	debug.SetMemoryLimit(augmentMemLimit)
	debug.SetGCPercent(augmentGCPercent)
	watchLiveHeap(augmentLiftAt, func() {
		debug.SetMemoryLimit(math.MaxInt64)
		debug.SetGCPercent(100)
	})
	return true
}

// gcSentinel is an object whose finalizer runs once per collection: it is
// unreachable as soon as it is made, and the finalizer makes the next one.
// The pointer keeps it out of the tiny allocator, whose objects may never
// be finalized.
type gcSentinel struct {
	_ [16]byte
	_ *int
}

// watchLiveHeap calls lift once, after the first collection that finds
// more than max bytes of live heap, and then stops watching.
func watchLiveHeap(max uint64, lift func()) {
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 && sample[0].Value.Uint64() > max {
				lift()
				return
			}
			arm()
		})
	}
	arm()
}
