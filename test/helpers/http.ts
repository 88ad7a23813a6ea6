import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export interface CapturedLogs {
  readonly logger: Logger;
  readonly lines: Record<string, unknown>[];
}

/** A real pino logger whose JSON lines are kept for assertions. */
export function captureLogs(level = 'info'): CapturedLogs {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  return { logger: pino({ level }, stream), lines };
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function result(res: Response): Promise<HttpResult> {
  const text = await res.text();
  let json: HttpResult['json'] = {};
  try {
    json = text ? (JSON.parse(text) as HttpResult['json']) : {};
  } catch {
    json = {};
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** GET /graphql?query=…&variables=… as a plain client (or a browser, with headers) sends it. */
export async function getGraphql(
  base: string,
  query: string,
  options: { variables?: object; operationName?: string; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const url = new URL('/graphql', base);
  url.searchParams.set('query', query);
  if (options.variables) url.searchParams.set('variables', JSON.stringify(options.variables));
  if (options.operationName) url.searchParams.set('operationName', options.operationName);
  return result(await fetch(url, { headers: options.headers }));
}

/** POST /graphql with any body and headers (JSON by default). */
export async function postGraphql(
  base: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<HttpResult> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return result(await fetch(new URL('/graphql', base), { method: 'POST', headers, body: payload }));
}

/** Asserts an HTTP status and the GraphQL error code the body carries. */
export function expectRefusal(res: HttpResult, status: number, code: string): void {
  expect({ status: res.status, code: res.json.errors?.[0]?.extensions?.code }).toEqual({
    status,
    code,
  });
  expect(res.text).not.toMatch(/stacktrace|at .*\.[jt]s:\d+/);
}
