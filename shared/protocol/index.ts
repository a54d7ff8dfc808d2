export * from './limits.js';
export * from './schemas.js';
export * from './validate.js';
export * from './json-elements.js';
