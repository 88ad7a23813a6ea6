import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * seed/synonyms.yml: a single row holding the validated synonym groups and their hash, so that
 * every instance searches with the synonyms of the content version it serves.
 */
@Entity({ tableName: 'synonyms' })
export class SynonymsDocument {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  /** Hash of the validated groups; the seed plan compares it to find changes. */
  @Property({ type: 'string', length: 64 })
  contentHash!: string;

  /** Synonym groups: each a list of terms. */
  @Property({ type: 'json' })
  data!: string[][];

  @Property({ type: 'datetime' })
  updatedAt!: Date;
}
