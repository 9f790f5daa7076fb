/** What the desk pages show staff: desks, a citizen at a desk, the ballot to fill in, mismatches and the reports. */
import type { Actor } from '../../platform/actors/actor.ts';
import {
	activeVerifications,
	ballotOf,
	citizenById,
	desksOf,
	findCitizen,
	mismatchesOf,
	reconciliationOf,
	rejectedBallotsOf,
	rollEntryOf
} from './desk-queries.ts';
import { deskModule } from './desk-staff.ts';

type Where = { spaceId: string; moduleId: string };

const design = (s: Awaited<ReturnType<typeof deskModule>>['ctx']['settings']) => ({
	ballotKind: s.ballotKind,
	maxChoices: s.maxChoices,
	ballotScope: s.ballotScope,
	points: s.points,
	maxPointsPerProject: s.maxPointsPerProject,
	voterZones: s.voterZones
});

/** The desks of an edition and links to the paper-ballot pages (staff). */
export async function manageDesks(actor: Actor, where: Where) {
	const { db, ctx, instance } = await deskModule(actor, where, 'manage');
	return {
		module: instance,
		space: ctx.space,
		stage: ctx.phaseSettings.stage,
		desks: await desksOf(db, where.moduleId)
	};
}

/** One desk: the citizen found by e-mail or phone (or by id after an action), their proofs and whether they voted. */
export async function viewDesk(actor: Actor, where: Where & { deskId: string; q?: string; userId?: string }) {
	const { db, ctx, instance, desk } = await deskModule(actor, where, 'desk');
	const found = where.userId ? await citizenById(db, where.userId) : where.q ? await findCitizen(db, where.q) : null;
	const citizen = found
		? {
				id: found.id,
				name: found.name,
				email: found.email,
				verifications: await activeVerifications(db, found.id),
				voted: await rollEntryOf(db, where.moduleId, found.id)
			}
		: null;
	return { module: instance, space: ctx.space, desk: desk!, q: where.q ?? '', searched: Boolean(where.q), citizen };
}

/** The ballot a desk fills in with a citizen (assisted) or from a paper (entry): pots, projects and the design. */
export async function deskBallot(actor: Actor, where: Where & { deskId: string; userId?: string }) {
	const { db, ctx, instance, desk } = await deskModule(actor, where, 'desk');
	const citizen = where.userId ? await citizenById(db, where.userId) : null;
	return {
		module: instance,
		space: ctx.space,
		desk: desk!,
		design: design(ctx.settings),
		...(await ballotOf(db, where.moduleId)),
		citizen: citizen && { id: citizen.id, name: citizen.name, email: citizen.email },
		voted: citizen ? await rollEntryOf(db, where.moduleId, citizen.id) : null
	};
}

/** Paper ballots whose two entries disagree, with both readings, for a supervisor. */
export async function viewPaperMismatches(actor: Actor, where: Where) {
	const { db, ctx, instance } = await deskModule(actor, where, 'desk');
	return {
		module: instance,
		space: ctx.space,
		design: design(ctx.settings),
		...(await ballotOf(db, where.moduleId)),
		mismatches: await mismatchesOf(db, where.moduleId)
	};
}

/** The rejected-ballot report: paper ballots not counted, with reason, desk and who entered them. */
export async function viewRejectedBallots(actor: Actor, where: Where) {
	const { db, ctx, instance } = await deskModule(actor, where, 'manage');
	return { module: instance, space: ctx.space, rejected: await rejectedBallotsOf(db, where.moduleId) };
}

/** Per-desk reconciliation of the roll, the paper entries and the ballot box. */
export async function viewReconciliation(actor: Actor, where: Where) {
	const { db, ctx, instance } = await deskModule(actor, where, 'manage');
	return { module: instance, space: ctx.space, desks: await reconciliationOf(db, where.moduleId) };
}

const csvCell = (v: string | number | boolean | null) => {
	const s = v === null ? '' : String(v);
	return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The reconciliation as CSV (one row per desk; no personal data). */
export async function reconciliationCsv(actor: Actor, where: Where): Promise<string> {
	const { desks } = await viewReconciliation(actor, where);
	const columns = [
		'deskId',
		'name',
		'address',
		'paperVoters',
		'paperEntered',
		'paperAccepted',
		'paperRejected',
		'paperPending',
		'paperMismatch',
		'boxPaper',
		'assistedVoters',
		'boxAssisted',
		'missing',
		'reconciles'
	] as const;
	const header = columns.map((c) => c.replace(/[A-Z]/g, (x) => `_${x.toLowerCase()}`)).join(',');
	return [header, ...desks.map((d) => columns.map((c) => csvCell(d[c])).join(','))].join('\r\n') + '\r\n';
}
