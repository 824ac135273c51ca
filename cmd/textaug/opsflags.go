package main

import (
	"slices"

	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/tokenize"
)

// opsNotes says what the recipe's operations do not do for text, for
// explain: contraction and typo leave Chinese alone.
func opsNotes(r recipe.Recipe, text string) []string {
	if tokenize.Language(text) != "zh" && r.Lang != "zh" {
		return nil
	}
	var notes []string
	if slices.Contains(r.Ops, "contraction") {
		notes = append(notes, "contraction: Chinese has no contractions; the operation leaves Chinese text as it is")
	}
	if slices.Contains(r.Ops, "typo") {
		notes = append(notes, "typo: English typing noise; Chinese text is left as it is (pinyin is Chinese typing noise)")
	}
	return notes
}
