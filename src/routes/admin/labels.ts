/** Display names for role, verification and document codes used across the admin pages. */
import { m } from '#lib/paraglide/messages.js';

export function roleName(role: string): string {
	const names: Record<string, () => string> = {
		admin: m.admin_role_admin,
		staff: m.admin_role_staff,
		moderator: m.admin_role_moderator,
		evaluator: m.admin_role_evaluator
	};
	return names[role]?.() ?? role;
}

export function spaceRoleName(role: string): string {
	const names: Record<string, () => string> = {
		admin: m.admin_space_role_admin,
		moderator: m.admin_role_moderator,
		evaluator: m.admin_role_evaluator
	};
	return names[role]?.() ?? role;
}

export function verificationName(kind: string): string {
	const names: Record<string, () => string> = {
		email: m.verification_kind_email,
		phone: m.verification_kind_phone,
		residence: m.verification_kind_residence,
		age: m.verification_kind_age,
		in_person: m.verification_kind_in_person,
		organisation: m.verification_kind_organisation
	};
	return names[kind]?.() ?? kind;
}

export function documentTypeName(type: string): string {
	const names: Record<string, () => string> = {
		identity_card: m.verification_document_identity_card,
		passport: m.verification_document_passport,
		residence_permit: m.verification_document_residence_permit,
		residence_certificate: m.verification_document_residence_certificate,
		other: m.verification_document_other
	};
	return names[type]?.() ?? type;
}
