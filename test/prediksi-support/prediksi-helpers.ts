import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { bearer } from '../utils/auth';
import { createTestApp, startInstance, type TestApp } from '../utils/test-app';

/** The client's node shapes of GET /prediksi/tree-data, as the tests walk them. */
export type ClientNode =
  | { type: 'internal'; attribute: string; threshold?: number; children: Array<ClientNode & { edge_label: string }> }
  | { type: 'leaf'; prediction: string; samples: number };

/** Walks tree-data as a browser would: threshold tests for numeric nodes, the edge label = value otherwise. */
export function replay(root: ClientNode, features: Record<string, number | string>): { leaf: ClientNode; path: string[] } {
  const path: string[] = [];
  let node = root;
  while (node.type === 'internal') {
    const value = features[node.attribute];
    const next =
      node.threshold !== undefined
        ? node.children[(value as number) <= node.threshold ? 0 : 1]
        : node.children.find((c) => c.edge_label === value);
    if (!next) throw new Error(`tree-data has no branch for ${node.attribute}=${String(value)}`);
    path.push(`${node.attribute} ${next.edge_label}`);
    node = next;
  }
  return { leaf: node, path };
}

export function leaves(node: ClientNode): ClientNode[] {
  return node.type === 'leaf' ? [node] : node.children.flatMap(leaves);
}

export async function sql<T>(t: TestApp, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: t.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** A second instance of the application on the SAME database (another replica behind the balancer). */
export async function createSecondInstance(t: TestApp): Promise<{ app: NestFastifyApplication; baseUrl: string }> {
  return startInstance(t.databaseUrl);
}

/** A semester that the demo school has data for (its latest). */
export async function latestSemester(t: TestApp): Promise<{ semester: string; tahun_ajaran: string }> {
  const [row] = await sql<{ semester: string; tahun_ajaran: string }>(
    t,
    `SELECT semester, tahun_ajaran FROM nilai_raport GROUP BY 1, 2 ORDER BY tahun_ajaran DESC, semester DESC LIMIT 1`,
  );
  return row;
}

export function train(t: TestApp, token: string, body: object = {}): request.Test {
  return request(t.baseUrl).post('/api/prediksi/train').set(bearer(token)).send(body);
}

/** A test app on the first start's demo school of `students` students (the guru passwords it prints stay off the test output). */
export async function createDemoSchoolApp(students: number): Promise<TestApp> {
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((() => true) as typeof process.stdout.write);
  try {
    return await createTestApp({ DEMO_DATA: 'true', DEMO_STUDENTS: String(students) });
  } finally {
    spy.mockRestore();
  }
}
