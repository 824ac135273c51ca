package textaug_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/textaug/textaug/internal/recipe"
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
	benchSampler(b, smp, "warm up the tagger and the table", texts, "sentences")
}

// benchSampler samples one text of texts per iteration after a warm-up
// text and reports unit/s and variants per unit.
func benchSampler(b *testing.B, smp textaug.Sampler, warm string, texts []string, unit string) {
	ctx := context.Background()
	if _, err := smp.Sample(ctx, "", warm); err != nil {
		b.Fatal(err)
	}
	variants := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := smp.Sample(ctx, "", texts[i%len(texts)])
		if err != nil {
			b.Fatal(err)
		}
		variants += len(res.Variants)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), unit+"/s")
	b.ReportMetric(float64(variants)/float64(b.N), "variants/"+strings.TrimSuffix(unit, "s"))
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

// benchPreset runs the Sampler as the augment engine builds it for a
// preset without back-translation (recipe, policy, tokenizer, synonym
// sources; k from the preset, seed 1) over real sentences, one record per
// iteration.
func benchPreset(b *testing.B, preset string, texts []string) {
	rec, ok := recipe.Preset(preset)
	if !ok {
		b.Fatalf("no preset %q", preset)
	}
	aug, closeAug, err := rec.WordsAndLLM()
	if err != nil {
		b.Fatal(err)
	}
	defer closeAug()
	smp := textaug.Sampler{Aug: aug, K: rec.K, Seed: 1, MaxTries: rec.MaxTries}
	benchSampler(b, smp, texts[0], texts, "records")
}

// BenchmarkSamplerPreset is the Sampler per record for the eda preset, the
// default (readable) and shuffle (the default before it), on English (banking77 and
// financial_phrasebank) and Chinese (crosswoz and cped) sentences.
func BenchmarkSamplerPreset(b *testing.B) {
	for _, preset := range []string{"eda", "readable", "shuffle"} {
		b.Run(preset+"/en", func(b *testing.B) {
			benchPreset(b, preset, shareddata.Mixed(b, 2000, "banking77", "financial_phrasebank_50agree"))
		})
		b.Run(preset+"/zh", func(b *testing.B) {
			benchPreset(b, preset, shareddata.Mixed(b, 2000, "crosswoz_intent_zh", "cped_sentiment_zh"))
		})
	}
}

// BenchmarkStream compares the streams of the twelve attempts of a record
// (4·k + 10 tries for k = 9 are at most 46; 12 is what EDA needs on
// average): one SHA-256 per attempt and a new generator each (Stream), or
// one digest per record and one generator re-seeded per attempt, as the
// Sampler does.
func BenchmarkStream(b *testing.B) {
	key := "I am still waiting on my card, it was ordered two weeks ago"
	b.Run("per-attempt", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for a := range 12 {
				_ = textaug.Stream(1, key, a).Uint64()
			}
		}
	})
	b.Run("per-record", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rs := textaug.NewRecordSeed(1, key)
			src := rand.NewChaCha8(rs.AttemptSeed(0))
			r := rand.New(src)
			for a := range 12 {
				src.Seed(rs.AttemptSeed(a))
				_ = r.Uint64()
			}
		}
	})
}
