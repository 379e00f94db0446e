// A jest runner that runs test files in a few groups per worker, each group in one module registry.
//
// Why: jest evaluates every module a test file imports again for each file (its isolation), and for
// our integration files that is 2.6-7 s of CPU before the first hook (the gateway, type-graphql,
// drizzle, PGlite, the six subgraphs), paid by ~140 files on each database. In one group those modules
// are evaluated once. What a test file sets up for itself stays its own: each file runs inside a
// `describe` of its own path, so its top-level hooks (the stack it starts over its own database, the
// `afterAll` that stops it) apply to its tests only, and its module-level variables are its own.
// What files in a group share is what the product's modules hold at module level (as every replica of
// a service shares them in one process) and the process's globals.
//
// Jest's reporters still see one result per test file: each group's result is split back by the
// file's `describe`, whose title is taken off again, so names, failures and counts read as they
// would without grouping. A file whose modules fail to load fails alone (a test reports the error),
// and so does a file whose `afterAll` throws (recorded per file, see groupSource); any other error
// outside a test fails every file of its group, saying so. A file marked `@jest-runs-alone` is a group
// of its own (see RUNS_ALONE).
const { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative } = require('node:path');
const { createEmptyTestResult } = require('@jest/test-result');
const TestRunner = require('jest-runner').default;
const { formatExecError, formatResultsErrors } = require('jest-message-util');

/**
 * Groups per worker. One group per worker would evaluate the modules least often, but the run ends
 * when the last group does: with four each, a worker that drew the slower files is not left running
 * alone for long while the other idles.
 */
const GROUPS_PER_WORKER = 4;

/**
 * What a file is expected to cost, to balance the groups: its size, and far more for a file that
 * starts services (`test/src`: a stack per file costs several seconds of CPU whatever its size).
 * Jest's own timings are no use here: they are per file and a file's set-up runs in its hooks.
 */
const expectedCost = (test) => {
  const bytes = statSync(test.path).size;
  const startsServices = /[\\/]test[\\/]src[\\/]/.test(test.path);
  return startsServices ? 60_000 + bytes : bytes;
};

/**
 * The mark of a file that must have a module registry and globals of its own, written in its opening
 * comment with the reason: `@jest-runs-alone <why>`. For a file that registers process-wide state the
 * product sets once per process, e.g. OpenTelemetry's global tracer provider: Apollo Gateway's
 * module-level tracer keeps the first provider it finds, so a later file's in-memory exporter would
 * never see the gateway's spans.
 */
const RUNS_ALONE = /@jest-runs-alone\b/;
const runsAlone = (test) => RUNS_ALONE.test(readFileSync(test.path, 'utf8').slice(0, 4096));

/**
 * Longest processing time first: each file, costliest first, goes to the group that costs least so
 * far. A file marked to run alone is a group of its own.
 */
const partition = (tests, groupCount) => {
  const grouped = tests.filter((test) => !runsAlone(test));
  const groups = Array.from({ length: Math.min(groupCount, grouped.length) }, () => ({ cost: 0, tests: [] }));
  const byCost = grouped.map((test) => ({ test, cost: expectedCost(test) })).sort((a, b) => b.cost - a.cost);
  for (const { test, cost } of byCost) {
    const cheapest = groups.reduce((least, group) => (group.cost < least.cost ? group : least));
    cheapest.tests.push(test);
    cheapest.cost += cost;
  }
  for (const group of groups) group.tests.sort((a, b) => a.path.localeCompare(b.path));
  const alone = tests.filter(runsAlone).map((test) => ({ cost: expectedCost(test), tests: [test] }));
  return [...groups, ...alone].sort((a, b) => b.cost - a.cost).map((group) => group.tests);
};

/** Where a group's test file records the errors of its members' `afterAll` hooks (see groupSource). */
const afterAllErrorsFile = (groupPath) => `${groupPath}.after-all.jsonl`;

/**
 * The group's test file: each member file loaded inside a `describe` named after it. A member's
 * `afterAll` hooks are registered through a wrapper that writes what they throw to a file beside the
 * group's, so that a file whose clean-up fails (say, because its set-up never finished) fails alone:
 * jest reports an `afterAll` error as the whole test file's, which here would be the group's.
 */
const groupSource = (groupPath, members) =>
  [
    '// Written by scripts/jest-grouping-runner.js for one jest run: each file in its own describe.',
    "const { appendFileSync } = require('node:fs');",
    `const members = ${JSON.stringify(members.map(({ title, test }) => [title, test.path]))};`,
    `const afterAllErrors = ${JSON.stringify(afterAllErrorsFile(groupPath))};`,
    'const recordedBy = (title, hook) =>',
    '  async function recordingAfterAll() {',
    '    try {',
    '      if (hook.length === 0) return await hook.call(this);',
    '      return await new Promise((resolve, reject) => hook.call(this, (error) => (error ? reject(error) : resolve())));',
    '    } catch (error) {',
    '      const { message, stack } = error instanceof Object ? error : { message: String(error), stack: String(error) };',
    '      appendFileSync(afterAllErrors, `${JSON.stringify({ title, message: String(message), stack: String(stack) })}\n`);',
    '    }',
    '  };',
    'for (const [title, path] of members) {',
    '  describe(title, () => {',
    '    const registerAfterAll = globalThis.afterAll;',
    '    globalThis.afterAll = (hook, timeout) => registerAfterAll(recordedBy(title, hook), timeout);',
    '    try {',
    '      require(path);',
    '    } catch (error) {',
    "      test('loads its modules', () => {",
    '        throw error;',
    '      });',
    '    } finally {',
    '      globalThis.afterAll = registerAfterAll;',
    '    }',
    '  });',
    '}',
    '',
  ].join('\n');

/** What each member's `afterAll` hooks threw, by the member's title. */
const readAfterAllErrors = (groupPath) => {
  const byTitle = new Map();
  if (!existsSync(afterAllErrorsFile(groupPath))) return byTitle;
  for (const line of readFileSync(afterAllErrorsFile(groupPath), 'utf8').split('\n')) {
    if (line === '') continue;
    const { title, message, stack } = JSON.parse(line);
    byTitle.set(title, [...(byTitle.get(title) ?? []), { message, stack }]);
  }
  return byTitle;
};

/** A test's result as its own file would have reported it: the file's describe taken off its names. */
const asMemberTestCase = (testCase, title) => ({
  ...testCase,
  ancestorTitles: testCase.ancestorTitles.slice(1),
  fullName: testCase.fullName.startsWith(`${title} `) ? testCase.fullName.slice(title.length + 1) : testCase.fullName,
});

class GroupingTestRunner extends TestRunner {
  /** Group test file path -> its members, in the order they run. */
  #groups = new Map();

  async runTests(tests, watcher, options) {
    if (tests.length === 0) return super.runTests(tests, watcher, options);
    const folder = mkdtempSync(join(tmpdir(), 'mappa-jest-groups-'));
    try {
      const workers = options.serial ? 1 : this._globalConfig.maxWorkers;
      const groupTests = partition(tests, workers * GROUPS_PER_WORKER).map((members, index) => {
        const path = join(folder, `group-${index + 1}.test.js`);
        const named = members.map((test) => ({ test, title: relative(test.context.config.rootDir, test.path) }));
        writeFileSync(path, groupSource(path, named));
        this.#groups.set(path, named);
        return { context: members[0].context, duration: undefined, path };
      });
      return await super.runTests(groupTests, watcher, options);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  on(eventName, listener) {
    return super.on(eventName, (payload) => this.#forMembers(eventName, payload, listener));
  }

  /** Passes a group's event on as its member files' events. */
  async #forMembers(eventName, payload, listener) {
    const [first, second] = payload;
    const groupPath = typeof first === 'string' ? first : first.path;
    const members = this.#groups.get(groupPath);
    if (!members) return listener(payload);
    switch (eventName) {
      case 'test-file-start':
        for (const { test } of members) await listener([test]);
        return undefined;
      case 'test-file-success': {
        const afterAllErrors = readAfterAllErrors(groupPath);
        for (const member of members) {
          await listener([member.test, this.#memberResult(second, member, members, afterAllErrors.get(member.title) ?? [])]);
        }
        return undefined;
      }
      case 'test-file-failure':
        for (const { test } of members) await listener([test, second]);
        return undefined;
      case 'test-case-start':
      case 'test-case-result': {
        const member = members.find(({ title }) => second.ancestorTitles[0] === title);
        if (!member) return listener(payload);
        return listener([member.test.path, asMemberTestCase(second, member.title)]);
      }
      default:
        return listener(payload);
    }
  }

  /** The part of a group's result that is one member file's. */
  #memberResult(groupResult, member, members, afterAllErrors) {
    const { test, title } = member;
    const { config } = test.context;
    const isFirst = members[0] === member;
    const testResults = groupResult.testResults
      .filter((testCase) => testCase.ancestorTitles[0] === title)
      .map((testCase) => asMemberTestCase(testCase, title));
    const count = (status) => testResults.filter((testCase) => testCase.status === status).length;
    const runtime = testResults.reduce((sum, testCase) => sum + (testCase.duration ?? 0), 0);
    // An error outside any test that is not a member's `afterAll` (those are recorded apart) could be
    // any member's: every file of the group reports it.
    const groupError = groupResult.testExecError;
    const ownError =
      afterAllErrors.length > 0
        ? { message: afterAllErrors.map(({ message }) => message).join('\n'), stack: afterAllErrors.map(({ stack }) => stack).join('\n') }
        : undefined;
    const failureMessages = [
      formatResultsErrors(testResults, config, this._globalConfig, test.path),
      ownError ? formatExecError(ownError, config, this._globalConfig, test.path) : null,
      groupError
        ? `  ● An error outside any test in this file's group of ${members.length} files (one module registry, scripts/jest-grouping-runner.js) fails each of them:\n\n` +
          formatExecError(groupError, config, this._globalConfig, test.path)
        : null,
    ].filter(Boolean);
    const testExecError = ownError ?? groupError;
    return {
      ...createEmptyTestResult(),
      console: isFirst ? groupResult.console : undefined,
      displayName: groupResult.displayName,
      failureMessage: failureMessages.length > 0 ? failureMessages.join('\n') : null,
      leaks: groupResult.leaks,
      numFailingTests: count('failed'),
      numPassingTests: count('passed'),
      numPendingTests: count('pending') + count('skipped'),
      numTodoTests: count('todo'),
      openHandles: isFirst ? groupResult.openHandles : [],
      perfStats: { ...groupResult.perfStats, runtime, slow: false },
      skipped: testResults.length > 0 && testResults.every((testCase) => ['pending', 'skipped', 'todo'].includes(testCase.status)),
      testExecError,
      testFilePath: test.path,
      testResults,
    };
  }
}

module.exports = GroupingTestRunner;
