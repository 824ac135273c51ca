package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// profileEnv names the file that receives a CPU profile of the whole
// process (pprof format) when it is set: for reporting where a run spends
// its time, and for regenerating the profile-guided build's default.pgo
// (docs/performance.md).
const profileEnv = "TEXTAUG_CPUPROFILE"

// startProfile starts the CPU profile getenv(profileEnv) asks for and
// returns the function that stops it; a profile that cannot start is said
// on stderr and the run goes on without it.
func startProfile(getenv func(string) string, stderr io.Writer) (stop func()) {
	path := getenv(profileEnv)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err == nil {
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "textaug: %s: %v; running without a profile\n", profileEnv, err)
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "textaug: %s: %v\n", profileEnv, err)
		}
	}
}
