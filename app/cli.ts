/**
 * `lectern` on the command line: the same core as the app, headless, on files.
 * Each subcommand lives in app/cli/<name>.ts and returns an exit code; errors are printed as
 * one line on stderr, never a stack trace.
 */

/** A subcommand: gets its arguments (after the command name), returns the exit code. */
export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Where a command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
}

// Each command is loaded when it runs, so `lectern refs` never loads pdf.js or citation-js.
const commands: Record<string, { run: Command; summary: string }> = {
  read: { run: async (args, io) => (await import('./cli/read')).readCommand(args, io), summary: 'read FILE [--json]   parse a document and print its metadata and blocks' },
  refs: { run: async (args, io) => (await import('./cli/refs')).refsCommand(args, io), summary: 'refs [FILE]          parse reference strings (one per line) into CSL-JSON' },
  citations: { run: async (args, io) => (await import('./cli/citations')).citationsCommand(args, io), summary: 'citations FILE       in-text citations and the reference list, linked, as JSON' },
  cite: { run: async (args, io) => (await import('./cli/cite')).citeCommand(args, io), summary: 'cite FILE... [--format F] [--self]   export the works cited (csl-json, bibtex, biblatex, ris, apa, mla, chicago)' },
  check: { run: async (args, io) => (await import('./cli/check')).checkCommand(args, io), summary: 'check DRAFT --library FILE... [--style S] [--markdown]   quotations and citations of a draft checked against the library, as JSON' },
};

const usage = ['usage: lectern <command> [options]', '', ...Object.values(commands).map((c) => '  ' + c.summary)].join('\n');

/** Process-level IO. */
export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** Entry point: returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout(usage + '\n');
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`lectern: unknown command "${name}" (try: ${Object.keys(commands).join(', ')})\n`);
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`lectern ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
