package synonyms

import (
	"hash/maphash"
	"sync"
)

// Memo remembers the answers of a Source, so that a word looked up for
// every attempt at every record costs one map access after the first time.
// Answers are the same as the Source's (it must be deterministic, as every
// Source is); Memo only saves time.
//
// At most Max answers are kept (0 means 1<<18); past that, answers are
// computed and not stored, so memory stays bounded whatever the corpus.
// Memo is safe for concurrent use. Build it with NewMemo.
type Memo struct {
	src    Source
	max    int
	seed   maphash.Seed
	shards [32]memoShard
}

type memoKey struct{ word, tag string }

type memoShard struct {
	mu sync.RWMutex
	m  map[memoKey][]string
}

// NewMemo wraps src; max bounds the number of stored answers (0: 1<<18).
func NewMemo(src Source, max int) *Memo {
	if max <= 0 {
		max = 1 << 18
	}
	m := &Memo{src: src, max: max, seed: maphash.MakeSeed()}
	for i := range m.shards {
		m.shards[i].m = make(map[memoKey][]string)
	}
	return m
}

// Synonyms implements Source.
func (m *Memo) Synonyms(word, tag string) []string {
	k := memoKey{word, tag}
	sh := &m.shards[maphash.String(m.seed, word)%uint64(len(m.shards))]
	sh.mu.RLock()
	c, ok := sh.m[k]
	sh.mu.RUnlock()
	if ok {
		return c
	}
	c = m.src.Synonyms(word, tag)
	sh.mu.Lock()
	if len(sh.m) < m.max/len(m.shards) {
		// Copy the key: word may be a slice of a long input text that
		// the cache must not keep alive.
		sh.m[memoKey{string(append([]byte(nil), word...)), tag}] = c
	}
	sh.mu.Unlock()
	return c
}

// Owns implements Owner when the wrapped Source is one.
func (m *Memo) Owns(word, tag string) bool {
	if o, ok := m.src.(Owner); ok {
		return o.Owns(word, tag)
	}
	return false
}
