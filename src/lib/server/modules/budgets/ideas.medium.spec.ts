import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../../tests/setup/database.ts';
import { day, person } from '../../../../../tests/support/spaces.ts';
import { startOfDayInBucharest } from '../../platform/calendar/date.ts';
import {
	auditLog,
	departmentMembers,
	departments,
	follows,
	moduleInstances,
	neighbourhoods,
	notifications,
	resourceLinks,
	zoneNeighbourhoods,
	zones
} from '../../platform/db/schema.ts';
import { linksOf } from '../../platform/links/index.ts';
import { ForbiddenError } from '../../platform/result.ts';
import { assignDepartment } from './commands/assign-department.ts';
import { decideAppeal } from './commands/decide-appeal.ts';
import { decideEligibility } from './commands/decide-eligibility.ts';
import { deleteCategory } from './commands/delete-category.ts';
import { deletePot } from './commands/delete-pot.ts';
import { evaluateProject } from './commands/evaluate-project.ts';
import { lodgeAppeal } from './commands/lodge-appeal.ts';
import { promoteToIdea } from './commands/promote-to-idea.ts';
import { saveCategory } from './commands/save-category.ts';
import { savePot } from './commands/save-pot.ts';
import { submitIdea } from './commands/submit-idea.ts';
import { updateIdea } from './commands/update-idea.ts';
import { withdrawIdea } from './commands/withdraw-idea.ts';
import type { IdeaInput } from './forms.ts';
import { budgets } from './manifest.ts';
import { budgetsAppeals, budgetsCategories, budgetsDecisions, budgetsProjects, budgetsZones } from './schema.ts';
import { dateTimeFormat } from '#lib/i18n/format.ts';
import { appealDeadline } from './rules.ts';
import { budgetEdition, voter, type Edition } from './test-support.ts';

const database = useTestDatabase();
const db = () => database().db;

const idea = (e: Edition, extra: Partial<IdeaInput> = {}): IdeaInput => ({
	title: 'Bănci și umbrare în parcul din cartier',
	body: 'Bănci noi și umbrare pentru vârstnici, lângă locul de joacă, cu iluminat solar.',
	zoneId: e.pots[0].id,
	estimatedCost: '120.000',
	...extra
});

const project = async (id: string) => (await db().select().from(budgetsProjects).where(eq(budgetsProjects.id, id)))[0];

async function ideasEdition(setup: Parameters<typeof budgetEdition>[1] = {}) {
	const admin = await person(['admin']);
	const e = await budgetEdition(admin, { stage: 'ideas', projectsPerZone: 0, ...setup });
	return { admin, e };
}

describe('submitting ideas', () => {
	it('gives each idea the next code of its pot, and a repeated submission returns the first idea', async () => {
		const { e } = await ideasEdition();
		const ana = await voter();
		const first = await submitIdea(ana, { moduleId: e.moduleId, submissionKey: 'form-key-0001' }, idea(e));
		expect(first).toMatchObject({ ok: true, value: { code: 'Z1-01' } });
		const again = await submitIdea(ana, { moduleId: e.moduleId, submissionKey: 'form-key-0001' }, idea(e));
		expect(again).toEqual(first);
		const second = await submitIdea(ana, { moduleId: e.moduleId, submissionKey: 'form-key-0002' }, idea(e));
		expect(second).toMatchObject({ ok: true, value: { code: 'Z1-02' } });
		const other = await submitIdea(ana, { moduleId: e.moduleId }, idea(e, { zoneId: e.pots[1].id }));
		expect(other).toMatchObject({ ok: true, value: { code: 'Z2-01' } });
		const p = await project(first.ok ? first.value.id : '');
		expect(p).toMatchObject({
			authorId: ana.id,
			authorKind: 'citizen',
			estimatedCost: 120_000,
			eligibility: 'pending'
		});
		const followed = await db()
			.select()
			.from(follows)
			.where(and(eq(follows.userId, ana.id), eq(follows.resourceId, p.id)));
		expect(followed).toHaveLength(1);
	});

	it('never gives two ideas submitted at once the same code, nor stores one form twice', async () => {
		const { e } = await ideasEdition();
		const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => voter()));
		const results = await Promise.all(people.map((p) => submitIdea(p, { moduleId: e.moduleId }, idea(e))));
		const codes = results.map((r) => (r.ok ? r.value.code : 'failed')).sort();
		expect(codes).toEqual(['Z1-01', 'Z1-02', 'Z1-03', 'Z1-04', 'Z1-05', 'Z1-06']);

		const ana = await voter();
		const twice = await Promise.all(
			[1, 2].map(() => submitIdea(ana, { moduleId: e.moduleId, submissionKey: 'same-form-key' }, idea(e)))
		);
		expect(twice[0]).toEqual(twice[1]);
		const mine = await db().select().from(budgetsProjects).where(eq(budgetsProjects.authorId, ana.id));
		expect(mine).toHaveLength(1);
	});

	it('refuses a cost above the pot’s maximum, a pot of another edition and invalid fields', async () => {
		const { admin, e } = await ideasEdition();
		await db().update(budgetsZones).set({ maxProjectCost: 100_000 }).where(eq(budgetsZones.id, e.pots[0].id));
		const other = await budgetEdition(admin, { stage: 'ideas', projectsPerZone: 0 });
		const ana = await voter();
		expect(await submitIdea(ana, { moduleId: e.moduleId }, idea(e))).toEqual({
			ok: false,
			errors: { estimatedCost: 'budgets_error_cost_above_max' }
		});
		expect(await submitIdea(ana, { moduleId: e.moduleId }, idea(e, { zoneId: other.pots[0].id }))).toEqual({
			ok: false,
			errors: { zoneId: 'budgets_error_pot' }
		});
		const bad = await submitIdea(ana, { moduleId: e.moduleId }, idea(e, { title: '', estimatedCost: 'mult' }));
		expect(bad).toMatchObject({
			ok: false,
			errors: { title: 'validation_required', estimatedCost: 'budgets_error_cost' }
		});
		expect(await db().select().from(budgetsProjects)).toHaveLength(0);
	});

	it('needs the verification and the ideas stage; organisations choose their kind when the settings allow', async () => {
		const { e } = await ideasEdition();
		const unverified = await person([], { verifications: ['email'] });
		await expect(submitIdea(unverified, { moduleId: e.moduleId }, idea(e))).rejects.toBeInstanceOf(ForbiddenError);
		const ngo = await person([], { verifications: ['email', 'organisation'] });
		const asNgo = await submitIdea(ngo, { moduleId: e.moduleId }, idea(e, { authorKind: 'organisation' }));
		expect(asNgo.ok).toBe(true);
		expect((await project(asNgo.ok ? asNgo.value.id : '')).authorKind).toBe('organisation');
		const ana = await voter();
		expect(await submitIdea(ana, { moduleId: e.moduleId }, idea(e, { authorKind: 'company' }))).toEqual({
			ok: false,
			errors: { authorKind: 'budgets_error_author_kind' }
		});
		await e.configure({ stage: 'ideas', settings: { organisationsMaySubmit: false, companiesMaySubmit: false } });
		await expect(submitIdea(ngo, { moduleId: e.moduleId }, idea(e))).rejects.toBeInstanceOf(ForbiddenError);
		await e.configure({ stage: 'eligibility' });
		await expect(submitIdea(ana, { moduleId: e.moduleId }, idea(e))).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('lets only the author edit and withdraw, until the ideas stage ends', async () => {
		const { e } = await ideasEdition();
		const ana = await voter();
		const bob = await voter();
		const r = await submitIdea(ana, { moduleId: e.moduleId }, idea(e));
		const projectId = r.ok ? r.value.id : '';
		await expect(
			updateIdea(bob, { moduleId: e.moduleId, projectId }, idea(e, { title: 'Altceva cu totul și cu totul' }))
		).rejects.toBeInstanceOf(ForbiddenError);
		const moved = await updateIdea(
			ana,
			{ moduleId: e.moduleId, projectId },
			idea(e, { title: 'Bănci, umbrare și o cișmea în parc', zoneId: e.pots[1].id })
		);
		expect(moved).toMatchObject({ ok: true, value: { code: 'Z2-01' } });
		expect((await project(projectId)).title).toBe('Bănci, umbrare și o cișmea în parc');
		await expect(withdrawIdea(bob, { moduleId: e.moduleId, projectId })).rejects.toBeInstanceOf(ForbiddenError);
		await withdrawIdea(ana, { moduleId: e.moduleId, projectId });
		expect((await project(projectId)).withdrawnAt).toBeInstanceOf(Date);
		const r2 = await submitIdea(ana, { moduleId: e.moduleId }, idea(e));
		await e.configure({ stage: 'eligibility' });
		await expect(
			updateIdea(ana, { moduleId: e.moduleId, projectId: r2.ok ? r2.value.id : '' }, idea(e))
		).rejects.toBeInstanceOf(ForbiddenError);
	});
});

/** An edition in the eligibility stage with one idea by `author`. */
async function withIdea() {
	const { admin, e } = await ideasEdition();
	const author = await voter();
	const r = await submitIdea(author, { moduleId: e.moduleId }, idea(e));
	if (!r.ok) throw new Error('idea');
	await e.configure({ stage: 'eligibility' });
	return { admin, e, author, projectId: r.value.id, ref: { moduleId: e.moduleId, projectId: r.value.id } };
}

describe('eligibility and evaluation', () => {
	it('the commission decides with a reason; the decision is logged, audited and the author told the deadline', async () => {
		const { e, author, projectId, ref } = await withIdea();
		const commissioner = await person([], { spaceRoles: { [e.spaceId]: ['evaluator'] }, verifications: ['email'] });
		const citizen = await voter();
		await expect(decideEligibility(citizen, ref, { outcome: 'ineligible', reason: 'x' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await decideEligibility(commissioner, ref, { outcome: 'ineligible', reason: '' })).toEqual({
			ok: false,
			errors: { reason: 'budgets_error_reason_required' }
		});
		const r = await decideEligibility(commissioner, ref, {
			outcome: 'ineligible',
			reason: 'Terenul nu aparține municipiului.'
		});
		expect(r.ok).toBe(true);
		expect(await project(projectId)).toMatchObject({
			eligibility: 'ineligible',
			eligibilityReason: 'Terenul nu aparține municipiului.'
		});
		const log = await db().select().from(budgetsDecisions).where(eq(budgetsDecisions.projectId, projectId));
		expect(log).toMatchObject([
			{
				kind: 'eligibility',
				outcome: 'ineligible',
				reason: 'Terenul nu aparține municipiului.',
				decidedBy: commissioner.id
			}
		]);
		const audit = await db().select().from(auditLog).where(eq(auditLog.action, 'budgets.decide_eligibility'));
		expect(audit).toHaveLength(1);
		const [note] = await db().select().from(notifications).where(eq(notifications.userId, author.id));
		expect(note.key).toBe('budgets_notification_decision');
		expect(note.data).toMatchObject({
			reason: 'Terenul nu aparține municipiului.',
			outcome: { ro: 'neeligibilă', en: 'ineligible' }
		});
		expect((note.data as { deadline: { ro: string } }).deadline.ro).toMatch(/\d{4}/);
		await e.configure({ stage: 'voting' });
		await expect(decideEligibility(commissioner, ref, { outcome: 'eligible', reason: '' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});

	it('only the project’s department (or staff) evaluates it, setting the city’s cost', async () => {
		const { admin, e, projectId, ref } = await withIdea();
		const [roads, parks] = await db()
			.insert(departments)
			.values([
				{ slug: 'drumuri', name: { ro: 'Drumuri' } },
				{ slug: 'parcuri', name: { ro: 'Spații verzi' } }
			])
			.returning();
		const inParks = { ...(await person(['staff'])), departmentIds: [parks.id] };
		await db().insert(departmentMembers).values({ departmentId: parks.id, userId: inParks.id });
		const inRoads = { ...(await person(['staff'])), departmentIds: [roads.id] };
		expect(await assignDepartment(admin, ref, { departmentId: parks.id })).toEqual({ ok: true, value: null });
		await expect(
			evaluateProject(inRoads, ref, { outcome: 'feasible', reason: '', cityCost: '1' })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await evaluateProject(inParks, ref, { outcome: 'feasible', reason: '', cityCost: '' })).toEqual({
			ok: false,
			errors: { cityCost: 'budgets_error_city_cost_required' }
		});
		await decideEligibility(admin, ref, { outcome: 'eligible', reason: '' });
		const r = await evaluateProject(inParks, ref, { outcome: 'feasible', reason: 'Se poate.', cityCost: '150 000' });
		expect(r.ok).toBe(true);
		expect(await project(projectId)).toMatchObject({
			evaluation: 'feasible',
			cityCost: 150_000,
			eligibility: 'eligible'
		});
		const log = await db().select().from(budgetsDecisions).where(eq(budgetsDecisions.projectId, projectId));
		expect(log.map((d) => [d.kind, d.outcome, d.cost])).toEqual([
			['eligibility', 'eligible', null],
			['evaluation', 'feasible', 150_000]
		]);
		const stat = (key: string) => budgets.stats.find((s) => s.key === key)!.count(db(), [e.moduleId]);
		expect([await stat('budgets_ideas'), await stat('budgets_on_ballot')]).toEqual([1, 1]);
	});
});

describe('appeals', () => {
	async function ineligible() {
		const s = await withIdea();
		await decideEligibility(s.admin, s.ref, { outcome: 'ineligible', reason: 'Nu e de competența primăriei.' });
		await s.e.configure({ stage: 'appeals' });
		return s;
	}
	const text = { text: 'Terenul este al primăriei, vedeți extrasul de carte funciară.' };

	it('the author appeals once, within the days allowed; two appeals at once leave one', async () => {
		const { ref, author, projectId } = await ineligible();
		const other = await voter();
		await expect(lodgeAppeal(other, ref, text)).rejects.toBeInstanceOf(ForbiddenError);
		const late = new Date(Date.now() + 8 * 86_400_000);
		expect(await lodgeAppeal(author, ref, text, late)).toEqual({
			ok: false,
			errors: { text: 'budgets_error_appeal_late' }
		});
		const both = await Promise.all([lodgeAppeal(author, ref, text), lodgeAppeal(author, ref, text)]);
		expect(both.filter((r) => r.ok)).toHaveLength(1);
		expect(both.find((r) => !r.ok)).toEqual({ ok: false, errors: { text: 'budgets_error_appeal_exists' } });
		expect(await db().select().from(budgetsAppeals).where(eq(budgetsAppeals.projectId, projectId))).toHaveLength(1);
	});

	it('opens for the days allowed from the appeals stage when it starts after the decision (July decisions, August appeals)', async () => {
		const { admin, e, ref, author } = await withIdea();
		// The current phase (days -10…10) is the eligibility stage; the appeals stage is the next phase (days 11…60).
		await db()
			.update(moduleInstances)
			.set({ phaseSettings: { [e.phaseIds[1]]: { stage: 'eligibility' }, [e.phaseIds[2]]: { stage: 'appeals' } } })
			.where(eq(moduleInstances.id, e.moduleId));
		await decideEligibility(admin, ref, { outcome: 'ineligible', reason: 'Nu e de competența primăriei.' });
		const inDays = (d: number) => new Date(Date.now() + d * 86_400_000);
		expect(await lodgeAppeal(author, ref, text, inDays(19))).toEqual({
			ok: false,
			errors: { text: 'budgets_error_appeal_late' }
		});
		expect((await lodgeAppeal(author, ref, text, inDays(15))).ok).toBe(true);
		// The author was told the deadline counted from the opening of the appeals stage, not from the decision.
		const [told] = await db()
			.select()
			.from(notifications)
			.where(and(eq(notifications.userId, author.id), eq(notifications.key, 'budgets_notification_decision')));
		const deadline = new Date(startOfDayInBucharest(day(new Date(), 11)).getTime() + 7 * 86_400_000);
		expect(appealDeadline(new Date(), 7, startOfDayInBucharest(day(new Date(), 11)))).toEqual(deadline);
		const shown = dateTimeFormat('ro', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Bucharest' }).format(
			deadline
		);
		expect((told.data as { deadline: { ro: string } }).deadline.ro).toBe(shown);
	});

	it('upheld by staff, the idea is admitted; the decision is logged, audited and told; a second decision changes nothing', async () => {
		const { admin, e, ref, author, projectId } = await ineligible();
		const r = await lodgeAppeal(author, ref, text);
		const appealId = r.ok ? r.value.appealId : '';
		const commissioner = await person([], { spaceRoles: { [e.spaceId]: ['evaluator'] } });
		await expect(
			decideAppeal(commissioner, { moduleId: e.moduleId, appealId }, { outcome: 'upheld', reason: 'Da.' })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await decideAppeal(admin, { moduleId: e.moduleId, appealId }, { outcome: 'upheld', reason: '' })).toEqual({
			ok: false,
			errors: { reason: 'budgets_error_reason_required' }
		});
		const decisions = await Promise.all(
			[1, 2].map(() =>
				decideAppeal(admin, { moduleId: e.moduleId, appealId }, { outcome: 'upheld', reason: 'Extrasul confirmă.' })
			)
		);
		expect(decisions.filter((d) => d.ok)).toHaveLength(1);
		expect(await project(projectId)).toMatchObject({
			eligibility: 'eligible',
			eligibilityReason: 'Extrasul confirmă.'
		});
		const log = await db().select().from(budgetsDecisions).where(eq(budgetsDecisions.projectId, projectId));
		expect(log.map((d) => [d.kind, d.outcome])).toEqual([
			['eligibility', 'ineligible'],
			['appeal', 'lodged'],
			['appeal_decision', 'upheld']
		]);
		expect(await db().select().from(auditLog).where(eq(auditLog.action, 'budgets.decide_appeal'))).toHaveLength(1);
		const keys = (await db().select().from(notifications).where(eq(notifications.userId, author.id))).map((n) => n.key);
		expect(keys).toContain('budgets_notification_appeal_decided');
		// The evaluations export shows every public decision with its reason, but not the appeal's own text.
		await db().update(budgetsProjects).set({ evaluation: 'feasible' }).where(eq(budgetsProjects.id, projectId));
		const rows = await budgets.exports.find((x) => x.name === 'budgets_evaluations')!.rows(db(), [e.moduleId]);
		expect(rows.map((x) => [x.kind, x.outcome, x.reason])).toEqual([
			['eligibility', 'ineligible', 'Nu e de competența primăriei.'],
			['appeal', 'lodged', null],
			['appeal_decision', 'upheld', 'Extrasul confirmă.']
		]);
	});

	it('dismissed, the decision stands and the author cannot appeal it again', async () => {
		const { admin, e, ref, author, projectId } = await ineligible();
		const r = await lodgeAppeal(author, ref, text);
		const appealId = r.ok ? r.value.appealId : '';
		await decideAppeal(
			admin,
			{ moduleId: e.moduleId, appealId },
			{ outcome: 'dismissed', reason: 'Extrasul arată alt proprietar.' }
		);
		expect((await project(projectId)).eligibility).toBe('ineligible');
		expect(await lodgeAppeal(author, ref, text)).toEqual({
			ok: false,
			errors: { text: 'budgets_error_appeal_exists' }
		});
	});
});

describe('promotion of a proposal to an idea', () => {
	it('copies title, text and place into the pot of the place, links them, and happens once', async () => {
		const { admin, e } = await ideasEdition();
		const [zone] = await db().select().from(zones).where(eq(zones.id, e.pots[1].zoneId!));
		const [hood] = await db()
			.select()
			.from(neighbourhoods)
			.innerJoin(zoneNeighbourhoods, eq(zoneNeighbourhoods.neighbourhoodId, neighbourhoods.id))
			.where(eq(zoneNeighbourhoods.zoneId, zone.id));
		const author = await voter();
		const source = {
			resourceType: 'proposal',
			resourceId: 'prop-1',
			title: 'Pistă de biciclete pe malul Begăi',
			body: 'O pistă continuă de la Dacia la Modern.',
			place: { neighbourhoodId: hood.neighbourhoods.id, address: 'Splaiul Tudor Vladimirescu' },
			authorId: author.id
		};
		const citizen = await voter();
		await expect(
			promoteToIdea(citizen, { moduleId: e.moduleId, source, estimatedCost: 300_000 })
		).rejects.toBeInstanceOf(ForbiddenError);
		const both = await Promise.all(
			[1, 2].map(() => promoteToIdea(admin, { moduleId: e.moduleId, source, estimatedCost: 300_000 }))
		);
		expect(both.map((r) => r.ok && r.value.created).sort()).toEqual([false, true]);
		const id = both[0].ok ? both[0].value.id : '';
		expect(await project(id)).toMatchObject({
			code: 'Z2-01',
			zoneId: e.pots[1].id,
			title: source.title,
			authorId: author.id,
			address: 'Splaiul Tudor Vladimirescu'
		});
		const links = await linksOf(db(), { resourceType: 'proposal', resourceId: 'prop-1' });
		expect(links).toMatchObject([{ kind: 'became', other: { resourceType: 'budget_project', resourceId: id } }]);
		expect(await db().select().from(resourceLinks)).toHaveLength(1);
		expect(
			await promoteToIdea(admin, {
				moduleId: e.moduleId,
				source: { ...source, resourceId: 'prop-2', place: {} },
				estimatedCost: 300_000
			})
		).toEqual({ ok: false, errors: { zoneId: 'budgets_error_pot' } });
	});
});

describe('the edition’s pots and categories', () => {
	it('are managed by staff with checks, and a pot with projects stays', async () => {
		const { admin, e } = await ideasEdition({ zones: 1 });
		const citizen = await voter();
		const pot = {
			code: 'ORAS',
			name: { ro: 'Tot orașul' },
			zoneId: '',
			budget: '2.000.000',
			maxProjectCost: '',
			minEligibleProjects: '5',
			population: '250000',
			position: '0'
		};
		await expect(savePot(citizen, { moduleId: e.moduleId }, pot)).rejects.toBeInstanceOf(ForbiddenError);
		const created = await savePot(admin, { moduleId: e.moduleId }, pot);
		expect(created.ok).toBe(true);
		expect(await savePot(admin, { moduleId: e.moduleId }, { ...pot, code: 'ORAS2' })).toEqual({
			ok: false,
			errors: { zoneId: 'budgets_error_city_wide_taken' }
		});
		expect(
			await savePot(
				admin,
				{ moduleId: e.moduleId },
				{ ...pot, code: 'Z1', zoneId: e.pots[0].zoneId!, maxProjectCost: '3000000' }
			)
		).toEqual({
			ok: false,
			errors: {
				code: 'budgets_error_pot_code_taken',
				zoneId: 'budgets_error_zone_taken',
				maxProjectCost: 'budgets_error_max_above_budget'
			}
		});
		const potId = created.ok ? created.value.id : '';
		const [row] = await db().select().from(budgetsZones).where(eq(budgetsZones.id, potId));
		expect(row).toMatchObject({ zoneId: null, budget: 2_000_000, minEligibleProjects: 5, population: 250_000 });
		const ana = await voter();
		await submitIdea(ana, { moduleId: e.moduleId }, idea(e, { zoneId: potId }));
		expect(await deletePot(admin, { moduleId: e.moduleId, potId })).toEqual({
			ok: false,
			errors: { pot: 'budgets_error_pot_has_projects' }
		});
		expect(await savePot(admin, { moduleId: e.moduleId, potId }, { ...pot, code: 'CITY' })).toEqual({
			ok: false,
			errors: { code: 'budgets_error_pot_code_locked' }
		});

		const cat = await saveCategory(admin, { moduleId: e.moduleId }, { name: { ro: 'Mobilitate', en: 'Mobility' } });
		const categoryId = cat.ok ? cat.value.id : '';
		await saveCategory(admin, { moduleId: e.moduleId, categoryId }, { name: { ro: 'Mobilitate urbană' } });
		expect((await db().select().from(budgetsCategories))[0].name).toEqual({ ro: 'Mobilitate urbană' });
		await deleteCategory(admin, { moduleId: e.moduleId, categoryId });
		expect(await db().select().from(budgetsCategories)).toHaveLength(0);
	});
});

describe('open data and personal data', () => {
	it('exports projects without personal data, exports and anonymises a person’s ideas and appeals', async () => {
		const { ref, author, e, admin } = await withIdea();
		await decideEligibility(admin, ref, { outcome: 'ineligible', reason: 'Nu.' });
		await e.configure({ stage: 'appeals' });
		await lodgeAppeal(author, ref, { text: 'Vă rog să reanalizați, terenul este public.' });
		const [row] = await budgets.exports.find((x) => x.name === 'budgets_projects')!.rows(db(), [e.moduleId]);
		expect(row).toMatchObject({ code: 'Z1-01', pot: 'Z1', estimated_cost_lei: 120_000, eligibility: 'ineligible' });
		expect(JSON.stringify(row)).not.toContain(author.id);
		const data = await budgets.personalData.exportFor(db(), author.id);
		expect(data.budgets_ideas).toHaveLength(1);
		expect(data.budgets_appeals).toMatchObject([{ project: 'Z1-01', status: 'pending' }]);
		await budgets.personalData.anonymize(db(), author.id);
		expect((await project(ref.projectId)).authorId).toBeNull();
		expect((await db().select().from(budgetsAppeals))[0].authorId).toBeNull();
	});
});
