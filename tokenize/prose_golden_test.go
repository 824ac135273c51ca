package tokenize

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// proseGoldenTags is, per shared data split, the SHA-256 of the tags the
// tagger gave every text of the split before the tagger's fourth round of
// optimisation (docs/performance.md: memoised tag-history scores, a tighter
// weight loop). The words are Tokenize's, as they are and in lower case;
// for the Chinese crosswoz set, those of each stretch without a Han
// character (its Latin parts: "wifi", "KTV", figures). The digest covers
// each word, its tag and the text boundaries, so that any changed tag
// changes it. Regenerate only for a change that is meant to change tags:
// TEXTAUG_PROSE_GOLDEN=print go test ./tokenize -run ProseGolden -v.
var proseGoldenTags = map[string]string{
	"banking77/train.jsonl":                     "e241f766f6d3f770745a058722d0435ef324d46b2818cfccb9c616c3fc942779", // 10003 word sequences, 269958 words
	"banking77/test.jsonl":                      "5819f571e87f48cddefd58d6aecbccfe2ead59acb84409fdbb1258481ab34c87", // 3080 word sequences, 76248 words
	"financial_phrasebank_allagree/train.jsonl": "f1e50d59015eaf42e35422c50534201e71eebf02b543490a974e1d4e6c86fac6", // 1807 word sequences, 77908 words
	"financial_phrasebank_allagree/test.jsonl":  "6f4341f07fb16eace9d21be9cbaf271987e0836d321fec8193dff8e9b0f3e2b3", // 452 word sequences, 20282 words
	"financial_phrasebank_50agree/train.jsonl":  "db69b5f2d40ac9123b7842a4b5388367fd06d2de81dfadd599585f45a922971e", // 3869 word sequences, 175442 words
	"financial_phrasebank_50agree/test.jsonl":   "c335a4a9c4fdd26b9dc2e63a9f533a6e6e92479fbeed544fe17dafd92efb1d07", // 967 word sequences, 44548 words
	"crosswoz_intent_zh/train.jsonl":            "0c8777db24d50a589bbde69f12d7816e46afad12823567a6b2541d7d470885b0", // 2146 word sequences, 4302 words
	"crosswoz_intent_zh/test.jsonl":             "6483a7b9bc384d738543ea2fd90c07440f97981dcfac8d3f7fbfa11410f12a41", // 1934 word sequences, 3874 words
}

// proseGoldenSplits are the shared splits TestProseGoldenTags tags.
var proseGoldenSplits = []string{
	"banking77/train.jsonl", "banking77/test.jsonl",
	"financial_phrasebank_allagree/train.jsonl", "financial_phrasebank_allagree/test.jsonl",
	"financial_phrasebank_50agree/train.jsonl", "financial_phrasebank_50agree/test.jsonl",
	"crosswoz_intent_zh/train.jsonl", "crosswoz_intent_zh/test.jsonl",
}

// proseGoldenWords returns the word sequences of text that the golden test
// tags: Tokenize's words of text, or of each stretch without a Han
// character when latin is set.
func proseGoldenWords(text string, latin bool) [][]string {
	parts := []string{text}
	if latin {
		parts = strings.FieldsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) })
	}
	var out [][]string
	for _, p := range parts {
		var words []string
		for _, tok := range Tokenize(p) {
			if tok.Kind != Space {
				words = append(words, tok.Text)
			}
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// TestProseGoldenTags tags every text of the shared banking77,
// financial_phrasebank and crosswoz splits (Latin parts) and compares the
// digest of the tags with the one the tagger gave before its scoring was
// optimised: the optimisations change no tag.
func TestProseGoldenTags(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: tags ~30k texts twice")
	}
	if _, err := os.Stat(proseSharedData); err != nil {
		t.Skipf("shared data not found at %s (the repository is expected beside shared/): %v", proseSharedData, err)
	}
	tg := proseTestModel(t)
	for _, name := range proseGoldenSplits {
		h := sha256.New()
		words, texts := 0, 0
		for _, text := range proseReadJSONL(t, filepath.Join(proseSharedData, name)) {
			for _, ws := range proseGoldenWords(text, strings.HasPrefix(name, "crosswoz")) {
				lower := make([]string, len(ws))
				for i, w := range ws {
					lower[i] = strings.ToLower(w)
				}
				for _, seq := range [][]string{ws, lower} {
					tags := make([]string, len(seq))
					tg.Tag(seq, tags)
					for i := range seq {
						h.Write([]byte(seq[i] + "\x00" + tags[i] + "\x00"))
					}
					h.Write([]byte{'\n'})
					words += len(seq)
				}
				texts++
			}
		}
		got := hex.EncodeToString(h.Sum(nil))
		if os.Getenv("TEXTAUG_PROSE_GOLDEN") == "print" {
			t.Logf("%q: %q, // %d word sequences, %d words", name, got, texts, words)
			continue
		}
		require.Equal(t, proseGoldenTags[name], got, "%s: %d word sequences, %d words", name, texts, words)
	}
}
