/** The components' own words; content comes from the API in the asked locale. */
const NL = {
  loading: 'Bezig met laden…',
  failed: 'Kon niet laden',
  notFound: 'Dit onderdeel bestaat niet (meer).',
  breadcrumb: 'Kruimelpad',
  guidanceTree: 'Handreiking',
  onThisPage: 'Op deze pagina',
  pager: 'Vorige en volgende',
  previous: 'Vorige',
  next: 'Volgende',
  readingTime: (minutes: number) => `Leestijd ${minutes} min.`,
  asOf: 'Stand van zaken',
  searchLabel: 'Zoeken in de kennisbank',
  searchButton: 'Zoeken',
  suggestions: 'Suggesties',
  hits: 'Resultaten',
  resultCount: (count: number) => (count === 1 ? '1 resultaat' : `${count} resultaten`),
  noResults: 'Geen resultaten.',
  more: 'Meer resultaten',
  all: 'Alles',
  filterByType: 'Filter op soort',
  searchHint: 'Gebruik pijltjes omhoog en omlaag om een suggestie te kiezen, Enter om te openen.',
  legalPowersOf: (authority: string) => `Bevoegdheden: ${authority}`,
  legalPowers: 'Bevoegdheden',
  power: 'Bevoegdheid',
  law: 'Wet',
  article: 'Artikel',
  articleOn: (article: string, law: string) => `artikel ${article} ${law} op wetten.overheid.nl`,
  noDate: 'geen datum',
  phasesAndTasks: 'Fasen en taken',
  actors: 'Wie doet wat',
  relations: 'Samenwerking',
  carriedOutBy: 'Uitgevoerd door',
  readMore: 'Meer hierover',
  printVersion: 'Rolmodel als afbeelding om af te drukken (SVG)',
};

type Messages = typeof NL;

const EN: Messages = {
  loading: 'Loading…',
  failed: 'Could not load',
  notFound: 'This item does not exist (any more).',
  breadcrumb: 'Breadcrumb',
  guidanceTree: 'Guidance',
  onThisPage: 'On this page',
  pager: 'Previous and next',
  previous: 'Previous',
  next: 'Next',
  readingTime: (minutes: number) => `${minutes} min read`,
  asOf: 'As of',
  searchLabel: 'Search the knowledge base',
  searchButton: 'Search',
  suggestions: 'Suggestions',
  hits: 'Results',
  resultCount: (count: number) => (count === 1 ? '1 result' : `${count} results`),
  noResults: 'No results.',
  more: 'More results',
  all: 'All',
  filterByType: 'Filter by kind',
  searchHint: 'Use the up and down arrows to choose a suggestion, Enter to open it.',
  legalPowersOf: (authority: string) => `Powers: ${authority}`,
  legalPowers: 'Legal powers',
  power: 'Power',
  law: 'Law',
  article: 'Article',
  articleOn: (article: string, law: string) => `article ${article} ${law} on wetten.overheid.nl`,
  noDate: 'no date',
  phasesAndTasks: 'Phases and tasks',
  actors: 'Who does what',
  relations: 'Working together',
  carriedOutBy: 'Carried out by',
  readMore: 'More on this',
  printVersion: 'Role model as a picture for print (SVG)',
};

export type Lang = 'nl' | 'en';

/** `nl` unless the attribute asks for English. */
export function langOf(attribute: string | null | undefined): Lang {
  return attribute?.trim().toLowerCase().startsWith('en') ? 'en' : 'nl';
}

export function messages(lang: Lang): Messages {
  return lang === 'en' ? EN : NL;
}

/** A date as the locale writes it, e.g. "9 december 2025". */
export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
