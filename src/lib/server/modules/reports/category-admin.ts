/** Read models of the category tree admin and the department heads page (administrators). */
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { departmentMembers, departments, user } from '../../platform/db/schema.ts';
import { canAdmin } from '../../platform/permissions/admin-policy.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { NotFoundError } from '../../platform/result.ts';
import { canReports, cityReportsModule } from './context.ts';
import { reportsCategories, reportsReports } from './schema.ts';

type Category = typeof reportsCategories.$inferSelect;

/** The city module's categories in tree order, each with its depth and number of reports. */
export async function categoryTree(actor: Actor) {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	authorize(canReports(actor, 'manage', ctx));
	const [rows, counts, depts] = await Promise.all([
		db
			.select()
			.from(reportsCategories)
			.where(eq(reportsCategories.moduleId, ctx.module.id))
			.orderBy(asc(reportsCategories.position), asc(reportsCategories.code)),
		db
			.select({ categoryId: reportsReports.categoryId, n: count() })
			.from(reportsReports)
			.where(eq(reportsReports.moduleId, ctx.module.id))
			.groupBy(reportsReports.categoryId),
		db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.slug))
	]);
	const used = new Map(counts.map((c) => [c.categoryId, c.n]));
	const ordered: (Category & { depth: number; reports: number })[] = [];
	const walk = (parentId: string | null, depth: number) => {
		for (const c of rows.filter((r) => r.parentId === parentId)) {
			ordered.push({ ...c, depth, reports: used.get(c.id) ?? 0 });
			if (depth < 10) walk(c.id, depth + 1);
		}
	};
	walk(null, 0);
	return { moduleId: ctx.module.id, categories: ordered, departments: depts };
}

/** One category for the editor, with the groups it may move under. */
export async function categoryForEdit(actor: Actor, categoryId: string | null) {
	const tree = await categoryTree(actor);
	const category = categoryId ? tree.categories.find((c) => c.id === categoryId) : null;
	if (categoryId && !category) throw new NotFoundError('category');
	const groups = tree.categories.filter((c) => !c.departmentId && c.id !== categoryId);
	return { ...tree, category: category ?? null, groups };
}

/** Departments with their members and who heads each. */
export async function departmentHeads(actor: Actor) {
	authorize(canAdmin(actor, 'reports.manage'));
	const db = await getDb();
	const [depts, members] = await Promise.all([
		db.select({ id: departments.id, name: departments.name }).from(departments).orderBy(asc(departments.slug)),
		db
			.select({
				departmentId: departmentMembers.departmentId,
				userId: user.id,
				name: user.name,
				email: user.email,
				head: departmentMembers.head
			})
			.from(departmentMembers)
			.innerJoin(user, eq(user.id, departmentMembers.userId))
			.where(and(isNull(user.deletedAt)))
			.orderBy(asc(user.name))
	]);
	return depts.map((d) => ({ ...d, members: members.filter((m) => m.departmentId === d.id) }));
}
