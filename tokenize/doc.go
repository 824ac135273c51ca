// Package tokenize splits text into tokens that carry byte spans, a kind
// and a part-of-speech tag, and joins them back without loss.
//
//   - [Tokenize] is the lossless English tokenizer: Join(Tokenize(s)) == s
//     for every string s, valid UTF-8 or not.
//   - Numbers, amounts, percents, dates and times, identifiers (order,
//     account, card and phone numbers, tickers), URLs, emails and emoji are
//     single tokens of their own [Kind], even when they span spaces
//     ("EUR 25.8 mn", "3 percent", "5 March 2024"), so that a protection
//     policy can keep them byte-identical.
//   - Contractions split the Penn Treebank way ("can't" -> "ca" + "n't"), so
//     that the negation stays a token of its own and is never turned into
//     "cant".
//   - [English] tokenizes and tags once per text with a [Tagger]; [Prose] is
//     the default tagger, prose v2's averaged perceptron.
//   - [Chinese] segments Chinese (and mixed Chinese, English and digit)
//     text as gse does, over jieba's dictionary compiled into the binary
//     and read in place; Chinese numerals, amounts, percents, dates
//     and identifiers become figure tokens like their English kin. [Auto]
//     picks English or Chinese per text by [Language], and [NeedSpace] says
//     whether two tokens written side by side need a space between them
//     (never next to a CJK character).
//
// Tokens never include white space: the spaces between them are tokens of
// kind [Space], so edits that drop or insert tokens decide about spacing
// explicitly and every untouched span keeps its original bytes.
package tokenize
