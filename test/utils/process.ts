import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { startNodeFlags } from '../../scripts/start-command';

export const ROOT = resolve(__dirname, '..', '..');

/** Builds dist/ once (incremental) so tests can run the app exactly as `npm start` does. */
export function buildApp(): void {
  execFileSync(process.execPath, [resolve(ROOT, 'scripts', 'build-if-needed.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

export interface RunningApp {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * Starts the built app with the given environment (DATABASE_URL removed unless given): as `npm start`
 * runs it (package.json), or through `npm start` itself with `viaNpm`.
 */
export function startApp(env: Record<string, string>, options: { viaNpm?: boolean } = {}): RunningApp {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const [command, args] = options.viaNpm
    ? ['npm', ['start', '--silent']]
    : [process.execPath, [...startNodeFlags(), resolve(ROOT, 'dist', 'src', 'main.js')]];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...inherited, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/** Resolves when the output contains the pattern; rejects on exit or timeout with the output so far. */
export async function waitForOutput(app: RunningApp, pattern: RegExp, timeoutMs = 30000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void app.exited.then(() => (exited = true));
  while (!pattern.test(app.output())) {
    if (exited) throw new Error(`process exited before ${pattern}:\n${app.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${app.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** PIDs of PostgreSQL server processes whose command line names the data directory. */
export function postgresProcessesFor(dataDir: string): number[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((line) => line.includes('postgres') && line.includes(dataDir))
    .map((line) => Number.parseInt(line.trim(), 10));
}
