package recipe

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/textaug/textaug/synonyms/domain"
)

// A use says what in a recipe reads a field: the first use whose field is
// the field, or the group the field belongs to ("synonyms" for
// "synonyms.senses"), decides. A field nothing reads has no effect.
type use struct {
	field string
	ops   []string // the operations that read the field
	opOf  bool     // the operation named by the field's last part reads it (rates.swap)
	on    []string // boolean fields that, true, make the recipe read the field
	bt    string   // back-translation reads the field: "any" backend, or this one
}

var (
	synonymOps = []string{"synonym", "insert"}
	learners   = []string{"labels.anchors", "labels.stats_out"}
)

// uses is the table of what reads which recipe field; a field it does not
// name (k, lang, max_tries, chain, protect, labels.balance...) is read by
// every recipe.
var uses = []use{
	{field: "alpha", ops: []string{"synonym", "insert", "swap", "delete", "label-swap"}},
	{field: "rates", opOf: true},
	{field: "weights", opOf: true},
	{field: "max", opOf: true},
	{field: "readable", ops: []string{"swap", "delete", "punct"}},
	{field: "reorder", ops: []string{"swap"}},
	{field: "synonyms.polarity", ops: synonymOps, on: []string{"protect.polarity_anchors"}},
	{field: "synonyms", ops: synonymOps},
	{field: "typo", ops: []string{"typo"}},
	{field: "checklist.entity_kinds", ops: []string{"entity-swap"}},
	{field: "checklist.number_kinds", ops: []string{"number-swap"}},
	{field: "llm.k", ops: []string{"paraphrase"}},
	{field: "llm.paraphrase_prompt", ops: []string{"paraphrase"}},
	{field: "llm.n", ops: []string{"generate"}},
	{field: "llm.examples", ops: []string{"generate"}},
	{field: "llm.generate_prompt", ops: []string{"generate"}},
	{field: "llm", ops: llmOps},
	{field: "labels.anchor_min_z", ops: []string{"label-swap"}, on: learners},
	{field: "labels.anchor_min_rows", ops: []string{"label-swap"}, on: learners},
	{field: "labels.anchor_max", ops: []string{"label-swap"}, on: learners},
	{field: "labels.anchor_locks", ops: []string{"label-swap"}, on: learners[:1]},
	{field: "labels.stats", ops: []string{"label-swap"}, on: learners[:1]},
	{field: "backtranslate.backend"},
	{field: "backtranslate.model", bt: "openai"},
	{field: "backtranslate.temperature", bt: "openai"},
	{field: "backtranslate.seed", bt: "openai"},
	{field: "backtranslate.region", bt: "azure"},
	{field: "backtranslate.template", bt: "template"},
	{field: "backtranslate", bt: "any"},
}

// everyRecipe are the fields a recipe file must have, which therefore
// never count as set by it (see SetFields).
var everyRecipe = []string{"name", "description", "k", "alpha", "ops", "synonyms.base", "synonyms.polarity_guard"}

// A CheckError is a field that was set but cannot act: nothing in the
// recipe reads it (Ops, On or Backend say what would), or it names a file
// that is not there (Path, Err) or a domain pack that does not exist (Err).
// Error names fields as recipe files do; Explain names them as a
// front-end does.
type CheckError struct {
	Field   string   // the field at fault, as recipe files name it
	Ops     []string // the operations that would read Field
	On      []string // or the boolean fields that, true, would
	Backend string   // or the back-translation backend that would ("any" for every one)
	Have    string   // the recipe's backend, when Backend is another
	Path    string   // the file Field names that cannot be read
	Err     error    // why Path cannot be read, or the name is unknown
}

// Explain says what is wrong, naming each field with name ("--lexicon"
// for "synonyms.lexicons" on the command line).
func (e *CheckError) Explain(name func(field string) string) string {
	switch {
	case e.Path != "":
		return fmt.Sprintf("%s %s: %v", name(e.Field), e.Path, e.Err)
	case e.Err != nil:
		return fmt.Sprintf("%s: %v", name(e.Field), e.Err)
	case e.Backend == "any" || e.Backend != "" && e.Have == "":
		return fmt.Sprintf("%s has no effect without %s", name(e.Field), name("backtranslate.backend"))
	case e.Backend != "":
		return fmt.Sprintf("%s has no effect: it is for %s %s, not %s", name(e.Field), name("backtranslate.backend"), e.Backend, e.Have)
	}
	msg := fmt.Sprintf("%s has no effect: the recipe has no %s operation", name(e.Field), orList(e.Ops))
	if len(e.On) > 0 {
		on := make([]string, len(e.On))
		for i, f := range e.On {
			on[i] = name(f)
		}
		msg += ", nor " + orList(on)
	}
	return msg
}

func (e *CheckError) Error() string {
	return "recipe: " + e.Explain(func(field string) string { return field })
}

func (e *CheckError) Unwrap() error { return e.Err }

// orList joins words with commas and a last "or".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// Check refuses, before anything is read, a field of set (fields as
// recipe files name them) that cannot act: one that nothing in the recipe
// reads (lexicons without a synonym or insert operation, a back-translation
// setting without a backend or for another backend), a file that is not
// there, an unknown domain pack. Only the fields in set count: a preset's
// own settings for operations it lacks never trip it. Its error is a
// *CheckError, for the first field at fault, fields that cannot act first.
func (r Recipe) Check(set []string) error {
	for _, f := range set {
		if err := r.idle(f); err != nil {
			return err
		}
	}
	for _, f := range set {
		if err := r.missing(f); err != nil {
			return err
		}
	}
	return nil
}

// idle returns the error of field when nothing in r reads it, else nil.
func (r *Recipe) idle(field string) *CheckError {
	i := slices.IndexFunc(uses, func(u use) bool { return field == u.field || strings.HasPrefix(field, u.field+".") })
	if i < 0 {
		return nil
	}
	u := uses[i]
	if u.bt != "" {
		have := r.Backtranslate.Backend
		if have == "" || u.bt != "any" && u.bt != have {
			return &CheckError{Field: field, Backend: u.bt, Have: have}
		}
		return nil
	}
	ops := u.ops
	if u.opOf {
		ops = []string{field[strings.LastIndex(field, ".")+1:]}
	}
	if len(ops) == 0 || slices.ContainsFunc(ops, func(o string) bool { return slices.Contains(r.Ops, o) }) ||
		slices.ContainsFunc(u.on, r.on) {
		return nil
	}
	return &CheckError{Field: field, Ops: ops, On: u.on}
}

// on reports the value of a boolean field of uses' on lists.
func (r *Recipe) on(field string) bool {
	switch field {
	case "protect.polarity_anchors":
		return r.Protect.PolarityAnchors
	case "labels.anchors":
		return r.Labels.Anchors
	case "labels.stats_out":
		return r.Labels.StatsOut != ""
	}
	return false
}

// missing returns the error of field when it names a file that is not
// there or a domain pack that does not exist, else nil.
func (r *Recipe) missing(field string) *CheckError {
	if field == "synonyms.domains" {
		for _, d := range r.Synonyms.Domains {
			if d = strings.TrimSpace(d); d != "none" && d != "" && !slices.Contains(domain.Names(), d) {
				return &CheckError{Field: field, Err: fmt.Errorf("unknown pack %q (have %s, or none)", d, strings.Join(domain.Names(), ", "))}
			}
		}
	}
	for _, path := range r.files(field) {
		if _, err := os.Stat(path); path != "" && err != nil {
			return &CheckError{Field: field, Path: path, Err: err}
		}
	}
	return nil
}

// files returns the files that field names, which must exist (not the
// outputs and caches, which are created).
func (r *Recipe) files(field string) []string {
	switch field {
	case "synonyms.lexicons":
		return r.Synonyms.Lexicons
	case "synonyms.blocklists":
		return r.Synonyms.Blocklists
	case "synonyms.polarity":
		return r.Synonyms.Polarity
	case "protect.file":
		return []string{r.Protect.File}
	case "backtranslate.template":
		return []string{r.Backtranslate.Template}
	case "backtranslate.keys_file":
		return []string{r.Backtranslate.KeysFile}
	case "llm.keys_file":
		return []string{r.LLM.KeysFile}
	case "labels.stats":
		return []string{r.Labels.Stats}
	}
	return nil
}

// SetFields returns the fields that r sets, as recipe files name them
// ("synonyms.lexicons", "rates.swap"): those whose value is not empty,
// zero or false, but for the fields every recipe file has (k, alpha, ops,
// synonyms.base, synonyms.polarity_guard, name, description). For a
// recipe file, these are the fields Check is to look at.
func (r Recipe) SetFields() []string {
	tree, err := r.tree()
	if err != nil {
		return nil
	}
	var out []string
	leaves("", tree, &out)
	return slices.DeleteFunc(out, func(f string) bool { return slices.Contains(everyRecipe, f) })
}

// Active returns r without the set fields that nothing in it reads (see
// Check): a preset's settings for operations it lacks. `textaug presets
// NAME` prints it, a recipe file that Check accepts.
func (r Recipe) Active() Recipe {
	tree, err := r.tree()
	if err != nil {
		return r
	}
	for _, f := range r.SetFields() {
		if r.idle(f) != nil {
			drop(tree, strings.Split(f, "."))
		}
	}
	var out Recipe
	b, err := json.Marshal(tree)
	if err != nil || json.Unmarshal(b, &out) != nil {
		return r
	}
	return out
}

// tree is r as JSON objects, keyed as in recipe files.
func (r Recipe) tree() (map[string]any, error) {
	b, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	var tree map[string]any
	return tree, json.Unmarshal(b, &tree)
}

// leaves appends to out the paths of the values of v that are not empty,
// zero or false, objects descended into, in the order of their keys.
func leaves(prefix string, v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			leaves(p, x[k], out)
		}
	case string:
		if x != "" {
			*out = append(*out, prefix)
		}
	case float64:
		if x != 0 {
			*out = append(*out, prefix)
		}
	case bool:
		if x {
			*out = append(*out, prefix)
		}
	case []any:
		if len(x) > 0 {
			*out = append(*out, prefix)
		}
	}
}

// drop deletes the value at path from tree.
func drop(tree map[string]any, path []string) {
	if len(path) == 1 {
		delete(tree, path[0])
		return
	}
	if sub, ok := tree[path[0]].(map[string]any); ok {
		drop(sub, path[1:])
	}
}
