import { html, nothing, type TemplateResult } from 'lit';
import { hrefOf, type ItemLink } from './api';
import { heading, headingLevel } from './heading';
import { KbElement, isModifiedClick } from './kb-element';
import { enumLabels, type EnumLabels } from './labels';
import {
  SEARCH_QUERY,
  TYPEAHEAD_QUERY,
  snippetOf,
  type Hit,
  type Option,
  type SearchData,
  type TypeaheadData,
} from './search-queries';
import { markedText } from './snippet';
import { baseStyles } from './styles';
import { searchStyles } from './search-styles';

const DEBOUNCE_MS = 200;

interface Results {
  readonly query: string;
  readonly types: readonly string[];
  readonly data: SearchData['search'];
  readonly hits: readonly Hit[];
}

/**
 * `<kb-search>`: a WAI-ARIA 1.2 combobox (list autocomplete, APG pattern) with completions and
 * the first hits while typing; Enter without a chosen option shows all results with counts per
 * type as filter buttons. Opening a hit fires `kb-open`; unless the page cancels it, a guidance
 * hit opens in the `<kb-guidance>` named by the `for` attribute, anything else follows its link.
 */
export class KbSearch extends KbElement {
  static override properties = {
    for: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    query: { state: true },
    options: { state: true },
    expanded: { state: true },
    active: { state: true },
    results: { state: true },
    labels: { state: true },
    busy: { state: true },
  };

  static override styles = [baseStyles, searchStyles];

  /** Id of a `<kb-guidance>` on the page that opens guidance hits. */
  declare for: string | undefined;
  /** Level of the results heading (default 2). */
  declare headingLevel: number | undefined;
  declare private query: string;
  declare private options: readonly Option[];
  declare private expanded: boolean;
  declare private active: number;
  declare private results: Results | undefined;
  declare private labels: EnumLabels | undefined;
  declare private busy: boolean;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private typing: AbortController | undefined;
  private searching: AbortController | undefined;
  protected readonly reloadOn = [];

  constructor() {
    super();
    this.query = '';
    this.options = [];
    this.expanded = false;
    this.active = -1;
    this.busy = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.typing?.abort();
    this.searching?.abort();
  }

  protected async load(): Promise<void> {
    this.labels = await enumLabels(this.apiUrl, this.gqlLocale);
    this.options = [];
    this.expanded = false;
    if (this.results) await this.runSearch(this.results.query, this.results.types);
  }

  private typeLabel(type: string): string {
    return this.labels?.get('ContentType')?.get(type) ?? type;
  }

  private onInput(event: InputEvent): void {
    this.query = (event.target as HTMLInputElement).value;
    this.active = -1;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.typeahead(this.query), DEBOUNCE_MS);
  }

  private async typeahead(text: string): Promise<void> {
    this.typing?.abort();
    if (text.trim().length < 2) {
      this.options = [];
      this.expanded = false;
      return;
    }
    const controller = new AbortController();
    this.typing = controller;
    try {
      const data = await this.request<TypeaheadData>(
        TYPEAHEAD_QUERY,
        { q: text, locale: this.gqlLocale },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      const typed = text.trim().toLowerCase();
      this.options = [
        ...data.suggest
          .filter((s) => s.kind === 'WORD' && s.text.toLowerCase() !== typed)
          .map((s): Option => ({ kind: 'suggestion', text: s.text })),
        ...data.search.edges.map((edge): Option => ({ kind: 'hit', hit: edge.node })),
      ];
      this.active = -1;
      this.expanded = this.options.length > 0 && this.hasFocus();
    } catch {
      // A failed suggestion is not worth an error: Enter still runs the full search.
      if (!controller.signal.aborted) this.options = [];
    }
  }

  private hasFocus(): boolean {
    return this.renderRoot.querySelector('input') === (this.shadowRoot?.activeElement ?? null);
  }

  private onKeydown(event: KeyboardEvent): void {
    const count = this.options.length;
    switch (event.key) {
      case 'ArrowDown':
        if (!count) return;
        event.preventDefault();
        if (!this.expanded || event.altKey) {
          this.expanded = true;
          if (event.altKey) return;
        }
        this.active = (this.active + 1) % count;
        return;
      case 'ArrowUp':
        if (!count || !this.expanded) return;
        event.preventDefault();
        this.active = this.active <= 0 ? count - 1 : this.active - 1;
        return;
      case 'Enter': {
        event.preventDefault();
        const option = this.expanded ? this.options[this.active] : undefined;
        if (option) this.choose(option);
        else void this.submit(this.query);
        return;
      }
      case 'Escape':
        event.preventDefault();
        if (this.expanded) this.close();
        else this.query = '';
        return;
      case 'Tab':
        this.close();
        return;
      default:
        return;
    }
  }

  private close(): void {
    this.expanded = false;
    this.active = -1;
  }

  private choose(option: Option): void {
    this.close();
    if (option.kind === 'suggestion') {
      this.query = option.text;
      void this.submit(option.text);
    } else {
      this.openHit(option.hit.content);
    }
  }

  private async submit(text: string): Promise<void> {
    clearTimeout(this.timer);
    this.typing?.abort();
    this.close();
    if (!text.trim()) return;
    await this.runSearch(text, []);
  }

  private async runSearch(text: string, types: readonly string[], after?: string): Promise<void> {
    this.searching?.abort();
    const controller = new AbortController();
    this.searching = controller;
    this.busy = true;
    try {
      const data = await this.request<SearchData>(
        SEARCH_QUERY,
        { q: text, locale: this.gqlLocale, types: types.length ? types : null, after },
        controller.signal,
      );
      if (controller.signal.aborted) return;
      const hits = data.search.edges.map((edge) => edge.node);
      const previous = after && this.results ? this.results.hits : [];
      this.results = { query: text, types, data: data.search, hits: [...previous, ...hits] };
      this.loadState = { status: 'ready' };
    } catch (error) {
      if (!controller.signal.aborted) {
        this.loadState = { status: 'error', message: (error as Error).message };
      }
    } finally {
      if (this.searching === controller) this.busy = false;
    }
  }

  /** A guidance item goes to the `for` element; anything else to its link. */
  private openHit(item: ItemLink, event?: MouseEvent): void {
    if (event && isModifiedClick(event)) return;
    const proceed = this.announceOpen(item);
    const viewer = this.for ? document.getElementById(this.for) : null;
    const inViewer = proceed && item.type === 'GUIDANCE' && viewer && 'navigate' in viewer;
    if (event && (!proceed || inViewer)) event.preventDefault();
    if (inViewer) {
      (viewer as HTMLElement & { navigate(slug: string): void }).navigate(item.slug);
      viewer.scrollIntoView({ block: 'start' });
    } else if (proceed && !event) {
      window.location.assign(hrefOf(item));
    }
  }

  private renderOption(option: Option, index: number): TemplateResult {
    const selected = index === this.active;
    const content =
      option.kind === 'suggestion'
        ? html`<span class="suggestion">${option.text}</span>`
        : html`<span class="hit-title"
              >${markedText(snippetOf(option.hit, 'title') ?? option.hit.content.title)}</span
            >
            <span class="hit-type">${this.typeLabel(option.hit.content.type)}</span>`;
    return html`<li
      role="option"
      id="kb-option-${index}"
      class=${option.kind}
      aria-selected=${selected ? 'true' : 'false'}
      @mousedown=${(event: MouseEvent) => event.preventDefault()}
      @click=${() => this.choose(option)}
    >
      ${content}
    </li>`;
  }

  private renderListbox(): TemplateResult {
    const suggestions = this.options.filter((o) => o.kind === 'suggestion').length;
    const group = (label: string, from: number, to: number) =>
      from < to
        ? html`<li role="presentation" class="group-label" aria-hidden="true">${label}</li>
            ${this.options.slice(from, to).map((o, i) => this.renderOption(o, from + i))}`
        : nothing;
    return html`<ul
      id="kb-listbox"
      role="listbox"
      aria-label=${this.t.suggestions}
      ?hidden=${!this.expanded}
    >
      ${group(this.t.suggestions, 0, suggestions)}
      ${group(this.t.hits, suggestions, this.options.length)}
    </ul>`;
  }

  private renderFilters(results: Results): TemplateResult | typeof nothing {
    const facet = results.data.facets.find((f) => f.field === 'type');
    if (!facet?.values.length) return nothing;
    const total = facet.values.reduce((sum, v) => sum + v.count, 0);
    const button = (label: string, count: number, types: string[]) => {
      const pressed = types.join() === results.types.join();
      return html`<button
        type="button"
        aria-pressed=${pressed ? 'true' : 'false'}
        @click=${() => void this.runSearch(results.query, types)}
      >
        ${label} <span class="count">(${count})</span>
      </button>`;
    };
    return html`<div class="filters" role="group" aria-label=${this.t.filterByType}>
      ${button(this.t.all, total, [])}
      ${facet.values.map((v) => button(v.label || this.typeLabel(v.value), v.count, [v.value]))}
    </div>`;
  }

  private renderHit(hit: Hit): TemplateResult {
    const snippet = snippetOf(hit, 'body') ?? snippetOf(hit, 'summary');
    return html`<li>
      <a
        href=${hrefOf(hit.content)}
        @click=${(event: MouseEvent) => this.openHit(hit.content, event)}
        >${markedText(snippetOf(hit, 'title') ?? hit.content.title)}</a
      >
      <span class="hit-type">${this.typeLabel(hit.content.type)}</span>
      <p>${snippet ? markedText(snippet) : hit.content.summary}</p>
    </li>`;
  }

  private renderResults(results: Results): TemplateResult {
    const { data } = results;
    return html`<section class="results" aria-labelledby="kb-results-title">
      ${heading(headingLevel(this.headingLevel), html`${this.t.hits}: “${results.query}”`, {
        id: 'kb-results-title',
      })}
      ${this.renderFilters(results)}
      ${
        results.hits.length
          ? html`<ol>
              ${results.hits.map((hit) => this.renderHit(hit))}
            </ol>`
          : html`<p>${this.t.noResults}</p>`
      }
      ${
        data.pageInfo.hasNextPage
          ? html`<button
              type="button"
              class="more"
              @click=${() =>
                void this.runSearch(
                  results.query,
                  results.types,
                  data.pageInfo.endCursor ?? undefined,
                )}
            >
              ${this.t.more}
            </button>`
          : nothing
      }
    </section>`;
  }

  protected override render(): TemplateResult {
    const active = this.expanded && this.active >= 0 ? `kb-option-${this.active}` : undefined;
    const results = this.results;
    return html`<div lang=${this.language}>
      <form role="search" @submit=${(event: Event) => event.preventDefault()}>
        <label for="kb-q">${this.t.searchLabel}</label>
        <div class="field">
          <div class="combobox">
            <input
              id="kb-q"
              type="search"
              role="combobox"
              autocomplete="off"
              spellcheck="false"
              aria-autocomplete="list"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-controls="kb-listbox"
              aria-activedescendant=${active ?? nothing}
              aria-describedby="kb-hint"
              .value=${this.query}
              @input=${(event: InputEvent) => this.onInput(event)}
              @keydown=${(event: KeyboardEvent) => this.onKeydown(event)}
              @blur=${() => this.close()}
            />
            ${this.renderListbox()}
          </div>
          <button type="button" @click=${() => void this.submit(this.query)}>
            ${this.t.searchButton}
          </button>
        </div>
        <p id="kb-hint" class="visually-hidden">${this.t.searchHint}</p>
      </form>
      <p class="visually-hidden" role="status">
        ${results && !this.busy ? this.t.resultCount(results.data.totalCount) : ''}
      </p>
      ${this.loadState.status === 'error' ? this.renderState() : nothing}
      ${results ? this.renderResults(results) : nothing}
    </div>`;
  }
}
