import {
  LitElement,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { apiBase, graphql, hrefOf, type Connection, type ItemLink } from './api';
import { langOf, messages, type Lang } from './i18n';

/** Where a load stands; the data itself lives on the element. */
export type LoadState =
  { readonly status: 'loading' | 'ready' } | { readonly status: 'error'; readonly message: string };

/**
 * What every component shares: the `api` and `locale` attributes, GraphQL requests that a newer
 * one supersedes, the loading and error lines, and the cancelable `kb-open` event.
 */
export abstract class KbElement extends LitElement {
  static override properties: PropertyDeclarations = {
    api: { type: String },
    locale: { type: String, reflect: true },
    loadState: { state: true },
  };

  /** Base URL of the API; defaults to where kb.js came from. */
  declare api: string | undefined;
  /** `nl` (default) or `en`. */
  declare locale: string | undefined;
  declare protected loadState: LoadState;
  private controller: AbortController | undefined;

  constructor() {
    super();
    this.loadState = { status: 'loading' };
  }

  protected get language(): Lang {
    return langOf(this.locale);
  }

  protected get t() {
    return messages(this.language);
  }

  protected get apiUrl(): string {
    return apiBase(this.api);
  }

  /** The GraphQL Locale value of `locale`. */
  protected get gqlLocale(): 'NL' | 'EN' {
    return this.language === 'en' ? 'EN' : 'NL';
  }

  /** Properties whose change means reloading; `api` and `locale` always do. */
  protected abstract readonly reloadOn: readonly string[];

  /** Fetches what the element shows; called again whenever a `reloadOn` property changes. */
  protected abstract load(signal: AbortSignal): Promise<void>;

  protected override willUpdate(changed: PropertyValues): void {
    const keys = ['api', 'locale', ...this.reloadOn];
    if (!this.hasUpdated || keys.some((key) => changed.has(key))) void this.reload();
  }

  protected async reload(): Promise<void> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    this.loadState = { status: 'loading' };
    try {
      await this.load(controller.signal);
      if (!controller.signal.aborted) this.loadState = { status: 'ready' };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.loadState = { status: 'error', message: (error as Error).message };
    }
  }

  protected request<T>(
    query: string,
    variables: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<T> {
    return graphql<T>(this.apiUrl, query, variables, signal);
  }

  /**
   * Every node of the connection `field`, page after page: `query` takes `$after` and asks for
   * `pageInfo { hasNextPage endCursor }` and `edges { node }`.
   */
  protected async requestAll<N>(
    query: string,
    field: string,
    variables: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<N[]> {
    const nodes: N[] = [];
    let after: string | null = null;
    do {
      const data: Record<string, Connection<N>> = await this.request<Record<string, Connection<N>>>(
        query,
        { ...variables, after },
        signal,
      );
      const page: Connection<N> = data[field];
      nodes.push(...page.edges.map((edge) => edge.node));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  }

  /** The loading or error line, or nothing when ready. */
  protected renderState(): TemplateResult | typeof nothing {
    const state = this.loadState;
    if (state.status === 'loading')
      return html`<p class="muted" role="status">${this.t.loading}</p>`;
    if (state.status === 'error') {
      return html`<p role="alert">${this.t.failed}: ${state.message}</p>`;
    }
    return nothing;
  }

  /**
   * Tells the page an item is being opened (`kb-open`, bubbling out of the shadow root). A
   * portal calls preventDefault() to route it itself; otherwise the browser follows the link.
   * Returns whether the default should happen.
   */
  protected announceOpen(item: ItemLink): boolean {
    return this.dispatchEvent(
      new CustomEvent<ItemLink>('kb-open', {
        detail: item,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
  }

  /** Click handler for a link to an item: a plain click is announced first. */
  protected onItemLinkClick(event: MouseEvent, item: ItemLink): void {
    if (isModifiedClick(event)) return;
    if (!this.announceOpen(item)) event.preventDefault();
  }

  /** Opens an item as a click on its link would (keyboard choice in a list). */
  protected openItem(item: ItemLink): void {
    if (this.announceOpen(item)) window.location.assign(hrefOf(item));
  }
}

/** A click the browser should handle itself (new tab, download, ...). */
export function isModifiedClick(event: MouseEvent): boolean {
  return event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
