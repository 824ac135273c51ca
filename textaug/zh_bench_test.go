package textaug_test

import (
	"testing"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/internal/shareddata"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// BenchmarkReadableChinese is the record path of the default preset
// (readable) on Chinese as `textaug augment --lang zh -k 9` runs it: the
// Chinese tokenizer, the preset's policy and edits, k = 9 (so up to 46
// attempts a record, most of the short texts running out of distinct
// variants), over crosswoz_intent_zh texts.
func BenchmarkReadableChinese(b *testing.B) {
	texts := shareddata.Texts(b, "crosswoz_intent_zh", 2000)
	aug, closeAug := readableChinese(b)
	defer closeAug()
	smp := textaug.Sampler{Aug: aug, K: 9, Seed: 1}
	benchSampler(b, smp, texts[0], texts, "records")
}

// BenchmarkReadableChineseEdits is the readable preset's edits alone on
// one tokenized Chinese record, attempt after attempt (what Sampler does
// between re-seeding its generator): delete (fillers only), swap (within
// a clause, neighbours only), punct and synonym, one of them per attempt.
func BenchmarkReadableChineseEdits(b *testing.B) {
	aug, closeAug := readableChinese(b)
	defer closeAug()
	smp := textaug.Sampler{Aug: aug, K: 1000, Seed: 1, MaxTries: 1000}
	if _, err := (tokenize.Chinese{}).Tokenize("预热"); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	attempts := 0
	for b.Loop() {
		res, err := smp.Sample(b.Context(), "", "这家餐馆的周边有哪些景点啊？我想去看看，请帮我查一下。")
		if err != nil {
			b.Fatal(err)
		}
		attempts += 1000
		_ = res
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(attempts), "ns/attempt")
}

// readableChinese builds the default preset's Augmenter for --lang zh as
// `textaug augment` does (no labels).
func readableChinese(b *testing.B) (textaug.Augmenter, func() error) {
	rec, ok := recipe.Preset(recipe.DefaultPreset)
	if !ok {
		b.Fatal("no default preset")
	}
	rec.Lang = "zh"
	aug, closeAug, err := rec.WordsAndLLM()
	if err != nil {
		b.Fatal(err)
	}
	return aug, closeAug
}
