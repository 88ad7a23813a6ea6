import { css, html, nothing, type TemplateResult } from 'lit';
import { hrefOf } from './api';
import { formatDate } from './i18n';
import { KbElement } from './kb-element';
import { enumLabels, type EnumLabels } from './labels';
import { baseStyles } from './styles';

const POWERS_QUERY = `query KbLegalPowers($locale: Locale!, $authority: [LegalAuthority!], $after: String) {
  legalPowers(first: 100, after: $after, locale: $locale, filter: { authority: $authority }) {
    pageInfo { hasNextPage endCursor }
    edges { node { slug type title path url law article asOf legalReference { url } officialReference { citation url } } }
  }
}`;

interface Power {
  readonly slug: string;
  readonly type: string;
  readonly title: string;
  readonly path: string;
  readonly url: string | null;
  readonly law: string;
  readonly article: string;
  readonly asOf: string | null;
  /** Null when the law has no BWB id; then the official publication may be named. */
  readonly legalReference: { readonly url: string } | null;
  readonly officialReference: { readonly citation: string; readonly url: string } | null;
}

/**
 * `<kb-legal-powers authority="MAYOR">`: the legal powers of one authority (all without the
 * attribute) as a table of title, law, article (linked to wetten.overheid.nl) and the date the
 * facts were checked. Below 40em of its own width each row stacks into a labelled block.
 */
export class KbLegalPowers extends KbElement {
  static override properties = {
    authority: { type: String, reflect: true },
    powers: { state: true },
    labels: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      table {
        inline-size: 100%;
        border-collapse: collapse;
      }
      caption {
        text-align: start;
        font-weight: bold;
        font-size: 1.125em;
        margin-block-end: 0.5em;
      }
      th,
      td {
        text-align: start;
        vertical-align: top;
        padding: 0.5em 0.75em 0.5em 0;
        border-block-end: 1px solid var(--_border);
      }
      th {
        background-color: var(
          --kb-table-header-background-color,
          var(--utrecht-table-header-background-color, transparent)
        );
        color: var(--kb-table-header-color, var(--utrecht-table-header-color, inherit));
        border-block-end-width: 2px;
      }
      @container (max-width: 40em) {
        thead {
          position: absolute;
          inline-size: 1px;
          block-size: 1px;
          overflow: hidden;
          clip-path: inset(50%);
        }
        tr,
        td {
          display: block;
        }
        tr {
          border-block-end: 1px solid var(--_border);
          padding-block: 0.5em;
        }
        td {
          border: 0;
          padding: 0.1em 0;
        }
        td[data-label]::before {
          content: attr(data-label) ': ';
          font-weight: bold;
        }
        td:first-child {
          font-size: 1.0625em;
        }
      }
    `,
  ];

  /** A LegalAuthority value (MAYOR, MUNICIPAL_EXECUTIVE, ...); empty lists every power. */
  declare authority: string;
  declare private powers: readonly Power[];
  declare private labels: EnumLabels | undefined;
  protected readonly reloadOn = ['authority'];

  constructor() {
    super();
    this.authority = '';
    this.powers = [];
  }

  protected async load(signal: AbortSignal): Promise<void> {
    const authority = this.authority.trim().toUpperCase();
    const labels = enumLabels(this.apiUrl, this.gqlLocale);
    const powers = await this.requestAll<Power>(
      POWERS_QUERY,
      'legalPowers',
      { locale: this.gqlLocale, authority: authority ? [authority] : null },
      signal,
    );
    this.labels = await labels;
    this.powers = powers;
  }

  private caption(): string {
    const authority = this.authority.trim().toUpperCase();
    const label = authority && this.labels?.get('LegalAuthority')?.get(authority);
    return label ? this.t.legalPowersOf(label) : this.t.legalPowers;
  }

  /** The article, linked to the law's text, else to its official publication, else plain. */
  private renderArticle(power: Power): TemplateResult {
    const href = power.legalReference?.url ?? power.officialReference?.url;
    if (!href) return html`${power.article}`;
    return html`<a
      href=${href}
      aria-label=${this.t.articleOn(power.article, power.law)}
      rel="external noopener"
      >${power.article}</a
    >`;
  }

  private renderRow(power: Power): TemplateResult {
    const t = this.t;
    return html`<tr role="row">
      <td role="cell">
        <a href=${hrefOf(power)} @click=${(event: MouseEvent) => this.onItemLinkClick(event, power)}
          >${power.title}</a
        >
      </td>
      <td role="cell" data-label=${t.law}>${power.law}</td>
      <td role="cell" data-label=${t.article}>${this.renderArticle(power)}</td>
      <td role="cell" data-label=${t.asOf}>
        ${
          power.asOf
            ? html`<time datetime=${power.asOf}>${formatDate(power.asOf, this.language)}</time>`
            : html`<span aria-hidden="true">–</span
                ><span class="visually-hidden">${t.noDate}</span>`
        }
      </td>
    </tr>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const ready = this.loadState.status === 'ready';
    return html`<div lang=${this.language}>
      ${this.renderState()}
      ${
        ready
          ? // Explicit roles keep the table a table for screen readers once CSS stacks it.
            html`<table role="table">
              <caption>
                ${this.caption()}
              </caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th role="columnheader" scope="col">${t.power}</th>
                  <th role="columnheader" scope="col">${t.law}</th>
                  <th role="columnheader" scope="col">${t.article}</th>
                  <th role="columnheader" scope="col">${t.asOf}</th>
                </tr>
              </thead>
              <tbody role="rowgroup">
                ${this.powers.map((power) => this.renderRow(power))}
              </tbody>
            </table>`
          : nothing
      }
    </div>`;
  }
}
