// Package pipeline runs textaug on Apache Beam: it reads a corpus with
// Beam's text IO, augments every row with the same recipe and Sampler as
// the CLI (so the same seed gives the same variants, row for row), and
// writes sharded output in the input's format.
//
// The pipeline:
//
//	textio.Read(glob) ──► augmentFn (parse one line, Sampler, encode) ──► KV<shard, rows>
//	                              │                                            │
//	                              └─► rejects (JSONL) ──► textio.Write         ▼
//	                                                           GroupByKey ──► writeShardFn: <output>-SSSSS-of-NNNNN.<ext>
//
// What is the same as the CLI: the recipe (built by internal/recipe), the
// Sampler and its per-record random streams (a variant depends only on the
// seed, the text and the attempt), and the encoding of every row
// (internal/corpus). Shard i of n holds the rows of the records that
// recipe.ShardOf puts in shard i: the same rows as `textaug augment
// --shard i/n`, in another order. Rows are written in no particular order;
// compare outputs as multisets of rows.
//
// What differs, because text IO reads lines: one physical line is one
// row, so a CSV field holding a quoted line end cannot be read (its pieces
// are rejected with a note saying so; use the CLI or JSONL for such
// data); every line equal to the CSV or TSV header is taken as a header
// (each file of a glob has one); rows are always skipped and rejected,
// never fatal (the CLI's --on-error skip); rejects carry no line numbers
// (text IO does not know them), and there is no --provenance, whose
// source_row is a line number too.
//
// Heavy data (the WordNet table, the tagger model, the synonym memo, the
// translation cache) is loaded once per worker process, in the Setup of
// the first DoFn instance that needs it, and shared by every instance in
// that process. Back-translation is batched: rows are buffered and
// translated together (RoundTrip.Prefetch) every BTBatch rows and at the
// end of each bundle, through the recipe's persistent cache, which is a
// file on the worker's local disk.
package pipeline
