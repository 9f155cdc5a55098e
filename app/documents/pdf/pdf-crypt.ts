/**
 * Decrypting the streams of an encrypted PDF for the stream scan. Not written yet: the streams
 * of an encrypted file are measured as they are stored, which finds no bomb inside them.
 */
import type { StreamDecryptor } from './pdf-stream-scan';

/** A decryptor for the file's streams, or undefined when the file is not encrypted (or not yet readable here). */
export function streamDecryptor(_src: string): Promise<StreamDecryptor | undefined> {
  return Promise.resolve(undefined);
}
