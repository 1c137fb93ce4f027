import type { Core } from '@strapi/strapi';

/**
 * Filter values checked against the types of the fields they filter, for the public read guard.
 *
 * Strapi's strictParams checks that filtered fields and operators exist, not that the values fit:
 * on PostgreSQL `filters[order][$eq]=abc` (an integer column), `filters[order][$contains]=1`,
 * `filters[publishedAt][$contains]=x`, `filters[answer][$eq]=x` (rich text, stored as jsonb),
 * an id that is not a number, an integer out of range or a `$between` without two bounds make the
 * database refuse the query, and Strapi answers 500 (SQLite takes them all). Found by
 * tests/read-fuzz.test.ts; each is a 400 with a message here instead. Date formats Strapi checks
 * itself (a 400 already); unknown fields and operators are strictParams'.
 */

type Kind = 'integer' | 'biginteger' | 'number' | 'boolean' | 'date' | 'json' | 'text';

interface Attribute {
  type: string;
  target?: string;
  component?: string;
}
interface Model {
  attributes: Record<string, Attribute>;
}

const TEXT_OPERATORS = new Set([
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$eqi',
  '$nei',
]);
const VALUE_OPERATORS = new Set(['$eq', '$ne', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn']);
const NULL_OPERATORS = new Set(['$null', '$notNull']);

const KINDS: Record<string, Kind> = {
  integer: 'integer',
  biginteger: 'biginteger',
  float: 'number',
  decimal: 'number',
  boolean: 'boolean',
  date: 'date',
  datetime: 'date',
  time: 'date',
  timestamp: 'date',
  json: 'json',
  blocks: 'json',
};

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;
const BIGINT_LIMIT = BigInt('9223372036854775807');

/** Why `value` does not fit a field of `kind` (worded after `at`); null when it does. */
function valueProblem(kind: Kind, value: unknown, at: string): string | null {
  if (typeof value !== 'string') return `${at} must be a single value.`;
  switch (kind) {
    case 'integer': {
      const fits =
        /^-?\d{1,10}$/.test(value) && Number(value) >= INT_MIN && Number(value) <= INT_MAX;
      return fits ? null : `${at} must be a whole number from ${INT_MIN} to ${INT_MAX}.`;
    }
    case 'biginteger': {
      const fits =
        /^-?\d{1,19}$/.test(value) &&
        BigInt(value) <= BIGINT_LIMIT &&
        BigInt(value) >= -BIGINT_LIMIT;
      return fits ? null : `${at} must be a whole number.`;
    }
    case 'number': {
      const fits =
        /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value) && Number.isFinite(Number(value));
      return fits ? null : `${at} must be a number.`;
    }
    case 'boolean':
      return /^(true|false|t|f|1|0)$/i.test(value) ? null : `${at} must be true or false.`;
    default:
      return null; // text; dates are checked by Strapi
  }
}

const kindName: Record<Kind, string> = {
  integer: 'a whole number',
  biginteger: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  date: 'a date',
  json: 'rich text or JSON',
  text: 'text',
};

/** The problem with the conditions `condition` on one field of kind `kind`, at `at`. */
function conditionProblem(kind: Kind, condition: unknown, at: string): string | null {
  if (condition === null) return null; // `filters[field]` alone: IS NULL
  if (typeof condition === 'string' || Array.isArray(condition)) {
    if (kind === 'json')
      return `${at}: ${kindName.json} can only be filtered with $null or $notNull.`;
    const values = Array.isArray(condition) ? condition : [condition];
    for (const value of values) {
      const problem = valueProblem(kind, value, at);
      if (problem) return problem;
    }
    return null;
  }
  if (typeof condition !== 'object') return null;
  for (const [operator, operand] of Object.entries(condition)) {
    const here = `${at}[${operator}]`;
    if (operator === '$not') {
      const problem = conditionProblem(kind, operand, here);
      if (problem) return problem;
      continue;
    }
    if (NULL_OPERATORS.has(operator)) continue;
    if (kind === 'json')
      return `${here}: ${kindName.json} can only be filtered with $null or $notNull.`;
    if (TEXT_OPERATORS.has(operator)) {
      if (kind !== 'text') {
        return (
          `${here}: ${operator} compares text, and this field holds ${kindName[kind]}; use $eq, ` +
          '$ne, $lt, $lte, $gt, $gte, $in, $notIn, $between, $null or $notNull.'
        );
      }
      continue;
    }
    if (operator === '$between') {
      if (!Array.isArray(operand) || operand.length !== 2) {
        return `${here} takes two bounds, e.g. ${here}[0]=1&${here}[1]=9.`;
      }
    }
    if (VALUE_OPERATORS.has(operator) || operator === '$between') {
      const values = Array.isArray(operand) ? operand : [operand];
      for (const value of values) {
        const problem = valueProblem(kind, value, here);
        if (problem) return problem;
      }
    }
    // Any other operator is strictParams' to refuse.
  }
  return null;
}

const LOGICAL = new Set(['$and', '$or', '$not']);

/**
 * Conditions on a relation, media or component: on the related entries' fields (nested filters),
 * or straight on the relation, which compares its id (a whole number).
 */
function relatedProblem(
  strapi: Core.Strapi,
  uid: string,
  value: unknown,
  at: string,
): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return conditionProblem('integer', value, at);
  }
  const entries = Object.entries(value);
  const onId = entries.filter(([key]) => key.startsWith('$') && !LOGICAL.has(key));
  const nested = entries.filter(([key]) => !key.startsWith('$') || LOGICAL.has(key));
  return (
    (onId.length > 0 ? conditionProblem('integer', Object.fromEntries(onId), at) : null) ??
    filterValuesProblem(strapi, uid, Object.fromEntries(nested), at)
  );
}

/**
 * The first filter whose value does not fit its field, in the model `uid` (through relations,
 * media and components, and $and / $or / $not); null when all fit or are strictParams' business.
 */
export function filterValuesProblem(
  strapi: Core.Strapi,
  uid: string,
  filters: unknown,
  at = 'filters',
): string | null {
  if (filters === null || typeof filters !== 'object') return null;
  const model = strapi.getModel(uid as never) as unknown as Model | undefined;
  if (!model) return null;
  for (const [key, value] of Object.entries(filters)) {
    const here = `${at}[${key}]`;
    if (key === '$and' || key === '$or') {
      for (const [index, item] of Object.entries(value ?? {})) {
        const problem = filterValuesProblem(strapi, uid, item, `${here}[${index}]`);
        if (problem) return problem;
      }
      continue;
    }
    if (key === '$not') {
      const problem = filterValuesProblem(strapi, uid, value, here);
      if (problem) return problem;
      continue;
    }
    if (key === 'id') {
      const problem = conditionProblem('integer', value, here);
      if (problem) return problem;
      continue;
    }
    const attribute = model.attributes[key];
    if (!attribute) continue; // documentId (text), or unknown: strictParams'
    const nested =
      attribute.type === 'relation'
        ? attribute.target
        : attribute.type === 'media'
          ? 'plugin::upload.file'
          : attribute.type === 'component'
            ? attribute.component
            : undefined;
    if (nested) {
      const problem = relatedProblem(strapi, nested, value, here);
      if (problem) return problem;
      continue;
    }
    const problem = conditionProblem(KINDS[attribute.type] ?? 'text', value, here);
    if (problem) return problem;
  }
  return null;
}

/** The model a relation, media or component attribute leads to, if any. */
function relatedModel(attribute: Attribute | undefined): string | undefined {
  if (!attribute) return undefined;
  if (attribute.type === 'relation') return attribute.target;
  if (attribute.type === 'media') return 'plugin::upload.file';
  if (attribute.type === 'component') return attribute.component;
  return undefined;
}

/**
 * The same checks for the filters inside `populate` (`populate[faqs][filters][order][$eq]=x`),
 * at any depth, each against the related model; `nestedFilters` checks their logical operators.
 */
export function populateProblem(
  strapi: Core.Strapi,
  uid: string,
  populate: unknown,
  nestedFilters: (filters: unknown, at: string) => string | null,
  at = 'populate',
): string | null {
  if (populate === null || typeof populate !== 'object' || Array.isArray(populate)) return null;
  const model = strapi.getModel(uid as never) as unknown as Model | undefined;
  if (!model) return null;
  for (const [key, value] of Object.entries(populate)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
    const here = `${at}[${key}]`;
    const target = relatedModel(model.attributes[key]);
    const options = value as Record<string, unknown>;
    if (target) {
      const problem =
        nestedFilters(options.filters, `${here}[filters]`) ??
        filterValuesProblem(strapi, target, options.filters, `${here}[filters]`) ??
        populateProblem(strapi, target, options.populate, nestedFilters, `${here}[populate]`);
      if (problem) return problem;
    }
    // Dynamic zones: `populate[zone][on][component.uid][…]`.
    if (
      model.attributes[key]?.type === 'dynamiczone' &&
      options.on &&
      typeof options.on === 'object'
    ) {
      for (const [component, nested] of Object.entries(options.on as Record<string, unknown>)) {
        const problem = populateProblem(
          strapi,
          component,
          { [component]: nested },
          nestedFilters,
          `${here}[on]`,
        );
        if (problem) return problem;
      }
    }
  }
  return null;
}
