export const id = 646;
export const ids = [646,733];
export const modules = {

/***/ 7646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RecipientLedger: () => (/* reexport */ recipient_ledger.RecipientLedger),
  deliverWithRetries: () => (/* binding */ deliverWithRetries),
  retryFor: () => (/* binding */ retryFor)
});

// EXTERNAL MODULE: ./src/shared/bounded-text.ts
var bounded_text = __webpack_require__(5322);
// EXTERNAL MODULE: ./src/smtp/smtp-errors.ts
var smtp_errors = __webpack_require__(6396);
// EXTERNAL MODULE: ./src/diagnosis/failure.ts
var failure = __webpack_require__(6523);
// EXTERNAL MODULE: ./src/diagnosis/match.ts + 2 modules
var match = __webpack_require__(3341);
;// CONCATENATED MODULE: ./src/delivery/retry-policy.ts


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
    const enhanced = (0,match/* enhancedCode */.Kf)(reply) ?? '';
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
    const f = (0,failure/* failureFromError */.J)(err);
    if (f.source === 'input')
        return { retry: false, reason: 'invalid input' };
    // Some failures look like passing network errors but are not (an untrusted certificate): the
    // diagnosis catalogue recognises them once, and marks them.
    const entry = (0,match/* catalogueEntry */.yd)(f);
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
            // A proxy's refusal is its policy (Graph's requests are not retried on it either).
            if (/^EPROXY\b/.test(cause))
                return { retry: false, reason: `the proxy refused the tunnel: ${cause}` };
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
/** TLS, name and request failures of a Graph connection that another attempt cannot mend. */
const GRAPH_NEVER_RETRIED = /^(ENOTFOUND|EPROXY|CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|ERR_INVALID)/;
/**
 * Graph: `sendMail` is not idempotent, so a request is sent again only when Graph surely did not
 * take it: it answered 429 or 503 (throttled: waited out as Retry-After asks), or the connection
 * failed before the whole body had gone out. A request sent in full whose answer was lost, and
 * every other answer (400, 401, 403, 404, 413 …), ends the send: resending could deliver twice. Pure.
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
        return { retry: true, throttled: true, reason: `HTTP ${f.status} ${f.code}`, ...wait };
    }
    if (f.status !== 0)
        return { retry: false, reason: `HTTP ${f.status} ${f.code}` };
    if (neverRetried)
        return { retry: false, reason: `${neverRetried}: ${f.message}` };
    if (GRAPH_NEVER_RETRIED.test(f.code))
        return { retry: false, reason: f.code };
    return { retry: true, reason: `connection failed before the request was sent (${f.code})` };
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

;// CONCATENATED MODULE: ./src/delivery/retries.ts


/** Milliseconds an attempt needs at least, beyond the wait before it. */
const ATTEMPT_MARGIN_MS = 2000;
/**
 * The one retry loop of a delivery, whatever the transport. Transient failures are tried again
 * after a backoff, within the step's budget; throttling is waited out for as long as the budget
 * allows and not counted against max-attempts; other failures end after max-attempts. The counts
 * are kept across every run of one Retrier: one delivery, one count.
 */
class Retrier {
    deps;
    /** Failed attempts counted against max-attempts. */
    counted = 0;
    /** Attempts that met throttling (not counted). */
    throttled = 0;
    sleep;
    constructor(deps) {
        this.deps = deps;
        this.sleep = deps.sleep ?? ((ms) => sleepFor(ms, deps.budget.signal));
    }
    /** Runs `work` until it succeeds, or throws the failure after which no attempt may follow. */
    async run(work, between) {
        for (let attempt = 1;; attempt++) {
            try {
                return await work(attempt);
            }
            catch (caught) {
                await this.after(caught, attempt, between);
            }
            finally {
                between?.ended?.();
            }
        }
    }
    /** `run` as a function a transport is handed, to retry each of its requests. */
    retry = (work) => this.run(work);
    /** Waits before the next attempt (and reconnects); throws `err` when none may follow. */
    async after(err, attempt, between) {
        const { budget, log, maxAttempts, rules } = this.deps;
        const decision = this.decide(err);
        if (!decision.retry) {
            log.debug(`Not retried: ${decision.reason}`);
            throw err;
        }
        if (decision.throttled)
            this.throttled++;
        else
            this.counted++;
        if (!decision.throttled && this.counted >= maxAttempts) {
            log.info(`Attempt ${attempt} of ${maxAttempts} failed (${decision.reason}); no attempts left.`);
            throw err;
        }
        const wait = this.waitMs(decision);
        if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
            const left = Math.round(budget.remainingMs() / 1000);
            const instead = decision.throttled ? rules?.beyondBudget?.(err, wait, left) : undefined;
            if (instead)
                throw instead;
            log.info(`Attempt ${attempt} failed (${decision.reason}); ${left} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
            throw err;
        }
        log.info(!decision.throttled
            ? `Attempt ${attempt} of ${maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`
            : (rules?.throttledLine?.(err, attempt, decision.reason, wait) ??
                `Attempt ${attempt} failed: ${decision.reason}. Waited out within timeout-seconds (not counted against max-attempts). Retrying in ${wait} ms.`));
        await this.sleep(wait);
        between?.close();
        if (budget.signal.aborted)
            throw err;
        between?.open();
    }
    /** The retry policy's decision, its reason bounded. */
    decide(err) {
        const decision = retryDecision(err);
        // the reason quotes the server: bounded, and printed through the one printer
        return { ...decision, reason: (0,bounded_text/* excerpt */.K)(decision.reason, 300) };
    }
    /** The wait before the next attempt: the backoff, or longer when the server asked for longer. */
    waitMs(decision) {
        if (decision.throttled && this.deps.rules?.waitAsAsked && decision.waitMs !== undefined)
            return decision.waitMs;
        const backoff = decision.throttled ? throttleBackoffMs(this.throttled) : backoffMs(this.counted);
        return Math.max(decision.waitMs ?? 0, backoff);
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

// EXTERNAL MODULE: ./src/delivery/recipient-ledger.ts
var recipient_ledger = __webpack_require__(9733);
;// CONCATENATED MODULE: ./src/delivery/deliver.ts





/**
 * The retry loop a transport that retries each of its requests is handed (Graph): delivery's one
 * loop, with the transport's own rules where they differ.
 */
function retryFor(deps) {
    return new Retrier(deps).retry;
}
/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Recipients go in transactions of at most what the transport takes at once; those deferred with
 * a 4xx reply go again in a later transaction. A recipient whose transaction the server accepted
 * is never sent the message again, whatever fails afterwards (the ledger keeps track across
 * attempts). Throttling replies are waited out for as long as the budget allows; other failures
 * end after max-attempts. At the budget's deadline the current connection is dropped and no
 * attempt follows.
 */
function deliverWithRetries(plan) {
    return new DeliveryRun(plan).run();
}
/** One delivery under way: its attempts and its transactions. */
class DeliveryRun {
    plan;
    retrier;
    /** The server's words on the latest accepted transaction. */
    last;
    transactions = 0;
    constructor(plan) {
        this.plan = plan;
        const { budget, log, settings, sleep } = plan;
        this.retrier = new Retrier({ budget, log, maxAttempts: settings.maxAttempts, ...(sleep ? { sleep } : {}) });
    }
    async run() {
        const { budget, transport } = this.plan;
        const onAbort = () => transport.abort();
        budget.signal.addEventListener('abort', onAbort);
        try {
            if (transport.retries === 'request')
                await this.once();
            else
                await this.attempts();
        }
        finally {
            budget.signal.removeEventListener('abort', onAbort);
            transport.close();
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
            throw (0,smtp_errors/* smtpError */.lw)("Can't send mail - all recipients were rejected", {
                code: 'EENVELOPE',
                command: 'RCPT TO',
                response: first?.response ?? '',
                rejectedErrors: rejected.map((r) => ({ recipient: r.address, response: r.response }))
            });
        }
        const { messageId, response } = this.last;
        return { messageId, accepted, rejected, response, transactions: this.transactions };
    }
    /** A transport that retries each of its requests itself: one pass, whose failure is final. */
    async once() {
        const { transport, tokens } = this.plan;
        await transport.authenticate(tokens, 0);
        await this.transact();
    }
    /** Attempts on a connection each, the first on the one opened already, until delivered or no retry may follow. */
    async attempts() {
        const { transport, tokens, log } = this.plan;
        await this.retrier.run(async (attempt) => {
            // Every token of the first attempt comes from this run: never stale (see mayBeStale).
            const attemptStartedAt = attempt === 1 ? 0 : Date.now();
            try {
                await transport.authenticate(tokens, attemptStartedAt);
                await this.transact();
                if (attempt > 1)
                    log.info(`Delivered on attempt ${attempt}.`);
            }
            catch (caught) {
                // nodemailer reports a failed token request as EAUTH: the token error has the facts.
                throw tokens.error() ?? caught;
            }
        }, {
            close: () => transport.close(),
            open: () => transport.open(),
            ended: () => log.debug(`Identity requests so far: ${tokens.requests().join(', ') || 'none'}`)
        });
    }
    /** Transactions on this connection until no recipient is open; waits out deferrals. */
    async transact() {
        const { ledger, message, budget, log, transport } = this.plan;
        for (let round = 1; ledger.open().length > 0;) {
            const batch = ledger.nextBatch(transport.recipientsPerSend);
            const result = await transport.send(message, batch);
            const accepted = ledger.record(result);
            if (result.delivered) {
                this.transactions++;
                this.last = { messageId: result.messageId, response: result.response };
            }
            const deferred = result.refused.filter((r) => r.code < 500);
            if (this.transactions > 1 || ledger.size > batch.length || deferred.length > 0) {
                const why = deferred.length
                    ? `, ${deferred.length} deferred (${(0,bounded_text/* excerpt */.K)(firstLine(deferred[0]?.response), 300)})`
                    : '';
                log.info(`Transaction ${this.transactions}: ${accepted} of ${batch.length} recipients accepted${why}; ${ledger.open().length} still to go.`);
            }
            if (accepted > 0 || ledger.open().length === 0) {
                round = 1;
                continue;
            }
            // Nothing taken this round: the server defers everyone left. Wait before asking again.
            const wait = throttleBackoffMs(round++);
            if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
                log.info(`${ledger.open().length} recipient(s) still deferred; ${Math.round(budget.remainingMs() / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
                return;
            }
            log.info(`Every remaining recipient was deferred; asking again in ${wait} ms.`);
            await this.retrier.sleep(wait);
            if (budget.signal.aborted)
                return;
        }
    }
}
function firstLine(text) {
    return (text ?? '').split(/\r?\n/)[0] ?? '';
}


/***/ }),

/***/ 9733:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_RECIPIENTS_PER_TRANSACTION: () => (/* reexport safe */ _smtp_transport_js__WEBPACK_IMPORTED_MODULE_0__.J),
/* harmony export */   RecipientLedger: () => (/* binding */ RecipientLedger)
/* harmony export */ });
/* harmony import */ var _smtp_transport_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1321);


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
    /** The next transaction's recipients: at most `limit` (500 by default) of the open ones. */
    nextBatch(limit = _smtp_transport_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_RECIPIENTS_PER_TRANSACTION */ .J) {
        return this.open().slice(0, limit);
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

/***/ 1321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ MAX_RECIPIENTS_PER_TRANSACTION),
/* harmony export */   i: () => (/* binding */ SmtpTransport)
/* harmony export */ });
/** Exchange Online takes at most 500 recipients per message. */
const MAX_RECIPIENTS_PER_TRANSACTION = 500;
/**
 * SMTP as a transport: one session per attempt (delivery retries an attempt whole, on a new
 * session), XOAUTH2 at AUTH, and transactions of at most 500 recipients.
 */
class SmtpTransport {
    deps;
    retries = 'attempt';
    recipientsPerSend = MAX_RECIPIENTS_PER_TRANSACTION;
    session;
    constructor(deps) {
        this.deps = deps;
        this.session = deps.firstSession;
    }
    open() {
        this.session = this.deps.openSession(this.deps.timeouts());
    }
    async authenticate(tokens, attemptStartedAt) {
        await this.session.login((renew) => tokens.get(renew), attemptStartedAt);
        this.deps.log.info(`Authenticated as ${this.deps.user} with XOAUTH2.`);
    }
    send(message, recipients) {
        return this.session.send(message, recipients);
    }
    close() {
        this.session.close();
    }
    abort() {
        this.session.abort();
    }
}


/***/ })

};
