package main

import (
	"errors"
	"flag"

	"github.com/textaug/textaug/internal/recipe"
)

// recipeFlags are the flags that configure the pipeline, shared by
// augment, explain and eval: --preset or --recipe, and one flag per recipe
// field (recipe.Fields), whose help shows the default preset's value. A
// flag that is set overrides the preset or recipe file.
type recipeFlags struct {
	preset, recipe string
	fields         *recipe.Flags
}

func (f *recipeFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.preset, "preset", "", "named recipe: "+recipe.PresetNames()+" (see 'textaug presets'; default "+recipe.DefaultPreset+")")
	fs.StringVar(&f.recipe, "recipe", "", "recipe file (JSON or YAML) with the whole pipeline; flags override it")
	f.fields = recipe.NewFlags(fs)
}

// resolve returns the recipe: the preset or recipe file, overridden by the
// flags that were set.
func (f *recipeFlags) resolve() (recipe.Recipe, error) {
	r, err := f.fields.Resolve(f.preset, f.recipe)
	return r, f.presetError(err)
}

// check refuses, before anything is read, a flag or a field of the recipe
// file that cannot act (recipe.Flags.Check): one that no chosen operation
// reads, a file that is not there, an unknown domain pack.
func (f *recipeFlags) check(r recipe.Recipe) error { return f.fields.Check(r) }

// presetError names the flags in an error of recipe.Resolve.
func (f *recipeFlags) presetError(err error) error {
	var fe *recipe.FieldError
	if !errors.As(err, &fe) || fe.Field != "preset" {
		return err
	}
	if f.recipe != "" && f.preset != "" {
		return recipe.Usagef("--preset and --recipe: give one")
	}
	return recipe.Usagef("--preset: %v", fe.Err)
}

// lang is the value of --lang, "" when not given.
func (f *recipeFlags) lang() string { return f.fields.Value("lang") }
