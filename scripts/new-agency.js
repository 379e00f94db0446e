#!/usr/bin/env node
// `npm run new:agency -- <name>`: creates a working subgraph for a new agency from
// stack/templates/agency and registers it everywhere the repository lists agencies (docs/new-agency.md).
// Plain Node (no build step): it runs before the new agency's package exists.
//
// Options: --root <dir> (default: this repository) renders into another copy (the generator's test);
// --no-install skips `npm install` (which links the workspace and updates package-lock.json);
// --no-schemas skips `npm run schema:generate` (a full build). The migration is always generated, by
// drizzle-kit from the template's tables, as every agency's is.
const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

/** A refusal with a fixed code, printed as `<CODE>: <message>` and exit status 2. */
class NewAgencyError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const NAME = /^[a-z]+(-[a-z]+)*$/;

/** Every spelling of the agency's name the template needs. */
function namesOf(name) {
  const words = name.split('-');
  const pascal = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return {
    __name__: name,
    __snake__: words.join('_'),
    __CONST__: words.join('_').toUpperCase(),
    __PREFIX__: words.join('_').toUpperCase(),
    __camel__: pascal[0].toLowerCase() + pascal.slice(1),
    __Pascal__: pascal,
    __Title__: words.map((word) => word[0].toUpperCase() + word.slice(1)).join(' '),
  };
}

const render = (text, names) => Object.entries(names).reduce((result, [placeholder, value]) => result.split(placeholder).join(value), text);

function read(root, path) {
  return readFileSync(join(root, path), 'utf8');
}

/** Replaces `before` (which must occur exactly once) in a file: a template-shaped edit fails loudly, never silently. */
function edit(root, path, change) {
  const text = read(root, path);
  const changed = change(text);
  if (changed === text)
    throw new NewAgencyError('NEW_AGENCY_EDIT_FAILED', `${path} is not shaped as the generator expects; register the agency there by hand`);
  writeFileSync(join(root, path), changed);
}

function insertBefore(text, anchor, insertion, path) {
  const at = text.indexOf(anchor);
  if (at < 0 || text.indexOf(anchor, at + 1) >= 0)
    throw new NewAgencyError('NEW_AGENCY_EDIT_FAILED', `${path}: expected "${anchor.trim()}" exactly once`);
  return text.slice(0, at) + insertion + text.slice(at);
}

/** Refuses a name that is not lowercase words joined by hyphens, or that an agency already has. */
function validate(root, name) {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new NewAgencyError(
      'NEW_AGENCY_INVALID_NAME',
      `"${name ?? ''}" is not a valid agency name: use lowercase letters, words joined by single hyphens (e.g. home-office)`,
    );
  }
  const names = namesOf(name);
  const registry = read(root, 'shared/src/federation/agency-registry.ts');
  if (
    existsSync(join(root, 'subgraphs', name)) ||
    registry.includes(`name: '${name}'`) ||
    registry.includes(`Agency.${names.__CONST__},`)
  ) {
    throw new NewAgencyError('NEW_AGENCY_EXISTS', `${name} is already an agency (subgraphs/${name} or its registration exists)`);
  }
  const principal = read(root, 'shared/src/auth/principal.ts');
  if (!principal.includes(`'${names.__snake__}'`)) {
    throw new NewAgencyError(
      'NEW_AGENCY_UNKNOWN_PRINCIPAL',
      `no principal belongs to "${names.__snake__}": add it to DUTY_TO_CO_OPERATE_AGENCIES or PRINCIPAL_AGENCIES (shared/src/auth/principal.ts), with the roles its staff hold, then run this again`,
    );
  }
  if (registry.includes(`principalAgency: '${names.__snake__}'`))
    throw new NewAgencyError('NEW_AGENCY_EXISTS', `${names.__snake__} already owns a subgraph`);
  return names;
}

function renderTemplate(root, names) {
  const templates = join(root, 'stack', 'templates', 'agency');
  const target = join(root, 'subgraphs', names.__name__);
  const walk = (dir) =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  for (const path of walk(templates)) {
    const out = join(target, render(relative(templates, path), names).replace(/\.tmpl$/, ''));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, render(readFileSync(path, 'utf8'), names));
  }
}

/** Every file `register` edits. */
const REGISTERED_IN = [
  'shared/src/federation/agency-registry.ts',
  'shared/src/domain/agency.ts',
  'package.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'jest.config.js',
  'stack/package.json',
  'stack/tsconfig.json',
  'test/src/access-audit.test.ts',
  'stack/src/subgraphs.ts',
];

/** Registers the agency once in the registry, and in the JSON and config lists that cannot derive from it. */
function register(root, names) {
  const { __name__: name, __CONST__: constant, __snake__: snake, __camel__: camel } = names;
  const registry = 'shared/src/federation/agency-registry.ts';
  const ports = [...read(root, registry).matchAll(/defaultPort: (\d+)/g)].map((match) => Number(match[1]));
  const port = Math.max(...ports) + 1;
  edit(root, registry, (text) =>
    insertBefore(
      text,
      '] as const satisfies readonly AgencyRegistration[];',
      `  { name: '${name}', agency: Agency.${constant}, principalAgency: '${snake}', defaultPort: ${port}, databaseSchema: '${snake}', urlVariable: '${constant}_SUBGRAPH_URL', portVariable: '${constant}_PORT', auditLog: '${name}' },\n`,
      registry,
    ),
  );
  edit(root, 'shared/src/domain/agency.ts', (text) =>
    text.replace(/(\n {2}[A-Z_]+ = '[A-Z_]+',\n)(\}\n)/, `$1  ${constant} = '${constant}',\n$2`),
  );
  edit(root, 'package.json', (text) => {
    const json = JSON.parse(text);
    const last = json.workspaces.map((path) => path.startsWith('subgraphs/')).lastIndexOf(true);
    json.workspaces.splice(last + 1, 0, `subgraphs/${name}`);
    return `${JSON.stringify(json, null, 2)}\n`;
  });
  edit(root, 'tsconfig.json', (text) => {
    const json = JSON.parse(text);
    json.compilerOptions.paths[`@mappa/${name}`] = [`./subgraphs/${name}/src/index.ts`];
    return JSON.stringify(json, null, 2) + (text.endsWith('\n') ? '\n' : '');
  });
  edit(root, 'tsconfig.build.json', (text) => withReference(text, `subgraphs/${name}`, 'subgraphs/'));
  edit(root, 'jest.config.js', (text) => text.replace(/('\^@mappa\/\([a-z|-]+)(\)\$')/, `$1|${name}$2`));
  edit(root, 'stack/package.json', (text) => {
    const json = JSON.parse(text);
    json.dependencies = Object.fromEntries(
      Object.entries({ ...json.dependencies, [`@mappa/${name}`]: '0.1.0' }).sort(([a], [b]) => a.localeCompare(b)),
    );
    return `${JSON.stringify(json, null, 2)}\n`;
  });
  edit(root, 'stack/tsconfig.json', (text) => withReference(text, `../subgraphs/${name}`, '../subgraphs/'));
  // The access-audit test reads each owner's counter-terrorism marker from its table (typed per agency,
  // so forgetting this fails the type check): the generated example's table and seed rule.
  edit(root, 'test/src/access-audit.test.ts', (text) =>
    insertBefore(
      text,
      "  mappa: { schema: 'mappa', table: 'mappa_case', holds: () => true },\n",
      `  ${name.includes('-') ? `'${name}'` : name}: { schema: '${snake}', table: 'case', holds: (person) => person.index % 20 === 0 },\n`,
      'test/src/access-audit.test.ts',
    ),
  );
  edit(root, 'stack/src/subgraphs.ts', (text) =>
    insertBefore(
      text.replace(
        /(import [^\n]+ from '@mappa\/[a-z-]+';\n)(?![\s\S]*from '@mappa\/(?!shared))/,
        `$1import { ${camel}Subgraph } from '@mappa/${name}';\n`,
      ),
      '};\n\n/** Every agency',
      `  ${name.includes('-') ? `'${name}'` : name}: ${camel}Subgraph,\n`,
      'stack/src/subgraphs.ts',
    ),
  );
}

/** A project reference added after the last one whose path starts with `after` (the files are JSON; Prettier lays them out afterwards). */
function withReference(text, path, after) {
  const json = JSON.parse(text);
  const last = json.references.map((reference) => reference.path.startsWith(after)).lastIndexOf(true);
  json.references.splice(last + 1, 0, { path });
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Lays out every file the generator wrote or edited as the repository's formatter does (`npm run check` holds them to it). */
function format(root, paths) {
  run(root, process.execPath, [join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--write', '--log-level', 'warn', ...paths]);
}

function run(root, command, args, cwd = root) {
  process.stdout.write(`$ ${command} ${args.join(' ')}\n`);
  execFileSync(command, args, { cwd, stdio: 'inherit' });
}

function main(argv) {
  const options = { root: join(__dirname, '..'), install: true, schemas: true, name: undefined };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index];
    if (arg === '--root') options.root = argv[++index];
    else if (arg === '--no-install') options.install = false;
    else if (arg === '--no-schemas') options.schemas = false;
    else if (options.name === undefined) options.name = arg;
    else throw new NewAgencyError('NEW_AGENCY_USAGE', `unexpected argument "${arg}"; usage: npm run new:agency -- <name>`);
  }
  const names = validate(options.root, options.name);
  renderTemplate(options.root, names);
  register(options.root, names);
  format(options.root, [`subgraphs/${names.__name__}`, ...REGISTERED_IN]);
  process.stdout.write(`subgraphs/${names.__name__} created and registered\n`);
  if (options.install) run(options.root, 'npm', ['install', '--no-audit', '--no-fund']);
  run(
    options.root,
    join(options.root, 'node_modules', '.bin', 'drizzle-kit'),
    ['generate', '--config', 'drizzle.config.ts', '--name', 'init'],
    join(options.root, 'subgraphs', names.__name__),
  );
  if (options.schemas) run(options.root, 'npm', ['run', 'schema:generate']);
  process.stdout.write(
    `next: fill the policy's rule ids (RULE-ID-PLACEHOLDER), then npm run check and npm test -- subgraphs/${names.__name__}\n`,
  );
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof NewAgencyError)) throw error;
    process.stderr.write(`${error.code}: ${error.message}\n`);
    process.exit(2);
  }
}

module.exports = { main, namesOf, NewAgencyError };
