package textaug

import (
	"crypto/sha256"
	"encoding/binary"
	"math/rand/v2"
	"sync"
)

// Stream returns the random stream for one attempt at one record:
// RecordSeed(seed, key).Stream(attempt). The stream depends on nothing
// else, which is what makes output independent of worker count, input
// order and sharding.
func Stream(seed uint64, key string, attempt int) *rand.Rand {
	return NewRecordSeed(seed, key).Stream(attempt)
}

// RecordSeed is the digest of a run's seed and a record's key from which
// the streams of every attempt at that record derive: SHA-256 is computed
// once per record, not once per attempt.
type RecordSeed [32]byte

// NewRecordSeed returns SHA-256(seed as 8 little-endian bytes, key).
func NewRecordSeed(seed uint64, key string) RecordSeed {
	var buf [256]byte // most keys fit: no allocation
	b := buf[:8]
	if 8+len(key) > len(buf) {
		b = make([]byte, 8, 8+len(key))
	}
	binary.LittleEndian.PutUint64(b, seed)
	return sha256.Sum256(append(b, key...))
}

// Stream returns the stream of attempt a: a ChaCha8 generator seeded with
// AttemptSeed(a).
func (s RecordSeed) Stream(attempt int) *rand.Rand {
	return rand.New(rand.NewChaCha8(s.AttemptSeed(attempt)))
}

// AttemptSeed returns the ChaCha8 seed of attempt a: each 64-bit word of
// the digest, plus a multiple of the attempt number, through SplitMix64's
// finaliser, so that every attempt gets an unrelated key.
func (s RecordSeed) AttemptSeed(attempt int) [32]byte {
	var out [32]byte
	a := uint64(attempt) + 1
	for i := 0; i < 4; i++ {
		w := binary.LittleEndian.Uint64(s[8*i:])
		binary.LittleEndian.PutUint64(out[8*i:], mix64(w+a*0x9e3779b97f4a7c15+uint64(i)))
	}
	return out
}

// mix64 is SplitMix64's finaliser, a bijection of 64-bit words.
func mix64(z uint64) uint64 {
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

// Split draws a child stream from r: composites hand each child its own
// stream, in a fixed order, so that a child's draws never shift another's.
func Split(r *rand.Rand) *rand.Rand {
	return rand.New(rand.NewChaCha8(splitSeed(r)))
}

func splitSeed(r *rand.Rand) [32]byte {
	var s [32]byte
	for i := 0; i < 4; i++ {
		binary.LittleEndian.PutUint64(s[8*i:], r.Uint64())
	}
	return s
}

// childStream is Split's stream in recycled memory, for the composites,
// which hand it to a child Edit and take it back when the Edit returns
// (an Edit never keeps its stream).
type childStream struct {
	src lazyChaCha8
	r   *rand.Rand
}

// lazyChaCha8 is a ChaCha8 generator seeded on its first draw, with the
// values of rand.NewChaCha8(seed). Seeding computes a ChaCha8 block, and
// many child streams are never drawn from: Sometimes splits before it
// draws whether to run its edit, and an edit with nothing to edit returns
// at once.
type lazyChaCha8 struct {
	seed   [32]byte
	seeded bool
	gen    rand.ChaCha8
}

// Seed makes the generator rand.NewChaCha8(seed), from the next draw on.
func (l *lazyChaCha8) Seed(seed [32]byte) { l.seed, l.seeded = seed, false }

// Uint64 implements rand.Source.
func (l *lazyChaCha8) Uint64() uint64 {
	if !l.seeded {
		l.gen.Seed(l.seed)
		l.seeded = true
	}
	return l.gen.Uint64()
}

var childStreams = sync.Pool{New: func() any {
	c := new(childStream)
	c.r = rand.New(&c.src)
	return c
}}

// split is Split with a recycled generator; the same stream.
func split(r *rand.Rand) *childStream {
	c := childStreams.Get().(*childStream)
	c.src.Seed(splitSeed(r))
	return c
}

func (c *childStream) release() { childStreams.Put(c) }
