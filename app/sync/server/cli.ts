/**
 * `npm run sync-server`: starts the sync server, or adds a library and prints its token.
 *   npm run sync-server -- [--port 8787] [--data ./sync-data] [--host 127.0.0.1] [--library NAME]...
 *   npm run sync-server -- --add-library NAME [--data ./sync-data]
 * LECTERN_SYNC_LIBRARIES=name:token,... admits libraries with known tokens (scripted starts).
 * Prints `Lectern sync server listening on ws://HOST:PORT` once listening; an error is one
 * sentence on stderr and exit code 1.
 */
import { resolve } from 'node:path';
import { addLibraries, isLibraryName, newToken, readLibraries } from './libraries';
import { DEFAULT_HOST, DEFAULT_PORT, prepareDataDir, startSyncServer, SyncServerError, type RunningSyncServer } from './sync-server';

export const USAGE = `Usage:
  npm run sync-server -- [--port 8787] [--data ./sync-data] [--host 127.0.0.1] [--library NAME]...
  npm run sync-server -- --add-library NAME [--data ./sync-data]

  --port N            the port to listen on (0: any free port); default ${DEFAULT_PORT}
  --host H            the address to listen on; default ${DEFAULT_HOST} (this machine only)
  --data DIR          where the server keeps lectern-sync.sqlite and libraries.json; default ./sync-data
  --library NAME      admit the library NAME, creating its token (printed once) when it is new
  --add-library NAME  create a new token for the library NAME, print it once, and exit
  --max-blob-mb N     the largest file a library may upload, in MB; default 200

  LECTERN_SYNC_LIBRARIES=name:token,...  admits libraries with the given tokens`;

export interface CliArgs {
  port: number;
  host: string;
  dataDir: string;
  libraries: string[];
  addLibrary: string | null;
  maxBlobBytes: number | undefined;
  help: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[], cwd = process.cwd()): CliArgs {
  const args: CliArgs = {
    port: DEFAULT_PORT,
    host: DEFAULT_HOST,
    dataDir: resolve(cwd, 'sync-data'),
    libraries: [],
    addLibrary: null,
    maxBlobBytes: undefined,
    help: false,
  };
  for (let index = 0; index < argv.length; index += 1) {
    const flag = argv[index] ?? '';
    const [name, inline] = flag.startsWith('--') && flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = (): string => {
      const next = inline ?? argv[(index += 1)];
      if (next === undefined || next === '') throw new UsageError(`${name} needs a value.`);
      return next;
    };
    switch (name) {
      case '--help':
      case '-h':
        args.help = true;
        break;
      case '--port': {
        const text = value();
        const port = Number(text);
        if (!/^\d+$/.test(text) || port > 65535) throw new UsageError(`“${text}” is not a port number (0 to 65535).`);
        args.port = port;
        break;
      }
      case '--host':
        args.host = value();
        break;
      case '--data':
        args.dataDir = resolve(cwd, value());
        break;
      case '--library':
        args.libraries.push(libraryName(value()));
        break;
      case '--add-library':
        args.addLibrary = libraryName(value());
        break;
      case '--max-blob-mb': {
        const text = value();
        const megabytes = Number(text);
        if (!Number.isFinite(megabytes) || megabytes <= 0) throw new UsageError(`“${text}” is not a size in MB.`);
        args.maxBlobBytes = Math.floor(megabytes * 1024 * 1024);
        break;
      }
      default:
        throw new UsageError(`Unknown option “${flag}”. Run npm run sync-server -- --help for the options.`);
    }
  }
  return args;
}

function libraryName(name: string): string {
  if (!isLibraryName(name)) {
    throw new UsageError(
      `“${name.slice(0, 80)}” cannot name a library: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.`,
    );
  }
  return name;
}

/** LECTERN_SYNC_LIBRARIES=name:token,... */
export function librariesFromEnv(text: string | undefined): Record<string, string> {
  const libraries: Record<string, string> = {};
  for (const item of (text ?? '').split(',')) {
    const trimmed = item.trim();
    if (!trimmed) continue;
    const colon = trimmed.indexOf(':');
    if (colon <= 0 || colon === trimmed.length - 1) {
      throw new UsageError('LECTERN_SYNC_LIBRARIES lists name:token pairs separated by commas.');
    }
    libraries[libraryName(trimmed.slice(0, colon))] = trimmed.slice(colon + 1);
  }
  return libraries;
}

export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

const defaultIo: CliIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  env: process.env,
  cwd: process.cwd(),
};

function tokenLine(name: string, token: string): string {
  return `Token for the library “${name}” (shown only this once; give it to the students who share the library): ${token}`;
}

/**
 * Runs the command. Resolves with an exit code for a command that ends (help, --add-library,
 * an error), or with the running server.
 */
export async function runCli(argv: readonly string[], io: CliIo = defaultIo): Promise<number | RunningSyncServer> {
  let args: CliArgs;
  let envLibraries: Record<string, string>;
  try {
    args = parseArgs(argv, io.cwd);
    envLibraries = librariesFromEnv(io.env.LECTERN_SYNC_LIBRARIES);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  try {
    if (args.addLibrary) {
      prepareDataDir(args.dataDir);
      const existed = Object.hasOwn(readLibraries(args.dataDir), args.addLibrary);
      const token = newToken();
      addLibraries(args.dataDir, { [args.addLibrary]: token });
      if (existed) io.out(`The library “${args.addLibrary}” had a token: it is replaced, and the old one no longer works.`);
      io.out(tokenLine(args.addLibrary, token));
      return 0;
    }
    prepareDataDir(args.dataDir);
    const known = readLibraries(args.dataDir);
    const created: Record<string, string> = {};
    for (const name of args.libraries) {
      if (!Object.hasOwn(known, name) && !Object.hasOwn(envLibraries, name)) created[name] = newToken();
    }
    const server = await startSyncServer({
      port: args.port,
      host: args.host,
      dataDir: args.dataDir,
      libraries: { ...envLibraries, ...created },
      maxBlobBytes: args.maxBlobBytes,
    });
    for (const [name, token] of Object.entries(created)) io.out(tokenLine(name, token));
    if (Object.keys(readLibraries(args.dataDir)).length === 0) {
      io.err(`No library is set up yet: add one with npm run sync-server -- --add-library NAME --data ${args.dataDir}`);
    }
    io.out(`Lectern sync server listening on ${server.url}`);
    return server;
  } catch (error) {
    if (error instanceof SyncServerError) io.err(error.message);
    else io.err(`The sync server stopped: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
