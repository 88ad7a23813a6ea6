import type { EntityManager } from '@mikro-orm/knex';
import type { ContentEntity } from './content.entity';
import { LinkKind } from './content-link.entity';
import { createContentLoaders, type ContentLoaders } from './content.loaders';
import type { ContentObject, SourceObject, TagObject } from './content.type';
import { ContentType, Locale } from './enums';
import { GuidanceObject } from '../guidance/guidance.type';
import type { Guidance } from '../guidance/guidance.entity';
import { LegalPowerObject } from '../legal-power/legal-power.type';
import type { LegalPower } from '../legal-power/legal-power.entity';
import { PreventionApproachObject } from '../prevention-approach/prevention-approach.type';
import type { PreventionApproach } from '../prevention-approach/prevention-approach.entity';
import { TargetGroupProfileObject } from '../target-group/target-group.type';

/**
 * Reads content for one request and turns entities into GraphQL objects in a locale. All
 * reads go through the request's DataLoaders, so a list and its relations cost a fixed
 * number of statements.
 */
export class ContentReader {
  readonly loaders: ContentLoaders;

  constructor(readonly em: EntityManager) {
    this.loaders = createContentLoaders(em);
  }

  private async build(entity: ContentEntity, locale: Locale): Promise<ContentObject> {
    const translations = await this.loaders.translations.load(entity.id);
    switch (entity.type) {
      case ContentType.GUIDANCE:
        return new GuidanceObject(this, entity as Guidance, translations, locale);
      case ContentType.LEGAL_POWER:
        return new LegalPowerObject(this, entity as LegalPower, translations, locale);
      case ContentType.PREVENTION_APPROACH:
        return new PreventionApproachObject(
          this,
          entity as PreventionApproach,
          translations,
          locale,
        );
      case ContentType.TARGET_GROUP:
        return new TargetGroupProfileObject(this, entity, translations, locale);
    }
  }

  async viewOf(id: number, locale: Locale): Promise<ContentObject | null> {
    const entity = await this.loaders.content.load(id);
    return entity ? this.build(entity, locale) : null;
  }

  async viewsOf(ids: readonly number[], locale: Locale): Promise<ContentObject[]> {
    const views = await Promise.all(ids.map((id) => this.viewOf(id, locale)));
    return views.filter((v): v is ContentObject => v !== null);
  }

  async bySlug(type: ContentType, slug: string, locale: Locale): Promise<ContentObject | null> {
    const entity = await this.loaders.contentBySlug.load(`${type}/${slug}`);
    return entity ? this.build(entity, locale) : null;
  }

  async tagsOf(id: number, locale: Locale): Promise<TagObject[]> {
    const rows = await this.loaders.tags.load(id);
    return rows.map((r) => ({
      slug: r.slug,
      name: locale === Locale.EN && r.nameEn ? r.nameEn : r.nameNl,
    }));
  }

  async sourcesOf(id: number): Promise<SourceObject[]> {
    const rows = await this.loaders.sources.load(id);
    return rows.map((s) => ({
      title: s.title,
      url: s.url ?? null,
      publisher: s.publisher ?? null,
      date: s.date ?? null,
    }));
  }

  private async linked(
    id: number,
    kind: LinkKind,
    locale: Locale,
    types?: readonly ContentType[],
  ): Promise<ContentObject[]> {
    const links = (await this.loaders.links.load(id)).filter((l) => l.kind === kind);
    const views = await this.viewsOf(
      links.map((l) => l.toId),
      locale,
    );
    return types ? views.filter((v) => types.includes(v.type)) : views;
  }

  relatedOf(id: number, locale: Locale, types?: readonly ContentType[]): Promise<ContentObject[]> {
    return this.linked(id, LinkKind.RELATED, locale, types);
  }

  typedOf(id: number, locale: Locale, type: ContentType): Promise<ContentObject[]> {
    return this.linked(id, LinkKind.TYPED, locale, [type]);
  }

  async childrenOf(id: number, locale: Locale): Promise<GuidanceObject[]> {
    const ids = await this.loaders.children.load(id);
    return (await this.viewsOf(ids, locale)) as GuidanceObject[];
  }
}
