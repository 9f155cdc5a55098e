import type { Command } from '../cli';

/** Placeholder until export lands. */
export const citeCommand: Command = async (_args, io) => {
  io.stderr('lectern cite: not available yet\n');
  return 1;
};
