// Command textaug makes label-preserving variants of sentences.
//
//	textaug augment -k 4 --seed 1 sentences.txt
//
// See `textaug help` and docs/cli.md for every command and flag.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
