/**
 * Staff at a desk record that they checked a citizen's identity document in person (the document type, never its
 * number), through the platform's in-person verification; the desk is noted in the audit log.
 */
import type { Actor } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { getDb } from '../../../platform/db/index.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { ok, type Result } from '../../../platform/result.ts';
import { recordInPersonVerification } from '../../../platform/verification/commands/record-in-person-verification.ts';
import { budgetsModule, canBudgets } from '../context.ts';
import type { InPersonInput } from '../desk-forms.ts';
import { citizenById, deskOrThrow } from '../desk-queries.ts';

export async function verifyAtDesk(
	actor: Actor,
	{ moduleId, deskId, userId }: { moduleId: string; deskId: string; userId: string },
	input: InPersonInput
): Promise<Result<{ kinds: string[] }>> {
	const db = await getDb();
	const { ctx, instance } = await budgetsModule(db, moduleId);
	authorize(canBudgets(actor, 'desk', ctx));
	await deskOrThrow(db, moduleId, deskId);
	await citizenById(db, userId);
	const result = await recordInPersonVerification(actor, {
		userId,
		kinds: input.kinds,
		documentType: input.documentType
	});
	if (!result.ok) return result;
	await recordAction(db, actor, {
		action: 'budgets.desk_verification',
		resourceType: 'user',
		resourceId: userId,
		spaceId: instance.spaceId,
		data: { moduleId, deskId, documentType: input.documentType }
	});
	return ok(result.value);
}
