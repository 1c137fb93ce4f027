import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicContentTypes } from '../../src/content-model';
import { APP_DIR } from './strapi';

/**
 * The project's content types as their schema files on disk say (src/api/<api>/content-types/
 * <name>/schema.json), for suites that need them before Strapi has booted (test tables) and to
 * compare with what the running Strapi loaded.
 */

export interface Attribute {
  type: string;
  target?: string;
  component?: string;
  pluginOptions?: { i18n?: { localized?: boolean } };
}

export interface ApiSchema {
  uid: string;
  file: string;
  kind: 'collectionType' | 'singleType';
  info: { singularName: string; pluralName: string; displayName: string };
  attributes: Record<string, Attribute>;
}

const API_DIR = join(APP_DIR, 'src', 'api');

/** Every content-type schema under src/api. */
export function apiSchemasOnDisk(): ApiSchema[] {
  const schemas: ApiSchema[] = [];
  for (const api of readdirSync(API_DIR)) {
    const typesDir = join(API_DIR, api, 'content-types');
    if (!existsSync(typesDir)) continue; // e.g. the preview API: routes only
    for (const name of readdirSync(typesDir)) {
      const file = join(typesDir, name, 'schema.json');
      if (!existsSync(file)) continue;
      const schema = JSON.parse(readFileSync(file, 'utf8'));
      schemas.push({ ...schema, uid: `api::${api}.${schema.info.singularName}`, file });
    }
  }
  return schemas;
}

/** The public REST path of a type: /api/<pluralName>, or /api/<singularName> for a single type. */
export const restPathOf = (schema: Pick<ApiSchema, 'kind' | 'info'>) =>
  `/api/${schema.kind === 'singleType' ? schema.info.singularName : schema.info.pluralName}`;

export interface PublicApiType {
  uid: string;
  path: string;
  kind: ApiSchema['kind'];
  schema: ApiSchema;
}

/** The content model's public types with their REST paths, for test tables. */
export function publicApiTypes(): PublicApiType[] {
  const schemas = new Map(apiSchemasOnDisk().map((schema) => [schema.uid, schema]));
  return publicContentTypes().map(([uid]) => {
    const schema = schemas.get(uid);
    if (!schema) throw new Error(`The content model names ${uid}, which has no schema file.`);
    return { uid, path: restPathOf(schema), kind: schema.kind, schema };
  });
}

/** The public collection types (find and findOne). */
export const publicCollections = () =>
  publicApiTypes().filter((type) => type.kind === 'collectionType');
