package textaug

import "github.com/textaug/textaug/synonyms"

// EDA returns the four operations of Easy Data Augmentation (Wei and Zou,
// 2019) with one rate alpha for all, one operation per variant: synonym
// replacement, random insertion, random swap and random deletion. The
// paper suggests alpha = 0.1 and 9 variants per sentence for small
// training sets (16 for fewer than 500 sentences).
func EDA(src synonyms.Source, alpha float64) Edit {
	return OneOf{Edits: []Edit{
		SynonymReplace{Source: src, Rate: alpha},
		RandomInsert{Source: src, Rate: alpha},
		RandomSwap{Rate: alpha},
		RandomDelete{Rate: alpha},
	}}
}
