/** Comments: a platform feature attached to any registered commentable resource (see commentables.ts). */
// The e2e stories' discussion; it answers only while the test hooks are on.
import './test-thread.ts';

export { registerCommentable, commentableTypes, type CommentTarget, type CommentableResolver } from './commentables.ts';
export {
	viewComments,
	viewCommentForEdit,
	viewCommentForReport,
	viewCommentForModeration,
	viewModerationQueue,
	viewCommentBlocks,
	type CommentsData,
	type CommentView
} from './views.ts';
export { createComment, type CommentRef } from './commands/create-comment.ts';
export { editComment } from './commands/edit-comment.ts';
export { deleteComment } from './commands/delete-comment.ts';
export { voteComment } from './commands/vote-comment.ts';
export { reportComment } from './commands/report-comment.ts';
export { hideComment } from './commands/hide-comment.ts';
export { restoreComment } from './commands/restore-comment.ts';
export { dismissReports } from './commands/dismiss-reports.ts';
export { blockUser } from './commands/block-user.ts';
export { unblockUser } from './commands/unblock-user.ts';
export { commentCountsOf } from './queries.ts';
export { seedComments, type SeedComment } from './seed.ts';
export { commentNotificationKeys } from './notices.ts';
