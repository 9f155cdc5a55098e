import type { Command } from '../cli';

/** Placeholder until the reference parser lands. */
export const refsCommand: Command = async (_args, io) => {
  io.stderr('lectern refs: not available yet\n');
  return 1;
};
