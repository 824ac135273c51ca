package textaug

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/textaug/textaug/tokenize"
)

// Policy decides which tokens strategies may touch. It is what keeps
// labels: a finance sentence whose amount, percentage or "not" changed has
// a different label.
//
// Whatever the fields say, these are always frozen (never replaced,
// deleted or moved): numbers, money, percents, dates and times,
// identifiers, URLs, emails, emoji, punctuation, symbols, contraction parts
// and the words they are glued to ("ca" of "can't"), also where text
// tokenized the Penn Treebank way writes them apart ("CapMan Plc 's own",
// "does n't", "Fiskars ' net"), with nothing inserted in between. The words right
// next to a figure (number, amount, percent, date, identifier) are never
// deleted or moved, since they say what the figure means ("from EUR 3 mn
// to EUR 5 mn"), and nothing is inserted beside a figure or inside a
// multi-token protected span.
//
// The zero Policy (and a nil *Policy) also freezes DefaultNegations and
// proper nouns, and never replaces DefaultStopwords. A Policy is safe for
// concurrent use once built and must not be copied after first use.
//
// Chinese. Words are written without spaces, so the rules about glued
// tokens only hold where a space would be needed (tokenize.NeedSpace):
// adjacent Chinese words are free and may get an insertion between them.
// A negation of one Han character (不, 没, 未, 无, 非, 别, ...) also
// freezes every Han word that starts with it (不好, 没钱, 无效, 未到账),
// and 不, 没, 未, 无 and 非 freeze every word that holds them (对不起,
// 受不了, 还没, 尚未, 除非, 走投无路). This over-protects a few words
// (非常, 未来, 别人, 无论, 是非, 休息), which is the safe side.
type Policy struct {
	// Keep lists words and multi-word phrases that are never edited,
	// matched case-insensitively on token boundaries ("Apple Pay", "top-up").
	// A phrase with Han characters is matched anywhere in the text
	// ("招商银行"), since Chinese has no spaces to mark word boundaries,
	// and freezes every token it overlaps.
	Keep []string
	// Patterns freeze every token that overlaps one of their matches.
	Patterns []*regexp.Regexp
	// Negations are never deleted, moved or replaced; nil means
	// DefaultNegations. Give an empty non-nil slice to protect none.
	Negations []string
	// Stopwords are never replaced by synonyms or used as insertion seeds
	// (they may still be deleted or swapped); nil means DefaultStopwords.
	Stopwords []string
	// Anchors are never deleted or moved, but may be replaced by a
	// synonym: the words a label hangs on that have safe synonyms, such as
	// the direction words of finance news ("rose" may become "climbed",
	// never disappear). Case-insensitive single words.
	Anchors []string
	// EditProperNouns lets strategies edit tokens tagged NNP or NNPS
	// (entities such as company and product names); they are frozen by
	// default.
	EditProperNouns bool

	once     sync.Once
	keep     map[string][][]string // first word -> phrases (lower case)
	keepHan  []string              // phrases with Han characters (lower case)
	negation map[string]bool
	negHan   map[rune]bool // one-character Han negations: prefixes of negated words
	negIn    map[rune]bool // Han negations that negate a word wherever they stand in it
	stop     map[string]bool
	anchor   map[string]bool
}

// DefaultNegations returns the negations and polarity shifters that the
// zero Policy freezes; the slice is the caller's.
func DefaultNegations() []string { return slices.Clone(defaultNegations) }

// DefaultStopwords returns the words the zero Policy never replaces: the
// EDA reference's list, a few chat words and adverbs whose WordNet senses
// mislead; the slice is the caller's.
func DefaultStopwords() []string { return slices.Clone(defaultStopwords) }

// defaultNegations is DefaultNegations; nothing modifies it.
var defaultNegations = []string{
	"not", "no", "never", "n't", "n’t", "nor", "neither", "none", "nobody", "nothing", "nowhere",
	"noone", "cannot", "without", "hardly", "barely", "scarcely", "seldom", "rarely",
	"lack", "lacks", "lacked", "lacking", "fail", "fails", "failed", "failing", "unable",
	"except", "but", "however", "although", "though", "despite", "yet", "instead",
	"less", "fewer", "least", "only", "against",
	// Chinese (simplified and traditional). A one-character entry also
	// freezes the Han words that start with it; see Policy.
	"不", "没", "沒", "别", "別", "未", "无", "無", "非", "勿", "莫", "甭", "休", "否",
	"没有", "沒有", "不要", "不用", "不必", "不是", "不会", "不能", "不可", "不得", "不行", "不再",
	"未能", "未曾", "未必", "无法", "無法", "无须", "别再", "并非", "並非", "并不", "并没有", "绝不",
	"决不", "毫不", "毫无", "从不", "从未", "从没", "根本不", "没法", "难以", "拒绝", "禁止", "缺乏",
	"可别", "千万别", "莫要", "休想",
	"但", "但是", "可是", "然而", "却", "不过", "虽然", "尽管", "只", "只有", "仅", "仅仅",
}

// defaultStopwords is DefaultStopwords; nothing modifies it.
var defaultStopwords = []string{
	"i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
	"yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself",
	"it", "its", "itself", "they", "them", "their", "theirs", "themselves", "what", "which",
	"who", "whom", "this", "that", "these", "those", "am", "is", "are", "was", "were", "be",
	"been", "being", "have", "has", "had", "having", "do", "does", "did", "doing", "a", "an",
	"the", "and", "but", "if", "or", "because", "as", "until", "while", "of", "at", "by", "for",
	"with", "about", "against", "between", "into", "through", "during", "before", "after",
	"above", "below", "to", "from", "up", "down", "in", "out", "on", "off", "over", "under",
	"again", "further", "then", "once", "here", "there", "when", "where", "why", "how", "all",
	"any", "both", "each", "few", "more", "most", "other", "some", "such", "no", "nor", "not",
	"only", "own", "same", "so", "than", "too", "very", "s", "t", "can", "will", "just", "don",
	"should", "now", "please", "can", "could", "would", "may", "might", "must", "shall",
	"also", "get", "got", "let", "ok", "okay", "yes", "hi", "hello", "thanks",
	// Adverbs whose WordNet senses mislead ("still" -> "withal", "back" ->
	// "backward").
	"still", "already", "ever", "even", "really", "quite", "back", "away", "anyway",
	// Chinese function words, pronouns, modal verbs and particles.
	"的", "地", "得", "了", "着", "过", "是", "在", "和", "与", "及", "或", "或者", "还是", "也", "都", "就",
	"才", "又", "再", "还", "很", "太", "最", "更", "挺", "真", "好", "吗", "呢", "吧", "啊", "呀", "哦", "嘛",
	"啦", "哈", "嗯", "喔", "么", "之", "而", "把", "被", "给", "让", "对", "从", "向", "到", "于", "为",
	"以", "跟", "同", "比", "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "它们", "咱",
	"咱们", "俺", "自己", "这", "那", "哪", "这个", "那个", "哪个", "这些", "那些", "这里", "那里", "哪里",
	"这儿", "那儿", "哪儿", "这样", "那样", "怎样", "什么", "啥", "怎么", "为什么", "谁", "多少", "几",
	"有", "要", "想", "能", "会", "可以", "可能", "应该", "得", "请", "谢谢", "因为", "所以", "如果",
	"而且", "并且", "就是", "已经", "正在", "一", "个", "些",
}

func (p *Policy) build() {
	p.once.Do(func() {
		p.keep = make(map[string][][]string)
		for _, k := range p.Keep {
			if strings.IndexFunc(k, isHan) >= 0 {
				if k = strings.ToLower(strings.TrimSpace(k)); k != "" {
					p.keepHan = append(p.keepHan, k)
				}
				continue
			}
			var words []string
			for _, t := range tokenize.Tokenize(k) {
				if t.Kind != tokenize.Space {
					words = append(words, strings.ToLower(t.Text))
				}
			}
			if len(words) > 0 {
				p.keep[words[0]] = append(p.keep[words[0]], words)
			}
		}
		neg := p.Negations
		if neg == nil {
			neg = defaultNegations
		}
		p.negation = set(neg)
		p.negHan, p.negIn = map[rune]bool{}, map[rune]bool{}
		for w := range p.negation {
			if r, n := utf8.DecodeRuneInString(w); n == len(w) && isHan(r) {
				p.negHan[r] = true
				if strings.ContainsRune(negatesInside, r) {
					p.negIn[r] = true
				}
			}
		}
		stop := p.Stopwords
		if stop == nil {
			stop = defaultStopwords
		}
		p.stop = set(stop)
		p.anchor = set(p.Anchors)
	})
}

func set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[strings.ToLower(w)] = true
	}
	return m
}

var defaultPolicy = &Policy{}

// Apply sets the Lock of every token of toks, which must be the tokens of
// text, in place.
func (p *Policy) Apply(text string, toks []tokenize.Token) {
	if p == nil {
		p = defaultPolicy
	}
	p.build()
	prev := -1 // previous non-space token
	for i := range toks {
		t := &toks[i]
		switch t.Kind {
		case tokenize.Space:
			continue
		case tokenize.Word:
			lw := lower(t.Text)
			switch {
			case p.negation[lw] || p.negatedHan(lw):
				t.Lock |= tokenize.Frozen
			case !p.EditProperNouns && (t.Tag == "NNP" || t.Tag == "NNPS"):
				t.Lock |= tokenize.Frozen
			case p.stop[lw]:
				t.Lock |= tokenize.LockReplace
			}
			if p.anchor[lw] {
				t.Lock |= tokenize.LockDelete | tokenize.LockMove
			}
		case tokenize.Contraction:
			t.Lock |= tokenize.Frozen
			if prev == i-1 && prev >= 0 {
				toks[prev].Lock |= tokenize.Frozen | tokenize.LockJoin
			}
		default:
			t.Lock |= tokenize.Frozen
		}
		// Tokens glued together (no space) stay together: nothing is
		// inserted between them. Chinese words need no space between
		// them and are not glued.
		if prev == i-1 && prev >= 0 && toks[prev].Kind != tokenize.Punct && t.Kind != tokenize.Punct && glued(&toks[prev], t) {
			toks[prev].Lock |= tokenize.LockJoin
		}
		prev = i
	}
	lockGluedRuns(toks)
	lockDetachedClitics(toks)
	lockFigureNeighbours(toks)
	p.applyUser(text, toks)
}

// lockGluedRuns freezes the words of a run of tokens written without
// spaces that holds two or more non-punctuation tokens ("fA.212Zb",
// "card#123", "user/password"): editing one of them could change how the
// rest reads ("fA.212" without "fA" starts with ".212", a number). A word
// with only punctuation glued to it ("card," "(card)") stays free. A run
// ends where a Chinese character meets its neighbour ("订单号是A2024"
// holds three runs).
func lockGluedRuns(toks []tokenize.Token) {
	for i := 0; i < len(toks); {
		if toks[i].Kind == tokenize.Space {
			i++
			continue
		}
		j, solid := i, 0
		for ; j < len(toks) && toks[j].Kind != tokenize.Space && (j == i || glued(&toks[j-1], &toks[j])); j++ {
			if toks[j].Kind != tokenize.Punct {
				solid++
			}
		}
		if solid >= 2 {
			for k := i; k < j; k++ {
				if toks[k].Kind == tokenize.Word {
					toks[k].Lock |= tokenize.Frozen
				}
				if k < j-1 {
					toks[k].Lock |= tokenize.LockJoin
				}
			}
		}
		i = j
	}
}

// detachedClitics are the clitics that text tokenized the Penn Treebank
// way writes apart from their word ("CapMan Plc 's own", "they 're",
// "does n't"), after the apostrophe.
var detachedClitics = map[string]bool{"s": true, "re": true, "ll": true, "ve": true, "d": true, "m": true}

// lockDetachedClitics keeps a clitic written apart from its word ("Plc
// 's", "does n't", and the plural possessive "Fiskars ' net") glued to
// it, as the policy keeps "bank's" and "can't": the clitic and its word
// are frozen and nothing is inserted between them, so no edit splits or
// scrambles them ("CapMan Plc 'the own").
func lockDetachedClitics(toks []tokenize.Token) {
	for i := range toks {
		t := &toks[i]
		end := i // the clitic's last token
		switch {
		case t.Kind == tokenize.Word && (lower(t.Text) == "n't" || lower(t.Text) == "n’t"):
		case t.Kind == tokenize.Punct && (t.Text == "'" || t.Text == "’"):
			if i+1 < len(toks) && toks[i+1].Kind == tokenize.Word && detachedClitics[lower(toks[i+1].Text)] {
				end = i + 1
			} else if !pluralPossessive(toks, i) {
				continue
			}
		default:
			continue
		}
		if i < 2 || toks[i-1].Kind != tokenize.Space || toks[i-2].Kind == tokenize.Space {
			continue // not written apart from a word
		}
		host := i - 2 // the first token of the run written before the space: "doe!" of "doe! n't"
		for host > 0 && toks[host-1].Kind != tokenize.Space {
			host--
		}
		for k := host; k <= end; k++ {
			if k != i-1 { // the space between
				toks[k].Lock |= tokenize.Frozen | tokenize.LockJoin
			}
		}
		toks[end].Lock &^= tokenize.LockJoin
	}
}

// pluralPossessive reports whether the apostrophe toks[i] stands apart
// after a word ending in s and before a space: "Fiskars ' net profit".
func pluralPossessive(toks []tokenize.Token, i int) bool {
	if i < 2 || i+1 < len(toks) && toks[i+1].Kind != tokenize.Space {
		return false
	}
	h := toks[i-2].Text
	return toks[i-2].Kind == tokenize.Word && (strings.HasSuffix(h, "s") || strings.HasSuffix(h, "S"))
}

// figure reports the kinds that carry a quantity, a date or an identity.
func figure(k tokenize.Kind) bool {
	switch k {
	case tokenize.Number, tokenize.Money, tokenize.Percent, tokenize.Date, tokenize.Identifier:
		return true
	}
	return false
}

// lockFigureNeighbours keeps the words right next to a figure in place:
// they say what the figure means ("rose from EUR 3 mn to EUR 5 mn" must
// not swap "from" and "to"), and deleting or replacing them could make the
// figure read differently ("0 A EUR 00" -> "0 EUR 00", "5 apples and
// dollars" -> "5 dollars and apples"). Nothing is inserted beside a figure
// either. The neighbours may still be replaced by synonyms.
func lockFigureNeighbours(toks []tokenize.Token) {
	prev := -1 // previous non-space token
	for i := range toks {
		t := &toks[i]
		if t.Kind == tokenize.Space {
			continue
		}
		if prev >= 0 {
			a, b := &toks[prev], t
			if figure(a.Kind) {
				a.Lock |= tokenize.LockJoin
				if b.Kind == tokenize.Word {
					b.Lock |= tokenize.LockDelete | tokenize.LockMove
				}
			}
			if figure(b.Kind) {
				a.Lock |= tokenize.LockJoin // whatever stands before it
				if a.Kind == tokenize.Word {
					a.Lock |= tokenize.LockDelete | tokenize.LockMove
				}
			}
		}
		prev = i
	}
}

func (p *Policy) applyKeep(toks []tokenize.Token) {
	idx := make([]int, 0, len(toks))
	for i := range toks {
		if toks[i].Kind != tokenize.Space {
			idx = append(idx, i)
		}
	}
	for n, i := range idx {
		phrases := p.keep[lower(toks[i].Text)]
	phrase:
		for _, ph := range phrases {
			if n+len(ph) > len(idx) {
				continue
			}
			for k := 1; k < len(ph); k++ {
				if lower(toks[idx[n+k]].Text) != ph[k] {
					continue phrase
				}
			}
			for k := 0; k < len(ph); k++ {
				toks[idx[n+k]].Lock |= tokenize.Frozen
				if k < len(ph)-1 {
					toks[idx[n+k]].Lock |= tokenize.LockJoin
				}
			}
		}
	}
}

// applyKeepHan freezes the tokens that each occurrence of the Chinese
// phrase k overlaps.
func (p *Policy) applyKeepHan(text string, toks []tokenize.Token, k string) {
	lt := lower(text)
	if len(lt) != len(text) {
		lt = text // a case mapping changed the length: match as written
	}
	for at := 0; at < len(lt); {
		i := strings.Index(lt[at:], k)
		if i < 0 {
			return
		}
		freezeSpan(toks, at+i, at+i+len(k))
		at += i + len(k)
	}
}

// negatesInside lists the one-character Chinese negations that negate a
// word wherever they stand in it (受不了, 还没, 尚未, 除非, 走投无路); 别
// only does at the start (特别 and 区别 are not negations).
const negatesInside = "不没沒未无無非"

// negatedHan reports whether the Chinese word w is negated: it starts with
// a one-character negation (不好, 没钱, 无效, 别走) or holds one of
// negatesInside (受不了, 尚未).
func (p *Policy) negatedHan(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !isHan(r) {
		return false
	}
	if p.negHan[r] {
		return true
	}
	for _, c := range w {
		if p.negIn[c] {
			return true
		}
	}
	return false
}

// glued reports whether a and b, adjacent without space, form one written
// unit: true unless either side is a Chinese (CJK) character.
func glued(a, b *tokenize.Token) bool { return tokenize.NeedSpace(a.Text, b.Text) }

func isHan(r rune) bool { return r >= 0x2E80 && unicode.Is(unicode.Han, r) }

// freezeSpan freezes every token overlapping the byte span [a, b).
func freezeSpan(toks []tokenize.Token, a, b int) {
	last := -1
	for i := range toks {
		t := &toks[i]
		if t.Kind == tokenize.Space || t.End <= a || t.Start >= b {
			continue
		}
		t.Lock |= tokenize.Frozen
		if last >= 0 {
			toks[last].Lock |= tokenize.LockJoin
		}
		last = i
	}
}

// lower lower-cases ASCII without allocating when s is already lower case.
func lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(s)
		}
	}
	return s
}
