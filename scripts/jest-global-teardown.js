// Once per jest run, after every test file: removes the run's PGlite snapshots and, on a PostgreSQL
// server, the run's template databases (named after the folder), so nothing outlives the run.
const { rm } = require('node:fs/promises');
const { basename } = require('node:path');
const { Client } = require('pg');

module.exports = async function removeTestTemplates() {
  const folder = process.env.MAPPA_TEST_TEMPLATES;
  if (!folder) return;
  await rm(folder, { recursive: true, force: true });
  if (!process.env.DATABASE_URL) return;
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const prefix = `${basename(folder)}_`;
    const { rows } = await client.query('select datname from pg_database where starts_with(datname, $1)', [prefix]);
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
};
