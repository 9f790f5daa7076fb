/** The serialisable shape of a comment thread page (built by viewComments on the server, shown by Comments.svelte). */
export interface CommentView {
	id: string;
	depth: number;
	parentId: string | null;
	/** null: the account was deleted. */
	authorName: string | null;
	mine: boolean;
	alignment: string;
	state: 'visible' | 'hidden' | 'deleted';
	/** Sanitised HTML; empty for a placeholder the reader may not read. */
	html: string;
	hiddenReason: string | null;
	createdAt: string;
	editedAt: string | null;
	upVotes: number;
	downVotes: number;
	myVote: number;
	reportedByMe: boolean;
	openReports: number;
	may: { reply: boolean; edit: boolean; delete: boolean; vote: boolean; report: boolean; moderate: boolean };
	replies: CommentView[];
}

export interface CommentsData {
	visible: true;
	resourceType: string;
	resourceId: string;
	/** Where the forms send the reader back to (path and query of the page showing the thread). */
	returnTo: string;
	/** The comment whose reply form is open (`?reply=<id>`), if it is on this page. */
	replyTo: string | null;
	order: 'oldest' | 'newest' | 'most_voted';
	page: number;
	pageCount: number;
	counts: { total: number; for: number; against: number; neutral: number };
	signedIn: boolean;
	/** Whether the reader may write a comment, and if not why (a message key). */
	canComment: boolean;
	reason: string | null;
	moderator: boolean;
	threads: CommentView[];
}

export type CommentsSection = CommentsData | { visible: false };

/** A link to the same page with other thread parameters (order, page), keeping the rest of the query. */
export function threadHref(returnTo: string, params: Record<string, string | null>): string {
	const url = new URL(returnTo, 'http://vocea.invalid');
	for (const [k, v] of Object.entries(params)) {
		if (v === null) url.searchParams.delete(k);
		else url.searchParams.set(k, v);
	}
	return `${url.pathname}${url.search}#comments`;
}
