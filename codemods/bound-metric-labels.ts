/**
 * Codemod `bound-metric-labels`: raw request paths in label values become the framework's route
 * template; unbounded labels (user ids, emails, IPs...) are dropped consistently from a prom-client
 * declaration's `labelNames` and from every call site in the file, positional `.labels()` arguments
 * included, so prom-client never sees a label set it was not declared with.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { staticKeyName } from '../core/model/ast';
import { removeListItems, type Edit } from '../core/model/edits';
import type { FileModel } from '../core/model/file';
import {
  declaredLabels,
  isExported,
  isUnboundedLabelName,
  labelSite,
  mayContainMetrics,
  metricDeclaration,
  metricFindings,
  observableAttributes,
  type LabelSite,
  type MetricDeclaration,
} from '../core/metrics/metrics';
import type { ParsedModel } from '../core/model/parse';
import type { Settings } from '../core/model/settings';
import { toTransform, type Codemod, type Finding } from './engine';

interface Site {
  call: TSESTree.CallExpression;
  site: LabelSite;
}

function tagLabel(element: TSESTree.Node, file: FileModel): string | null {
  const match = /^['"`]([^'"`:]+):/.exec(file.getText(element));
  return match ? match[1] : null;
}

/** Edits that drop `labels` at one call site; positional values go by the declaration's order. */
function dropAtSite(
  { call, site }: Site,
  labels: ReadonlySet<string>,
  order: readonly string[],
  file: FileModel,
): Edit[] {
  const edits: Edit[] = [];
  if (site.object) {
    const removed = new Set(
      site.object.properties.filter(
        (p) => p.type === 'Property' && labels.has(staticKeyName(p) ?? ''),
      ),
    );
    if (removed.size > 0)
      edits.push(
        ...removeListItems(file.text, site.object.properties, removed, {
          range: site.object.range,
          text: '{}',
        }),
      );
  }
  if (site.positional) {
    const removed = new Set(site.positional.filter((_, index) => labels.has(order[index] ?? '')));
    const args = call.arguments;
    if (removed.size > 0 && args.length > 0)
      edits.push(
        ...removeListItems(file.text, args, removed, {
          range: [args[0].range[0], args[args.length - 1].range[1]],
          text: '',
        }),
      );
  }
  if (site.tagArray) {
    const elements = site.tagArray.elements.filter(
      (e): e is TSESTree.Expression => e !== null && e.type !== 'SpreadElement',
    );
    const removed = new Set(
      elements.filter((element) => labels.has(tagLabel(element, file) ?? '')),
    );
    if (removed.size > 0)
      edits.push(
        ...removeListItems(file.text, elements, removed, {
          range: site.tagArray.range,
          text: '[]',
        }),
      );
  }
  return edits;
}

function inside(node: TSESTree.Node, edits: readonly Edit[]): boolean {
  return edits.some((edit) => edit.range[0] <= node.range[0] && node.range[1] <= edit.range[1]);
}

export const boundMetricLabels: Codemod = {
  name: 'bound-metric-labels',
  description:
    'Replace raw request paths with route templates and drop unbounded metric labels consistently',
  rule: 'no-unbounded-metric-labels',
  // Dropping a label touches the declaration and every call site: no single suggestion can do that.
  matchesSuggestions: () => false,
  mayApply: mayContainMetrics,
  collect(file: ParsedModel, settings: Settings) {
    const findings: Finding[] = [];
    const declarations: MetricDeclaration[] = [];
    const sites: Site[] = [];
    const calls: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
    for (const node of file.nodesOfType('CallExpression', 'NewExpression')) {
      calls.push(node);
      const declaration = metricDeclaration(node, file);
      if (declaration) declarations.push(declaration);
      const site =
        node.type === 'CallExpression'
          ? (labelSite(node, file) ?? observableAttributes(node, file))
          : null;
      if (site) sites.push({ call: node as TSESTree.CallExpression, site });
    }
    const dropped: Edit[] = [];
    const handled = new Set<TSESTree.Node>();

    // 1. prom-client metrics declared here: drop unbounded labels everywhere at once, or not at all.
    for (const declaration of declarations) {
      const labels = declaredLabels(declaration);
      const unbounded = new Set(
        labels
          .filter((label) => isUnboundedLabelName(label.name, settings))
          .map((label) => label.name),
      );
      if (unbounded.size === 0 || !declaration.labelNames) continue;
      const ownSites = sites.filter((entry) => entry.site.declaration.node === declaration.node);
      for (const label of labels.filter((l) => unbounded.has(l.name))) handled.add(label.node);
      if (isExported(declaration, file)) {
        findings.push({
          node: declaration.node,
          reason: `the metric is exported: dropping ${[...unbounded].join(', ')} would break call sites in other files; drop them there too, by hand`,
        });
        continue;
      }
      const elements = declaration.labelNames.elements.filter(
        (e): e is TSESTree.Expression => e !== null && e.type !== 'SpreadElement',
      );
      const removed = new Set(
        labels.filter((label) => unbounded.has(label.name)).map((label) => label.node),
      );
      const declarationEdits = removeListItems(file.text, elements, removed, {
        range: declaration.labelNames.range,
        text: '[]',
      });
      findings.push({ node: declaration.labelNames, edits: declarationEdits });
      dropped.push(...declarationEdits);
      const order = labels.map((label) => label.name);
      for (const site of ownSites) {
        const edits = dropAtSite(site, unbounded, order, file);
        if (edits.length > 0) findings.push({ node: site.call, edits });
        dropped.push(...edits);
      }
    }

    // 2. Everything else the rule reports: route templates, attribute drops, and reasons for the rest.
    for (const call of calls) {
      const freeForm: string[] = [];
      for (const finding of metricFindings(call, file, settings)) {
        if (handled.has(finding.node) || inside(finding.node, dropped)) continue;
        const declaration = finding.declaration;
        if (finding.problem === 'dynamicMetricName') {
          findings.push({
            node: finding.node,
            reason:
              'the metric name is built at run time: give it a constant name and move the varying part into a bounded label, by hand',
          });
        } else if (finding.routeTemplate) {
          findings.push({
            node: finding.node,
            edits: [{ range: finding.node.range, text: finding.routeTemplate }],
          });
        } else if (finding.problem === 'unboundedLabelValue') {
          findings.push({
            node: finding.node,
            reason: `${finding.what} is unbounded and has no bounded equivalent to substitute: use a class of values (an error code, a status) by hand`,
          });
        } else if (declaration.importedFrom) {
          findings.push({
            node: finding.node,
            reason: `the metric is declared in ${declaration.importedFrom}: drop '${finding.what}' there and at every call site (not followed across files)`,
          });
        } else if (declaration.library === 'prom-client') {
          findings.push({
            node: finding.node,
            reason: `'${finding.what}' is not in a literal labelNames declaration here: drop it from the metric's declaration and call sites by hand`,
          });
        } else {
          freeForm.push(finding.what);
        }
      }
      // OpenTelemetry attributes, StatsD tags and EMF dimensions are declared nowhere: dropping them
      // at the call is safe. One finding per call, so several drops in one object never overlap.
      const site = freeForm.length > 0 ? sites.find((entry) => entry.call === call) : undefined;
      if (site) findings.push({ node: call, edits: dropAtSite(site, new Set(freeForm), [], file) });
    }
    return findings;
  },
};

const transform = toTransform(boundMetricLabels);
export default transform;
