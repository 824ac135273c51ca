// Package domain holds small, hand-written synonym lexicons for the domains
// textaug augments, and the composition that lets them override WordNet.
//
// Four packs are built in (Names). Two are for English:
//
//   - "finance" (Finance, finance.tsv, 184 entries, 45 of them without
//     synonyms): financial news for sentiment classification. Figures
//     (earnings, profit, revenue, sales), securities (shares, stock),
//     companies, reporting verbs (said, reported) and the up / down
//     vocabulary (rose, climbed, increased, gained / fell, dropped,
//     decreased). Candidates keep the direction, the verb form and the
//     transitivity of the word.
//   - "banking" (Banking, banking.tsv, 205 entries, 80 of them without
//     synonyms): customer-service messages to a bank, for intent
//     classification. Cards, PIN, ATM, transfers, top-ups, refunds, charges
//     and fees, cash, cheques, balance, statements, the app, delivery and
//     outcome words. Words that name an intent (card, PIN, fee, failed,
//     pending, ...) have no candidates.
//
// Two packs are for simplified Chinese:
//
//   - "finance-zh" (ChineseFinance, finance_zh.tsv, 245 entries, 60 of
//     them without synonyms): financial news. The up / down
//     vocabulary (增长, 上涨, 攀升 / 下降, 下跌, 回落), figures (利润, 营收,
//     股价), reports and announcements, companies, investors, deals and
//     trading. Direction and strength are kept: 上涨 never becomes 下跌,
//     暴涨 never 上涨, 大幅 never 小幅.
//   - "service-zh" (ChineseService, service_zh.tsv, 229 entries, 62 of
//     them without synonyms): customer-service messages to banks
//     and payment apps. Cards and accounts, moving money (转账/汇款,
//     退款/退钱), outcomes, questions and requests (请问, 为什么/为啥).
//     Words that name an intent (信用卡, 密码, 冻结, 手续费) have no
//     candidates.
//
// The Chinese packs never use a Morphology (Load ignores the one it is
// given) and most of their lines hold for every part of speech ("*"),
// because a Chinese tagger's class for a word comes from its dictionary
// rather than the sentence. No candidate adds a negation character or a
// numeral. Over them, Chinese Open Wordnet (an OMW .tab file that users
// load with synonyms.LoadFile) answers for the words they do not own.
//
// The files are embedded (33 KB together, the Chinese ones 17 KB), each
// parsed once, when its pack is first loaded (under a millisecond for the
// four; a process parses only the packs it loads), and carry a '#'
// comment for every group of entries saying why it is there and which
// WordNet senses it keeps out ("card" is never "poster", "ATM" never
// "atmosphere", "charge" never "accusation", "top-up" stays money). They
// are TSV files in the format of synonyms.ReadTSV, with a part-of-speech
// column.
//
// # Owned words and empty answers
//
// synonyms.Layered treats an empty answer as "ask the next source". That is
// right for a user lexicon, but a domain pack must be able to say "this
// word has no safe synonym here" and have WordNet stay silent too. So a
// Pack owns the words it lists ("-" in the synonym column lists a word with
// no synonyms), and Over(base, packs...) asks the first pack that owns the
// word and returns its answer, empty or not; only words no pack owns go to
// base. Ownership covers every part of speech and, with a Morphology, every
// inflection: once "card" is listed, "cards" tagged VBZ by mistake still
// gets nothing from WordNet.
//
// The recommended stack puts a user lexicon first, then the packs over
// WordNet, then the filters:
//
//	fin, err := domain.Finance(morph)
//	...
//	src := synonyms.PolarityGuard{
//		Source: synonyms.Layered{user, domain.Over(wordnet, fin)},
//		Morph:  morph,
//	}
//
// synonyms.Layered honours ownership too (synonyms.Owner): a source that
// owns a word ends the search with its answer, so a pack may also sit
// directly in a Layered list.
//
// # Morphology
//
// Packs list lemmas and the common inflected forms, so they work with a nil
// Morphology for the listed forms. With a Morphology, unlisted forms are
// lemmatised and candidates inflected (as synonyms.Table does), and verbs
// whose past equals the lemma (beat, forecast) get inflected candidates for
// VBD and VBN.
package domain
