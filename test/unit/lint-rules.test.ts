import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint');

/** Lints every case in one ESLint process (type information is built once), as check:lint does. */
const LINT_CASES = `
const { ESLint } = require(process.argv[1]);
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', async () => {
  const eslint = new ESLint();
  const out = [];
  for (const { file, text } of JSON.parse(input)) {
    const [result] = await eslint.lintText(text, { filePath: file });
    out.push(result.messages.map((m) => m.ruleId ?? m.message));
  }
  process.stdout.write(JSON.stringify(out));
});
`;

interface LintCase {
  readonly file: string;
  readonly extra: string;
}

/**
 * Runs `npm run check:lint`'s ESLint on each case's file as if it held its own text plus
 * `extra`; returns the rule ids it reports, per case.
 */
async function rulesBrokenBy(cases: readonly LintCase[]): Promise<string[][]> {
  const input = await Promise.all(
    cases.map(async ({ file, extra }) => ({
      file: path.join(ROOT, file),
      text: `${await fs.readFile(path.join(ROOT, file), 'utf8')}\n${extra}\n`,
    })),
  );
  const child = spawn(process.execPath, ['-e', LINT_CASES, ESLINT], { cwd: ROOT });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdin.end(JSON.stringify(input));
  const code = await new Promise((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`eslint failed (${String(code)}): ${err}`);
  return JSON.parse(out) as string[][];
}

// The layer rules of eslint.config.mjs must fire on the code as it is: they once read no
// TypeScript at all and passed every cycle.
describe('the lint rules that keep imports one way', () => {
  let results: string[][];
  beforeAll(async () => {
    results = await rulesBrokenBy([
      { file: 'src/content/common/markdown.ts', extra: '' },
      // read-model/snapshot.ts imports common/markdown.ts; the other way round closes a cycle.
      {
        file: 'src/content/common/markdown.ts',
        extra: "export { ContentSnapshot } from '../read-model/snapshot';",
      },
      {
        file: 'src/content/registry.ts',
        extra: "export { createContext } from '../graphql/context';",
      },
      {
        file: 'src/search/documents.ts',
        extra: "export { LiveContent } from '../graphql/live-content';",
      },
      { file: 'src/embed/kb-search.ts', extra: '' },
      { file: 'src/embed/api.ts', extra: "export { ErrorCode } from '../lib/errors';" },
      {
        file: 'src/http/embed/index.ts',
        extra: "export { KbSearch } from '../../embed/kb-search';",
      },
    ]);
  }, 180_000);

  it('pass the files as they are', () => {
    expect(results[0]).toEqual([]);
  });

  it('refuse a two-file cycle', () => {
    expect(results[1]).toContain('import-x/no-cycle');
  });

  it('refuse an import up the layers', () => {
    expect(results[2]).toContain('import-x/no-restricted-paths');
    expect(results[3]).toContain('import-x/no-restricted-paths');
  });

  it('keep the browser code and the server code apart', () => {
    expect(results[4]).toEqual([]);
    expect(results[5]).toContain('import-x/no-restricted-paths');
    expect(results[6]).toContain('import-x/no-restricted-paths');
  });
});
