/**
 * Staff at a desk help a citizen (checked in person) vote on screen: the same ballot rules as online, cast into the
 * box on the `assisted` channel with the desk and the staff member on the roll, logged as assisted (never what was
 * chosen). The receipt is printed at the desk and sent by e-mail and SMS once the ballot is committed.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor, VerificationKind } from '../../../platform/actors/actor.ts';
import { recordAction } from '../../../platform/audit/record-action.ts';
import { verifications } from '../../../platform/db/schema.ts';
import { messageByKey } from '../../../platform/i18n.ts';
import { logger } from '../../../platform/log.ts';
import { deliverMail } from '../../../platform/notifications/mailer.ts';
import { sendSms } from '../../../platform/notifications/sms.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { castInBallotBox } from '../ballot-box.ts';
import { checkBallot } from '../ballot-rules.ts';
import { toChoices, type RawChoices } from '../desk-forms.ts';
import { activeVerifications, ballotOf, citizenById } from '../desk-queries.ts';
import { deskModule, staffIdOf, verifiedInPerson } from '../desk-staff.ts';
import { formatReceipt } from '../receipt.ts';
import { voterEligibility } from '../voter-eligibility.ts';
import { voterPlaceOf } from '../voting-queries.ts';

export async function castAssistedBallot(
	actor: Actor,
	{ moduleId, deskId, userId }: { moduleId: string; deskId: string; userId: string },
	raw: RawChoices
): Promise<Result<{ receipt: string; choices: { zoneId: string; projectIds: string[] }[] }>> {
	const { db, ctx, instance, desk } = await deskModule(actor, { moduleId, deskId }, 'desk');
	const citizen = await citizenById(db, userId);
	if (!(await verifiedInPerson(db, userId))) return invalid({ _form: 'budgets_desk_error_not_verified' });
	const settings = ctx.settings;
	const ballot = await ballotOf(db, moduleId);
	const choices = toChoices(settings.ballotKind, ballot.projects, raw);
	// Staff checked residence in person; unless every zone is open, the ballot stays within one zone pot.
	const zonePots = new Set(ballot.pots.filter((p) => p.zoneId !== null).map((p) => p.id));
	const usedZonePots = [...new Set(choices.map((c) => c.zoneId).filter((z) => zonePots.has(z)))];
	if (settings.voterZones !== 'all' && usedZonePots.length > 1)
		return invalid({ _form: 'budgets_desk_error_several_zones' });
	// The same eligibility as online (proofs, age, residence, the voter's pots), with the in-person check counted.
	const eligibility = voterEligibility(
		settings,
		{
			verifications: (await activeVerifications(db, userId)).map((v) => v.kind as VerificationKind),
			...(await voterPlaceOf(db, userId))
		},
		ballot.pots,
		usedZonePots[0] ?? null
	);
	if (!eligibility.eligible) return invalid({ _form: eligibility.problems[0].key });
	const check = checkBallot(settings, ballot.pots, ballot.projects, choices, eligibility.allowedPotIds);
	if (!check.ok) return invalid({ _form: check.errors[0].key });
	const outcome = await db.transaction(async (tx) => {
		const cast = await castInBallotBox(tx, {
			moduleId,
			userId,
			channel: 'assisted',
			deskId,
			staffId: staffIdOf(actor),
			choices: check.choices
		});
		if (cast.status === 'cast')
			await recordAction(tx, actor, {
				action: 'budgets.assisted_vote',
				resourceType: 'user',
				resourceId: userId,
				spaceId: instance.spaceId,
				data: { moduleId, deskId, channel: 'assisted' }
			});
		return cast;
	});
	if (outcome.status === 'already_voted')
		return invalid({ _form: `budgets_desk_error_already_voted_${outcome.channel}` });
	if (outcome.status !== 'cast') return invalid({ _form: 'budgets_desk_error_already_voted_online' });
	const receipt = formatReceipt(outcome.receipt);
	await sendReceipt(db, { userId, email: citizen.email, locale: citizen.locale, receipt, desk: desk!.name });
	return ok({ receipt, choices: check.choices });
}

/** The receipt by e-mail and, when the person has a confirmed phone, by SMS; a failed message never undoes the vote. */
async function sendReceipt(
	db: Awaited<ReturnType<typeof deskModule>>['db'],
	{
		userId,
		email,
		locale,
		receipt,
		desk
	}: { userId: string; email: string; locale: string; receipt: string; desk: string }
) {
	try {
		// Delivered now, not queued: a queued e-mail would keep the receipt code in the jobs table (docs/ballot-secrecy.md).
		await deliverMail({
			to: email,
			subject: messageByKey('budgets_desk_receipt_mail_subject', locale),
			text: messageByKey('budgets_desk_receipt_mail_text', locale, { receipt, desk })
		});
		const [phone] = await db
			.select({ detail: verifications.detail })
			.from(verifications)
			.where(and(eq(verifications.userId, userId), eq(verifications.kind, 'phone'), isNull(verifications.revokedAt)));
		if (phone?.detail)
			await sendSms({ to: phone.detail, text: messageByKey('budgets_desk_receipt_sms_text', locale, { receipt }) });
	} catch (err) {
		logger().warn({ err }, 'could not send the receipt of an assisted vote');
	}
}
