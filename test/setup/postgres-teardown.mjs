// Jest global teardown: stops the PostgreSQL server test/setup/postgres.mjs started, if any.
export { teardown as default } from './postgres.mjs';
