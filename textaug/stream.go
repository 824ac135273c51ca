package textaug

import (
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
)

// Stream returns the random stream for one attempt at one record: a
// ChaCha8 generator seeded with SHA-256(seed, attempt, key). The stream
// depends on nothing else, which is what makes output independent of
// worker count, input order and sharding.
func Stream(seed uint64, key string, attempt int) *rand.Rand {
	var hdr [16]byte
	binary.LittleEndian.PutUint64(hdr[:8], seed)
	binary.LittleEndian.PutUint64(hdr[8:], uint64(attempt))
	h := sha256.New()
	h.Write(hdr[:])
	h.Write([]byte(key))
	var s [32]byte
	h.Sum(s[:0])
	return rand.New(rand.NewChaCha8(s))
}

// Split draws a child stream from r: composites hand each child its own
// stream, in a fixed order, so that a child's draws never shift another's.
func Split(r *rand.Rand) *rand.Rand {
	var s [32]byte
	for i := 0; i < 4; i++ {
		binary.LittleEndian.PutUint64(s[8*i:], r.Uint64())
	}
	return rand.New(rand.NewChaCha8(s))
}
