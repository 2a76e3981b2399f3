import { plainToInstance } from 'class-transformer';
import { NILAI_RECORD } from '../src/nilai/nilai.record';
import { compileValidator } from '../src/common/http/validation-compiled';
const v = compileValidator(NILAI_RECORD.createDto)!;
const fields = ['matematika','bahasa_indonesia','bahasa_inggris','bahasa_jawa','ipa','agama','pjok','pkn','sejarah','seni','dasar_kejuruan'];
const rows: any[] = [];
for (let i = 1; i <= 100000; i++) { const plain: any = { siswa_id: i, semester: 'Ganjil', tahun_ajaran: '2023/2024' }; for (const f of fields) plain[f] = 50 + (i % 50) + 0.5; rows.push(plain); }
function time(label: string, f: (p: any) => unknown) { const t0 = process.cpuUsage(); for (const r of rows) f(r); const t = process.cpuUsage(t0); console.log(label, ((t.user + t.system) / 1e6).toFixed(2)); }
for (let rep = 0; rep < 2; rep++) {
time('plainToInstance', (p) => plainToInstance(NILAI_RECORD.createDto, p));
const inst = rows.map((p) => plainToInstance(NILAI_RECORD.createDto, p));
let i = 0; time('compiled validate', () => v(inst[i++]));
i = 0; time('prepare', () => NILAI_RECORD.prepare(inst[i++]));
}
