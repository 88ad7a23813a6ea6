import { html, type TemplateResult } from 'lit';

/**
 * A search snippet (HTML-escaped text with the matched words in <mark>) as Lit values: only
 * <mark> survives as an element, everything else becomes text. The snippet is parsed in an inert
 * <template>, so nothing in it runs or loads.
 */
export function markedText(snippet: string): (string | TemplateResult)[] {
  const template = document.createElement('template');
  template.innerHTML = snippet;
  return Array.from(template.content.childNodes, (node) =>
    node.nodeName === 'MARK' ? html`<mark>${node.textContent}</mark>` : (node.textContent ?? ''),
  );
}
