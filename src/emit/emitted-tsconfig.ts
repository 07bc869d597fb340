/** tsconfig.json of an emitted Playwright project: strict, bundler resolution, type-check only. */
export function emittedTsconfig(include: string[]): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      resolveJsonModule: true,
      skipLibCheck: true,
      types: ['node'],
    },
    include,
  };
  return JSON.stringify(config, null, 2) + '\n';
}
