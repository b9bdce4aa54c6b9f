import type { IncomingMessage, ServerResponse } from 'node:http';
export function serve(options: {
  root: string;
  prefix?: string;
  mounts?: Record<string, string>;
  routes?: Record<string, (req: IncomingMessage, res: ServerResponse) => void>;
}): Promise<{ origin: string; url: string; close: () => Promise<void> }>;
export const chromiumPath: string;
export const chromiumArgs: string[];
