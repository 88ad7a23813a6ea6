import 'reflect-metadata';
import { exportSchema, SchemaDriftError } from '../src/graphql/export';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const written = await exportSchema(process.cwd(), { check });
  process.stdout.write(check ? 'schema/ is up to date\n' : `wrote ${written.join(', ')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof SchemaDriftError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
