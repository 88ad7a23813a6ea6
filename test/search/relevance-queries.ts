/**
 * Queries as municipal professionals type them into an intranet search box, with the item(s)
 * that should come first. Written before tuning; each expected ref is `<TYPE>:<slug>`.
 */
export const RELEVANCE_QUERIES: readonly { query: string; expected: readonly string[] }[] = [
  { query: 'woning sluiten', expected: ['LEGAL_POWER:woningsluiting'] },
  { query: 'woningsluiting', expected: ['LEGAL_POWER:woningsluiting'] },
  { query: 'pand sluiten wapens', expected: ['LEGAL_POWER:woningsluiting'] },
  { query: 'PGA', expected: ['PREVENTION_APPROACH:persoonsgerichte-aanpak'] },
  {
    query: 'persoonsgerichte aanpak stappen',
    expected: ['PREVENTION_APPROACH:persoonsgerichte-aanpak'],
  },
  { query: 'weegploeg', expected: ['PREVENTION_APPROACH:casusoverleg-en-weegploeg'] },
  { query: 'casusoverleg', expected: ['PREVENTION_APPROACH:casusoverleg-en-weegploeg'] },
  {
    query: 'radicalisring',
    expected: [
      'GUIDANCE:wat-is-radicalisering',
      'GUIDANCE:radicalisering-lokale-aanpak',
      'PREVENTION_APPROACH:online-radicalisering',
      'TARGET_GROUP:minderjarigen-online-radicalisering',
    ],
  },
  { query: 'wat is radicalisering', expected: ['GUIDANCE:wat-is-radicalisering'] },
  {
    query: 'rechtsextremistische jongeren',
    expected: [
      'TARGET_GROUP:rechts-extremisme',
      'TARGET_GROUP:minderjarigen-online-radicalisering',
    ],
  },
  { query: 'accelerationisme', expected: ['TARGET_GROUP:rechts-extremisme'] },
  { query: 'jihadisme signalen', expected: ['TARGET_GROUP:jihadisme'] },
  { query: 'soevereinen', expected: ['TARGET_GROUP:anti-institutioneel-extremisme'] },
  { query: 'linksextremisme', expected: ['TARGET_GROUP:links-extremisme'] },
  { query: 'terugkeerders syrie', expected: ['TARGET_GROUP:uitreizigers-en-terugkeerders'] },
  {
    query: 'vrijgelaten terrorist',
    expected: [
      'TARGET_GROUP:vrijgelaten-terrorismeveroordeelden',
      'PREVENTION_APPROACH:begeleiding-na-detentie-terrorisme',
    ],
  },
  {
    query: 'eenling psychische problemen',
    expected: ['TARGET_GROUP:eenlingen-met-psychische-problematiek'],
  },
  {
    query: 'kinderen online radicaliseren',
    expected: [
      'TARGET_GROUP:minderjarigen-online-radicalisering',
      'PREVENTION_APPROACH:online-radicalisering',
    ],
  },
  {
    query: 'demonstratie verbieden',
    expected: ['LEGAL_POWER:voorschriften-beperkingen-verbod-demonstratie'],
  },
  { query: 'betoging beeindigen', expected: ['LEGAL_POWER:beeindigen-demonstratie'] },
  { query: 'gebiedsverbod', expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'] },
  {
    query: 'meldplicht burgemeester',
    expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'],
  },
  { query: '172a', expected: ['LEGAL_POWER:gebiedsverbod-groepsverbod-meldplicht'] },
  { query: 'noodverordening', expected: ['LEGAL_POWER:noodverordening'] },
  { query: 'noodbevel rellen', expected: ['LEGAL_POWER:noodbevel'] },
  {
    query: 'paspoort ongeldig verklaren',
    expected: ['LEGAL_POWER:vervallenverklaring-reisdocument'],
  },
  { query: 'nederlanderschap intrekken', expected: ['LEGAL_POWER:intrekking-nederlanderschap'] },
  { query: 'crisismaatregel', expected: ['LEGAL_POWER:crisismaatregel-wvggz'] },
  { query: 'wvggz', expected: ['LEGAL_POWER:crisismaatregel-wvggz'] },
  {
    query: 'bijstand stopzetten uitreiziger',
    expected: ['LEGAL_POWER:beeindiging-bijstand-uitreizigers'],
  },
  { query: 'bibob', expected: ['LEGAL_POWER:bibob-weigering-intrekking'] },
  { query: 'cameratoezicht', expected: ['LEGAL_POWER:cameratoezicht'] },
  {
    query: 'preventief fouilleren',
    expected: ['LEGAL_POWER:veiligheidsrisicogebied-preventief-fouilleren'],
  },
  {
    query: 'politiegegevens delen',
    expected: ['LEGAL_POWER:politiegegevens-persoonsgerichte-aanpak'],
  },
  { query: 'dwangsom', expected: ['LEGAL_POWER:last-onder-bestuursdwang-dwangsom'] },
  { query: 'ouders kind onder 12', expected: ['LEGAL_POWER:bevel-ouders-twaalfminners'] },
  { query: 'dreigingsniveau', expected: ['GUIDANCE:nationale-context-en-dreigingsniveau'] },
  { query: 'NCTV dreigingsbeeld', expected: ['GUIDANCE:nationale-context-en-dreigingsniveau'] },
  { query: 'handelingsverlegenheid', expected: ['GUIDANCE:weerbare-professionals'] },
  {
    query: 'waar kan ik terecht met zorgen',
    expected: ['GUIDANCE:waar-kun-je-terecht', 'GUIDANCE:weerbare-professionals'],
  },
  { query: 'zorg en veiligheidshuis', expected: ['PREVENTION_APPROACH:zorg-en-veiligheidshuis'] },
  { query: 'ZVH', expected: ['PREVENTION_APPROACH:zorg-en-veiligheidshuis'] },
  { query: 'exit begeleiding', expected: ['PREVENTION_APPROACH:exitbegeleiding'] },
  { query: 'familie ondersteuning', expected: ['PREVENTION_APPROACH:familieondersteuning'] },
  { query: 'sleutelfiguren', expected: ['PREVENTION_APPROACH:sociale-stabiliteit-sleutelfiguren'] },
  { query: 'training profesionals', expected: ['PREVENTION_APPROACH:training-professionals'] },
  { query: 'interbestuurlijk programma', expected: ['GUIDANCE:interbestuurlijk-programma'] },
  {
    query: 'nazorg na detentie',
    expected: [
      'PREVENTION_APPROACH:nazorg-en-re-integratie',
      'PREVENTION_APPROACH:begeleiding-na-detentie-terrorisme',
      'GUIDANCE:nazorg-en-re-integratie',
    ],
  },
  { query: 'rol van de gemeente', expected: ['GUIDANCE:rol-van-de-gemeente'] },
  {
    query: 'vroeg signaleren',
    expected: ['PREVENTION_APPROACH:vroegsignalering', 'GUIDANCE:vroegsignalering'],
  },
];
