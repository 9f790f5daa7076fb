/**
 * The `news` module's public surface: its manifest (for the registry) and the use cases routes, jobs and seeds call.
 * Code outside this folder imports the module only from here.
 */
export { news } from './manifest.ts';
export { viewNewsList, viewNewsPost, manageNews, manageNewsPost } from './views.ts';
export { readNewsForm, type NewsInput } from './forms.ts';
export { createNewsPost } from './commands/create-news-post.ts';
export { updateNewsPost } from './commands/update-news-post.ts';
export { deleteNewsPost } from './commands/delete-news-post.ts';
export { announceDueNews, NEWS_ANNOUNCE_JOB } from './commands/announce-news-post.ts';
export { newsUrl } from './queries.ts';
export { mountDemoNews } from './demo.ts';
