package textaug

// Figures returns what KeepsFigures compares: the figures of text
// (numbers, amounts, percents, dates, identifiers, URLs and emails, as
// written, sorted) and its number of negations. The slice is the caller's.
func Figures(text string) (figs []string, negations int) {
	return figures(text)
}
