import { css } from 'lit';

/**
 * Shared look, only through CSS custom properties: `--kb-*` first (set them on the page or on the
 * element), then the NL Design System (Utrecht) token a municipality's theme already sets, then a
 * default that passes WCAG AA on white. Fonts and text colour inherit from the host page.
 */
export const baseStyles = css`
  :host {
    display: block;
    color: var(--kb-color, var(--utrecht-document-color, inherit));
    font-family: var(--kb-font-family, var(--utrecht-document-font-family, inherit));
    line-height: var(--kb-line-height, var(--utrecht-document-line-height, 1.5));
    container-type: inline-size;
    overflow-wrap: break-word;
    --_space: var(--kb-space, var(--utrecht-space-block-md, 1rem));
    --_link: var(--kb-link-color, var(--utrecht-link-color, #01689b));
    --_link-hover: var(--kb-link-hover-color, var(--utrecht-link-hover-color, #154273));
    --_border: var(--kb-border-color, var(--utrecht-table-row-border-color, #767676));
    --_muted: var(--kb-muted-color, var(--utrecht-document-muted-color, #535353));
    --_surface: var(--kb-surface-color, var(--utrecht-document-background-color, #ffffff));
    --_accent-bg: var(
      --kb-selected-background-color,
      var(--utrecht-listbox-option-selected-background-color, #e5f0f9)
    );
    --_radius: var(--kb-border-radius, var(--utrecht-border-radius-md, 4px));
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  a {
    color: var(--_link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  a:hover {
    color: var(--_link-hover);
    text-decoration-thickness: 0.15em;
  }
  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: var(--kb-focus-outline-width, var(--utrecht-focus-outline-width, 2px))
      var(--kb-focus-outline-style, var(--utrecht-focus-outline-style, solid))
      var(--kb-focus-outline-color, var(--utrecht-focus-outline-color, #000000));
    outline-offset: var(--kb-focus-outline-offset, var(--utrecht-focus-outline-offset, 2px));
  }
  h1,
  h2,
  h3,
  h4,
  h5,
  h6 {
    color: var(--kb-heading-color, var(--utrecht-heading-color, inherit));
    font-family: var(--kb-heading-font-family, var(--utrecht-heading-font-family, inherit));
    line-height: 1.25;
    margin-block: 1.25em 0.5em;
  }
  mark {
    background-color: var(
      --kb-mark-background-color,
      var(--utrecht-mark-background-color, #ffe58a)
    );
    color: var(--kb-mark-color, var(--utrecht-mark-color, #000000));
  }
  ul,
  ol {
    padding-inline-start: 1.5em;
  }
  .muted {
    color: var(--_muted);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
