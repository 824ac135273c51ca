package builtin

import (
	_ "embed"
	"sync"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/domain"
)

//go:generate go run gen.go

// Version names the WordNet release the embedded data was generated from.
// It equals the label stored in the data (synonyms.WordNet.Version).
const Version = "WordNet 3.0 (Debian wordnet-base 1:3.0-37)"

//go:embed english.wn
var data string

// load opens the embedded data on first use.
var load = sync.OnceValues(parse)

// parse opens the embedded data in place (synonyms.OpenWordNet): it checks
// the header and slices the data, decoding and copying nothing.
func parse() (*synonyms.WordNet, error) { return synonyms.OpenWordNet(data) }

// English returns the embedded English WordNet as a synonyms.Source with the
// default limits. The data is opened in place on the first call only (a
// microsecond: nothing is decoded); later calls return the same value (and
// the same error, which can only come from corrupt embedded data).
//
// The returned *synonyms.WordNet is shared by every caller: do not set its
// fields. Use its WithLimits method to get a copy with other limits.
func English() (*synonyms.WordNet, error) { return load() }

// Morphology returns the English morphology (WordNet's exception lists and
// morphy rules over the embedded lemmas) that English uses. Like English,
// it opens the data once, on first use.
func Morphology() (synonyms.Morphology, error) {
	wn, err := load()
	if err != nil {
		return nil, err
	}
	return wn.Morphology(), nil
}

// defaultSource builds Default's answer once.
var defaultSource = sync.OnceValues(func() (synonyms.Source, error) {
	wn, err := load()
	if err != nil {
		return nil, err
	}
	m := wn.Morphology()
	banking, err := domain.Banking(m)
	if err != nil {
		return nil, err
	}
	finance, err := domain.Finance(m)
	if err != nil {
		return nil, err
	}
	return synonyms.NewMemo(synonyms.PolarityGuard{
		Source: domain.Over(wn, banking, finance),
		Morph:  m,
	}, 0), nil
})

// Default returns the recommended English Source with zero set-up: the
// banking and finance domain packs over the embedded WordNet, behind the
// polarity guard (no candidate of the opposite polarity), memoised. It is
// a library convenience: `textaug augment` does not call it but builds its
// Source from the recipe's synonyms section (internal/recipe), whose
// defaults may differ. Built once, on first use; shared and safe for
// concurrent use.
func Default() (synonyms.Source, error) { return defaultSource() }
