/**
 * Search terms for the knowledge base, in English and Chinese: lower-cased English words without
 * filler words, and Chinese as overlapping character pairs (Chinese has no spaces, and pairs are
 * the usual unit for matching it without a dictionary).
 */

// Words that say nothing about the topic of a question.
const STOPWORDS = new Set(
  'about all also and any are ask can could did does doing for from get give has have how into its just let me more much not our please shall should tell than that the their them then there these this those use was way were what when where which who whom why will with would you your'.split(' '),
);
const HAN_STOP_PAIRS = new Set(['什么', '怎么', '如何', '多少', '我们', '哪些', '是否', '可以', '应该', '一个', '是多', '少个', '么选', '怎样']);

const WORD = /[a-z0-9]+(?:[-'][a-z0-9]+)*/g;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN = /\p{Script=Han}/u;

/** A rough singular, so "limits" and "items" find "limit" and "item" (matching is by substring). */
function singular(word: string): string {
  return word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The terms of `text`, in order, duplicates kept (they count as term frequency). */
export function searchTerms(text: string): string[] {
  const lower = text.normalize('NFKC').toLowerCase();
  const terms: string[] = [];
  for (const [raw] of lower.matchAll(WORD)) {
    const word = singular(raw.replace(/'s$/, '').replace(/'/g, ''));
    if (word.length >= 3 || /^\d{2}$/.test(word)) {
      if (!STOPWORDS.has(word)) terms.push(word);
    }
  }
  for (const [run] of lower.matchAll(HAN_RUN)) {
    for (let i = 0; i + 2 <= run.length; i += 1) {
      const pair = run.slice(i, i + 2);
      if (!HAN_STOP_PAIRS.has(pair)) terms.push(pair);
    }
  }
  return terms;
}

/**
 * The text the BM25 scorer indexes for a passage: its terms separated by spaces, each Chinese
 * pair followed by "_". Why: the scorer counts a document's length in \w+ words, which skips
 * Chinese characters; the "_" makes each pair count as one word, so Chinese passages are not
 * treated as empty (and over-scored), while a query pair still matches it as a substring.
 */
export function indexText(text: string): string {
  return searchTerms(text)
    .map((term) => (HAN.test(term) ? `${term}_` : term))
    .join(' ');
}
