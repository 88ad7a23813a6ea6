import { Client } from 'pg';

/** A PostgreSQL database made for one run, and the way to drop it again. */
export interface ScratchDatabase {
  readonly url: string;
  readonly drop: () => Promise<void>;
}

async function run(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the server of `adminUrl` (a connection to any database there with
 * the right to create one), for a test or a benchmark, replacing one left by an earlier run.
 */
export async function createScratchDatabase(
  adminUrl: string,
  name: string,
): Promise<ScratchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
  await run(adminUrl, `drop database if exists ${name} with (force)`);
  await run(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => run(adminUrl, `drop database if exists ${name} with (force)`),
  };
}
