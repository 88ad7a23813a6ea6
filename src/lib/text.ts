/** Lowercase and strip diacritics, so `Één` and `een` sort and compare alike. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
