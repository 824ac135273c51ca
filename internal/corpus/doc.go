// Package corpus reads and writes labelled training corpora as streams of
// rows: CSV (RFC 4180), TSV, JSONL and plain text, optionally gzipped.
//
// A [Reader] turns an input into [Record] values one row at a time; a
// [Writer] writes a record back with its text replaced, everything else
// unchanged, so that an augmented corpus keeps every column or member of its
// input; a [RejectWriter] records the rows that could not be read, located
// and verbatim, so that no input row is ever lost silently.
//
// [MergeShards] puts the outputs of a sharded run back together in the
// order of a single run, copying every row's bytes unchanged but for the
// [Run] each carries ([WriterOptions].Run), after checking with
// [CheckShards] that they are the shards of one run, each exactly once.
//
// # Formats
//
//   - CSV: RFC 4180. The first row is the header. Fields may be quoted;
//     quoted fields may hold commas, doubled quotes ("") and line ends, which
//     are kept exactly (CRLF inside a quoted field stays CRLF). Rows end with
//     LF or CRLF. A quote inside an unquoted field, anything but a comma or a
//     line end after a closing quote, and a quote that is never closed are
//     row errors. See [Reader] for how the reader recovers from them.
//   - TSV: one row per line, fields separated by tabs, no quoting at all:
//     quotes are ordinary characters. The first line is the header.
//   - JSONL: one JSON object per line. Members of any JSON type are kept
//     byte for byte and in their order; blank lines are skipped.
//   - Text: one text per line, no header, no label. Every line is a
//     record, an empty one too (its text is empty); invalid UTF-8 is a row
//     error.
//
// In every format a UTF-8 byte order mark at the very start is dropped,
// CRLF and LF line ends are accepted (and so is a CR that ends the input),
// lines may be as long as [ReaderOptions.MaxRowBytes] (1 MiB by default),
// and empty lines between rows are skipped (they count as lines, not as
// rows; in JSONL, lines of white space too), except in Text.
//
// The CSV reader is a small RFC 4180 parser, not encoding/csv, which
// rewrites CRLF inside quoted fields as LF, does not hand out a row's raw
// bytes for rejects, and after an unterminated quote has consumed the rest
// of the input, so that it cannot resynchronise on the next line.
//
// # Errors
//
// A bad row is reported as a [*RowError], located by file, line and byte
// column in the style "corpus: train.csv:17:3: unterminated quote"; the
// reader then goes on with the next row. The sentinel errors ([ErrQuote],
// [ErrFieldCount], ...) are wrapped by RowError.Err and can be tested with
// [errors.Is]. Columns count bytes from 1 and from the start of the line; on
// the first line they count from after a byte order mark.
package corpus
