package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/textaug/textaug/internal/augment"
	"github.com/textaug/textaug/internal/recipe"
	"github.com/textaug/textaug/synonyms"
	"github.com/textaug/textaug/textaug"
	"github.com/textaug/textaug/tokenize"
)

const explainHelp = `Usage: textaug explain [flags] "a sentence"

Shows how textaug sees a sentence: its tokens with kind, part-of-speech
tag and locks (what the protection policy forbids), the synonym candidates
of each replaceable word, and a few seeded variants with what each
operation changed. Takes the same pipeline flags as augment. With
--stats FILE (written by augment --stats-out) and --label, it shows the
label's anchors and the corpus entities in the sentence (column learned)
and makes the variants of a row of that label.

Examples:
  textaug explain --preset finance "Operating profit rose to EUR 25.8 mn."
  textaug explain --preset intent --stats stats.json --label card_arrival "When will my new card arrive?"

Flags:
`

func explain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("explain", flag.ContinueOnError)
	var rf recipeFlags
	rf.register(fs)
	seed := fs.Uint64("seed", 1, "random seed")
	label := fs.String("label", "", "the sentence's label, for the anchors of --stats")
	pos, code, ok := parseCommand(fs, explainHelp, args, stdout, stderr)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return usageError(stderr, "explain", errors.New("give one sentence (quote it)"))
	}
	rec, err := rf.resolve()
	if err == nil {
		err = rf.fields.FlagError(explainRun(ctx, rec, *seed, pos[0], *label, stdout))
	}
	return report(stderr, "explain", exitCode(err), err)
}

func lockNames(l tokenize.Lock) string {
	var n []string
	for _, x := range []struct {
		bit  tokenize.Lock
		name string
	}{{tokenize.LockReplace, "replace"}, {tokenize.LockDelete, "delete"}, {tokenize.LockMove, "move"}, {tokenize.LockJoin, "insert-after"}} {
		if l&x.bit != 0 {
			n = append(n, x.name)
		}
	}
	if len(n) == 0 {
		return "-"
	}
	return strings.Join(n, ",")
}

func explainRun(ctx context.Context, rec recipe.Recipe, seed uint64, text, label string, w io.Writer) error {
	eng, err := augment.New(rec, seed)
	if err != nil {
		return err
	}
	defer eng.Close()
	fmt.Fprintf(w, "recipe %s: k=%d, ops %s, alpha %.2f\n\n", rec.Name, rec.K, strings.Join(rec.Ops, ","), rec.Alpha)
	learned, err := explainLabels(w, rec, label)
	if err != nil {
		return err
	}
	if err := printTokens(w, rec, text, learned); err != nil {
		return err
	}
	if learned != nil {
		words := rec.LabelWords(learned.Stats)
		defer words.Close()
		eng = eng.WithLabels(&augment.LabelSamplers{Words: words})
	}
	res, err := eng.SampleLabelled(ctx, text, label)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nvariants (seed %d):\n", seed)
	for i, v := range res.Variants {
		fmt.Fprintf(w, "%2d. [%s] %s\n", i+1, strings.Join(v.Ops, "+"), v.Text)
		if d := wordDiff(text, v.Text); d != "" {
			fmt.Fprintf(w, "    %s\n", d)
		}
	}
	if res.Shortfall > 0 {
		fmt.Fprintf(w, "shortfall: %d (%s)\n", res.Shortfall, res.Reason)
	}
	if res.Note != "" {
		fmt.Fprintf(w, "note: %s\n", res.Note)
	}
	for _, n := range opsNotes(rec, text) {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	return nil
}

// printTokens prints the table of text's tokens: kind, tag, locks and the
// synonym candidates of each replaceable word.
func printTokens(w io.Writer, rec recipe.Recipe, text string, learned *textaug.CorpusLocks) error {
	policy, err := rec.Policy()
	if err != nil {
		return err
	}
	policy.Corpus = learned
	toks, err := textaug.Tokens{Tokenizer: rec.Tokenizer(), Policy: policy}.Analyse(text)
	if err != nil {
		return err
	}
	why := learned.Why(toks)
	var src synonyms.Source // built on first need: WordNet loads only then
	var srcErr error
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	head := "token\tkind\ttag\tlocked against\tsynonym candidates"
	if learned != nil {
		head = "token\tkind\ttag\tlocked against\tlearned\tsynonym candidates"
	}
	fmt.Fprintln(tw, head)
	for i, t := range toks {
		if t.Kind == tokenize.Space {
			continue
		}
		cands := ""
		if t.Kind == tokenize.Word && t.Lock&tokenize.LockReplace == 0 {
			if src == nil && srcErr == nil {
				src, srcErr = rec.Synonyms.Build()
			}
			if src != nil {
				cands = strings.Join(src.Synonyms(strings.ToLower(t.Text), t.Tag), ", ")
			}
		}
		if learned != nil {
			cands = or(why[i], "-") + "\t" + cands
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", t.Text, t.Kind, t.Tag, lockNames(t.Lock), cands)
	}
	return tw.Flush()
}

// wordDiff says which words a variant dropped and added, in order, from a
// longest common subsequence of the non-space tokens.
func wordDiff(a, b string) string {
	x, y := words(a), words(b)
	n, m := len(x), len(y)
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			i++
			j++
		case j < m && (i == n || l[i][j+1] >= l[i+1][j]):
			out = append(out, "+"+y[j])
			j++
		default:
			out = append(out, "-"+x[i])
			i++
		}
	}
	return strings.Join(out, " ")
}

func words(s string) []string {
	var w []string
	for _, t := range tokenize.Tokenize(s) {
		if t.Kind != tokenize.Space {
			w = append(w, t.Text)
		}
	}
	return w
}
