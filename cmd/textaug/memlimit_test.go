package main

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLimitMemoryLeavesUserSettings(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	percent := debug.SetGCPercent(100)
	defer debug.SetGCPercent(percent)
	for _, name := range []string{"GOMEMLIMIT", "GOGC"} {
		set := limitMemory(func(k string) string {
			if k == name {
				return "off"
			}
			return ""
		})
		assert.False(t, set, "%s given", name)
		assert.Equal(t, before, debug.SetMemoryLimit(-1), "%s given: limit changed", name)
		assert.Equal(t, 100, debug.SetGCPercent(100), "%s given: GC percentage changed", name)
	}
}

func TestLimitMemorySetsLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(before)
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	require.True(t, limitMemory(func(string) string { return "" }))
	got := debug.SetMemoryLimit(-1)
	percent := debug.SetGCPercent(100)
	// The watcher may already have lifted them if this test binary's live
	// heap is above augmentLiftAt.
	assert.Contains(t, []int64{augmentMemLimit, math.MaxInt64}, got)
	assert.Contains(t, []int{augmentGCPercent, 100}, percent)
}

func TestWatchLiveHeapLifts(t *testing.T) {
	lifted := make(chan struct{}, 1)
	watchLiveHeap(0, func() { lifted <- struct{}{} }) // any live heap is above 0
	deadline := time.After(10 * time.Second)
	for {
		runtime.GC()
		select {
		case <-lifted:
			return
		case <-deadline:
			t.Fatal("lift was not called after ten seconds of collections")
		case <-time.After(10 * time.Millisecond):
		}
	}
}
