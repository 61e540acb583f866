/**
 * The layers of ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser): each folder of src/ may import
 * only the folders below it. A rule broken here is a design question first: say in ARCHITECTURE.md why, or move code.
 */
const layer = (from, allowed) => ({
  name: `${from}-imports-only-${allowed.join('-') || 'itself'}`,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^(src|commands)/', pathNot: [`^src/${from}/`, ...allowed.map((folder) => `^src/${folder}/`)] },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    layer('core', []),
    layer('search', ['core']),
    layer('exchange', ['core']),
    // A view may name the store's record types (an audit entry), never call the store.
    { ...layer('views', ['core']), to: { path: '^(src|commands)/', pathNot: ['^src/views/', '^src/core/'], dependencyTypesNot: ['type-only'] } },
    layer('store', ['core', 'search']),
    layer('config', ['core']),
    layer('summary', ['core', 'store', 'views']),
    layer('command', ['core', 'config', 'search', 'store', 'summary', 'views']),
    layer('curation', ['core', 'command', 'search', 'store', 'views']),
    layer('draft', ['core', 'command', 'curation', 'search', 'store', 'views']),
    {
      name: 'commands-use-no-edge',
      severity: 'error',
      comment: 'Commands do not know Discord, the console or the CLI: the edges call them.',
      from: { path: '^commands/' },
      to: { path: '^src/(discord|terminal)/|^src/[^/]+\\.ts$' },
    },
    {
      name: 'edges-stay-apart',
      severity: 'error',
      comment: 'Discord and the terminal are two edges over the same commands; neither uses the other.',
      from: { path: '^src/(discord|terminal)/' },
      to: { path: '^src/(discord|terminal)/|^commands/', pathNot: ['^src/$1/'] },
    },
    {
      name: 'only-entry-points-import-commands',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/[^/]+\\.ts$' },
      to: { path: '^commands/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(node_modules|dist|tests|bench)/' },
  },
};
