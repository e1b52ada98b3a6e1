// @camunda/form-linting ships its ES module sources as they are, for a bundler (Camunda Modeler bundles them):
// its package.json does not say "type": "module", and index.js and lib/ import './lib/FormLinter' without the
// '.js' that Node needs. This resolve hook, for that package only, retries such an import with '.js' added
// and tells Node that its files are ES modules (Node 20.19 and later would guess so; Node 18 and older 20s
// would not).
const PACKAGE = '/node_modules/@camunda/form-linting/';

export async function resolve(specifier, context, nextResolve) {
  const inPackage = (context.parentURL || '').includes(PACKAGE) || specifier === '@camunda/form-linting';
  if (!inPackage) {
    return nextResolve(specifier, context);
  }
  let resolved;
  try {
    resolved = await nextResolve(specifier, context);
  } catch (error) {
    if (error.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.\.?\//.test(specifier) || specifier.endsWith('.js')) {
      throw error;
    }
    resolved = await nextResolve(specifier + '.js', context);
  }
  return resolved.url.includes(PACKAGE) && resolved.url.endsWith('.js') ? { ...resolved, format: 'module' } : resolved;
}
