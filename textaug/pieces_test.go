package textaug_test

import (
	"context"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/textaug/textaug/textaug"
)

// piecesOf returns the pieces that Pieces cuts text into.
func piecesOf(text string, max int) []string {
	var out []string
	start := 0
	for _, end := range textaug.Pieces(text, max) {
		out = append(out, text[start:end])
		start = end
	}
	return out
}

// checkPieces asserts what every cut must be: pieces that are not empty,
// at most max bytes, whole characters and no split "\r\n", and that
// join back into the text.
func checkPieces(t *testing.T, text string, limit int) []string {
	t.Helper()
	ps := piecesOf(text, limit)
	assert.Equal(t, text, strings.Join(ps, ""), "the pieces are the text")
	for i, p := range ps {
		assert.NotEmpty(t, p, "piece %d", i)
		if len(p) > max(limit, 64) { // only one unbroken run may be longer
			assert.NotRegexp(t, `[\s\p{Han}、，；：]`, p[:max(limit, 64)], "piece %d is longer than it may be: %q", i, p)
		}
		assert.True(t, utf8.ValidString(p) || !utf8.ValidString(text), "piece %d splits a character: %q", i, p)
		if i+1 < len(ps) {
			assert.False(t, strings.HasSuffix(p, "\r") && strings.HasPrefix(ps[i+1], "\n"), "piece %d splits a CRLF", i)
		}
	}
	return ps
}

func TestPiecesCutWhereAReaderWould(t *testing.T) {
	for _, c := range []struct {
		name, text string
		max        int
		want       []string
	}{
		{"short text is one piece", "I lost my card.", 64, []string{"I lost my card."}},
		{"empty text has no piece", "", 64, nil},
		{"after the last line break", strings.Repeat("a", 40) + "\n" + strings.Repeat("b", 40),
			64, []string{strings.Repeat("a", 40) + "\n", strings.Repeat("b", 40)}},
		{"after the sentence mark and its space",
			"My card is lost. I need a new one now. Please help me with it soon!",
			64, []string{"My card is lost. I need a new one now. ", "Please help me with it soon!"}},
		{"a decimal point is no sentence end",
			"Profit rose to EUR 25.8 mn from EUR 19.3 mn, and sales rose to EUR 3.5 mn in 2007",
			64, []string{"Profit rose to EUR 25.8 mn from EUR 19.3 mn, and sales rose to ", "EUR 3.5 mn in 2007"}},
		{"after a Chinese sentence mark",
			"我的银行卡丢了。请帮我查一下余额，今天天气很好我们",
			64, []string{"我的银行卡丢了。", "请帮我查一下余额，今天天气很好我们"}},
		{"after a clause mark when no sentence ends",
			"我的银行卡丢了，请帮我查一下余额今天天气很好我们去北京",
			64, []string{"我的银行卡丢了，", "请帮我查一下余额今天天气很好我们去北京"}},
		{"at a character boundary when nothing else",
			strings.Repeat("银", 30), 64, []string{strings.Repeat("银", 21), strings.Repeat("银", 9)}},
		{"beside a Han character in a Latin run",
			strings.Repeat("x", 50) + "银行" + strings.Repeat("y", 30), 64,
			[]string{strings.Repeat("x", 50) + "银行", strings.Repeat("y", 30)}},
		{"between two emoji, never inside one",
			strings.Repeat("😀", 15) + "👍🏽" + "🇬🇧" + "👨\u200d👩", 64,
			[]string{strings.Repeat("😀", 15), "👍🏽🇬🇧👨\u200d👩"}},
		{"an unbroken run is not cut",
			"see https://example.com/" + strings.Repeat("a/", 40) + " now", 64,
			[]string{"see ", "https://example.com/" + strings.Repeat("a/", 40), " now"}},
		{"a run to the end of the text",
			strings.Repeat("a", 200), 64, []string{strings.Repeat("a", 200)}},
		{"a run before a CRLF",
			strings.Repeat("a", 100) + "\r\nb", 64, []string{strings.Repeat("a", 100), "\r\nb"}},
		{"CRLF stays whole", strings.Repeat("a", 63) + "\r\n" + "b", 64,
			[]string{strings.Repeat("a", 63), "\r\nb"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, checkPieces(t, c.text, c.max))
		})
	}
}

func TestPiecesOfLargeRows(t *testing.T) {
	for _, text := range []string{largeEnglish(200_000), largeChinese(200_000)} {
		ps := checkPieces(t, text, textaug.PieceBytes)
		assert.Greater(t, len(ps), 200_000/textaug.PieceBytes)
		for _, p := range ps[:len(ps)-1] {
			assert.Regexp(t, `(\. |[。？])$`, p, "the generated rows have sentence ends to cut at")
			assert.Greater(t, len(p), textaug.PieceBytes/2, "pieces are not much shorter than they may be")
		}
	}
}

func FuzzPieces(f *testing.F) {
	f.Add("My card is lost. I need a new one now.\nPlease help!", 70)
	f.Add("我的银行卡丢了。请帮我查一下余额，今天天气很好", 64)
	f.Add("a\r\nb\r\nc", 1)
	f.Add("\xff\xfe broken", 64)
	f.Fuzz(func(t *testing.T, text string, max int) {
		max = 1 + abs(max)%300
		checkPieces(t, text, max)
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// longRecord is a text of several pieces: the sentences of the helpers,
// figures and negations included, over and over.
func longRecord() string {
	var b strings.Builder
	for b.Len() < 3*textaug.PieceBytes {
		for _, s := range sentences {
			b.WriteString(s)
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// A record longer than PieceBytes is edited piece by piece: every piece
// of a variant is the piece's own variant (drawn from its child of the
// attempt's stream) or the piece itself, figures and negations are kept
// throughout, Ops name each operation once, and the same stream gives
// the same variant.
func TestTokensEditALongRecordPieceByPiece(t *testing.T) {
	text := longRecord()
	require.Greater(t, len(text), 2*textaug.PieceBytes)
	aug := textaug.Tokens{Edit: textaug.EDA(table, 0.1)}
	draw, err := aug.Prepare(context.Background(), text)
	require.NoError(t, err)
	for seed := range uint64(5) {
		v, ops := draw(rand.New(rand.NewPCG(seed, 1)))
		again, opsAgain := draw(rand.New(rand.NewPCG(seed, 1)))
		assert.Equal(t, v, again, "the same stream, the same variant")
		assert.Equal(t, ops, opsAgain)
		require.True(t, v != text, "a variant differs from the text")
		require.NotEmpty(t, ops)
		seen := map[string]bool{}
		for _, op := range ops {
			assert.False(t, seen[op], "%s named twice in %v", op, ops)
			seen[op] = true
		}
		assert.True(t, textaug.KeepsFigures(text, v), "figures and negations kept in every piece")
		// Most pieces changed: EDA's rate holds over the whole text, not
		// one change for the record.
		changed := 0
		for _, p := range piecesOf(text, textaug.PieceBytes) {
			if !strings.Contains(v, p) {
				changed++
			}
		}
		assert.GreaterOrEqual(t, changed, 3, "every piece is edited")
	}
}

// A long record whose pieces have nothing to edit is ErrNothingToEdit, as
// a short one is; a piece with nothing to edit stays as it is.
func TestTokensLongRecordWithNothingToEdit(t *testing.T) {
	figures := strings.Repeat("12345 67890 EUR 25.8 mn 3% 2024-03-05. ", textaug.PieceBytes/20)
	_, err := textaug.Tokens{Edit: textaug.EDA(table, 0.1)}.Prepare(context.Background(), figures)
	assert.ErrorIs(t, err, textaug.ErrNothingToEdit)

	text := figures + "\n" + strings.Repeat("I lost my card and need help. ", 10)
	draw, err := textaug.Tokens{Edit: textaug.RandomSwap{Max: 1}}.Prepare(context.Background(), text)
	require.NoError(t, err)
	changed := 0
	for seed := range uint64(10) {
		v, ops := draw(rand.New(rand.NewPCG(seed, 2)))
		assert.True(t, strings.HasPrefix(v, figures+"\n"), "the pieces of figures are kept as they are")
		if v != text {
			changed++
			assert.Equal(t, []string{"swap"}, ops)
		} else {
			assert.Empty(t, ops, "no change, no operation")
		}
	}
	assert.Greater(t, changed, 5, "most attempts swap two different words")
}

// A cancelled context stops the first reading of a long record.
func TestTokensLongRecordHonoursTheContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := textaug.Tokens{Edit: textaug.EDA(table, 0.1)}.Prepare(ctx, longRecord())
	assert.ErrorIs(t, err, context.Canceled)
}

// A row read in pieces counts once: the corpus's rows, each label's rows
// and its anchors' row counts and z-scores are those of the corpus in
// which that row is one of its sentences, and a name in every piece is
// an entity of one row.
func TestStatsBuilderCountsALongRowOnce(t *testing.T) {
	sentence := "When will my new card from Nokia arrive? "
	long := strings.Repeat(sentence, 3*textaug.PieceBytes/len(sentence))
	require.Greater(t, len(textaug.Pieces(long, textaug.PieceBytes)), 2)
	stats := func(first string) *textaug.CorpusStats {
		b := textaug.StatsBuilder{MinRows: 2, MinZ: 0.5}
		require.NoError(t, b.Add(first, "card_arrival"))
		for _, s := range []string{"Has my card arrived?", "My card has not arrived yet.", "The card will arrive soon?"} {
			require.NoError(t, b.Add(s, "card_arrival"))
		}
		for _, s := range []string{"What is the exchange rate?", "Which exchange rate do you use?", "Is the rate good today?"} {
			require.NoError(t, b.Add(s, "exchange_rate"))
		}
		return b.Stats()
	}
	got, want := stats(long), stats(strings.TrimSpace(sentence))
	assert.Equal(t, want.Rows, got.Rows)
	assert.Equal(t, 7, got.Rows)
	require.Len(t, got.Labels, 2)
	for i := range want.Labels {
		assert.Equal(t, want.Labels[i].Rows, got.Labels[i].Rows)
		assert.Equal(t, want.Labels[i].Anchors, got.Labels[i].Anchors, want.Labels[i].Label)
	}
	assert.NotEmpty(t, got.Labels[0].Anchors)
	assert.Equal(t, want.Entities, got.Entities)
	assert.Contains(t, got.Entities, "nokia")
}

// KeepsFigures reads a long text piece by piece too, and still sees a
// figure or a negation lost anywhere in it.
func TestKeepsFiguresOfALongText(t *testing.T) {
	text := longRecord()
	require.Greater(t, len(textaug.Pieces(text, textaug.PieceBytes)), 2)
	assert.True(t, textaug.KeepsFigures(text, text))
	last := strings.LastIndex(text, "EUR 19.3 mn")
	require.Greater(t, last, 2*textaug.PieceBytes, "a figure in the last piece")
	assert.False(t, textaug.KeepsFigures(text, text[:last]+"EUR 19.4 mn"+text[last+len("EUR 19.3 mn"):]), "a changed figure")
	neg := strings.LastIndex(text, "did not pay")
	require.Greater(t, neg, 2*textaug.PieceBytes)
	assert.False(t, textaug.KeepsFigures(text, text[:neg]+"did pay"+text[neg+len("did not pay"):]), "a lost negation")
	assert.Equal(t, textaug.Loss{}, textaug.Compare(text, text+" Thank you."), "an added sentence without figures")
}

// SkipContexts leaves the label-swap contexts out and changes nothing
// else: the same rows, anchors and entities.
func TestStatsBuilderSkipContexts(t *testing.T) {
	rows := [][2]string{
		{"When will my new card from Nokia arrive?", "card"}, {"Has my card arrived?", "card"},
		{"My card has not arrived yet.", "card"}, {"My new card has still not arrived.", "card"},
		{"My old card has still not arrived.", "card"}, {"My spare card has still not arrived.", "card"},
		{"What is the exchange rate?", "rate"}, {"Which exchange rate do you use?", "rate"}, {"Is the exchange rate good?", "rate"},
		{"Is the interest rate good?", "rate"}, {"Is the current rate good?", "rate"},
	}
	stats := func(skip bool) *textaug.CorpusStats {
		b := textaug.StatsBuilder{MinRows: 2, MinZ: 0.5, SkipContexts: skip}
		for _, r := range rows {
			require.NoError(t, b.Add(r[0], r[1]))
		}
		return b.Stats()
	}
	all, some := stats(false), stats(true)
	require.Len(t, some.Labels, 2)
	contexts := 0
	for i := range all.Labels {
		contexts += len(all.Labels[i].Contexts)
		assert.Empty(t, some.Labels[i].Contexts)
		assert.Equal(t, all.Labels[i].Anchors, some.Labels[i].Anchors)
		assert.Equal(t, all.Labels[i].Rows, some.Labels[i].Rows)
	}
	assert.Positive(t, contexts, "without SkipContexts there are contexts")
	assert.NotEmpty(t, some.Labels[0].Anchors)
	assert.Equal(t, all.Entities, some.Entities)
	assert.Equal(t, all.Rows, some.Rows)
}
