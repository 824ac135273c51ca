package corpus_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
)

func TestRunRoundTrip(t *testing.T) {
	r := corpus.Run{Recipe: corpus.Digest([]byte(`{"k":4}`)), Seed: 7, K: 4, Input: "9ab0c1d2e3f4", Shard: 2, Shards: 4}
	s := r.String()
	assert.Equal(t, "recipe="+r.Recipe+" seed=7 k=4 input=9ab0c1d2e3f4 shard=2/4", s)
	got, err := corpus.ParseRun(s)
	require.NoError(t, err)
	assert.Equal(t, r, got)
	for _, bad := range []string{"", "recipe=a seed=1 k=2 input=b", "recipe=a seed=x k=2 input=b shard=0/1",
		"recipe=a seed=1 k=2 input=b shard=1/1", "recipe=a seed=1 k=2 input=b shard=0", "seed=1 recipe=a k=2 input=b shard=0/1"} {
		_, err := corpus.ParseRun(bad)
		assert.Error(t, err, bad)
	}
}

func TestCheckShards(t *testing.T) {
	run := func(shard int, edit func(*corpus.Run)) corpus.Run {
		r := corpus.Run{Recipe: "3f2a9c1b7d4e", Seed: 1, K: 4, Input: "9ab0c1d2e3f4", Shard: shard, Shards: 3}
		if edit != nil {
			edit(&r)
		}
		return r
	}
	names := []string{"a.jsonl", "b.jsonl", "c.jsonl"}
	tests := []struct {
		name  string
		names []string
		runs  []corpus.Run
		want  string
	}{
		{"complete, any order", names, []corpus.Run{run(2, nil), run(0, nil), run(1, nil)}, ""},
		{"one missing", names[:2], []corpus.Run{run(0, nil), run(2, nil)},
			"corpus: shard 1/3 missing; have 0/3 (a.jsonl), 2/3 (b.jsonl)"},
		{"duplicated", names, []corpus.Run{run(0, nil), run(1, nil), run(1, nil)},
			"corpus: shard 1/3 twice: b.jsonl and c.jsonl"},
		{"another seed", names, []corpus.Run{run(0, nil), run(1, func(r *corpus.Run) { r.Seed = 2 }), run(2, nil)},
			"corpus: b.jsonl: made with seed 2, a.jsonl with seed 1: not shards of one run"},
		{"another k", names, []corpus.Run{run(0, nil), run(1, nil), run(2, func(r *corpus.Run) { r.K = 8 })},
			"corpus: c.jsonl: made with k 8, a.jsonl with k 4: not shards of one run"},
		{"another recipe", names, []corpus.Run{run(0, nil), run(1, func(r *corpus.Run) { r.Recipe = "000000000000" }), run(2, nil)},
			"corpus: b.jsonl: made with recipe 000000000000, a.jsonl with recipe 3f2a9c1b7d4e: not shards of one run"},
		{"another input", names, []corpus.Run{run(0, nil), run(1, func(r *corpus.Run) { r.Input = "ffffffffffff" }), run(2, nil)},
			"corpus: b.jsonl: made with input ffffffffffff, a.jsonl with input 9ab0c1d2e3f4: not shards of one run"},
		{"an empty output for the missing shard", names, []corpus.Run{run(0, nil), {}, run(2, nil)}, ""},
		{"all empty", names, []corpus.Run{{}, {}, {}}, ""},
		{"too few empty outputs", names[:2], []corpus.Run{run(0, nil), {}},
			"corpus: shard 1/3, 2/3 missing; have 0/3 (a.jsonl), and outputs without rows (b.jsonl) that can stand for only 1 of them"},
		{"too many empty outputs", append(slices.Clone(names), "d.jsonl"), []corpus.Run{run(0, nil), {}, run(2, nil), {}},
			"corpus: 2 outputs without rows (b.jsonl, d.jsonl), but only shard 1/3 missing: a shard given twice, or an output of another run; have 0/3 (a.jsonl), 2/3 (c.jsonl)"},
		{"empty but none missing", append(slices.Clone(names), "d.jsonl"), []corpus.Run{run(0, nil), run(1, nil), run(2, nil), {}},
			"corpus: 1 outputs without rows (d.jsonl), but no shard is missing: a shard given twice, or an output of another run; have 0/3 (a.jsonl), 1/3 (b.jsonl), 2/3 (c.jsonl)"},
		{"another split", names, []corpus.Run{run(0, nil), run(1, func(r *corpus.Run) { r.Shards = 4 }), run(2, nil)},
			"corpus: b.jsonl: made with shard count 4, a.jsonl with shard count 3: not shards of one run"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := corpus.CheckShards(tt.names, tt.runs)
			if tt.want == "" {
				assert.NoError(t, err)
				return
			}
			assert.EqualError(t, err, tt.want)
		})
	}
}

func TestInputDigest(t *testing.T) {
	a, err := corpus.InputDigest(strings.NewReader("text\nhello\n"))
	require.NoError(t, err)
	b, err := corpus.InputDigest(strings.NewReader("text\nhello!\n"))
	require.NoError(t, err)
	assert.Len(t, a, 12)
	assert.NotEqual(t, a, b)
	assert.Equal(t, corpus.Digest([]byte("text\nhello\n")), a)
}

// BenchmarkInputDigest measures what a sharded --provenance run adds per
// input byte: one SHA-256 pass over the input.
func BenchmarkInputDigest(b *testing.B) {
	data := []byte(strings.Repeat(`{"text": "I lost my card yesterday", "label": "lost_or_stolen_card"}`+"\n", 1<<14))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := corpus.InputDigest(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// Why: ParseRun reads values from files anyone can edit; whatever it
// accepts, String gives back a value that reads the same.
func FuzzParseRun(f *testing.F) {
	f.Add("recipe=3f2a9c1b7d4e seed=7 k=4 input=9ab0c1d2e3f4 shard=2/4")
	f.Add("recipe=a=b seed=01 k=-1 input=x shard=0/1")
	f.Add("recipe= seed=1 k=2 input=b shard=1/1")
	f.Fuzz(func(t *testing.T, s string) {
		r, err := corpus.ParseRun(s)
		if err != nil {
			return
		}
		again, err := corpus.ParseRun(r.String())
		require.NoError(t, err, "%q from %q", r.String(), s)
		assert.Equal(t, r, again)
	})
}

// Why: merge reads shard outputs anyone can edit: whatever the bytes, it
// returns an error or a merge, never panics; and a checked merge takes
// the run out of every row.
func FuzzMergeShards(f *testing.F) {
	run := corpus.Run{Recipe: "r", Seed: 1, K: 1, Input: "i", Shards: 1}.String()
	f.Add([]byte(`{"text": "a", "source_row": 0, "run": "`+run+`"}`+"\n"), uint8(corpus.JSONL))
	f.Add([]byte("0\t0\t\t"+run+"\ta\n"), uint8(corpus.Text))
	f.Add([]byte("text,source_row,run\r\n\"a\r\nb\",0,"+run+"\r\n"), uint8(corpus.CSV))
	f.Add([]byte("text\tsource_row\trun\na\t0\t"+run+"\n"), uint8(corpus.TSV))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		formats := []corpus.Format{corpus.CSV, corpus.TSV, corpus.JSONL, corpus.Text}
		ft := formats[int(format)%len(formats)]
		p := filepath.Join(t.TempDir(), "part")
		require.NoError(t, os.WriteFile(p, data, 0o644))
		var out bytes.Buffer
		rep, err := corpus.MergeShards(context.Background(), corpus.MergeOptions{Format: ft}, []string{p}, &out)
		if err != nil || rep.Unchecked || rep.Rows == 0 {
			return
		}
		assert.LessOrEqual(t, out.Len(), len(data)-rep.Rows*len(`recipe= seed=0 k=0 input= shard=0/1`), "every row lost its run")
	})
}
