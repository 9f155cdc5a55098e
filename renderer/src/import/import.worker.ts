/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { openChannel } from '../workers/channel';
import { importHandlers } from './import-jobs';
import type { ImportUiProtocol, ImportWorkerProtocol } from './protocol';

// Parsing runs here, off the UI thread; the worker writes to the same IndexedDB as the UI.
openChannel<ImportUiProtocol, ImportWorkerProtocol>(self, importHandlers(openLecternDb()));
