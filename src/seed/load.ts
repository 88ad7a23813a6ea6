import fs from 'node:fs/promises';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { Locale } from '../content/common/enums';
import { TYPE_FOLDERS, typeOfFolder, type ContentType } from '../content/registry';
import { chunks } from '../lib/batch';
import { SLUG_PATTERN } from '../lib/slug';
import type { SeedIssue } from './errors';

/** One content file as read from disk, before validation. */
export interface RawContentFile {
  readonly file: string; // relative to the seed dir, with forward slashes
  readonly type: ContentType;
  readonly slug: string;
  readonly locale: Locale;
  readonly frontMatter: unknown;
  readonly body: string;
  /**
   * Front-matter fields (and `body`) that a later layer's override supplied, with the file
   * they came from: problems with them name that file instead of `file`.
   */
  readonly origins?: Readonly<Record<string, string>>;
}

export interface LoadedSeed {
  readonly files: RawContentFile[];
  readonly tags: unknown;
  readonly issues: SeedIssue[];
  /** The parsed role-model.yml; undefined when the seed has none. */
  readonly roleModel?: unknown;
  /** The parsed synonyms.yml; undefined when the seed has none. */
  readonly synonyms?: unknown;
  /** How problems with the root files (tags.yml, ...) name them; layers add the folder. */
  readonly rootLabel?: (name: string) => string;
}

/** Files at the top of the seed dir besides the type folders. */
export const ROOT_FILES = new Set(['tags.yml', 'synonyms.yml', 'role-model.yml', 'README.md']);
const FILE_NAME = new RegExp(`^(${SLUG_PATTERN.source.slice(1, -1)})\\.(nl|en)\\.md$`);
const MAX_FILE_BYTES = 1024 * 1024;

export interface LoadOptions {
  /** Whether the folder must have a tags.yml (the first layer must; later ones may). */
  readonly tagsRequired?: boolean;
}

export async function loadSeed(dir: string, options: LoadOptions = {}): Promise<LoadedSeed> {
  const issues: SeedIssue[] = [];
  const files: RawContentFile[] = [];
  let tags: unknown = undefined;
  let roleModel: unknown = undefined;
  let synonyms: unknown = undefined;

  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    return {
      files,
      tags,
      issues: [{ file: dir, message: `cannot read the seed folder (${(error as Error).message})` }],
    };
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) {
      const type = typeOfFolder(entry.name);
      if (!type) {
        issues.push({
          file: `${entry.name}/`,
          message: `unknown folder; expected ${TYPE_FOLDERS.join(', ')}`,
        });
        continue;
      }
      await loadTypeFolder(dir, entry.name, type, files, issues);
    } else if (entry.name === 'tags.yml') {
      tags = await readYamlFile(path.join(dir, entry.name), entry.name, issues);
    } else if (entry.name === 'synonyms.yml') {
      synonyms = await readYamlFile(path.join(dir, entry.name), entry.name, issues);
    } else if (entry.name === 'role-model.yml') {
      roleModel = await readYamlFile(path.join(dir, entry.name), entry.name, issues);
    } else if (!ROOT_FILES.has(entry.name)) {
      issues.push({ file: entry.name, message: 'unexpected file at the top of the seed folder' });
    }
  }
  if (
    tags === undefined &&
    options.tagsRequired !== false &&
    !issues.some((i) => i.file === 'tags.yml')
  ) {
    issues.push({
      file: 'tags.yml',
      message: 'missing: the seed folder must list its tags in tags.yml',
    });
  }
  return { files, tags, issues, roleModel, synonyms };
}

async function loadTypeFolder(
  dir: string,
  folder: string,
  type: ContentType,
  files: RawContentFile[],
  issues: SeedIssue[],
): Promise<void> {
  const entries = await fs.readdir(path.join(dir, folder), { withFileTypes: true });
  const contentFiles: { rel: string; slug: string; locale: Locale }[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const rel = `${folder}/${entry.name}`;
    if (!entry.isFile()) {
      issues.push({
        file: rel,
        message: 'unexpected folder; content files sit directly in the type folder',
      });
      continue;
    }
    const match = FILE_NAME.exec(entry.name);
    if (!match) {
      issues.push({
        file: rel,
        message:
          'bad file name; expected <slug>.<nl|en>.md with a slug of lowercase letters, digits and hyphens',
      });
      continue;
    }
    const [, slug, locale] = match as unknown as [string, string, 'nl' | 'en'];
    contentFiles.push({ rel, slug, locale: locale as Locale });
  }
  // Read a batch of files at a time (a large seed has thousands), then parse them in order.
  for (const batch of chunks(contentFiles, 64)) {
    const texts = await Promise.all(
      batch.map((f) => readText(path.join(dir, f.rel), f.rel, issues)),
    );
    batch.forEach(({ rel, slug, locale }, i) => {
      const raw = texts[i];
      const parsed = raw === undefined ? undefined : splitFrontMatter(raw, rel, issues);
      if (parsed)
        files.push({
          file: rel,
          type,
          slug,
          locale,
          frontMatter: parsed.frontMatter,
          body: parsed.body,
        });
    });
  }
}

async function readText(
  file: string,
  rel: string,
  issues: SeedIssue[],
): Promise<string | undefined> {
  const buffer = await fs.readFile(file);
  if (buffer.length > MAX_FILE_BYTES) {
    issues.push({ file: rel, message: `file is larger than ${MAX_FILE_BYTES} bytes` });
    return undefined;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buffer);
  if (text.includes('\uFFFD')) {
    issues.push({ file: rel, message: 'file is not valid UTF-8' });
    return undefined;
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

async function readYamlFile(file: string, rel: string, issues: SeedIssue[]): Promise<unknown> {
  const text = await readText(file, rel, issues);
  return text === undefined ? null : parseYaml(text, rel, issues);
}

function parseYaml(text: string, rel: string, issues: SeedIssue[], lineOffset = 0): unknown {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line;
      issues.push({
        file: rel,
        field: line ? `line ${line + lineOffset}` : undefined,
        message: `invalid YAML: ${error.message.split('\n')[0]}`,
      });
    }
    return null;
  }
  return doc.toJS() as unknown;
}

function splitFrontMatter(
  raw: string,
  rel: string,
  issues: SeedIssue[],
): { frontMatter: unknown; body: string } | undefined {
  if (!raw.startsWith('---\n')) {
    issues.push({
      file: rel,
      message: 'missing front matter: the file must start with a line "---"',
    });
    return undefined;
  }
  const end = raw.indexOf('\n---', 3);
  if (end < 0 || (raw[end + 4] !== undefined && raw[end + 4] !== '\n')) {
    issues.push({ file: rel, message: 'front matter is not closed with a line "---"' });
    return undefined;
  }
  const yamlText = raw.slice(4, end + 1);
  const frontMatter = parseYaml(yamlText, rel, issues, 1);
  if (frontMatter === null && issues.some((i) => i.file === rel)) return undefined;
  return { frontMatter: frontMatter ?? {}, body: raw.slice(end + 5).trim() };
}
