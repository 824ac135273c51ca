package tokenize

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The embedded dictionary is gse's s_1.txt, byte for byte, for the gse
// version in go.mod (regenerate with go generate after an upgrade).
func TestZhDictIsGseDictionary(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/go-ego/gse").Output()
	if err != nil || strings.TrimSpace(string(out)) == "" {
		t.Skipf("gse module source not available (go list: %v)", err)
	}
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "data", "dict", "zh", "s_1.txt"))
	if err != nil {
		t.Skipf("gse module source not available: %v", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(zhDict))
	require.NoError(t, err)
	got, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, got), "zhdict.txt.gz is not gse's s_1.txt: run go generate ./tokenize")
}
