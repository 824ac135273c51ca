// Package lexdata holds the small word lists and tables that textaug's
// noise and CheckList operations read: keyboard layouts (typo), common
// misspellings (typo), words a typo must never produce (typo), and names
// of persons, companies and places (entity swap).
//
// Everything is embedded text, parsed once on first use (sync.OnceValues)
// and shared by every caller: returned values are read-only and safe for
// concurrent use. Nothing is parsed by importing the package.
//
// # What is embedded, and its licence
//
// Every list was written for textaug and is under the repository's MIT
// licence. Names of persons, companies and places are facts, collected by
// hand from common given and family names and from large listed
// companies and banks (among them the Finnish companies of the Financial
// PhraseBank's news); no third-party list was copied.
//
//	file               bytes  content
//	qwerty.txt           408  US/UK QWERTY neighbour keys, 26 letters
//	qwertz.txt           282  German QWERTZ (Y and Z exchanged)
//	azerty.txt           280  French AZERTY
//	misspellings.txt   4,013  177 words with 1-3 common misspellings each
//	risky.txt          1,865  214 words a typo must never produce
//	persons.txt        1,031  75 given names, 46 family names
//	companies.txt        902  62 companies in 6 sectors
//	places.txt           796  39 cities, 31 countries (4 written with "the")
//
// Parsing all of it takes about 0.36 ms (median of 5 runs of
// BenchmarkParse on the project's 2-core machine) and holds about 50 KB of
// heap (TestParseHeap logs it).
//
// # Adding a keyboard layout
//
// A layout is a text file with one line per key: the key, a space, and
// the keys next to it ("q wa"). ParseLayout reads one; a Layout is what
// textaug.Typo's Keyboard field takes.
package lexdata
