// A module-resolution hook (node:module register) that adds the @portage/source export
// condition, which points each workspace package at its TypeScript sources: what
// `node --conditions=@portage/source` does, from inside nx's already running process.
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('@portage/source') ? context.conditions : [...context.conditions, '@portage/source'];
  return nextResolve(specifier, { ...context, conditions });
}
