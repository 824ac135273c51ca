package domain

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/textaug/textaug/synonyms"
)

//go:embed banking.tsv finance.tsv finance_zh.tsv service_zh.tsv
var files embed.FS

// packFiles maps each built-in pack name to its embedded file. Names
// ending in "-zh" are Chinese packs (see chinese).
var packFiles = map[string]string{
	"banking":    "banking.tsv",
	"finance":    "finance.tsv",
	"finance-zh": "finance_zh.tsv",
	"service-zh": "service_zh.tsv",
}

// chinese reports whether the pack called name is a Chinese one: Chinese
// words do not inflect, so these packs never use a Morphology.
func chinese(name string) bool { return strings.HasSuffix(name, "-zh") }

// parsed holds, per built-in pack, a function that parses its embedded
// file once, on first use: a process parses only the packs it loads.
var parsed = func() map[string]func() ([]synonyms.Entry, error) {
	m := make(map[string]func() ([]synonyms.Entry, error), len(packFiles))
	for name, file := range packFiles {
		m[name] = sync.OnceValues(func() ([]synonyms.Entry, error) {
			data, err := files.ReadFile(file)
			if err != nil {
				return nil, fmt.Errorf("domain: %w", err)
			}
			return synonyms.ReadTSV(bytes.NewReader(data), file)
		})
	}
	return m
}()

// Names returns the names of the built-in packs, sorted: "banking",
// "finance", "finance-zh", "service-zh". The "-zh" packs are for
// simplified Chinese.
func Names() []string {
	names := make([]string, 0, len(packFiles))
	for n := range packFiles {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Load returns the built-in pack called name (one of Names), with morph
// (which may be nil) to lemmatise and inflect. The Chinese packs ("-zh")
// ignore morph: Chinese words do not inflect, and an English Morphology
// would try to lemmatise them.
func Load(name string, morph synonyms.Morphology) (*Pack, error) {
	parse, ok := parsed[name]
	if !ok {
		return nil, fmt.Errorf("domain: unknown pack %q (have %s)", name, strings.Join(Names(), ", "))
	}
	entries, err := parse()
	if err != nil {
		return nil, err
	}
	if chinese(name) {
		morph = nil
	}
	return New(name, entries, morph), nil
}

// Finance returns the finance-news pack: figures (earnings, profit,
// revenue, sales), securities (shares, stock), companies, reporting verbs
// (said, reported) and the up / down vocabulary (rose, climbed, increased,
// gained / fell, dropped, decreased), with periods, units and WordNet
// traps (quarter, market, price, net) owned without synonyms. morph may be
// nil.
func Finance(morph synonyms.Morphology) (*Pack, error) { return Load("finance", morph) }

// Banking returns the customer-service banking pack: cards, PIN, ATM,
// transfers, top-ups, refunds, charges and fees, cash, cheques, balance,
// statements, accounts, the app, delivery and the outcome words (declined,
// failed, pending, ...), most of them owned without synonyms because they
// name intents. morph may be nil.
func Banking(morph synonyms.Morphology) (*Pack, error) { return Load("banking", morph) }

// ChineseFinance returns the simplified-Chinese finance-news pack
// ("finance-zh"): the up / down vocabulary (增长, 上涨, 攀升 / 下降, 下跌,
// 回落), figures (利润, 营收, 股价), reports and announcements (财报, 公布,
// 预计), companies and investors, deals and trading, with periods, units
// and label-bearing figures (季度, 同比, 亏损, 收入) owned without synonyms.
func ChineseFinance() (*Pack, error) { return Load("finance-zh", nil) }

// ChineseService returns the simplified-Chinese customer-service pack
// ("service-zh") for messages to banks and payment apps: cards and
// accounts (银行卡, 账户/帐户), moving money (转账/汇款, 退款/退钱),
// outcomes (到账, 撤销), questions and requests (请问, 为什么/为啥, 帮我),
// with words that name an intent (信用卡, 密码, 冻结, 手续费) owned without
// synonyms.
func ChineseService() (*Pack, error) { return Load("service-zh", nil) }

type posKey struct {
	word string
	pos  synonyms.POS
}

// Pack is a domain lexicon that owns the words it lists: for an owned word
// its answer is final, even when empty (see Owner and Over).
//
// A Pack answers like a synonyms.Table built from its entries and
// Morphology, with one addition: for a listed verb that is its own past
// tense or past participle (beat, forecast, cut), a VBD or VBN lookup
// inflects its lemma candidates ("beat", VBD -> "exceeded") when the Pack
// has a Morphology. (A Table returns the entry of a word found as written
// uninflected.)
//
// A Pack owns a word, in every part of speech, when the word or (with a
// Morphology) one of its lemmas for any part of speech is listed under any
// part of speech: a tagging error must not let WordNet's senses back in.
//
// A Pack is immutable and safe for concurrent use when its Morphology is.
// Returned slices are owned by the Pack and must not be modified.
type Pack struct {
	name   string
	table  *synonyms.Table
	owned  map[string]struct{}
	listed map[posKey]struct{}
	morph  synonyms.Morphology
}

// New builds a Pack called name from entries (for instance read with
// synonyms.ReadTSV, where a "-" synonym column lists an owned word with no
// synonyms). morph may be nil; then only the listed forms are known.
func New(name string, entries []synonyms.Entry, morph synonyms.Morphology) *Pack {
	p := &Pack{
		name:   name,
		table:  synonyms.NewTable(entries, morph),
		owned:  make(map[string]struct{}, len(entries)),
		listed: make(map[posKey]struct{}, len(entries)),
		morph:  morph,
	}
	for _, e := range entries {
		if w := synonyms.Normalize(e.Word); w != "" {
			p.owned[w] = struct{}{}
			p.listed[posKey{w, e.POS}] = struct{}{}
		}
	}
	return p
}

// Name returns the pack's name.
func (p *Pack) Name() string { return p.name }

// Len returns the number of words the pack lists (and so owns).
func (p *Pack) Len() int { return len(p.owned) }

// Owns reports whether the pack owns word, whatever tag is: see Pack.
func (p *Pack) Owns(word, tag string) bool {
	w := synonyms.Normalize(word)
	if _, ok := p.owned[w]; ok {
		return true
	}
	if p.morph == nil {
		return false
	}
	for _, pos := range [...]synonyms.POS{synonyms.Noun, synonyms.Verb, synonyms.Adj, synonyms.Adv} {
		for _, l := range p.morph.Lemmas(w, pos) {
			if _, ok := p.owned[synonyms.Normalize(l)]; ok {
				return true
			}
		}
	}
	return false
}

// Synonyms implements synonyms.Source.
func (p *Pack) Synonyms(word, tag string) []string {
	c := p.table.Synonyms(word, tag)
	if len(c) == 0 || p.morph == nil || (tag != "VBD" && tag != "VBN") {
		return c
	}
	w := synonyms.Normalize(word)
	if !p.has(w, synonyms.Verb) || !p.ownPast(w) {
		return c
	}
	out := make([]string, 0, len(c))
	for _, s := range c {
		if f := synonyms.Normalize(p.morph.Inflect(s, synonyms.Verb, tag)); f != "" && f != w {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return slices.Clip(slices.Compact(out))
}

// ownPast reports whether the verb w is its own past tense or past
// participle (beat, forecast, cut): a listed entry for it is a lemma entry
// whose candidates need inflecting for VBD and VBN.
func (p *Pack) ownPast(w string) bool {
	return p.morph.Inflect(w, synonyms.Verb, "VBD") == w || p.morph.Inflect(w, synonyms.Verb, "VBN") == w
}

func (p *Pack) has(w string, pos synonyms.POS) bool {
	_, a := p.listed[posKey{w, pos}]
	_, b := p.listed[posKey{w, synonyms.Any}]
	return a || b
}

// Owner is a Source that owns some words: for a word it owns, its answer
// is final, even when empty. *Pack is an Owner, and synonyms.Layered
// respects owners too.
type Owner = synonyms.Owner

// Over returns a Source that asks the first of packs that owns the word
// and otherwise base. Unlike synonyms.Layered, an owning pack's empty answer
// is final: a domain word with no safe synonym gets no candidates rather
// than WordNet's. Put user lexicons above the result with synonyms.Layered
// so that they still override the packs:
//
//	synonyms.Layered{user, domain.Over(wordnet, banking)}
//
// The result is also an Owner (it owns what any pack owns), so Over calls
// nest. Over(base) with no packs returns base. base may be nil. The result
// is safe for concurrent use when base and packs are.
func Over(base synonyms.Source, packs ...Owner) synonyms.Source {
	if len(packs) == 0 {
		return base
	}
	return overlay{base: base, packs: slices.Clone(packs)}
}

type overlay struct {
	base  synonyms.Source
	packs []Owner
}

func (o overlay) Synonyms(word, tag string) []string {
	for _, p := range o.packs {
		if p != nil && p.Owns(word, tag) {
			return p.Synonyms(word, tag)
		}
	}
	if o.base == nil {
		return nil
	}
	return o.base.Synonyms(word, tag)
}

func (o overlay) Owns(word, tag string) bool {
	for _, p := range o.packs {
		if p != nil && p.Owns(word, tag) {
			return true
		}
	}
	return false
}
