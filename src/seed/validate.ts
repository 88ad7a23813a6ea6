import type { z } from 'zod';
import { TagsFile } from '../content/common/front-matter-fields';
import { extractKbLinks } from '../content/common/markdown';
import type { StoredDocument, SynonymTerms } from '../content/read-model/snapshot';
import { FRONT_MATTER } from '../content/front-matter';
import { descriptorOf, itemRef, typeOfFolder, type ContentType } from '../content/registry';
import { canonicalJson, sha256 } from '../lib/hash';
import { SynonymsFile } from '../search/synonyms';
import type { SeedIssue } from './errors';
import type { LoadedSeed, RawContentFile } from './load';
import { validateRoleModel, type SeedRoleModel } from './role-model';

export interface SeedTag {
  readonly slug: string;
  readonly nameNl: string;
  readonly nameEn: string | null;
}

/** One validated item: its Dutch file, optional English file and their hash. */
export interface SeedItem {
  readonly type: ContentType;
  readonly slug: string;
  /** `<type-folder>/<slug>`, the name relations and kb: links use. */
  readonly ref: string;
  readonly nl: Readonly<Record<string, unknown>>;
  readonly en: Readonly<Record<string, unknown>> | null;
  readonly bodyNl: string;
  readonly bodyEn: string;
  readonly hash: string;
}

export interface ValidatedSeed {
  readonly tags: readonly SeedTag[];
  readonly items: readonly SeedItem[];
  /** The role model from role-model.yml; null when the seed has none. */
  readonly roleModel?: SeedRoleModel | null;
  /** The synonym groups from synonyms.yml; null when the seed has none. */
  readonly synonyms?: StoredDocument<SynonymTerms> | null;
}

/**
 * What `npm run new` writes into a field an editor must fill in. A draft may hold it; a
 * published item may not.
 */
export const PLACEHOLDER = 'TODO:';

/** The files of one item, by locale. */
interface ItemFiles {
  readonly ref: string;
  nl?: RawContentFile;
  en?: RawContentFile;
}

/** An item whose front matter passed its schema. */
interface ParsedItem {
  readonly ref: string;
  readonly nlFile: RawContentFile;
  readonly enFile?: RawContentFile;
  readonly nl: Record<string, unknown>;
  readonly en: Record<string, unknown> | null;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
}

/** A schema's complaints as seed issues: `file: field: reason`. */
export function zodIssues(file: string, error: z.ZodError, input: unknown): SeedIssue[] {
  // A YAML file's problem with the whole file names no field; a Markdown file's names its front matter.
  const whole = file.endsWith('.md') ? '(front matter)' : '(whole file)';
  return error.issues.flatMap((issue): SeedIssue[] => {
    const path = issue.path.map(String).join('.');
    const at = path || whole;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        field: path ? `${path}.${key}` : key,
        message: 'unknown field',
      }));
    }
    if (
      issue.code !== 'custom' &&
      issue.path.length > 0 &&
      valueAt(input, issue.path) === undefined
    ) {
      return [{ file, field: at, message: 'required field is missing' }];
    }
    return [{ file, field: at, message: issue.message }];
  });
}

/**
 * Checks every file and every cross-reference; collects all problems instead of stopping at
 * the first. Returns the seed only when there are none.
 */
export function validateSeed(loaded: LoadedSeed): { seed?: ValidatedSeed; issues: SeedIssue[] } {
  const issues = [...loaded.issues];
  const tags = validateTags(loaded.tags, issues);
  const files = filesByItem(loaded.files);
  const items = parseItems(files.values(), issues);
  const known = new Set(files.keys());
  const tagSlugs = new Set(tags.map((t) => t.slug));
  for (const item of items) checkReferences(item, known, tagSlugs, issues);
  for (const item of items) if (item.nl.draft !== true) checkPlaceholders(item, issues);
  checkParentCycles(items, issues);
  const synonyms = validateSynonyms(loaded.synonyms, issues);
  const roleModel =
    loaded.roleModel === undefined ? null : validateRoleModel(loaded.roleModel, known, issues);
  if (issues.length > 0) return { issues };
  return { seed: { tags, items: items.map(toSeedItem), roleModel, synonyms }, issues };
}

function validateTags(raw: unknown, issues: SeedIssue[]): SeedTag[] {
  if (raw === undefined || raw === null) return [];
  const parsed = TagsFile.safeParse(raw);
  if (!parsed.success) {
    issues.push(...zodIssues('tags.yml', parsed.error, raw));
    return [];
  }
  return parsed.data.map((t) => ({ slug: t.slug, nameNl: t.name.nl, nameEn: t.name.en ?? null }));
}

function filesByItem(files: readonly RawContentFile[]): Map<string, ItemFiles> {
  const byRef = new Map<string, ItemFiles>();
  for (const file of files) {
    const ref = itemRef(file.type, file.slug);
    const entry = byRef.get(ref) ?? { ref };
    entry[file.locale] = file;
    byRef.set(ref, entry);
  }
  return byRef;
}

function parseItems(items: Iterable<ItemFiles>, issues: SeedIssue[]): ParsedItem[] {
  const parsed: ParsedItem[] = [];
  for (const { ref, nl, en } of items) {
    if (!nl) {
      issues.push({
        file: en!.file,
        message: `translation without its Dutch original ${ref}.nl.md`,
      });
      continue;
    }
    const schemas = FRONT_MATTER.get(nl.type)!;
    const nlParsed = parseFrontMatter(nl, schemas.nl, issues);
    const enParsed = en ? parseFrontMatter(en, schemas.en, issues) : null;
    if (nl.body.trim() === '')
      issues.push({
        file: nl.file,
        field: 'body',
        message: 'the Dutch file needs a Markdown body',
      });
    if (nlParsed && (en === undefined || enParsed))
      parsed.push({ ref, nlFile: nl, enFile: en, nl: nlParsed, en: enParsed });
  }
  return parsed;
}

function parseFrontMatter(
  file: RawContentFile,
  schema: z.ZodType,
  issues: SeedIssue[],
): Record<string, unknown> | null {
  const { frontMatter } = file;
  if (typeof frontMatter !== 'object' || frontMatter === null || Array.isArray(frontMatter)) {
    issues.push({
      file: file.file,
      message: 'front matter must be a YAML mapping of field: value',
    });
    return null;
  }
  const parsed = schema.safeParse(frontMatter);
  if (!parsed.success) {
    issues.push(
      ...zodIssues(file.file, parsed.error, frontMatter).map((issue) => ({
        ...issue,
        file: originOf(file, issue.field?.split('.')[0]),
      })),
    );
    return null;
  }
  return parsed.data as Record<string, unknown>;
}

/** The file a field of `file` came from: a later layer's override, or the file itself. */
function originOf(file: RawContentFile, field: string | undefined): string {
  return (field && file.origins?.[field]) || file.file;
}

/** Relation fields of a type, with the type each must name (undefined: any type). */
function relationFields(type: string): Record<string, string | undefined> {
  const descriptor = descriptorOf(type);
  return {
    related: undefined,
    ...descriptor.links,
    ...(descriptor.tree ? { parent: descriptor.type } : {}),
  };
}

/** Relations, tags and `kb:` links must name things that exist. */
function checkReferences(
  item: ParsedItem,
  known: ReadonlySet<string>,
  tags: ReadonlySet<string>,
  issues: SeedIssue[],
): void {
  for (const [field, expected] of Object.entries(relationFields(item.nlFile.type))) {
    const value = item.nl[field];
    if (value === undefined) continue;
    const file = originOf(item.nlFile, field);
    const refs = Array.isArray(value) ? (value as string[]) : [value as string];
    refs.forEach((target, i) => {
      const where = Array.isArray(value) ? `${field}.${i}` : field;
      if (target === item.ref)
        issues.push({ file, field: where, message: 'an item cannot refer to itself' });
      else if (!known.has(target))
        issues.push({ file, field: where, message: `names ${target}, which does not exist` });
      else if (expected && typeOfFolder(target.split('/')[0]) !== expected)
        issues.push({
          file,
          field: where,
          message: `must name a ${descriptorOf(expected).folder} item`,
        });
    });
  }
  ((item.nl.tags as string[] | undefined) ?? []).forEach((tag, i) => {
    if (!tags.has(tag))
      issues.push({
        file: originOf(item.nlFile, 'tags'),
        field: `tags.${i}`,
        message: `unknown tag "${tag}"; add it to tags.yml first`,
      });
  });
  checkBodyLinks(originOf(item.nlFile, 'body'), item.nlFile.body, known, issues);
  if (item.enFile) checkBodyLinks(originOf(item.enFile, 'body'), item.enFile.body, known, issues);
}

function checkBodyLinks(
  file: string,
  body: string,
  known: ReadonlySet<string>,
  issues: SeedIssue[],
): void {
  for (const link of extractKbLinks(body)) {
    if (!link.folder || !typeOfFolder(link.folder)) {
      issues.push({
        file,
        field: 'body',
        message: `link ${link.href} is not of the form kb:<type-folder>/<slug>`,
      });
    } else if (!known.has(`${link.folder}/${link.slug}`)) {
      issues.push({
        file,
        field: 'body',
        message: `link ${link.href} names an item that does not exist`,
      });
    }
  }
}

/** A published item must not keep a placeholder of `npm run new`. */
function checkPlaceholders(item: ParsedItem, issues: SeedIssue[]): void {
  const message = `still holds the placeholder "${PLACEHOLDER}" of npm run new; fill it in or keep "draft: true"`;
  const visit = (file: RawContentFile, value: unknown, at: string) => {
    if (typeof value === 'string') {
      if (value.trimStart().startsWith(PLACEHOLDER))
        issues.push({ file: originOf(file, at.split('.')[0]), field: at, message });
    } else if (Array.isArray(value)) value.forEach((v, i) => visit(file, v, `${at}.${i}`));
  };
  const files: [RawContentFile, Readonly<Record<string, unknown>> | null][] = [
    [item.nlFile, item.nl],
    ...(item.enFile
      ? [[item.enFile, item.en] as [RawContentFile, Record<string, unknown> | null]]
      : []),
  ];
  for (const [file, fields] of files) {
    for (const [key, value] of Object.entries(fields ?? {})) visit(file, value, key);
    if (file.body.split('\n').some((line) => line.trimStart().startsWith(PLACEHOLDER)))
      visit(file, PLACEHOLDER, 'body');
  }
}

function checkParentCycles(items: readonly ParsedItem[], issues: SeedIssue[]): void {
  const parentOf = new Map<string, string>();
  for (const item of items) {
    if (typeof item.nl.parent === 'string') parentOf.set(item.ref, item.nl.parent);
  }
  for (const item of items) {
    const seen = new Set<string>([item.ref]);
    let current = parentOf.get(item.ref);
    while (current) {
      if (seen.has(current)) {
        if (current === item.ref) {
          issues.push({
            file: item.nlFile.file,
            field: 'parent',
            message: 'the parent chain loops back to this item',
          });
        }
        break;
      }
      seen.add(current);
      current = parentOf.get(current);
    }
  }
}

function validateSynonyms(raw: unknown, issues: SeedIssue[]): StoredDocument<SynonymTerms> | null {
  if (raw === undefined || raw === null) return null;
  const parsed = SynonymsFile.safeParse(raw);
  if (!parsed.success) {
    issues.push(...zodIssues('synonyms.yml', parsed.error, raw));
    return null;
  }
  const data = parsed.data.map((group) => group.terms);
  return { data, hash: sha256(canonicalJson(data)) };
}

function toSeedItem(item: ParsedItem): SeedItem {
  const bodyNl = item.nlFile.body;
  const bodyEn = item.enFile?.body ?? '';
  return {
    type: item.nlFile.type,
    slug: item.nlFile.slug,
    ref: item.ref,
    nl: item.nl,
    en: item.en,
    bodyNl,
    bodyEn,
    hash: sha256(canonicalJson({ nl: item.nl, en: item.en, bodyNl, bodyEn })),
  };
}
