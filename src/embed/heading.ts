import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html, unsafeStatic } from 'lit/static-html.js';

const TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((tag) => unsafeStatic(tag));

/** A heading level from an attribute: 1 to 6, `fallback` when absent or invalid. */
export function headingLevel(value: unknown, fallback = 2): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
}

/**
 * `<hN>` for a level the host page chooses (the `heading-level` attribute), so the component's
 * headings fit into the page's outline. Levels past 6 stay at 6.
 */
export function heading(
  level: number,
  content: unknown,
  options: { id?: string; focusable?: boolean } = {},
): TemplateResult {
  const tag = TAGS[Math.min(Math.max(level, 1), 6) - 1];
  return html`<${tag} id=${ifDefined(options.id)} tabindex=${ifDefined(options.focusable ? '-1' : undefined)}>${content}</${tag}>`;
}
