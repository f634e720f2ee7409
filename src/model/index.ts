export * from './geometry.js';
export * from './document.js';
export * from './table.js';
export * from './report.js';
