/**
 * The import, run in a worker thread with a memory limit (see import-in-worker.ts): reads the
 * file it is given and posts back the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { nodeImportContext } from '../documents/html/sanitize-node';
import { importFile } from '../documents/import';

const { fileName, bytes } = workerData as { fileName: string; bytes: Uint8Array };
parentPort?.postMessage(await importFile(fileName, bytes, nodeImportContext()));
