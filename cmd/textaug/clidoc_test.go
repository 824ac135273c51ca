package main

//go:generate go test -run TestCLIReference -update

import (
	"bytes"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/internal/recipe"
)

var update = flag.Bool("update", false, "rewrite the generated parts of docs/cli.md")

const (
	cliDoc      = "../../docs/cli.md"
	fieldsBegin = "<!-- recipe fields: generated from internal/recipe's field table by `go generate ./cmd/textaug`; do not edit -->\n"
	fieldsEnd   = "<!-- end of recipe fields -->\n"
)

// fieldsTable is the reference of the recipe fields that have flags, made
// from the table the CLI declares its flags from, in the groups of
// augment --help.
func fieldsTable() string {
	def, _ := recipe.Preset(recipe.DefaultPreset)
	var b strings.Builder
	for i, g := range recipe.Groups() {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString("**" + g + "**\n\n| recipe field | flag | meaning | `" + def.Name + "` |\n|---|---|---|---|\n")
		for _, f := range recipe.Fields() {
			if f.Group != g {
				continue
			}
			flagName := "`--" + f.Flag + "`"
			if f.Repeat {
				flagName += " (repeatable)"
			}
			d := f.Default(def)
			if d != "" {
				d = "`" + d + "`"
			}
			b.WriteString("| `" + f.Name + "` | " + flagName + " | " + strings.ReplaceAll(f.Usage, "|", `\|`) + " | " + d + " |\n")
		}
	}
	return b.String()
}

// helpFlags returns the flags of a command's --help, with their defaults
// as the help prints them ("" when none).
func helpFlags(t *testing.T, command string) map[string]string {
	var stdout, stderr bytes.Buffer
	code := run([]string{command, "--help"}, nil, &stdout, &stderr)
	require.Equal(t, exitOK, code, stderr.String())
	help := stdout.String() + stderr.String()
	flags := map[string]string{}
	re := regexp.MustCompile(`(?m)^  -(\S+)(?: \S+)?\n((?:    \t.*\n)+)`)
	for _, m := range re.FindAllStringSubmatch(help, -1) {
		def := ""
		if d := regexp.MustCompile(`\(default "?([^")]*)"?\)\s*$`).FindStringSubmatch(m[2]); d != nil {
			def = d[1]
		}
		flags[m[1]] = def
	}
	require.NotEmpty(t, flags, "no flags in %s --help", command)
	return flags
}

// section returns the part of doc under "## `textaug NAME`".
func section(t *testing.T, doc, name string) string {
	i := strings.Index(doc, "## `textaug "+name+"`")
	require.GreaterOrEqual(t, i, 0, "docs/cli.md has no section for %s", name)
	rest := doc[i+3:]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// Why: docs/cli.md cannot drift from the commands. Its table of recipe
// fields is generated from the table the flags are declared from; every
// other flag of every command's --help is in that command's section, with
// the default the help prints, and the section names no flag the command
// does not have.
func TestCLIReferenceMatchesHelp(t *testing.T) {
	raw, err := os.ReadFile(cliDoc)
	require.NoError(t, err)
	doc := string(raw)
	i, j := strings.Index(doc, fieldsBegin), strings.Index(doc, fieldsEnd)
	require.True(t, i >= 0 && j > i, "docs/cli.md lacks the generated recipe-field table markers")
	want := doc[:i+len(fieldsBegin)] + fieldsTable() + doc[j:]
	if *update {
		require.NoError(t, os.WriteFile(cliDoc, []byte(want), 0o644))
		doc = want
	}
	assert.Equal(t, want, doc, "docs/cli.md's recipe-field table is stale: run go generate ./cmd/textaug")

	isField := map[string]bool{}
	for _, f := range recipe.Fields() {
		isField[f.Flag] = true
	}
	docFlag := regexp.MustCompile("`(-{1,2}[a-z][a-z0-9-]*)")
	for _, cmd := range []string{"augment", "explain", "eval", "merge", "cache"} {
		sec := section(t, doc, cmd)
		help := helpFlags(t, cmd)
		for name, def := range help {
			if isField[name] {
				continue // in the generated table
			}
			row := docRow(sec, name)
			if !assert.NotEmpty(t, row, "%s --%s is not in docs/cli.md's %s section", cmd, name, cmd) {
				continue
			}
			if cmd == "augment" {
				assert.Equal(t, flagGroup(name), docGroup(sec, row), "augment --%s: the help's group is not the docs'", name)
			}
			if def != "" && name != "workers" { // workers: the machine's core count
				assert.Contains(t, row, def, "%s --%s: the help's default is not the docs'", cmd, name)
			}
		}
		for _, m := range docFlag.FindAllStringSubmatch(sec, -1) {
			name := strings.TrimLeft(m[1], "-")
			_, ok := help[name]
			assert.True(t, ok, "docs/cli.md's %s section names %s, which %s --help does not have", cmd, m[1], cmd)
		}
	}
}

// docGroup returns the group of a row of sec: the last "**Group**" line
// above it.
func docGroup(sec, row string) string {
	group := ""
	for _, l := range strings.Split(sec, "\n") {
		if l == row {
			return group
		}
		if strings.HasPrefix(l, "**") && strings.HasSuffix(l, "**") {
			group = strings.Trim(l, "*")
		}
	}
	return ""
}

// docRow returns the table row or list item of sec that documents flag.
func docRow(sec, flag string) string {
	for _, l := range strings.Split(sec, "\n") {
		if (strings.HasPrefix(l, "| `-") || strings.HasPrefix(l, "- `")) && regexp.MustCompile("`-{1,2}"+regexp.QuoteMeta(flag)+"[` ]").MatchString(l) {
			return l
		}
	}
	return ""
}
