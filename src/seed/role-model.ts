import type { z } from 'zod';
import type { RoleModelData } from '../content/role-model/role-model.data';
import { canonicalJson, sha256 } from '../lib/hash';
import type { SeedIssue } from './errors';
import { RoleModelFile } from '../content/role-model/role-model.schema';

export const ROLE_MODEL_FILE = 'role-model.yml';

/** The validated role model and the hash the seed plan compares. */
export interface SeedRoleModel {
  readonly data: RoleModelData;
  readonly hash: string;
}

function schemaIssues(error: z.ZodError, input: unknown): SeedIssue[] {
  return error.issues.flatMap((issue): SeedIssue[] => {
    const at = issue.path.map(String).join('.');
    const field = at || '(document)';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        file: ROLE_MODEL_FILE,
        field: at ? `${at}.${key}` : key,
        message: 'unknown field',
      }));
    }
    const value = issue.path.reduce<unknown>(
      (v, key) =>
        v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined,
      input,
    );
    const missing = issue.path.length > 0 && value === undefined;
    return [
      {
        file: ROLE_MODEL_FILE,
        field,
        message: missing ? 'required field is missing' : issue.message,
      },
    ];
  });
}

type RoleModelInput = z.output<typeof RoleModelFile>;

/** Ids that must be unique, references between the lists, and links to content that exists. */
function crossCheck(model: RoleModelInput, knownRefs: ReadonlySet<string>): SeedIssue[] {
  const issues: SeedIssue[] = [];
  const report = (field: string, message: string) =>
    issues.push({ file: ROLE_MODEL_FILE, field, message });
  const unique = (list: string, entries: readonly { id: string }[]) => {
    const seen = new Set<string>();
    entries.forEach((e, i) => {
      if (seen.has(e.id)) report(`${list}.${i}.id`, `duplicate id "${e.id}"`);
      seen.add(e.id);
    });
    return seen;
  };
  const groups = unique('groups', model.groups);
  const actors = unique('actors', model.actors);
  const phases = unique('phases', model.phases);
  unique('tasks', model.tasks);

  const mustName = (field: string, value: string, known: ReadonlySet<string>, list: string) => {
    if (!known.has(value)) report(field, `names ${list} "${value}", which is not in ${list}s`);
  };
  const links = (field: string, refs: readonly string[]) =>
    refs.forEach((ref, i) => {
      if (!knownRefs.has(ref)) report(`${field}.${i}`, `names ${ref}, which does not exist`);
    });

  const positions = new Set<number>();
  model.phases.forEach((p, i) => {
    if (positions.has(p.position))
      report(`phases.${i}.position`, `position ${p.position} is used twice`);
    positions.add(p.position);
  });
  model.actors.forEach((a, i) => {
    mustName(`actors.${i}.group`, a.group, groups, 'group');
    links(`actors.${i}.content`, a.content);
  });
  model.tasks.forEach((t, i) => {
    mustName(`tasks.${i}.phase`, t.phase, phases, 'phase');
    t.actors.forEach((a, j) => mustName(`tasks.${i}.actors.${j}`, a, actors, 'actor'));
    if (new Set(t.actors).size !== t.actors.length)
      report(`tasks.${i}.actors`, 'names the same actor twice');
    links(`tasks.${i}.content`, t.content);
  });
  const pairs = new Set<string>();
  model.edges.forEach((e, i) => {
    mustName(`edges.${i}.from`, e.from, actors, 'actor');
    mustName(`edges.${i}.to`, e.to, actors, 'actor');
    if (e.from === e.to) report(`edges.${i}`, 'an edge cannot connect an actor to itself');
    const key = `${e.from}|${e.to}|${e.label.nl}`;
    if (pairs.has(key)) report(`edges.${i}`, 'repeats an earlier edge');
    pairs.add(key);
  });
  return issues;
}

/**
 * Validates the parsed role-model.yml against its schema and the content items that exist
 * (`<type-folder>/<slug>`). Problems are added to `issues`; returns the model when there are none.
 */
export function validateRoleModel(
  raw: unknown,
  knownRefs: ReadonlySet<string>,
  issues: SeedIssue[],
): SeedRoleModel | null {
  // A file that is not even valid YAML has been reported by the loader already.
  if (issues.some((i) => i.file === ROLE_MODEL_FILE)) return null;
  const parsed = RoleModelFile.safeParse(raw);
  if (!parsed.success) {
    issues.push(...schemaIssues(parsed.error, raw));
    return null;
  }
  const problems = crossCheck(parsed.data, knownRefs);
  if (problems.length > 0) {
    issues.push(...problems);
    return null;
  }
  const data: RoleModelData = {
    ...parsed.data,
    phases: [...parsed.data.phases].sort((a, b) => a.position - b.position),
  };
  return { data, hash: sha256(canonicalJson(data)) };
}
