/// <reference lib="webworker" />
import { openLecternDb } from '../../../app/store/db';
import { noteToPlainText } from '../notes/note-text';
import { openChannel } from '../workers/channel';
import { searchHandlers } from './search-handlers';
import type { SearchUiProtocol, SearchWorkerProtocol } from './search-protocol';

// The library's search index lives here: built, updated, saved and searched off the UI thread.
openChannel<SearchUiProtocol, SearchWorkerProtocol>(self, searchHandlers((name) => openLecternDb({ name }), noteToPlainText));
