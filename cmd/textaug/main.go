// Command textaug makes label-preserving variants of sentences.
//
//	textaug augment -k 4 --seed 1 sentences.txt
//
// See `textaug help` and docs/cli.md for every command and flag.
package main

import "os"

func main() {
	if len(os.Args) > 1 && os.Args[1] == "augment" {
		limitMemory(os.Getenv) // a process setting: here, not in run, which tests call
	}
	stop := startProfile(os.Getenv, os.Stderr)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
