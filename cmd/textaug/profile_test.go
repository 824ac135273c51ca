package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TEXTAUG_CPUPROFILE writes a CPU profile of the run (gzip-compressed
// pprof data); a path that cannot be written is said on stderr and the
// run goes on; unset, nothing is written.
func TestStartProfile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "cpu.pprof")
	var errs bytes.Buffer
	stop := startProfile(func(k string) string { return map[string]string{profileEnv: path}[k] }, &errs)
	code, _, stderr := runCLI(t, "I lost my card yesterday.\n", "augment", "--preset", "eda", "--seed", "1")
	require.Equal(t, exitOK, code, stderr)
	stop()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(b, []byte{0x1f, 0x8b}), "a gzip-compressed profile")
	assert.Empty(t, errs.String())

	bad := filepath.Join(dir, "missing", "cpu.pprof")
	stop = startProfile(func(k string) string { return map[string]string{profileEnv: bad}[k] }, &errs)
	stop()
	assert.Contains(t, errs.String(), "TEXTAUG_CPUPROFILE")
	assert.Contains(t, errs.String(), "running without a profile")

	errs.Reset()
	startProfile(func(string) string { return "" }, &errs)()
	assert.Empty(t, errs.String())
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "only the first profile was written")
}
