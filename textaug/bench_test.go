package textaug_test

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// sharedData is where the shared evaluation datasets live, beside the
// repository; benchmarks and tests that need real text skip without it.
var sharedData = filepath.Join("..", "..", "shared", "data")

// benchSentences reads up to n texts from the train splits of banking77
// and financial_phrasebank_50agree, alternating between them.
func benchSentences(b *testing.B, n int) []string {
	b.Helper()
	var sets [][]string
	for _, d := range []string{"banking77", "financial_phrasebank_50agree"} {
		f, err := os.Open(filepath.Join(sharedData, d, "train.jsonl"))
		if err != nil {
			b.Skipf("shared data absent (%v): benchmarks need ../shared/data", err)
		}
		var texts []string
		sc := bufio.NewScanner(f)
		for sc.Scan() && len(texts) < n/2 {
			var rec struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				b.Fatal(err)
			}
			texts = append(texts, rec.Text)
		}
		f.Close()
		sets = append(sets, texts)
	}
	var out []string
	for i := 0; i < n/2; i++ {
		for _, s := range sets {
			if i < len(s) {
				out = append(out, s[i])
			}
		}
	}
	return out
}

// BenchmarkTokenizeTag is tokenization plus tagging alone.
func BenchmarkTokenizeTag(b *testing.B) {
	texts := benchSentences(b, 2000)
	if _, err := (tokenize.English{}).Tokenize("warm up"); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := (tokenize.English{}).Tokenize(texts[i%len(texts)]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
}

func benchEDA(b *testing.B, src synonyms.Source) {
	texts := benchSentences(b, 2000)
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.EDA(src, 0.1)}, K: 9, Seed: 1}
	ctx := context.Background()
	if _, err := smp.Sample(ctx, "", "warm up the tagger and the table"); err != nil {
		b.Fatal(err)
	}
	variants := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := smp.Sample(ctx, "", texts[i%len(texts)])
		if err != nil {
			b.Fatal(err)
		}
		variants += len(res.Variants)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "sentences/s")
	b.ReportMetric(float64(variants)/float64(b.N), "variants/sentence")
}

// BenchmarkEDATable is a full EDA pass (k=9, α=0.1, four operations) with
// the small test table as synonym source.
func BenchmarkEDATable(b *testing.B) { benchEDA(b, table) }

// BenchmarkEDAWordNet is the full EDA pass with the default English source
// (domain packs over the embedded WordNet, polarity guard, memoised).
func BenchmarkEDAWordNet(b *testing.B) {
	src, err := builtin.Default()
	if err != nil {
		b.Fatal(err)
	}
	benchEDA(b, src)
}
