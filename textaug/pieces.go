package textaug

import (
	"context"
	"errors"
	"iter"
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/tokenize"
)

// PieceBytes is the length from which a text is read and edited piece by
// piece: a record longer than PieceBytes bytes (a document pasted into
// one row, say) is cut into pieces of at most PieceBytes bytes, at line
// ends or sentence ends where it can be (see [Pieces]), and only one
// piece's tokens exist at a time. What a token costs (about 56 bytes,
// and 2 to 4 tokens a word with the white space) would otherwise make a
// row of a megabyte take a hundred times its size. The texts classifiers
// learn from are far shorter: no row of the shared data sets is longer
// than 500 bytes, and every text of up to PieceBytes bytes is one piece,
// edited exactly as before.
const PieceBytes = 16 << 10

// Pieces returns the ends of the consecutive pieces of text, each at most
// max bytes long (max < 64 means 64) where the text lets it be: the last
// end is len(text), and a text of at most max bytes is one piece. A piece
// ends after the last line break within its reach; failing one, after the
// last sentence mark (. ! ? … followed by white space, or a Chinese one)
// and the white space that follows; failing that, after the last white
// space or Chinese clause mark (、，；：); failing those, beside the last Han
// character (Chinese without marks), or else between the last two symbols
// such as emoji (never inside a flag, or before a modifier, joiner or
// variation selector). A reach with none of these is part
// of one unbroken run (a URL, an identifier, a blob): the piece then goes
// on to the end of that run, so that no token is cut in two, and may be
// longer than max. Cuts never split a character or "\r\n".
func Pieces(text string, max int) []int {
	if max < 64 {
		max = 64
	}
	var ends []int
	for start := 0; start < len(text); {
		end := len(text)
		if end-start > max {
			end = cut(text, start, start+max)
		}
		ends = append(ends, end)
		start = end
	}
	return ends
}

// piecesOf yields the pieces of text that Pieces(text, PieceBytes) cuts,
// with their numbers; a text of up to PieceBytes bytes is one piece.
func piecesOf(text string) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		if len(text) <= PieceBytes {
			yield(0, text)
			return
		}
		start := 0
		for i, end := range Pieces(text, PieceBytes) {
			if !yield(i, text[start:end]) {
				return
			}
			start = end
		}
	}
}

// cut returns the end of the piece that starts at start and may reach
// limit (< len(text)): start < end, and end <= limit unless the reach is
// one unbroken run.
func cut(text string, start, limit int) int {
	window := text[start:limit]
	// A line break: the piece ends after it (and after a "\n" that
	// follows a "\r").
	if i := strings.LastIndexByte(window, '\n'); i >= 0 {
		return start + i + 1
	}
	if e := lastSentenceEnd(window); e > 0 {
		return start + e
	}
	if i := strings.LastIndexAny(window, " \t\v\f\r、，；："); i >= 0 { // a Latin , ; : counts with its space
		_, n := utf8.DecodeRuneInString(window[i:])
		switch {
		case window[i] != '\r' || start+i+1 == len(text) || text[start+i+1] != '\n':
			return start + i + n
		case i > 0:
			return start + i // before a "\r\n" at the end of the reach
		}
	}
	if e := lastBoundary(window, hanSide); e > 0 {
		return start + e
	}
	if e := lastBoundary(window, symbolPair); e > 0 {
		return start + e
	}
	// One unbroken run: go on to the white space or line break after it.
	i := strings.IndexAny(text[limit:], " \t\n\v\f\r")
	if i < 0 {
		return len(text)
	}
	end := limit + i
	if text[end] == '\n' && text[end-1] == '\r' && end-1 > start {
		end-- // keep "\r\n" whole
	}
	return end
}

// lastBoundary returns the last position of window, after its first
// character, whose characters on either side (within the window; 0 after
// the last) ok accepts, or 0.
func lastBoundary(window string, ok func(before, after rune) bool) int {
	var after rune
	for i := len(window); i > 0; {
		r, n := utf8.DecodeLastRuneInString(window[:i])
		if ok(r, after) {
			return i
		}
		after = r
		i -= n
	}
	return 0
}

// hanSide accepts a position beside a Han character: Chinese without
// marks may be cut there.
func hanSide(before, after rune) bool {
	return unicode.Is(unicode.Han, before) || after != 0 && unicode.Is(unicode.Han, after)
}

// symbolPair accepts a position between two symbols (emoji, say) that
// are not flag letters: each is a token of its own, and no modifier,
// joiner or variation selector (not symbols) is split from its emoji.
func symbolPair(before, after rune) bool {
	sym := func(r rune) bool { return unicode.Is(unicode.So, r) && !(r >= 0x1F1E6 && r <= 0x1F1FF) }
	return after != 0 && sym(before) && sym(after)
}

// lastSentenceEnd returns the end of the last sentence of window that
// ends inside it, white space after the mark included, or 0: a mark
// . ! ? … followed by white space (not at the very end of the window,
// where the mark may be "3." of "3.5"), or a Chinese mark 。！？ anywhere.
func lastSentenceEnd(window string) int {
	for i := len(window); i > 0; {
		r, n := utf8.DecodeLastRuneInString(window[:i])
		i -= n
		switch r {
		case '。', '！', '？':
			return i + n
		case '.', '!', '?', '…':
			j := i + n
			if j < len(window) && (window[j] == ' ' || window[j] == '\t') {
				for j < len(window) && (window[j] == ' ' || window[j] == '\t') {
					j++
				}
				if j < len(window) {
					return j
				}
				return i + n + 1 // the window ends in white space: keep one in the piece
			}
		}
	}
	return 0
}

// pieceTokenizer returns the tokenizer for the pieces of text: tk itself,
// except that Auto (and nil) is resolved for the whole text once, so that
// every piece of one record is cut for the record's language.
func pieceTokenizer(tk Tokenizer, text string) Tokenizer {
	switch a := tk.(type) {
	case nil:
		return pieceTokenizer(tokenize.Auto{}, text)
	case tokenize.Auto:
		if tokenize.Language(text) == "zh" {
			return a.Chinese
		}
		return a.English
	}
	return tk
}

// keptTokens is how many tokens of a long text preparePieces keeps
// prepared for every Draw: about 1.1 MB with what the edits work out from
// them (the first 40 KB or so of English, 70 KB of Chinese, or one
// unbroken run of any length), read once, as a shorter text is; the
// pieces after that are read again by each Draw. TestLargeRowCost's
// English row peaks at 5.8 times its size live with none kept, 7 with
// these, 12 with four times as many.
const keptTokens = 16 << 10

// preparePieces is Prepare for a text longer than PieceBytes. It reads
// every piece once to learn which have an editable word, keeping the
// prepared pieces while they hold at most keptTokens tokens in all, and
// no tokens of the others. Each Draw then takes the pieces in order,
// prepares again those not kept, edits each with its own child of the
// attempt's stream, as if it were a record of its own (a rate such as
// EDA's alpha holds over the whole text, a cap such as readable's one
// edit per variant holds per piece), and joins the results. The Ops of a
// variant are the operations that changed any piece, each named once, in
// the order they first did.
func (a Tokens) preparePieces(ctx context.Context, text string) (Draw, error) {
	if a.Edit == nil {
		return nil, ErrNothingToEdit
	}
	p := a
	p.Tokenizer = pieceTokenizer(a.Tokenizer, text)
	var editable []bool
	var kept []Draw
	some, held := false, 0
	for _, piece := range piecesOf(text) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		draw, n, err := p.prepareWhole(piece)
		if err != nil && !errors.Is(err, ErrNothingToEdit) {
			return nil, err
		}
		editable = append(editable, err == nil)
		some = some || err == nil
		if err == nil && held+n <= keptTokens {
			held += n
		} else {
			draw = nil
		}
		kept = append(kept, draw)
	}
	if !some {
		return nil, ErrNothingToEdit
	}
	return func(r *rand.Rand) (string, []string) {
		var b strings.Builder
		b.Grow(len(text) + len(text)/8)
		var ops []string
		for i, piece := range piecesOf(text) {
			child := split(r) // every piece takes a child, editable or not
			var out string
			var pops []string
			if draw := kept[i]; draw != nil {
				out, pops = draw(child.r)
			} else if editable[i] {
				if draw, _, err := p.prepareWhole(piece); err == nil {
					out, pops = draw(child.r)
				}
			}
			child.release()
			if len(pops) == 0 {
				b.WriteString(piece)
				continue
			}
			b.WriteString(out)
			for _, op := range pops {
				if !slices.Contains(ops, op) {
					ops = append(ops, op)
				}
			}
		}
		if len(ops) == 0 {
			return text, nil
		}
		return b.String(), ops
	}, nil
}
