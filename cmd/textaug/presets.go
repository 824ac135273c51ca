package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/textaug/textaug/internal/recipe"
)

// printPresets lists the presets, or prints one as a recipe file that can
// be edited and passed back with --recipe: without the settings for
// operations it lacks, which would have no effect in a recipe file.
func printPresets(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: textaug presets [NAME]")
		return exitUsage
	}
	if len(args) == 1 {
		p, ok := recipe.Preset(args[0])
		if !ok {
			fmt.Fprintf(stderr, "textaug presets: unknown preset %q (have %s)\n", args[0], recipe.PresetNames())
			return exitUsage
		}
		b, _ := json.MarshalIndent(p.Active(), "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
		return exitOK
	}
	for _, p := range recipe.Presets() {
		b, _ := json.Marshal(p)
		fmt.Fprintf(stdout, "%s\n  %s\n  %s\n\n", p.Name, p.Description, b)
	}
	fmt.Fprintln(stdout, "Print one as an editable recipe with 'textaug presets NAME > my.json', then use --recipe my.json.")
	return exitOK
}
