import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { hrefOf } from './api';
import { buildTree, type GuidanceTree, type TreeItem, type TreeNode } from './guidance-tree';
import { heading, headingLevel } from './heading';
import { formatDate } from './i18n';
import { KbElement, isModifiedClick } from './kb-element';
import { baseStyles } from './styles';

const ITEM_QUERY = `query KbGuidance($slug: String!, $locale: Locale!, $offset: Int!) {
  guidance(slug: $slug, locale: $locale) {
    slug title summary asOf path url readingTimeMinutes
    ancestors { slug title path url }
    headings { id level text }
    body(headingOffset: $offset)
  }
}`;

const TREE_QUERY = `query KbGuidanceTree($locale: Locale!, $after: String) {
  guidances(first: 100, after: $after, locale: $locale) {
    pageInfo { hasNextPage endCursor }
    edges { node { slug title path url position parent { slug } } }
  }
}`;

interface Crumb {
  readonly slug: string;
  readonly title: string;
  readonly path: string;
  readonly url?: string | null;
}

interface GuidanceItem extends Crumb {
  readonly summary: string;
  readonly asOf: string | null;
  readonly readingTimeMinutes: number;
  readonly ancestors: readonly Crumb[];
  readonly headings: readonly { id: string; level: number; text: string }[];
  readonly body: string;
}

/**
 * `<kb-guidance slug="...">`: one guidance item with its breadcrumb, the guidance tree, a table
 * of contents and previous/next links. Links to other guidance open inside the element (it
 * fires `kb-navigate`) unless `link-mode="template"`, which follows the links' own hrefs.
 */
export class KbGuidance extends KbElement {
  static override properties = {
    slug: { type: String, reflect: true },
    linkMode: { type: String, attribute: 'link-mode' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    item: { state: true },
    tree: { state: true },
    treeOpen: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .layout {
        display: grid;
        gap: var(--_space);
      }
      @container (min-width: 48em) {
        .layout {
          grid-template-columns: minmax(12em, 1fr) 3fr;
          align-items: start;
        }
        .tree {
          grid-row: 1 / span 2;
        }
      }
      nav ol,
      nav ul {
        margin: 0;
      }
      .breadcrumb {
        margin-block-end: var(--_space);
      }
      .breadcrumb ol {
        display: flex;
        flex-wrap: wrap;
        list-style: none;
        padding: 0;
        gap: 0.25em;
      }
      .breadcrumb li + li::before {
        content: '›';
        margin-inline-end: 0.25em;
        color: var(--_muted);
      }
      .tree,
      .toc {
        border-inline-start: 3px solid var(--_border);
        padding-inline-start: 0.75em;
      }
      .tree ul,
      .toc ul {
        list-style: none;
        padding-inline-start: 0;
      }
      .tree ul ul,
      .toc .sub {
        padding-inline-start: 1em;
      }
      .tree li,
      .toc li {
        margin-block: 0.35em;
      }
      [aria-current='page'] {
        font-weight: bold;
        text-decoration: none;
        color: inherit;
      }
      .nav-title {
        font-weight: bold;
        margin-block: 0 0.5em;
      }
      summary.nav-title {
        cursor: pointer;
      }
      .summary {
        font-size: 1.125em;
      }
      .pager ul {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--_space);
        list-style: none;
        padding: 0;
      }
      .body img {
        max-inline-size: 100%;
      }
      .body pre {
        overflow-x: auto;
      }
      article > :first-child {
        margin-block-start: 0;
      }
    `,
  ];

  /** Slug of the item shown; empty shows the first item of the tree. */
  declare slug: string;
  /** `inside` (default): guidance links open here; `template`: follow the links' hrefs. */
  declare linkMode: string;
  /** Level of the item's title (default 2); body headings follow below it. */
  declare headingLevel: number | undefined;
  declare private item: GuidanceItem | null;
  declare private tree: GuidanceTree | undefined;
  /** Whether the tree is unfolded: by default when the element is wide enough to show it aside. */
  declare private treeOpen: boolean;
  private wide: boolean | undefined;
  private readonly resize = new ResizeObserver(() => this.fitTree());
  private treeKey = '';
  private focusTitle = false;
  protected readonly reloadOn = ['slug', 'headingLevel'];

  constructor() {
    super();
    this.slug = '';
    this.linkMode = 'inside';
    this.item = null;
    this.treeOpen = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  /** Folds the tree away when the element becomes narrow, and out again when it widens. */
  private fitTree(): void {
    const em = parseFloat(getComputedStyle(this).fontSize) || 16;
    const wide = this.getBoundingClientRect().width >= 48 * em;
    if (wide === this.wide) return;
    this.wide = wide;
    this.treeOpen = wide;
  }

  private get level(): number {
    return headingLevel(this.headingLevel);
  }

  protected async load(signal: AbortSignal): Promise<void> {
    const treeKey = `${this.apiUrl}\u0000${this.gqlLocale}`;
    const tree = treeKey === this.treeKey && this.tree ? this.tree : await this.loadTree(signal);
    const slug = this.slug || tree.order[0]?.slug;
    const data = slug
      ? await this.request<{ guidance: GuidanceItem | null }>(
          ITEM_QUERY,
          { slug, locale: this.gqlLocale, offset: this.level - 1 },
          signal,
        )
      : { guidance: null };
    if (signal.aborted) return;
    this.tree = tree;
    this.treeKey = treeKey;
    this.item = data.guidance;
  }

  private async loadTree(signal: AbortSignal): Promise<GuidanceTree> {
    const items = await this.requestAll<TreeItem>(
      TREE_QUERY,
      'guidances',
      { locale: this.gqlLocale },
      signal,
    );
    return buildTree(items);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusTitle && this.loadState.status === 'ready') {
      this.focusTitle = false;
      this.renderRoot.querySelector<HTMLElement>('#kb-title')?.focus();
    }
  }

  /** Shows another guidance item inside the element and tells the page (`kb-navigate`). */
  navigate(slug: string): void {
    if (slug === this.slug) return;
    this.slug = slug;
    this.focusTitle = true;
    const node = this.tree?.bySlug.get(slug);
    this.dispatchEvent(
      new CustomEvent('kb-navigate', {
        detail: { type: 'GUIDANCE', slug, path: node?.path, url: node?.url, title: node?.title },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private onGuidanceLink(event: MouseEvent, slug: string): void {
    if (this.linkMode === 'template' || isModifiedClick(event)) return;
    event.preventDefault();
    this.navigate(slug);
  }

  /** Links inside the body: guidance opens here, other items are announced (`kb-open`). */
  private onBodyClick(event: MouseEvent): void {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a[data-kb-slug]');
    const slug = link?.dataset.kbSlug;
    const type = link?.dataset.kbType ?? '';
    if (!link || !slug) return;
    if (type.toUpperCase() === 'GUIDANCE') return this.onGuidanceLink(event, slug);
    if (this.linkMode === 'template') return;
    this.onItemLinkClick(event, { type, slug, path: link.getAttribute('href') ?? '' });
  }

  /** Table-of-contents links scroll within the shadow root, where `#id` cannot reach. */
  private onTocClick(event: MouseEvent, id: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`);
    if (!target) return;
    event.preventDefault();
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  }

  private link(node: Crumb, content: unknown = node.title): TemplateResult {
    const current = node.slug === this.item?.slug;
    return html`<a
      href=${hrefOf(node)}
      aria-current=${current ? 'page' : nothing}
      @click=${(event: MouseEvent) => this.onGuidanceLink(event, node.slug)}
      >${content}</a
    >`;
  }

  private renderBranch(nodes: readonly TreeNode[], open: ReadonlySet<string>): TemplateResult {
    return html`<ul>
      ${nodes.map(
        (node) =>
          html`<li>
            ${this.link(node)}
            ${
              node.children.length && open.has(node.slug)
                ? this.renderBranch(node.children, open)
                : nothing
            }
          </li>`,
      )}
    </ul>`;
  }

  /** The top level, and the children of every item on the way to the current one. */
  private renderTree(item: GuidanceItem, tree: GuidanceTree): TemplateResult {
    const open = new Set([...item.ancestors.map((crumb) => crumb.slug), item.slug]);
    return html`<nav class="tree" aria-labelledby="kb-tree-label">
      <details
        ?open=${this.treeOpen}
        @toggle=${(event: Event) => (this.treeOpen = (event.target as HTMLDetailsElement).open)}
      >
        <summary class="nav-title" id="kb-tree-label">${this.t.guidanceTree}</summary>
        ${this.renderBranch(tree.roots, open)}
      </details>
    </nav>`;
  }

  private renderBreadcrumb(item: GuidanceItem): TemplateResult | typeof nothing {
    if (!item.ancestors.length) return nothing;
    return html`<nav class="breadcrumb" aria-label=${this.t.breadcrumb}>
      <ol>
        ${item.ancestors.map((crumb) => html`<li>${this.link(crumb)}</li>`)}
        <li><span aria-current="page">${item.title}</span></li>
      </ol>
    </nav>`;
  }

  private renderToc(item: GuidanceItem): TemplateResult | typeof nothing {
    if (item.headings.length < 2) return nothing;
    const top = Math.min(...item.headings.map((h) => h.level));
    return html`<nav class="toc" aria-labelledby="kb-toc-label">
      <p class="nav-title" id="kb-toc-label">${this.t.onThisPage}</p>
      <ul>
        ${item.headings.map(
          (h) =>
            html`<li class=${h.level > top ? 'sub' : ''}>
              <a href="#${h.id}" @click=${(event: MouseEvent) => this.onTocClick(event, h.id)}
                >${h.text}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderPager(item: GuidanceItem, tree: GuidanceTree): TemplateResult | typeof nothing {
    const index = tree.order.findIndex((node) => node.slug === item.slug);
    if (index < 0) return nothing;
    const previous = tree.order[index - 1];
    const next = tree.order[index + 1];
    return html`<nav class="pager" aria-label=${this.t.pager}>
      <ul>
        ${previous ? html`<li>${this.link(previous, `← ${this.t.previous}: ${previous.title}`)}</li>` : nothing}
        ${next ? html`<li>${this.link(next, `${this.t.next}: ${next.title} →`)}</li>` : nothing}
      </ul>
    </nav>`;
  }

  protected override render(): TemplateResult {
    const { item, tree } = this;
    const ready = this.loadState.status === 'ready';
    return html`<div lang=${this.language}>
      ${this.renderState()}
      ${ready && !item ? html`<p role="alert">${this.t.notFound}</p>` : nothing}
      ${
        item && tree
          ? html`${this.renderBreadcrumb(item)}
              <div class="layout">
                ${this.renderTree(item, tree)}
                <article aria-labelledby="kb-title">
                  ${heading(this.level, item.title, { id: 'kb-title', focusable: true })}
                  <p class="muted">
                    ${this.t.readingTime(item.readingTimeMinutes)}${
                      item.asOf
                        ? html` · ${this.t.asOf}:
                            <time datetime=${item.asOf}
                              >${formatDate(item.asOf, this.language)}</time
                            >`
                        : nothing
                    }
                  </p>
                  <p class="summary">${item.summary}</p>
                  ${this.renderToc(item)}
                  <div class="body" @click=${(event: MouseEvent) => this.onBodyClick(event)}>
                    ${unsafeHTML(item.body)}
                  </div>
                  ${this.renderPager(item, tree)}
                </article>
              </div>`
          : nothing
      }
    </div>`;
  }
}
