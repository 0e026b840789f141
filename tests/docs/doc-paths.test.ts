/**
 * Keeps the project's documents true as the code moves: every repo path docs/*.md names in backticks and
 * every relative link must exist, every section a comment cites (`docs/DESIGN.md, "<section>"`) must be a
 * heading of that document, and nothing may cite the design or tooling notes without their docs/ folder.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const docsDir = join(root, 'docs');

/** Where a repo path in the docs starts: a top-level folder, or a file at the root. */
const TOP_FOLDERS = ['.ci', 'bench', 'client', 'cloudfunctions', 'data', 'database', 'docs', 'localcloud', 'shared', 'tests', 'tools'];
const ROOT_FILES = [
  'README.md',
  'package.json',
  'eslint.config.js',
  'jest.config.js',
  'project.config.json',
  'tsconfig.json',
  '.env',
  '.npmrc',
];

/** Placeholders and patterns (`functions/<name>/`, `*.repository.ts`, `…`) name no one file. */
const NOT_A_PATH = /[<>*{}$…\s]/;

/**
 * The repo paths a markdown text names in backticks: spans that start with a top-level folder or are a
 * root file; placeholders, globs, dotted setting names (`settings/routing`) and prose are skipped.
 */
export function repoPathsIn(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\n]+)`/g)].map((match) => (match[1] ?? '').trim());
  const paths = spans
    .filter((span) => !NOT_A_PATH.test(span))
    .map((span) => span.replace(/:\d+$/, '').replace(/[.,;:]+$/, ''))
    .filter((span) => ROOT_FILES.includes(span) || TOP_FOLDERS.some((folder) => span.startsWith(`${folder}/`)));
  return [...new Set(paths)];
}

/** The targets of a markdown text's relative links, without their `#anchor`; web and mail links skipped. */
export function relativeLinksIn(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^(https?:|mailto:|#)/.test(target))
    .map((target) => target.replace(/#.*$/, ''));
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The text of every heading (`#` to `####`) of a markdown text. */
export function headingsOf(markdown: string): string[] {
  return [...markdown.matchAll(/^#{1,4} +(.+?) *$/gm)].map((match) => match[1] ?? '');
}

/** Sections cited as `docs/DESIGN.md, "Routing a report"` (or TOOLING.md) in a source text, across a comment's line break. */
export function citedSectionsIn(text: string): { doc: string; section: string }[] {
  return [...text.matchAll(/docs\/(DESIGN|TOOLING)\.md,\s*(?:(?:\*|\/\/|#)\s*)?"([^"\n]+)"/g)].map((match) => ({
    doc: `${match[1]}.md`,
    section: match[2] ?? '',
  }));
}

/**
 * Files named from the repo root anywhere in a source text (`tools/web-server.ts`, a comment's
 * `shared/src/report/report.ts`). Relative paths, build output and placeholders are not names of this kind.
 */
export function rootPathsIn(text: string): string[] {
  const pattern = new RegExp(
    `(?<![\\w./-])(?:${TOP_FOLDERS.join('|').replace(/\./g, '\\.')})/[A-Za-z0-9_./-]+\\.(?:ts|tsx|js|mjs|cjs|json|md|geojson|scss|sh)\\b`,
    'g',
  );
  return [...new Set([...text.matchAll(pattern)].map((match) => match[0]).filter((path) => !path.includes('/dist/')))];
}

/** Mentions of the design or tooling notes that do not say where they are (`DESIGN.md` for `docs/DESIGN.md`). */
export function bareCitationsIn(text: string): string[] {
  // A markdown link that points into docs/ may say just the file's name: `[DESIGN.md](docs/DESIGN.md)`.
  const withoutDocLinks = text.replace(/\[[^\]\n]*\]\([^)\s]*docs\/(?:DESIGN|TOOLING)\.md[^)\s]*\)/g, '');
  return [...withoutDocLinks.matchAll(/(^|[^\w/.-])((?:DESIGN|TOOLING)\.md)/g)].map((match) => match[2] ?? '');
}

const docs = readdirSync(docsDir).filter((name) => name.endsWith('.md'));
const read = (path: string) => readFileSync(path, 'utf8');

/** Folders that hold no source of ours (installed, built, generated or data). */
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', '.localcloud', 'artifacts', 'coverage', 'data', 'docs']);
const SOURCE_FILE = /(\.(ts|tsx|js|mjs|cjs|json|md|scss|sh)|^\.env)$/;

/** Every source and documentation file outside docs/ (and outside this test's folder, whose texts are examples). */
function sourceFiles(dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) || path === __dirname ? [] : sourceFiles(path);
    return SOURCE_FILE.test(entry.name) && entry.name !== 'package-lock.json' ? [path] : [];
  });
}

describe('the documents under docs/', () => {
  it('finds the design and the tooling notes', () => {
    expect(docs).toEqual(expect.arrayContaining(['DESIGN.md', 'TOOLING.md']));
  });

  it.each(docs)('%s names only repo paths that exist', (name) => {
    const missing = repoPathsIn(read(join(docsDir, name))).filter((path) => !existsSync(join(root, path)));
    expect(missing).toEqual([]);
  });

  it.each(docs)('%s links only to files and sections that exist', (name) => {
    const text = read(join(docsDir, name));
    const missingFiles = relativeLinksIn(text).filter((target) => target !== '' && !existsSync(resolve(docsDir, target)));
    const anchors = new Set(headingsOf(text).map(anchorOf));
    const missingAnchors = [...text.matchAll(/\]\(#([^)]+)\)/g)].map((match) => match[1]).filter((anchor) => !anchors.has(anchor ?? ''));
    expect({ missingFiles, missingAnchors }).toEqual({ missingFiles: [], missingAnchors: [] });
  });

  it('has a heading for every section the code cites', () => {
    const headings = new Map(docs.map((name) => [name, new Set(headingsOf(read(join(docsDir, name))))]));
    const unknown = sourceFiles().flatMap((file) =>
      citedSectionsIn(read(file))
        .filter(({ doc, section }) => !headings.get(doc)?.has(section))
        .map(({ doc, section }) => `${relative(root, file)}: ${doc}, "${section}"`),
    );
    expect(unknown).toEqual([]);
  });

  it('leaves no comment or document naming a repo file that is gone', () => {
    // tests/architecture feeds the lint made-up files (`shared/src/x.ts`) on purpose.
    const files = sourceFiles().filter((file) => !relative(root, file).startsWith('tests/architecture/'));
    const gone = files.flatMap((file) =>
      rootPathsIn(read(file))
        .filter((path) => !existsSync(join(root, path)))
        .map((path) => `${relative(root, file)}: ${path}`),
    );
    expect(gone).toEqual([]);
  });

  it('is cited by its folder everywhere, never as a bare DESIGN.md or TOOLING.md', () => {
    const bare = sourceFiles().flatMap((file) => bareCitationsIn(read(file)).map((name) => `${relative(root, file)}: ${name}`));
    expect(bare).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const sample = [
    'The router is `shared/src/routing/route-report.ts`, the table `shared/src/report/gone.ts:12`,',
    'functions `cloudfunctions/src/functions/<name>/index.ts`, adapters `*.repository.ts`, the setting',
    '`settings/routing`, the root `README.md`, a folder `client/src/transport/`. See [tools](../TOOLING.md#x)',
    'and [a section](#where-to-find-it).',
  ].join('\n');

  it('picks repo paths out of backticks, and skips placeholders, globs and setting names', () => {
    expect(repoPathsIn(sample)).toEqual([
      'shared/src/routing/route-report.ts',
      'shared/src/report/gone.ts',
      'README.md',
      'client/src/transport/',
    ]);
  });

  it('reports a named path that does not exist', () => {
    expect(repoPathsIn(sample).filter((path) => !existsSync(join(root, path)))).toEqual(['shared/src/report/gone.ts']);
  });

  it('reads relative links without their anchors, and headings as GitHub anchors', () => {
    expect(relativeLinksIn(sample)).toEqual(['../TOOLING.md']);
    expect(anchorOf('Where to find it')).toBe('where-to-find-it');
    expect(anchorOf('wx-server-sdk / CloudBase')).toBe('wx-server-sdk--cloudbase');
    expect(anchorOf('A report’s life (案卷闭环)')).toBe('a-reports-life-案卷闭环');
  });

  it('finds repo-rooted file names, and skips relative imports and build output', () => {
    const source =
      "// see tools/web-server.ts and tests/e2e/helpers/h5-server.ts, not '../../shared/src/index.ts' or cloudfunctions/dist/me/index.js";
    expect(rootPathsIn(source)).toEqual(['tools/web-server.ts', 'tests/e2e/helpers/h5-server.ts']);
    expect(rootPathsIn(source).filter((path) => !existsSync(join(root, path)))).toEqual(['tests/e2e/helpers/h5-server.ts']);
  });

  it('finds cited sections and bare citations', () => {
    const source =
      '// see docs/DESIGN.md, "Routing a report" and DESIGN.md, and (TOOLING.md) but not docs/TOOLING.md nor [DESIGN.md](docs/DESIGN.md)';
    expect(citedSectionsIn(source)).toEqual([{ doc: 'DESIGN.md', section: 'Routing a report' }]);
    expect(citedSectionsIn(' * docs/TOOLING.md,\n * "Tests": the flags')).toEqual([{ doc: 'TOOLING.md', section: 'Tests' }]);
    expect(bareCitationsIn(source)).toEqual(['DESIGN.md', 'TOOLING.md']);
  });
});
