import type { z } from 'zod';
import { ContentType, TYPE_FOLDERS } from '../content/common/enums';
import { extractKbLinks } from '../content/common/markdown';
import { canonicalJson, sha256 } from '../lib/hash';
import type { SeedIssue } from './errors';
import { FRONT_MATTER, TagsFile } from './front-matter';
import type { LoadedSeed, RawContentFile } from './load';
import { validateRoleModel, type SeedRoleModel } from './role-model';
import { SynonymsFile } from '../search/synonyms';

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
}

/** Relation fields per type, with the type each must point to (undefined: any type). */
const RELATION_FIELDS: Readonly<Record<string, ContentType | undefined>> = {
  related: undefined,
  parent: ContentType.GUIDANCE,
  targetGroups: ContentType.TARGET_GROUP,
  approaches: ContentType.PREVENTION_APPROACH,
  legalPowers: ContentType.LEGAL_POWER,
};

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (v, key) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined),
    input,
  );
}

function zodIssues(file: string, error: z.ZodError, input: unknown): SeedIssue[] {
  return error.issues.flatMap((issue): SeedIssue[] => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file,
        field: at ? `${at}.${key}` : key,
        message: 'unknown field',
      }));
    }
    if (issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      return [{ file, field: at || '(front matter)', message: 'required field is missing' }];
    }
    return [{ file, field: at || '(front matter)', message: issue.message }];
  });
}

/** Checks every file and every cross-reference; collects all problems instead of stopping. */
export function validateSeed(loaded: LoadedSeed): { seed?: ValidatedSeed; issues: SeedIssue[] } {
  const issues = [...loaded.issues];

  const tags: SeedTag[] = [];
  if (loaded.tags !== undefined && loaded.tags !== null) {
    const parsed = TagsFile.safeParse(loaded.tags);
    if (parsed.success) {
      for (const t of parsed.data)
        tags.push({ slug: t.slug, nameNl: t.name.nl, nameEn: t.name.en ?? null });
    } else {
      issues.push(...zodIssues('tags.yml', parsed.error, loaded.tags));
    }
  }
  const tagSlugs = new Set(tags.map((t) => t.slug));

  const byRef = new Map<string, { nl?: RawContentFile; en?: RawContentFile }>();
  for (const file of loaded.files) {
    const ref = `${TYPE_FOLDERS[file.type]}/${file.slug}`;
    const entry = byRef.get(ref) ?? {};
    entry[file.locale] = file;
    byRef.set(ref, entry);
  }

  const parsedItems: {
    ref: string;
    nlFile: RawContentFile;
    nl: Record<string, unknown>;
    en: Record<string, unknown> | null;
    enFile?: RawContentFile;
  }[] = [];
  for (const [ref, { nl, en }] of byRef) {
    if (!nl) {
      issues.push({
        file: en!.file,
        message: `translation without its Dutch original ${ref}.nl.md`,
      });
      continue;
    }
    const schemas = FRONT_MATTER[nl.type];
    const nlParsed = parseFrontMatter(nl, schemas.nl, issues);
    const enParsed = en ? parseFrontMatter(en, schemas.en, issues) : null;
    if (nl.body.trim() === '')
      issues.push({
        file: nl.file,
        field: 'body',
        message: 'the Dutch file needs a Markdown body',
      });
    if (nlParsed && (en === undefined || enParsed)) {
      parsedItems.push({ ref, nlFile: nl, nl: nlParsed, en: enParsed, enFile: en });
    }
  }

  const known = new Set(byRef.keys());
  for (const item of parsedItems) {
    const file = item.nlFile.file;
    for (const [field, expected] of Object.entries(RELATION_FIELDS)) {
      const value = item.nl[field];
      if (value === undefined) continue;
      const refs = Array.isArray(value) ? (value as string[]) : [value as string];
      refs.forEach((target, i) => {
        const where = Array.isArray(value) ? `${field}.${i}` : field;
        if (target === item.ref)
          issues.push({ file, field: where, message: 'an item cannot refer to itself' });
        else if (!known.has(target))
          issues.push({ file, field: where, message: `names ${target}, which does not exist` });
        else if (expected && !target.startsWith(`${TYPE_FOLDERS[expected]}/`)) {
          issues.push({
            file,
            field: where,
            message: `must name a ${TYPE_FOLDERS[expected]} item`,
          });
        }
      });
    }
    ((item.nl.tags as string[] | undefined) ?? []).forEach((tag, i) => {
      if (!tagSlugs.has(tag))
        issues.push({
          file,
          field: `tags.${i}`,
          message: `unknown tag "${tag}"; add it to tags.yml first`,
        });
    });
    checkBodyLinks(file, item.nlFile.body, known, issues);
    if (item.enFile) checkBodyLinks(item.enFile.file, item.enFile.body, known, issues);
  }
  checkParentCycles(parsedItems, issues);
  if (loaded.synonyms !== undefined && loaded.synonyms !== null) {
    // Search reads this file itself; checking it here makes a broken file a seed error.
    const parsed = SynonymsFile.safeParse(loaded.synonyms);
    if (!parsed.success) issues.push(...zodIssues('synonyms.yml', parsed.error, loaded.synonyms));
  }
  const roleModel =
    loaded.roleModel === undefined ? null : validateRoleModel(loaded.roleModel, known, issues);

  if (issues.length > 0) return { issues };
  const items = parsedItems.map((p): SeedItem => {
    const bodyNl = p.nlFile.body;
    const bodyEn = p.enFile?.body ?? '';
    return {
      type: p.nlFile.type,
      slug: p.nlFile.slug,
      ref: p.ref,
      nl: p.nl,
      en: p.en,
      bodyNl,
      bodyEn,
      hash: sha256(canonicalJson({ nl: p.nl, en: p.en, bodyNl, bodyEn })),
    };
  });
  return { seed: { tags, items, roleModel }, issues };
}

function parseFrontMatter(
  file: RawContentFile,
  schema: z.ZodType,
  issues: SeedIssue[],
): Record<string, unknown> | null {
  if (
    typeof file.frontMatter !== 'object' ||
    file.frontMatter === null ||
    Array.isArray(file.frontMatter)
  ) {
    issues.push({
      file: file.file,
      message: 'front matter must be a YAML mapping of field: value',
    });
    return null;
  }
  const parsed = schema.safeParse(file.frontMatter);
  if (!parsed.success) {
    issues.push(...zodIssues(file.file, parsed.error, file.frontMatter));
    return null;
  }
  return parsed.data as Record<string, unknown>;
}

function checkBodyLinks(file: string, body: string, known: Set<string>, issues: SeedIssue[]): void {
  for (const link of extractKbLinks(body)) {
    const target = link.href.slice('kb:'.length);
    if (!link.type) {
      issues.push({
        file,
        field: 'body',
        message: `link ${link.href} is not of the form kb:<type-folder>/<slug>`,
      });
    } else if (!known.has(target)) {
      issues.push({
        file,
        field: 'body',
        message: `link ${link.href} names an item that does not exist`,
      });
    }
  }
}

function checkParentCycles(
  items: { ref: string; nl: Record<string, unknown>; nlFile: RawContentFile }[],
  issues: SeedIssue[],
): void {
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
