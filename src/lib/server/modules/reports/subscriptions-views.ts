/** The "subscribe to an area" page: whether the person may subscribe, their subscriptions and the choices. */
import { isUser, type Actor } from '../../platform/actors/actor.ts';
import { getDb } from '../../platform/db/index.ts';
import { neighbourhoodChoices } from '../../platform/geo/place.ts';
import { authorize } from '../../platform/permissions/index.ts';
import { canReports, cityReportsModule } from './context.ts';
import { areaName, subscriptionRadii, subscriptionsOf } from './subscriptions.ts';

export async function viewSubscriptions(actor: Actor) {
	const db = await getDb();
	const { ctx } = await cityReportsModule(db);
	authorize(canReports(actor, 'read', ctx));
	const decision = canReports(actor, 'subscribe', ctx);
	const mine = isUser(actor) ? await subscriptionsOf(db, ctx.module.id, actor.id) : [];
	return {
		moduleId: ctx.module.id,
		canSubscribe: decision.allowed,
		reason: decision.allowed ? null : decision.reason,
		signedIn: isUser(actor),
		radii: [...subscriptionRadii],
		neighbourhoods: await neighbourhoodChoices(db),
		subscriptions: mine.map(({ subscription: s, neighbourhoodName }) => ({
			id: s.id,
			area: areaName(s, neighbourhoodName),
			kind: s.neighbourhoodId ? ('neighbourhood' as const) : ('radius' as const),
			feedPath: `/feeds/reports/area/${s.token}.atom`,
			createdAt: s.createdAt
		}))
	};
}
