export * from './blocks.js';
export * from './content-change.js';
export * from './documents.js';
export * from './secrets.js';
export * from './signature.js';
export { API_PATHS, COMPONENTS, CONTENT_TYPES } from './generated/content-types.js';
