import 'reflect-metadata';
import fs from 'node:fs';
import http from 'node:http';
import { buildSchema, execute, parse, validate, type DocumentNode } from 'graphql';
import pino from 'pino';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { loadSnapshot } from '../src/content/read-model/load';

/**
 * The servers `npm run bench` measures, one per child process so that autocannon does not
 * share their CPU: `app` (the real app; its environment says how it is configured) and
 * `baseline <cases.json>` (bare node:http + graphql-js over data held in memory).
 */
export interface BaselineCases {
  readonly sdl: string;
  /** Query text -> the data the real app answered, served as the root value. */
  readonly cases: Record<string, Record<string, unknown>>;
}

async function serveApp(): Promise<number> {
  const app = await buildApp(loadConfig(), { logger: pino({ level: 'silent' }) });
  await app.http.listen({ port: 0, host: '127.0.0.1' });
  // What building the read model of this content costs, as every instance does per version.
  const started = performance.now();
  const snapshot = await loadSnapshot(app.orm.em);
  process.stdout.write(
    `LOADED ${Math.round(performance.now() - started)} ${snapshot.items.length}\n`,
  );
  return (app.http.server.address() as { port: number }).port;
}

function serveBaseline(file: string): Promise<number> {
  const { sdl, cases } = JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineCases;
  const schema = buildSchema(sdl);
  // A reasonable bare server: parses and validates each distinct query once, executes per request.
  const documents = new Map<string, DocumentNode>();
  const documentOf = (query: string) => {
    let document = documents.get(query);
    if (!document) {
      document = parse(query);
      if (validate(schema, document).length) throw new Error(`invalid bench query: ${query}`);
      documents.set(query, document);
    }
    return document;
  };
  const server = http.createServer((request, response) => {
    const answer = (params: { query?: string; variables?: Record<string, unknown> }) => {
      const query = params.query ?? '';
      const result = execute({
        schema,
        document: documentOf(query),
        rootValue: cases[query],
        variableValues: params.variables,
      }) as { data?: unknown };
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(result));
    };
    if (request.method === 'GET') {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const variables = url.searchParams.get('variables');
      answer({
        query: url.searchParams.get('query') ?? undefined,
        variables: variables ? (JSON.parse(variables) as Record<string, unknown>) : undefined,
      });
      return;
    }
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => answer(JSON.parse(body) as { query?: string }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)),
  );
}

if (require.main === module) {
  const [mode, file] = process.argv.slice(2);
  (mode === 'baseline' && file ? serveBaseline(file) : serveApp()).then(
    (port) => process.stdout.write(`PORT ${port}\n`),
    (error: unknown) => {
      process.stderr.write(`bench server failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
