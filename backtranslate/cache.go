package backtranslate

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// Cache is a persistent store of translations, content-addressed by the
// SHA-256 of (translator name, from, to, options, text): the translator's
// Name carries the backend and endpoint, options whatever else changes the
// output (model, temperature, formality). Keys are hashes, so the file
// holds no source text and no secret, only translations.
//
// The store is a bbolt file (go.etcd.io/bbolt): a maintained, pure-Go
// embedded key/value store whose copy-on-write B+tree and fsync'd
// transactions make every committed write survive a crash, and which
// serves concurrent readers alongside one writer at a time. A process that
// dies mid-run keeps every batch it stored; the next run sends only the
// rest.
//
// A Cache is safe for concurrent use by many goroutines. The file is
// locked while open: a second process opening the same path waits up to
// two seconds, then fails.
type Cache struct {
	db   *bolt.DB
	path string
}

var cacheBucket = []byte("translations/v1")

// cacheLockWait is how long OpenCache waits for another process to release
// the file.
const cacheLockWait = 2 * time.Second

// OpenCache opens the cache file at path, creating it (and its directory)
// if needed.
func OpenCache(path string) (*Cache, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("backtranslate: cache: %w", err)
		}
	}
	return openCache(path)
}

// OpenExistingCache opens the cache file at path, which must exist: for
// inspecting or clearing a cache, where a mistyped path must be an error
// rather than a new, empty cache. Nothing is created: a missing path is an
// error wrapping fs.ErrNotExist; a directory, or an empty file, is an
// error too.
func OpenExistingCache(path string) (*Cache, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("backtranslate: cache: %w", err)
	}
	switch {
	case fi.IsDir():
		return nil, fmt.Errorf("backtranslate: cache %s: a directory, not a cache file", path)
	case fi.Size() == 0:
		return nil, fmt.Errorf("backtranslate: cache %s: an empty file, not a cache file", path)
	}
	return openCache(path)
}

func openCache(path string) (*Cache, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: cacheLockWait})
	if err != nil {
		if errors.Is(err, bolterrors.ErrTimeout) {
			return nil, fmt.Errorf("backtranslate: cache %s: in use by another process", path)
		}
		return nil, fmt.Errorf("backtranslate: cache %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists(cacheBucket)
		return err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("backtranslate: cache %s: %w", path, err)
	}
	return &Cache{db: db, path: path}, nil
}

// Close releases the file. Using the Cache after Close is an error.
func (c *Cache) Close() error {
	if err := c.db.Close(); err != nil {
		return fmt.Errorf("backtranslate: cache %s: %w", c.path, err)
	}
	return nil
}

// Stats reports the number of cached translations and the size of the
// cache file in bytes.
func (c *Cache) Stats() (entries int, bytes int64, err error) {
	err = c.db.View(func(tx *bolt.Tx) error {
		entries = tx.Bucket(cacheBucket).Stats().KeyN
		bytes = tx.Size()
		return nil
	})
	if err != nil {
		return 0, 0, fmt.Errorf("backtranslate: cache %s: %w", c.path, err)
	}
	return entries, bytes, nil
}

// Clear deletes every cached translation. The file keeps its size (bbolt
// reuses the freed pages); delete the file to reclaim the space.
func (c *Cache) Clear() error {
	err := c.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(cacheBucket); err != nil {
			return err
		}
		_, err := tx.CreateBucket(cacheBucket)
		return err
	})
	if err != nil {
		return fmt.Errorf("backtranslate: cache %s: %w", c.path, err)
	}
	return nil
}

// cacheKey is the content address of one translation.
type cacheKey [sha256.Size]byte

// keyer hashes (name, from, to, options, text) with each field
// length-prefixed, so no two tuples share a key.
type keyer struct{ prefix []byte }

func newKeyer(name, from, to, options string) keyer {
	var b []byte
	for _, f := range []string{"textaug/backtranslate/v1", name, from, to, options} {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	return keyer{b}
}

func (k keyer) key(text string) cacheKey {
	var stack [512]byte // most texts fit: no allocation
	b := append(stack[:0], k.prefix...)
	b = binary.AppendUvarint(b, uint64(len(text)))
	b = append(b, text...)
	return sha256.Sum256(b)
}

// get looks keys up in one read transaction; found[i] says whether vals[i]
// was cached.
func (c *Cache) get(keys []cacheKey) (vals []string, found []bool, err error) {
	vals = make([]string, len(keys))
	found = make([]bool, len(keys))
	err = c.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(cacheBucket)
		for i, k := range keys {
			if v := b.Get(k[:]); v != nil {
				vals[i], found[i] = string(v), true // copies: v is only valid in tx
			}
		}
		return nil
	})
	return vals, found, err
}

// put stores translations in one fsync'd transaction, coalesced with
// concurrent puts.
func (c *Cache) put(keys []cacheKey, vals []string) error {
	return c.db.Batch(func(tx *bolt.Tx) error {
		b := tx.Bucket(cacheBucket)
		for i, k := range keys {
			if err := b.Put(k[:], []byte(vals[i])); err != nil {
				return err
			}
		}
		return nil
	})
}

// Cached returns a Translator that answers from c and sends only the
// misses to t, then stores them. Within one call, duplicate texts are sent
// once; across concurrent calls, a text already on its way is waited for,
// not sent again. Misses go to t in batches of one request each (see
// Batcher), several at once; each batch is stored as soon as it returns,
// so a failure part-way keeps everything translated before it.
// Blank texts translate to "" without a request.
//
// options names whatever besides t.Name() and the languages changes the
// output (model, temperature, prompt version); it becomes part of every
// key.
//
// A nil c keeps translations in memory only, for the life of the returned
// Translator, so that RoundTrip.Prefetch followed by Prepare makes no
// second request. The returned Translator is safe for concurrent use and
// has t's Name and batch limits.
func Cached(t Translator, c *Cache, options string) Translator {
	ct := &cachedTranslator{t: t, c: c, options: options, flights: map[cacheKey]*flight{}}
	if c == nil {
		ct.mem = map[cacheKey]string{}
	}
	return ct
}

// Batcher is implemented by Translators that know how much one request
// can carry: Cached and RoundTrip.Prefetch cut their batches to fit, so
// that each of their calls is one request. A limit of 0 means none. The
// default, for Translators without the method, is 50 texts and 4,000
// characters.
type Batcher interface {
	BatchLimits() (texts, chars int)
}

// Default batch limits, and how many batches Cached sends at once (the
// Client's concurrency bounds the requests).
const (
	defaultBatchTexts = 50
	defaultBatchChars = 4000
	cachedWorkers     = 16
)

// batchLimits returns t's batch limits, or the defaults.
func batchLimits(t Translator) (texts, chars int) {
	if b, ok := t.(Batcher); ok {
		texts, chars = b.BatchLimits()
		if texts > 0 || chars > 0 {
			return texts, chars
		}
	}
	return defaultBatchTexts, defaultBatchChars
}

type cachedTranslator struct {
	t       Translator
	c       *Cache
	options string

	mu      sync.Mutex
	mem     map[cacheKey]string // when c is nil
	flights map[cacheKey]*flight
}

// flight is one text being translated by some call; done is closed when
// val or err is set.
type flight struct {
	done chan struct{}
	val  string
	err  error
}

func (ct *cachedTranslator) Name() string { return ct.t.Name() }

// Probe probes the wrapped Translator (see Prober); it reads and writes
// nothing in the cache.
func (ct *cachedTranslator) Probe(ctx context.Context, pairs []Pair) error {
	return Probe(ctx, ct.t, pairs)
}

// BatchLimits passes on the wrapped Translator's limits.
func (ct *cachedTranslator) BatchLimits() (texts, chars int) { return batchLimits(ct.t) }

func (ct *cachedTranslator) Translate(ctx context.Context, from, to string, texts []string) ([]string, error) {
	k := newKeyer(ct.t.Name(), from, to, ct.options)
	keys := make([]cacheKey, len(texts))
	text := map[cacheKey]string{}
	var pending []cacheKey // unique, in first-occurrence order
	for i, t := range texts {
		if strings.TrimSpace(t) == "" {
			continue
		}
		keys[i] = k.key(t)
		if _, dup := text[keys[i]]; !dup {
			text[keys[i]] = t
			pending = append(pending, keys[i])
		}
	}
	vals := make(map[cacheKey]string, len(pending))
	for len(pending) > 0 {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("backtranslate: %w", err)
		}
		misses, err := ct.lookup(pending, vals)
		if err != nil {
			return nil, err
		}
		own, foreign := ct.claim(misses)
		// Another call may have stored and landed a text between lookup
		// and claim: look the claimed ones up again.
		if own, err = ct.lookupOwn(own, vals); err != nil {
			ct.land(own, nil, err)
			return nil, err
		}
		sendErr := ct.send(ctx, from, to, own, text, vals)
		pending = pending[:0]
		for _, fl := range foreign {
			select {
			case <-fl.f.done:
			case <-ctx.Done():
				return nil, fmt.Errorf("backtranslate: %w", ctx.Err())
			}
			switch {
			case fl.f.err == nil:
				vals[fl.key] = fl.f.val
			case isSoft(fl.f.err):
				if sendErr == nil {
					sendErr = fl.f.err
				}
			default: // the call translating it gave up: take the text over
				pending = append(pending, fl.key)
			}
		}
		if sendErr != nil {
			return nil, sendErr
		}
	}
	out := make([]string, len(texts))
	for i := range texts {
		if keys[i] != (cacheKey{}) {
			out[i] = vals[keys[i]]
		}
	}
	return out, nil
}

// peekPaths answers, from the cache alone and without sending anything,
// what text becomes along each path of languages (starting from src). ok
// is false if any step is missing. It reads in one transaction, for
// Prepare after Prefetch.
func (ct *cachedTranslator) peekPaths(src string, paths [][]string, text string) (out []string, ok bool) {
	out = make([]string, len(paths))
	walk := func(get func(cacheKey) (string, bool)) bool {
		for i, steps := range paths {
			from, cur := src, text
			for _, to := range steps {
				if strings.TrimSpace(cur) == "" {
					cur = ""
				} else {
					v, hit := get(newKeyer(ct.t.Name(), from, to, ct.options).key(cur))
					if !hit {
						return false
					}
					cur = v
				}
				from = to
			}
			out[i] = cur
		}
		return true
	}
	if ct.c == nil {
		ct.mu.Lock()
		defer ct.mu.Unlock()
		return out, walk(func(k cacheKey) (string, bool) {
			v, ok := ct.mem[k]
			return v, ok
		})
	}
	err := ct.c.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(cacheBucket)
		ok = walk(func(k cacheKey) (string, bool) {
			v := b.Get(k[:])
			return string(v), v != nil
		})
		return nil
	})
	return out, ok && err == nil
}

// lookup fills vals with the cached translations of keys and returns the
// keys that are not cached.
func (ct *cachedTranslator) lookup(keys []cacheKey, vals map[cacheKey]string) ([]cacheKey, error) {
	var misses []cacheKey
	if ct.c == nil {
		ct.mu.Lock()
		defer ct.mu.Unlock()
		for _, k := range keys {
			if v, ok := ct.mem[k]; ok {
				vals[k] = v
			} else {
				misses = append(misses, k)
			}
		}
		return misses, nil
	}
	got, found, err := ct.c.get(keys)
	if err != nil {
		return nil, &Error{Backend: "cache", Err: err}
	}
	for i, k := range keys {
		if found[i] {
			vals[k] = got[i]
		} else {
			misses = append(misses, k)
		}
	}
	return misses, nil
}

// lookupOwn is lookup for keys this call has claimed: cached ones land at
// once; the rest are returned.
func (ct *cachedTranslator) lookupOwn(own []cacheKey, vals map[cacheKey]string) ([]cacheKey, error) {
	if len(own) == 0 {
		return own, nil
	}
	misses, err := ct.lookup(own, vals)
	if err != nil {
		return own, err
	}
	if len(misses) < len(own) {
		var hit []cacheKey
		var hv []string
		for _, k := range own {
			if v, ok := vals[k]; ok {
				hit, hv = append(hit, k), append(hv, v)
			}
		}
		ct.land(hit, hv, nil)
	}
	return misses, nil
}

// claim registers flights for keys nobody is translating (own) and
// returns the flights of keys some other call is translating (foreign).
func (ct *cachedTranslator) claim(keys []cacheKey) (own []cacheKey, foreign []keyFlight) {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	for _, k := range keys {
		if f, busy := ct.flights[k]; busy {
			foreign = append(foreign, keyFlight{k, f})
			continue
		}
		ct.flights[k] = &flight{done: make(chan struct{})}
		own = append(own, k)
	}
	return own, foreign
}

type keyFlight struct {
	key cacheKey
	f   *flight
}

// land completes flights: with vals on success, else with err. Successful
// values are stored before the flights are removed, so a later lookup
// finds them.
func (ct *cachedTranslator) land(keys []cacheKey, vals []string, err error) {
	ct.mu.Lock()
	defer ct.mu.Unlock()
	for i, k := range keys {
		f := ct.flights[k]
		if f == nil {
			continue
		}
		delete(ct.flights, k)
		if err != nil {
			f.err = err
		} else {
			f.val = vals[i]
			if ct.c == nil {
				ct.mem[k] = vals[i]
			}
		}
		close(f.done)
	}
}

// send translates the own keys' texts in batches, stores and lands each
// batch, and fills vals. It returns the first error, after every batch has
// finished or failed.
func (ct *cachedTranslator) send(ctx context.Context, from, to string, own []cacheKey, text map[cacheKey]string, vals map[cacheKey]string) error {
	if len(own) == 0 {
		return nil
	}
	src := make([]string, len(own))
	for i, k := range own {
		src[i] = text[k]
	}
	out := make([]string, len(own))
	texts, chars := batchLimits(ct.t)
	batches := splitBatches(src, chars, texts)
	err := forAll(ctx, len(batches), cachedWorkers, func(ctx context.Context, b int) error {
		lo, hi := batches[b][0], batches[b][1]
		got, err := ct.t.Translate(ctx, from, to, src[lo:hi])
		if err == nil && len(got) != hi-lo {
			err = &Error{Backend: ct.t.Name(), Err: fmt.Errorf("sent %d texts, got %d translations", hi-lo, len(got))}
		}
		if err == nil && ct.c != nil {
			if perr := ct.c.put(own[lo:hi], got); perr != nil {
				err = &Error{Backend: "cache", Err: perr}
			}
		}
		if err != nil {
			ct.land(own[lo:hi], nil, err)
			return err
		}
		copy(out[lo:hi], got)
		ct.land(own[lo:hi], got, nil)
		return nil
	})
	if err != nil {
		return err
	}
	for i, k := range own {
		vals[k] = out[i]
	}
	return nil
}

// isSoft reports whether err is a failed translation (rather than a caller
// giving up).
func isSoft(err error) bool {
	var s interface{ Soft() bool }
	return errors.As(err, &s) && s.Soft()
}

// forAll runs f(ctx, 0..n-1) on up to workers goroutines, all of them even
// if some fail, and returns the first error in index order.
func forAll(ctx context.Context, n, workers int, f func(context.Context, int) error) error {
	errs := make([]error, n)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
	)
	for range min(max(workers, 1), n) {
		wg.Go(func() {
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= n {
					return
				}
				errs[i] = f(ctx, i)
			}
		})
	}
	wg.Wait()
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}
