import { describeFailure } from '../../src/lib/errors';

describe('describing an unexpected failure to a person', () => {
  it('keeps the reason and drops the statement a driver put before it', () => {
    const statement = `insert into "content" (${'"x", '.repeat(5000)}"y") values (1)`;
    expect(
      describeFailure(new Error(`${statement} - cannot execute INSERT in a read-only transaction`)),
    ).toBe('cannot execute INSERT in a read-only transaction');
    expect(describeFailure(new Error('select 1 - SQLITE_BUSY: database is locked'))).toBe(
      'SQLITE_BUSY: database is locked',
    );
  });

  it('gives one line of at most the given length', () => {
    expect(describeFailure(new Error('first line\nsecond line'))).toBe('first line');
    expect(describeFailure('x'.repeat(1000), 10)).toBe(`${'x'.repeat(10)}…`);
    expect(describeFailure(new Error('a sentence - with a dash'))).toBe('a sentence - with a dash');
  });
});
