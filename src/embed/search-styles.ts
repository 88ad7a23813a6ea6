import { css } from 'lit';

export const searchStyles = css`
  label {
    display: block;
    font-weight: bold;
    margin-block-end: 0.25em;
  }
  .field {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .combobox {
    position: relative;
    flex: 1 1 12em;
    min-inline-size: 0;
  }
  input {
    inline-size: 100%;
    font: inherit;
    color: var(--kb-form-control-color, var(--utrecht-form-control-color, #000000));
    background-color: var(
      --kb-form-control-background-color,
      var(--utrecht-form-control-background-color, #ffffff)
    );
    border: var(--kb-form-control-border-width, var(--utrecht-form-control-border-width, 1px)) solid
      var(--kb-form-control-border-color, var(--utrecht-form-control-border-color, #767676));
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
    min-block-size: 2.75em;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-block-size: 2.75em;
    padding: 0.4em 1em;
    border-radius: var(--_radius);
    border: 1px solid
      var(
        --kb-button-background-color,
        var(--utrecht-button-primary-action-background-color, #01689b)
      );
    background-color: var(
      --kb-button-background-color,
      var(--utrecht-button-primary-action-background-color, #01689b)
    );
    color: var(--kb-button-color, var(--utrecht-button-primary-action-color, #ffffff));
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block: 0.75em;
  }
  .filters button,
  .more {
    background-color: var(
      --kb-button-secondary-background-color,
      var(--utrecht-button-secondary-action-background-color, #ffffff)
    );
    color: var(--kb-button-secondary-color, var(--utrecht-button-secondary-action-color, #01689b));
    min-block-size: 2.25em;
    padding: 0.25em 0.75em;
  }
  .filters button[aria-pressed='true'] {
    background-color: var(
      --kb-button-background-color,
      var(--utrecht-button-primary-action-background-color, #01689b)
    );
    color: var(--kb-button-color, var(--utrecht-button-primary-action-color, #ffffff));
    font-weight: bold;
  }
  [role='listbox'] {
    position: absolute;
    inset-inline: 0;
    inset-block-start: 100%;
    z-index: 10;
    margin: 0.25em 0 0;
    padding: 0.25em 0;
    list-style: none;
    max-block-size: 24em;
    overflow-y: auto;
    background-color: var(
      --kb-listbox-background-color,
      var(--utrecht-listbox-background-color, #ffffff)
    );
    color: var(--kb-listbox-color, var(--utrecht-listbox-color, #000000));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 15%);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='option'] {
    cursor: pointer;
    padding: 0.4em 0.75em;
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.75em;
  }
  [role='option'][aria-selected='true'],
  [role='option']:hover {
    background-color: var(--_accent-bg);
    outline: 2px solid var(--kb-focus-outline-color, var(--utrecht-focus-outline-color, #000000));
    outline-offset: -2px;
  }
  .group-label {
    font-size: 0.875em;
    font-weight: bold;
    padding: 0.5em 0.75em 0.25em;
    color: var(--_muted);
  }
  .hit-type {
    font-size: 0.875em;
    color: var(--_muted);
  }
  .results ol {
    padding-inline-start: 0;
    list-style: none;
  }
  .results li {
    margin-block: 0 1em;
  }
  .results li p {
    margin-block: 0.25em 0;
  }
  .results li a {
    font-weight: bold;
    margin-inline-end: 0.5em;
  }
`;
