import type { Command } from '../cli';

/** Placeholder until in-text citation finding lands. */
export const citationsCommand: Command = async (_args, io) => {
  io.stderr('lectern citations: not available yet\n');
  return 1;
};
