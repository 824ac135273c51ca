package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
)

// Why: the hash is a documented interface (job arrays and the Beam
// pipeline rely on it); it must never change.
func TestShardOfSpec(t *testing.T) {
	for _, key := range []string{"", "I lost my card", "Où est ma carte ?", "a\nb"} {
		sum := sha256.Sum256([]byte(key))
		for _, n := range []int{2, 3, 7, 1000} {
			want := int(binary.BigEndian.Uint64(sum[:8]) % uint64(n))
			assert.Equal(t, want, recipe.ShardOf(key, n), "%q mod %d", key, n)
		}
		assert.Equal(t, 0, recipe.ShardOf(key, 1))
		assert.Equal(t, 0, recipe.ShardOf(key, 0))
	}
	// Golden values: a change here breaks every sharded job in flight.
	assert.Equal(t, 5, recipe.ShardOf("I lost my card", 7))
	assert.Equal(t, 2, recipe.ShardOf("I lost my card", 3))
}

func TestShardFlag(t *testing.T) {
	for _, bad := range []string{"3/3", "-1/2", "1", "a/b", "0/0", "1/"} {
		code, _, errs := runCLI(t, "I lost my card\n", "augment", "-k", "1", "--shard", bad)
		assert.Equal(t, exitUsage, code, bad)
		assert.Contains(t, errs, "for flag -shard: want", bad)
	}
}

// shardCorpus returns a corpus of about 200 rows in format: repeated
// texts (which must land in one shard and get the same variants there),
// non-ASCII text, a CSV field with a quoted line end, and bad rows.
func shardCorpus(t *testing.T, format string) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/sentences.txt")
	require.NoError(t, err)
	sents := strings.Split(strings.TrimSpace(string(b)), "\n")
	var texts []string
	for i := 0; i < 200; i++ {
		s := sents[i%len(sents)]
		if i%3 != 0 { // a third of the rows repeat a text verbatim
			s = fmt.Sprintf("%s (ticket %d)", s, i)
		}
		texts = append(texts, s)
	}
	texts = append(texts, "Où est ma carte, s'il vous plaît ?", "I can't see my payment in the app")
	var sb strings.Builder
	switch format {
	case "csv":
		sb.WriteString("id,text,label\n")
		for i, s := range texts {
			fmt.Fprintf(&sb, "%d,%q,l%d\n", i, s, i%4)
			if i == 50 {
				sb.WriteString("bad,\"stray \" quote,x\n")
				sb.WriteString("51b,\"two\nlines, one row\",l1\n")
			}
			if i == 120 {
				sb.WriteString("e,,l2\n") // empty text
			}
		}
	case "tsv":
		sb.WriteString("text\tlabel\n")
		for i, s := range texts {
			fmt.Fprintf(&sb, "%s\tl%d\n", s, i%4)
			if i == 70 {
				sb.WriteString("only one field with too\tmany\tfields\n")
			}
		}
	case "jsonl":
		for i, s := range texts {
			fmt.Fprintf(&sb, "{\"text\": %q, \"label\": %d}\n", s, i%4)
			if i == 90 {
				sb.WriteString("{\"text\": 42}\n{not json\n")
			}
		}
	case "txt":
		for _, s := range texts {
			if strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }) {
				// With an invalid byte, "£" or "ù" in UTF-8 read as
				// Han in GB18030 to the encoding sniffer, which then
				// rejects the file: keep the text corpus ASCII.
				continue
			}
			sb.WriteString(s + "\n")
		}
		sb.WriteString("bad \xff byte\n")
	}
	path := filepath.Join(t.TempDir(), "in."+format)
	require.NoError(t, os.WriteFile(path, []byte(sb.String()), 0o644))
	return path
}

var statsLine = regexp.MustCompile(`(\d+) rows in, (\d+) written, (\d+) variants out, (\d+) shortfalls \((\d+) variants missing\), (\d+) rejected`)

func parseStats(t *testing.T, stderr string) [6]int {
	t.Helper()
	m := statsLine.FindStringSubmatch(stderr)
	require.NotNil(t, m, stderr)
	var s [6]int
	for i := range s {
		s[i], _ = strconv.Atoi(m[i+1])
	}
	return s
}

// rowsOf returns the lines of a file without its header, sorted: the
// multiset of rows (a CSV row spanning lines counts as its lines, which is
// enough to compare two outputs of the same rows).
func rowsOf(t *testing.T, path string, header bool) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.SplitAfter(string(b), "\n")
	if header {
		lines = lines[1:]
	}
	lines = slices.DeleteFunc(lines, func(l string) bool { return l == "" })
	slices.Sort(lines)
	return lines
}

// Why: the contract. The union of the n shard outputs is the
// single run's output row for row (as a multiset, without --provenance;
// byte for byte after 'textaug merge', with it), for n = 1, 3 and 7, in
// every format; every bad row is rejected by exactly one shard; the
// counts of the shards add up to the single run's.
func TestShardUnionEqualsSingleRun(t *testing.T) {
	for _, format := range []string{"csv", "tsv", "jsonl", "txt"} {
		t.Run(format, func(t *testing.T) {
			in := shardCorpus(t, format)
			dir := t.TempDir()
			hasHeader := format == "csv" || format == "tsv"
			base := []string{"augment", "-k", "3", "--seed", "11", "--preset", "intent", "--workers", "2", "--on-error", "skip", in}
			single := func(extra ...string) (out, rejects string, st [6]int) {
				out = filepath.Join(dir, "single"+strings.Join(extra, "")+"."+format)
				rejects = filepath.Join(dir, "single"+strings.Join(extra, "")+".rejects")
				args := append(slices.Clone(base), append(extra, "-o", out, "--rejects", rejects)...)
				code, _, errs := runCLI(t, "", args...)
				require.Equal(t, exitOK, code, errs)
				return out, rejects, parseStats(t, errs)
			}
			out, rej, st := single()
			require.Positive(t, st[5], "the corpus has bad rows")
			pout, _, _ := single("--provenance")
			for _, n := range []int{1, 3, 7} {
				t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
					var union, unionRejects []string
					var sum [6]int
					var merged []string
					for i := 0; i < n; i++ {
						part := filepath.Join(dir, fmt.Sprintf("part%d-%d.%s", i, n, format))
						prej := part + ".rejects"
						code, _, errs := runCLI(t, "", append(slices.Clone(base), "--shard", fmt.Sprintf("%d/%d", i, n), "-o", part, "--rejects", prej)...)
						require.Equal(t, exitOK, code, errs)
						s := parseStats(t, errs)
						for j := range sum {
							sum[j] += s[j]
						}
						if n > 1 {
							assert.Contains(t, errs, fmt.Sprintf("shard %d/%d", i, n))
						}
						if hasHeader {
							a, _ := os.ReadFile(out)
							b, _ := os.ReadFile(part)
							first := func(b []byte) string { l, _, _ := strings.Cut(string(b), "\n"); return l }
							assert.Equal(t, first(a), first(b), "each shard output has the header")
						}
						if n == 1 {
							a, _ := os.ReadFile(out)
							b, _ := os.ReadFile(part)
							assert.True(t, string(a) == string(b), "--shard 0/1 is the single run, byte for byte")
						}
						union = append(union, rowsOf(t, part, hasHeader)...)
						unionRejects = append(unionRejects, rowsOf(t, prej, false)...)

						ppart := filepath.Join(dir, fmt.Sprintf("ppart%d-%d.%s", i, n, format))
						code, _, errs = runCLI(t, "", append(slices.Clone(base), "--provenance", "--shard", fmt.Sprintf("%d/%d", i, n), "-o", ppart)...)
						require.Equal(t, exitOK, code, errs)
						merged = append(merged, ppart)
					}
					slices.Sort(union)
					slices.Sort(unionRejects)
					assert.Equal(t, rowsOf(t, out, hasHeader), union, "the shards hold the single run's rows")
					assert.Equal(t, rowsOf(t, rej, false), unionRejects, "every bad row is rejected by exactly one shard")
					assert.Equal(t, st, sum, "the counts add up")

					// Exact order back with merge, shard outputs in any order.
					slices.Reverse(merged)
					m := filepath.Join(dir, fmt.Sprintf("merged%d.%s", n, format))
					code, _, errs := runCLI(t, "", append([]string{"merge", "-o", m}, merged...)...)
					require.Equal(t, exitOK, code, errs)
					want, _ := os.ReadFile(pout)
					got, _ := os.ReadFile(m)
					assert.True(t, string(want) == string(got), "merge gives the single run byte for byte")
				})
			}
		})
	}
}

// Why: with --on-error stop a bad row fails the one shard that owns it,
// as it fails the single run; the other shards succeed.
func TestShardStopModeFailsTheOwner(t *testing.T) {
	in := filepath.Join(t.TempDir(), "in.jsonl")
	require.NoError(t, os.WriteFile(in, []byte("{\"text\": \"I lost my card\"}\n{\"text\": 42}\n{\"text\": \"Where is my money\"}\n"), 0o644))
	failed := 0
	for i := 0; i < 5; i++ {
		code, _, errs := runCLI(t, "", "augment", "-k", "1", "--shard", fmt.Sprintf("%d/5", i), in)
		if code != exitOK {
			failed++
			assert.Contains(t, errs, "in.jsonl:2")
			assert.Equal(t, recipe.ShardOf(`{"text": 42}`, 5), i)
		}
	}
	assert.Equal(t, 1, failed)
}

// Why: merge refuses what it cannot put in order, rather than guess.
func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.csv")
	require.NoError(t, os.WriteFile(in, []byte("text,label\nI lost my card,a\nWhere is my money,b\nMy card was declined,c\n"), 0o644))
	plain := filepath.Join(dir, "plain.csv")
	code, _, errs := runCLI(t, "", "augment", "-k", "1", "-o", plain, in)
	require.Equal(t, exitOK, code, errs)
	code, _, errs = runCLI(t, "", "merge", plain)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, "--provenance")

	p := filepath.Join(dir, "p.csv")
	code, _, errs = runCLI(t, "", "augment", "-k", "1", "--provenance", "-o", p, in)
	require.Equal(t, exitOK, code, errs)
	code, _, errs = runCLI(t, "", "merge", p, p)
	assert.Equal(t, exitFail, code)
	assert.Contains(t, errs, "no run column", "two whole runs are no shards of one")

	code, out, errs := runCLI(t, "", "merge", p)
	require.Equal(t, exitOK, code, errs)
	want, _ := os.ReadFile(p)
	assert.Equal(t, string(want), out, "one output merges to itself")
}

// shardRun runs augment --provenance --shard i/n over in with args and
// returns the output's path, in a directory of its own.
func shardRun(t *testing.T, in string, i, n int, args ...string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), fmt.Sprintf("part%d%s", i, filepath.Ext(in)))
	all := append([]string{"augment", "--provenance", "--shard", fmt.Sprintf("%d/%d", i, n), "-o", out, in}, args...)
	code, _, errs := runCLI(t, "", all...)
	require.Equal(t, exitOK, code, errs)
	return out
}

// Why: issue 13 item 4. merge proves that its inputs are the shards of
// one run, each once: a shard missing or given twice, and shards of runs
// with another seed, k, recipe or input, or written before the run
// fingerprint existed, are refused with exit 1 and a message naming the
// file. Today's main exits 0 on all of them.
func TestMergeRefusesMismatchedShards(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	other := filepath.Join(dir, "other.jsonl")
	var sb strings.Builder
	for i := range 30 {
		fmt.Fprintf(&sb, "{\"text\": \"I lost my card number %d yesterday\", \"label\": \"l%d\"}\n", i, i%3)
	}
	require.NoError(t, os.WriteFile(in, []byte(sb.String()), 0o644))
	require.NoError(t, os.WriteFile(other, []byte(sb.String()+"{\"text\": \"Where is my money\", \"label\": \"l0\"}\n"), 0o644))
	base := []string{"--seed", "3", "-k", "2", "--preset", "eda"}
	part := func(i int, args ...string) string {
		return shardRun(t, in, i, 3, append(slices.Clone(base), args...)...)
	}
	p0, p1, p2 := part(0), part(1), part(2)
	old := filepath.Join(dir, "old.jsonl") // as written before the run existed
	b, err := os.ReadFile(p2)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(old, regexp.MustCompile(`, "run": "[^"]*"`).ReplaceAll(b, nil), 0o644))
	cases := []struct {
		name  string
		parts []string
		want  string
	}{
		{"shard missing", []string{p0, p2}, "shard 1/3 missing; have 0/3 (" + p0 + "), 2/3 (" + p2 + ")"},
		{"shard twice", []string{p0, p1, p1, p2}, "shard 1/3 twice: " + p1 + " and " + p1},
		{"another seed", []string{p0, part(1, "--seed", "4"), p2}, "made with seed 4, " + p0 + " with seed 3"},
		{"another k", []string{p0, p1, part(2, "-k", "3")}, "made with k 3, " + p0 + " with k 2"},
		{"another recipe", []string{p0, part(1, "--preset", "intent", "-k", "2"), p2}, "made with recipe"},
		{"another alpha", []string{p0, part(1, "--alpha", "0.3"), p2}, "made with recipe"},
		{"another input", []string{p0, p1, shardRun(t, other, 2, 3, base...)}, "made with input"},
		{"another split", []string{p0, p1, p2, shardRun(t, in, 3, 4, base...)}, "made with shard count 4"},
		{"mixed old and new", []string{p0, p1, old}, old + ": no run column"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m := filepath.Join(t.TempDir(), "m.jsonl")
			code, _, errs := runCLI(t, "", append([]string{"merge", "-o", m}, c.parts...)...)
			assert.Equal(t, exitFail, code, errs)
			assert.Contains(t, errs, c.want)
			assert.NoFileExists(t, m, "nothing written")
		})
	}
	code, _, errs := runCLI(t, "", "merge", "-o", filepath.Join(dir, "ok.jsonl"), p2, p0, p1)
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, errs, "from the 3 shards of run recipe=")
}

// mergeCorpus returns a small corpus in format, written with line ends
// eol; few rows, so that 7 shards leave some empty.
func mergeCorpus(t *testing.T, format, eol string) string {
	t.Helper()
	texts := []string{"I lost my card yesterday", "Where is my money, please?", "My card was declined \"again\"", "I want a refund now"}
	var lines []string
	switch format {
	case "csv":
		lines = append(lines, "id,text,label")
		for i, s := range texts {
			lines = append(lines, fmt.Sprintf("%d,\"%s\",l%d", i, strings.ReplaceAll(s, `"`, `""`), i%2))
		}
	case "tsv":
		lines = append(lines, "text\tlabel")
		for i, s := range texts {
			lines = append(lines, fmt.Sprintf("%s\tl%d", s, i%2))
		}
	case "jsonl", "jsonl-spaced":
		for i, s := range texts {
			b, _ := json.Marshal(map[string]string{"text": s, "label": fmt.Sprint("l", i%2)})
			if format == "jsonl-spaced" {
				b = []byte(fmt.Sprintf("{\"text\": %q, \"label\": \"l%d\"}", s, i%2))
			}
			lines = append(lines, string(b))
		}
		format = "jsonl"
	case "txt":
		lines = texts
	}
	path := filepath.Join(t.TempDir(), "in."+format)
	require.NoError(t, os.WriteFile(path, []byte(strings.Join(lines, eol)+eol), 0o644))
	return path
}

// Why: the contract. Merged shards are the single run byte for byte
// (the run column gone) in CSV (quoted fields, CRLF), TSV, JSONL in both
// spacing styles and text, for n = 1, 3 and 7, with shards that have no
// rows among them.
func TestMergeEqualsSingleRunWithEmptyShards(t *testing.T) {
	for _, c := range []struct{ format, eol string }{{"csv", "\r\n"}, {"csv", "\n"}, {"tsv", "\n"}, {"jsonl", "\n"}, {"jsonl-spaced", "\n"}, {"txt", "\n"}} {
		t.Run(c.format+fmt.Sprintf("%q", c.eol), func(t *testing.T) {
			in := mergeCorpus(t, c.format, c.eol)
			dir := t.TempDir()
			args := []string{"-k", "2", "--seed", "5", "--preset", "intent"}
			single := filepath.Join(dir, "single"+filepath.Ext(in))
			code, _, errs := runCLI(t, "", append([]string{"augment", "--provenance", "-o", single, in}, args...)...)
			require.Equal(t, exitOK, code, errs)
			want, err := os.ReadFile(single)
			require.NoError(t, err)
			for _, n := range []int{1, 3, 7} {
				var parts []string
				empty := 0
				for i := range n {
					p := shardRun(t, in, i, n, args...)
					if n == 1 {
						got, _ := os.ReadFile(p)
						assert.Equal(t, string(want), string(got), "--shard 0/1 is the single run")
					}
					if len(rowsOf(t, p, c.format == "csv" || c.format == "tsv")) == 0 {
						empty++
					}
					parts = append(parts, p)
				}
				if n == 7 {
					require.Positive(t, empty, "some of 7 shards of 4 rows are empty")
				}
				slices.Reverse(parts)
				m := filepath.Join(dir, fmt.Sprintf("merged%d%s", n, filepath.Ext(in)))
				code, _, errs := runCLI(t, "", append([]string{"merge", "-o", m}, parts...)...)
				require.Equal(t, exitOK, code, errs)
				got, err := os.ReadFile(m)
				require.NoError(t, err)
				assert.Equal(t, string(want), string(got), "n=%d: merge gives the single run byte for byte", n)
				assert.NotContains(t, string(got), "recipe=")
			}
		})
	}
}

// Why: a shard reading stdin has the input digest of the same bytes read
// from the file, whether stdin can be re-read (a redirected file) or must
// be spooled (a pipe), so shards may mix the two.
func TestShardInputDigestStdin(t *testing.T) {
	in := mergeCorpus(t, "jsonl", "\n")
	b, err := os.ReadFile(in)
	require.NoError(t, err)
	want, err := corpus.InputDigest(bytes.NewReader(b))
	require.NoError(t, err)
	d, _, remove, err := inputDigest(in, nil)
	require.NoError(t, err)
	remove()
	assert.Equal(t, want, d, "file")
	for name, stdin := range map[string]io.Reader{"seekable": bytes.NewReader(b), "pipe": io.MultiReader(bytes.NewReader(b))} {
		d, rest, remove, err := inputDigest("-", stdin)
		require.NoError(t, err, name)
		assert.Equal(t, want, d, name)
		again, err := io.ReadAll(rest)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again), "%s: the rows are still there to read", name)
		remove()
	}

	dir := t.TempDir()
	args := []string{"augment", "--provenance", "--format", "jsonl", "-k", "1"}
	p0 := filepath.Join(dir, "p0.jsonl")
	code, _, errs := runCLI(t, string(b), append(args, "--shard", "0/2", "-o", p0, "-")...)
	require.Equal(t, exitOK, code, errs)
	p1 := shardRun(t, in, 1, 2, "-k", "1")
	code, _, errs = runCLI(t, "", "merge", "-o", filepath.Join(dir, "m.jsonl"), p0, p1)
	assert.Equal(t, exitOK, code, errs)
}

// Why: a named pipe cannot be read twice (its digest, then its rows):
// a sharded --provenance run refuses it before reading anything, rather
// than hash the rows away and write an empty output.
// TestNamedPipeInputIsReadLikeStdin: an input file that can be read only
// once (a named pipe, as from <(zcat …)) gives the output of the same rows
// in a regular file, for the label-aware default preset (whose corpus pass
// reads the input twice: it used to find the pipe drained and write 0
// rows with exit 0) and for a sharded --provenance run (its digest, then
// its rows).
func TestNamedPipeInputIsReadLikeStdin(t *testing.T) {
	data, err := os.ReadFile("../../testdata/corpus/train.jsonl")
	require.NoError(t, err)
	for _, args := range [][]string{
		{"augment", "--seed", "3", "-k", "2", "--format", "jsonl"},
		{"augment", "--preset", "eda", "--seed", "3", "--format", "jsonl", "--provenance", "--shard", "0/2"},
	} {
		code, want, errs := runCLI(t, "", append(args, "../../testdata/corpus/train.jsonl")...)
		require.Equal(t, exitOK, code, errs)
		require.NotEmpty(t, want)
		r, w, err := os.Pipe() // as bash's <(…): /dev/fd/N, a pipe that a second open finds drained
		require.NoError(t, err)
		go func() { w.Write(data); w.Close() }()
		code, got, errs := runCLI(t, "", append(args, fmt.Sprintf("/dev/fd/%d", r.Fd()))...)
		r.Close()
		require.Equal(t, exitOK, code, errs)
		assert.Equal(t, want, got, "%v from a named pipe", args)
	}
}
