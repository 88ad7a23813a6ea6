import fs from 'node:fs/promises';
import path from 'node:path';
import { TagsFile } from '../content/common/front-matter-fields';
import { descriptorOf, itemRef } from '../content/registry';
import { SynonymsFile } from '../search/synonyms';
import type { SeedIssue } from './errors';
import { loadSeed, type LoadedSeed, type RawContentFile } from './load';
import { ROLE_MODEL_FILE } from './role-model';
import { zodIssues } from './validate';

/**
 * Seed layers: `SEED_DIR=seed,../gemeente-voorbeeldstad` reads the national folder first and
 * then each later folder on top of it. A later layer
 *
 * - adds items (files whose item no earlier layer has) and tags (its own tags.yml, optional)
 *   and synonym groups (its own synonyms.yml, optional);
 * - overrides an earlier item with a file of the same path (`<type-folder>/<slug>.<locale>.md`)
 *   whose front matter says `override: true`. That file lists only what it changes: each field
 *   it sets replaces the earlier value whole (lists too). Its body, when it has one, is added
 *   below the earlier body, or replaces it with `overrideBody: replace`. A layer may override
 *   the common fields (title, summary, tags, sources, related, asOf, updated) and the type's translated
 *   fields; the type's language-neutral fields (law, article, authority, kind, level, ...), the
 *   tree (parent, position), the typed relations and `draft` stay with the layer that defined
 *   the item.
 *
 * A file for an item an earlier layer defines, without `override: true`, is a conflict naming
 * both files. Only the first layer may hold role-model.yml. With more than one layer every
 * problem names its file with the layer's folder in front (`seed/guidance/x.nl.md`,
 * `../gemeente-voorbeeldstad/guidance/x.nl.md`); with one layer, paths are as within it.
 */

/** Front-matter keys of an override file that are not item fields. */
const OVERRIDE = 'override';
const OVERRIDE_BODY = 'overrideBody';
const ROOT_NAMES = new Set(['tags.yml', 'synonyms.yml', ROLE_MODEL_FILE]);

/** Common fields a later layer may override, Dutch and English. */
const COMMON_NL = ['title', 'summary', 'tags', 'sources', 'related', 'asOf', 'updated'];
const COMMON_EN = ['title', 'summary'];

/** The fields an override file of `type` in `locale` may set. */
export function overridableFields(type: string, locale: 'nl' | 'en'): readonly string[] {
  const common = locale === 'nl' ? COMMON_NL : COMMON_EN;
  return [...common, ...descriptorOf(type).translatedFields];
}

/** The folders of `dirs` that do not exist or are not folders. */
export async function missingLayers(dirs: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const dir of dirs) {
    const stat = await fs.stat(dir).catch(() => undefined);
    if (!stat?.isDirectory()) missing.push(dir);
  }
  return missing;
}

/** How a layer is named in problems: its path from the working folder, or absolute. */
function layerLabel(dir: string): string {
  const rel = path.relative(process.cwd(), dir).split(path.sep).join('/');
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : dir;
}

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file that stands for one path so far (an override replaces it with the merge). */
interface Entry {
  file: RawContentFile;
}

/** Loads the layers in order and merges them into one seed, reporting every problem. */
export async function loadLayers(dirs: readonly string[]): Promise<LoadedSeed> {
  if (dirs.length === 1) return loadSeed(dirs[0]);
  const issues: SeedIssue[] = [];
  const byPath = new Map<string, Entry>();
  /** Which file first defined each item, by ref. */
  const owners = new Map<string, string>();
  let tags: unknown = undefined;
  let synonyms: unknown = undefined;
  let roleModel: unknown = undefined;

  for (const [layer, dir] of dirs.entries()) {
    const label = layerLabel(dir);
    const at = (rel: string) => `${label}/${rel}`;
    const loaded = await loadSeed(dir, { tagsRequired: layer === 0 });
    // The first layer's root files are validated with the merged seed; their problems get
    // the layer's name at the end (rootLabel), as the role model's check looks for the bare name.
    const named = (file: string) =>
      file === dir || (layer === 0 && ROOT_NAMES.has(file)) ? file : at(file);
    issues.push(...loaded.issues.map((issue) => ({ ...issue, file: named(issue.file) })));
    if (layer === 0) {
      ({ tags, synonyms, roleModel } = loaded);
    } else {
      tags = addTags(tags, loaded.tags, at('tags.yml'), issues);
      synonyms = addSynonyms(synonyms, loaded.synonyms, at('synonyms.yml'), issues);
      if (loaded.roleModel !== undefined)
        issues.push({
          file: at(ROLE_MODEL_FILE),
          message: 'only the first layer (the national content) may hold the role model',
        });
    }
    for (const raw of loaded.files) {
      const file = { ...raw, file: at(raw.file) };
      const filePath = `${descriptorOf(file.type).folder}/${file.slug}.${file.locale}`;
      const ref = itemRef(file.type, file.slug);
      const front = isMapping(file.frontMatter) ? file.frontMatter : undefined;
      const wantsOverride = front !== undefined && (OVERRIDE in front || OVERRIDE_BODY in front);
      if (!wantsOverride) {
        const owner = owners.get(ref);
        if (owner && layer > 0 && !owner.startsWith(`${label}/`)) {
          issues.push({
            file: file.file,
            message: `defines ${ref}, which ${owner} already defines; to change that item, say "override: true" and list only the fields to change`,
          });
          continue;
        }
        owners.set(ref, owners.get(ref) ?? file.file);
        byPath.set(filePath, { file });
        continue;
      }
      const base = byPath.get(filePath);
      const merged = override(file, front, base?.file, layer, issues);
      if (merged && base) base.file = merged;
    }
  }
  const files = [...byPath.values()].map((e) => e.file);
  // A problem naming a bare root file comes from the first layer's validation.
  const first = layerLabel(dirs[0]);
  return {
    files,
    tags,
    synonyms,
    roleModel,
    issues,
    rootLabel: (name: string) => (ROOT_NAMES.has(name) ? `${first}/${name}` : name),
  };
}

/** An override file applied to the file it overrides; undefined (with issues) when it is wrong. */
function override(
  file: RawContentFile,
  front: Record<string, unknown>,
  base: RawContentFile | undefined,
  layer: number,
  issues: SeedIssue[],
): RawContentFile | undefined {
  const problem = (field: string | undefined, message: string) =>
    issues.push({ file: file.file, ...(field ? { field } : {}), message });
  if (front[OVERRIDE] !== true) {
    problem(OVERRIDE, 'must be true in a file that overrides an earlier layer (or left out)');
    return undefined;
  }
  const mode = front[OVERRIDE_BODY] ?? 'append';
  if (mode !== 'append' && mode !== 'replace') {
    problem(OVERRIDE_BODY, 'must be append or replace');
    return undefined;
  }
  if (layer === 0 || !base) {
    problem(
      OVERRIDE,
      layer === 0
        ? 'the first layer has nothing to override; leave "override" out'
        : `nothing to override: no earlier layer has ${descriptorOf(file.type).folder}/${file.slug}.${file.locale}.md`,
    );
    return undefined;
  }
  const allowed = overridableFields(file.type, file.locale);
  const fields = Object.keys(front).filter((k) => k !== OVERRIDE && k !== OVERRIDE_BODY);
  let ok = true;
  for (const field of fields) {
    if (!allowed.includes(field)) {
      ok = false;
      problem(
        field,
        `a layer cannot override this field; it may override ${allowed.join(', ')} and the body`,
      );
    }
  }
  if (mode === 'replace' && file.body.trim() === '') {
    ok = false;
    problem(OVERRIDE_BODY, 'replace needs a body to replace the earlier one with');
  }
  if (!ok || !isMapping(base.frontMatter)) return undefined;
  const origins: Record<string, string> = { ...base.origins };
  for (const field of fields) origins[field] = file.file;
  const hasBody = file.body.trim() !== '';
  if (hasBody) origins.body = file.file;
  const body = !hasBody
    ? base.body
    : mode === 'replace' || base.body.trim() === ''
      ? file.body
      : `${base.body}\n\n${file.body}`;
  return {
    ...base,
    frontMatter: { ...base.frontMatter, ...Object.fromEntries(fields.map((f) => [f, front[f]])) },
    body,
    origins,
  };
}

/** A later layer's tags, checked on their own and added when their slugs are new. */
function addTags(tags: unknown, raw: unknown, file: string, issues: SeedIssue[]): unknown {
  if (raw === undefined || raw === null) return tags;
  // Earlier tags that are not a list are reported by validation; these are checked alone.
  const earlier: unknown[] = Array.isArray(tags) ? tags : [];
  const parsed = TagsFile.safeParse(raw);
  if (!parsed.success) {
    issues.push(...zodIssues(file, parsed.error, raw));
    return tags;
  }
  const known = new Set(earlier.map((t) => (isMapping(t) ? String(t.slug) : undefined)));
  const added: unknown[] = [];
  parsed.data.forEach((tag, i) => {
    if (known.has(tag.slug))
      issues.push({
        file,
        field: `${i}.slug`,
        message: `the tag ${tag.slug} is defined in an earlier layer already`,
      });
    else added.push(tag);
  });
  return Array.isArray(tags) || tags === undefined ? [...earlier, ...added] : tags;
}

/** A later layer's synonym groups, checked on their own and added. */
function addSynonyms(synonyms: unknown, raw: unknown, file: string, issues: SeedIssue[]): unknown {
  if (raw === undefined || raw === null) return synonyms;
  const parsed = SynonymsFile.safeParse(raw);
  if (!parsed.success) {
    issues.push(...zodIssues(file, parsed.error, raw));
    return synonyms;
  }
  if (synonyms !== undefined && synonyms !== null && !Array.isArray(synonyms)) return synonyms;
  return [...((synonyms as unknown[] | null | undefined) ?? []), ...parsed.data];
}
