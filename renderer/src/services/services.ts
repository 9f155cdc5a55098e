/**
 * Everything the renderer's components and actions reach outside themselves, in one object: the
 * store, the search index, the platform, the notices, the commands and the UI state. The app
 * creates it once at start (main.tsx) and provides it through React context (context.tsx); a test
 * creates its own over a fresh database (test-support.ts), so each part can be tested alone.
 */
import type { LecternDb } from '../../../app/store/db';
import type { Platform } from '../../platform';
import { SearchService } from '../search/search-service';
import { createCommands, type Commands } from './commands';
import { createNoticeBoard, type NoticeBoard } from './notices';
import { createUiStore, type UiStorage, type UiStore } from './ui-store';

/** The renderer's services. */
export interface Services {
  /** The renderer's one connection to the store (workers open their own). */
  readonly database: LecternDb;
  /** The search index over that store. */
  readonly search: SearchService;
  /** Files, exports, links and menu commands: Electron or the web. */
  readonly platform: Platform;
  /** Messages to the student. */
  readonly notices: NoticeBoard;
  /** Requests between parts of the UI, handled by the workspace. */
  readonly commands: Commands;
  /** UI state several components share. */
  readonly ui: UiStore;
}

/** What services are made from; the rest is created fresh. */
export interface ServiceParts {
  database: LecternDb;
  platform: Platform;
  notices?: NoticeBoard;
  /** Where the UI remembers its view; none in tests unless given. */
  storage?: UiStorage | null;
}

/** Builds the services over a database and a platform. */
export function createServices({ database, platform, notices = createNoticeBoard(), storage = null }: ServiceParts): Services {
  const ui = createUiStore(storage);
  return { database, search: new SearchService(database), platform, notices, commands: createCommands(ui), ui };
}
