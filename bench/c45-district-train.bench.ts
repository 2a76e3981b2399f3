/**
 * `npx tsx bench/c45-district-train.bench.ts [rows]`: the training worker's work (buildModel: tree,
 * 10-fold CV, reports) on an in-memory set of the district's shape (the default features rata_rata,
 * kategori_penghasilan, kategori_kehadiran; label prestasi; groups jenis_kelamin, kategori_penghasilan),
 * generated the way bench/scale/district-data.ts derives them. No database, so the learner's time and
 * heap are measured on their own. Run under the worker's cap to see whether it fits:
 *   node --max-old-space-size=1536 --import tsx bench/c45-district-train.bench.ts 1800000
 * Prints phase times (CPU ms of this process) and the heap after each phase.
 */
import { getHeapStatistics } from 'node:v8';
import { createDataset, crossValidate, trainC45 } from '../src/prediksi/c45';
import { createRng } from '../src/prediksi/demo/prng';
import { buildModel, DEFAULT_BUILD_OPTIONS } from '../src/prediksi/domain/model-builder';
const GROUP_ORDERS = { jenis_kelamin: ['L', 'P'], kategori_penghasilan: ['Rendah', 'Menengah', 'Tinggi'] };

const ROWS = Number(process.argv[2] ?? 1_800_000);
const SEMESTERS = 6;

/** The district generator's student traits and per-semester draws (bench/scale/district-data.ts). */
function districtSet(rows: number) {
  const round2 = (v: number): number => Math.round(v * 100) / 100;
  const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
  const rata = new Array<number>(rows);
  const income = new Array<string>(rows);
  const hadir = new Array<string>(rows);
  const label = new Array<string>(rows);
  const gender = new Array<string>(rows);
  for (let i = 0; i < rows; i++) {
    const siswa = Math.floor(i / SEMESTERS) + 1;
    const t = createRng(siswa * 7919);
    const ability = 55 + t() * 40;
    const diligence = 0.7 + t() * 0.3;
    const total = Math.round(800_000 + t() * t() * 12_000_000);
    const rn = createRng(i * 31 + 17);
    let sum = 0;
    for (let s = 0; s < 11; s++) sum += round2(clamp(ability + (rn() - 0.5) * 20, 0, 100));
    rata[i] = round2(sum / 11);
    const rp = createRng(i * 37 + 17);
    const pct = round2((Math.round(110 * clamp(diligence + (rp() - 0.5) * 0.1, 0.5, 1)) / 110) * 100);
    hadir[i] = pct >= 80 ? 'Tinggi' : pct >= 75 ? 'Sedang' : 'Rendah';
    income[i] = total >= 5_000_000 ? 'Tinggi' : total >= 2_300_000 ? 'Menengah' : 'Rendah';
    const rl = createRng(i * 41 + 17);
    const score = ability + (diligence - 0.85) * 60 + Math.log10(total / 2_000_000) * 5 + (rl() - 0.5) * 12;
    label[i] = score >= 82 ? 'Tinggi' : score >= 68 ? 'Sedang' : 'Rendah';
    gender[i] = createRng(siswa)() < 0.5 ? 'L' : 'P';
  }
  const dataset = createDataset({
    relation: 'prestasi_siswa',
    features: [
      { name: 'rata_rata', type: 'numeric', values: rata },
      { name: 'kategori_penghasilan', type: 'nominal', values: income, domain: ['Rendah', 'Menengah', 'Tinggi'] },
      { name: 'kategori_kehadiran', type: 'nominal', values: hadir, domain: ['Rendah', 'Sedang', 'Tinggi'] },
    ],
    target: { name: 'prestasi', values: label, domain: ['Rendah', 'Sedang', 'Tinggi'] },
  });
  return { dataset, groups: { jenis_kelamin: gender, kategori_penghasilan: income } };
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const heapMb = (): number => Math.round(getHeapStatistics().used_heap_size / 2 ** 20);

function phase<T>(name: string, f: () => T): T {
  const c0 = cpuMs();
  const w0 = performance.now();
  const out = f();
  console.log(`${name.padEnd(22)} cpu ${(cpuMs() - c0).toFixed(0).padStart(7)} ms  wall ${(performance.now() - w0).toFixed(0).padStart(7)} ms  heap ${heapMb()} MB  rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
  return out;
}

const { dataset, groups } = phase(`generate ${ROWS}`, () => districtSet(ROWS));
const mode = process.argv[3] ?? 'model';
if (mode === 'parts') {
  phase('tree', () => trainC45(dataset, {}));
  phase('cv 10-fold', () => crossValidate(dataset, {}, 10, 1, { bothLeafEstimates: true }));
} else {
  const model = phase('buildModel', () => buildModel(dataset, DEFAULT_BUILD_OPTIONS, groups, GROUP_ORDERS));
  console.log(`tree ${model.size.numLeaves} leaves / ${model.size.size} nodes; cv accuracy ${model.cv.accuracy}; heap peak-ish ${heapMb()} MB`);
}
