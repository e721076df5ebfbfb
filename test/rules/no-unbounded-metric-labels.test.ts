import rule from '../../rules/no-unbounded-metric-labels';
import { runRule, settings } from '../rule-tester';

const PROM = "import { Counter, Histogram } from 'prom-client';\n";
const OTEL =
  "import { metrics } from '@opentelemetry/api';\nconst meter = metrics.getMeter('api');\n";

runRule('no-unbounded-metric-labels', rule, {
  valid: [
    `${PROM}const c = new Counter({ name: 'http_requests_total', help: 'h', labelNames: ['method', 'route', 'status_code'] });\nc.inc({ method: req.method, route: req.route?.path ?? 'unmatched', status_code: res.statusCode });`,
    `${PROM}const h = new Histogram({ name: 'd', help: 'h', labelNames: ['route'] });\nconst end = h.startTimer();\nend({ route: request.routeOptions.url });`,
    // not metrics: Map#set, Set#add, a hand-rolled object with inc()
    'const seen = new Map();\nseen.set(req.url, Date.now());\nconst ids = new Set();\nids.add(userId);\nstats.inc({ user_id: id });',
    `${OTEL}const counter = meter.createCounter('jobs');\ncounter.add(1, { 'http.route': route, queue: job.queue });`,
    // a configured prefix is one value per process
    `${PROM}const up = new Counter({ name: \`\${options.prefix}up\`, help: 'h' });`,
    "import StatsD from 'hot-shots';\nconst statsd = new StatsD();\nstatsd.set('users.unique', user.id);\nstatsd.increment('checkout', 1, ['country:fr']);",
    {
      code: `${PROM}const c = new Counter({ name: 'x', help: 'h', labelNames: ['tenant_id'] });`,
      settings: settings({ metrics: { allowLabels: ['tenant_id'] } }),
    },
  ],
  invalid: [
    {
      code: `${PROM}const c = new Counter({ name: 'logins', help: 'h', labelNames: ['method', 'user_id', 'email'] });`,
      errors: [
        { messageId: 'unboundedLabelName', data: { what: 'user_id' } },
        { messageId: 'unboundedLabelName', data: { what: 'email' } },
      ],
    },
    {
      code: `${PROM}const c = new Counter({ name: 'req', help: 'h', labelNames: ['route'] });\napp.use((req, res) => c.inc({ route: req.originalUrl }));`,
      errors: [
        {
          messageId: 'unboundedLabelValue',
          data: { what: 'req.originalUrl' },
          suggestions: [
            {
              messageId: 'useRouteTemplate',
              output: `${PROM}const c = new Counter({ name: 'req', help: 'h', labelNames: ['route'] });\napp.use((req, res) => c.inc({ route: req.route?.path ?? 'unmatched' }));`,
            },
          ],
        },
      ],
    },
    {
      code: `${PROM}const c = new Counter({ name: 'req', help: 'h', labelNames: ['path', 'reason'] });\nc.labels(req.path, err.message).inc();`,
      errors: [
        {
          messageId: 'unboundedLabelValue',
          data: { what: 'req.path' },
          suggestions: [
            {
              messageId: 'useRouteTemplate',
              output: `${PROM}const c = new Counter({ name: 'req', help: 'h', labelNames: ['path', 'reason'] });\nc.labels(req.route?.path ?? 'unmatched', err.message).inc();`,
            },
          ],
        },
        { messageId: 'unboundedLabelValue', data: { what: 'err.message' }, suggestions: [] },
      ],
    },
    {
      code: "import fastify from 'fastify';\nimport client from 'prom-client';\nconst h = new client.Histogram({ name: 'd', help: 'h', labelNames: ['url'] });\nconst end = h.startTimer({ url: request.url });",
      errors: [
        {
          messageId: 'unboundedLabelValue',
          suggestions: [
            {
              messageId: 'useRouteTemplate',
              output:
                "import fastify from 'fastify';\nimport client from 'prom-client';\nconst h = new client.Histogram({ name: 'd', help: 'h', labelNames: ['url'] });\nconst end = h.startTimer({ url: request.routeOptions.url ?? 'unmatched' });",
            },
          ],
        },
      ],
    },
    {
      code: `${PROM}const c = new Counter({ name: \`requests_\${tenant}\`, help: 'h' });`,
      errors: [{ messageId: 'dynamicMetricName' }],
    },
    {
      // The classes destructured from the imported module are prom-client's.
      code: "import client from 'prom-client';\nconst { Counter } = client;\nconst c = new Counter({ name: `requests_${tenant}`, help: 'h' });",
      errors: [{ messageId: 'dynamicMetricName' }],
    },
    {
      // A fork of prom-client published under a scope has the same API.
      code: "import client from '@platformatic/prom-client';\nconst c = new client.Counter({ name: `requests_${tenant}`, help: 'h' });",
      errors: [{ messageId: 'dynamicMetricName' }],
    },
    {
      code: `${OTEL}const hist = meter.createHistogram('latency');\nhist.record(ms, { userId: user.id, 'http.target': ctx.url });`,
      errors: [
        { messageId: 'unboundedLabelName', data: { what: 'userId' } },
        { messageId: 'unboundedLabelName', data: { what: 'http.target' } },
      ],
    },
    {
      code: `${OTEL}const gauge = meter.createObservableGauge('queue.depth');\ngauge.addCallback((result) => { result.observe(depth, { at: Date.now() }); });`,
      errors: [{ messageId: 'unboundedLabelValue', data: { what: 'Date.now()' } }],
    },
    {
      code: "import StatsD from 'hot-shots';\nconst statsd = new StatsD();\nstatsd.increment(`login.${user.id}`, 1, ['user_id:' + user.id]);\nstatsd.timing('render', ms, { session_id: sid });",
      errors: [
        { messageId: 'dynamicMetricName' },
        { messageId: 'unboundedLabelName', data: { what: 'user_id' } },
        { messageId: 'unboundedLabelName', data: { what: 'session_id' } },
      ],
    },
    {
      code: "import { createMetricsLogger } from 'aws-embedded-metrics';\nconst metrics = createMetricsLogger();\nmetrics.putDimensions({ Service: 'api', RequestId: req.id });",
      errors: [{ messageId: 'unboundedLabelName', data: { what: 'RequestId' } }],
    },
    {
      // a metric declared in another module of the project, recognised by prom-client-only methods
      code: "import { httpRequests } from './metrics';\nhttpRequests.inc({ user_id: req.user.id });",
      errors: [{ messageId: 'unboundedLabelName', data: { what: 'user_id' } }],
    },
    {
      code: `${PROM}class Api {\n  private readonly hits = new Counter({ name: 'hits', help: 'h', labelNames: ['ip'] });\n  handle(req: Req) { this.hits.inc({ ip: req.ip }); }\n}`,
      tsOnly: true,
      errors: [{ messageId: 'unboundedLabelName', data: { what: 'ip' } }],
    },
    {
      tsOnly: true,
      code: `${PROM}export const c = new Counter({ name: 'x', help: 'h', labelNames: ['method', 'user_id'] as const });`,
      errors: [{ messageId: 'unboundedLabelName', data: { what: 'user_id' } }],
    },
    {
      code: "import { makeCounterProvider } from '@willsoto/nestjs-prometheus';\nexport const providers = [makeCounterProvider({ name: 'orders_total', help: 'h', labelNames: ['status', 'customer_id'] })];",
      errors: [{ messageId: 'unboundedLabelName', data: { what: 'customer_id' } }],
    },
    {
      code: `${PROM}const c = new Counter({ name: 'x', help: 'h', labelNames: ['region'] });`,
      settings: settings({ metrics: { denyLabels: ['region'] } }),
      errors: [{ messageId: 'unboundedLabelName', data: { what: 'region' } }],
    },
  ],
});

// Issue 21: ids inside built label values and tags, and dynamic names passed through a helper.
const STATSD = "import { StatsD } from 'hot-shots';\nconst statsd = new StatsD();\n";
runRule('no-unbounded-metric-labels (issue 21)', rule, {
  valid: [
    // Built of bounded parts: a version, a configured prefix, a route template.
    `${PROM}const c = new Counter({ name: 'req', help: 'h', labelNames: ['route'] });\nc.inc({ route: \`/api/\${version}/users/:id\` });`,
    `${STATSD}statsd.increment(sanitizeMetricName('queue_depth'), [\`queue:\${queue.name}\`]);`,
    `${STATSD}statsd.increment(metricName(\`\${prefix}jobs\`));`,
  ],
  invalid: [
    {
      code: `${PROM}const c = new Counter({ name: 'req', help: 'h', labelNames: ['route'] });\nc.inc({ route: \`/users/\${id}\` });`,
      errors: [{ messageId: 'unboundedLabelValue', data: { what: 'id' }, suggestions: [] }],
    },
    {
      code: `${PROM}const c = new Counter({ name: 'req', help: 'h', labelNames: ['route'] });\nc.inc({ route: \`/orders/\${req.params.id}/items\` });`,
      errors: [
        { messageId: 'unboundedLabelValue', data: { what: 'req.params.id' }, suggestions: [] },
      ],
    },
    {
      code: `${STATSD}statsd.increment('logins', [\`user:\${userId}\`]);`,
      errors: [{ messageId: 'unboundedLabelValue', data: { what: 'userId' }, suggestions: [] }],
    },
    {
      code: `${STATSD}statsd.gauge(sanitizeMetricName(\`queue_\${queue.name}_depth\`), depth);`,
      errors: [{ messageId: 'dynamicMetricName' }],
    },
  ],
});
