package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/builtin"
	"github.com/textaug/textaug/synonyms/domain"
	"github.com/textaug/textaug/tokenize"
)

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// sourceOptions choose the synonym sources: user lexicons over the domain
// packs over WordNet, then the blocklists and the polarity guard.
type sourceOptions struct {
	wordnet    string
	domains    string
	lexicons   multi
	format     string
	blocklists multi
	polarity   multi
	guard      string
	candidates int
	senses     int
}

func (s *sourceOptions) register(fs *flag.FlagSet) {
	fs.StringVar(&s.wordnet, "synonyms", "wordnet", "base synonym source: wordnet (embedded WordNet 3.0) or none")
	fs.StringVar(&s.domains, "domain", "banking,finance", "domain packs that override WordNet in their domain: banking, finance, a comma list, or none")
	fs.Var(&s.lexicons, "lexicon", "your synonym lexicon (TSV word<TAB>[pos<TAB>]syn1|syn2, OMW .tab, Cilin .txt); repeatable; earlier files win over later ones and over the domain packs")
	fs.StringVar(&s.format, "lexicon-format", "auto", "format of --lexicon files: auto (by extension), tsv, omw or cilin")
	fs.Var(&s.blocklists, "blocklist", "file of candidates that must never appear (one per line, or word<TAB>candidate); repeatable")
	fs.Var(&s.polarity, "polarity", "extra polarity list for the guard (see synonyms.ReadPolarity); repeatable")
	fs.StringVar(&s.guard, "polarity-guard", "on", "on: a replacement never has the opposite polarity; strict: never a different polarity (neutral stays neutral); off")
	fs.IntVar(&s.candidates, "candidates", 0, fmt.Sprintf("WordNet candidates per word (0: %d)", synonyms.DefaultMaxCandidates))
	fs.IntVar(&s.senses, "senses", 0, fmt.Sprintf("WordNet senses per word, most frequent first (0: %d)", synonyms.DefaultMaxSenses))
}

// build assembles the Source. The answer is memoised, since every attempt
// at every record asks again.
func (s *sourceOptions) build() (synonyms.Source, error) {
	var base synonyms.Source
	var morph synonyms.Morphology
	switch s.wordnet {
	case "wordnet":
		wn, err := builtin.English()
		if err != nil {
			return nil, err
		}
		wn = wn.WithLimits(s.senses, s.candidates)
		base, morph = wn, wn.Morphology()
	case "none":
		m, err := builtin.Morphology()
		if err != nil {
			return nil, err
		}
		morph = m
	default:
		return nil, usageErr("--synonyms: want wordnet or none, got %q", s.wordnet)
	}
	var packs []domain.Owner
	if s.domains != "none" && s.domains != "" {
		for _, name := range strings.Split(s.domains, ",") {
			p, err := domain.Load(strings.TrimSpace(name), morph)
			if err != nil {
				return nil, usageErr("--domain: %v (have %s)", err, strings.Join(domain.Names(), ", "))
			}
			packs = append(packs, p)
		}
	}
	var layers synonyms.Layered
	for _, path := range s.lexicons {
		f, ok := synonyms.ParseFormat(s.format)
		if !ok {
			return nil, usageErr("--lexicon-format: unknown format %q", s.format)
		}
		t, err := synonyms.LoadFile(path, f, morph)
		if err != nil {
			return nil, err
		}
		layers = append(layers, t)
	}
	var src synonyms.Source = append(layers, domain.Over(base, packs...))
	for _, path := range s.blocklists {
		bl, err := synonyms.LoadBlocklist(path)
		if err != nil {
			return nil, err
		}
		src = synonyms.Blocked{Source: src, List: bl, Morph: morph}
	}
	switch s.guard {
	case "on", "strict":
		lex, err := synonyms.DefaultPolarity()
		if err != nil {
			return nil, err
		}
		for _, path := range s.polarity {
			extra, err := synonyms.LoadPolarity(path)
			if err != nil {
				return nil, err
			}
			lex = lex.Merge(extra)
		}
		src = synonyms.PolarityGuard{Source: src, Lexicon: lex, Morph: morph, Strict: s.guard == "strict"}
	case "off":
	default:
		return nil, usageErr("--polarity-guard: want on, strict or off, got %q", s.guard)
	}
	return synonyms.NewMemo(src, 0), nil
}

func dataVersions() string {
	return "tagger: " + tokenize.ProseVersion + ", synonyms: " + builtin.Version
}

// usageError is a mistake in the command line (exit code 2), as opposed to
// a failure to do what it asked (exit code 1).
type usageError struct{ error }

func usageErr(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}
