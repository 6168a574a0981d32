import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/project-root';

const root = projectRoot();

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const read = (p: string) => readFileSync(join(root, p), 'utf8');

describe('static security checks (Electron security checklist)', () => {
  it('only main/electron/ imports electron (checklist 20: Electron APIs stay in main and the preload)', () => {
    const offenders = [...sources('main'), ...sources('shared'), ...sources('renderer')].filter(
      (p) => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(read(p)) && !/^main\/electron\//.test(relative('.', p)),
    );
    expect(offenders).toEqual([]);
  });

  it('the AGPL IAM simulator used as a test oracle is never imported by the product (it is a devDependency, never bundled)', () => {
    const offenders = [...sources('main'), ...sources('shared'), ...sources('renderer')].filter((p) => read(p).includes('@cloud-copilot/'));
    expect(offenders).toEqual([]);
    const pkg = JSON.parse(read('package.json')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
    expect(Object.keys(pkg.dependencies ?? {}).filter((d) => d.startsWith('@cloud-copilot/'))).toEqual([]);
    expect(Object.keys(pkg.devDependencies ?? {})).toContain('@cloud-copilot/iam-simulate');
  });

  it('the preload exposes one object and never ipcRenderer itself or a page-chosen channel (checklist 20)', () => {
    const preload = read('main/electron/preload/preload.ts').replace(/^import .*$/gm, '');
    expect(preload.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer\b/);
    expect(preload).not.toMatch(/ipcRenderer\.(invoke|send|on)\(\s*channel\b/);
    expect(preload).not.toMatch(/\bipcRenderer\s*[,}]/);
  });

  it('the renderer uses no eval, new Function, innerHTML or webview (checklist 7, 11, 12)', () => {
    for (const p of sources('renderer')) {
      const text = read(p);
      expect(text, p).not.toMatch(/\beval\(|new Function\(|dangerouslySetInnerHTML|\.innerHTML\s*=|<webview|allowpopups/);
    }
  });

  it('index.html carries the CSP meta tag and no inline script (checklist 7)', () => {
    const html = read('renderer/index.html');
    expect(html).toMatch(/<meta\s+http-equiv="Content-Security-Policy"/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('no window option turns on Node integration, blink features or experimental features anywhere (checklist 2, 9, 10)', () => {
    for (const p of sources('main')) {
      const text = read(p);
      expect(text, p).not.toMatch(
        /nodeIntegration:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|enableBlinkFeatures|experimentalFeatures:\s*true|allowRunningInsecureContent:\s*true/,
      );
    }
  });

  it('the lint rule refuses an electron import outside main/electron/ and a main/ import from the renderer', async () => {
    const eslint = new ESLint({ cwd: root });
    const [shared] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", { filePath: join(root, 'shared/bad.ts') });
    expect(shared?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const [renderer] = await eslint.lintText("import { handlers } from '../../main/api/handlers';\nexport const h = handlers;\n", {
      filePath: join(root, 'renderer/src/bad.ts'),
    });
    expect(renderer?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    const [shell] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", { filePath: join(root, 'main/electron/bad.ts') });
    expect(shell?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });

  it.each(['aws', 'steps', 'store', 'livetest', 'diagnostics', 'export', 'handoff'])(
    'the lint rule refuses an import of main/api from main/%s (features never import the API layer)',
    async (folder) => {
      const eslint = new ESLint({ cwd: root });
      const code = "import type { HandlerContext } from '../api/handler-context';\nexport type C = HandlerContext;\n";
      const [bad] = await eslint.lintText(code, { filePath: join(root, `main/${folder}/bad.ts`) });
      expect(bad?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
      const [electron] = await eslint.lintText("import { app } from 'electron';\nexport const x = app;\n", { filePath: join(root, `main/${folder}/bad.ts`) });
      expect(electron?.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
      const [api] = await eslint.lintText(code, { filePath: join(root, 'main/cli/ok.ts') });
      expect(api?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
    },
  );
});
