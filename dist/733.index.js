export const id = 733;
export const ids = [733];
export const modules = {

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
