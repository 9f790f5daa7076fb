/** Comments on a consultation (a platform feature): readable with the announcement, written per the phase setting.
 * Comments are a conversation; the register holds the written recommendations with legal value. */
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import type { CommentTarget } from '../../platform/comments/index.ts';
import type { Db } from '../../platform/db/index.ts';
import type { AnyModule } from '../../platform/modules/define-module.ts';
import { can, loadModule } from '../../platform/modules/runtime.ts';
import { allow, deny } from '../../platform/permissions/index.ts';
import { requireVerification } from '../../platform/permissions/verification.ts';
import { consultationUrl } from './queries.ts';
import { consultationsConsultations } from './schema.ts';
import type { ConsultationsPhaseSettings } from './settings.ts';

export const consultationCommentTarget =
	(manifest: AnyModule) =>
	async (db: Db, actor: Actor, consultationId: string): Promise<CommentTarget | null> => {
		const [c] = await db
			.select()
			.from(consultationsConsultations)
			.where(eq(consultationsConsultations.id, consultationId));
		if (!c) return null;
		const { ctx } = await loadModule(db, manifest, c.moduleId);
		const staff = can(actor, 'manage', ctx, manifest).allowed;
		if (!c.publishedOn && !staff) return null;
		const read = can(actor, 'read', ctx, manifest);
		const setting = (ctx.phaseSettings as ConsultationsPhaseSettings).comments;
		const verification = ctx.requiredVerifications.recommend;
		return {
			spaceId: ctx.space.id,
			moduleId: c.moduleId,
			title: c.draftTitle,
			url: consultationUrl(ctx.space.slug, c.moduleId),
			authorIds: [],
			canRead: !read.allowed ? read : setting === 'hidden' && !staff ? deny('consultations_comments_hidden') : allow,
			canComment: !read.allowed
				? read
				: setting !== 'enabled'
					? deny('consultations_comments_closed')
					: c.synthesisPublishedAt
						? deny('consultations_error_finalised')
						: verification
							? requireVerification(actor, verification)
							: requireVerification(actor, 'email')
		};
	};
