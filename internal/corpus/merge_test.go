package corpus

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// runOf is the run value of shard i of n of a test run.
func runOf(i, n int) string {
	return Run{Recipe: "3f2a9c1b7d4e", Seed: 1, K: 2, Input: "9ab0c1d2e3f4", Shard: i, Shards: n}.String()
}

// Why: merging puts rows back in source-row order, keeping their bytes
// (quoted line ends, CRLF) and a source row's variants together, and
// removes the run column from the header and every row.
func TestMergeShardsCSV(t *testing.T) {
	r0, r1 := runOf(0, 2), runOf(1, 2)
	paths := writeShards(t,
		"text,source_row,run\r\n\"b\r\n1\",1,"+r0+"\r\nb2,1,"+r0+"\r\nd,3,"+r0+"\r\n",
		"text,source_row,run\r\na,0,"+r1+"\r\nc,2,"+r1+"\r\n")
	var out bytes.Buffer
	rep, err := MergeShards(context.Background(), MergeOptions{Format: CSV}, paths, &out)
	require.NoError(t, err)
	assert.Equal(t, 5, rep.Rows)
	assert.Equal(t, 2, rep.Run.Shards)
	assert.Equal(t, "text,source_row\r\na,0\r\n\"b\r\n1\",1\r\nb2,1\r\nc,2\r\nd,3\r\n", out.String())
}

// Why: TSV has no quoting; the run is the last tab-separated value.
func TestMergeShardsTSV(t *testing.T) {
	r0, r1 := runOf(0, 2), runOf(1, 2)
	paths := writeShards(t, "text\tsource_row\trun\nb\t1\t"+r0+"\n", "text\tsource_row\trun\na\t0\t"+r1+"\n")
	var out bytes.Buffer
	_, err := MergeShards(context.Background(), MergeOptions{Format: TSV}, paths, &out)
	require.NoError(t, err)
	assert.Equal(t, "text\tsource_row\na\t0\nb\t1\n", out.String())
}

// Why: JSONL rows lose the run member with the separator before it,
// whichever spacing the row has, and keep every other byte.
func TestMergeShardsJSONL(t *testing.T) {
	r0, r1 := runOf(0, 2), runOf(1, 2)
	paths := writeShards(t,
		`{"text": "b", "source_row": 1, "run": "`+r0+`" }`+"\n",
		`{"text":"a","source_row":0,"run":"`+r1+`"}`+"\n"+`{"text":"a2","source_row":0,"run":"`+r1+`"}`+"\n")
	var out bytes.Buffer
	rep, err := MergeShards(context.Background(), MergeOptions{Format: JSONL}, paths, &out)
	require.NoError(t, err)
	assert.Equal(t, 3, rep.Rows)
	assert.Equal(t, `{"text":"a","source_row":0}`+"\n"+`{"text":"a2","source_row":0}`+"\n"+`{"text": "b", "source_row": 1 }`+"\n", out.String())
}

// Why: text outputs carry the source row as a line prefix, and the run
// as the field before the text.
func TestMergeShardsText(t *testing.T) {
	r0, r1 := runOf(0, 2), runOf(1, 2)
	paths := writeShards(t, "1\t0\t\t"+r0+"\tb\n", "0\t0\t\t"+r1+"\ta\n2\t1\tswap\t"+r1+"\tc\n")
	var out bytes.Buffer
	rep, err := MergeShards(context.Background(), MergeOptions{Format: Text}, paths, &out)
	require.NoError(t, err)
	assert.Equal(t, 3, rep.Rows)
	assert.Equal(t, "0\t0\t\ta\n1\t0\t\tb\n2\t1\tswap\tc\n", out.String())
}

// Why: an output without rows cannot say which shard it is: it stands for
// one missing shard, and only when the numbers match.
func TestMergeShardsEmpty(t *testing.T) {
	ctx := context.Background()
	hdr := "text,source_row,run\n"
	paths := writeShards(t, hdr+"a,0,"+runOf(0, 3)+"\n", hdr, hdr+"c,2,"+runOf(2, 3)+"\n")
	var out bytes.Buffer
	rep, err := MergeShards(ctx, MergeOptions{Format: CSV}, paths, &out)
	require.NoError(t, err)
	assert.Equal(t, []string{paths[1]}, rep.Empty)
	assert.Equal(t, "text,source_row\na,0\nc,2\n", out.String())

	_, err = MergeShards(ctx, MergeOptions{Format: CSV}, paths[:2], &bytes.Buffer{})
	assert.ErrorContains(t, err, "shard 1/3, 2/3 missing")
	assert.ErrorContains(t, err, "can stand for only 1 of them")

	_, err = MergeShards(ctx, MergeOptions{Format: CSV}, append(paths, paths[1]), &bytes.Buffer{})
	assert.ErrorContains(t, err, "2 outputs without rows")

	out.Reset()
	rep, err = MergeShards(ctx, MergeOptions{Format: CSV}, paths[1:2], &out)
	require.NoError(t, err, "all empty: nothing to check")
	assert.Equal(t, "text,source_row\n", out.String())
	assert.Zero(t, rep.Run)
}

// Why: a single output without a run is a whole run (written without
// --shard or with --shard 0/1): merging it copies it.
func TestMergeShardsWholeRun(t *testing.T) {
	paths := writeShards(t, "text,source_row\na,0\nb,1\n")
	var out bytes.Buffer
	rep, err := MergeShards(context.Background(), MergeOptions{Format: CSV}, paths, &out)
	require.NoError(t, err)
	assert.True(t, rep.Unchecked)
	assert.Equal(t, "text,source_row\na,0\nb,1\n", out.String())
}

// Why: merging refuses what it cannot put in order or cannot prove to be
// the shards of one run, naming the file (and line).
func TestMergeShardsRefuses(t *testing.T) {
	ctx := context.Background()
	r0, r1 := runOf(0, 2), runOf(1, 2)
	csv := func(rows ...string) string {
		s := "text,source_row,run\n"
		for _, r := range rows {
			s += r + "\n"
		}
		return s
	}
	cases := []struct {
		name   string
		opts   MergeOptions
		shards []string
		want   string
	}{
		{"no row column", MergeOptions{Format: CSV}, []string{"text,label\na,x\n"}, "--provenance"},
		{"not a number", MergeOptions{Format: CSV}, []string{csv("a,x," + r0)}, `source_row "x"`},
		{"headers differ", MergeOptions{Format: CSV}, []string{csv("a,0," + r0), "text,source_row,ops,run\nb,1,x," + r1 + "\n"}, "header differs"},
		{"same row in two shards", MergeOptions{Format: CSV}, []string{csv("a,0," + r0), csv("b,0," + r1)}, "source row 0 is in both"},
		{"out of order", MergeOptions{Format: CSV}, []string{csv("a,2,"+r0, "b,1,"+r0), csv()}, ":3: source row 1 after 2"},
		{"text without numbers", MergeOptions{Format: Text}, []string{"a\n"}, ":1: no source_row"},
		{"other row field", MergeOptions{Format: CSV, RowField: "row"}, []string{csv("a,0," + r0)}, "--provenance"},
		{"missing", MergeOptions{Format: CSV}, []string{csv("a,0," + r0)}, "shard 1/2 missing"},
		{"twice", MergeOptions{Format: CSV}, []string{csv("a,0," + r0), csv("a,0," + r0)}, "shard 0/2 twice"},
		{"runs differ in a file", MergeOptions{Format: CSV}, []string{csv("a,0,"+r0, "b,1,"+runOf(0, 3)), csv()}, `part0.csv:3: run "recipe=3f2a9c1b7d4e seed=1 k=2 input=9ab0c1d2e3f4 shard=0/3", but line 2`},
		{"mixed old and new", MergeOptions{Format: CSV}, []string{csv("a,0," + r0), "text,source_row\nb,1\n"}, "part1.csv: no run column"},
		{"old only", MergeOptions{Format: CSV}, []string{"text,source_row\na,0\n", "text,source_row\nb,1\n"}, "re-run the shards with this version"},
		{"bad run", MergeOptions{Format: CSV}, []string{csv("a,0,recipe=x"), csv()}, "part0.csv:2: corpus: run"},
		{"quoted run", MergeOptions{Format: CSV}, []string{csv(`a,0,"` + r0 + `"`), csv()}, "part0.csv:2: the run"},
		{"jsonl run not a string", MergeOptions{Format: JSONL}, []string{`{"text":"a","source_row":0,"run":7}` + "\n"}, `:1: member "run" is a number`},
		{"jsonl mixed", MergeOptions{Format: JSONL}, []string{`{"text":"a","source_row":0,"run":"` + r0 + `"}` + "\n" + `{"text":"b","source_row":1}` + "\n", ""}, `:2: run "", but line 1`},
		{"text another seed", MergeOptions{Format: Text}, []string{"0\t0\t\t" + r0 + "\ta\n", "1\t0\t\t" + Run{Recipe: "3f2a9c1b7d4e", Seed: 2, K: 2, Input: "9ab0c1d2e3f4", Shard: 1, Shards: 2}.String() + "\tb\n"}, "made with seed 2"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out bytes.Buffer
			_, err := MergeShards(ctx, c.opts, writeShards(t, c.shards...), &out)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
}

// Why: a run on an input that has a column named run cannot write its
// own: the writer says so rather than write a file merge would misread.
func TestWriterRunClash(t *testing.T) {
	_, err := NewWriter(&bytes.Buffer{}, WriterOptions{Format: CSV, Header: []string{"text", "run"}, Run: Run{Shards: 2, Shard: 1}})
	assert.ErrorIs(t, err, ErrClash)
}

// Why: the writer appends the run after the other extras in every
// format, and a merge takes it out again, leaving the bytes of a run
// without shards.
func TestWriterRunRoundTrip(t *testing.T) {
	for _, f := range []Format{CSV, TSV, JSONL, Text} {
		t.Run(fmt.Sprint(f), func(t *testing.T) {
			rec := &Record{Row: 1, Text: "a b", Label: "x"}
			write := func(run Run) string {
				var b bytes.Buffer
				w, err := NewWriter(&b, WriterOptions{Format: f, Header: []string{"text", "label"}, LabelField: "label", Extra: []string{"source_row", "variant"}, Numeric: []string{"source_row", "variant"}, Run: run})
				require.NoError(t, err)
				require.NoError(t, w.Write(rec, "a b", "0", "0"))
				require.NoError(t, w.Flush())
				return b.String()
			}
			plain := write(Run{})
			sharded := write(Run{Recipe: "r", Seed: 1, K: 1, Input: "i", Shard: 0, Shards: 2})
			assert.Contains(t, sharded, "recipe=r seed=1 k=1 input=i shard=0/2")
			dir := t.TempDir()
			p, empty := filepath.Join(dir, "part0"), filepath.Join(dir, "part1")
			require.NoError(t, os.WriteFile(p, []byte(sharded), 0o644))
			require.NoError(t, os.WriteFile(empty, []byte(sharded[:headerLen(sharded, f)]), 0o644))
			var out bytes.Buffer
			_, err := MergeShards(context.Background(), MergeOptions{Format: f, TextField: "text"}, []string{empty, p}, &out)
			require.NoError(t, err)
			assert.Equal(t, plain, out.String())
		})
	}
}

// headerLen is the length of the header line of a test output.
func headerLen(s string, f Format) int {
	if f != CSV && f != TSV {
		return 0
	}
	return strings.IndexByte(s, '\n') + 1
}
