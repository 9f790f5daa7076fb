/**
 * A signed-in person subscribes to new reports in an area: a neighbourhood, or a circle (250 m … 2 km) around a pin
 * (an address they typed is kept as the label). They get an e-mail for each new report there and a private Atom
 * feed. Subscribing twice to the same area (even at once) keeps one subscription.
 */
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { isUser, type Actor } from '../../../platform/actors/actor.ts';
import { getDb } from '../../../platform/db/index.ts';
import { readPlace } from '../../../platform/geo/place.ts';
import { authorize } from '../../../platform/permissions/index.ts';
import { invalid, ok, type Result } from '../../../platform/result.ts';
import { canReports, reportsModule } from '../context.ts';
import { reportsSubscriptions } from '../schema.ts';
import { subscriptionRadii } from '../subscriptions.ts';

export interface AreaInput {
	/** The PlacePicker fields (place_address, place_neighbourhood_id, place_lat, place_lng). */
	place: FormData | Record<string, unknown>;
	/** Metres around the pin; ignored without a pin. */
	radiusMeters?: number | string | null;
}

export async function subscribeArea(
	actor: Actor,
	moduleId: string,
	input: AreaInput
): Promise<Result<{ id: string; token: string; created: boolean }>> {
	const db = await getDb();
	const { ctx } = await reportsModule(db, moduleId);
	authorize(canReports(actor, 'subscribe', ctx));
	if (!isUser(actor)) throw new Error('unreachable: subscribing is for signed-in people');
	const place = await readPlace(db, input.place);
	if (!place.ok) return place;
	const { lat, lng, neighbourhoodId, address } = place.value;
	const pinned = lat !== null && lng !== null;
	const radius = Number(input.radiusMeters ?? subscriptionRadii[1]);
	if (pinned && !(subscriptionRadii as readonly number[]).includes(radius))
		return invalid({ radius: 'reports_insights_subscribe_radius_invalid' });
	if (!pinned && !neighbourhoodId)
		return invalid({ place_neighbourhood_id: 'reports_insights_subscribe_area_required' });
	const area = pinned
		? { neighbourhoodId: null, lat, lng, radiusMeters: radius, label: address }
		: { neighbourhoodId, lat: null, lng: null, radiusMeters: null, label: null };

	return ok(
		await db.transaction(async (tx) => {
			// One subscription per person and area: concurrent submissions queue here and find the first one.
			await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reports-subscribe:${moduleId}:${actor.id}`}))`);
			const [existing] = await tx
				.select({ id: reportsSubscriptions.id, token: reportsSubscriptions.token })
				.from(reportsSubscriptions)
				.where(
					and(
						eq(reportsSubscriptions.moduleId, moduleId),
						eq(reportsSubscriptions.userId, actor.id),
						area.neighbourhoodId
							? eq(reportsSubscriptions.neighbourhoodId, area.neighbourhoodId)
							: and(
									isNull(reportsSubscriptions.neighbourhoodId),
									eq(reportsSubscriptions.lat, area.lat!),
									eq(reportsSubscriptions.lng, area.lng!),
									eq(reportsSubscriptions.radiusMeters, area.radiusMeters!)
								)
					)
				);
			if (existing) return { ...existing, created: false };
			const [row] = await tx
				.insert(reportsSubscriptions)
				.values({ moduleId, userId: actor.id, ...area, email: true, token: randomBytes(18).toString('base64url') })
				.returning({ id: reportsSubscriptions.id, token: reportsSubscriptions.token });
			return { ...row, created: true };
		})
	);
}
