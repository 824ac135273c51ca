package corpus

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// UTF-8 text with a stray bad byte is not taken for GBK: the bad row is
// rejected with its place by the reader, the others go through.
func TestUTF8WithOneBadByteIsNotGBK(t *testing.T) {
	assert.False(t, looksGB18030([]byte("Caf\xc3\xa9 cr\xc3\xa8me \xc2\xa35 and \xff then more caf\xc3\xa9 \xc2\xa340\n")))
	assert.False(t, looksGB18030([]byte("我的银行卡丢了\n")))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("我的银行卡丢了，请帮我冻结一下。"))
	assert.True(t, looksGB18030(gbk))
}

// Why: OpenInput hands on UTF-8 text whatever the file: gzip by name,
// GB18030 when asked, a clear error for GBK read as UTF-8; it knows the
// file's size and how much of it was read, for progress.
func TestOpenInput(t *testing.T) {
	dir := t.TempDir()
	text := "我的银行卡丢了，请帮我冻结一下。\n"
	var z bytes.Buffer
	zw := gzip.NewWriter(&z)
	_, _ = zw.Write([]byte(text))
	require.NoError(t, zw.Close())
	gzPath := filepath.Join(dir, "a.txt.gz")
	require.NoError(t, os.WriteFile(gzPath, z.Bytes(), 0o644))
	in, err := OpenInput(gzPath, nil, UTF8)
	require.NoError(t, err)
	b, err := io.ReadAll(in)
	require.NoError(t, err)
	assert.Equal(t, text, string(b))
	assert.Equal(t, int64(z.Len()), in.Size())
	assert.Equal(t, in.Size(), in.Consumed())
	assert.Equal(t, gzPath, in.Name())
	require.NoError(t, in.Close())

	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	gbPath := filepath.Join(dir, "gb.txt")
	require.NoError(t, os.WriteFile(gbPath, gbk, 0o644))
	_, err = OpenInput(gbPath, nil, UTF8)
	assert.ErrorContains(t, err, "gb.txt: not UTF-8: the text looks GBK/GB18030-encoded")
	enc, ok := ParseEncoding("GBK")
	require.True(t, ok)
	in, err = OpenInput(gbPath, nil, enc)
	require.NoError(t, err)
	b, _ = io.ReadAll(in)
	assert.Equal(t, text, string(b))
	in.Close()

	in, err = OpenInput("-", strings.NewReader("x\n"), UTF8)
	require.NoError(t, err)
	assert.Equal(t, "stdin", in.Name())
	assert.Equal(t, int64(-1), in.Size())
	_, ok = ParseEncoding("latin1")
	assert.False(t, ok)
	_, err = OpenInput(filepath.Join(dir, "missing"), nil, UTF8)
	assert.ErrorIs(t, err, os.ErrNotExist)
}

// Why: an output appears whole or not at all: nothing at the path before
// Commit, no temporary file after Abort, a replaced file keeps its mode,
// .gz compresses, and a device is written in place, not replaced.
func TestCreateOutput(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	require.NoError(t, os.WriteFile(path, []byte("old\n"), 0o600))
	out, err := CreateOutput(path, nil)
	require.NoError(t, err)
	_, _ = out.WriteString("new\n")
	require.NoError(t, out.Flush())
	b, _ := os.ReadFile(path)
	assert.Equal(t, "old\n", string(b), "nothing in place before Commit")
	require.NoError(t, out.Commit())
	out.Abort() // after Commit: nothing
	b, _ = os.ReadFile(path)
	assert.Equal(t, "new\n", string(b))
	st, _ := os.Stat(path)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())

	out, err = CreateOutput(filepath.Join(dir, "gone.jsonl.gz"), nil)
	require.NoError(t, err)
	_, _ = out.WriteString("x\n")
	out.Abort()
	entries, _ := os.ReadDir(dir)
	require.Len(t, entries, 1, "only out.csv: no temporary file, no gone.jsonl.gz")

	out, err = CreateOutput(filepath.Join(dir, "z.txt.gz"), nil)
	require.NoError(t, err)
	_, _ = out.WriteString("zipped\n")
	require.NoError(t, out.Commit())
	in, err := OpenInput(filepath.Join(dir, "z.txt.gz"), nil, UTF8)
	require.NoError(t, err)
	b, _ = io.ReadAll(in)
	in.Close()
	assert.Equal(t, "zipped\n", string(b))

	out, err = CreateOutput(os.DevNull, nil)
	require.NoError(t, err)
	_, _ = out.WriteString("x\n")
	require.NoError(t, out.Commit())
	st, _ = os.Stat(os.DevNull)
	assert.False(t, st.Mode().IsRegular(), "the device is still a device")

	var stdout bytes.Buffer
	out, err = CreateOutput("-", &stdout)
	require.NoError(t, err)
	_, _ = out.WriteString("to stdout\n")
	require.NoError(t, out.Commit())
	assert.Equal(t, "to stdout\n", stdout.String())
}
