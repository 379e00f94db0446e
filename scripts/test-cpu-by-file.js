// Where a run's test CPU went, file by file, from a CPU log written by scripts/jest-cpu-environment.js
// (one line per jest test file, or per group of the grouping runner, whose parts name their member file):
//   node scripts/test-cpu-by-file.js /tmp/cpu.jsonl [how many files to list]
// Prints each file's CPU in its hooks (set-up and clean-up: its database and services) and in its tests,
// costliest first, and each group's CPU outside any hook or test (evaluating modules, garbage collected
// between parts). Child processes and a PostgreSQL server's CPU are not in the log.
const { readFileSync } = require('node:fs');

const [logPath, listed = '40'] = process.argv.slice(2);
const files = new Map();
let outside = 0;
let total = 0;
for (const line of readFileSync(logPath, 'utf8').split('\n')) {
  if (line === '') continue;
  const group = JSON.parse(line);
  total += group.cpu;
  let inParts = 0;
  for (const part of group.parts) {
    inParts += part.cpu;
    const name = (part.hook ? part.in : part.test) || group.file;
    // A group's member is named by its first describe; a file run alone by the log line's own path.
    const file = group.file.includes('mappa-jest-groups-') ? name.split(' > ')[0] : group.file;
    const entry = files.get(file) ?? { hooks: 0, tests: 0, count: 0 };
    if (part.hook) entry.hooks += part.cpu;
    else {
      entry.tests += part.cpu;
      entry.count += 1;
    }
    files.set(file, entry);
  }
  outside += group.cpu - inParts;
}
const rows = [...files].sort(([, a], [, b]) => b.hooks + b.tests - (a.hooks + a.tests));
const sum = (key) => rows.reduce((acc, [, entry]) => acc + entry[key], 0);
console.log(
  `${rows.length} files, ${total.toFixed(1)} s CPU: hooks ${sum('hooks').toFixed(1)} s, tests ${sum('tests').toFixed(1)} s, outside both ${outside.toFixed(1)} s`,
);
console.log('file | hooks s | tests s | tests');
for (const [file, entry] of rows.slice(0, Number(listed))) {
  console.log(`${file} | ${entry.hooks.toFixed(1)} | ${entry.tests.toFixed(1)} | ${entry.count}`);
}
