// `npm start` builds only when a source file is newer than the last build, so a restart is instant.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const output = join(root, 'dist', 'src', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    // .json: the message catalogues (src/i18n) are part of the build too.
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = Math.max(statSync(join(root, 'ormconfig.ts')).mtimeMs, ...['src', 'migrations', 'scripts'].map((dir) => newestMtime(join(root, dir))));
if (!existsSync(output) || statSync(output).mtimeMs < sources) {
  process.stdout.write('Building EduPro API…\n');
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  // tsc (incremental) leaves main.js untouched when main.ts did not change: mark the build as done,
  // or every later start would build again.
  const now = new Date();
  utimesSync(output, now, now);
}
