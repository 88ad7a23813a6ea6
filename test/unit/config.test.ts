import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('loadConfig', () => {
  it('has a default for everything, and SQLite when DATABASE_URL is unset', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      dataDir: path.resolve('data'),
      seedDirs: [path.resolve('seed')],
      previewToken: undefined,
      databaseUrl: undefined,
      meiliHost: undefined,
      logLevel: 'info',
      corsOrigins: [],
      nodeEnv: 'development',
    });
    expect(config.http).toMatchObject({
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      keepAliveTimeoutMs: 72_000,
      maxConnections: 1000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('treats blank values as unset and parses lists', () => {
    const config = loadConfig({
      PORT: ' ',
      DATABASE_URL: '',
      CORS_ORIGINS: 'https://a.example.nl, https://b.example.nl',
    });
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.corsOrigins).toEqual(['https://a.example.nl', 'https://b.example.nl']);
  });

  it('reads SEED_DIR as layers, national first, and takes a preview token', () => {
    const config = loadConfig({
      SEED_DIR: 'seed, ../gemeente-voorbeeldstad',
      PREVIEW_TOKEN: 'een-lang-genoeg-token',
    });
    expect(config.seedDirs).toEqual([
      path.resolve('seed'),
      path.resolve('../gemeente-voorbeeldstad'),
    ]);
    expect(config.previewToken).toBe('een-lang-genoeg-token');
  });

  it.each([
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'sqlite://x' }, 'DATABASE_URL'],
    [{ MEILI_API_KEY: 'key' }, 'MEILI_API_KEY'],
    [{ MEILI_HOST: 'ftp://search' }, 'MEILI_HOST'],
    [{ LINK_TEMPLATE: '/kennisbank/{type}' }, 'LINK_TEMPLATE'],
    [{ LINK_TEMPLATE: '/kb/{slug}/{id}' }, 'LINK_TEMPLATE'],
    [{ PUBLIC_URL: 'intranet.example.nl' }, 'PUBLIC_URL'],
    [{ RATE_LIMIT_KEY_HEADER: 'x-forwarded-user' }, 'RATE_LIMIT_KEY_HEADER'],
    [{ RATE_LIMIT_KEY_HEADER: 'x user', TRUST_PROXY: 'true' }, 'RATE_LIMIT_KEY_HEADER'],
    [{ SEED_DIR: 'seed,./seed' }, 'SEED_DIR'],
    [{ SEED_DIR: ' , ' }, 'SEED_DIR'],
    [{ PREVIEW_TOKEN: 'kort' }, 'PREVIEW_TOKEN'],
    [{ PREVIEW_TOKEN: 'met spaties erin, lang genoeg' }, 'PREVIEW_TOKEN'],
    [{ HTTP_REQUEST_TIMEOUT_MS: '0' }, 'HTTP_REQUEST_TIMEOUT_MS'],
    [
      { HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' },
      'HTTP_HEADERS_TIMEOUT_MS',
    ],
    [{ HTTP_MAX_CONNECTIONS: 'many' }, 'HTTP_MAX_CONNECTIONS'],
  ])('rejects %o naming %s', (env, key) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${key}`));
  });

  it('reads link settings without a trailing slash on the public URL', () => {
    const config = loadConfig({
      LINK_TEMPLATE: '/kennisbank/{locale}/{type}/{slug}',
      PUBLIC_URL: 'https://intranet.example.nl/',
    });
    expect(config.links).toEqual({
      template: '/kennisbank/{locale}/{type}/{slug}',
      publicUrl: 'https://intranet.example.nl',
    });
    expect(loadConfig({}).links).toEqual({ template: '/{type}/{slug}', publicUrl: undefined });
  });
});
