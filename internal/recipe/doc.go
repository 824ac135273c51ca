// Package recipe turns a named preset or a JSON/YAML recipe file into a
// textaug.Augmenter: the one place where operation names become
// strategies. The CLI, `textaug eval` and the Beam pipeline (module
// beam/) build their augmenters here, so one configuration gives the same
// variants everywhere.
//
// A Recipe is plain data; Build-style methods load what it names (the
// embedded WordNet, domain packs, lexicons, a translator and its cache).
// Recipes are not safe for concurrent mutation; the augmenters they build
// are safe for concurrent use.
package recipe
