package recipe

import (
	"fmt"
	"strings"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/synonyms/domain"
	"github.com/textaug/textaug/tokenize"
)

// Build assembles the synonym Source of a recipe: user lexicons over the
// domain packs over WordNet, then the blocklists and the polarity guard.
// The answer is memoised, since every attempt at every row asks again.
func (s Synonyms) Build() (synonyms.Source, error) {
	var base synonyms.Source
	var morph synonyms.Morphology
	switch s.Base {
	case "wordnet", "":
		wn, err := builtin.English() // read in place: nothing decoded at start
		if err != nil {
			return nil, err
		}
		wn = wn.WithLimits(s.Senses, s.Candidates)
		base, morph = wn, wn.Morphology()
	case "none":
		m, err := builtin.Morphology()
		if err != nil {
			return nil, err
		}
		morph = m
	default:
		return nil, Usage(fieldErr("", "synonyms.base", "want wordnet or none, got %q", s.Base))
	}
	packs, err := s.packs(morph)
	if err != nil {
		return nil, err
	}
	var layers synonyms.Layered
	for _, path := range s.Lexicons {
		f, ok := synonyms.ParseFormat(s.LexiconFormat)
		if !ok {
			return nil, Usage(fieldErr("", "synonyms.lexicon_format", "unknown format %q", s.LexiconFormat))
		}
		t, err := synonyms.LoadFile(path, f, morph)
		if err != nil {
			return nil, err
		}
		layers = append(layers, t)
	}
	var src synonyms.Source = append(layers, domain.Over(base, packs...))
	for _, path := range s.Blocklists {
		bl, err := synonyms.LoadBlocklist(path)
		if err != nil {
			return nil, err
		}
		src = synonyms.Blocked{Source: src, List: bl, Morph: morph}
	}
	if src, err = s.guard(src, morph); err != nil {
		return nil, err
	}
	return synonyms.NewMemo(src, 0), nil
}

// packs loads the domain packs.
func (s Synonyms) packs(morph synonyms.Morphology) ([]domain.Owner, error) {
	var packs []domain.Owner
	for _, name := range s.Domains {
		name = strings.TrimSpace(name)
		if name == "" || name == "none" {
			continue
		}
		p, err := domain.Load(name, morph)
		if err != nil {
			return nil, Usage(fieldErr("", "synonyms.domains", "%v (have %s)", err, strings.Join(domain.Names(), ", ")))
		}
		packs = append(packs, p)
	}
	return packs, nil
}

// guard wraps src in the polarity guard the recipe asks for.
func (s Synonyms) guard(src synonyms.Source, morph synonyms.Morphology) (synonyms.Source, error) {
	switch s.Guard {
	case "on", "strict", "":
		lex, err := s.polarity()
		if err != nil {
			return nil, err
		}
		src = synonyms.PolarityGuard{Source: src, Lexicon: lex, Morph: morph, Strict: s.Guard == "strict"}
	case "off":
	default:
		return nil, Usage(fieldErr("", "synonyms.polarity_guard", "want on, strict or off, got %q", s.Guard))
	}
	return src, nil
}

// polarity is the built-in polarity list merged with the recipe's.
func (s Synonyms) polarity() (*synonyms.PolarityLexicon, error) {
	lex, err := synonyms.DefaultPolarity()
	if err != nil {
		return nil, err
	}
	for _, path := range s.Polarity {
		extra, err := synonyms.LoadPolarity(path)
		if err != nil {
			return nil, err
		}
		lex = lex.Merge(extra)
	}
	return lex, nil
}

// DataVersions names the versions of the embedded tagger model and synonym data.
func DataVersions() string {
	return "tagger: " + tokenize.ProseVersion + ", synonyms: " + builtin.Version
}

// UsageError is a mistake in the configuration or command line (exit code
// 2 in the CLI), as opposed to a failure to do what it asked (exit code 1).
type UsageError struct{ error }

// Usagef returns a UsageError with the formatted message.
func Usagef(format string, args ...any) error {
	return UsageError{fmt.Errorf(format, args...)}
}

// Usage marks err as a UsageError.
func Usage(err error) error { return UsageError{err} }

// Unwrap returns the error marked.
func (e UsageError) Unwrap() error { return e.error }
