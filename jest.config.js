/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }] },
  setupFiles: ['reflect-metadata'],
  // A PostgreSQL server for the run when none is configured or answers on 127.0.0.1:5432.
  globalSetup: '<rootDir>/test/setup/postgres.mjs',
  globalTeardown: '<rootDir>/test/setup/postgres-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
