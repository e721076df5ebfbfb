import type { TSESTree } from '@typescript-eslint/utils';
import { mayContainMetrics, metricFindings, type MetricProblem } from '../core/metrics/metrics';
import { createRule, fileMayContain, lazyFile } from './utils';

export type Options = [];
export type MessageIds = MetricProblem | 'useRouteTemplate';

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-metric-labels',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow unbounded metric labels (user ids, raw URLs, error messages, timestamps) and dynamic metric names',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [],
    defaultOptions: [],
    messages: {
      unboundedLabelName:
        "Label '{{what}}' has a value per user, request or moment: every value is a new time series. Drop it, or log it instead.",
      unboundedLabelValue:
        '`{{what}}` as a label value creates a new time series per distinct value; use a bounded value such as the route template.',
      dynamicMetricName:
        'A metric name built at run time creates unbounded metrics; use a constant name and a bounded label.',
      useRouteTemplate: 'Use the route template: {{template}}',
    },
  },
  create(context) {
    const { file, settings } = lazyFile(context);
    if (!fileMayContain(context, mayContainMetrics)) return {};
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      for (const finding of metricFindings(node, file(), settings())) {
        const template = finding.routeTemplate;
        context.report({
          node: finding.node,
          messageId: finding.problem,
          data: { what: finding.what },
          suggest: template
            ? [
                {
                  messageId: 'useRouteTemplate',
                  data: { template },
                  fix: (fixer) => fixer.replaceText(finding.node, template),
                },
              ]
            : [],
        });
      }
    };
    return {
      // Cheap gates first: only constructors, and calls whose callee can name a metric API.
      NewExpression: check,
      CallExpression(node) {
        if (node.arguments.length > 0) check(node);
      },
    };
  },
});
