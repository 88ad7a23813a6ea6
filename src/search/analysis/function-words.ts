/**
 * Function words: words that say how a sentence is built, not what it is about. Search drops
 * them from documents and from queries, so a question typed as a sentence ("hoe lang duurt een
 * gebiedsverbod", "how long does an area ban last") is searched by the words that carry its
 * subject. The list is curated by hand, per language and per kind; a word belongs here only
 * when it never is the subject of a search on its own. Content verbs ("werkt", "duurt",
 * "herken") are not function words: when they keep a question from matching, the engines
 * drop them as frequent words (see query.ts), not as listed ones.
 *
 * Both lists apply to both locales, as English documents quote Dutch names and Dutch ones
 * quote English terms. No word here is a content word in the other language.
 */

/**
 * Question words: what people start a question with, and what asks for an amount after them
 * ("hoe lang", "hoe vaak", "how long", "how many").
 */
const DUTCH_QUESTION = [
  ...['hoe', 'wat', 'welk', 'welke', 'wanneer', 'waar', 'waarom', 'wie', 'wiens', 'hoeveel'],
  ...['lang', 'vaak'],
];
const ENGLISH_QUESTION = [
  ...['how', 'what', 'which', 'when', 'where', 'why', 'who', 'whom', 'whose'],
  ...['long', 'often', 'many', 'much'],
];

/** Articles, pronouns and determiners. */
const DUTCH_PRONOUNS = [
  ...['de', 'het', 'een', 'der', 'des', 'deze', 'die', 'dit', 'dat', 'dezelfde', 'zulke'],
  ...['ik', 'mij', 'me', 'mijn', 'jij', 'je', 'jou', 'jouw', 'jullie', 'u', 'uw'],
  ...['hij', 'hem', 'zijn', 'zij', 'ze', 'haar', 'hun', 'hen', 'wij', 'we', 'ons', 'onze'],
  ...['men', 'zich', 'zelf', 'iemand', 'iets', 'niemand', 'niets', 'elk', 'elke', 'ieder'],
  ...['iedere', 'alle', 'alles', 'andere', 'sommige', 'veel', 'meer', 'er'],
];
const ENGLISH_PRONOUNS = [
  ...['a', 'an', 'the', 'this', 'that', 'these', 'those', 'some', 'any', 'each', 'every'],
  ...['i', 'me', 'my', 'you', 'your', 'he', 'him', 'his', 'she', 'her', 'it', 'its'],
  ...['we', 'us', 'our', 'they', 'them', 'their', 'someone', 'something', 'there'],
];

/** Prepositions, conjunctions and adverbs of sentence structure. */
const DUTCH_PARTICLES = [
  ...['aan', 'af', 'bij', 'door', 'in', 'met', 'na', 'naar', 'om', 'op', 'over', 'te'],
  ...['tegen', 'tot', 'uit', 'van', 'voor', 'zonder', 'onder', 'tussen', 'binnen', 'via'],
  ...['en', 'of', 'maar', 'want', 'dus', 'omdat', 'als', 'dan', 'toen', 'terwijl', 'indien'],
  ...['niet', 'geen', 'ook', 'nog', 'al', 'wel', 'toch', 'zo', 'nu', 'hier', 'daar', 'eens'],
  ...['reeds', 'altijd', 'ja', 'nee'],
];
const ENGLISH_PARTICLES = [
  ...['of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'about', 'as', 'into'],
  ...['and', 'or', 'but', 'if', 'then', 'than', 'so', 'not', 'no', 'also', 'too'],
];

/** Auxiliary and modal verbs, in the forms a question uses. */
const DUTCH_AUXILIARIES = [
  ...['ben', 'bent', 'is', 'zijn', 'was', 'waren', 'geweest', 'wezen'],
  ...['heb', 'hebt', 'heeft', 'hebben', 'had', 'hadden', 'word', 'wordt', 'worden', 'werd'],
  ...['werden', 'kan', 'kun', 'kunt', 'kunnen', 'kon', 'konden', 'mag', 'mogen', 'mocht'],
  ...['moet', 'moeten', 'moest', 'wil', 'wilt', 'willen', 'zal', 'zullen', 'zou', 'zouden'],
  ...['ga', 'gaat', 'gaan', 'doe', 'doet', 'doen', 'deed', 'zei'],
];
const ENGLISH_AUXILIARIES = [
  ...['am', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does', 'did'],
  ...['have', 'has', 'had', 'can', 'could', 'may', 'might', 'must', 'shall', 'should'],
  ...['will', 'would'],
];

/** Every function word, normalised (lower case, no diacritics). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  ...DUTCH_QUESTION,
  ...ENGLISH_QUESTION,
  ...DUTCH_PRONOUNS,
  ...ENGLISH_PRONOUNS,
  ...DUTCH_PARTICLES,
  ...ENGLISH_PARTICLES,
  ...DUTCH_AUXILIARIES,
  ...ENGLISH_AUXILIARIES,
]);

/** Words a question starts with: question words, and auxiliaries put first ("kan de ...?"). */
export const QUESTION_STARTS: ReadonlySet<string> = new Set([
  ...DUTCH_QUESTION,
  ...ENGLISH_QUESTION,
  ...DUTCH_AUXILIARIES,
  ...ENGLISH_AUXILIARIES,
]);
