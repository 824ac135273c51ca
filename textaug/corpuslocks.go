package textaug

import "github.com/textaug/textaug/tokenize"

// CorpusLocks is the protection a corpus pass learned, for the records of
// one label; set it as Policy.Corpus. It adds two kinds of locks:
//
//   - The label's anchors (CorpusStats.AnchorsOf): a word whose stem is an
//     anchor, or two adjacent words whose stems are an anchor phrase, get
//     AnchorLock; nothing is inserted inside an anchor phrase.
//   - The corpus entities (CorpusStats.Entities) are frozen wherever they
//     stand, the first word of a sentence included (which a tagger calls
//     a common noun), and nothing is inserted inside a multi-word entity.
//
// Locks are only ever added to those the Policy sets. An engine builds one
// Policy, with its CorpusLocks, per label and picks it by the record's
// label; augmenters stay label-blind. A Label the statistics do not know
// (or "") gets the entities only.
//
// The zero CorpusLocks (nil Stats) adds nothing. A CorpusLocks is a plain
// value, safe for concurrent use once its Stats is built.
type CorpusLocks struct {
	Stats *CorpusStats
	Label string
	// AnchorLock is what an anchor refuses; 0 means tokenize.Frozen (never
	// replaced, deleted or moved). tokenize.LockDelete|tokenize.LockMove
	// lets synonyms replace anchors, as Policy.Anchors does; an operation
	// that needs other locks gets a Policy of its own.
	AnchorLock tokenize.Lock
}

// apply adds the locks to toks, the tokens of one text.
func (c *CorpusLocks) apply(toks []tokenize.Token) {
	if c == nil {
		return
	}
	lock := c.AnchorLock
	if lock == 0 {
		lock = tokenize.Frozen
	}
	c.find(toks, func(run []int, entity bool) {
		if entity {
			lockRun(toks, run, tokenize.Frozen)
		} else {
			lockRun(toks, run, lock)
		}
	})
}

// Why returns, for each token of toks, what the statistics lock it as:
// "entity", "anchor", or "" (what `textaug explain` shows). A token that
// is both is an entity.
func (c *CorpusLocks) Why(toks []tokenize.Token) []string {
	why := make([]string, len(toks))
	c.find(toks, func(run []int, entity bool) {
		for _, i := range run {
			if entity {
				why[i] = "entity"
			} else if why[i] == "" {
				why[i] = "anchor"
			}
		}
	})
	return why
}

// find calls found with the token indices of every entity and anchor
// (word or pair) in toks.
func (c *CorpusLocks) find(toks []tokenize.Token, found func(run []int, entity bool)) {
	if c == nil || c.Stats == nil {
		return
	}
	x := c.Stats.idx()
	a := x.anchors[c.Label]
	idx := nonSpace(toks)
	for n, i := range idx {
		if toks[i].Kind != tokenize.Word {
			continue
		}
		lw := lower(toks[i].Text)
		for _, e := range x.entity[lw] {
			if k := matchWords(toks, idx, n, e, lower); k > 0 {
				found(idx[n:n+k], true)
			}
		}
		if a == nil {
			continue
		}
		s := x.stems.stem(lw)
		if a.single[s] {
			found(idx[n:n+1], false)
		}
		if next := a.pairs[s]; next != nil && n+1 < len(idx) {
			j := idx[n+1]
			if toks[j].Kind == tokenize.Word && adjacent(toks, i, j) && next[x.stems.stem(lower(toks[j].Text))] {
				found(idx[n:n+2], false)
			}
		}
	}
}

// matchWords returns len(words) when the word tokens from idx[n] on, with
// only white space between them, read words under key; else 0.
func matchWords(toks []tokenize.Token, idx []int, n int, words []string, key func(string) string) int {
	if n+len(words) > len(idx) {
		return 0
	}
	for k, w := range words {
		t := &toks[idx[n+k]]
		if t.Kind != tokenize.Word || key(t.Text) != w || k > 0 && !adjacent(toks, idx[n+k-1], idx[n+k]) {
			return 0
		}
	}
	return len(words)
}

// lockRun adds lock to the tokens at positions run and keeps anything from
// being inserted between them.
func lockRun(toks []tokenize.Token, run []int, lock tokenize.Lock) {
	for k, i := range run {
		toks[i].Lock |= lock
		if k < len(run)-1 {
			toks[i].Lock |= tokenize.LockJoin
		}
	}
}
