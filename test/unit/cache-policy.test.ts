import { getOperationAST, parse } from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { operationCachePolicy } from '../../src/graphql/plugins/cache-policy.plugin';

const policyOf = async (query: string) => {
  const document = parse(query);
  return operationCachePolicy(await getSchema(), document, getOperationAST(document)!, 60);
};

describe('the Cache-Control of an operation', () => {
  it('is the default for content', async () => {
    expect(await policyOf('{ legalPowers { totalCount edges { node { title } } } }')).toBe(
      'max-age=60, public',
    );
  });

  it('takes the lowest hint, also through fragments and inline fragments', async () => {
    expect(await policyOf('{ tags { slug } contentVersion }')).toBe('max-age=5, public');
    expect(
      await policyOf('query Q { ...V tags { slug } } fragment V on Query { contentVersion }'),
    ).toBe('max-age=5, public');
    expect(await policyOf('{ ... on Query { contentVersion } }')).toBe('max-age=5, public');
  });

  it('is no-store for an operation that selects nothing cacheable (introspection)', async () => {
    expect(await policyOf('{ __schema { queryType { name } } }')).toBe('no-store');
  });
});
