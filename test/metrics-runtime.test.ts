/**
 * The bound-metric-labels output against the real prom-client: the rewritten module must run without
 * label-set errors, and bound the number of series that 100 users on one route create.
 */
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(__filename);
const FIXTURES = path.resolve(__dirname, '../fixtures/bound-metric-labels');

interface Handler {
  handle(req: object, res: object): void;
  register: {
    getMetricsAsJSON(): Promise<
      Array<{ name: string; values: Array<{ labels: Record<string, string> }> }>
    >;
  };
}

function load(file: string): Handler {
  const resolved = path.join(FIXTURES, file);
  delete require.cache[resolved];
  return require(resolved) as Handler;
}

function request(user: number) {
  return {
    method: 'GET',
    originalUrl: `/users/${user}?tab=orders`,
    path: `/users/${user}`,
    route: { path: '/users/:id' },
    user: { id: String(user) },
    ip: `10.0.0.${user % 250}`,
  };
}

async function seriesCount(module: Handler, name: string): Promise<number> {
  const metric = (await module.register.getMetricsAsJSON()).find((m) => m.name === name)!;
  return new Set(metric.values.map((value) => JSON.stringify(value.labels))).size;
}

describe('bound-metric-labels against prom-client', () => {
  it('the rewritten module runs without label-set errors and keeps one series per route', async () => {
    const rewritten = load('express-prom-client.output.js');
    for (let user = 0; user < 100; user++)
      expect(() => rewritten.handle(request(user), {})).not.toThrow();
    expect(await seriesCount(rewritten, 'http_requests_total')).toBe(1);
    const metrics = await rewritten.register.getMetricsAsJSON();
    const labels = metrics.flatMap((metric) => metric.values.map((value) => value.labels));
    expect(labels.some((set) => 'user_id' in set || 'client_ip' in set)).toBe(false);
    expect(labels.filter((set) => 'route' in set).every((set) => set.route === '/users/:id')).toBe(
      true,
    );
  });

  it('the original creates a series per user, which is what the rewrite prevents', async () => {
    const original = load('express-prom-client.input.js');
    for (let user = 0; user < 100; user++) original.handle(request(user), {});
    expect(await seriesCount(original, 'http_requests_total')).toBeGreaterThanOrEqual(100);
  });

  it('an unmatched request is labelled, not dropped', async () => {
    const rewritten = load('express-prom-client.output.js');
    rewritten.handle({ ...request(1), route: undefined }, {});
    const metric = (await rewritten.register.getMetricsAsJSON()).find(
      (m) => m.name === 'http_requests_total',
    )!;
    expect(metric.values.map((value) => value.labels.route)).toContain('unmatched');
  });
});
