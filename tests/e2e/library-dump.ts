import type { Page } from 'playwright-core';

/** Every table of the library but the caches (search index, rendered entries), rows in key order, as plain data. */
export type LibraryDump = Record<string, unknown[]>;

/**
 * Reads the app's IndexedDB directly (not through the app), so a test sees exactly what is
 * stored. Blobs and byte arrays become their media type, size and SHA-256: two dumps are equal
 * when every row and every original's bytes are.
 */
export function libraryDump(page: Page): Promise<LibraryDump> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('lectern');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('cannot open the library'));
    });
    const hex = async (bytes: ArrayBuffer) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
    const plain = async (value: unknown): Promise<unknown> => {
      if (value instanceof Blob) return { blob: value.type, size: value.size, sha256: await hex(await value.arrayBuffer()) };
      if (value instanceof Uint8Array) return { bytes: value.length, sha256: await hex(value.slice().buffer) };
      if (Array.isArray(value)) return Promise.all(value.map(plain));
      if (value && typeof value === 'object') {
        const out: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(value)) out[key] = await plain(inner);
        return out;
      }
      return value;
    };
    // Caches are rebuilt on demand and left out of backups.
    const names = [...db.objectStoreNames].filter((name) => name !== 'searchIndex' && name !== 'renderedEntries');
    const rows = await new Promise<Record<string, unknown[]>>((resolve, reject) => {
      const tx = db.transaction(names, 'readonly');
      const out: Record<string, unknown[]> = {};
      for (const name of names) {
        const request = tx.objectStore(name).getAll();
        request.onsuccess = () => (out[name] = request.result as unknown[]);
      }
      tx.oncomplete = () => resolve(out);
      tx.onerror = () => reject(tx.error ?? new Error('cannot read the library'));
    });
    db.close();
    const dump: Record<string, unknown[]> = {};
    for (const name of names) dump[name] = (await plain(rows[name])) as unknown[];
    return dump;
  });
}

/** Rows per table. */
export function rowCounts(dump: LibraryDump): Record<string, number> {
  return Object.fromEntries(Object.entries(dump).map(([name, rows]) => [name, rows.length]));
}
