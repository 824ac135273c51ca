package augment

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
)

func TestStatsFiles(t *testing.T) {
	var b textaug.StatsBuilder
	require.NoError(t, b.Add("My card has not arrived in London.", "card_arrival"))
	s := b.Stats()
	path := filepath.Join(t.TempDir(), "stats.json")
	require.NoError(t, WriteStatsFile(path, s))
	back, err := ReadStatsFile(path)
	require.NoError(t, err)
	assert.Equal(t, s.Labels, back.Labels)
	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left")

	_, err = ReadStatsFile(filepath.Join(t.TempDir(), "missing.json"))
	assert.ErrorContains(t, err, "--stats: open")
	require.NoError(t, os.WriteFile(path, []byte("{\n  \"format\": 1}"), 0o644))
	_, err = ReadStatsFile(path)
	assert.ErrorContains(t, err, "textaug: stats "+path+":2:13:")
	assert.Error(t, WriteStatsFile(filepath.Join(t.TempDir(), "no", "such", "dir.json"), s))
}

func TestSpool(t *testing.T) {
	path, remove, err := Spool(strings.NewReader("a\nb\n"))
	require.NoError(t, err)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "a\nb\n", string(b))
	remove()
	_, err = os.Stat(path)
	assert.True(t, os.IsNotExist(err))
}

func TestOpenTwice(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in")
	require.NoError(t, os.WriteFile(path, []byte("x\n"), 0o644))
	f, err := OpenTwice(path)
	require.NoError(t, err)
	for _, g := range f {
		b, err := io.ReadAll(g)
		require.NoError(t, err)
		assert.Equal(t, "x\n", string(b), "each reader reads the whole file")
		require.NoError(t, g.Close())
	}
	_, err = OpenTwice(filepath.Join(t.TempDir(), "missing"))
	assert.ErrorContains(t, err, "spooled stdin: open")
}
