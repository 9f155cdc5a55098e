import type { Server } from 'node:http';

/** Serves `root` on 127.0.0.1; port 0 picks a free port. */
export function startStaticServer(root: string, port?: number): Promise<{ server: Server; url: string }>;

/** The decoded path of a request URL, or undefined when it cannot be decoded. */
export function requestPath(url: string | undefined): string | undefined;
