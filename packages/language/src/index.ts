export * from './minutes-module.js';
export * from './generated/ast.js';
export * from './generated/module.js';
export * from './model/names.js';
export * from './model/text.js';
export * from './model/directory.js';
