package textaug

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Variant is one accepted variant of a record.
type Variant struct {
	Text    string
	Ops     []string // operations that changed it, in order ("synonym", "swap", ...)
	Attempt int      // the attempt that produced it
}

// Result is what the Sampler made of one record: up to K variants in
// attempt order, and when there are fewer, how many are missing and why.
type Result struct {
	Variants  []Variant
	Shortfall int    // K - len(Variants)
	Reason    string // empty when Shortfall == 0
	// Why is the kind of shortfall, for counting by kind; ShortNone when
	// Shortfall == 0.
	Why Short
	// Note tells what did not work although variants were made: a
	// translator of a Mix that failed for this text, say.
	Note string
	// Missed is the soft failure behind Note, or behind Reason when no
	// augmenter could draw; nil otherwise. See Misses.
	Missed error
}

// Short is the kind of a shortfall: why a Result has fewer than K
// variants.
type Short int

// The kinds of shortfall.
const (
	ShortNone Short = iota
	// ShortEmpty: the text is empty or white space.
	ShortEmpty
	// ShortNothingToEdit: no token the policy lets any operation edit
	// (ErrNothingToEdit).
	ShortNothingToEdit
	// ShortFailed: the augmenter failed softly for this text (a
	// translator, say): Missed holds why.
	ShortFailed
	// ShortDistinct: the attempts gave fewer distinct, accepted variants
	// than K (too few words to vary, or Accept refused them).
	ShortDistinct
)

// String names the kind: "empty text", "no editable word", "augmenter
// failed", "too few distinct variants".
func (s Short) String() string {
	switch s {
	case ShortEmpty:
		return "empty text"
	case ShortNothingToEdit:
		return "no editable word"
	case ShortFailed:
		return "augmenter failed"
	case ShortDistinct:
		return "too few distinct variants"
	}
	return "none"
}

// InputError says why a text cannot be augmented at all.
type InputError struct {
	Offset int // byte offset of the problem in the text
	Err    error
}

func (e *InputError) Error() string {
	return fmt.Sprintf("textaug: byte %d: %v", e.Offset, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// ErrInvalidUTF8 is wrapped by the InputError for text that is not UTF-8.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// Sampler draws K distinct variants per record from Aug.
//
// Attempt a of a record draws from Stream(Seed, key, a) (the record's
// digest is computed once, and one generator is re-seeded for each
// attempt, so the Draw must not keep r after it returns); attempts run in
// order until K variants are accepted or MaxTries attempts are spent, so a
// variant depends only on (Seed, key, attempt, configuration): output is
// the same for any worker count, input order or shard split, and the
// variants for K=3 are a prefix of those for K=5.
//
// A candidate is rejected when, after white space is collapsed, it equals
// the input or an earlier variant, or when Accept (if set) says no. The
// Sampler never pads: a shortfall is reported with its reason.
//
// The zero Sampler has no Augmenter; set Aug and K. A Sampler is safe for
// concurrent use if Aug is.
type Sampler struct {
	Aug  Augmenter
	K    int    // variants per record
	Seed uint64 // the run's seed
	// MaxTries bounds the attempts per record; 0 means 4·K + 10.
	MaxTries int
	// Accept, if set, vets each candidate that passed the built-in checks.
	Accept func(original, variant string) bool
}

// Sample returns the variants of text. key identifies the record for the
// random streams; "" means the text itself, so that equal texts get equal
// variants wherever they stand in the input.
//
// Empty or white-space-only text and text with nothing to edit give zero
// variants with a reason; invalid UTF-8 gives an *InputError with the byte
// offset; other errors come from the Augmenter (a translator, say).
func (s Sampler) Sample(ctx context.Context, key, text string) (Result, error) {
	if !utf8.ValidString(text) {
		return Result{}, &InputError{Offset: invalidAt(text), Err: ErrInvalidUTF8}
	}
	if s.K <= 0 {
		return Result{}, nil
	}
	orig := normalize(text)
	if orig == "" {
		return Result{Shortfall: s.K, Reason: "empty text", Why: ShortEmpty}, nil
	}
	if s.Aug == nil {
		return Result{}, errors.New("textaug: Sampler has no Augmenter")
	}
	if key == "" {
		key = text
	}
	draw, err := s.Aug.Prepare(ctx, text)
	note := ""
	var missed error
	switch {
	case err != nil && draw != nil && Soft(err):
		note, missed = err.Error(), err // partly available (see Mix)
	case errors.Is(err, ErrNothingToEdit):
		return Result{Shortfall: s.K, Reason: "no editable word", Why: ShortNothingToEdit}, nil
	case Soft(err):
		return Result{Shortfall: s.K, Reason: err.Error(), Missed: err, Why: ShortFailed}, nil
	case err != nil:
		return Result{}, err
	}
	tries := s.MaxTries
	if tries <= 0 {
		tries = 4*s.K + 10
	}
	rs := NewRecordSeed(s.Seed, key)
	gen := childStreams.Get().(*childStream) // re-seeded for each attempt
	defer gen.release()
	var seenBuf [16]string
	seen := variantSet{small: append(seenBuf[:0], orig)}
	res := Result{Variants: make([]Variant, 0, s.K), Note: note, Missed: missed}
	for a := 0; a < tries && len(res.Variants) < s.K; a++ {
		if a%16 == 15 {
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
		}
		gen.src.Seed(rs.AttemptSeed(a))
		v, ops := draw(gen.r)
		n := normalize(v)
		if n == "" || seen.has(n) {
			continue
		}
		if s.Accept != nil && !s.Accept(text, v) {
			continue
		}
		seen.add(n)
		res.Variants = append(res.Variants, Variant{Text: v, Ops: ops, Attempt: a})
	}
	if res.Shortfall = s.K - len(res.Variants); res.Shortfall > 0 {
		res.Reason = fmt.Sprintf("only %d distinct variants in %d attempts", len(res.Variants), tries)
		res.Why = ShortDistinct
	}
	return res, nil
}

// variantSet is the set of the normalised texts a record has given: a
// slice while it is small (no hashing, and no allocation for up to 16),
// a map beyond 32.
type variantSet struct {
	small []string
	big   map[string]bool
}

func (v *variantSet) has(s string) bool {
	if v.big != nil {
		return v.big[s]
	}
	return slices.Contains(v.small, s)
}

func (v *variantSet) add(s string) {
	if v.big == nil && len(v.small) < 32 {
		v.small = append(v.small, s)
		return
	}
	if v.big == nil {
		v.big = make(map[string]bool, 2*len(v.small))
		for _, t := range v.small {
			v.big[t] = true
		}
	}
	v.big[s] = true
}

// normalize collapses white space, for comparing variants. Text that is
// already collapsed (single ASCII spaces, no leading or trailing space:
// most text, Chinese too) is returned as it is, without allocating.
func normalize(s string) string {
	prevSpace := true // at the start, a space would be leading
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c > ' ' && c < utf8.RuneSelf: // the common case: one test
			prevSpace = false
			i++
		case c == ' ' && !prevSpace:
			prevSpace = true
			i++
		case c >= utf8.RuneSelf: // Chinese: no white space among these runes is no change
			if spaceLead(c) {
				if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
					return strings.Join(strings.Fields(s), " ")
				}
			}
			prevSpace = false
			i++
		case c < ' ' && !asciiSpace(c): // a control character
			prevSpace = false
			i++
		default: // a second space, a leading one, or other white space
			return strings.Join(strings.Fields(s), " ")
		}
	}
	if prevSpace && len(s) > 0 {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

// spaceLead reports whether c is the first byte of a white space that is
// not ASCII (U+0085, U+00A0, U+1680, U+2000 to U+3000: TestSpaceLeads); a
// byte other than a first byte (a continuation) never starts a rune that
// strings.Fields decodes.
func spaceLead(c byte) bool { return c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3 }

func asciiSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

func invalidAt(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}
