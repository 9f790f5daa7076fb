/** "Check your e-mail" after sign-up or after asking for a new link. */
import type { PageServerLoad } from './$types';
import { PENDING_EMAIL_COOKIE } from './cookie.ts';

export const load: PageServerLoad = ({ cookies }) => ({ email: cookies.get(PENDING_EMAIL_COOKIE) ?? null });
