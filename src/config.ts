import path from 'node:path';
import { z } from 'zod';
import type { LinkSettings } from './content/read-model/links';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const LINK_PLACEHOLDERS = ['{type}', '{slug}', '{locale}'];

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      'must be a postgres:// or postgresql:// URL (leave unset for SQLite)',
    )
    .optional(),
  MEILI_HOST: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  MEILI_API_KEY: z.string().min(1).optional(),
  SEED_DIR: z.string().min(1).default('./seed'),
  PREVIEW_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (it is sent as a header)')
    .optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CORS_ORIGINS: z.string().default(''),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  TRUST_PROXY: z
    .string()
    .regex(
      /^(true|false|\d{1,2}|[\d.:a-fA-F/]+(,\s*[\d.:a-fA-F/]+)*)$/,
      'must be true, false, a hop count or a comma-separated list of proxy addresses',
    )
    .default('false'),
  GRAPHQL_INTROSPECTION: flag(true),
  GRAPHQL_SUGGESTIONS: flag(true),
  GRAPHQL_MAX_DEPTH: count(10),
  GRAPHQL_MAX_COST: count(5000),
  GRAPHQL_MAX_ALIASES: count(30, 0),
  GRAPHQL_MAX_DIRECTIVES: count(5, 0),
  GRAPHQL_MAX_TOKENS: count(3000, 100),
  GRAPHQL_MAX_BATCH: count(10),
  GRAPHQL_TIMEOUT_MS: count(10000),
  HTTP_BODY_LIMIT: count(102400, 1024),
  HTTP_REQUEST_TIMEOUT_MS: count(30_000, 1000),
  HTTP_HEADERS_TIMEOUT_MS: count(10_000, 1000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: count(72_000, 1000),
  HTTP_MAX_CONNECTIONS: count(1000),
  RATE_LIMIT_MAX: count(6000),
  RATE_LIMIT_SEARCH_MAX: count(3000),
  RATE_LIMIT_SUGGEST_MAX: count(6000),
  RATE_LIMIT_KEY_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/i, 'must be a header name such as x-forwarded-user')
    .optional(),
  RATE_LIMIT_WINDOW_MS: count(60000, 1000),
  CACHE_MAX_AGE: count(60, 0),
  RESPONSE_CACHE_BYTES: count(50 * 1024 * 1024, 0),
  APQ_CACHE_BYTES: count(10 * 1024 * 1024, 0),
  CONTENT_VERSION_POLL_MS: count(1000, 100),
  LINK_TEMPLATE: z
    .string()
    .regex(/^\S+$/, 'must not contain spaces')
    .refine((t) => t.includes('{slug}'), 'must contain {slug}, e.g. /kennisbank/{type}/{slug}')
    .refine(
      (t) => (t.match(/\{[^}]*\}/g) ?? []).every((p) => LINK_PLACEHOLDERS.includes(p)),
      'may only use the placeholders {type}, {slug} and {locale}',
    )
    .default('/{type}/{slug}'),
  PUBLIC_URL: z
    .url({
      protocol: /^https?$/,
      error: 'must be an http(s) URL such as https://kennisbank.example.nl',
    })
    .optional(),
  HEAP_LIMIT_MB: count(512, 0),
});

/** Limits applied to every GraphQL request before execution (and the execution timeout). */
export interface GraphqlLimits {
  readonly maxDepth: number;
  readonly maxCost: number;
  readonly maxAliases: number;
  readonly maxDirectivesPerField: number;
  readonly maxTokens: number;
  readonly maxBatch: number;
  readonly timeoutMs: number;
}

/** HTTP serving: limits, caches and proxies. */
export interface HttpSettings {
  /** Fastify `trustProxy`: whether X-Forwarded-For decides the client address. */
  readonly trustProxy: boolean | number | string;
  readonly bodyLimit: number;
  /** Time a client has to send a whole request (headers and body) before it gets 408. */
  readonly requestTimeoutMs: number;
  /** Time a client has to send the request headers. */
  readonly headersTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  readonly keepAliveTimeoutMs: number;
  /** Open connections at most; further ones are closed at once. */
  readonly maxConnections: number;
  readonly rateLimit: {
    readonly max: number;
    readonly searchMax: number;
    readonly suggestMax: number;
    readonly windowMs: number;
    /** Header a trusted proxy sets per user (lower case); its value keys the limits. */
    readonly keyHeader?: string;
  };
  /** Default Cache-Control max-age (seconds) of every field without its own hint. */
  readonly cacheMaxAge: number;
  /** Bytes of responses kept by the response cache; 0 turns it off. */
  readonly responseCacheBytes: number;
  /** Bytes of Automatic Persisted Queries kept; 0 turns APQ off. */
  readonly apqCacheBytes: number;
  readonly contentVersionPollMs: number;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL connection URL; unset means SQLite in dataDir. */
  readonly databaseUrl?: string;
  readonly meiliHost?: string;
  readonly meiliApiKey?: string;
  /**
   * The seed layers, national first: each later folder adds items and may override declared
   * fields of earlier ones (src/seed/layers.ts).
   */
  readonly seedDirs: readonly string[];
  /** The token of preview requests (X-Preview-Token); unset: preview is off. */
  readonly previewToken?: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly corsOrigins: readonly string[];
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** Seed the database from seedDirs on start-up when it holds no content. */
  readonly seedOnStart: boolean;
  readonly introspection: boolean;
  /** "Did you mean …" suggestions in validation errors. */
  readonly suggestions: boolean;
  readonly limits: GraphqlLimits;
  readonly http: HttpSettings;
  readonly links: LinkSettings;
  /**
   * V8 heap limit (old space, MB) the server runs with, so garbage is collected before resident
   * memory grows far; 0 leaves Node's own limit (a share of the machine's memory).
   */
  readonly heapLimitMb: number;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The only reader of process.env. Blank values count as unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape)
      .map((key) => [key, env[key]?.trim()] as const)
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${key}: ${issue?.message ?? 'invalid value'}`);
  }
  const e = parsed.data;
  if (e.RATE_LIMIT_KEY_HEADER && e.TRUST_PROXY === 'false') {
    throw new ConfigError(
      'Invalid configuration: RATE_LIMIT_KEY_HEADER is set but TRUST_PROXY is false: only a trusted proxy may set it',
    );
  }
  if (e.MEILI_API_KEY && !e.MEILI_HOST) {
    throw new ConfigError('Invalid configuration: MEILI_API_KEY is set but MEILI_HOST is not');
  }
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      'Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not be larger than HTTP_REQUEST_TIMEOUT_MS',
    );
  }
  const corsOrigins = e.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        `Invalid configuration: CORS_ORIGINS: "${origin}" is not an origin like https://intranet.example.nl`,
      );
    }
  }
  const seedDirs = e.SEED_DIR.split(',')
    .map((dir) => dir.trim())
    .filter(Boolean)
    .map((dir) => path.resolve(dir));
  if (seedDirs.length === 0)
    throw new ConfigError('Invalid configuration: SEED_DIR: names no folder');
  const twice = seedDirs.find((dir, i) => seedDirs.indexOf(dir) !== i);
  if (twice)
    throw new ConfigError(`Invalid configuration: SEED_DIR: lists the folder ${twice} twice`);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    meiliHost: e.MEILI_HOST,
    meiliApiKey: e.MEILI_API_KEY,
    seedDirs: Object.freeze(seedDirs),
    previewToken: e.PREVIEW_TOKEN,
    logLevel: e.LOG_LEVEL,
    corsOrigins: Object.freeze(corsOrigins),
    nodeEnv: e.NODE_ENV,
    seedOnStart: true,
    introspection: e.GRAPHQL_INTROSPECTION,
    suggestions: e.GRAPHQL_SUGGESTIONS,
    heapLimitMb: e.HEAP_LIMIT_MB,
    limits: Object.freeze({
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDirectivesPerField: e.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxBatch: e.GRAPHQL_MAX_BATCH,
      timeoutMs: e.GRAPHQL_TIMEOUT_MS,
    }),
    http: Object.freeze({
      trustProxy: parseTrustProxy(e.TRUST_PROXY),
      bodyLimit: e.HTTP_BODY_LIMIT,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
      rateLimit: Object.freeze({
        max: e.RATE_LIMIT_MAX,
        searchMax: e.RATE_LIMIT_SEARCH_MAX,
        suggestMax: e.RATE_LIMIT_SUGGEST_MAX,
        windowMs: e.RATE_LIMIT_WINDOW_MS,
        keyHeader: e.RATE_LIMIT_KEY_HEADER?.toLowerCase(),
      }),
      cacheMaxAge: e.CACHE_MAX_AGE,
      responseCacheBytes: e.RESPONSE_CACHE_BYTES,
      apqCacheBytes: e.APQ_CACHE_BYTES,
      contentVersionPollMs: e.CONTENT_VERSION_POLL_MS,
    }),
    links: Object.freeze({
      template: e.LINK_TEMPLATE,
      publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    }),
  });
}

function parseTrustProxy(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}
