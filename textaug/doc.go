// Package textaug makes label-preserving variants of short texts: the
// sentences that intent and sentiment classifiers learn from.
//
// The pieces:
//
//   - An [Augmenter] prepares a text once and returns a [Draw] that makes
//     one candidate variant from a random stream. [Tokens] is the
//     augmenter of token-level strategies: it tokenizes and tags the text
//     once, applies the protection [Policy] once, and runs an [Edit] per
//     attempt; a text longer than [PieceBytes] is prepared and edited
//     piece by piece ([Pieces]).
//   - Edits are plain structs with documented zero values, one file each:
//     [SynonymReplace], [RandomInsert], [RandomSwap], [RandomDelete] (EDA)
//     and [Punctuation] (AEDA). [OneOf], [Chain] and [Sometimes] compose
//     them; [EDA] builds the paper's one-operation-per-variant mix.
//   - A [Policy] freezes what carries the label: numbers, amounts,
//     percents, dates, identifiers, URLs, emails, negations, proper nouns,
//     and whatever the user lists.
//   - A [StatsBuilder] reads a labelled corpus once, row by row, and
//     makes [CorpusStats]: each label's anchors (the words it lives on),
//     the corpus entities, and the contexts its words fill. A Policy with
//     [CorpusLocks] never deletes or moves a label's anchors and freezes
//     entities; [LabelSwap] replaces a word by one the label's other rows
//     use in the same context. Stats files ([CorpusStats.WriteTo],
//     [ReadStats]) let shards share them.
//   - A [Sampler] asks for K distinct variants per record, never the input,
//     each attempt drawing from its own [Stream](seed, key, attempt), so
//     output is byte-identical for any worker count, input order or shard.
//
// Randomness is always an argument; nothing here has global state that
// changes results.
package textaug
