import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A clone of the repository carries its own rules (docs/rules.md) and the description of its
// API (docs/api.md): every link of the README and the docs, and every docs/… file a comment or
// a test names, must lead to a file inside the repository, and nothing may point outside it.

const root = resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && existsSync(join(root, f)));
const markdown = tracked.filter((f) => f.endsWith('.md'));
const text = tracked.filter(
  (f) => /\.(ts|tsx|mjs|js|css|md|json|html)$/.test(f) && !f.endsWith('package-lock.json'),
);

const inside = (path: string) => {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..');
};

describe('links stay inside the repository', () => {
  it('finds the README and the docs', () => {
    expect(markdown).toContain('README.md');
    expect(markdown).toContain('docs/rules.md');
    expect(markdown).toContain('docs/api.md');
  });

  it('every relative link of the README and the docs resolves to a file of the repository', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      const body = readFileSync(join(root, file), 'utf8');
      for (const m of body.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = m[1]!;
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const path = resolve(root, dirname(file), decodeURI(target.split('#')[0]!));
        if (!inside(path) || !existsSync(path)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every docs/… file named in the code, the tests or the docs exists', () => {
    const missing: string[] = [];
    for (const file of text) {
      const body = readFileSync(join(root, file), 'utf8');
      for (const m of body.matchAll(/\bdocs\/[A-Za-z0-9._/-]+\.md\b/g))
        if (!existsSync(join(root, m[0]))) missing.push(`${file}: ${m[0]}`);
    }
    expect(missing).toEqual([]);
  });

  it('nothing points at rules kept outside the repository', () => {
    const outside: string[] = [];
    for (const file of text) {
      if (file === 'tests/repository/links.test.ts') continue;
      const body = readFileSync(join(root, file), 'utf8');
      if (/\b(DOMAIN|CONTRACT|STYLE)\.md\b|\.\.\/shared\/(seeds|DOMAIN|CONTRACT)|\bseeds\/0/.test(body))
        outside.push(file);
    }
    expect(outside).toEqual([]);
  });
});
