package recipe

import (
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"
)

// Flags declares recipe fields as the flags of a front-end (the CLI, the
// Beam command), with help from the field table and the defaults of
// DefaultPreset, and turns the flags given into overrides.
type Flags struct {
	fs     *flag.FlagSet
	values []*fieldValue
	// file and fileSet are the recipe file of the last Resolve and the
	// fields it set (SetFields), for Check.
	file    string
	fileSet []string
}

// NewFlags declares on fs the flags of the fields whose flags are named,
// every field when none are.
func NewFlags(fs *flag.FlagSet, flags ...string) *Flags {
	def, _ := Preset(DefaultPreset)
	f := &Flags{fs: fs}
	for _, fd := range fieldTable {
		if len(flags) > 0 && !slices.Contains(flags, fd.Flag) {
			continue
		}
		v := &fieldValue{field: fd}
		f.values = append(f.values, v)
		fs.Var(v, fd.Flag, fieldUsage(fd, def))
	}
	return f
}

// fieldUsage is the help of a field's flag: its usage, its name in recipe
// files (which is also the name of its value in the flag list), and its
// value in the default preset.
func fieldUsage(fd Field, def Recipe) string {
	name := "`" + fd.Name + "`"
	if fd.Bool {
		name = fd.Name // a flag without a value
	}
	u := fd.Usage + " [recipe: " + name
	if d := fd.Default(def); d != "" {
		u += "; " + def.Name + ": " + d
	}
	return u + "]"
}

// Resolve returns a front-end's recipe: the preset or recipe file (see
// the function Resolve, whose errors it returns unchanged), with the flags
// that were set applied (Apply). It remembers the fields the recipe file
// set, for Check.
func (f *Flags) Resolve(preset, file string) (Recipe, error) {
	r, err := Resolve(preset, file)
	if err != nil {
		return r, err
	}
	f.file, f.fileSet = file, nil
	if file != "" {
		f.fileSet = r.SetFields()
	}
	return r, f.Apply(&r)
}

// Check checks r (Recipe.Check) for the fields that the flags and the
// recipe file of the last Resolve set. Its error is a UsageError wrapping
// the *CheckError, naming the flag ("--lexicon has no effect: the recipe
// has no synonym or insert operation; add --ops synonym,… or use --preset
// eda") or the file and the field ("mine.yaml: synonyms.lexicons has no
// effect: …").
func (f *Flags) Check(r Recipe) error {
	given := f.given()
	var set []string
	byFlag := map[string]bool{}
	for _, v := range f.values {
		if given[v.field.Flag] {
			set, byFlag[v.field.Name] = append(set, v.field.Name), true
		}
	}
	for _, field := range f.fileSet {
		if !byFlag[field] {
			set = append(set, field)
		}
	}
	var ce *CheckError
	if err := r.Check(set); !errors.As(err, &ce) {
		return err
	}
	if !byFlag[ce.Field] {
		return Usage(&explained{f.file + ": " + ce.Explain(func(field string) string { return field }), ce})
	}
	return Usage(&explained{ce.Explain(f.name) + f.hint(ce), ce})
}

// name names a field by its flag, when it has one here.
func (f *Flags) name(field string) string {
	for _, v := range f.values {
		if v.field.Name == field {
			return "--" + v.field.Flag
		}
	}
	return field
}

// hint says how to make a field that only operations read act: add one
// of them with --ops (when this front-end has it), or use a preset that
// has it.
func (f *Flags) hint(ce *CheckError) string {
	if len(ce.Ops) == 0 || len(ce.On) > 0 || f.name("ops") == "ops" {
		return ""
	}
	h := "; add --ops " + ce.Ops[0] + ",…"
	for _, p := range Presets() {
		if slices.Contains(p.Ops, ce.Ops[0]) {
			return h + " or use --preset " + p.Name
		}
	}
	return h
}

// explained is an error with a front-end's message.
type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }

// Apply applies the flags that were set to r (see Recipe.Apply), and
// names in its error the flag of the field at fault.
func (f *Flags) Apply(r *Recipe) error {
	set := f.given()
	var overrides []Override
	for _, v := range f.values {
		if set[v.field.Flag] {
			overrides = append(overrides, Override{Field: v.field.Name, Values: v.values})
		}
	}
	return f.FlagError(r.Apply(overrides))
}

func (f *Flags) given() map[string]bool {
	set := map[string]bool{}
	f.fs.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
	return set
}

// Value returns the value of a declared field's flag, "" when not given.
func (f *Flags) Value(flag string) string {
	for _, v := range f.values {
		if v.field.Flag == flag && len(v.values) > 0 {
			return v.values[len(v.values)-1]
		}
	}
	return ""
}

// FlagError names, in the error of a recipe field, the flag that set it
// ("--alpha-rs: must be in (0, 1]"), or else the flag that would set it.
func (f *Flags) FlagError(err error) error {
	var fe *FieldError
	if !errors.As(err, &fe) {
		return err
	}
	fd, ok := fieldByName(fe.Field)
	if !ok {
		return err
	}
	if f.given()[fd.Flag] {
		return Usagef("--%s: %v", fd.Flag, fe.Err)
	}
	return fmt.Errorf("%w (flag --%s)", err, fd.Flag)
}

func fieldByName(name string) (Field, bool) {
	i := slices.IndexFunc(fieldTable, func(f Field) bool { return f.Name == name })
	if i < 0 {
		return Field{}, false
	}
	return fieldTable[i], true
}

// fieldValue is the flag of a recipe field: it keeps what was given.
type fieldValue struct {
	field  Field
	values []string
}

func (v *fieldValue) String() string {
	if v == nil {
		return ""
	}
	return strings.Join(v.values, ",")
}

func (v *fieldValue) Set(s string) error {
	if v.field.Repeat {
		v.values = append(v.values, s)
	} else {
		v.values = []string{s}
	}
	return nil
}

// IsBoolFlag makes a boolean field's flag take no value.
func (v *fieldValue) IsBoolFlag() bool { return v.field.Bool }
