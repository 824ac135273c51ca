package main

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
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
	assert.Contains(t, errs, "given twice")

	code, out, errs := runCLI(t, "", "merge", p)
	require.Equal(t, exitOK, code, errs)
	want, _ := os.ReadFile(p)
	assert.Equal(t, string(want), out, "one output merges to itself")
}
