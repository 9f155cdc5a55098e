import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// Lints probe sources as if they lived in each layer, through the project's real ESLint config.
// The probes exist only in memory, so the type-aware parser is told to give them a default project.
const probes = ['app/documents/probe.ts', 'main/probe.ts', 'renderer/src/probe.ts'];
const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfig: { languageOptions: { parserOptions: { projectService: { allowDefaultProject: probes } } } },
});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', { timeout: 60_000 }, () => {
  it.each([
    ["import { app } from 'electron';", 'electron'],
    ["import { useState } from 'react';", 'react'],
    ["import { createEditor } from 'lexical';", 'lexical'],
    ["import { LinkNode } from '@lexical/link';", '@lexical/link'],
    ["import { App } from '../../renderer/src/App';", 'renderer/'],
    ["import { createMainWindow } from '../../main/window';", 'main/'],
    ["import { parseHTML } from 'linkedom';", 'linkedom'],
  ])('app/ may not %s', async (code) => {
    expect(await restrictedImports('app/documents/probe.ts', `${code}\nexport {};\n`)).toHaveLength(1);
  });

  it('app/ may import its own modules and pure packages', async () => {
    expect(await restrictedImports('app/documents/probe.ts', "import { z } from 'zod';\nimport type { Block } from './model';\nexport type X = Block;\nexport const s = z.string();\n")).toEqual([]);
  });

  it('main/ may not import renderer/', async () => {
    expect(await restrictedImports('main/probe.ts', "import { App } from '../renderer/src/App';\nexport {};\n")).toHaveLength(1);
  });

  it('renderer/ may not import electron or main/ at run time', async () => {
    expect(await restrictedImports('renderer/src/probe.ts', "import { ipcRenderer } from 'electron';\nexport {};\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/probe.ts', "import { x } from '../../main/ipc';\nexport {};\n")).toHaveLength(1);
  });

  it('renderer/ may not use Dexie directly, only app/store repositories', async () => {
    expect(await restrictedImports('renderer/src/probe.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/probe.ts', "import { listDocuments } from '../../app/store/documents-repo';\nexport const l = listDocuments;\n")).toEqual([]);
  });

  it('renderer/ sanitizes HTML with the browser DOM, never jsdom or linkedom', async () => {
    expect(await restrictedImports('renderer/src/probe.ts', "import { JSDOM } from 'jsdom';\nexport const j = JSDOM;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/probe.ts', "import { nodeImportContext } from '../../app/documents/html/sanitize-node';\nexport const n = nodeImportContext;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/probe.ts', "import { parseHTML } from 'linkedom';\nexport const p = parseHTML;\n")).toHaveLength(1);
    expect(await restrictedImports('renderer/src/probe.ts', "import { createHtmlSanitizer } from '../../app/documents/html/sanitize';\nexport const c = createHtmlSanitizer;\n")).toEqual([]);
  });

  it('renderer/ may import electron and main/ types', async () => {
    const code = "import type { IpcRenderer } from 'electron';\nimport type { X } from '../../main/ipc';\nexport type Y = [IpcRenderer, X];\n";
    expect(await restrictedImports('renderer/src/probe.ts', code)).toEqual([]);
  });
});
