import {
  DEFAULT_CONCURRENCY,
  DEFAULT_DEPLOYED_CONCURRENCY,
  DEFAULT_OFFENDERS,
  nodeFlagsArgument,
  parseBenchOptions,
  USAGE,
} from './options';

// The benchmark's options are checked before anything starts: a wrong flag fails at once, never
// after ten minutes of seeding.
describe('npm run bench options', () => {
  it('defaults to the full run', () => {
    const options = parseBenchOptions([]);
    expect(options).toMatchObject({ offenders: DEFAULT_OFFENDERS, rounds: 8, 'requests-per-round': 200, concurrency: 8, help: false });
    expect(options.concurrencyLevels).toEqual([DEFAULT_CONCURRENCY]);
    expect(options.only).toBeUndefined();
  });

  it('reads numbers, flags and the deployed layout', () => {
    const options = parseBenchOptions(['--only', 'deployed', '--offenders', '10000', '--rounds', '3', '--concurrency', '4', '--reseed']);
    expect(options).toMatchObject({ only: 'deployed', offenders: 10_000, rounds: 3, concurrency: 4, reseed: true });
    expect(options.concurrencyLevels).toEqual([4]);
  });

  // Issue 15: the deployed ratios depend on how many requests are in flight, so one run measures several levels.
  it('measures the deployed layout at 1, 10 and 20 in flight unless told, and at each level of a list in its order', () => {
    expect(DEFAULT_DEPLOYED_CONCURRENCY).toEqual([1, 10, 20]);
    expect(parseBenchOptions(['--only', 'deployed']).concurrencyLevels).toEqual([1, 10, 20]);
    const options = parseBenchOptions(['--only', 'deployed', '--concurrency', '16,4']);
    expect(options.concurrencyLevels).toEqual([16, 4]);
    expect(options.concurrency).toBe(16);
    // One subgraph against the floor is measured at the same levels, for the same reason.
    expect(parseBenchOptions(['--only', 'subgraph']).concurrencyLevels).toEqual([1, 10, 20]);
    expect(parseBenchOptions(['--only', 'subgraph', '--concurrency', '8,1']).concurrencyLevels).toEqual([8, 1]);
  });

  it('refuses a list of levels outside the deployed layout, and a malformed, repeated or out-of-range level', () => {
    expect(() => parseBenchOptions(['--concurrency', '1,10'])).toThrow(/only with --only deployed/);
    expect(() => parseBenchOptions(['--only', 'pack', '--concurrency', '1,10'])).toThrow(/only with --only deployed/);
    for (const bad of ['1,,10', '1, 10', '10,', 'ten', '0', '1.5', '4,4', '1,65'])
      expect(() => parseBenchOptions(['--only', 'deployed', '--concurrency', bad])).toThrow();
  });

  it('answers --help and -h, and lists every option in its usage', () => {
    expect(parseBenchOptions(['--help']).help).toBe(true);
    expect(parseBenchOptions(['-h']).help).toBe(true);
    for (const flag of [
      '--offenders',
      '--rounds',
      '--requests-per-round',
      '--concurrency',
      '--reseed',
      '--statistics-only',
      '--register-only',
      '--only pack',
      '--only deployed',
      '--only subgraph',
      '--trace',
      '--control',
      '--node-flags',
      '--help',
    ])
      expect(USAGE).toContain(flag);
  });

  it('takes --control only with --only deployed', () => {
    expect(parseBenchOptions(['--only', 'deployed']).control).toBe(false);
    expect(parseBenchOptions(['--only', 'deployed', '--control']).control).toBe(true);
    expect(() => parseBenchOptions(['--control'])).toThrow(/--only deployed/);
    expect(() => parseBenchOptions(['--only', 'subgraph', '--control'])).toThrow(/--only deployed/);
  });

  it('takes --node-flags for the service processes of the deployed and subgraph runs only, each flag checked', () => {
    expect(parseBenchOptions(['--only', 'deployed']).nodeFlags).toEqual([]);
    expect(parseBenchOptions(['--only', 'deployed', '--node-flags=--no-memory-reducer']).nodeFlags).toEqual(['--no-memory-reducer']);
    expect(parseBenchOptions(['--only', 'subgraph', '--node-flags=--no-memory-reducer --max-semi-space-size=32']).nodeFlags).toEqual([
      '--no-memory-reducer',
      '--max-semi-space-size=32',
    ]);
    expect(() => parseBenchOptions(['--node-flags=--no-memory-reducer'])).toThrow(/--only deployed or --only subgraph/);
    // As the reports write it in their command line, so that the command can be run again.
    expect(nodeFlagsArgument([])).toBe('');
    expect(nodeFlagsArgument(['--no-memory-reducer', '--max-semi-space-size=32'])).toBe(
      ' --node-flags="--no-memory-reducer --max-semi-space-size=32"',
    );
    for (const bad of ['no-dashes', '--a  --b', '--require ./x.js', '--a;rm', '--a=$(x)', ''])
      expect(() => parseBenchOptions(['--only', 'deployed', `--node-flags=${bad}`])).toThrow();
  });

  it('refuses unknown options, out-of-range numbers and --trace without --only pack', () => {
    expect(() => parseBenchOptions(['--fast'])).toThrow(/Unknown option/);
    expect(() => parseBenchOptions(['--offenders', '10'])).toThrow();
    expect(() => parseBenchOptions(['--concurrency', '65'])).toThrow();
    expect(() => parseBenchOptions(['--only', 'everything'])).toThrow();
    expect(() => parseBenchOptions(['--trace'])).toThrow(/--only pack/);
    expect(parseBenchOptions(['--only', 'pack', '--trace']).trace).toBe(true);
  });
});
