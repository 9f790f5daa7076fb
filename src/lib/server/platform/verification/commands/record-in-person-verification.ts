/**
 * Staff record that they checked a person's documents at a desk: which kinds were verified, by whom, when, and the
 * document *type*. There is deliberately no field for a document number.
 */
import { z } from 'zod';
import type { Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getDb } from '../../db/index.ts';
import { authorize } from '../../permissions/index.ts';
import { canAdmin } from '../../permissions/admin-policy.ts';
import { invalid, ok, type Result } from '../../result.ts';
import { assertUserExists } from '../../people/user-exists.ts';
import { grantVerification } from '../grant-verification.ts';

export const inPersonKinds = ['residence', 'age', 'organisation'] as const;
export const documentTypes = [
	'identity_card',
	'passport',
	'residence_permit',
	'residence_certificate',
	'other'
] as const;

const Input = z.object({
	userId: z.string().min(1),
	kinds: z.array(z.enum(inPersonKinds, 'verification_kind_invalid')).default([]),
	documentType: z.enum(documentTypes, 'verification_document_type_required'),
	/** For `organisation`: the association's name and its number in the register of associations and foundations
	 * (or, for a public authority, the authority's name), checked by staff against the documents shown. */
	organisationName: z.string().trim().max(300, 'validation_too_long').default(''),
	organisationRegistration: z.string().trim().max(300, 'validation_too_long').default('')
});

export async function recordInPersonVerification(
	actor: Actor,
	input: {
		userId?: unknown;
		kinds?: unknown;
		documentType?: unknown;
		organisationName?: unknown;
		organisationRegistration?: unknown;
	}
): Promise<Result<{ kinds: string[] }>> {
	authorize(canAdmin(actor, 'verification.in_person'));
	const parsed = Input.safeParse(input);
	if (!parsed.success) return invalid(parsed.error);
	const { userId, documentType, organisationName, organisationRegistration } = parsed.data;
	const organisation = parsed.data.kinds.includes('organisation');
	if (organisation && (!organisationName || !organisationRegistration))
		return invalid({ organisationName: 'verification_organisation_required' });
	const db = await getDb();
	await assertUserExists(db, userId);
	// Meeting the person with a document always confirms identity (`in_person`), plus what was checked.
	const kinds = ['in_person', ...new Set(parsed.data.kinds)] as const;
	const verifiedBy = actor.kind === 'user' ? actor.id : null;
	return db.transaction(async (tx) => {
		for (const kind of kinds) {
			const detail =
				kind === 'organisation'
					? JSON.stringify({ name: organisationName, registration: organisationRegistration })
					: null;
			await grantVerification(tx, { userId, kind, method: 'in_person', verifiedBy, documentType, detail });
		}
		await recordAction(tx, actor, {
			action: 'verification.in_person',
			resourceType: 'user',
			resourceId: userId,
			data: { kinds, documentType, ...(organisation ? { organisationName, organisationRegistration } : {}) }
		});
		return ok({ kinds: [...kinds] });
	});
}
