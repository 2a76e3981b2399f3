import { EventWriter } from '../src/events/event-writer.service';
import { SUBJECT_FIELDS } from '../src/nilai/nilai-subjects';
import { type ApiClient, clientAs, makeNilai, makeSiswa } from './factories/records';
import { queryDb } from './utils/events';
import { createTestApp, type TestApp } from './utils/test-app';

/** The eleven subjects, from their one source. */
const SUBJECTS = SUBJECT_FIELDS;

type Nilai = Record<string, unknown> & { id: number };

/** Concurrent partial updates of one row (RecordsEngine.update holds the row's lock from read to write). */
describe('Concurrent partial updates (e2e)', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await clientAs(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('many PUTs in parallel, each changing another subject of one nilai row: every change survives', async () => {
    const siswa = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body as { id: number };
    const initial = (await admin.post('/api/nilai').send(makeNilai(siswa.id)).expect(201)).body as Nilai;

    for (let round = 1; round <= 3; round++) {
      const values = SUBJECTS.map((_, i) => 10 * round + i);
      const responses = await Promise.all(
        SUBJECTS.map((subject, i) =>
          admin
            .put(`/api/nilai/${initial.id}`)
            .set('X-Request-Id', `lock-${initial.id}-${round}-${subject}`)
            .send({ [subject]: values[i] }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(SUBJECTS.map(() => 200));
      const stored = (await admin.get(`/api/nilai/${initial.id}`).expect(200)).body as Nilai;
      expect(SUBJECTS.map((s) => stored[s])).toEqual(values);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(stored.rata_rata as number).toBeCloseTo(mean, 9);
    }
  });

  it('the events’ before/after chain up: each update went from what the previous one stored', async () => {
    const siswa = (await admin.post('/api/siswa').send(makeSiswa()).expect(201)).body as { id: number };
    const initial = (await admin.post('/api/nilai').send(makeNilai(siswa.id)).expect(201)).body as Nilai;
    const tag = `chain-${initial.id}`;
    await Promise.all(
      SUBJECTS.map((subject, i) =>
        admin
          .put(`/api/nilai/${initial.id}`)
          .set('X-Request-Id', `${tag}-${i}`)
          .send({ [subject]: 50 + i })
          .expect(200),
      ),
    );
    const final = (await admin.get(`/api/nilai/${initial.id}`).expect(200)).body as Nilai;

    await t.app.get(EventWriter).flush();
    const events = await queryDb<{ changes: { before: Nilai; after: Nilai } }>(
      t,
      `SELECT changes FROM event_log WHERE request_id LIKE $1`,
      [`${tag}-%`],
    );
    expect(events).toHaveLength(SUBJECTS.length);
    // Serial updates form one chain initial → … → final: every `before` is the initial state or
    // another update's `after`, and every `after` but the final one is some update's `before`.
    // jsonb reorders keys: compare states with sorted keys.
    const key = (n: Nilai): string => JSON.stringify(Object.entries(n).sort(([a], [b]) => a.localeCompare(b)));
    const befores = events.map((e) => key(e.changes.before)).sort();
    const afters = events.map((e) => key(e.changes.after));
    const expected = [key(initial), ...afters.filter((a) => a !== key(final))].sort();
    expect(afters).toContain(key(final));
    expect(befores).toEqual(expected);
    // And each update changed only its own subject (and the mean and updated_at that follow from it).
    for (const { changes } of events) {
      const differing = SUBJECTS.filter((s) => changes.before[s] !== changes.after[s]);
      expect(differing.length).toBeLessThanOrEqual(1);
    }
  });
});
