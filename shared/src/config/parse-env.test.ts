import { z } from 'zod';
import { databaseEnv, parseEnv, ConfigError } from './parse-env';

const schema = z.object(databaseEnv);

describe('database settings from the environment (issue 15)', () => {
  it('issue 15: a process holds ten server connections unless DATABASE_POOL_SIZE says otherwise', () => {
    expect(parseEnv(schema, {}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv(schema, { DATABASE_POOL_SIZE: '3' }).DATABASE_POOL_SIZE).toBe(3);
  });

  it('issue 15: refuses a pool size that is not a whole number from 1 to 100, naming the variable', () => {
    for (const value of ['0', '-1', '2.5', 'lots', '101']) {
      expect(() => parseEnv(schema, { DATABASE_POOL_SIZE: value })).toThrow(ConfigError);
      expect(() => parseEnv(schema, { DATABASE_POOL_SIZE: value })).toThrow(/DATABASE_POOL_SIZE/);
    }
  });
});
