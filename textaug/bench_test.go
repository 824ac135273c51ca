package textaug_test

import (
	"context"
	"testing"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// BenchmarkTokenizeTag is tokenization plus tagging alone.
func BenchmarkTokenizeTag(b *testing.B) {
	texts := shareddata.Mixed(b, 2000, "banking77", "financial_phrasebank_50agree")
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
	texts := shareddata.Mixed(b, 2000, "banking77", "financial_phrasebank_50agree")
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
