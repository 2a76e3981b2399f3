/**
 * Shares of a `node --cpu-prof` profile, for comparing the hot path before and after a change:
 * `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [lastSeconds] [skipEndSeconds]`.
 * Profile the app under wrk with `BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" npm run bench`
 * (the profile is written when the app stops); lastSeconds keeps only the end of the profile, so the
 * start-up (module loading, the demo school) does not dilute the load window. Prints self time by
 * package, inclusive time by package (each package once per stack) and self time by function, as
 * shares of the non-idle samples.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, last, skipEnd] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [lastSeconds] [skipEndSeconds]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const from = profile.endTime - Number(last ?? 1e9) * 1e6;
const to = profile.endTime - Number(skipEnd ?? 0) * 1e6;
const self = new Map<number, number>();
let time = profile.startTime;
profile.samples.forEach((id, i) => {
  time += profile.timeDeltas[i] ?? 0;
  if (time >= from && time <= to) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const pkg = (url: string): string => {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/dist/')) return `app:${url.split('/dist/')[1]!.split('/').slice(0, 3).join('/')}`;
  return url || '(native)';
};
const add = (map: Map<string, number>, key: string, value: number): void => void map.set(key, (map.get(key) ?? 0) + value);
const fnSelf = new Map<string, number>();
const pkgSelf = new Map<string, number>();
const inclusive = new Map<string, number>();
let busy = 0;
for (const n of profile.nodes) {
  const s = self.get(n.id) ?? 0;
  if (!s || n.callFrame.functionName === '(idle)') continue;
  busy += s;
  add(fnSelf, `${n.callFrame.functionName || '(anonymous)'} ${pkg(n.callFrame.url)}:${n.callFrame.lineNumber}`, s);
  add(pkgSelf, pkg(n.callFrame.url), s);
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const key = pkg(byId.get(id)!.callFrame.url);
    if (seen.has(key)) continue;
    seen.add(key);
    add(inclusive, key, s);
  }
}
const print = (title: string, map: Map<string, number>, count: number): void => {
  console.log(`--- ${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${((100 * v) / busy).toFixed(1).padStart(5)}% ${k}`);
};
console.log(`busy ${(busy / 1e6).toFixed(2)} s`);
print('self by package', pkgSelf, 25);
print('inclusive by package', inclusive, 30);
print('self by function', fnSelf, 40);
