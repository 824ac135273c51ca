package eval

import "encoding/hex"

// Internals exposed to the external tests.

// LRSKeyHex returns the lrs-v1 key of text as 64 lowercase hex digits.
func LRSKeyHex(seed int, text string) string {
	k := lrsKey(seed, text)
	return hex.EncodeToString(k[:])
}

// TotalQuotas is the quota computation of LRSTotal.
var TotalQuotas = totalQuotas

// CeilFraction is the exact ceiling of LRSFraction.
var CeilFraction = ceilFraction

// Analyze returns the n-grams a extracts from text, in extraction order.
func Analyze(a Analyzer, text string) []string {
	terms, _ := analyze(a, nil, nil, text)
	return terms
}
