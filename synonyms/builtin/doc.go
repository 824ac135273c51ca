// Package builtin embeds an English synonym source derived from WordNet 3.0.
//
// Import it (in a main package, or wherever the data is wanted) to get
// English, a synonyms.Source, and Morphology, the matching lemmatiser and
// inflector. Nothing is parsed until the first call; the cost is paid once
// per process.
//
// # What is embedded
//
// english.wn.gz (1,858,666 bytes, gzip) holds, in the format that
// synonyms.ReadWordNet documents, everything from WordNet 3.0 (Debian's
// wordnet-base 1:3.0-37) that synonym lookup needs and nothing else (no
// glosses, no other relations):
//
//   - the 147,306 lemmas (lower case, spaces between words);
//   - the 117,659 synsets with their members in WordNet's order, a flag for
//     capitalised (proper-noun) members, and their antonym pointers ("!");
//     satellite adjectives count as adjectives;
//   - per (lemma, part of speech), the 155,287 index entries with the senses
//     in WordNet's sense order (most frequently tagged first) and the tag
//     count of each sense from cntlist.rev (35,395 senses have one; the
//     1,992 entries of cntlist.rev whose sense keys match no sense of the
//     Debian data are left out);
//   - the four exception lists (noun.exc, verb.exc, adj.exc, adv.exc).
//
// # Costs
//
// Targets, and the figures measured on the project's 2-core machine
// (medians of 7 runs of BenchmarkLoad, the heap that TestLoadCost logs,
// and the size of a small program built with and without this package):
//
//   - binary size: at most ~15 MB more; measured 1,862,473 bytes more;
//   - cold load (decompress and parse, once per process): at most 150 ms;
//     measured 46 ms;
//   - heap after load: at most 60 MB; measured 9.4 MB.
//
// A lookup (synonyms.WordNet.Synonyms) then takes about 2.6 µs, some
// 390,000 lookups per second on one core (BenchmarkWordNetSynonyms in
// package synonyms); nothing is cached, so the heap does not grow.
//
// # Licence
//
// The data is derived from WordNet 3.0, Copyright 2006 by Princeton
// University, used under the WordNet 3.0 licence reproduced in
// LICENSE.wordnet beside this file.
//
// # Regenerating
//
// Install Debian's wordnet-base package (files under /usr/share/wordnet)
// and run go generate in this directory; gen.go takes -wordnet to read
// another directory. Regenerating from the same files is byte-identical
// (TestRegenerate checks this when /usr/share/wordnet exists). When the
// package version changes, update Version to the label gen.go prints.
package builtin
