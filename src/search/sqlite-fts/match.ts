import type { Alternative, QueryGroup } from '../analysis/query';

// Terms only ever hold [a-z0-9] (see analysis/normalize), so quoting them is enough to keep
// every user string out of FTS5 syntax; the guard makes that an invariant, not a hope.
const quote = (term: string) => {
  if (!/^[\p{L}\p{N}]+$/u.test(term)) throw new Error(`unsafe FTS term: ${term}`);
  return `"${term}"`;
};

function alternative(alt: Alternative): string {
  switch (alt.kind) {
    case 'term':
      return quote(alt.term);
    case 'prefix':
      return `${quote(alt.prefix)}*`;
    case 'all':
      return `(${alt.terms.map(quote).join(' AND ')})`;
    case 'phrase':
      return `"${alt.terms.map((t) => quote(t).slice(1, -1)).join(' ')}"`;
  }
}

/** The FTS5 MATCH expression: groups ANDed, alternatives ORed. */
export function matchExpression(groups: readonly QueryGroup[]): string {
  return groups.map((g) => `(${g.alternatives.map(alternative).join(' OR ')})`).join(' AND ');
}

/** The groups without typo alternatives (for the "typo" ranking tier). */
export function withoutTypos(groups: readonly QueryGroup[]): QueryGroup[] {
  return groups.map((g) => ({
    ...g,
    alternatives: g.alternatives.filter((a) => a.kind !== 'term' || !a.typo),
  }));
}
