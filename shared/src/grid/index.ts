/** The grid tree (县 → 街道 → 社区 → 网格 → 微网格): levels, codes, the tree, features, QR scenes. */
export * from './grid-level';
export * from './grid-code';
export * from './grid-tree';
export * from './grid-feature';
export * from './grid-scene';
