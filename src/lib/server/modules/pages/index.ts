/**
 * The `pages` module's public surface: its manifest (for the registry) and the use cases routes and seeds call.
 * Code outside this folder imports the module only from here (a lint rule enforces it).
 */
export { pages } from './manifest.ts';
export { viewPages, viewPage, managePages, managePage } from './views.ts';
export { readPageForm, type PageInput } from './forms.ts';
export { createPage } from './commands/create-page.ts';
export { updatePage } from './commands/update-page.ts';
export { deletePage } from './commands/delete-page.ts';
export { movePage } from './commands/move-page.ts';
export { insertPages, type SeedPage } from './seeds.ts';
