import { ConfigError, loadConfig } from '../../src/config';

describe('HTTP settings in the configuration', () => {
  it('has safe defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      introspection: true,
      suggestions: true,
      limits: {
        maxDepth: 10,
        maxCost: 5000,
        maxAliases: 30,
        maxDirectivesPerField: 5,
        maxTokens: 3000,
        maxBatch: 10,
        timeoutMs: 10000,
      },
      http: {
        trustProxy: false,
        bodyLimit: 102400,
        rateLimit: { max: 6000, searchMax: 3000, suggestMax: 6000, windowMs: 60000 },
        cacheMaxAge: 60,
        responseCacheBytes: 52428800,
        apqCacheBytes: 10485760,
        contentVersionPollMs: 1000,
      },
    });
    expect(Object.isFrozen(config.limits) && Object.isFrozen(config.http)).toBe(true);
  });

  it('reads flags, numbers and proxy settings', () => {
    const config = loadConfig({
      GRAPHQL_INTROSPECTION: 'false',
      GRAPHQL_SUGGESTIONS: '0',
      GRAPHQL_MAX_DEPTH: '6',
      RESPONSE_CACHE_BYTES: '0',
      TRUST_PROXY: '10.0.0.0/8, 127.0.0.1',
    });
    expect(config.introspection).toBe(false);
    expect(config.suggestions).toBe(false);
    expect(config.limits.maxDepth).toBe(6);
    expect(config.http.responseCacheBytes).toBe(0);
    expect(config.http.trustProxy).toBe('10.0.0.0/8, 127.0.0.1');
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
  });

  it.each([
    [{ GRAPHQL_INTROSPECTION: 'yes' }, 'GRAPHQL_INTROSPECTION'],
    [{ GRAPHQL_MAX_DEPTH: '0' }, 'GRAPHQL_MAX_DEPTH'],
    [{ GRAPHQL_MAX_COST: 'lots' }, 'GRAPHQL_MAX_COST'],
    [{ GRAPHQL_MAX_TOKENS: '10' }, 'GRAPHQL_MAX_TOKENS'],
    [{ HTTP_BODY_LIMIT: '-1' }, 'HTTP_BODY_LIMIT'],
    [{ RATE_LIMIT_WINDOW_MS: '1.5' }, 'RATE_LIMIT_WINDOW_MS'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
  ])('rejects %o naming %s', (env, key) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${key}: `));
  });
});
