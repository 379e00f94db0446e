import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { syntheticPerson } from '@mappa/shared';
import { serverDatabaseUrl } from '@mappa/testing';
import { DEFAULT_SERVER, mustSeedBenchDatabase } from './dataset';

// `npm run bench` seeds whatever database DATABASE_URL names, and seeding clears every agency's
// records first: a shell where DATABASE_URL names a real database must not lose it to a benchmark.
// @jest-database-independent: the benchmark runs on a PostgreSQL server, so this test always uses one
// (DATABASE_URL's, or the local one) and does the same in either CI run; .ci/run runs it once.
describe('the benchmark database', () => {
  const serverUrl = process.env.DATABASE_URL ?? DEFAULT_SERVER;
  const name = `mappa_bench_guard_${randomBytes(5).toString('hex')}`;
  const url = serverDatabaseUrl(serverUrl, name);
  const dataset = { offenders: 3, seed: 1, asOf: '2026-11-01' };
  const admin = new Client({ connectionString: serverUrl });
  const db = new Client({ connectionString: url });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${name}`);
    await db.connect();
  });

  afterAll(async () => {
    await db.end();
    await admin.query(`drop database if exists ${name}`);
    await admin.end();
  });

  const holding = async (pncIds: readonly string[]) => {
    await db.query('truncate police.person');
    for (const pncId of pncIds) await db.query('insert into police.person (pnc_id) values ($1)', [pncId]);
  };

  it('seeds a database the agencies were never migrated into, and one holding no one', async () => {
    await expect(mustSeedBenchDatabase(url, dataset, false)).resolves.toBe(true);
    await db.query('create schema police');
    await expect(mustSeedBenchDatabase(url, dataset, false)).resolves.toBe(true);
    await db.query('create table police.person (pnc_id text primary key)');
    await expect(mustSeedBenchDatabase(url, dataset, false)).resolves.toBe(true);
  });

  it('leaves its own dataset as it is, unless told to seed it again', async () => {
    await holding([syntheticPerson(0, dataset).pncId, '2001/0000001A', '2001/0000002B']);
    await expect(mustSeedBenchDatabase(url, dataset, false)).resolves.toBe(false);
    await expect(mustSeedBenchDatabase(url, dataset, true)).resolves.toBe(true);
  });

  it('refuses to clear people who are not its dataset, unless --reseed says to', async () => {
    // As many people as the dataset, but not its own; then more people than the dataset.
    for (const people of [
      ['2001/0000001A', '2001/0000002B', '2001/0000003C'],
      [syntheticPerson(0, dataset).pncId, '2001/0000001A', '2001/0000002B', '2001/0000003C'],
    ]) {
      await holding(people);
      await expect(mustSeedBenchDatabase(url, dataset, false)).rejects.toThrow(
        new RegExp(`${name} holds ${people.length} people who are not the benchmark's 3 synthetic offenders`),
      );
      await expect(mustSeedBenchDatabase(url, dataset, true)).resolves.toBe(true);
    }
    // Nothing was cleared by asking.
    const { rows } = await db.query<{ people: string }>('select count(*) as people from police.person');
    expect(Number(rows[0]!.people)).toBe(4);
  });
});
