import { STATISTICS_MARKERS, withStatisticsTables } from './statistics';

// `--statistics-only` rewrites only its own tables in docs/benchmarks-statistics.md: the page's
// hand-written analysis (before/after runs, plans, what is left to do) survives every run.
describe('the statistics page the bench writes', () => {
  const { start, end } = STATISTICS_MARKERS;

  it('replaces only what is between the markers', () => {
    const page = `# Title\n\nIntro.\n\n${start}\nold tables\n${end}\n\n## Analysis\n\nKept by hand.\n`;
    expect(withStatisticsTables(page, 'new tables\n')).toBe(
      `# Title\n\nIntro.\n\n${start}\nnew tables\n${end}\n\n## Analysis\n\nKept by hand.\n`,
    );
  });

  it('adds the markers after the title of a page that has none, keeping the rest', () => {
    expect(withStatisticsTables('# Title\n## Analysis\n', 'tables')).toBe(`# Title\n\n${start}\ntables\n${end}\n## Analysis\n`);
  });

  it('starts a page that does not exist', () => {
    expect(withStatisticsTables(null, 'tables')).toBe(`# Benchmarks: statistics (issue 13)\n\n${start}\ntables\n${end}\n`);
  });
});
