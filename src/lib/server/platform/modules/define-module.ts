/**
 * The module contract: a participation module (pages, proposals, budgets, …) declares everything the platform needs
 * to know about it in one manifest. The platform reads only manifests; `registry.ts` lists them explicitly.
 */
import type { z } from 'zod';
import type { Actor } from '../actors/actor.ts';
import type { Decision } from '../permissions/index.ts';
import type { Db } from '../db/index.ts';
import type { VerificationKind } from '../actors/actor.ts';
import type { Translated } from '../db/columns.ts';

/** The context a permission is decided in: the mounted module, its space, and the settings in force now. */
export interface ModuleContext<G = Record<string, unknown>, P = Record<string, unknown>> {
	module: { id: string; spaceId: string; kind: string; published: boolean };
	space: { id: string; slug: string; status: string };
	/** Global settings, parsed with defaults. */
	settings: G;
	/** Settings of the current phase (defaults when no phase is current). */
	phaseSettings: P;
	currentPhaseId: string | null;
	/** action → verification required here (the space's choice, else the manifest's default). */
	requiredVerifications: Record<string, VerificationKind | null>;
}

/** A flat open-data export: documented columns, no personal data. */
export interface OpenDataExport {
	name: string;
	description: string;
	columns: { name: string; description: string }[];
	rows(db: Db, moduleIds: string[]): Promise<Record<string, string | number | boolean | null>[]>;
}

export interface ModuleStat {
	key: string;
	primary?: boolean;
	count(db: Db, moduleIds: string[], range?: { from?: Date; to?: Date }): Promise<number>;
}

/** One searchable document per resource (and locale) that the module keeps up to date. */
export interface SearchSource {
	resource: string;
	/** All documents of the given modules, for a full re-index. */
	documents(
		db: Db,
		moduleIds: string[]
	): Promise<
		{
			resourceId: string;
			locale: string;
			title: string;
			body: string;
			url: string;
			visibility: 'public' | 'staff';
			spaceId: string;
		}[]
	>;
}

/**
 * One item a module contributes to the process's Atom feed (`/feeds/processes/{id}.atom`): only public, published
 * items. The feed translates title/summary into the reader's locale and makes `path` absolute.
 */
export interface ModuleFeedEntry {
	/** Unique and stable across time, e.g. `proposal:<id>`. */
	key: string;
	title: Translated;
	summary?: Translated;
	/** Site path of the item's page, e.g. `/processes/buget-2027/proposals/<moduleId>/<id>`. */
	path: string;
	published: Date;
	updated?: Date;
}

export interface NotificationDefinition {
	/** The message key of the notification title, e.g. 'pages_notification_published'. */
	key: string;
	/** Who receives it by default. */
	recipients: 'followers' | 'author' | 'admins';
}

export interface PersonalData {
	/** Rows about one person, grouped by table-like name, for "download my data". */
	exportFor(db: Db, userId: string): Promise<Record<string, Record<string, unknown>[]>>;
	/** Removes the person's identity from the module's rows; content stays, authored by "deleted account". */
	anonymize(db: Db, userId: string): Promise<void>;
}

export interface ModuleHooks {
	/** After the module is mounted into a space. */
	created?(db: Db, moduleId: string): Promise<void>;
	/** Return a message key to refuse unmounting (e.g. resources exist), or null to allow. */
	beforeDestroy?(db: Db, moduleId: string): Promise<string | null>;
	/** When the space's current phase changes (fired once per change by the phase clock). */
	phaseChanged?(db: Db, moduleId: string, change: { from: string | null; to: string | null }): Promise<void>;
}

export interface ModuleManifest<
	Name extends string = string,
	G extends z.ZodObject = z.ZodObject,
	P extends z.ZodObject = z.ZodObject,
	A extends readonly string[] = readonly string[]
> {
	/** = folder, table prefix, URL segment, i18n namespace, stat key prefix. */
	name: Name;
	/** Message key of the module's human name, e.g. 'pages_module_name'. */
	titleKey: string;
	/** Settings as zod objects whose every field has a default; the admin form is generated from them. Labels are
	 * message keys `${name}_setting_${snake_key}` (enum options: `…_option_${value}`). */
	settings: { global: G; phase: P };
	/** Each action has a message key `${name}_action_${action}` ("Read the information pages"). */
	actions: A;
	/** For each action, the verification a person needs (admins may raise it per module in settings). */
	defaultVerification?: Partial<Record<A[number], VerificationKind | null>>;
	permissions(actor: Actor, action: A[number], ctx: ModuleContext<z.infer<G>, z.infer<P>>): Decision;
	resources: { name: string; linkable: boolean }[];
	hooks?: ModuleHooks;
	exports: OpenDataExport[];
	stats: ModuleStat[];
	search: SearchSource[];
	notifications: NotificationDefinition[];
	personalData: PersonalData;
	seed?(db: Db, ctx: { spaceId: string; moduleId: string; userIds: string[] }): Promise<void>;
	/** Public items published since `since` in these (published) modules, newest first, for the process feed. */
	feed?(db: Db, moduleIds: string[], since: Date): Promise<ModuleFeedEntry[]>;
}

/** Declares a module; the identity function keeps the manifest's literal types. */
export function defineModule<
	const Name extends string,
	G extends z.ZodObject,
	P extends z.ZodObject,
	const A extends readonly string[]
>(manifest: ModuleManifest<Name, G, P, A>): ModuleManifest<Name, G, P, A> {
	return manifest;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyModule = ModuleManifest<string, any, any, readonly string[]>;
