/**
 * The tools' configuration, read in this one place: `.env` (committed defaults), then `.env.local`
 * (yours, git-ignored); a variable already set in the environment wins over both.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..');

export function toolsEnv(): NodeJS.ProcessEnv {
  const before = { ...process.env };
  for (const file of ['.env.local', '.env']) {
    const path = join(repoRoot, file);
    // loadEnvFile never overwrites a variable that is already set, so reading .env.local first gives it priority.
    if (existsSync(path)) process.loadEnvFile(path);
  }
  return { ...process.env, ...before };
}

export function webPort(env: NodeJS.ProcessEnv): number {
  const port = Number(env.WEB_PORT ?? 10086);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`WEB_PORT must be a port number, not ${env.WEB_PORT}`);
  return port;
}
