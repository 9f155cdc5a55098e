import type { Command } from '../cli';

/** Placeholder until the text importer lands. */
export const readCommand: Command = async (_args, io) => {
  io.stderr('lectern read: not available yet\n');
  return 1;
};
