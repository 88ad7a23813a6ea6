import fs from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';
import { FRONT_MATTER } from '../content/front-matter';
import { descriptorOf, TYPE_FOLDERS, typeOfFolder } from '../content/registry';
import { isSlug } from '../lib/slug';
import { PLACEHOLDER } from './validate';

/** A request `npm run new` refuses: an unknown folder, a malformed or taken slug. */
export class ScaffoldError extends Error {
  override readonly name = 'ScaffoldError';
}

export interface ScaffoldOptions {
  /** The seed layers, national first: the slug must be free in all of them. */
  readonly layers: readonly string[];
  /** The layer to write into (default: the last one, the most local). */
  readonly dir?: string;
  readonly folder: string;
  readonly slug: string;
  /** Write the English file too. */
  readonly english?: boolean;
  /** The date for `asOf` (default: today). */
  readonly today?: Date;
}

interface JsonProperty {
  readonly type?: string;
  readonly enum?: readonly (string | number)[];
  readonly description?: string;
  readonly examples?: readonly unknown[];
  readonly minimum?: number;
}

interface JsonObject {
  readonly properties: Record<string, JsonProperty>;
  readonly required?: readonly string[];
}

/**
 * Writes a new item's Dutch file (and, if asked, its English one) into a seed folder: every
 * required field of the type with a placeholder (`TODO: …`, an enum's first value, a field's
 * example; an optional field with an example is filled too), `draft: true`, today's `asOf`,
 * and the other optional fields as comments. The files pass seed validation as they are; the
 * draft stays out of public answers until an editor fills them in and removes `draft: true`
 * (validation refuses a published item that still holds a placeholder). Returns the paths
 * written.
 */
export async function scaffoldItem(options: ScaffoldOptions): Promise<string[]> {
  const type = typeOfFolder(options.folder);
  if (!type)
    throw new ScaffoldError(
      `Unknown type folder "${options.folder}"; expected one of ${TYPE_FOLDERS.join(', ')}.`,
    );
  if (!isSlug(options.slug))
    throw new ScaffoldError(
      `"${options.slug}" is not a slug: use lowercase letters, digits and single hyphens (at most 120 characters), e.g. lokale-contactpersonen.`,
    );
  const dir = options.dir ?? options.layers.at(-1)!;
  for (const layer of new Set([...options.layers, dir])) {
    const taken = await filesOf(path.join(layer, options.folder), options.slug);
    if (taken.length > 0)
      throw new ScaffoldError(
        `${options.folder}/${options.slug} exists already (${path.join(layer, options.folder, taken[0])}); choose another slug${
          layer === dir ? '' : ', or change that item with an override file in your layer'
        }.`,
      );
  }
  const schemas = FRONT_MATTER.get(type)!;
  const asOf = (options.today ?? new Date()).toISOString().slice(0, 10);
  const files: [string, string][] = [
    [
      `${options.slug}.nl.md`,
      fileText(jsonOf(schemas.nl), { draft: true, asOf }, 'TODO: schrijf hier de tekst.'),
    ],
  ];
  if (options.english)
    files.push([
      `${options.slug}.en.md`,
      fileText(jsonOf(schemas.en), {}, 'TODO: write the English text here.'),
    ]);
  const folder = path.join(dir, descriptorOf(type).folder);
  await fs.mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of files) {
    // `wx`: never overwrite, also when a file appeared since the check.
    await fs.writeFile(path.join(folder, name), text, { flag: 'wx' });
    written.push(path.join(folder, name));
  }
  return written;
}

async function filesOf(folder: string, slug: string): Promise<string[]> {
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  return [`${slug}.nl.md`, `${slug}.en.md`].filter((name) => names.includes(name));
}

function jsonOf(schema: z.ZodType): JsonObject {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as unknown as JsonObject;
}

/** The placeholder value of a required field, and a comment for the line. */
function placeholder(field: string, property: JsonProperty): { value: unknown; comment?: string } {
  const what = property.description ?? field;
  if (property.examples?.length)
    return { value: property.examples[0], comment: `${PLACEHOLDER} ${what} (an example)` };
  if (property.enum?.length)
    return { value: property.enum[0], comment: `one of ${property.enum.join(', ')}` };
  switch (property.type) {
    case 'array':
      return { value: [`${PLACEHOLDER} ${what}`] };
    case 'number':
    case 'integer':
      return { value: property.minimum ?? 0, comment: `${PLACEHOLDER} ${what}` };
    case 'boolean':
      return { value: false, comment: `${PLACEHOLDER} ${what}` };
    default:
      return { value: `${PLACEHOLDER} ${what}` };
  }
}

function fileText(schema: JsonObject, extra: Record<string, unknown>, body: string): string {
  const required = new Set(schema.required ?? []);
  const lines = ['---'];
  const yaml = (key: string, value: unknown, comment?: string) => {
    const text = stringify({ [key]: value }).trimEnd();
    lines.push(comment && !text.includes('\n') ? `${text} # ${comment}` : text);
    if (comment && text.includes('\n')) lines.push(`# ${comment}`);
  };
  // Required fields, and optional ones with an example (one of several alternatives, such as
  // bwbId or officialReference, that validation needs one of).
  const filled = (field: string) =>
    required.has(field) || Boolean(schema.properties[field]?.examples?.length);
  for (const [field, property] of Object.entries(schema.properties)) {
    if (!filled(field)) continue;
    const { value, comment } = placeholder(field, property);
    yaml(field, value, comment);
  }
  for (const [key, value] of Object.entries(extra)) yaml(key, value);
  const optional = Object.entries(schema.properties).filter(
    ([field]) => !filled(field) && !(field in extra),
  );
  if (optional.length) {
    lines.push('# Optional:');
    for (const [field, property] of optional)
      lines.push(`# ${field}: ${property.description ?? ''}`.trimEnd());
  }
  lines.push('---', '', body, '');
  return lines.join('\n');
}
