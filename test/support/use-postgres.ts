/** jest setupFiles of the "integration-postgres" project: the same integration tests, on PostgreSQL (see test-database.ts). */
process.env.STORELINK_TEST_DATABASE = 'postgres';
