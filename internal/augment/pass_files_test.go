package augment

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
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

func TestPrepareLabels(t *testing.T) {
	ctx := context.Background()
	rec, ok := recipe.Preset("eda")
	require.True(t, ok)
	require.False(t, LabelAware(rec))
	p, err := PrepareLabels(ctx, PassInput{Path: "-", Stdin: strings.NewReader(passInput), Format: corpus.JSONL}, rec, 1, nil)
	require.NoError(t, err)
	assert.Nil(t, p, "a recipe that does nothing by label needs no pass")

	rec.Labels.Balance = -1 // balance to the largest label
	rec.Labels.StatsOut = filepath.Join(t.TempDir(), "stats.json")
	p, err = PrepareLabels(ctx, PassInput{Path: "-", Stdin: strings.NewReader(passInput), Format: corpus.JSONL}, rec, 1, nil)
	require.NoError(t, err)
	require.NotNil(t, p.Samplers)
	require.NotNil(t, p.Samplers.Labels.Plan, "the balancing plan")
	b, err := io.ReadAll(p.Stdin)
	require.NoError(t, err)
	assert.Equal(t, passInput, string(b), "the augmenting pass reads the spooled stdin")
	_, err = ReadStatsFile(rec.Labels.StatsOut)
	assert.NoError(t, err, "--stats-out is written")
	p.Close()

	_, err = PrepareLabels(ctx, PassInput{Path: "-", Stdin: strings.NewReader("a b c\n"), Format: corpus.Text}, rec, 1, nil)
	assert.EqualError(t, err, "--balance, --filter and --stats-out need a corpus with labels (a label column or field; see --label)")
}
