package textaug_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/textaug/textaug/internal/shareddata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// formClass is the grammatical form a Penn tag asks for.
func formClass(tag string) string {
	switch tag {
	case "NN", "NNP":
		return "singular"
	case "NNS", "NNPS":
		return "plural"
	case "VB", "VBP":
		return "base"
	case "VBZ":
		return "3sg"
	case "VBD", "VBN":
		return "past"
	case "VBG":
		return "gerund"
	case "JJR", "RBR":
		return "comparative"
	case "JJS", "RBS":
		return "superlative"
	case "JJ", "RB":
		return "positive"
	}
	return tag
}

// TestReplacementsKeepTheirForm replaces one word in each of 500 real
// sentences (banking77 and financial_phrasebank_allagree, test splits)
// with the default English source, tags the variant again, and checks that
// the replacement has the grammatical form of the word it replaced
// (plural for plural, past for past, ...). It logs the share and 30
// before/after samples (go test -run TestReplacementsKeepTheirForm -v).
func TestReplacementsKeepTheirForm(t *testing.T) {
	texts := append(shareddata.Read(t, "banking77", "test", 250).Texts, shareddata.Read(t, "financial_phrasebank_allagree", "test", 250).Texts...)
	src, err := builtin.Default()
	require.NoError(t, err)
	tagger, err := tokenize.Prose()
	require.NoError(t, err)
	aug := textaug.Tokens{}
	sr := textaug.SynonymReplace{Source: src, Max: 1}
	var total, sameClass, sameTag int
	var samples []string
	var perHalf [2]int
	for i, text := range texts {
		toks, err := aug.Analyse(text)
		require.NoError(t, err)
		out := sr.Edit(textaug.Stream(1, text, 0), toks)
		if len(out) == len(toks) && tokenize.Join(out) == text {
			continue // nothing replaceable
		}
		// The replaced token is the one source token missing from out;
		// the inserted run stands where it stood.
		kept := map[int]bool{}
		for _, tk := range out {
			if !tk.Inserted() {
				kept[tk.Start] = true
			}
		}
		var orig tokenize.Token
		for _, tk := range toks {
			if tk.Kind != tokenize.Space && !kept[tk.Start] {
				orig = tk
			}
		}
		retagged := append([]tokenize.Token(nil), out...)
		tokenize.TagTokens(tagger, retagged)
		var run []tokenize.Token
		for _, tk := range retagged {
			if tk.Inserted() && tk.Kind == tokenize.Word {
				run = append(run, tk)
			}
		}
		require.NotEmpty(t, run, text)
		head := run[0] // verbs inflect their first word ("took off")
		if strings.HasPrefix(orig.Tag, "NN") {
			head = run[len(run)-1] // nouns their last ("credit cards")
		}
		total++
		if formClass(head.Tag) == formClass(orig.Tag) {
			sameClass++
		} else if os.Getenv("TEXTAUG_SHOW_MISMATCH") != "" {
			t.Logf("MISMATCH %s/%s -> %s/%s: %s", orig.Text, orig.Tag, head.Text, head.Tag, tokenize.Join(out))
		}
		if head.Tag == orig.Tag {
			sameTag++
		}
		if half := i / 250; i%8 == 0 && perHalf[half] < 15 { // 15 of each data set
			perHalf[half]++
			samples = append(samples, text+"\n    -> "+tokenize.Join(out)+"   ("+orig.Text+"/"+orig.Tag+" -> "+head.Text+"/"+head.Tag+")")
		}
	}
	require.Greater(t, total, 300, "most sentences have a replaceable word")
	share := float64(sameClass) / float64(total)
	t.Logf("%d replacements in %d sentences: %.1f%% keep the form class, %.1f%% the exact tag", total, len(texts), 100*share, 100*float64(sameTag)/float64(total))
	for _, s := range samples {
		t.Log(s)
	}
	assert.GreaterOrEqual(t, share, 0.8, "inflection kept (the re-tagging itself errs on some)")
}

// TestProtectionOnRealSentences runs the default EDA pipeline (k=9) over
// 2,000 real customer-service and finance sentences and checks every
// variant: distinct, never the input, every protected token (amounts,
// numbers, percents, dates, identifiers, negations, entities) still there.
func TestProtectionOnRealSentences(t *testing.T) {
	texts := append(shareddata.Read(t, "banking77", "test", 1000).Texts, shareddata.Read(t, "financial_phrasebank_50agree", "test", 1000).Texts...)
	src, err := builtin.Default()
	require.NoError(t, err)
	smp := textaug.Sampler{Aug: textaug.Tokens{Edit: textaug.EDA(src, 0.1)}, K: 9, Seed: 7}
	variants, short := 0, 0
	for _, s := range texts {
		res, err := smp.Sample(context.Background(), "", s)
		require.NoError(t, err)
		seen := map[string]bool{strings.Join(strings.Fields(s), " "): true}
		for _, v := range res.Variants {
			n := strings.Join(strings.Fields(v.Text), " ")
			require.False(t, seen[n], "duplicate or input: %q", v.Text)
			seen[n] = true
			checkProtected(t, s, v.Text)
		}
		variants += len(res.Variants)
		short += res.Shortfall
	}
	t.Logf("%d sentences: %d variants, %d missing (%.2f%%)", len(texts), variants, short, 100*float64(short)/float64(9*len(texts)))
	assert.Less(t, short, 9*len(texts)/20, "shortfalls stay rare")
}
