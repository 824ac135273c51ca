package pipeline

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

var cliDir string

func TestMain(m *testing.M) {
	slog.SetLogLoggerLevel(slog.LevelWarn) // Prism's progress, at INFO, drowns the test output
	code := ptest.MainRetWithDefault(m, "prism")
	if cliDir != "" {
		os.RemoveAll(cliDir)
	}
	os.Exit(code)
}

var (
	cliOnce sync.Once
	cliPath string
	cliErr  error
)

// cli builds the textaug command of the root module once per test run:
// the equivalence is with the real CLI, flags and all.
func cli(t *testing.T) string {
	t.Helper()
	cliOnce.Do(func() {
		if cliDir, cliErr = os.MkdirTemp("", "textaug-cli"); cliErr != nil {
			return
		}
		cliPath = filepath.Join(cliDir, "textaug")
		cmd := exec.Command("go", "build", "-o", cliPath, "./cmd/textaug")
		cmd.Dir = filepath.Join("..", "..")
		if out, err := cmd.CombinedOutput(); err != nil {
			cliErr = fmt.Errorf("go build ./cmd/textaug: %v\n%s", err, out)
		}
	})
	require.NoError(t, cliErr)
	return cliPath
}

type seedRow struct{ Text, Label string }

// rows returns n rows made from testdata/seed.jsonl: every fifth row
// repeats a seed sentence verbatim (equal texts must get equal variants
// wherever they stand), the others are numbered variations.
func rows(t *testing.T, n int) []seedRow {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seed.jsonl"))
	require.NoError(t, err)
	var seeds []seedRow
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r struct{ Text, Label string }
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		seeds = append(seeds, seedRow{r.Text, r.Label})
	}
	out := make([]seedRow, n)
	for i := range out {
		s := seeds[i%len(seeds)]
		switch i % 5 {
		case 1, 3:
			s.Text = fmt.Sprintf("%s (case %d)", s.Text, i)
		case 2, 4:
			s.Text = fmt.Sprintf("Ticket %d: %s", i, s.Text)
		}
		out[i] = s
	}
	return out
}

// fixture writes n rows in format, with the awkward lines a real corpus
// has: a byte order mark, CRLF line ends, blank lines and bad rows.
func fixture(t *testing.T, format string, n int) string {
	t.Helper()
	var b bytes.Buffer
	rs := rows(t, n)
	switch format {
	case "jsonl":
		b.WriteString("\ufeff")
		for i, r := range rs {
			text, _ := json.Marshal(r.Text)
			fmt.Fprintf(&b, `{"id": %d, "text": %s, "label": %q, "meta": {"src": "seed"}}`, i, text, r.Label)
			if i%97 == 5 {
				b.WriteString("\r")
			}
			b.WriteString("\n")
			switch i {
			case 10:
				b.WriteString("\n   \n")
			case 20:
				b.WriteString(`{"id": "x", "text": 42}` + "\n")
			case 30:
				b.WriteString(`{"id": "y", "label": "no text"}` + "\n")
			case 40:
				b.WriteString("{not json at all\n")
			case 50:
				b.WriteString(`{"text": "   "}` + "\n")
			}
		}
	case "csv":
		b.WriteString("id,text,label\r\n")
		w := csv.NewWriter(&b)
		for i, r := range rs {
			require.NoError(t, w.Write([]string{strconv.Itoa(i), r.Text, r.Label}))
			w.Flush()
			switch i {
			case 10:
				b.WriteString("bad,\"a stray \" quote\",x\n")
			case 20:
				b.WriteString("too,many,fields,here\n")
			case 30:
				b.WriteString("e,,empty\n\n")
			}
		}
	case "tsv":
		b.WriteString("text\tlabel\n")
		for i, r := range rs {
			fmt.Fprintf(&b, "%s\t%s\n", r.Text, r.Label) // a text with a tab is a bad row
			if i == 10 {
				b.WriteString("no label column here\n")
			}
		}
	case "txt":
		for i, r := range rs {
			if strings.ContainsFunc(r.Text, func(c rune) bool { return c >= utf8.RuneSelf }) {
				// With the invalid byte below, "£" or "ù" read as Han in
				// GB18030 to the CLI's encoding sniffer, which would
				// refuse the file: the text corpus stays ASCII.
				continue
			}
			b.WriteString(r.Text + "\n")
			if i == 10 {
				b.WriteString("\nbad \xff byte\n")
			}
		}
	}
	path := filepath.Join(t.TempDir(), "in."+format)
	require.NoError(t, os.WriteFile(path, b.Bytes(), 0o644))
	return path
}

// lines returns the lines of files (each without its first line when
// header), sorted: a multiset of rows.
func lines(t *testing.T, header bool, files ...string) []string {
	t.Helper()
	var all []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		ls := strings.SplitAfter(string(b), "\n")
		if header {
			ls = ls[1:]
		}
		for _, l := range ls {
			if l != "" {
				all = append(all, l)
			}
		}
	}
	slices.Sort(all)
	return all
}

// rejectRaws returns the raw rows of a rejects file, sorted.
func rejectRaws(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	require.NoError(t, err)
	var raws []string
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r struct {
			Raw       string `json:"raw"`
			RawBase64 string `json:"raw_base64"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &r), l)
		raws = append(raws, r.Raw+r.RawBase64)
	}
	slices.Sort(raws)
	return raws
}

// sameMultiset reports the first differences of two sorted multisets.
func sameMultiset(t *testing.T, want, got []string, what string) {
	t.Helper()
	if slices.Equal(want, got) {
		return
	}
	var only []string
	i, j := 0, 0
	for (i < len(want) || j < len(got)) && len(only) < 6 {
		switch {
		case j >= len(got) || i < len(want) && want[i] < got[j]:
			only = append(only, "CLI only:  "+strings.TrimSuffix(want[i], "\n"))
			i++
		case i >= len(want) || got[j] < want[i]:
			only = append(only, "Beam only: "+strings.TrimSuffix(got[j], "\n"))
			j++
		default:
			i++
			j++
		}
	}
	t.Errorf("%s: %d rows from the CLI, %d from Beam; first differences:\n%s", what, len(want), len(got), strings.Join(only, "\n"))
}

var statsRE = regexp.MustCompile(`(\d+) rows in, (\d+) written, (\d+) variants out, (\d+) shortfalls \((\d+) variants missing\), (\d+) rejected`)

type equivCase struct {
	name, format string
	rows         int
	preset       string
	k            int
	seed         uint64
	shards       int
	cliArgs      []string                       // more CLI flags
	recipe       func(r *recipe.Recipe)         // the same, on the Beam side
	check        func(t *testing.T, dir string) // more checks
}

// Why: the contract. The Beam pipeline on Prism writes the same
// multiset of rows as the CLI with the same seed and configuration, in
// every format, rejects the same rows, and counts the same.
func TestBeamEqualsCLI(t *testing.T) {
	cases := []equivCase{
		{name: "jsonl intent", format: "jsonl", rows: 2500, preset: "intent", k: 3, seed: 7, shards: 3},
		{name: "csv eda", format: "csv", rows: 800, preset: "eda", k: 2, seed: 1, shards: 2},
		{name: "tsv finance", format: "tsv", rows: 400, preset: "finance", k: 2, seed: 3, shards: 1},
		{name: "text aeda no original", format: "txt", rows: 400, preset: "aeda", k: 2, seed: 5, shards: 2,
			cliArgs: []string{"--no-original"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { runEquiv(t, c) })
	}
}

func runEquiv(t *testing.T, c equivCase) {
	in := fixture(t, c.format, c.rows)
	dir := t.TempDir()
	header := c.format == "csv" || c.format == "tsv"

	// The CLI.
	cliOut := filepath.Join(dir, "cli."+c.format)
	cliRej := filepath.Join(dir, "cli.rejects")
	args := []string{"augment", "--preset", c.preset, "-k", strconv.Itoa(c.k), "--seed", strconv.FormatUint(c.seed, 10),
		"--on-error", "skip", "--rejects", cliRej, "-o", cliOut}
	args = append(append(args, c.cliArgs...), in)
	cmd := exec.Command(cli(t), args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	require.NoError(t, cmd.Run(), stderr.String())
	m := statsRE.FindStringSubmatch(stderr.String())
	require.NotNil(t, m, stderr.String())

	// Beam on Prism.
	r, ok := recipe.Preset(c.preset)
	require.True(t, ok)
	r.K = c.k
	if c.recipe != nil {
		c.recipe(&r)
	}
	cfg := Config{Recipe: r, Seed: c.seed, Shards: c.shards, NoOriginal: slices.Contains(c.cliArgs, "--no-original")}
	require.NoError(t, cfg.Prepare(context.Background(), in, "", "", ""))
	prefix := filepath.Join(dir, "beam")
	p, s := beam.NewPipelineWithRoot()
	require.NoError(t, Build(s, cfg, Options{Input: in, Output: prefix}))
	res, err := ptest.RunWithMetrics(p)
	require.NoError(t, err)

	var shards []string
	for i := 0; i < c.shards; i++ {
		shards = append(shards, ShardName(prefix, i, c.shards, cfg.Ext()))
	}
	sameMultiset(t, lines(t, header, cliOut), lines(t, header, shards...), "output rows")
	if header {
		cliHead, _ := os.ReadFile(cliOut)
		for _, sh := range shards {
			b, err := os.ReadFile(sh)
			require.NoError(t, err)
			h, _, _ := strings.Cut(string(b), "\n")
			ch, _, _ := strings.Cut(string(cliHead), "\n")
			assert.Equal(t, ch, h, "every shard has the CLI's header")
		}
	}
	sameMultiset(t, rejectRaws(t, cliRej), rejectRaws(t, prefix+"-rejects.jsonl"), "rejected rows")

	counts := map[string]int64{}
	for _, cr := range res.Metrics().AllMetrics().Counters() {
		if cr.Key.Namespace == "textaug" {
			counts[cr.Key.Name] += cr.Result()
		}
	}
	want := []string{m[1], m[2], m[3], m[4], m[5], m[6]}
	got := []string{}
	for _, n := range []string{"rows", "written", "variants", "shortfalls", "variants_missing", "rejected"} {
		got = append(got, strconv.FormatInt(counts[n], 10))
	}
	assert.Equal(t, want, got, "rows, written, variants, shortfalls, missing, rejected")
	assert.NotZero(t, counts["rejected"], "the fixture has bad rows")

	// Shard i holds the rows of 'textaug augment --shard i/n'.
	if c.shards > 1 {
		for i, sh := range shards {
			part := filepath.Join(dir, fmt.Sprintf("cli-part%d.%s", i, c.format))
			pargs := append(slices.Clone(args[:len(args)-1]), "--shard", fmt.Sprintf("%d/%d", i, c.shards), "-o", part, in)
			out, err := exec.Command(cli(t), pargs...).CombinedOutput()
			require.NoError(t, err, string(out))
			sameMultiset(t, lines(t, header, part), lines(t, header, sh), fmt.Sprintf("shard %d", i))
		}
	}
	if c.check != nil {
		c.check(t, dir)
	}
}

// fakeAPy speaks Apertium APy's /translate: eng->X prefixes every line
// with "X:", X->eng removes it and begins the line with "So, ".
type fakeAPy struct {
	mu       sync.Mutex
	requests int
}

func (f *fakeAPy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/listPairs" { // the CLI's probe before the first row
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"responseData": [{"sourceLanguage": "eng", "targetLanguage": "spa"}, {"sourceLanguage": "spa", "targetLanguage": "eng"}, {"sourceLanguage": "eng", "targetLanguage": "cat"}, {"sourceLanguage": "cat", "targetLanguage": "eng"}], "responseDetails": null, "responseStatus": 200}`))
		return
	}
	f.mu.Lock()
	f.requests++
	f.mu.Unlock()
	from, to, _ := strings.Cut(r.FormValue("langpair"), "|")
	ls := strings.Split(r.FormValue("q"), "\n")
	for i, l := range ls {
		if from == "eng" {
			ls[i] = to + ":" + l
		} else {
			ls[i] = "So, " + strings.TrimPrefix(l, from+":")
		}
	}
	q, _ := json.Marshal(strings.Join(ls, "\n"))
	w.Header().Set("Content-Type", "application/json")
	fmt.Fprintf(w, `{"responseData": {"translatedText": %s}, "responseDetails": null, "responseStatus": 200}`, q)
}

func (f *fakeAPy) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

// Why: back-translation goes through the same recipe, batches and
// persistent cache: Beam gives the CLI's rows, and a second run is served
// by the cache alone.
func TestBeamBacktranslationEqualsCLI(t *testing.T) {
	fake := &fakeAPy{}
	srv := httptest.NewServer(fake)
	defer srv.Close()
	dir := t.TempDir()
	beamCache := filepath.Join(dir, "beam-bt.db")
	c := equivCase{
		name: "bt", format: "jsonl", rows: 300, preset: "eda", k: 2, seed: 9, shards: 2,
		cliArgs: []string{"--ops", "swap", "--backtranslate", "apertium", "--bt-url", srv.URL, "--bt-cache", filepath.Join(dir, "cli-bt.db")},
		recipe: func(r *recipe.Recipe) {
			r.Ops, r.Weights = []string{"swap"}, nil
			r.Backtranslate = recipe.BT{Backend: "apertium", URL: srv.URL, Cache: beamCache}
		},
	}
	runEquiv(t, c)
	_, err := os.Stat(beamCache)
	require.NoError(t, err, "the Beam workers filled their cache")

	// The same pipeline again: the cache answers everything. (The worker
	// is shared per process and configuration, so this also shows that
	// the cache is opened once, not per DoFn instance.)
	before := fake.count()
	in := fixture(t, "jsonl", 300)
	r, _ := recipe.Preset("eda")
	r.K = 2
	c.recipe(&r)
	cfg := Config{Recipe: r, Seed: 9, Shards: 1}
	require.NoError(t, cfg.Prepare(context.Background(), in, "", "", ""))
	p, s := beam.NewPipelineWithRoot()
	require.NoError(t, Build(s, cfg, Options{Input: in, Output: filepath.Join(t.TempDir(), "again")}))
	_, err = ptest.RunWithMetrics(p)
	require.NoError(t, err)
	assert.Equal(t, before, fake.count(), "no request on a re-run")
}
