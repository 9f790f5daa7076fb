/** The address just signed up with, kept for an hour so "check your e-mail" can name it without putting it in the URL. */
export const PENDING_EMAIL_COOKIE = 'vocea_pending_email';
