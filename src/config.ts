import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CORS_ORIGINS: z.string().default(''),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** PostgreSQL connection URL; unset means SQLite in dataDir. */
  readonly databaseUrl?: string;
  readonly meiliHost?: string;
  readonly meiliApiKey?: string;
  readonly seedDir: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly corsOrigins: readonly string[];
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** Seed the database from seedDir on start-up when it holds no content. */
  readonly seedOnStart: boolean;
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
  if (e.MEILI_API_KEY && !e.MEILI_HOST) {
    throw new ConfigError('Invalid configuration: MEILI_API_KEY is set but MEILI_HOST is not');
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
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    meiliHost: e.MEILI_HOST,
    meiliApiKey: e.MEILI_API_KEY,
    seedDir: path.resolve(e.SEED_DIR),
    logLevel: e.LOG_LEVEL,
    corsOrigins: Object.freeze(corsOrigins),
    nodeEnv: e.NODE_ENV,
    seedOnStart: true,
  });
}
