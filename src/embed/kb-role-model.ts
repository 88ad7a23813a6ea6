import { css, html, nothing, type TemplateResult } from 'lit';
import { hrefOf, type ItemLink } from './api';
import { heading, headingLevel } from './heading';
import { KbElement } from './kb-element';
import { baseStyles } from './styles';

const ROLE_MODEL_QUERY = `query KbRoleModel($locale: Locale!) {
  roleModel(locale: $locale) {
    title description
    groups { id label }
    phases { id label position }
    actors { id label description group { id } content { slug type title path url } }
    tasks { id label phase { id } actors { id label } content { slug type title path url } }
    edges { label from { label } to { label } }
  }
}`;

type Link = ItemLink & { readonly title: string };

interface RoleModel {
  readonly title: string;
  readonly description: string;
  readonly groups: readonly { id: string; label: string }[];
  readonly phases: readonly { id: string; label: string; position: number }[];
  readonly actors: readonly {
    id: string;
    label: string;
    description: string;
    group: { id: string };
    content: readonly Link[];
  }[];
  readonly tasks: readonly {
    id: string;
    label: string;
    phase: { id: string };
    actors: readonly { id: string; label: string }[];
    content: readonly Link[];
  }[];
  readonly edges: readonly { label: string; from: { label: string }; to: { label: string } }[];
}

/**
 * `<kb-role-model>`: who does what in the local approach, as headings, lists and a description
 * list that reflow at any width (the SVG drawing stays available for print).
 */
export class KbRoleModel extends KbElement {
  static override properties = {
    headingLevel: { type: Number, attribute: 'heading-level' },
    model: { state: true },
  };

  static override styles = [
    baseStyles,
    css`
      .phases {
        list-style: none;
        padding: 0;
        display: grid;
        gap: var(--_space);
      }
      @container (min-width: 40em) {
        .phases {
          grid-template-columns: repeat(auto-fit, minmax(16em, 1fr));
        }
      }
      .phases > li {
        border-inline-start: 4px solid
          var(--kb-accent-color, var(--utrecht-color-blue-500, #01689b));
        padding-inline-start: 0.75em;
      }
      .phases h3,
      .phases h4,
      .phases h5,
      .phases h6 {
        margin-block-start: 0;
      }
      dt {
        font-weight: bold;
        margin-block-start: 0.75em;
      }
      dd {
        margin-inline-start: 0;
      }
      .links {
        margin-block: 0.25em 0;
      }
    `,
  ];

  /** Level of the role model's title (default 2). */
  declare headingLevel: number | undefined;
  declare private model: RoleModel | undefined;
  protected readonly reloadOn = [];

  protected async load(signal: AbortSignal): Promise<void> {
    const data = await this.request<{ roleModel: RoleModel }>(
      ROLE_MODEL_QUERY,
      { locale: this.gqlLocale },
      signal,
    );
    this.model = data.roleModel;
  }

  private renderLinks(content: readonly Link[]): TemplateResult | typeof nothing {
    if (!content.length) return nothing;
    return html`<p class="links">
      ${this.t.readMore}:
      ${content.map(
        (item, i) =>
          html`${i ? ', ' : ''}<a
              href=${hrefOf(item)}
              @click=${(event: MouseEvent) => this.onItemLinkClick(event, item)}
              >${item.title}</a
            >`,
      )}
    </p>`;
  }

  private renderPhases(model: RoleModel, level: number): TemplateResult {
    const phases = [...model.phases].sort((a, b) => a.position - b.position);
    return html`<section aria-labelledby="kb-rm-phases">
      ${heading(level + 1, this.t.phasesAndTasks, { id: 'kb-rm-phases' })}
      <ol class="phases">
        ${phases.map(
          (phase) =>
            html`<li>
              ${heading(level + 2, phase.label)}
              <ul>
                ${model.tasks
                  .filter((task) => task.phase.id === phase.id)
                  .map(
                    (task) =>
                      html`<li>
                        <strong>${task.label}</strong>
                        ${
                          task.actors.length
                            ? html`<br />${this.t.carriedOutBy}:
                                ${task.actors.map((actor) => actor.label).join(', ')}`
                            : nothing
                        }
                        ${this.renderLinks(task.content)}
                      </li>`,
                  )}
              </ul>
            </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderActors(model: RoleModel, level: number): TemplateResult {
    return html`<section aria-labelledby="kb-rm-actors">
      ${heading(level + 1, this.t.actors, { id: 'kb-rm-actors' })}
      ${model.groups.map((group) => {
        const actors = model.actors.filter((actor) => actor.group.id === group.id);
        if (!actors.length) return nothing;
        return html`${heading(level + 2, group.label)}
          <dl>
            ${actors.map(
              (actor) =>
                html`<dt>${actor.label}</dt>
                  <dd>${actor.description} ${this.renderLinks(actor.content)}</dd>`,
            )}
          </dl>`;
      })}
    </section>`;
  }

  private renderRelations(model: RoleModel, level: number): TemplateResult | typeof nothing {
    if (!model.edges.length) return nothing;
    return html`<section aria-labelledby="kb-rm-relations">
      ${heading(level + 1, this.t.relations, { id: 'kb-rm-relations' })}
      <ul>
        ${model.edges.map(
          (edge) =>
            html`<li>
              <strong>${edge.from.label}</strong> ${edge.label} <strong>${edge.to.label}</strong>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  protected override render(): TemplateResult {
    const model = this.model;
    const level = headingLevel(this.headingLevel);
    const svg = `${this.apiUrl}/visuals/role-model.svg?locale=${this.language}`;
    return html`<div lang=${this.language}>
      ${this.renderState()}
      ${
        model && this.loadState.status === 'ready'
          ? html`<section aria-labelledby="kb-rm-title">
              ${heading(level, model.title, { id: 'kb-rm-title' })}
              <p>${model.description}</p>
              <p><a href=${svg} type="image/svg+xml">${this.t.printVersion}</a></p>
              ${this.renderPhases(model, level)} ${this.renderActors(model, level)}
              ${this.renderRelations(model, level)}
            </section>`
          : nothing
      }
    </div>`;
  }
}
