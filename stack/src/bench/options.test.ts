import { DEFAULT_OFFENDERS, parseBenchOptions, USAGE } from './options';

// The benchmark's options are checked before anything starts: a wrong flag fails at once, never
// after ten minutes of seeding.
describe('npm run bench options', () => {
  it('defaults to the full run', () => {
    const options = parseBenchOptions([]);
    expect(options).toMatchObject({ offenders: DEFAULT_OFFENDERS, rounds: 8, 'requests-per-round': 200, concurrency: 8, help: false });
    expect(options.only).toBeUndefined();
  });

  it('reads numbers, flags and the deployed layout', () => {
    const options = parseBenchOptions(['--only', 'deployed', '--offenders', '10000', '--rounds', '3', '--concurrency', '4', '--reseed']);
    expect(options).toMatchObject({ only: 'deployed', offenders: 10_000, rounds: 3, concurrency: 4, reseed: true });
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
      '--trace',
      '--help',
    ])
      expect(USAGE).toContain(flag);
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
