import fs from 'node:fs';
import path from 'node:path';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { ContentObject } from '../../src/content/common/content.type';
import { Locale } from '../../src/content/common/enums';
import type { ContentTypeDescriptor } from '../../src/content/common/descriptor';
import { CONTENT_ENTITIES } from '../../src/content/entities';
import { FRONT_MATTER } from '../../src/content/front-matter';
import type { ContentSnapshot } from '../../src/content/read-model/snapshot';
import {
  CONTENT_TYPES,
  ContentType,
  isContentType,
  typeOfFolder,
} from '../../src/content/registry';
import { getSchema, RESOLVERS } from '../../src/graphql/schema';
import { documentsOfItem } from '../../src/search/documents';
import { Partitions } from '../../src/search/sqlite-fts/partitions';
import type { Orm } from '../../src/db/orm';
import { startServer, type TestServer } from '../helpers/app';

const ROOT = path.join(__dirname, '..', '..');

interface Parts {
  readonly orm: Orm;
  readonly schema: GraphQLSchema;
  readonly snapshot: ContentSnapshot;
}

/** What a registered type lacks of the parts every content type has, in words. */
function missingParts(d: ContentTypeDescriptor, { orm, schema, snapshot }: Parts): string[] {
  const missing: string[] = [];
  const need = (ok: unknown, what: string) => {
    if (!ok) missing.push(`${d.type}: ${what}`);
  };
  // Entity: registered with the ORM, discriminated by the type, holding its neutral fields.
  need(CONTENT_ENTITIES.includes(d.entity), 'its entity is not among the ORM entities');
  const meta = orm.getMetadata().find(d.entity.name);
  need(meta?.discriminatorValue === d.type, 'its entity is not discriminated by its type name');
  for (const field of [...d.neutralFields, ...(d.tree ? ['parent', 'position'] : [])])
    need(meta?.properties[field as never], `its entity has no property ${field}`);
  // GraphQL: an enum value, an object type implementing Content, a single and a list query.
  need(isContentType(d.type), 'it is not a ContentType value');
  const enumValues = schema.getType('ContentType')?.toConfig() as { values?: object } | undefined;
  need(enumValues?.values && d.type in enumValues.values, 'the ContentType enum lacks it');
  const objectName = getMetadataStorage().objectTypes.find((o) => o.target === d.object)?.name;
  need(objectName, `the schema has no object type for ${d.object.name}`);
  const object = objectName ? schema.getType(objectName) : undefined;
  need(
    isObjectType(object) && object.getInterfaces().some((i) => i.name === 'Content'),
    'its object type does not implement Content',
  );
  const queries = Object.values(schema.getQueryType()?.getFields() ?? {}).map((f) =>
    String(f.type).replace(/!/g, ''),
  );
  need(queries.includes(String(objectName)), 'no query returns one item of it');
  need(queries.includes(`${objectName}Connection`), 'no query returns a page of it');
  for (const resolver of d.resolvers)
    need(RESOLVERS.includes(resolver), `resolver ${resolver.name} is not in the schema`);
  // Seed: its folder, its front matter (with every field it stores) and the JSON Schemas.
  need(typeOfFolder(d.folder) === d.type, `the folder ${d.folder} does not map back to it`);
  need(fs.existsSync(path.join(ROOT, 'seed', d.folder)), `seed/${d.folder} does not exist`);
  const shape = FRONT_MATTER.get(d.type)?.nl.shape ?? {};
  for (const field of [...d.neutralFields, ...d.translatedFields, ...Object.keys(d.links)])
    need(field in shape, `its Dutch front matter has no field ${field}`);
  for (const target of Object.values(d.links))
    need(isContentType(target), `it links to ${target}, which is not registered`);
  for (const locale of ['nl', 'en'])
    need(
      fs.existsSync(path.join(ROOT, 'schema', 'content', `${d.schemaName}.${locale}.schema.json`)),
      `schema/content/${d.schemaName}.${locale}.schema.json does not exist`,
    );
  // Relations are served under their own names.
  const served = isObjectType(object) ? object.getFields() : {};
  for (const field of Object.keys(d.links))
    need(served[field], `its object type serves no field ${field}`);
  // Read model and search: items load as views of its class and index into its partition.
  const item = snapshot.itemsOf(d.type)[0];
  need(item, 'the seed has no item of it');
  if (item) {
    const view = snapshot.view(item, Locale.NL);
    need(view instanceof d.object, 'its items are not views of it');
    // Every field it stores is served somewhere: a misspelt field name would serve nothing.
    const output = JSON.stringify(
      Object.keys(served).map((name) => {
        const member = (view as unknown as Record<string, unknown>)[name];
        return typeof member === 'function' ? (member as () => unknown).call(view) : member;
      }),
      // Related items stand for themselves by id (they lead back to this one).
      (_key, value: unknown) => (value instanceof ContentObject ? value.id : value),
    );
    const stored = [
      ...d.neutralFields.map((f) => [f, item.fields[f]] as const),
      ...d.translatedFields.map((f) => [f, item.nl.fields[f]] as const),
    ];
    for (const [field, value] of stored)
      need(
        value === null || value === undefined || output.includes(JSON.stringify(value)),
        `its object type does not serve the stored ${field}`,
      );
    need(
      documentsOfItem(item).every((doc) => doc.type === d.type),
      'its search documents are not of its type',
    );
  }
  try {
    new Partitions(snapshot.typeNames).typeRange(Locale.NL, d.type);
  } catch {
    missing.push(`${d.type}: it has no search partition`);
  }
  return missing;
}

describe('the content-type registry', () => {
  let server: TestServer;
  let parts: Parts;
  beforeAll(async () => {
    server = await startServer('sqlite', path.join(ROOT, 'seed'));
    parts = {
      orm: server.app.orm,
      schema: await getSchema(),
      snapshot: server.app.live.current.snapshot,
    };
  });
  afterAll(() => server.close());

  it.each(CONTENT_TYPES.map((d) => [d.type, d] as const))(
    '%s has every part a content type needs',
    (_type, descriptor) => {
      expect(missingParts(descriptor, parts)).toEqual([]);
    },
  );

  it('names what a type lacks', () => {
    const legalPower = CONTENT_TYPES.find((d) => d.type === ContentType.LEGAL_POWER)!;
    const incomplete: ContentTypeDescriptor = {
      ...legalPower,
      type: 'COURT_RULING',
      folder: 'court-rulings',
      schemaName: 'court-ruling',
      neutralFields: [...legalPower.neutralFields, 'court'],
      links: { ...legalPower.links, courts: 'COURT' },
    };
    expect(missingParts(incomplete, parts)).toEqual(
      expect.arrayContaining([
        'COURT_RULING: its entity is not discriminated by its type name',
        'COURT_RULING: its entity has no property court',
        'COURT_RULING: it is not a ContentType value',
        'COURT_RULING: the folder court-rulings does not map back to it',
        'COURT_RULING: seed/court-rulings does not exist',
        'COURT_RULING: its Dutch front matter has no field court',
        'COURT_RULING: it links to COURT, which is not registered',
        'COURT_RULING: schema/content/court-ruling.nl.schema.json does not exist',
        'COURT_RULING: the seed has no item of it',
        'COURT_RULING: it has no search partition',
      ]),
    );
  });

  it('gives every registered type its own search partition, in registry order', () => {
    expect(parts.snapshot.typeNames).toEqual(CONTENT_TYPES.map((d) => d.type));
    const partitions = new Partitions(parts.snapshot.typeNames);
    const starts = CONTENT_TYPES.map((d) => partitions.typeRange(Locale.NL, d.type)[0]);
    expect(new Set(starts).size).toBe(CONTENT_TYPES.length);
  });
});
