/** The person acting on a request or job: anonymous or a signed-in user with roles and verifications. */
export const platformRoles = ['admin', 'staff', 'moderator', 'evaluator'] as const;
export type PlatformRole = (typeof platformRoles)[number];

export const spaceRoleNames = ['admin', 'moderator', 'evaluator'] as const;
export type SpaceRole = (typeof spaceRoleNames)[number];

/** `organisation`: staff checked that the account speaks for a legally constituted association or a public authority
 * (Law 52/2003 art. 7(9)); the verification's `detail` holds the organisation's name and registration number. */
export const verificationKinds = ['email', 'phone', 'residence', 'age', 'in_person', 'organisation'] as const;
export type VerificationKind = (typeof verificationKinds)[number];

/** Where the request came from, for the audit log. */
export interface RequestContext {
	ip?: string | null;
	userAgent?: string | null;
}

export type Actor =
	| { kind: 'anonymous'; context: RequestContext }
	| {
			kind: 'user';
			id: string;
			name: string;
			email: string;
			locale: string;
			emailVerified: boolean;
			twoFactorEnabled: boolean;
			/** Roles in force. A granted role is only in force once two-factor sign-in is on. */
			roles: PlatformRole[];
			/** Roles granted but waiting for two-factor sign-in to be turned on. */
			pendingRoles: PlatformRole[];
			departmentIds: string[];
			/** spaceId → roles in that space */
			spaceRoles: Record<string, SpaceRole[]>;
			verifications: VerificationKind[];
			context: RequestContext;
	  }
	| { kind: 'system'; name: string; context: RequestContext };

export type UserActor = Extract<Actor, { kind: 'user' }>;

export const anonymous = (context: RequestContext = {}): Actor => ({ kind: 'anonymous', context });
export const system = (name: string): Actor => ({ kind: 'system', name, context: {} });

export const isUser = (a: Actor): a is UserActor => a.kind === 'user';
export const hasRole = (a: Actor, role: PlatformRole) => isUser(a) && a.roles.includes(role);
export const isAdmin = (a: Actor) => a.kind === 'system' || hasRole(a, 'admin');
/** Roles granted but not in force because two-factor sign-in is off (staff and admins must turn it on). */
/** Whether the person holds any platform or space role (granted or still waiting for two-factor sign-in). */
export const hasAnyRole = (a: Actor) =>
	isUser(a) && (a.roles.length > 0 || a.pendingRoles.length > 0 || Object.keys(a.spaceRoles).length > 0);
export const needsTwoFactor = (a: Actor) => isUser(a) && a.pendingRoles.length > 0;
export const hasSpaceRole = (a: Actor, spaceId: string, role: SpaceRole) =>
	isAdmin(a) || (isUser(a) && (a.spaceRoles[spaceId] ?? []).includes(role));
export const isVerified = (a: Actor, kind: VerificationKind) =>
	isUser(a) && (kind === 'email' ? a.emailVerified : a.verifications.includes(kind));
