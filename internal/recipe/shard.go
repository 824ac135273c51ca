package recipe

import (
	"crypto/sha256"
	"encoding/binary"
)

// ShardOf returns the shard, in [0, n), of the record whose key is key:
// the first 8 bytes of SHA-256(key), read as a big-endian uint64, modulo
// n. n < 1 counts as 1.
//
// The key is what textaug.Sampler uses as the record key: the record's
// text, exactly as read (a CSV field unquoted, a JSON string decoded),
// as UTF-8 bytes. Equal texts therefore land in the same shard, where
// they get the same variants as in a single run. A row that the reader
// rejects has no text; its key is its raw bytes (corpus.RowError.Raw).
//
// The CLI's --shard and the Beam pipeline (module beam/) both use it; it
// is part of the documented interface and must never change.
func ShardOf(key string, n int) int {
	if n <= 1 {
		return 0
	}
	sum := sha256.Sum256([]byte(key))
	return int(binary.BigEndian.Uint64(sum[:8]) % uint64(n))
}
