import jsep from 'jsep';

/**
 * CloudBase storage-rule expressions (`"resource.openid == auth.openid"`): parsed by jsep, then checked
 * against the documented language only — the identifiers `auth` and `resource` with their documented
 * fields, `== != && || !`, parentheses and the literals true, false, null and strings. Anything else
 * (calls, numbers, `this`, indexing, other operators) is refused when the rules are loaded, so a rules
 * file either means what CloudBase would make of it or the local cloud does not start.
 */

/** What an expression sees: `auth` (null when signed out) and the file as `resource`. */
export interface RuleContext {
  auth: { openid?: string; uid?: string } | null;
  resource: { openid?: string; path: string };
}

/** A compiled expression: true only when the rule grants; a rule that cannot be evaluated denies. */
export type RulePredicate = (context: RuleContext) => boolean;

const FIELDS: Record<keyof RuleContext, readonly string[]> = {
  auth: ['openid', 'uid'],
  resource: ['openid', 'path'],
};
const BINARY = new Set(['==', '!=', '&&', '||']);

export class RuleSyntaxError extends Error {
  override name = 'RuleSyntaxError';
}

/** Parses and checks `source`; throws RuleSyntaxError naming what is not part of the rule language. */
export function compileRuleExpression(source: string): RulePredicate {
  let tree: jsep.Expression;
  try {
    tree = jsep(source);
  } catch (error) {
    throw new RuleSyntaxError(`cannot parse "${source}": ${(error as Error).message}`);
  }
  check(tree, source);
  return (context) => {
    try {
      return evaluate(tree, context) === true;
    } catch {
      return false; // e.g. auth.openid when signed out, or resource.openid of a file with no owner
    }
  };
}

function check(node: jsep.Expression, source: string): void {
  const refuse = (what: string) => {
    throw new RuleSyntaxError(`"${source}": ${what} is not part of storage rules`);
  };
  switch (node.type) {
    case 'Literal': {
      const { value, raw } = node as jsep.Literal;
      if (value !== null && typeof value !== 'boolean' && typeof value !== 'string') refuse(`the literal ${raw}`);
      return;
    }
    case 'Identifier':
      if (!(identifierName(node) in FIELDS)) refuse(`the identifier ${identifierName(node)}`);
      return;
    case 'MemberExpression': {
      const member = node as jsep.MemberExpression;
      const owner = member.object.type === 'Identifier' ? identifierName(member.object) : '';
      const field = member.property.type === 'Identifier' ? identifierName(member.property) : '';
      const known = owner in FIELDS && FIELDS[owner as keyof RuleContext].includes(field);
      if (member.computed || member.optional) refuse('indexing with [] or ?.');
      if (!known) refuse(`the field ${owner || member.object.type}.${field || member.property.type}`);
      return;
    }
    case 'UnaryExpression': {
      const unary = node as jsep.UnaryExpression;
      if (unary.operator !== '!') refuse(`the operator ${unary.operator}`);
      return check(unary.argument, source);
    }
    case 'BinaryExpression': {
      const binary = node as jsep.BinaryExpression;
      if (!BINARY.has(binary.operator)) refuse(`the operator ${binary.operator}`);
      check(binary.left, source);
      return check(binary.right, source);
    }
    default:
      refuse(`a ${node.type}`);
  }
}

type Value = string | boolean | null | RuleContext['auth'] | RuleContext['resource'];

/** Evaluates a checked tree; throws when a field is absent, which the caller turns into a denial. */
function evaluate(node: jsep.Expression, context: RuleContext): Value {
  switch (node.type) {
    case 'Literal':
      return (node as jsep.Literal).value as string | boolean | null;
    case 'Identifier':
      return context[identifierName(node) as keyof RuleContext];
    case 'MemberExpression': {
      const member = node as jsep.MemberExpression;
      const object = evaluate(member.object, context);
      const field = identifierName(member.property);
      const value = object !== null && typeof object === 'object' ? (object as Record<string, unknown>)[field] : undefined;
      if (typeof value !== 'string') throw new Error(`${field} is absent`);
      return value;
    }
    case 'UnaryExpression':
      return !truthy(evaluate((node as jsep.UnaryExpression).argument, context));
    case 'BinaryExpression':
      return evaluateBinary(node as jsep.BinaryExpression, context);
    default:
      throw new Error(`unexpected ${node.type}`); // unreachable after check()
  }
}

function evaluateBinary(node: jsep.BinaryExpression, context: RuleContext): boolean {
  const left = () => evaluate(node.left, context);
  const right = () => evaluate(node.right, context);
  switch (node.operator) {
    case '&&':
      return truthy(left()) && truthy(right());
    case '||':
      return truthy(left()) || truthy(right());
    case '==':
      return left() === right();
    case '!=':
      return left() !== right();
    default:
      throw new Error(`unexpected operator ${node.operator}`); // unreachable after check()
  }
}

function truthy(value: Value): boolean {
  return Boolean(value);
}

function identifierName(node: jsep.Expression): string {
  return (node as jsep.Identifier).name;
}
