/**
 * Legal deadlines as structured results, each with the rule it comes from. Periods and whether they count calendar
 * or working days follow `../shared/reference/romania.md` §0 and §1.1–1.3 (law texts read through mirrors; the
 * reference asks to verify the consolidated text on legislatie.just.ro before a rule becomes a hard validation).
 *
 * Counting (see index.ts): a term runs from a day that is not counted itself; the nominal last day is the N-th
 * calendar or working day after it. A calendar-day term whose last day is not a working day ends on the next
 * working day (Civil Code art. 2554, Civil Procedure Code art. 181(2)) — romania.md does not state this rule; it
 * comes from the task brief and the code texts cited below. `freeDays: true` applies the stricter "free days"
 * reading of Civil Code art. 2553(1) / Civil Procedure Code art. 181(1) pt. 2 (neither the first nor the last day
 * counted, so the last day to act is one day later); it is off by default.
 */
import { addCalendarDays, calendarDaysBetween, type IsoDate } from './date.ts';
import { addWorkingDays, nextWorkingDayOnOrAfter, workingDayPredicate, type CalendarOptions } from './working-days.ts';

export type DayUnit = 'calendar' | 'working';

export type LegalRule = {
	/** Stable id (also usable as a message-key suffix), e.g. `law52.art7.2`. */
	id: string;
	/** The act, e.g. `Law 52/2003`. */
	act: string;
	/** Article and paragraph, e.g. `art. 7(2)`. */
	article: string;
	/** One-line English summary of what the rule requires. */
	summary: string;
	/** Public pages the rule was read from (romania.md citations). */
	sources: readonly string[];
};

export type Deadline = {
	rule: LegalRule;
	/** `latest`: the act must be done by `due` (inclusive). `earliest`: the act may be done on `due` at the soonest. */
	bound: 'earliest' | 'latest';
	/** The day the term runs from (not counted). */
	from: IsoDate;
	days: number;
	unit: DayUnit;
	/** `after`: counted forward from `from`; `before`: counted back from `from` (e.g. a meeting date). */
	direction: 'after' | 'before';
	/** The last day of the term by plain counting, before any carrying. */
	nominal: IsoDate;
	/** The date that applies: `nominal`, carried to the next working day when the carry rule applies. */
	due: IsoDate;
	/** Whether `due` differs from `nominal` because `nominal` was not a working day. */
	carried: boolean;
	/** The rule that carried the date, when it did. */
	carryRule: LegalRule | null;
};

export type DeadlineOptions = CalendarOptions & {
	/** Civil Code art. 2553(1) "free days" reading: do not count the last day either (one day later). Default false. */
	freeDays?: boolean;
};

const LAW52 = [
	'https://djsarad.ro/transparenta-decizionala/',
	'https://rlw.juridice.ro/5171/changing-the-law-regarding-decisional-transparency-in-public-administration.html',
	'https://expertforum.ro/ghidul-alesului-local/docs/transparenta/elaborarea-proiectelor-de-hotarare/'
];
const OG27 = [
	'https://legislatie.just.ro/Public/FormaPrintabila/00000G1MNPM4DKJCDXN09HZE80A8WJHU',
	'http://evpvn.ro/termene-prevazute-de-lege-pentru-solutionarea-cererilor/',
	'http://www.birouljuridic.ro/birouljuridic/og-nr-272002-privind-reglementarea-activitatilor-de-solutionare-a-petitiilor/'
];
const LAW544 = [
	'https://primaria23august.ro/modalitate-contestare',
	'https://aeroportcraiova.ro/solicitare-informatii-publice/',
	'https://www.capital.ro/acces-la-informatii-de-interes-public-ce-poti-face-daca-o-institutie-refuza-sa-raspunda-ai-doua-variante-in-aceasta-situatie.html'
];

/** Every rule this module applies, by id. */
export const RULES = {
	carry: {
		id: 'civil-code.art2554',
		act: 'Civil Code (Law 287/2009); Civil Procedure Code (Law 134/2010)',
		article: 'art. 2554; art. 181(2)',
		summary: 'A term whose last day is a non-working day ends at the end of the next working day.',
		sources: ['http://codulcivil.avocatie.ro/2013/08/calculul-termenelor-art-2551-art-2556.html']
	},
	law52ApprovalNotice: {
		id: 'law52.art7.2',
		act: 'Law 52/2003',
		article: 'art. 7(2)',
		summary: 'The draft is announced at least 30 working days before it is submitted for approval.',
		sources: LAW52
	},
	law52Recommendations: {
		id: 'law52.art7.4',
		act: 'Law 52/2003',
		article: 'art. 7(4)',
		summary: 'Written recommendations are received for at least 10 (calendar) days from the announcement.',
		sources: LAW52
	},
	law52PublicDebate: {
		id: 'law52.art7.9',
		act: 'Law 52/2003',
		article: 'art. 7(9)-(10)',
		summary: 'A public debate requested in writing by an association or authority is held within 10 days.',
		sources: LAW52
	},
	law52PublicMeeting: {
		id: 'law52.art8',
		act: 'Law 52/2003',
		article: 'art. 8',
		summary: 'A public meeting is announced at least 3 days before it is held.',
		sources: [
			'https://sintact.ro/legislatie/monitorul-oficial/legea-52-2003-privind-transparenta-decizionala-in-16838399/roz-ii-sek-2'
		]
	},
	og27Answer: {
		id: 'og27.art8',
		act: 'OG 27/2002',
		article: 'art. 8',
		summary: 'A petition is answered within 30 days of its registration.',
		sources: OG27
	},
	og27Extension: {
		id: 'og27.art9',
		act: 'OG 27/2002',
		article: 'art. 9',
		summary: 'The 30-day answer term may be extended once, by at most 15 days.',
		sources: OG27
	},
	og27Forwarding: {
		id: 'og27.art6.2',
		act: 'OG 27/2002',
		article: 'art. 6(2) [?]',
		summary: 'A petition sent to the wrong body is forwarded to the competent one within 5 days of registration.',
		sources: OG27
	},
	law544Answer: {
		id: 'law544.art7.1',
		act: 'Law 544/2001',
		article: 'art. 7(1)',
		summary: 'A request for public-interest information is answered within 10 days of registration.',
		sources: LAW544
	},
	law544ComplexNotice: {
		id: 'law544.art7.1.notice',
		act: 'Law 544/2001',
		article: 'art. 7(1)',
		summary: 'If the information takes longer to find, the requester is told so within 10 days.',
		sources: LAW544
	},
	law544ComplexAnswer: {
		id: 'law544.art7.1.complex',
		act: 'Law 544/2001',
		article: 'art. 7(1)',
		summary: 'A complex request (requester told within 10 days) is answered within 30 days of registration.',
		sources: LAW544
	},
	law544Refusal: {
		id: 'law544.art7.3',
		act: 'Law 544/2001',
		article: 'art. 7(3)',
		summary: 'A refusal is reasoned and communicated within 5 days of receiving the request.',
		sources: LAW544
	}
} as const satisfies Record<string, LegalRule>;

export const LAW52_APPROVAL_NOTICE_WORKING_DAYS = 30;
export const LAW52_RECOMMENDATIONS_MIN_DAYS = 10;
export const LAW52_PUBLIC_DEBATE_DAYS = 10;
export const LAW52_PUBLIC_MEETING_NOTICE_DAYS = 3;
export const OG27_ANSWER_DAYS = 30;
export const OG27_MAX_EXTENSION_DAYS = 15;
export const OG27_FORWARDING_DAYS = 5;
export const LAW544_ANSWER_DAYS = 10;
export const LAW544_COMPLEX_ANSWER_DAYS = 30;
export const LAW544_COMPLEX_NOTICE_DAYS = 10;
export const LAW544_REFUSAL_DAYS = 5;

type TermSpec = {
	rule: LegalRule;
	bound: Deadline['bound'];
	from: IsoDate;
	days: number;
	unit: DayUnit;
	direction?: Deadline['direction'];
	/** Carry a forward calendar-day term past a non-working last day (default true; false for notice periods). */
	carry?: boolean;
};

/**
 * The generic term: counts `days` calendar or working days from `from` (not counted). A forward calendar-day term
 * ending on a non-working day is carried to the next working day (Civil Code art. 2554). A working-day term always
 * ends on a working day. A term counted back ("at least N days before X") is not carried: art. 2554 extends terms
 * that end on a non-working day; it does not move a latest-announcement date. Nor is a pure notice period
 * (`carry: false`, e.g. the 3 days before a public meeting) carried: it is a minimum lead time, not a term to act.
 */
export function legalTerm(spec: TermSpec, options: DeadlineOptions = {}): Deadline {
	const { rule, bound, from, days, unit, direction = 'after', carry = true } = spec;
	if (!Number.isInteger(days) || days < 0) throw new RangeError(`Term length must be a non-negative integer: ${days}`);
	const counted = days + (options.freeDays ? 1 : 0);
	const signed = direction === 'after' ? counted : -counted;
	const nominal = unit === 'working' ? addWorkingDays(from, signed, options) : addCalendarDays(from, signed);
	const carries = carry && unit === 'calendar' && direction === 'after' && !workingDayPredicate(options)(nominal);
	const due = carries ? nextWorkingDayOnOrAfter(nominal, options) : nominal;
	return {
		rule,
		bound,
		from,
		days,
		unit,
		direction,
		nominal,
		due,
		carried: carries,
		carryRule: carries ? RULES.carry : null
	};
}

// ---------------------------------------------------------------- Law 52/2003 (decisional transparency)

/**
 * Earliest day a draft announced on `publishedOn` may be submitted for approval: the 30th working day after
 * publication (Law 52/2003 art. 7(2); romania.md §1.1 "at least 30 working days"), on the Romanian working-day
 * calendar.
 */
export function law52EarliestApproval(publishedOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{
			rule: RULES.law52ApprovalNotice,
			bound: 'earliest',
			from: publishedOn,
			days: LAW52_APPROVAL_NOTICE_WORKING_DAYS,
			unit: 'working'
		},
		options
	);
}

/**
 * Earliest day the recommendations window opened on `publishedOn` may close: ≥ 10 calendar days (Law 52/2003
 * art. 7(4); romania.md §1.1 "calendar days per the 2013 text [?]"), carried past a non-working last day.
 */
export function law52RecommendationsEarliestClose(publishedOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{
			rule: RULES.law52Recommendations,
			bound: 'earliest',
			from: publishedOn,
			days: LAW52_RECOMMENDATIONS_MIN_DAYS,
			unit: 'calendar'
		},
		options
	);
}

/**
 * Last day to hold a public debate, counted from `anchor`: the date of the written request (task brief, issue 4,
 * and some municipalities' wording) or — the law text's reading per romania.md §1.1 — the date the debate's date
 * and place were published. The caller chooses the anchor; 10 calendar days, carried.
 */
export function law52PublicDebateDeadline(anchor: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{ rule: RULES.law52PublicDebate, bound: 'latest', from: anchor, days: LAW52_PUBLIC_DEBATE_DAYS, unit: 'calendar' },
		options
	);
}

/**
 * Last day to announce a public meeting held on `meetingOn`: 3 calendar days before it (Law 52/2003 art. 8;
 * romania.md §1.1). Counted back, not carried.
 */
export function law52MeetingAnnouncementDeadline(meetingOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{
			rule: RULES.law52PublicMeeting,
			bound: 'latest',
			from: meetingOn,
			days: LAW52_PUBLIC_MEETING_NOTICE_DAYS,
			unit: 'calendar',
			direction: 'before'
		},
		options
	);
}

/**
 * Earliest day a public meeting announced on `announcedOn` may be held: the same 3-day rule counted forward. A
 * notice period, not a term to act, so not carried (a meeting may be held on a Saturday).
 */
export function law52EarliestMeeting(announcedOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{
			rule: RULES.law52PublicMeeting,
			bound: 'earliest',
			from: announcedOn,
			days: LAW52_PUBLIC_MEETING_NOTICE_DAYS,
			unit: 'calendar',
			carry: false
		},
		options
	);
}

export type ConsultationDeadlines = { earliestApproval: Deadline; recommendationsEarliestClose: Deadline };

/** Both Law 52/2003 dates of a consultation published on `publishedOn`. */
export function law52ConsultationDeadlines(publishedOn: IsoDate, options: DeadlineOptions = {}): ConsultationDeadlines {
	return {
		earliestApproval: law52EarliestApproval(publishedOn, options),
		recommendationsEarliestClose: law52RecommendationsEarliestClose(publishedOn, options)
	};
}

// ---------------------------------------------------------------- OG 27/2002 (petitions)

/** Last day to answer a petition registered on `registeredOn`: 30 calendar days (OG 27/2002 art. 8), carried. */
export function og27AnswerDeadline(registeredOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{ rule: RULES.og27Answer, bound: 'latest', from: registeredOn, days: OG27_ANSWER_DAYS, unit: 'calendar' },
		options
	);
}

/**
 * Last day to answer after the single extension by `extensionDays` (1–15; OG 27/2002 art. 9). The extension
 * lengthens the term itself: 30 + extensionDays calendar days from registration, then carried — so a 30-day term
 * that was carried past a weekend does not gain those days twice. Throws a RangeError outside 1–15 (validate the
 * staff input with `OG27_MAX_EXTENSION_DAYS` first).
 */
export function og27ExtendedAnswerDeadline(
	registeredOn: IsoDate,
	extensionDays: number,
	options: DeadlineOptions = {}
): Deadline {
	if (!Number.isInteger(extensionDays) || extensionDays < 1 || extensionDays > OG27_MAX_EXTENSION_DAYS) {
		throw new RangeError(`OG 27/2002 extension must be 1–${OG27_MAX_EXTENSION_DAYS} days: ${extensionDays}`);
	}
	return legalTerm(
		{
			rule: RULES.og27Extension,
			bound: 'latest',
			from: registeredOn,
			days: OG27_ANSWER_DAYS + extensionDays,
			unit: 'calendar'
		},
		options
	);
}

/** Last day to forward a misdirected petition: 5 calendar days from registration (OG 27/2002 art. 6(2)), carried. */
export function og27ForwardingDeadline(registeredOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{ rule: RULES.og27Forwarding, bound: 'latest', from: registeredOn, days: OG27_FORWARDING_DAYS, unit: 'calendar' },
		options
	);
}

export type PetitionDeadlines = { answer: Deadline; forwarding: Deadline; extended: Deadline | null };

/** The OG 27/2002 dates of a petition; `extended` only when an extension (1–15 days) was granted. */
export function og27PetitionDeadlines(
	registeredOn: IsoDate,
	extensionDays: number | null = null,
	options: DeadlineOptions = {}
): PetitionDeadlines {
	return {
		answer: og27AnswerDeadline(registeredOn, options),
		forwarding: og27ForwardingDeadline(registeredOn, options),
		extended: extensionDays == null ? null : og27ExtendedAnswerDeadline(registeredOn, extensionDays, options)
	};
}

// ---------------------------------------------------------------- Law 544/2001 (free access to information)

/** Last day to answer a request: 10 calendar days from registration (Law 544/2001 art. 7(1)), carried. */
export function law544AnswerDeadline(registeredOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{ rule: RULES.law544Answer, bound: 'latest', from: registeredOn, days: LAW544_ANSWER_DAYS, unit: 'calendar' },
		options
	);
}

/** Last day to tell the requester a complex request needs more time: 10 days from registration, carried. */
export function law544ComplexNoticeDeadline(registeredOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{
			rule: RULES.law544ComplexNotice,
			bound: 'latest',
			from: registeredOn,
			days: LAW544_COMPLEX_NOTICE_DAYS,
			unit: 'calendar'
		},
		options
	);
}

/** Last day to answer a complex request (notice given within 10 days): 30 days from registration, carried. */
export function law544ComplexAnswerDeadline(registeredOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{
			rule: RULES.law544ComplexAnswer,
			bound: 'latest',
			from: registeredOn,
			days: LAW544_COMPLEX_ANSWER_DAYS,
			unit: 'calendar'
		},
		options
	);
}

/** Last day to send a reasoned refusal: 5 calendar days from receipt (Law 544/2001 art. 7(3)), carried. */
export function law544RefusalDeadline(registeredOn: IsoDate, options: DeadlineOptions = {}): Deadline {
	return legalTerm(
		{ rule: RULES.law544Refusal, bound: 'latest', from: registeredOn, days: LAW544_REFUSAL_DAYS, unit: 'calendar' },
		options
	);
}

export type InformationRequestDeadlines = {
	answer: Deadline;
	complexNotice: Deadline;
	complexAnswer: Deadline;
	refusal: Deadline;
};

/** Every Law 544/2001 date of a request registered on `registeredOn`. */
export function law544RequestDeadlines(
	registeredOn: IsoDate,
	options: DeadlineOptions = {}
): InformationRequestDeadlines {
	return {
		answer: law544AnswerDeadline(registeredOn, options),
		complexNotice: law544ComplexNoticeDeadline(registeredOn, options),
		complexAnswer: law544ComplexAnswerDeadline(registeredOn, options),
		refusal: law544RefusalDeadline(registeredOn, options)
	};
}

// ---------------------------------------------------------------- status

export type DeadlineStatus = {
	/** Calendar days from `today` to `due` (0 on the day itself, negative once past). */
	daysLeft: number;
	/** A `latest` deadline whose `due` day has ended; never true for an `earliest` bound. */
	overdue: boolean;
	/** For an `earliest` bound: whether `today` is on or after `due` (always true for a `latest` bound). */
	reached: boolean;
};

/** Where `today` (a Bucharest date, see `todayInBucharest`) stands against a deadline. */
export function deadlineStatus(deadline: Deadline, today: IsoDate): DeadlineStatus {
	const daysLeft = calendarDaysBetween(today, deadline.due);
	return {
		daysLeft,
		overdue: deadline.bound === 'latest' && daysLeft < 0,
		reached: deadline.bound === 'latest' || daysLeft <= 0
	};
}
