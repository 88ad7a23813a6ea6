import { Locale } from '../../src/content/common/enums';

/** What kind of search a case stands for; results are reported and compared per kind. */
export type RelevanceCategory = 'keywords' | 'questions' | 'type-ahead' | 'english';

export interface RelevanceCase {
  readonly category: RelevanceCategory;
  readonly query: string;
  /** Locale searched (default NL). */
  readonly locale?: Locale;
  /** Items that count as the right answer; `<TYPE>:<slug>`. */
  readonly expected: readonly string[];
}

/**
 * Queries as municipal professionals type them into an intranet search box, with the item(s)
 * that should come first: keywords (and paraphrases of an item's subject), questions as people
 * type them, words cut short while typing (also into compounds), and English. Written before
 * tuning; each expected ref is `<TYPE>:<slug>`.
 */
export const RELEVANCE_QUERIES: readonly RelevanceCase[] = [
  { category: 'keywords', query: 'woning sluiten', expected: ['LEGAL_POWER:woningsluiting'] },
  { category: 'keywords', query: 'woningsluiting', expected: ['LEGAL_POWER:woningsluiting'] },
  { category: 'keywords', query: 'pand sluiten wapens', expected: ['LEGAL_POWER:woningsluiting'] },
  { category: 'keywords', query: 'PGA', expected: ['PREVENTION_APPROACH:persoonsgerichte-aanpak'] },
  {
    category: 'keywords',
    query: 'persoonsgerichte aanpak stappen',
    expected: ['PREVENTION_APPROACH:persoonsgerichte-aanpak'],
  },
  {
    category: 'keywords',
    query: 'weegploeg',
    expected: ['PREVENTION_APPROACH:casusoverleg-en-weegploeg'],
  },
  {
    category: 'keywords',
    query: 'casusoverleg',
    expected: ['PREVENTION_APPROACH:casusoverleg-en-weegploeg'],
  },
  {
    category: 'keywords',
    query: 'radicalisring',
    expected: [
      'GUIDANCE:wat-is-radicalisering',
      'GUIDANCE:radicalisering-lokale-aanpak',
      'PREVENTION_APPROACH:online-radicalisering',
      'TARGET_GROUP:minderjarigen-online-radicalisering',
    ],
  },
  {
    category: 'questions',
    query: 'wat is radicalisering',
    expected: ['GUIDANCE:wat-is-radicalisering'],
  },
  {
    category: 'keywords',
    query: 'rechtsextremistische jongeren',
    expected: [
      'TARGET_GROUP:rechts-extremisme',
      'TARGET_GROUP:minderjarigen-online-radicalisering',
    ],
  },
  { category: 'keywords', query: 'accelerationisme', expected: ['TARGET_GROUP:rechts-extremisme'] },
  { category: 'keywords', query: 'jihadisme signalen', expected: ['TARGET_GROUP:jihadisme'] },
  {
    category: 'keywords',
    query: 'soevereinen',
    expected: ['TARGET_GROUP:anti-institutioneel-extremisme'],
  },
  { category: 'keywords', query: 'linksextremisme', expected: ['TARGET_GROUP:links-extremisme'] },
  {
    category: 'keywords',
    query: 'terugkeerders syrie',
    expected: ['TARGET_GROUP:uitreizigers-en-terugkeerders'],
  },
  {
    category: 'keywords',
    query: 'vrijgelaten terrorist',
    expected: [
      'TARGET_GROUP:vrijgelaten-terrorismeveroordeelden',
      'PREVENTION_APPROACH:begeleiding-na-detentie-terrorisme',
    ],
  },
  {
    category: 'keywords',
    query: 'eenling psychische problemen',
    expected: ['TARGET_GROUP:eenlingen-met-psychische-problematiek'],
  },
  {
    category: 'keywords',
    query: 'kinderen online radicaliseren',
    expected: [
      'TARGET_GROUP:minderjarigen-online-radicalisering',
      'PREVENTION_APPROACH:online-radicalisering',
    ],
  },
  {
    category: 'keywords',
    query: 'demonstratie verbieden',
    expected: ['LEGAL_POWER:voorschriften-beperkingen-verbod-demonstratie'],
  },
  {
    category: 'keywords',
    query: 'betoging beeindigen',
    expected: ['LEGAL_POWER:beeindigen-demonstratie'],
  },
  {
    category: 'keywords',
    query: 'gebiedsverbod',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  {
    category: 'keywords',
    query: 'meldplicht burgemeester',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  {
    category: 'keywords',
    query: '172a',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  { category: 'keywords', query: 'noodverordening', expected: ['LEGAL_POWER:noodverordening'] },
  { category: 'keywords', query: 'noodbevel rellen', expected: ['LEGAL_POWER:noodbevel'] },
  {
    category: 'keywords',
    query: 'paspoort ongeldig verklaren',
    expected: ['LEGAL_POWER:vervallenverklaring-reisdocument'],
  },
  {
    category: 'keywords',
    query: 'nederlanderschap intrekken',
    expected: ['LEGAL_POWER:intrekking-nederlanderschap'],
  },
  {
    category: 'keywords',
    query: 'crisismaatregel',
    expected: ['LEGAL_POWER:crisismaatregel-wvggz'],
  },
  { category: 'keywords', query: 'wvggz', expected: ['LEGAL_POWER:crisismaatregel-wvggz'] },
  {
    category: 'keywords',
    query: 'bijstand stopzetten uitreiziger',
    expected: ['LEGAL_POWER:beeindiging-bijstand-uitreizigers'],
  },
  { category: 'keywords', query: 'bibob', expected: ['LEGAL_POWER:bibob-weigering-intrekking'] },
  { category: 'keywords', query: 'cameratoezicht', expected: ['LEGAL_POWER:cameratoezicht'] },
  {
    category: 'keywords',
    query: 'preventief fouilleren',
    expected: ['LEGAL_POWER:veiligheidsrisicogebied-preventief-fouilleren'],
  },
  {
    category: 'keywords',
    query: 'politiegegevens delen',
    expected: ['LEGAL_POWER:politiegegevens-persoonsgerichte-aanpak'],
  },
  {
    category: 'keywords',
    query: 'dwangsom',
    expected: ['LEGAL_POWER:last-onder-bestuursdwang-dwangsom'],
  },
  {
    category: 'keywords',
    query: 'ouders kind onder 12',
    expected: ['LEGAL_POWER:bevel-ouders-twaalfminners'],
  },
  {
    category: 'keywords',
    query: 'dreigingsniveau',
    expected: ['GUIDANCE:nationale-context-en-dreigingsniveau'],
  },
  {
    category: 'keywords',
    query: 'NCTV dreigingsbeeld',
    expected: ['GUIDANCE:nationale-context-en-dreigingsniveau'],
  },
  {
    category: 'keywords',
    query: 'handelingsverlegenheid',
    expected: ['GUIDANCE:weerbare-professionals'],
  },
  {
    category: 'questions',
    query: 'waar kan ik terecht met zorgen',
    expected: ['GUIDANCE:waar-kun-je-terecht', 'GUIDANCE:weerbare-professionals'],
  },
  {
    category: 'keywords',
    query: 'zorg en veiligheidshuis',
    expected: ['PREVENTION_APPROACH:zorg-en-veiligheidshuis'],
  },
  { category: 'keywords', query: 'ZVH', expected: ['PREVENTION_APPROACH:zorg-en-veiligheidshuis'] },
  {
    category: 'keywords',
    query: 'exit begeleiding',
    expected: ['PREVENTION_APPROACH:exitbegeleiding'],
  },
  {
    category: 'keywords',
    query: 'familie ondersteuning',
    expected: ['PREVENTION_APPROACH:familieondersteuning'],
  },
  {
    category: 'keywords',
    query: 'sleutelfiguren',
    expected: ['PREVENTION_APPROACH:sociale-stabiliteit-sleutelfiguren'],
  },
  {
    category: 'keywords',
    query: 'training profesionals',
    expected: ['PREVENTION_APPROACH:training-professionals'],
  },
  {
    category: 'keywords',
    query: 'interbestuurlijk programma',
    expected: ['GUIDANCE:interbestuurlijk-programma'],
  },
  {
    category: 'keywords',
    query: 'nazorg na detentie',
    expected: [
      'PREVENTION_APPROACH:nazorg-en-re-integratie',
      'PREVENTION_APPROACH:begeleiding-na-detentie-terrorisme',
      'GUIDANCE:nazorg-en-re-integratie',
    ],
  },
  {
    category: 'keywords',
    query: 'rol van de gemeente',
    expected: ['GUIDANCE:rol-van-de-gemeente'],
  },
  {
    category: 'keywords',
    query: 'vroeg signaleren',
    expected: ['PREVENTION_APPROACH:vroegsignalering', 'GUIDANCE:vroegsignalering'],
  },
  // Paraphrases: the subject in other words than the item uses.
  {
    category: 'keywords',
    query: 'radicalisering definitie',
    expected: ['GUIDANCE:wat-is-radicalisering'],
  },
  {
    category: 'keywords',
    query: 'uitkering uitreiziger',
    expected: ['LEGAL_POWER:beeindiging-bijstand-uitreizigers'],
  },
  {
    category: 'keywords',
    query: 'ouders aanspreken kind',
    expected: ['LEGAL_POWER:bevel-ouders-twaalfminners'],
  },
  {
    category: 'keywords',
    query: 'steun voor gezinnen',
    expected: ['PREVENTION_APPROACH:familieondersteuning'],
  },
  // Questions as people type them: lower case, no question mark, the subject last.
  {
    category: 'questions',
    query: 'hoe herken ik radicalisering bij jongeren',
    expected: [
      'GUIDANCE:vroegsignalering',
      'PREVENTION_APPROACH:vroegsignalering',
      'TARGET_GROUP:minderjarigen-online-radicalisering',
    ],
  },
  {
    category: 'questions',
    query: 'hoe werkt een casusoverleg',
    expected: ['PREVENTION_APPROACH:casusoverleg-en-weegploeg'],
  },
  {
    category: 'questions',
    query: 'hoe lang duurt een gebiedsverbod',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  {
    category: 'questions',
    query: 'wat doet het zorg- en veiligheidshuis',
    expected: ['PREVENTION_APPROACH:zorg-en-veiligheidshuis'],
  },
  {
    category: 'questions',
    query: 'mag de gemeente de uitkering stopzetten van een uitreiziger',
    expected: ['LEGAL_POWER:beeindiging-bijstand-uitreizigers'],
  },
  {
    category: 'questions',
    query: 'wanneer mag de burgemeester een woning sluiten',
    expected: ['LEGAL_POWER:woningsluiting'],
  },
  {
    category: 'questions',
    query: 'wie besluit over een noodverordening',
    expected: ['LEGAL_POWER:noodverordening'],
  },
  {
    category: 'questions',
    query: 'kan het paspoort van een uitreiziger ongeldig worden verklaard',
    expected: ['LEGAL_POWER:vervallenverklaring-reisdocument'],
  },
  {
    category: 'questions',
    query: 'welke signalen wijzen op rechts-extremisme',
    expected: ['TARGET_GROUP:rechts-extremisme'],
  },
  {
    category: 'questions',
    query: 'hoe begeleid je iemand na detentie voor terrorisme',
    expected: ['PREVENTION_APPROACH:begeleiding-na-detentie-terrorisme'],
  },
  {
    category: 'questions',
    query: 'wat is het dreigingsniveau in nederland',
    expected: ['GUIDANCE:nationale-context-en-dreigingsniveau'],
  },
  {
    category: 'questions',
    query: 'hoe ondersteun je de familie van een geradicaliseerd kind',
    expected: ['PREVENTION_APPROACH:familieondersteuning'],
  },
  {
    category: 'questions',
    query: 'mag de burgemeester cameras plaatsen',
    expected: ['LEGAL_POWER:cameratoezicht'],
  },
  {
    category: 'questions',
    query: 'hoe stap je uit een extremistische groep',
    expected: ['PREVENTION_APPROACH:exitbegeleiding'],
  },
  {
    category: 'questions',
    query: 'wat is de rol van de gemeente',
    expected: ['GUIDANCE:rol-van-de-gemeente'],
  },
  {
    category: 'questions',
    query: 'wat kan de burgemeester doen bij rellen',
    expected: ['LEGAL_POWER:noodbevel', 'LEGAL_POWER:noodverordening'],
  },
  // Type-ahead: the last word cut short while typing, also inside a compound.
  { category: 'type-ahead', query: 'woningsl', expected: ['LEGAL_POWER:woningsluiting'] },
  { category: 'type-ahead', query: 'woningslui', expected: ['LEGAL_POWER:woningsluiting'] },
  {
    category: 'type-ahead',
    query: 'gebiedsv',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  {
    category: 'type-ahead',
    query: 'casusov',
    expected: ['PREVENTION_APPROACH:casusoverleg-en-weegploeg'],
  },
  {
    category: 'type-ahead',
    query: 'familieond',
    expected: ['PREVENTION_APPROACH:familieondersteuning'],
  },
  { category: 'type-ahead', query: 'exitbeg', expected: ['PREVENTION_APPROACH:exitbegeleiding'] },
  {
    category: 'type-ahead',
    query: 'vroegsign',
    expected: ['PREVENTION_APPROACH:vroegsignalering', 'GUIDANCE:vroegsignalering'],
  },
  { category: 'type-ahead', query: 'cameratoe', expected: ['LEGAL_POWER:cameratoezicht'] },
  { category: 'type-ahead', query: 'noodveror', expected: ['LEGAL_POWER:noodverordening'] },
  {
    category: 'type-ahead',
    query: 'terrorismeveroor',
    expected: ['TARGET_GROUP:vrijgelaten-terrorismeveroordeelden'],
  },
  { category: 'type-ahead', query: 'jihadi', expected: ['TARGET_GROUP:jihadisme'] },
  {
    category: 'type-ahead',
    query: 'persoonsgerichte aan',
    expected: ['PREVENTION_APPROACH:persoonsgerichte-aanpak'],
  },
  {
    category: 'type-ahead',
    query: 'sleutelfig',
    expected: ['PREVENTION_APPROACH:sociale-stabiliteit-sleutelfiguren'],
  },
  {
    category: 'type-ahead',
    query: 'dreigingsn',
    expected: ['GUIDANCE:nationale-context-en-dreigingsniveau'],
  },
  // English, on the English translations.
  {
    category: 'english',
    locale: Locale.EN,
    query: 'what is radicalisation',
    expected: ['GUIDANCE:wat-is-radicalisering'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'how does a case conference work',
    expected: ['PREVENTION_APPROACH:casusoverleg-en-weegploeg'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'can the mayor close a house',
    expected: ['LEGAL_POWER:woningsluiting'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'how long does an area ban last',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'where can I turn with concerns',
    expected: ['GUIDANCE:waar-kun-je-terecht'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'support for families',
    expected: ['PREVENTION_APPROACH:familieondersteuning'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'threat level',
    expected: ['GUIDANCE:nationale-context-en-dreigingsniveau'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'person-centred approach',
    expected: ['PREVENTION_APPROACH:persoonsgerichte-aanpak'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'released terrorism convicts',
    expected: ['TARGET_GROUP:vrijgelaten-terrorismeveroordeelden'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'area ba',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  {
    category: 'english',
    locale: Locale.EN,
    query: 'passport invalid',
    expected: ['LEGAL_POWER:vervallenverklaring-reisdocument'],
  },
];
