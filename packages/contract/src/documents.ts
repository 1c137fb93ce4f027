import type { BlocksContent, MediaFile } from './blocks.js';
import { COMPONENTS, CONTENT_TYPES } from './generated/content-types.js';

/*
 * The documents the public API answers with, typed from the CMS's schemas (generated into
 * ./generated/content-types.ts): a field exists on the site's side exactly when the schema has it.
 * And the same schemas at run time, to check that an answer has the shape they promise.
 */

export type ContentTypes = typeof CONTENT_TYPES;
export type ContentUid = keyof ContentTypes;
type Components = typeof COMPONENTS;
type ComponentUid = keyof Components;

/** What every document carries in a REST answer besides its attributes. */
export interface DocumentFields {
  id: number;
  documentId: string;
  locale?: string;
  createdAt?: string;
  updatedAt?: string;
  publishedAt?: string | null;
}

const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'locale',
  'createdAt',
  'updatedAt',
  'publishedAt',
]);

type Attributes<U extends ContentUid> = ContentTypes[U]['attributes'];

/** Attribute types that come only when populated (relations, media, components). */
type PopulatedType = 'media' | 'component' | 'relation' | 'dynamiczone';

type ScalarValue<A> = A extends {
  type: 'string' | 'text' | 'richtext' | 'uid' | 'email' | 'date' | 'datetime' | 'time';
}
  ? string
  : A extends { type: 'biginteger' | 'timestamp' }
    ? string
    : A extends { type: 'integer' | 'float' | 'decimal' }
      ? number
      : A extends { type: 'boolean' }
        ? boolean
        : A extends { type: 'enumeration'; enum: readonly (infer E)[] }
          ? E
          : A extends { type: 'blocks' }
            ? BlocksContent
            : unknown;

type PopulatedValue<A> = A extends { type: 'media'; multiple: true }
  ? MediaFile[]
  : A extends { type: 'media' }
    ? MediaFile | null
    : A extends { type: 'component'; repeatable: true; component: infer C extends ComponentUid }
      ? ComponentValue<C>[]
      : A extends { type: 'component'; component: infer C extends ComponentUid }
        ? ComponentValue<C> | null
        : A extends {
              type: 'relation';
              relation: 'oneToMany' | 'manyToMany';
              target: infer T extends ContentUid;
            }
          ? Doc<T>[]
          : A extends { type: 'relation'; target: infer T extends ContentUid }
            ? Doc<T> | null
            : unknown;

type ScalarKeys<Attrs> = {
  [K in keyof Attrs]: Attrs[K] extends { type: PopulatedType } ? never : K;
}[keyof Attrs];

type PopulatedKeys<Attrs> = Exclude<keyof Attrs, ScalarKeys<Attrs>>;

/** Scalars are always in an answer (null when empty, unless required); the rest when populated. */
type Fields<Attrs> = {
  -readonly [K in ScalarKeys<Attrs>]: Attrs[K] extends { required: true }
    ? ScalarValue<Attrs[K]>
    : ScalarValue<Attrs[K]> | null;
} & {
  -readonly [K in PopulatedKeys<Attrs>]?: PopulatedValue<Attrs[K]>;
};

export type ComponentValue<C extends ComponentUid> = { id: number } & Fields<
  Components[C]['attributes']
>;

/** A document of content type `U`, as the public REST API returns it. */
export type Doc<U extends ContentUid> = DocumentFields & Fields<Attributes<U>>;

/** A scalar field of `U` (what `fields` and `sort` may name). */
export type FieldName<U extends ContentUid> = ScalarKeys<Attributes<U>> & string;

/** A relation, media or component field of `U` (what `populate` may name). */
export type PopulateName<U extends ContentUid> = PopulatedKeys<Attributes<U>> & string;

/** A document of `U` with only the scalar fields `F` (a `fields` query), plus what it populates. */
export type Selected<
  U extends ContentUid,
  F extends FieldName<U>,
  P extends PopulateName<U> = never,
> = DocumentFields & Pick<Doc<U>, F | P>;

export const isContentUid = (uid: unknown): uid is ContentUid =>
  typeof uid === 'string' && Object.prototype.hasOwnProperty.call(CONTENT_TYPES, uid);

export function contentType<U extends ContentUid>(uid: U): ContentTypes[U] {
  return CONTENT_TYPES[uid];
}

// ---- The shape check ----

interface AttributeSpec {
  type: string;
  required?: boolean;
  multiple?: boolean;
  repeatable?: boolean;
  component?: string;
  relation?: string;
  target?: string;
  enum?: readonly string[];
}

type AttributeMap = Record<string, AttributeSpec>;

/**
 * Invisible characters that Strapi's `Strapi-Encode-Source-Maps` answers weave into strings
 * (@vercel/stega: runs of zero-width characters). A run of four or more is never patient text.
 */
const HIDDEN_MARKS = /[\u200B-\u200D\u2060-\u2064\uFEFF]{4,}/u;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function scalarProblem(spec: AttributeSpec, value: unknown): string | null {
  switch (spec.type) {
    case 'integer':
    case 'float':
    case 'decimal':
      return typeof value === 'number' ? null : 'a number';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'blocks':
      return Array.isArray(value) ? null : 'a list of blocks';
    case 'enumeration':
      return typeof value === 'string' && (spec.enum ?? []).includes(value)
        ? null
        : `one of ${(spec.enum ?? []).join(', ')}`;
    case 'json':
      return null;
    default:
      return typeof value === 'string' ? null : 'text';
  }
}

function attributeProblem(path: string, spec: AttributeSpec, value: unknown): string | null {
  if (value === null || value === undefined) return null; // required-ness is checked separately
  switch (spec.type) {
    case 'media':
      if (spec.multiple) {
        if (!Array.isArray(value)) return `${path} should be a list of files`;
        return value.every((file) => isObject(file) && typeof file.url === 'string')
          ? null
          : `${path} should hold files with a url`;
      }
      return isObject(value) && typeof value.url === 'string'
        ? null
        : `${path} should be a file with a url`;
    case 'component': {
      const component = COMPONENTS[spec.component as ComponentUid] as
        { attributes: AttributeMap } | undefined;
      if (!component) return `${path} names an unknown component ${spec.component}`;
      const items = spec.repeatable ? value : [value];
      if (!Array.isArray(items)) return `${path} should be a list`;
      for (const [i, item] of items.entries()) {
        const problem = fieldsProblem(
          spec.repeatable ? `${path}[${i}]` : path,
          component.attributes,
          item,
          new Set(['id']),
          false,
        );
        if (problem) return problem;
      }
      return null;
    }
    case 'relation': {
      const target = spec.target ?? '';
      if (!isContentUid(target)) return null; // a plugin's type (users, files): not checked here
      const toMany = spec.relation === 'oneToMany' || spec.relation === 'manyToMany';
      const items = toMany ? value : [value];
      if (!Array.isArray(items)) return `${path} should be a list`;
      for (const [i, item] of items.entries()) {
        const problem = documentProblemAt(toMany ? `${path}[${i}]` : path, target, item, false);
        if (problem) return problem;
      }
      return null;
    }
    case 'dynamiczone':
      return Array.isArray(value) ? null : `${path} should be a list`;
    default: {
      const expected = scalarProblem(spec, value);
      return expected ? `${path} should be ${expected}` : null;
    }
  }
}

function fieldsProblem(
  path: string,
  attributes: AttributeMap,
  value: unknown,
  allowed: Set<string>,
  checkRequired: boolean,
  fields?: readonly string[],
): string | null {
  if (!isObject(value)) return `${path} should be an object`;
  if ('attributes' in value && !('attributes' in attributes)) {
    return `${path} has an "attributes" wrapper (a Strapi v4-shaped answer)`;
  }
  for (const [key, field] of Object.entries(value)) {
    const spec = attributes[key];
    if (!spec) {
      if (allowed.has(key)) continue;
      return `${path} has a field the schema does not have: "${key}"`;
    }
    const problem = attributeProblem(`${path}.${key}`, spec, field);
    if (problem) return problem;
  }
  if (checkRequired) {
    for (const [key, spec] of Object.entries(attributes)) {
      if (!spec.required || (fields && !fields.includes(key))) continue;
      if (spec.type === 'media' || spec.type === 'component' || spec.type === 'relation') continue;
      if (value[key] === null || value[key] === undefined) return `${path}.${key} is missing`;
    }
  }
  return null;
}

function documentProblemAt(
  path: string,
  uid: ContentUid,
  value: unknown,
  checkRequired: boolean,
  fields?: readonly string[],
): string | null {
  if (!isObject(value)) return `${path} should be an object`;
  if (typeof value.documentId !== 'string' || value.documentId === '') {
    return `${path} has no documentId`;
  }
  const attributes = CONTENT_TYPES[uid].attributes as AttributeMap;
  return fieldsProblem(path, attributes, value, SYSTEM_FIELDS, checkRequired, fields);
}

function hiddenMarksAt(path: string, value: unknown): string | null {
  if (typeof value === 'string') {
    return HIDDEN_MARKS.test(value)
      ? `${path} carries hidden characters (encoded source maps)`
      : null;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = hiddenMarksAt(`${path}[${i}]`, item);
      if (found) return found;
    }
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = hiddenMarksAt(`${path}.${key}`, item);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Why `value` is not a document of `uid` as the public API answers it, or null when it is: an
 * object with a documentId, only the schema's fields (no v4 `attributes` wrapper), each of the
 * right kind, the required ones present (among `fields` when the query selected some), and no
 * hidden characters in its text. Populated relations and components are checked the same way.
 */
export function documentProblem(
  uid: ContentUid,
  value: unknown,
  options: { fields?: readonly string[] } = {},
): string | null {
  return documentProblemAt(uid, uid, value, true, options.fields) ?? hiddenMarksAt(uid, value);
}
