/** Confirms two-factor set-up with a first TOTP code; from then on the person's roles are in force. */
import { isAPIError } from 'better-auth/api';
import { isUser, type Actor } from '../../actors/actor.ts';
import { recordAction } from '../../audit/record-action.ts';
import { getAuth } from '../../auth/auth.ts';
import { getDb } from '../../db/index.ts';
import { authorize, decide } from '../../permissions/index.ts';
import { invalid, ok, type Result } from '../../result.ts';

export async function confirmTwoFactor(
	actor: Actor,
	input: { code?: unknown },
	headers: Headers
): Promise<Result<{ backupCodes: string[] }>> {
	authorize(decide(isUser(actor), 'sign_in_required'));
	const code = typeof input.code === 'string' ? input.code.replace(/\s+/g, '') : '';
	if (!/^\d{6}$/.test(code)) return invalid({ code: 'admin_two_factor_code_format' });
	const auth = await getAuth();
	try {
		await auth.api.verifyTOTP({ body: { code }, headers });
	} catch (e) {
		if (isAPIError(e)) return invalid({ code: 'admin_two_factor_wrong_code' });
		throw e;
	}
	const userId = (actor as { id: string }).id;
	// The codes were generated at set-up; they are shown once, now that set-up has succeeded.
	const { backupCodes } = await auth.api.viewBackupCodes({ body: { userId } });
	await recordAction(await getDb(), actor, {
		action: 'user.two_factor_enable',
		resourceType: 'user',
		resourceId: userId
	});
	return ok({ backupCodes });
}
