package domain_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/synonyms/domain"
	"github.com/textaug/textaug/synonyms/internal/fake"
)

var morph = fake.Morph{
	Lemma: map[string][]string{
		"reimburses": {"reimburse"}, "cardholders": {"cardholder"}, "carding": {"card"},
		"atmospheres": {"atmosphere"}, "advancing": {"advance"},
	},
	Form: map[string]string{
		"refund/VBZ": "refunds", "exceed/VBD": "exceeded", "surpass/VBD": "surpassed", "top/VBD": "topped",
		"exceed/VBN": "exceeded", "surpass/VBN": "surpassed", "top/VBN": "topped", "fell/VBD": "felled",
		"predict/VBD": "predicted", "project/VBD": "projected",
	},
}

// wordnet stands for the general-purpose WordNet source: it answers with
// the senses that are wrong in the two domains (the howlers), whatever the
// tag.
type wordnet map[string][]string

func (w wordnet) Synonyms(word, tag string) []string { return w[synonyms.Normalize(word)] }

var howlers = wordnet{
	"card":      {"batting order", "board", "calling card", "circuit board", "identity card", "menu", "notice", "placard", "poster", "wag", "wit"},
	"cards":     {"batting orders", "menus", "posters", "wits"},
	"carding":   {"teasing"},
	"atm":       {"atmosphere", "standard atmosphere", "standard pressure"},
	"atms":      {"atmospheres"},
	"charge":    {"accusation", "bearing", "billing", "commission", "complaint", "guardianship", "mission", "rush"},
	"charges":   {"accusations", "commissions"},
	"charged":   {"accused", "appointed", "aerated", "sent"},
	"pin":       {"flag", "peg", "personal identification number", "pivot", "trap", "immobilize"},
	"transfer":  {"conveyance", "reassign", "shift", "transferee", "transference", "transplant"},
	"transfers": {"transferees", "shifts"},
	"statement": {"affirmation", "argument", "assertion", "command", "instruction", "financial statement"},
	"balance":   {"balance wheel", "counterbalance", "equilibrium", "libra", "proportion", "residual", "remainder"},
	"check":     {"arrest", "assay", "bill", "chit", "control", "hitch", "mark", "stop", "tab", "tick"},
	"checks":    {"chits", "ticks"},
	"top-up":    {"top off"},
	"top":       {"acme", "cover", "crown", "peak", "summit", "top side"},
	"up":        {"astir", "upward", "upwardly"},
	"account":   {"accounting", "explanation", "history", "report", "story"},
	"fee":       {"bung", "tip", "fief"},
	"cash":      {"hard cash", "immediate payment", "cash in"},
	"company":   {"caller", "companionship", "party", "troupe", "ship's company"},
	"rose":      {"rosebush", "blush", "pink"},
	"fell":      {"cut down", "hide", "pelt", "strike down"},
	"quarter":   {"district", "fourth", "one-fourth", "poop deck", "quarter-tone"},
	"stock":     {"broth", "gunstock", "inventory", "lineage", "livestock"},
	"market":    {"grocery store", "marketplace", "mart"},
	"net":       {"internet", "mesh", "network", "final", "last"},
	"report":    {"account", "report card", "study", "written report"},
	"declined":  {"refused", "turned down"}, // wrong in finance news only
	"happy":     {"felicitous", "glad"},
}

func loadPacks(t *testing.T, m synonyms.Morphology) (banking, finance *domain.Pack) {
	t.Helper()
	banking, err := domain.Banking(m)
	require.NoError(t, err)
	finance, err = domain.Finance(m)
	require.NoError(t, err)
	return banking, finance
}

func TestNamesAndLoad(t *testing.T) {
	assert.Equal(t, []string{"banking", "finance", "finance-zh", "service-zh"}, domain.Names())
	for _, name := range domain.Names() {
		p, err := domain.Load(name, nil)
		require.NoError(t, err, name)
		assert.Equal(t, name, p.Name())
		assert.Greater(t, p.Len(), 100, name)
		t.Logf("%s: %d owned words", name, p.Len())
	}
	_, err := domain.Load("medicine", nil)
	assert.EqualError(t, err, `domain: unknown pack "medicine" (have banking, finance, finance-zh, service-zh)`)
}

// TestNoHowlers is the reason the package exists: over a WordNet-like base
// that answers with out-of-domain senses, the packs never let those senses
// through, for any tag (taggers err) and with or without a Morphology.
func TestNoHowlers(t *testing.T) {
	tags := []string{"", "NN", "NNS", "VB", "VBD", "VBN", "VBZ", "VBG", "JJ", "RB", "NNP"}
	words := map[string][]string{
		"banking": {"card", "cards", "atm", "atms", "charge", "charges", "charged", "pin", "transfer", "transfers",
			"statement", "balance", "check", "checks", "top-up", "top", "up", "account", "fee", "cash"},
		"finance": {"rose", "fell", "quarter", "stock", "market", "net", "report", "company", "declined", "up"},
	}
	for _, withMorph := range []bool{false, true} {
		var m synonyms.Morphology
		if withMorph {
			m = morph
		}
		banking, finance := loadPacks(t, m)
		packs := map[string]*domain.Pack{"banking": banking, "finance": finance}
		for name, ws := range words {
			src := domain.Over(howlers, packs[name])
			for _, w := range ws {
				bad := howlers[w]
				require.NotEmpty(t, bad, "test table lists %q", w)
				for _, tag := range tags {
					t.Run(fmt.Sprintf("%s/morph=%v/%s/%s", name, withMorph, w, tag), func(t *testing.T) {
						got := src.Synonyms(w, tag)
						for _, h := range bad {
							assert.NotContains(t, got, h)
						}
						assert.True(t, slices.IsSorted(got))
						assert.NotContains(t, got, w)
					})
				}
			}
		}
	}
}

func TestPackSynonyms(t *testing.T) {
	banking, finance := loadPacks(t, nil)
	tests := []struct {
		pack      *domain.Pack
		word, tag string
		want      []string
	}{
		{banking, "card", "NN", nil},
		{banking, "ATM", "NN", []string{"cash machine", "cashpoint"}},
		{banking, "atms", "NNS", []string{"cash machines", "cashpoints"}},
		{banking, "charge", "NN", []string{"fee"}},
		{banking, "charged", "VBN", []string{"billed"}},
		{banking, "fee", "NN", nil},
		{banking, "top-up", "NN", []string{"reload", "top up", "topup"}},
		{banking, "top up", "VB", []string{"reload", "top-up"}},
		{banking, "check", "NN", []string{"cheque"}},
		{banking, "check", "VB", nil},
		{banking, "refund", "NN", []string{"reimbursement"}},
		{banking, "refunded", "VBD", []string{"reimbursed"}},
		{banking, "declined", "VBN", []string{"refused", "rejected"}},
		{banking, "failed", "VBD", nil},
		{banking, "received", "VBD", []string{"got"}},
		{banking, "arrived", "VBN", []string{"turned up"}},
		{banking, "withdraw", "VB", []string{"take out"}},
		{banking, "app", "NN", []string{"application"}},
		{banking, "card", "", nil},
		{finance, "rose", "VBD", []string{"advanced", "climbed", "gained", "increased"}},
		{finance, "climbed", "VBN", []string{"advanced", "gained", "increased"}},
		{finance, "increased", "VBD", []string{"expanded"}},
		{finance, "fell", "VBD", []string{"declined", "decreased", "dropped", "slid", "slipped"}},
		{finance, "fell", "NN", nil},
		{finance, "declined", "VBD", nil},
		{finance, "decline", "NN", []string{"decrease", "drop", "fall"}},
		{finance, "earnings", "NNS", []string{"profits"}},
		{finance, "shares", "NNS", []string{"stocks"}},
		{finance, "company", "NN", []string{"firm"}},
		{finance, "said", "VBD", []string{"noted", "stated"}},
		{finance, "reported", "VBD", []string{"announced", "posted"}},
		{finance, "quarter", "NN", nil},
		{finance, "beat", "VB", []string{"exceed", "surpass", "top"}},
		{finance, "beat", "VBD", []string{"exceed", "surpass", "top"}}, // no Morphology: not inflected
		{finance, "bought", "VBD", []string{"acquired", "purchased"}},
		{finance, "weak", "JJ", []string{"feeble", "soft"}},
	}
	for _, tt := range tests {
		t.Run(tt.pack.Name()+"/"+tt.word+"/"+tt.tag, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.pack.Synonyms(tt.word, tt.tag))
			assert.True(t, tt.pack.Owns(tt.word, tt.tag))
		})
	}
}

func TestPackMorphology(t *testing.T) {
	banking, finance := loadPacks(t, morph)
	t.Run("unlisted form found through its lemma and inflected", func(t *testing.T) {
		assert.True(t, banking.Owns("reimburses", "VBZ"))
		assert.Equal(t, []string{"refunds"}, banking.Synonyms("reimburses", "VBZ"))
	})
	t.Run("ownership covers inflections in every POS", func(t *testing.T) {
		assert.True(t, banking.Owns("carding", "VBG"))
		assert.True(t, banking.Owns("carding", "NN"))
		assert.Empty(t, domain.Over(howlers, banking).Synonyms("carding", "VBG"))
	})
	t.Run("past equal to lemma gets inflected candidates", func(t *testing.T) {
		assert.Equal(t, []string{"exceeded", "surpassed", "topped"}, finance.Synonyms("beat", "VBD"))
		assert.Equal(t, []string{"exceeded", "surpassed", "topped"}, finance.Synonyms("beat", "VBN"))
		assert.Equal(t, []string{"exceed", "surpass", "top"}, finance.Synonyms("beat", "VB"))
		assert.Equal(t, []string{"predicted", "projected"}, finance.Synonyms("forecast", "VBD"))
	})
	t.Run("listed past forms are kept as written", func(t *testing.T) {
		assert.Equal(t, []string{"declined", "decreased", "dropped", "slid", "slipped"}, finance.Synonyms("fell", "VBD"))
	})
	t.Run("unowned words stay unowned", func(t *testing.T) {
		assert.False(t, banking.Owns("cardholders", "NNS"))
		assert.False(t, finance.Owns("advancing", "VBG"))
	})
}

func TestOver(t *testing.T) {
	banking, finance := loadPacks(t, nil)
	src := domain.Over(howlers, banking)
	assert.Nil(t, src.Synonyms("card", "NN"), "owned, no synonyms: WordNet is not asked")
	assert.Equal(t, []string{"cash machine", "cashpoint"}, src.Synonyms("atm", "NN"))
	assert.Equal(t, []string{"felicitous", "glad"}, src.Synonyms("happy", "JJ"), "unowned: WordNet answers")

	t.Run("first owning pack wins", func(t *testing.T) {
		both := domain.Over(howlers, finance, banking)
		assert.Equal(t, []string{"declined", "decreased", "dropped", "slid", "slipped"}, both.Synonyms("fell", "VBD"))
		assert.Nil(t, both.Synonyms("declined", "VBD"), "finance owns declined")
		assert.Equal(t, []string{"cash machine", "cashpoint"}, both.Synonyms("atm", "NN"))
		other := domain.Over(howlers, banking, finance)
		assert.Equal(t, []string{"refused", "rejected"}, other.Synonyms("declined", "VBD"))
	})
	t.Run("user lexicon above the packs still wins", func(t *testing.T) {
		user := synonyms.NewTable([]synonyms.Entry{{Word: "card", POS: synonyms.Noun, Synonyms: []string{"debit card"}}}, nil)
		stack := synonyms.Layered{user, domain.Over(howlers, banking)}
		assert.Equal(t, []string{"debit card"}, stack.Synonyms("card", "NN"))
		assert.Nil(t, stack.Synonyms("cards", "NNS"))
	})
	t.Run("nesting, no packs, nil base", func(t *testing.T) {
		assert.Equal(t, synonyms.Source(howlers), domain.Over(howlers))
		nested := domain.Over(howlers, domain.Over(nil, banking).(domain.Owner))
		assert.Nil(t, nested.Synonyms("card", "NN"))
		assert.Nil(t, domain.Over(nil, banking).Synonyms("happy", "JJ"))
	})
	t.Run("Layered honours ownership too", func(t *testing.T) {
		assert.Nil(t, synonyms.Layered{banking, howlers}.Synonyms("card", "NN"))
		assert.Equal(t, synonyms.Layered{banking, howlers}.Synonyms("happy", "JJ"), howlers.Synonyms("happy", "JJ"))
	})
}

// TestPackFiles checks the embedded English files against the rules their
// headers state: every candidate keeps the word's polarity and is no
// antonym of it, no candidate repeats its word, and every "-" word is
// really listed. The Chinese files have their own rules (chinese_test.go).
func TestPackFiles(t *testing.T) {
	lex, err := synonyms.DefaultPolarity()
	require.NoError(t, err)
	for _, name := range []string{"banking", "finance"} {
		t.Run(name, func(t *testing.T) {
			f, err := os.Open(name + ".tsv")
			require.NoError(t, err)
			defer f.Close()
			entries, err := synonyms.ReadTSV(f, name+".tsv")
			require.NoError(t, err)
			empty := 0
			for _, e := range entries {
				assert.NotEqual(t, synonyms.Any, e.POS, "%s: every entry has a POS column", e.Word)
				if len(e.Synonyms) == 0 {
					empty++
				}
				for _, s := range e.Synonyms {
					assert.NotEqual(t, e.Word, s)
					assert.False(t, lex.Antonyms(e.Word, s), "%s -> %s flips polarity", e.Word, s)
					assert.False(t, strings.Contains(" "+s+" ", " "+e.Word+" "), "%s -> %s repeats the word", e.Word, s)
				}
			}
			t.Logf("%s: %d entries, %d owned without synonyms", name, len(entries), empty)
		})
	}
}

// TestHowlersFoundOnRealText guards the entries added after looking up the
// words of real banking and finance sentences through the whole stack.
func TestHowlersFoundOnRealText(t *testing.T) {
	banking, err := domain.Banking(nil)
	require.NoError(t, err)
	finance, err := domain.Finance(nil)
	require.NoError(t, err)
	src := synonyms.Layered{banking, finance}
	never := map[string][]string{
		"deal/NN":     {"flock", "mess", "heap"},
		"contract/NN": {"declaration"},
		"cut/VBD":     {"swerved", "veered", "curved"},
		"expects/VBZ": {"asks", "waits", "looks"},
		"rights/NNS":  {"rightfields"},
		"bigger/JJR":  {"worse"},
		"lower/JJR":   {"more"},
		"bill/NN":     {"measure", "note"},
		"freeze/VB":   {"stop dead"},
		"need/VBP":    {"postulate", "involve", "call for"},
		"dispute/NN":  {"difference of opinion"},
		"capacity/NN": {"content"},
	}
	for key, bad := range never {
		word, tag, _ := strings.Cut(key, "/")
		assert.True(t, banking.Owns(word, tag) || finance.Owns(word, tag), "%s is owned", key)
		for _, b := range bad {
			assert.NotContains(t, src.Synonyms(word, tag), b, key)
		}
	}
}
