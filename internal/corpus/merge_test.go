package corpus

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeShards(t *testing.T, shards ...string) []string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, s := range shards {
		p := filepath.Join(dir, "part"+string(rune('0'+i))+".csv")
		require.NoError(t, os.WriteFile(p, []byte(s), 0o644))
		paths = append(paths, p)
	}
	return paths
}

// Why: merging puts rows back in source-row order, keeping their bytes
// (quoted line ends, CRLF) and a source row's variants together.
func TestMergeShardsCSV(t *testing.T) {
	paths := writeShards(t,
		"text,source_row\r\n\"b\r\n1\",1\r\nb2,1\r\nd,3\r\n",
		"text,source_row\r\na,0\r\nc,2\r\n")
	var out bytes.Buffer
	n, err := MergeShards(context.Background(), MergeOptions{Format: CSV}, paths, &out)
	require.NoError(t, err)
	assert.Equal(t, 5, n)
	assert.Equal(t, "text,source_row\r\na,0\r\n\"b\r\n1\",1\r\nb2,1\r\nc,2\r\nd,3\r\n", out.String())
}

// Why: text outputs carry the source row as a line prefix.
func TestMergeShardsText(t *testing.T) {
	paths := writeShards(t, "1\tb\n", "0\ta\n2\tc\n")
	var out bytes.Buffer
	n, err := MergeShards(context.Background(), MergeOptions{Format: Text}, paths, &out)
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	assert.Equal(t, "0\ta\n1\tb\n2\tc\n", out.String())
}

// Why: merging refuses what it cannot put in order, naming the file.
func TestMergeShardsRefuses(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		opts   MergeOptions
		shards []string
		want   string
	}{
		{"no row column", MergeOptions{Format: CSV}, []string{"text,label\na,x\n"}, "--provenance"},
		{"not a number", MergeOptions{Format: CSV}, []string{"text,source_row\na,x\n"}, `source_row "x"`},
		{"headers differ", MergeOptions{Format: CSV}, []string{"text,source_row\na,0\n", "text,source_row,ops\nb,1,x\n"}, "header differs"},
		{"twice", MergeOptions{Format: CSV}, []string{"text,source_row\na,0\n", "text,source_row\nb,0\n"}, "source row 0 is in both"},
		{"out of order", MergeOptions{Format: CSV}, []string{"text,source_row\na,2\nb,1\n"}, "source row 1 after 2"},
		{"text without numbers", MergeOptions{Format: Text}, []string{"a\n"}, ":1: no source_row"},
		{"other row field", MergeOptions{Format: CSV, RowField: "row"}, []string{"text,source_row\na,0\n"}, "--provenance"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := MergeShards(ctx, c.opts, writeShards(t, c.shards...), &bytes.Buffer{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}
