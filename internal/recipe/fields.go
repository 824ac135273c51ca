package recipe

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// DefaultPreset is the preset of a front-end given neither a preset nor a
// recipe file: the CLI's augment, explain and eval and the Beam pipeline.
const DefaultPreset = "readable"

// FieldError is a bad value of one recipe field, named as in recipe files
// ("k", "rates.swap", "synonyms.polarity_guard", "backtranslate.url"). A
// front-end that set the field from a flag names the flag instead (see
// Field.Flag).
type FieldError struct {
	Recipe string // the recipe's name; "" when there is none yet
	Field  string
	Err    error
}

func (e *FieldError) Error() string {
	if e.Recipe == "" {
		return fmt.Sprintf("recipe: %s: %v", e.Field, e.Err)
	}
	return fmt.Sprintf("recipe %s: %s: %v", e.Recipe, e.Field, e.Err)
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(recipe, field, format string, args ...any) error {
	return &FieldError{Recipe: recipe, Field: field, Err: fmt.Errorf(format, args...)}
}

// Resolve returns the recipe a front-end starts from: the recipe file
// when file is set, else the preset called preset ("" for DefaultPreset).
// Giving both, or an unknown preset, is a UsageError; a recipe file that
// cannot be read or is invalid is not.
func Resolve(preset, file string) (Recipe, error) {
	if file != "" {
		if preset != "" {
			return Recipe{}, Usage(fieldErr("", "preset", "give a preset or a recipe file, not both"))
		}
		return Load(file)
	}
	if preset == "" {
		preset = DefaultPreset
	}
	p, ok := Preset(preset)
	if !ok {
		return Recipe{}, Usage(fieldErr("", "preset", "unknown preset %q (have %s)", preset, PresetNames()))
	}
	return p, nil
}

// Override is a new value of one field (Field.Name), as a front-end's flag
// gives it: Values holds every value of a repeatable field, else one.
type Override struct {
	Field  string
	Values []string
}

// Apply sets the overridden fields, in order, and validates the result.
// Its errors are UsageErrors wrapping a *FieldError.
func (r *Recipe) Apply(overrides []Override) error {
	for _, o := range overrides {
		f, ok := fieldByName(o.Field)
		if !ok {
			return Usage(fieldErr(r.Name, o.Field, "no such field"))
		}
		if err := f.set(r, o.Values); err != nil {
			return Usage(&FieldError{Recipe: r.Name, Field: o.Field, Err: err})
		}
	}
	if err := r.Validate(); err != nil {
		return Usage(err)
	}
	return nil
}

// Field is a recipe field that a front-end offers as a flag. Fields lists
// them all: the CLI declares its flags from it and prints their help
// with the defaults of DefaultPreset.
type Field struct {
	Name   string // path in recipe files: "k", "rates.swap", "backtranslate.url"
	Flag   string // the CLI's flag, without dashes
	Group  string // the flag's group in help (GroupOps, ...)
	Usage  string // the flag's help, without the default
	Bool   bool   // a flag without a value
	Repeat bool   // a flag that may be given several times; its values add up
	set    func(r *Recipe, v []string) error
	show   func(r *Recipe) string // the current value for help; "" for none
}

// Default returns the value of the field in r, as help shows it ("" when
// the field is unset).
func (f Field) Default(r Recipe) string {
	if f.show == nil {
		return ""
	}
	return f.show(&r)
}

// Fields returns the table of the recipe fields that have flags; the
// slice is the caller's.
func Fields() []Field { return slices.Clone(fieldTable) }

// Groups returns the groups of the fields (Field.Group), in the order
// help lists them; the slice is the caller's.
func Groups() []string {
	return []string{GroupOps, GroupProtect, GroupSynonyms, GroupMoreOps, GroupLabels, GroupBacktranslate}
}

// FieldByFlag returns the field whose flag is flag.
func FieldByFlag(flag string) (Field, bool) {
	i := slices.IndexFunc(fieldTable, func(f Field) bool { return f.Flag == flag })
	if i < 0 {
		return Field{}, false
	}
	return fieldTable[i], true
}

// last is the value of a field that is not repeatable.
func last(v []string) string { return v[len(v)-1] }

func intField(dst func(*Recipe) *int) func(*Recipe, []string) error {
	return func(r *Recipe, v []string) error {
		n, err := strconv.Atoi(strings.TrimSpace(last(v)))
		if err != nil {
			return fmt.Errorf("want an integer, got %q", last(v))
		}
		*dst(r) = n
		return nil
	}
}

func floatField(dst func(*Recipe) *float64) func(*Recipe, []string) error {
	return func(r *Recipe, v []string) error {
		x, err := strconv.ParseFloat(strings.TrimSpace(last(v)), 64)
		if err != nil {
			return fmt.Errorf("want a number, got %q", last(v))
		}
		*dst(r) = x
		return nil
	}
}

func stringField(dst func(*Recipe) *string) func(*Recipe, []string) error {
	return func(r *Recipe, v []string) error { *dst(r) = last(v); return nil }
}

func boolField(dst func(*Recipe) *bool) func(*Recipe, []string) error {
	return func(r *Recipe, v []string) error {
		b, err := strconv.ParseBool(last(v))
		if err != nil {
			return fmt.Errorf("want true or false, got %q", last(v))
		}
		*dst(r) = b
		return nil
	}
}

// rateField sets the rate of op, which must be in (0, 1].
func rateField(op string) func(*Recipe, []string) error {
	return func(r *Recipe, v []string) error {
		x, err := strconv.ParseFloat(strings.TrimSpace(last(v)), 64)
		if err != nil || x <= 0 || x > 1 {
			return errors.New("must be in (0, 1]")
		}
		rs := make(map[string]float64, len(r.Rates)+1)
		for o, y := range r.Rates {
			rs[o] = y
		}
		rs[op] = x
		r.Rates = rs
		return nil
	}
}

// splitList splits a comma list, trimming white space and dropping empty
// entries.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func showInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func showFloat(x float64) string {
	if x == 0 {
		return ""
	}
	return strconv.FormatFloat(x, 'g', -1, 64)
}
