/** The voting journey's public surface (re-exported by index.ts): ballot rules, the ballot box, pages and commands. */
export { castBallot, type CastResult } from './commands/cast-ballot.ts';
export { changeBallot } from './commands/change-ballot.ts';
export { castInBallotBox, enterOnRoll, putPaperBallotInBox, rollEntry } from './ballot-box.ts';
export { ballotSummary, checkBallot } from './ballot-rules.ts';
export { formatReceipt, normaliseReceipt, publicIdOf, receiptHash } from './receipt.ts';
export { voterEligibility } from './voter-eligibility.ts';
export { receiptForChange, reviewBallot, viewBallot, viewReceipt } from './vote-views.ts';
export { changeCookie, readReceiptFlash, receiptCookie, voteCookieOptions } from './vote-cookies.ts';
export { readBallotForm } from './voting-forms.ts';
export { createVotingEditionForTests } from './vote-test-hooks.ts';
