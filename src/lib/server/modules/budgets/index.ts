/**
 * The `budgets` module's public surface: its manifest (for the registry) and the use cases routes, the API and seeds
 * call. Code outside this folder imports the module only from here.
 */
export { budgets } from './manifest.ts';
