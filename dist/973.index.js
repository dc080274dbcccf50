export const id = 973;
export const ids = [973];
export const modules = {

/***/ 8973:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RecipientLedger: () => (/* reexport safe */ _recipient_ledger_js__WEBPACK_IMPORTED_MODULE_2__.d),
/* harmony export */   deliverWithRetries: () => (/* binding */ deliverWithRetries)
/* harmony export */ });
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5322);
/* harmony import */ var _smtp_smtp_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6396);
/* harmony import */ var _retry_policy_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5065);
/* harmony import */ var _recipient_ledger_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2114);




/** Milliseconds an attempt needs at least, beyond the wait before it. */
const ATTEMPT_MARGIN_MS = 2000;
/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Recipients go in transactions of at most 500; those deferred with a 4xx reply go again in a
 * later transaction. A recipient whose transaction the server accepted is never sent the message
 * again, whatever fails afterwards (the ledger keeps track across attempts). Throttling replies
 * are waited out for as long as the budget allows; other failures end after max-attempts. At
 * the budget's deadline the current session is dropped and no attempt follows.
 */
function deliverWithRetries(plan) {
    return new DeliveryRun(plan).run();
}
/** One delivery under way: its current session, its attempts and its transactions. */
class DeliveryRun {
    plan;
    session;
    sleep;
    /** The server's words on the latest accepted transaction. */
    last;
    transactions = 0;
    /** Failed attempts counted against max-attempts. */
    counted = 0;
    /** Attempts that met throttling (not counted). */
    throttled = 0;
    constructor(plan) {
        this.plan = plan;
        this.session = plan.firstSession;
        this.sleep = plan.sleep ?? ((ms) => sleepFor(ms, plan.budget.signal));
    }
    async run() {
        const { signal } = this.plan.budget;
        const onAbort = () => this.session.abort();
        signal.addEventListener('abort', onAbort);
        try {
            await this.attempts();
        }
        finally {
            signal.removeEventListener('abort', onAbort);
            this.session.close();
        }
        return this.outcome();
    }
    outcome() {
        const { ledger } = this.plan;
        const accepted = ledger.accepted();
        const rejected = [...ledger.rejected(), ...ledger.deferred()];
        if (!this.last || accepted.length === 0) {
            // nodemailer's shape for "all recipients were rejected", so that it is diagnosed alike
            const first = rejected.find((r) => !r.response.startsWith('4')) ?? rejected[0];
            throw (0,_smtp_smtp_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .smtpError */ .lw)("Can't send mail - all recipients were rejected", {
                code: 'EENVELOPE',
                command: 'RCPT TO',
                response: first?.response ?? '',
                rejectedErrors: rejected.map((r) => ({ recipient: r.address, response: r.response }))
            });
        }
        const { messageId, response } = this.last;
        return { messageId, accepted, rejected, response, transactions: this.transactions };
    }
    async attempts() {
        const { settings, tokens, log } = this.plan;
        for (let attempt = 1;; attempt++) {
            // Every token of the first attempt comes from this run: never stale (see mayBeStale).
            const attemptStartedAt = attempt === 1 ? 0 : Date.now();
            try {
                await this.session.login((renew) => tokens.get(renew), attemptStartedAt);
                log.info(`Authenticated as ${settings.smtpUser} with XOAUTH2.`);
                await this.transact();
                if (attempt > 1)
                    log.info(`Delivered on attempt ${attempt}.`);
                return;
            }
            catch (caught) {
                // nodemailer reports a failed token request as EAUTH: the token error has the facts.
                await this.retryAfter(tokens.error() ?? caught, attempt);
            }
            finally {
                log.debug(`Identity requests so far: ${tokens.requests().join(', ') || 'none'}`);
            }
        }
    }
    /** Waits before the next attempt and opens its session; throws `err` when none may follow. */
    async retryAfter(err, attempt) {
        const { settings, budget, log } = this.plan;
        const decision = (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .retryDecision */ .PQ)(err);
        // the reason quotes the server: bounded, and printed through the one printer
        decision.reason = (0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(decision.reason, 300);
        if (!decision.retry) {
            log.debug(`Not retried: ${decision.reason}`);
            throw err;
        }
        if (decision.throttled)
            this.throttled++;
        else
            this.counted++;
        if (!decision.throttled && this.counted >= settings.maxAttempts) {
            log.info(`Attempt ${attempt} of ${settings.maxAttempts} failed (${decision.reason}); no attempts left.`);
            throw err;
        }
        const backoff = decision.throttled ? (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .throttleBackoffMs */ .rU)(this.throttled) : (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .backoffMs */ .jo)(this.counted);
        const wait = Math.max(decision.waitMs ?? 0, backoff);
        if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
            log.info(`Attempt ${attempt} failed (${decision.reason}); ${Math.round(budget.remainingMs() / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
            throw err;
        }
        log.info(decision.throttled
            ? `Attempt ${attempt} failed: ${decision.reason}. Waited out within timeout-seconds (not counted against max-attempts). Retrying in ${wait} ms.`
            : `Attempt ${attempt} of ${settings.maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`);
        await this.sleep(wait);
        this.session.close();
        if (budget.signal.aborted)
            throw err;
        this.session = this.plan.openSession(budget.smtpTimeouts());
    }
    /** Transactions on this session until no recipient is open; waits out deferrals. */
    async transact() {
        const { ledger, message, budget, log } = this.plan;
        for (let round = 1; ledger.open().length > 0;) {
            const batch = ledger.nextBatch();
            const result = await this.session.send(message, batch);
            const accepted = ledger.record(result);
            if (result.delivered) {
                this.transactions++;
                this.last = { messageId: result.messageId, response: result.response };
            }
            const deferred = result.refused.filter((r) => r.code < 500);
            if (this.transactions > 1 || ledger.size > batch.length || deferred.length > 0) {
                const why = deferred.length
                    ? `, ${deferred.length} deferred (${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_3__/* .excerpt */ .K)(firstLine(deferred[0]?.response), 300)})`
                    : '';
                log.info(`Transaction ${this.transactions}: ${accepted} of ${batch.length} recipients accepted${why}; ${ledger.open().length} still to go.`);
            }
            if (accepted > 0 || ledger.open().length === 0) {
                round = 1;
                continue;
            }
            // Nothing taken this round: the server defers everyone left. Wait before asking again.
            const wait = (0,_retry_policy_js__WEBPACK_IMPORTED_MODULE_1__/* .throttleBackoffMs */ .rU)(round++);
            if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
                log.info(`${ledger.open().length} recipient(s) still deferred; ${Math.round(budget.remainingMs() / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
                return;
            }
            log.info(`Every remaining recipient was deferred; asking again in ${wait} ms.`);
            await this.sleep(wait);
            if (budget.signal.aborted)
                return;
        }
    }
}
/** Waits `ms`, or less when the signal aborts. */
function sleepFor(ms, signal) {
    return new Promise((resolve) => {
        // past the deadline no attempt follows: a timer would only keep the process alive
        if (signal.aborted)
            return resolve();
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
        }, { once: true });
    });
}
function firstLine(text) {
    return (text ?? '').split(/\r?\n/)[0] ?? '';
}


/***/ }),

/***/ 2114:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ RecipientLedger)
/* harmony export */ });
/* unused harmony export MAX_RECIPIENTS_PER_TRANSACTION */
/** Exchange Online takes at most 500 recipients per message. */
const MAX_RECIPIENTS_PER_TRANSACTION = 500;
/**
 * Where each recipient stands across every transaction and every connection attempt of one
 * delivery. A recipient is accepted only once a transaction's message data was accepted, and is
 * never sent the message again after that: a retry after a dropped connection, or the next
 * batch, goes only to those still open. Pure (no I/O).
 */
class RecipientLedger {
    states = new Map();
    /** The address as given, by its lower-cased form (the server's spelling may differ). */
    spelling = new Map();
    /** @param addresses every envelope recipient (to, cc and bcc); duplicates count once */
    constructor(addresses) {
        for (const address of addresses) {
            const key = address.toLowerCase();
            if (this.states.has(key))
                continue;
            this.states.set(key, { status: 'pending' });
            this.spelling.set(key, address);
        }
    }
    /** Number of distinct recipients. */
    get size() {
        return this.states.size;
    }
    /** Recipients still to be delivered (never tried, or deferred), in the order given. */
    open() {
        return this.select((s) => s.status === 'pending' || s.status === 'deferred').map((e) => e.address);
    }
    /** The next transaction's recipients: at most 500 of the open ones. */
    nextBatch() {
        return this.open().slice(0, MAX_RECIPIENTS_PER_TRANSACTION);
    }
    /**
     * Records a transaction. Recipients are accepted only when the message data was; a 5xx refusal
     * is final, a 4xx one defers the recipient. Returns how many were accepted.
     */
    record(transaction) {
        for (const refusal of transaction.refused)
            this.refuse(refusal);
        if (!transaction.delivered)
            return 0;
        let accepted = 0;
        for (const address of transaction.accepted) {
            const key = address.toLowerCase();
            if (!this.states.has(key))
                continue;
            this.states.set(key, { status: 'accepted' });
            accepted++;
        }
        return accepted;
    }
    refuse(refusal) {
        const key = refusal.address.toLowerCase();
        const state = this.states.get(key);
        if (!state || state.status === 'accepted' || state.status === 'rejected')
            return;
        this.states.set(key, refusal.code >= 500
            ? { status: 'rejected', response: refusal.response }
            : { status: 'deferred', response: refusal.response });
    }
    /** Recipients whose copy the server accepted, in the order given. */
    accepted() {
        return this.select((s) => s.status === 'accepted').map((e) => e.address);
    }
    /** Recipients refused for good (5xx). */
    rejected() {
        return this.withResponse('rejected');
    }
    /** Recipients still deferred (their last reply was 4xx). */
    deferred() {
        return this.withResponse('deferred');
    }
    withResponse(status) {
        return this.select((s) => s.status === status).map(({ address, state }) => ({
            address,
            response: 'response' in state ? state.response : ''
        }));
    }
    select(keep) {
        const out = [];
        for (const [key, state] of this.states) {
            if (keep(state))
                out.push({ address: this.spelling.get(key) ?? key, state });
        }
        return out;
    }
}


/***/ }),

/***/ 5065:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PQ: () => (/* binding */ retryDecision),
/* harmony export */   jo: () => (/* binding */ backoffMs),
/* harmony export */   rU: () => (/* binding */ throttleBackoffMs)
/* harmony export */ });
/* harmony import */ var _diagnosis_failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6523);
/* harmony import */ var _diagnosis_match_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3341);


const TRANSIENT_NETWORK = [
    'ECONNRESET',
    'ECONNREFUSED',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH'
];
/**
 * Whether an SMTP reply says the server is busy or throttling rather than failing: Exchange's
 * concurrency limit (4.3.2, as 432 or 421), its temporary restrictions (4.7.500-699), and system
 * congestion (4.4.5). Pure.
 */
function isThrottling(reply) {
    const basic = Number(reply.slice(0, 3)) || 0;
    if (basic < 400 || basic >= 500)
        return false;
    if (basic === 432)
        return true;
    const enhanced = (0,_diagnosis_match_js__WEBPACK_IMPORTED_MODULE_1__/* .enhancedCode */ .Kf)(reply) ?? '';
    return ['4.3.2', '4.4.5'].includes(enhanced) || /\b4\.7\.[56]\d\d\b/.test(reply);
}
/**
 * Decides whether a failure is worth another attempt. Transient: token endpoint 429 and 5xx,
 * network errors, SMTP 4xx replies, a dropped connection. Throttling among them is marked so
 * that it is waited out. Never: permanent 5xx replies (a refused token included: a token from
 * this run is as fresh as a renewed one, see sasl.ts), input errors, failures the catalogue marks
 * `retry: 'never'` (an untrusted certificate), a server without STARTTLS or XOAUTH2, a message
 * above the server's SIZE. Pure.
 */
function retryDecision(err) {
    const f = (0,_diagnosis_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .failureFromError */ .J)(err);
    if (f.source === 'input')
        return { retry: false, reason: 'invalid input' };
    // Some failures look like passing network errors but are not (an untrusted certificate): the
    // diagnosis catalogue recognises them once, and marks them.
    const entry = (0,_diagnosis_match_js__WEBPACK_IMPORTED_MODULE_1__/* .catalogueEntry */ .yd)(f);
    const neverRetried = entry?.retry === 'never' ? entry.id : undefined;
    if (f.source === 'unknown')
        return { retry: false, reason: f.message };
    if (f.source === 'graph')
        return graphRetryDecision(f, neverRetried);
    if (f.source === 'entra') {
        if (f.errorCode === 'network_error') {
            const cause = f.networkCause ?? '';
            if (neverRetried)
                return { retry: false, reason: `${neverRetried}: ${cause}` };
            if (/ENOTFOUND/.test(cause))
                return { retry: false, reason: `host not found: ${cause}` };
            return { retry: true, reason: `token endpoint unreachable: ${cause || 'network error'}` };
        }
        const status = f.status ?? 0;
        const wait = f.retryAfterMs !== undefined ? { waitMs: f.retryAfterMs } : {};
        if (status === 429 || /AADSTS50196\b/.test(f.description)) {
            return {
                retry: true,
                throttled: true,
                reason: `token endpoint throttled the request (HTTP ${status || 429})`,
                ...wait
            };
        }
        if (f.errorCode === 'redirected')
            return { retry: false, reason: 'the token endpoint redirected the request' };
        if (status >= 500 || f.errorCode === 'temporarily_unavailable' || f.errorCode === 'service_unavailable') {
            return { retry: true, reason: `token endpoint answered HTTP ${status || f.errorCode}`, ...wait };
        }
        return { retry: false, reason: `token request refused (${f.errorCode})` };
    }
    // SMTP and transport
    const code = f.originalCode ?? f.code;
    if (neverRetried)
        return { retry: false, reason: `${neverRetried}: ${f.message}` };
    if (f.code === 'ETLS')
        return { retry: false, reason: 'TLS could not be established' };
    if (f.offered || f.size)
        return { retry: false, reason: f.message };
    const reply = f.response ?? '';
    const basic = f.responseCode ?? (Number(reply.slice(0, 3)) || 0);
    if (basic >= 400 && basic < 500) {
        const line = reply.split(/\r?\n/)[0];
        return isThrottling(reply)
            ? { retry: true, throttled: true, reason: `the server is busy or throttling: ${line}` }
            : { retry: true, reason: `temporary SMTP reply: ${line}` };
    }
    if (basic >= 500)
        return { retry: false, reason: `permanent SMTP reply: ${reply.split(/\r?\n/)[0]}` };
    if (f.code === 'ENOTFOUND' || code === 'ENOTFOUND')
        return { retry: false, reason: 'host not found' };
    if (f.code === 'ECONNECTION' || f.code === 'ESOCKET' || f.code === 'ETIMEDOUT' || TRANSIENT_NETWORK.includes(code)) {
        return { retry: true, reason: `connection problem: ${f.message}` };
    }
    return { retry: false, reason: f.message };
}
/**
 * Graph: throttling (429, 503) is waited out; a connection that failed before the request went
 * out is tried again; nothing else, and above all not a request sent in full whose answer was
 * lost (sendMail is not idempotent: resending could deliver twice). Pure.
 */
function graphRetryDecision(f, neverRetried) {
    if (f.mayHaveBeenAccepted) {
        return {
            retry: false,
            reason: `the request was sent in full and its answer lost (${f.code}): it may have been accepted`
        };
    }
    if (f.status === 429 || f.status === 503) {
        const wait = f.retryAfterMs !== undefined ? { waitMs: f.retryAfterMs } : {};
        return { retry: true, throttled: true, reason: `Microsoft Graph throttled the request (HTTP ${f.status})`, ...wait };
    }
    if (f.status !== 0)
        return { retry: false, reason: `Microsoft Graph refused the request (HTTP ${f.status} ${f.code})` };
    if (neverRetried)
        return { retry: false, reason: `${neverRetried}: ${f.message}` };
    if (f.code === 'ENOTFOUND')
        return { retry: false, reason: 'host not found' };
    return { retry: true, reason: `connection problem before the request was sent: ${f.message}` };
}
/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … (× 0.5–1.0), at most 15 s. */
function backoffMs(attempt, random = Math.random) {
    const ceiling = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling * (0.5 + random() * 0.5));
}
/**
 * The wait after the n-th throttled attempt: growing by half each time from 1 s to at most 8 s,
 * spread over a quarter to all of that. A busy slot (Exchange's 3 connections per mailbox) frees
 * within seconds; the wide jitter keeps jobs that were refused together from coming back
 * together, and the low cap keeps them asking often enough to take a slot as it frees.
 */
function throttleBackoffMs(n, random = Math.random) {
    const ceiling = Math.min(8_000, 1_000 * 1.5 ** Math.max(0, n - 1));
    return Math.round(ceiling * (0.25 + random() * 0.75));
}


/***/ })

};
