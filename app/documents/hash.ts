/** Document identity: the SHA-256 of the original bytes, so re-importing a file finds the same document. */

/** Hex SHA-256 of `bytes`, via Web Crypto (available in Node, workers and the renderer). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // Copy into a plain ArrayBuffer: digest() rejects views over SharedArrayBuffer.
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(bytes));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
