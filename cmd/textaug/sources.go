package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/textaug/textaug/synonyms"
)

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// sourceOptions choose the synonym sources.
type sourceOptions struct {
	lexicons multi
	format   string
}

func (s *sourceOptions) register(fs *flag.FlagSet) {
	fs.Var(&s.lexicons, "lexicon", "a synonym lexicon file (TSV word<TAB>syn1|syn2, OMW .tab, Cilin); repeatable; earlier files win")
	fs.StringVar(&s.format, "lexicon-format", "", "format of --lexicon files: tsv, omw or cilin (default: by extension)")
}

func (s *sourceOptions) build() (synonyms.Source, error) {
	var layers synonyms.Layered
	for _, path := range s.lexicons {
		f, ok := synonyms.DetectFormat(path)
		if s.format != "" {
			f, ok = synonyms.ParseFormat(s.format)
		}
		if !ok {
			return nil, fmt.Errorf("--lexicon %s: unknown format; set --lexicon-format", path)
		}
		t, err := synonyms.LoadFile(path, f, nil)
		if err != nil {
			return nil, err
		}
		layers = append(layers, t)
	}
	return layers, nil
}

func dataVersions() string { return "no embedded data" }
