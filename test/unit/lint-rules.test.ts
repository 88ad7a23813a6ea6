import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const ESLINT = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');

/**
 * Runs `npm run check:lint`'s ESLint on `file` as if it held its own text plus `extra`;
 * returns the rule ids it reports.
 */
async function rulesBrokenBy(file: string, extra: string): Promise<string[]> {
  const text = `${await fs.readFile(path.join(ROOT, file), 'utf8')}\n${extra}\n`;
  const child = spawn(
    process.execPath,
    [ESLINT, '--format', 'json', '--stdin', '--stdin-filename', file],
    { cwd: ROOT },
  );
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stdin.end(text);
  await new Promise((resolve) => child.on('close', resolve));
  const [result] = JSON.parse(out) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.map((m) => m.ruleId ?? m.message);
}

// The layer rules of eslint.config.mjs must fire on the code as it is: they once read no
// TypeScript at all and passed every cycle.
describe('the lint rules that keep imports one way', () => {
  it('pass the files as they are', async () => {
    expect(await rulesBrokenBy('src/content/common/markdown.ts', '')).toEqual([]);
  });

  it('refuse a two-file cycle', async () => {
    // read-model/snapshot.ts imports common/markdown.ts; the other way round closes a cycle.
    const broken = await rulesBrokenBy(
      'src/content/common/markdown.ts',
      "export { ContentSnapshot } from '../read-model/snapshot';",
    );
    expect(broken).toContain('import-x/no-cycle');
  });

  it('refuse an import up the layers', async () => {
    const broken = await rulesBrokenBy(
      'src/content/registry.ts',
      "export { createContext } from '../graphql/context';",
    );
    expect(broken).toContain('import-x/no-restricted-paths');
    const fromSearch = await rulesBrokenBy(
      'src/search/documents.ts',
      "export { LiveContent } from '../graphql/live-content';",
    );
    expect(fromSearch).toContain('import-x/no-restricted-paths');
  });
});
