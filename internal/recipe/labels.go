package recipe

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

// BalanceLargest is Labels.Balance for "every label up to the largest
// label's count".
const BalanceLargest = -1

// Labels are a recipe's label-aware settings (docs/labels.md). They act
// only on a corpus with labels.
type Labels struct {
	// Anchors learns each label's anchors and the corpus entities in a
	// pass over the corpus before augmenting, and protects them.
	Anchors bool `json:"anchors,omitempty" yaml:"anchors,omitempty"`
	// MinZ, MinRows and MaxAnchors are the anchor thresholds (0: the
	// defaults of textaug.StatsBuilder: 3, 3, 6).
	MinZ float64 `json:"anchor_min_z,omitempty" yaml:"anchor_min_z,omitempty"`
	// AnchorLocks lists what an anchor refuses, a comma list of replace,
	// delete and move; empty means all three. "delete,move" lets synonyms
	// replace anchors but never deletes or moves them.
	AnchorLocks string `json:"anchor_locks,omitempty" yaml:"anchor_locks,omitempty"`
	MinRows     int    `json:"anchor_min_rows,omitempty" yaml:"anchor_min_rows,omitempty"`
	MaxAnchors  int    `json:"anchor_max,omitempty" yaml:"anchor_max,omitempty"`
	// Stats reads the statistics from this file (written by StatsOut)
	// instead of computing them, so that shards and workers share them.
	Stats string `json:"stats,omitempty" yaml:"stats,omitempty"`
	// StatsOut writes the statistics of the corpus pass to this file.
	StatsOut string `json:"stats_out,omitempty" yaml:"stats_out,omitempty"`
	// Balance gives each label this many rows, originals included, by
	// varying each row's k; BalanceLargest (-1) means the largest label's
	// count; 0 means no balancing (every row gets K).
	Balance int `json:"balance,omitempty" yaml:"balance,omitempty"`
	// MaxK caps a row's k under Balance; 0 means no cap.
	MaxK int `json:"max_k,omitempty" yaml:"max_k,omitempty"`
	// Filter keeps a variant only if a classifier that never saw its
	// source row gives it the source's label.
	Filter bool `json:"filter,omitempty" yaml:"filter,omitempty"`
}

// validate checks the settings.
func (l Labels) validate(bad func(field, format string, args ...any) error) error {
	switch {
	case l.MinZ < 0:
		return bad("labels.anchor_min_z", "must not be negative")
	case l.MinRows < 0:
		return bad("labels.anchor_min_rows", "must not be negative")
	case l.MaxAnchors < 0:
		return bad("labels.anchor_max", "must not be negative")
	case l.Balance < BalanceLargest:
		return bad("labels.balance", "want a number of rows, or -1 for the largest label's count, got %d", l.Balance)
	case l.MaxK < 0:
		return bad("labels.max_k", "must not be negative")
	case l.MaxK > 0 && l.Balance == 0:
		return bad("labels.max_k", "caps balancing's k: give balance too")
	}
	if _, err := l.anchorLock(); err != nil {
		return bad("labels.anchor_locks", "%v", err)
	}
	return nil
}

// anchorLock parses AnchorLocks (0 for empty: CorpusLocks' default,
// frozen).
func (l Labels) anchorLock() (tokenize.Lock, error) {
	var lock tokenize.Lock
	for _, f := range strings.Split(l.AnchorLocks, ",") {
		switch strings.TrimSpace(f) {
		case "":
		case "replace":
			lock |= tokenize.LockReplace
		case "delete":
			lock |= tokenize.LockDelete
		case "move":
			lock |= tokenize.LockMove
		default:
			return 0, fmt.Errorf("want a comma list of replace, delete and move, got %q", f)
		}
	}
	return lock, nil
}

// Pass reports whether the settings need a corpus pass before augmenting,
// for a recipe with the operations ops.
func (l Labels) Pass(ops []string) bool {
	return l.Anchors && l.Stats == "" || l.StatsOut != "" || l.Balance != 0 || l.Filter || slices.Contains(ops, "label-swap") && l.Stats == "" ||
		slices.Contains(ops, "generate") // generate's examples of each label
}

// Builder returns the statistics builder of the settings, for a recipe
// with the operations ops: it leaves out the label-swap contexts unless
// ops has label-swap or the statistics are written to a file (StatsOut),
// which another run may read for label-swap.
func (l Labels) Builder(ops []string) *textaug.StatsBuilder {
	return &textaug.StatsBuilder{MinZ: l.MinZ, MinRows: l.MinRows, MaxAnchors: l.MaxAnchors,
		SkipContexts: !slices.Contains(ops, "label-swap") && l.StatsOut == ""}
}

// LabelWords builds, once per label, what WordsAndLLM builds once for a
// run: the token operations with the recipe's Policy plus the label's
// corpus anchors and entities (textaug.CorpusLocks) and label-swap bound
// to the label, mixed with paraphrase and generate, which are built once
// and shared by every label (their prompts name what the run's Policy
// keeps). Close releases the LLM answers' cache. It is safe for concurrent
// use.
type LabelWords struct {
	rec   *Recipe
	stats *textaug.CorpusStats
	src   func() (synonyms.Source, error)

	mu      sync.Mutex
	byLabel map[string]labelAug
	llm     *llmParts
}

// llmParts are a run's paraphrase and generate augmenters.
type llmParts struct {
	augs    []textaug.Augmenter
	weights []float64
	close   func() error
}

type labelAug struct {
	aug textaug.Augmenter
	err error
}

// LabelWords returns the per-label augmenters of r over stats (nil: no
// statistics, the plain recipe for every label). The synonym source is
// built once, on first need, and shared.
func (r *Recipe) LabelWords(stats *textaug.CorpusStats) *LabelWords {
	var once sync.Once
	var src synonyms.Source
	var err error
	return &LabelWords{rec: r, stats: stats, byLabel: map[string]labelAug{}, src: func() (synonyms.Source, error) {
		once.Do(func() { src, err = r.Synonyms.Build() })
		return src, err
	}}
}

// For returns the augmenter of label (nil when the recipe has no
// operations).
func (l *LabelWords) For(label string) (textaug.Augmenter, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if a, ok := l.byLabel[label]; ok {
		return a.aug, a.err
	}
	aug, err := l.build(label)
	l.byLabel[label] = labelAug{aug, err}
	return aug, err
}

func (l *LabelWords) build(label string) (textaug.Augmenter, error) {
	r := l.rec
	policy, err := r.Policy()
	if err != nil {
		return nil, err
	}
	if l.llm == nil {
		p := &llmParts{}
		if p.augs, p.weights, p.close, err = r.llmAugmenters(policy); err != nil {
			return nil, err
		}
		l.llm = p
	}
	var words textaug.Augmenter
	if slices.ContainsFunc(r.Ops, func(o string) bool { return !slices.Contains(llmOps, o) }) {
		edit, err := r.Edit(l.src)
		if err != nil {
			return nil, err
		}
		if l.stats != nil {
			lock, err := r.Labels.anchorLock()
			if err != nil {
				return nil, err
			}
			policy.Corpus = &textaug.CorpusLocks{Stats: l.stats, Label: label, AnchorLock: lock}
		}
		words = textaug.Tokens{Tokenizer: r.Tokenizer(), Edit: bindLabel(edit, l.stats, label), Policy: policy}
	}
	return mixLLM(words, l.llm.augs, l.llm.weights), nil
}

// Close releases the LLM answers' cache, if one was opened.
func (l *LabelWords) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.llm == nil || l.llm.close == nil {
		return nil
	}
	return l.llm.close()
}

// bindLabel returns edit with every LabelSwap in it bound to stats and
// label; the composites are copied, never changed.
func bindLabel(edit textaug.Edit, stats *textaug.CorpusStats, label string) textaug.Edit {
	switch e := edit.(type) {
	case textaug.LabelSwap:
		e.Stats, e.Label = stats, label
		return e
	case textaug.OneOf:
		c := e
		c.Edits = bindAll(e.Edits, stats, label)
		return c
	case textaug.Chain:
		return textaug.Chain(bindAll(e, stats, label))
	case textaug.Sometimes:
		e.Do = bindLabel(e.Do, stats, label)
		return e
	}
	return edit
}

func bindAll(edits []textaug.Edit, stats *textaug.CorpusStats, label string) []textaug.Edit {
	out := make([]textaug.Edit, len(edits))
	for i, e := range edits {
		out[i] = bindLabel(e, stats, label)
	}
	return out
}

// balanceField sets labels.balance: true (a bare --balance) is
// BalanceLargest, false is 0, a number is that many rows.
func balanceField(r *Recipe, v []string) error {
	s := strings.TrimSpace(last(v))
	if b, err := strconv.ParseBool(s); err == nil {
		r.Labels.Balance = 0
		if b {
			r.Labels.Balance = BalanceLargest
		}
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return fmt.Errorf("want a number of rows (at least 1), or nothing for the largest label's count, got %q", s)
	}
	r.Labels.Balance = n
	return nil
}

func showBalance(n int) string {
	switch n {
	case 0:
		return ""
	case BalanceLargest:
		return "largest"
	}
	return strconv.Itoa(n)
}

func showBool(b bool) string {
	if b {
		return "true"
	}
	return ""
}

// BalanceArgs rewrites "--balance N" (N a number) as "--balance=N": the
// flag takes no value otherwise, since a bare --balance means "up to the
// largest label".
func BalanceArgs(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if (a == "--balance" || a == "-balance") && i+1 < len(args) {
			if _, err := strconv.Atoi(args[i+1]); err == nil {
				out = append(out, a+"="+args[i+1])
				i++
				continue
			}
		}
		out = append(out, a)
	}
	return out
}
