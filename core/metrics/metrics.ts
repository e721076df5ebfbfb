/**
 * Metrics and their labels: which objects are metrics (by how they were created: prom-client
 * constructors, OpenTelemetry `meter.create*`, StatsD clients, aws-embedded-metrics), where each
 * API takes its labels, and which label names and values are unbounded.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import {
  isStringLiteral,
  memberPath,
  propertyName,
  staticKeyName,
  unwrap,
  type Node,
} from '../model/ast';
import type { FileModel } from '../model/file';
import { splitWords } from '../messages/naming';
import { preferredQuote, quoteString } from '../messages/rewrite';
import type { Settings } from '../model/settings';

export type MetricLibrary = 'prom-client' | 'opentelemetry' | 'statsd' | 'aws-embedded-metrics';

export interface MetricDeclaration {
  library: MetricLibrary;
  /** Set when the metric is imported from another module of the project: its declaration is there. */
  importedFrom?: string;
  /** The creating expression: `new Counter({...})`, `meter.createCounter(...)`, `new StatsD()`. */
  node: TSESTree.NewExpression | TSESTree.CallExpression;
  /** prom-client's `labelNames` array, when declared as a literal. */
  labelNames?: TSESTree.ArrayExpression;
  /** The metric name argument or property value. */
  name?: TSESTree.Node;
}

const PROM_CLASSES = new Set(['Counter', 'Gauge', 'Histogram', 'Summary']);
const STATSD_MODULES = new Set([
  'hot-shots',
  'node-statsd',
  'node-dogstatsd',
  'dogstatsd',
  'statsd-client',
  'lynx',
]);
const OTEL_CREATORS =
  /^create(Counter|Histogram|UpDownCounter|Gauge|ObservableGauge|ObservableCounter|ObservableUpDownCounter)$/;

function objectProperty(
  object: TSESTree.ObjectExpression,
  key: string,
): TSESTree.Property | undefined {
  return object.properties.find(
    (p): p is TSESTree.Property => p.type === 'Property' && staticKeyName(p) === key,
  );
}

function importedFrom(name: string, file: FileModel): string | undefined {
  return file.imports.get(name)?.source;
}

/** `{ name, labelNames }` of prom-client's options object (`labelNames` only when a literal array, `as const` allowed). */
function promOptions(argument: Node | undefined): Pick<MetricDeclaration, 'labelNames' | 'name'> {
  const options = argument && unwrap(argument);
  if (options?.type !== 'ObjectExpression') return {};
  const labelNames = objectProperty(options, 'labelNames');
  const array = labelNames && unwrap(labelNames.value);
  return {
    labelNames: array?.type === 'ArrayExpression' ? array : undefined,
    name: objectProperty(options, 'name')?.value,
  };
}

/**
 * A metric is recognised by its creation, which needs one of these modules imported, or by a
 * prom-client-only method on a metric imported from a local module.
 */
const METRICS_TEXT =
  /prom-client|@opentelemetry\/api|statsd|lynx|nestjs-prometheus|aws-embedded-metrics|\.\s*(?:inc|observe|labels|startTimer)\s*\(/;

/** Cheap text test: can this file declare or use a metric this module recognises? */
export function mayContainMetrics(text: string): boolean {
  return METRICS_TEXT.test(text);
}

function rootIdentifier(node: Node): TSESTree.Identifier | null {
  let current = unwrap(node);
  while (current.type === 'MemberExpression') current = unwrap(current.object);
  return current.type === 'Identifier' ? current : null;
}

/**
 * The module a name was destructured from, one step away from its import:
 * `const { Counter } = client` where `client` is imported from prom-client.
 */
function destructuredFrom(identifier: TSESTree.Identifier, file: FileModel): string | undefined {
  const variable = file.resolve(identifier);
  const declarator = variable?.defs[0]?.node;
  if (declarator?.type !== 'VariableDeclarator') return undefined;
  const { id, init } = declarator as TSESTree.VariableDeclarator;
  if (id.type !== 'ObjectPattern' || !init) return undefined;
  const from = unwrap(init);
  return from.type === 'Identifier' ? importedFrom(from.name, file) : undefined;
}

/** prom-client, or a fork published under a scope with the same API (`@platformatic/prom-client`). */
function isPromClientModule(source: string): boolean {
  return source === 'prom-client' || /^@[^/]+\/prom-client$/.test(source);
}

/** Is this expression the creation of a metric object? */
export function metricDeclaration(node: Node, file: FileModel): MetricDeclaration | null {
  const target = unwrap(node);
  if (target.type === 'NewExpression') {
    const callee = unwrap(target.callee);
    const path = memberPath(callee);
    if (!path) return null;
    const className = path[path.length - 1];
    const root = rootIdentifier(callee);
    const source = importedFrom(path[0], file) ?? (root ? destructuredFrom(root, file) : undefined);
    if (PROM_CLASSES.has(className) && source !== undefined && isPromClientModule(source))
      return { library: 'prom-client', node: target, ...promOptions(target.arguments[0]) };
    if (source && STATSD_MODULES.has(source)) return { library: 'statsd', node: target };
    return null;
  }
  if (target.type === 'CallExpression') {
    const callee = unwrap(target.callee);
    if (
      callee.type === 'MemberExpression' &&
      OTEL_CREATORS.test(propertyName(callee) ?? '') &&
      file.importedModules.has('@opentelemetry/api')
    ) {
      return { library: 'opentelemetry', node: target, name: target.arguments[0] };
    }
    // @willsoto/nestjs-prometheus declares prom-client metrics through providers.
    if (
      callee.type === 'Identifier' &&
      /^make(Counter|Gauge|Histogram|Summary)Provider$/.test(callee.name) &&
      importedFrom(callee.name, file) === '@willsoto/nestjs-prometheus'
    ) {
      return { library: 'prom-client', node: target, ...promOptions(target.arguments[0]) };
    }
    if (
      callee.type === 'Identifier' &&
      callee.name === 'createMetricsLogger' &&
      importedFrom(callee.name, file) === 'aws-embedded-metrics'
    ) {
      return { library: 'aws-embedded-metrics', node: target };
    }
  }
  return null;
}

/** Methods only prom-client metrics have; on an imported binding they identify a metric declared elsewhere. */
const PROM_ONLY_METHODS = new Set(['inc', 'observe', 'labels', 'startTimer']);

/** The declaration behind a receiver: a variable, `this.field` of the enclosing class, or a `startTimer()` result. */
export function resolveMetric(
  receiver: Node,
  file: FileModel,
  method?: string,
): MetricDeclaration | null {
  const target = unwrap(receiver);
  if (target.type === 'Identifier') {
    const definition = file.resolve(target)?.defs[0];
    const binding = file.imports.get(target.name);
    if (
      definition?.type === 'ImportBinding' &&
      binding?.source.startsWith('.') &&
      method &&
      PROM_ONLY_METHODS.has(method)
    ) {
      return {
        library: 'prom-client',
        node: definition.node as unknown as TSESTree.CallExpression,
        importedFrom: binding.source,
      };
    }
    if (definition?.type === 'Parameter' && file.importedModules.has('aws-embedded-metrics')) {
      // metricScope((metrics) => async () => ...) hands the metrics logger in as a parameter.
      return {
        library: 'aws-embedded-metrics',
        node: definition.node as unknown as TSESTree.CallExpression,
      };
    }
    if (definition?.type !== 'Variable' || definition.node.type !== 'VariableDeclarator')
      return null;
    const init = (definition.node as TSESTree.VariableDeclarator).init;
    return init ? metricDeclaration(init, file) : null;
  }
  if (target.type === 'MemberExpression' && unwrap(target.object).type === 'ThisExpression') {
    const name = propertyName(target);
    for (let node: TSESTree.Node | undefined = target.parent; node; node = node.parent) {
      if (node.type !== 'ClassBody') continue;
      for (const member of node.body) {
        if (
          member.type === 'PropertyDefinition' &&
          !member.computed &&
          member.key.type === 'Identifier' &&
          member.key.name === name &&
          member.value
        ) {
          return metricDeclaration(member.value, file);
        }
      }
      return null;
    }
  }
  return null;
}

/** Where a call on a metric puts its labels. */
export interface LabelSite {
  declaration: MetricDeclaration;
  /** An object of labels (`{ route: '/x' }`), statsd tags as an object. */
  object?: TSESTree.ObjectExpression;
  /** prom-client positional `.labels('GET', '/x')`: values in labelNames order. */
  positional?: TSESTree.CallExpressionArgument[];
  /** StatsD `['k:v']` tags. */
  tagArray?: TSESTree.ArrayExpression;
  /** The stat name of a StatsD call, which must be constant too. */
  statName?: TSESTree.Node;
}

const PROM_LABEL_METHODS: Readonly<Record<string, number>> = {
  inc: 0,
  dec: 0,
  set: 0,
  observe: 0,
  startTimer: 0,
  zero: 0,
  remove: 0,
};
const STATSD_METHODS = new Set([
  'increment',
  'decrement',
  'gauge',
  'timing',
  'histogram',
  'distribution',
  'gaugeDelta',
  'timer',
]);
const LABEL_METHODS = new Set([
  ...Object.keys(PROM_LABEL_METHODS),
  'labels',
  'add',
  'record',
  'putDimensions',
  'setDimensions',
  ...STATSD_METHODS,
]);

/** Labels passed by a call, if the call is on a metric (or on the end function a timer returned). */
export function labelSite(call: TSESTree.CallExpression, file: FileModel): LabelSite | null {
  const callee = unwrap(call.callee);
  // `const end = histogram.startTimer(); end({ route })`: only a one-object call can be that.
  if (callee.type === 'Identifier') {
    if (call.arguments.length !== 1 || call.arguments[0].type !== 'ObjectExpression') return null;
    const definition = file.resolve(callee)?.defs[0];
    const init =
      definition?.type === 'Variable'
        ? (definition.node as TSESTree.VariableDeclarator).init
        : null;
    const timer = init && unwrap(init);
    if (timer?.type !== 'CallExpression') return null;
    const timerCallee = unwrap(timer.callee);
    if (timerCallee.type !== 'MemberExpression' || propertyName(timerCallee) !== 'startTimer')
      return null;
    const declaration = resolveMetric(timerCallee.object, file);
    const labels = call.arguments[0] && unwrap(call.arguments[0]);
    return declaration && labels?.type === 'ObjectExpression'
      ? { declaration, object: labels }
      : null;
  }
  if (callee.type !== 'MemberExpression') return null;
  const method = propertyName(callee);
  // Cheap gate before any resolution: only metric API method names can carry labels.
  if (method === null || !LABEL_METHODS.has(method)) return null;
  const receiver = unwrap(callee.object);
  // `counter.labels(...).inc()`: the labels are on the inner call.
  if (receiver.type === 'CallExpression') return null;
  const declaration = resolveMetric(receiver, file, method);
  if (!declaration) return null;
  const args = call.arguments;
  const asObject = (arg: TSESTree.CallExpressionArgument | undefined) => {
    const target = arg && unwrap(arg);
    return target?.type === 'ObjectExpression' ? target : undefined;
  };
  switch (declaration.library) {
    case 'prom-client':
      if (method === 'labels' || method === 'remove') {
        const object = args.length === 1 ? asObject(args[0]) : undefined;
        return object ? { declaration, object } : { declaration, positional: [...args] };
      }
      return method in PROM_LABEL_METHODS ? { declaration, object: asObject(args[0]) } : null;
    case 'opentelemetry':
      return method === 'add' || method === 'record'
        ? { declaration, object: asObject(args[1]) }
        : null;
    case 'aws-embedded-metrics':
      return method === 'putDimensions' || method === 'setDimensions'
        ? { declaration, object: asObject(args[0]) }
        : null;
    case 'statsd': {
      if (!STATSD_METHODS.has(method)) return null;
      const last = args.length > 1 ? unwrap(args[args.length - 1]) : undefined;
      return {
        declaration,
        statName: args[0],
        object: last?.type === 'ObjectExpression' ? last : undefined,
        tagArray: last?.type === 'ArrayExpression' ? last : undefined,
      };
    }
  }
}

/** `result.observe(v, attrs)` inside an OpenTelemetry observable's callback. */
export function observableAttributes(
  call: TSESTree.CallExpression,
  file: FileModel,
): LabelSite | null {
  const callee = unwrap(call.callee);
  if (
    callee.type !== 'MemberExpression' ||
    propertyName(callee) !== 'observe' ||
    !file.importedModules.has('@opentelemetry/api')
  )
    return null;
  const attrs = call.arguments[1] && unwrap(call.arguments[1]);
  if (attrs?.type !== 'ObjectExpression') return null;
  // The callback is registered with `.addCallback(fn)` on a meter-created observable.
  for (let node: TSESTree.Node | undefined = call.parent; node; node = node.parent) {
    if (
      (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') &&
      node.parent?.type === 'CallExpression'
    ) {
      const register = unwrap(node.parent.callee);
      if (register.type === 'MemberExpression' && propertyName(register) === 'addCallback') {
        const declaration = resolveMetric(register.object, file);
        if (declaration) return { declaration, object: attrs };
      }
    }
  }
  return null;
}

/**
 * Words that make a label name unbounded. `path`, `url` and `endpoint` are not here: such a label is
 * fine with a route template as its value, so for them the values are checked instead.
 */
const UNBOUNDED_WORDS = new Set([
  'email',
  'ip',
  'query',
  'uuid',
  'guid',
  'timestamp',
  'token',
  'message',
  'stack',
  'trace',
  'span',
  'session',
  'correlation',
  'useragent',
]);
const ID_OWNERS = new Set([
  'user',
  'session',
  'request',
  'req',
  'trace',
  'span',
  'correlation',
  'order',
  'customer',
  'account',
  'transaction',
  'tx',
  'device',
  'visitor',
  'client',
  'message',
  'job',
  'execution',
  'invocation',
  'event',
  'payment',
  'cart',
  'document',
  'file',
]);

/** Is this label name unbounded by nature (a per-entity id, a raw URL, a timestamp...)? */
export function isUnboundedLabelName(name: string, settings: Settings): boolean {
  if (settings.metrics.allowLabels.includes(name)) return false;
  if (settings.metrics.denyLabels.includes(name)) return true;
  if (name === 'http.route' || name === 'route') return false;
  const words = splitWords(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1];
  if (words.join('') === 'useragent' || (words.includes('user') && words.includes('agent')))
    return true;
  if (last === 'id' || last === 'ids')
    return words.length === 1 || ID_OWNERS.has(words[words.length - 2]);
  // OpenTelemetry's `http.target` and `http.url` (`url.full`) are raw request targets by definition.
  if (words.length > 1 && (words[0] === 'http' || words[0] === 'url'))
    return words.includes('target') || words.includes('url') || words.includes('full');
  return words.some((word) => UNBOUNDED_WORDS.has(word));
}

/** Route templates: bounded by construction, never reported. */
export function isRouteTemplate(node: Node): boolean {
  const path = memberPath(unwrap(node))?.join('.') ?? '';
  return /(^|\.)route\.path$|routeOptions\.url$|routerPath$|_matchedRoute$|routePath$|(^|\.)route$/.test(
    path,
  );
}

const RAW_PATH =
  /^(req|request|ctx|c\.req|context\.req)\.(url|originalUrl|path|href|querystring|query)$/;

/** Is this label value unbounded: a raw path or URL, an error message, a timestamp, a random id? */
export function unboundedValue(node: Node): string | null {
  const target = unwrap(node);
  if (isRouteTemplate(target)) return null;
  if (target.type === 'MemberExpression' || target.type === 'Identifier') {
    const path = memberPath(target);
    if (!path) return null;
    const joined = path.join('.');
    if (RAW_PATH.test(joined)) return joined;
    if (
      path.length >= 2 &&
      path[path.length - 1] === 'message' &&
      /^(err|error|e|ex|exception)$|Error$/.test(path[path.length - 2])
    )
      return joined;
    return null;
  }
  if (target.type === 'CallExpression') {
    const callee = unwrap(target.callee);
    const path = memberPath(callee)?.join('.');
    if (
      path &&
      /^(Date\.now|crypto\.randomUUID|randomUUID|uuid|uuidv4|v4|nanoid|Math\.random|performance\.now)$/.test(
        path,
      )
    )
      return `${path}()`;
    if (
      callee.type === 'MemberExpression' &&
      /^(toISOString|getTime|toString)$/.test(propertyName(callee) ?? '') &&
      unwrap(callee.object).type === 'NewExpression'
    )
      return 'a timestamp';
    return null;
  }
  if (target.type === 'NewExpression' && memberPath(unwrap(target.callee))?.join('.') === 'Date')
    return 'new Date()';
  if (target.type === 'TemplateLiteral') {
    for (const expression of target.expressions) {
      const inner = unboundedValue(expression) ?? idValue(expression);
      if (inner) return inner;
    }
  }
  return null;
}

/** Where a request carries the ids of what it is about: `req.params.id`, `body.id`, `item.id`. */
const REQUEST_PARTS: ReadonlySet<string> = new Set([
  'params',
  'query',
  'body',
  'item',
  'entity',
  'record',
  'row',
]);

/**
 * An entity's id inside a built label value (`/users/${id}`, `user:${userId}`): one series per
 * entity. Only inside a template: an id-named value alone is the label name's business.
 */
function idValue(node: Node): string | null {
  const path = memberPath(unwrap(node));
  if (!path) return null;
  const words = splitWords(path.join(' '));
  const last = words[words.length - 1];
  const owner = words[words.length - 2];
  const isId =
    last === 'uuid' ||
    last === 'guid' ||
    ((last === 'id' || last === 'ids') &&
      (words.length === 1 || ID_OWNERS.has(owner) || REQUEST_PARTS.has(owner)));
  return isId ? path.join('.') : null;
}

/** A metric name that is not a constant (a template with expressions, a concatenation). */
export function isDynamicName(node: Node | undefined): boolean {
  if (!node) return false;
  const target = unwrap(node);
  // `sanitizeMetricName(\`queue_${queue.name}\`)`: a helper cleaning a dynamic name leaves it dynamic.
  if (target.type === 'CallExpression')
    return target.arguments.some((arg) => arg.type !== 'SpreadElement' && isDynamicName(arg));
  if (target.type === 'TemplateLiteral')
    return target.expressions.some((expression) => !isConfiguredPart(expression));
  if (target.type === 'BinaryExpression' && target.operator === '+')
    return [target.left, target.right].some(
      (part) => !isStringLiteral(part) && !isConfiguredPart(part),
    );
  return false;
}

/** A configured prefix or namespace (`${prefix}http_requests`) is one value per process: bounded. */
function isConfiguredPart(node: Node): boolean {
  const path = memberPath(unwrap(node));
  return (
    path !== null && /(prefix|namespace|subsystem|service|app)(name)?$/i.test(path[path.length - 1])
  );
}

/** Declared label names with their literal nodes. */
export function declaredLabels(
  declaration: MetricDeclaration,
): Array<{ name: string; node: TSESTree.Node }> {
  return (declaration.labelNames?.elements ?? []).flatMap((element) =>
    element && isStringLiteral(element)
      ? [{ name: element.value, node: element as TSESTree.Node }]
      : [],
  );
}

export type Framework = 'express' | 'fastify' | 'koa' | 'hono';

function frameworkOf(root: string, file: FileModel): Framework {
  const has = (pattern: RegExp) => [...file.importedModules].some((source) => pattern.test(source));
  if (root.startsWith('c.req') || root.startsWith('context.req') || has(/^hono$/)) return 'hono';
  if (has(/^(koa|@koa\/router|koa-router)$/) || root === 'ctx') return 'koa';
  if (has(/^fastify$/) || (root === 'request' && !has(/^express$/))) return 'fastify';
  return 'express';
}

/** The route template that replaces a raw request path, for the framework the file uses; null if not a raw path. */
export function routeTemplateFor(node: Node, file: FileModel): string | null {
  const path = memberPath(unwrap(node));
  if (!path) return null;
  const joined = path.join('.');
  if (!/^(req|request|ctx|c\.req|context\.req)\.(url|originalUrl|path)$/.test(joined)) return null;
  const root = path.slice(0, -1).join('.');
  const unmatched = quoteString('unmatched', preferredQuote(file));
  switch (frameworkOf(root, file)) {
    case 'express':
      return `${root}.route?.path ?? ${unmatched}`;
    case 'fastify':
      return `${root}.routeOptions.url ?? ${unmatched}`;
    case 'koa':
      return `${root}._matchedRoute ?? ${unmatched}`;
    case 'hono':
      return `${root}.routePath`;
  }
}

export type MetricProblem = 'unboundedLabelName' | 'unboundedLabelValue' | 'dynamicMetricName';

export interface MetricFinding {
  problem: MetricProblem;
  node: TSESTree.Node;
  /** The label name, or the unbounded value's description, or 'name'. */
  what: string;
  declaration: MetricDeclaration;
  /** For raw request paths: the route template that bounds them. */
  routeTemplate?: string;
}

/** Label name of a StatsD `'key:value'` tag, from its literal start. */
function tagKey(element: TSESTree.Node): string | null {
  let target = unwrap(element);
  while (target.type === 'BinaryExpression' && target.operator === '+')
    target = unwrap(target.left);
  const text = isStringLiteral(target)
    ? target.value
    : target.type === 'TemplateLiteral'
      ? (target.quasis[0].value.cooked ?? '')
      : null;
  const colon = text?.indexOf(':') ?? -1;
  return text && colon > 0 ? text.slice(0, colon) : null;
}

/** Everything unbounded about one call or constructor: declared label names, label values, metric names. */
export function metricFindings(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  file: FileModel,
  settings: Settings,
): MetricFinding[] {
  const findings: MetricFinding[] = [];
  const declaration = metricDeclaration(node, file);
  if (declaration) {
    if (isDynamicName(declaration.name))
      findings.push({
        problem: 'dynamicMetricName',
        node: declaration.name!,
        what: 'name',
        declaration,
      });
    for (const label of declaredLabels(declaration)) {
      if (isUnboundedLabelName(label.name, settings))
        findings.push({
          problem: 'unboundedLabelName',
          node: label.node,
          what: label.name,
          declaration,
        });
    }
    return findings;
  }
  if (node.type !== 'CallExpression') return findings;
  const site = labelSite(node, file) ?? observableAttributes(node, file);
  if (!site) return findings;
  if (isDynamicName(site.statName))
    findings.push({
      problem: 'dynamicMetricName',
      node: site.statName!,
      what: 'name',
      declaration: site.declaration,
    });
  const checkValue = (value: TSESTree.Node) => {
    const what = unboundedValue(value);
    if (what)
      findings.push({
        problem: 'unboundedLabelValue',
        node: value,
        what,
        declaration: site.declaration,
        routeTemplate: routeTemplateFor(value, file) ?? undefined,
      });
  };
  // prom-client labels were checked by name where they were declared; other libraries declare nothing.
  const checkNames = site.declaration.library !== 'prom-client' || !site.declaration.labelNames;
  for (const property of site.object?.properties ?? []) {
    if (property.type !== 'Property') continue;
    const key = staticKeyName(property);
    if (
      key !== null &&
      isUnboundedLabelName(key, settings) &&
      (checkNames || declaredLabels(site.declaration).every((label) => label.name !== key))
    ) {
      findings.push({
        problem: 'unboundedLabelName',
        node: property.key,
        what: key,
        declaration: site.declaration,
      });
    } else {
      checkValue(property.value);
    }
  }
  for (const value of site.positional ?? []) checkValue(value);
  for (const element of site.tagArray?.elements ?? []) {
    if (!element || element.type === 'SpreadElement') continue;
    const key = tagKey(element);
    if (key !== null && isUnboundedLabelName(key, settings))
      findings.push({
        problem: 'unboundedLabelName',
        node: element,
        what: key,
        declaration: site.declaration,
      });
    else checkValue(element);
  }
  return findings;
}

/** Whether a metric declared in this file is visible to other files (exported, module.exports). */
export function isExported(declaration: MetricDeclaration, file: FileModel): boolean {
  const declarator = declaration.node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier')
    return false;
  if (declarator.parent?.parent?.type === 'ExportNamedDeclaration') return true;
  const name = declarator.id.name;
  let exported = false;
  const visit = (node: TSESTree.Node): void => {
    if (exported) return;
    if (
      node.type === 'ExportSpecifier' &&
      node.local.type === 'Identifier' &&
      node.local.name === name
    )
      exported = true;
    if (
      node.type === 'ExportDefaultDeclaration' &&
      node.declaration.type === 'Identifier' &&
      node.declaration.name === name
    )
      exported = true;
    if (
      node.type === 'AssignmentExpression' &&
      /^(module\.)?exports\b/.test(file.getText(node.left)) &&
      new RegExp(`\\b${name}\\b`).test(file.getText(node.right))
    )
      exported = true;
  };
  for (const statement of file.ast.body) {
    visit(statement);
    if (statement.type === 'ExportNamedDeclaration')
      for (const specifier of statement.specifiers) visit(specifier);
    if (statement.type === 'ExpressionStatement') visit(statement.expression);
  }
  return exported;
}
