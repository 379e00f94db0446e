// Once per jest run, before any test file: a folder for the run's prepared test databases (see
// openTestDatabase in testing/src/test-database.ts). Workers start after this and inherit
// the variable, so every test file of the run shares the folder; the teardown removes it.
const { randomBytes } = require('node:crypto');
const { mkdir } = require('node:fs/promises');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function createTestTemplatesFolder() {
  // Lower-case hex: the folder's name also starts the run's template database names on a server.
  const folder = join(tmpdir(), `mappa_template_${randomBytes(5).toString('hex')}`);
  await mkdir(folder);
  process.env.MAPPA_TEST_TEMPLATES = folder;
};
