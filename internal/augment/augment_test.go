package augment_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/backtranslate"
	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/corpus"
	"github.com/textaug/textaug/internal/recipe"
)

// fakeAPy speaks Apertium APy's /translate: eng->X prefixes each line with
// "X:", X->eng strips it and begins the line with "So, ". A request with a
// line holding "refund" fails with 503, as a busy server does.
func fakeAPy(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		from, to, _ := strings.Cut(r.FormValue("langpair"), "|")
		lines := strings.Split(r.FormValue("q"), "\n")
		for i, l := range lines {
			if strings.Contains(l, "refund") {
				http.Error(w, "busy", http.StatusServiceUnavailable)
				return
			}
			if from == "eng" {
				lines[i] = to + ":" + l
			} else {
				lines[i] = "So, " + strings.TrimPrefix(l, from+":")
			}
		}
		q := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(strings.Join(lines, "\n"))
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"responseData": {"translatedText": "`+q+`"}, "responseStatus": 200}`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func items(t *testing.T, text string) []augment.Item {
	r, err := corpus.NewReader(strings.NewReader(text), corpus.ReaderOptions{Format: corpus.Text, Name: "in.txt"})
	require.NoError(t, err)
	var out []augment.Item
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		var re *corpus.RowError
		if errors.As(err, &re) {
			out = append(out, augment.Item{Bad: re})
			continue
		}
		require.NoError(t, err)
		out = append(out, augment.Item{Rec: rec})
	}
}

// Why: Rows and Sample are one loop: the same variants, counts that add
// up, bad rows kept in skip mode and fatal in stop mode, and the engine's
// seed decides everything (WithSeed shares the augmenters).
func TestRowsAndSampleAgree(t *testing.T) {
	rec, _ := recipe.Preset("shuffle")
	rec.K = 3
	eng, err := augment.New(rec, 7)
	require.NoError(t, err)
	defer eng.Close()
	w, err := corpus.NewWriter(io.Discard, corpus.WriterOptions{Format: corpus.Text, Extra: augment.ProvenanceColumns()})
	require.NoError(t, err)
	in := items(t, "I lost my card yesterday\nbad \xff byte\n\nwhy was my transfer declined?\n")
	ctx := context.Background()

	b, err := eng.WithOutput(augment.Output{Writer: w, Provenance: true, Skip: true}).Rows(ctx, in)
	require.NoError(t, err)
	assert.Equal(t, augment.Stats{Rows: 4, Written: 3, Rejected: 1, Variants: 6, Short: 1, Missing: 3, ShortBy: map[string]int{"empty text": 1}}, b.Stats)
	require.Len(t, b.Rows, 4)
	assert.NotNil(t, b.Rows[1].Bad)
	assert.True(t, strings.HasPrefix(string(b.Rows[0].Out), "1\t0\t\tI lost my card yesterday\n1\t1\t"), string(b.Rows[0].Out))

	res, err := eng.Sample(ctx, []string{"I lost my card yesterday", "why was my transfer declined?"})
	require.NoError(t, err)
	assert.Equal(t, b.Rows[0].Result, res[0])
	assert.Equal(t, b.Rows[3].Result, res[1])
	other, err := eng.WithSeed(8).Sample(ctx, []string{"I lost my card yesterday"})
	require.NoError(t, err)
	assert.NotEqual(t, res[0].Variants, other[0].Variants, "another seed, other variants")
	assert.Equal(t, uint64(7), eng.Seed())

	b, err = eng.WithOutput(augment.Output{Writer: w, Provenance: true}).Rows(ctx, in)
	var re *corpus.RowError
	require.ErrorAs(t, err, &re, "stop mode ends at the bad row")
	assert.Equal(t, 2, re.Line)
	assert.Equal(t, augment.Stats{Rows: 2, Written: 1, Rejected: 1, Variants: 3}, b.Stats)
}

// Why: a batch whose translations fail is sampled without
// back-translation, its rows keep the typed failure and are counted by
// type, the first one located; the other batches are not affected.
func TestBacktranslationMissesAreCountedByType(t *testing.T) {
	rec := recipe.Recipe{Name: "bt", K: 2, Ops: []string{"swap"}, Alpha: 0.2,
		Synonyms:      recipe.Synonyms{Base: "none", Guard: "off"},
		Backtranslate: recipe.BT{Backend: "apertium", URL: fakeAPy(t), Cache: "none", Retries: new(1), Timeout: "5s"}}
	require.NoError(t, rec.Validate())
	eng, err := augment.New(rec, 1)
	require.NoError(t, err)
	defer eng.Close()
	assert.True(t, eng.Backtranslates())
	ctx := context.Background()

	b, err := eng.Rows(ctx, items(t, "where is my refund\nmy card was taken by the machine\n"))
	require.NoError(t, err)
	assert.Equal(t, 2, b.Stats.NoBacktranslation, "the whole batch failed")
	assert.Contains(t, b.Stats.FirstNoBacktranslation, "row 1 (line 1): backtranslate: apertium: spa: HTTP 503")
	var bt *backtranslate.Error
	require.ErrorAs(t, b.Rows[1].Result.Missed, &bt)
	assert.Equal(t, "apertium", bt.Backend)
	assert.Len(t, b.Rows[1].Result.Misses(), 1)

	b, err = eng.Rows(ctx, items(t, "my card was taken by the machine\n"))
	require.NoError(t, err)
	assert.Zero(t, b.Stats.NoBacktranslation)
	assert.Nil(t, b.Rows[0].Result.Missed)
	var ops []string
	for _, v := range b.Rows[0].Result.Variants {
		ops = append(ops, v.Ops...)
	}
	assert.Contains(t, ops, "backtranslate:cat")
}
