/**
 * The Open311 answers as one internal model (spark.ts renders it as XML and JSON): discovery, services, service
 * definitions (a category's questions as attributes), requests (+ `extensions=true`) and FMS request updates.
 * Never a contact field, e-mail or author name: the API is public.
 */
import { translate } from '../../../../i18n/index.ts';
import type { Translated } from '../../../platform/db/columns.ts';
import { messageByKey } from '../../../platform/i18n.ts';
import { answerDueOn, open311ExtendedStatus, open311Status, registrationNumber } from '../rules.ts';
import type { ReportState } from '../schema.ts';
import { OPEN311_SPECIFICATION } from './config.ts';
import { endOfDay, w3c } from './datetime.ts';
import type { CategoryRow, RequestRow, requestExtensions, publicUpdates } from './queries.ts';
import { list, type SparkNode, type SparkRecord } from './spark.ts';

const text = (field: Translated | null | undefined, locale: string) => translate(field, locale).text;

export const ANONYMOUS_NOTICE =
	'Anonymous notice: it was sent without contact details, so it is registered but gets no legal answer (OG 27/2002).';

export function discoveryNode(input: {
	origin: string;
	changeset: Date;
	contact: string;
	keyService: string;
}): SparkNode {
	const changeset = w3c(input.changeset);
	return {
		changeset,
		contact: input.contact,
		key_service: input.keyService,
		endpoints: list('endpoint', [
			{
				specification: OPEN311_SPECIFICATION,
				url: `${input.origin}/open311/v2`,
				changeset,
				type: 'production',
				formats: list('format', ['text/xml', 'application/json'])
			}
		])
	};
}

export function serviceNode(category: CategoryRow, group: CategoryRow | null, locale: string): SparkRecord {
	return {
		service_code: category.code,
		service_name: text(category.name, locale),
		description: text(category.description, locale) || null,
		metadata: category.questions.length > 0,
		type: 'realtime',
		keywords: category.keywords || null,
		group: group ? text(group.name, locale) : null
	};
}

export function definitionNode(category: CategoryRow, locale: string): SparkNode {
	return {
		service_code: category.code,
		attributes: list(
			'attribute',
			category.questions.map((q, i) => {
				const isList = q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist';
				return {
					variable: true,
					code: q.code,
					datatype: q.datatype,
					required: q.required,
					datatype_description: text(q.help, locale) || null,
					order: i + 1,
					description: text(q.label, locale),
					values: isList
						? list(
								'value',
								(q.values ?? []).map((v) => ({ key: v.key, name: text(v.name, locale) }))
							)
						: undefined
				};
			})
		)
	};
}

export interface RequestContext {
	origin: string;
	locale: string;
	numberPrefix: string;
}

const fileUrl = (origin: string, fileId: string | null) => (fileId ? `${origin}/files/${fileId}` : null);

/** One request of `requests` / `requests/{id}`. */
export function requestNode(row: RequestRow, ctx: RequestContext): SparkRecord {
	const r = row.report;
	return {
		service_request_id: String(r.number),
		status: open311Status(r.state),
		status_notes: r.stateReason ?? row.lastPublicText ?? null,
		service_name: text(row.categoryName, ctx.locale),
		service_code: row.categoryCode,
		description: r.description,
		agency_responsible: text(row.departmentName, ctx.locale),
		service_notice: r.anonymousNotice ? ANONYMOUS_NOTICE : null,
		requested_datetime: w3c(r.createdAt),
		updated_datetime: w3c(r.closedAt ?? r.updatedAt),
		expected_datetime: endOfDay(answerDueOn(r)),
		address: r.address ?? null,
		address_id: null,
		zipcode: null,
		lat: r.lat ?? null,
		long: r.lng ?? null,
		media_url: fileUrl(ctx.origin, row.photoFileId)
	};
}

type Extensions = Awaited<ReturnType<typeof requestExtensions>>;

function noteDescription(note: Extensions['notes'][number], locale: string): string {
	if (note.kind === 'public') return note.text;
	// System entries store a message key with its data.
	const said = messageByKey(note.text, locale, note.data);
	return said === note.text && note.toState ? `Status: ${note.toState}` : said;
}

/** `extensions=true`: the answers, channel, registration number, photos and the public timeline. */
export function withExtensions(node: SparkRecord, row: RequestRow, ext: Extensions, ctx: RequestContext): SparkRecord {
	const r = row.report;
	const questions = new Map(row.categoryQuestions.map((q) => [q.code, q]));
	const order = (code: string) => {
		const i = row.categoryQuestions.findIndex((q) => q.code === code);
		return i === -1 ? Number.MAX_SAFE_INTEGER : i;
	};
	const photos = ext.photos.filter((p) => p.reportId === r.id);
	const notes = ext.notes.filter((n) => n.reportId === r.id);
	return {
		...node,
		title: r.title,
		attributes: list(
			'attribute',
			// In the category's question order (jsonb does not keep the order keys were written in).
			Object.entries(r.answers)
				.sort(([a], [b]) => order(a) - order(b))
				.map(([code, value]) => {
					const q = questions.get(code);
					const values = Array.isArray(value) ? value : [value];
					const names = values.map((v) => text(q?.values?.find((o) => o.key === v)?.name, ctx.locale) || v);
					return {
						code,
						name: q ? text(q.label, ctx.locale) : code,
						value: values.join(','),
						label: names.join(', ')
					};
				})
		),
		extended_attributes: {
			registration_number: registrationNumber(ctx.numberPrefix, r.number, r.createdAt),
			channel: r.channel,
			state: r.state,
			extended_status: open311ExtendedStatus[r.state],
			supporters_count: r.supportersCount,
			anonymous_notice: r.anonymousNotice,
			photos: list(
				'photo',
				photos.map((p) => ({
					media_url: fileUrl(ctx.origin, p.fileId),
					title: p.name,
					width: p.width ?? null,
					height: p.height ?? null,
					created_at: w3c(p.createdAt)
				}))
			)
		},
		notes: list(
			'note',
			notes.map((n) => ({
				datetime: w3c(n.createdAt),
				description: noteDescription(n, ctx.locale),
				type: n.kind === 'system' && n.toState === 'new' ? 'submitted' : n.toState ? 'status_change' : 'update',
				status: n.toState ? open311Status(n.toState) : null
			}))
		)
	};
}

type UpdateRow = Awaited<ReturnType<typeof publicUpdates>>[number];

/** One `request_update` of FMS `servicerequestupdates`; extended (upper-case) statuses only for keyed clients. */
export function updateNode(row: UpdateRow, origin: string, extendedStatuses: boolean): SparkRecord {
	const state = row.state as ReportState;
	return {
		update_id: row.id,
		service_request_id: String(row.number),
		status: extendedStatuses ? open311ExtendedStatus[state] : open311Status(state).toUpperCase(),
		updated_datetime: w3c(row.createdAt),
		description: row.text,
		media_url: fileUrl(origin, row.photoFileId),
		external_status_code: null
	};
}
