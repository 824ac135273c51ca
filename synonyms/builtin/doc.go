// Package builtin embeds an English synonym source derived from WordNet 3.0.
//
// Import it (in a main package, or wherever the data is wanted) to get
// English, a synonyms.Source, and Morphology, the matching lemmatiser and
// inflector. The data is read in place: opening it decodes nothing, and a
// process touches only the pages its lookups reach.
//
// # What is embedded
//
// english.wn (7,385,192 bytes), in the in-place format that
// synonyms.OpenWordNet documents (little-endian uint32 arrays and the
// lemma text, no pointers), holds everything from WordNet 3.0 (Debian's
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
//   - the four exception lists (noun.exc, verb.exc, adj.exc, adv.exc) and
//     their inverses, as Morphy reads them.
//
// # Costs
//
// Targets, and the figures measured on the project's 2-core machine
// (BenchmarkLoad, the heap that TestLoadCost logs, and the textaug binary
// with this file and with the earlier 1,858,666-byte gzip form, which had
// to be decompressed and decoded at start):
//
//   - binary size: at most ~15 MB more; the file is 7.4 MB, and textaug
//     grew by 5.5 MB (38,438,439 to 43,975,111 bytes) against the gzip form;
//   - cold load (open in place, once per process): at most 1 ms; measured
//     1 to 2 µs (the gzip form took 46 ms to decode);
//   - heap after load: at most 64 KB; measured under 1 KB (the gzip form
//     decoded into 9.4 MB of slices).
//
// A lookup (synonyms.WordNet.Synonyms) then takes a few microseconds
// (BenchmarkWordNetSynonyms in package synonyms; BenchmarkLoadLookups here
// opens the data and makes the first lookups, as a process does); nothing
// is cached, so the heap does not grow.
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
// (TestRegenerate checks this when /usr/share/wordnet exists), and
// TestEmbeddedDataChecks reads the file with synonyms.ReadWordNet, which
// checks all of it. When the package version changes, update Version to the
// label gen.go prints.
package builtin
