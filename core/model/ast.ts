/**
 * Small, parser-neutral helpers over ESTree nodes. Both faces of the project see ESTree:
 * ESLint (espree or typescript-eslint's parser) and the codemods (typescript-estree).
 */
import type { TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type Expression = TSESTree.Expression;
export type CallArgument = TSESTree.CallExpressionArgument;

/** Strips wrappers that do not change the runtime value: `x as T`, `x!`, `<T>x`, `x satisfies T`, `(a?.b)`. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case 'TSAsExpression':
      case 'TSNonNullExpression':
      case 'TSSatisfiesExpression':
      case 'TSTypeAssertion':
      case 'TSInstantiationExpression':
      case 'ChainExpression':
        current = current.expression;
        break;
      default:
        return current;
    }
  }
}

export function isStringLiteral(node: Node): node is TSESTree.StringLiteral {
  return node.type === 'Literal' && typeof node.value === 'string';
}

/** The property name of `a.b` or `a['b']`, or null for other computed accesses. */
export function propertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.computed && isStringLiteral(member.property)) return member.property.value;
  if (!member.computed && member.property.type === 'PrivateIdentifier') return member.property.name;
  return null;
}

/** The name a call is made by: `f` in `f(x)`, `m` in `a.m(x)`; null for any other callee. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | null {
  const callee = unwrap(call.callee);
  if (callee.type === 'Identifier') return callee.name;
  return callee.type === 'MemberExpression' ? propertyName(callee) : null;
}

/**
 * The dotted path of a receiver such as `this.logger` -> ['this', 'logger'], or null when any
 * segment is not a plain name (calls, computed keys other than strings).
 */
export function memberPath(node: Node): string[] | null {
  // Walks down the object chain collecting names from the right: one array, whatever the depth.
  const names: string[] = [];
  let target = unwrap(node);
  while (target.type === 'MemberExpression') {
    const name = propertyName(target);
    if (name === null) return null;
    names.push(name);
    target = unwrap(target.object);
  }
  if (target.type === 'Identifier') names.push(target.name);
  else if (target.type === 'ThisExpression') names.push('this');
  else return null;
  return names.reverse();
}

/** Adds every name a binding pattern binds (`a`, `{ a, b: [c] }`, `...rest`, `d = 1`) to a set. */
export function addBoundNames(pattern: TSESTree.Node, names: Set<string>): void {
  switch (pattern.type) {
    case 'Identifier':
      names.add(pattern.name);
      return;
    case 'ObjectPattern':
      for (const property of pattern.properties)
        addBoundNames(property.type === 'Property' ? property.value : property, names);
      return;
    case 'ArrayPattern':
      for (const element of pattern.elements) if (element) addBoundNames(element, names);
      return;
    case 'RestElement':
      addBoundNames(pattern.argument, names);
      return;
    case 'AssignmentPattern':
      addBoundNames(pattern.left, names);
      return;
    default:
      // Other nodes (a member expression assigned to in a for-in head) bind no name.
      return;
  }
}

/** The property of an object literal whose key is written as the plain name `key` (`{ key: v }`, `{ key }`). */
export function namedProperty(
  object: TSESTree.ObjectExpression,
  key: string,
): TSESTree.Property | undefined {
  return object.properties.find(
    (p): p is TSESTree.Property =>
      p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === key,
  );
}

/** The name of a property key (`a`, `'a'`, `['a']`), or null for dynamic keys. */
export function staticKeyName(
  property: Pick<TSESTree.Property | TSESTree.MethodDefinition, 'key' | 'computed'>,
): string | null {
  const key = property.key;
  if (!property.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && (typeof key.value === 'string' || typeof key.value === 'number'))
    return String(key.value);
  if (property.computed && key.type === 'TemplateLiteral' && key.expressions.length === 0)
    return key.quasis[0].value.cooked ?? null;
  return null;
}

/**
 * Conservative purity: reading these expressions twice, or in another order, cannot change what the
 * program does (getters aside, which logging code does not rely on).
 */
export function isSideEffectFree(node: Node): boolean {
  const target = unwrap(node);
  switch (target.type) {
    case 'Identifier':
    case 'Literal':
    case 'ThisExpression':
    case 'Super':
      return true;
    case 'MemberExpression':
      return (
        isSideEffectFree(target.object) && (!target.computed || isSideEffectFree(target.property))
      );
    case 'TemplateLiteral':
      return target.expressions.every(isSideEffectFree);
    case 'UnaryExpression':
      return target.operator !== 'delete' && isSideEffectFree(target.argument);
    case 'BinaryExpression':
    case 'LogicalExpression':
      return isSideEffectFree(target.left) && isSideEffectFree(target.right);
    case 'ConditionalExpression':
      return (
        isSideEffectFree(target.test) &&
        isSideEffectFree(target.consequent) &&
        isSideEffectFree(target.alternate)
      );
    case 'ArrayExpression':
      return target.elements.every((element) => element === null || isSideEffectFree(element));
    case 'ObjectExpression':
      return target.properties.every((property) =>
        property.type === 'SpreadElement'
          ? isSideEffectFree(property.argument)
          : (!property.computed || isSideEffectFree(property.key)) &&
            isSideEffectFree(property.value),
      );
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return true;
    default:
      return false;
  }
}

export type Visitor = (node: Node, parent: Node | null) => void;

/** The export an import specifier binds: its name, 'default', or '*' for a namespace import. */
export function importedName(
  specifier:
    TSESTree.ImportSpecifier | TSESTree.ImportDefaultSpecifier | TSESTree.ImportNamespaceSpecifier,
): string {
  if (specifier.type === 'ImportSpecifier')
    return specifier.imported.type === 'Identifier'
      ? specifier.imported.name
      : specifier.imported.value;
  return specifier.type === 'ImportDefaultSpecifier' ? 'default' : '*';
}
