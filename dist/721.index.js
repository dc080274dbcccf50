export const id = 721;
export const ids = [721];
export const modules = {

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


/***/ }),

/***/ 7261:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z3: () => (/* binding */ GRAPH_REQUEST_LIMIT),
  Yl: () => (/* binding */ mailboxUrl),
  $B: () => (/* binding */ mimeBody),
  zY: () => (/* binding */ sendOverGraph)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/graph/graph-error.ts
var graph_error = __webpack_require__(5007);
// EXTERNAL MODULE: ./src/shared/bounded-text.ts
var bounded_text = __webpack_require__(5322);
;// CONCATENATED MODULE: ./src/graph/request.ts




const MAX_ANSWER_BYTES = 64 * 1024;
/**
 * Sends one request and resolves with the answer, whatever its status. Every request carries a
 * fresh `client-request-id`. A redirect is never followed (node's https does not), so the token
 * stays with graph-host. A failure without an answer rejects with a GraphError of status 0 that
 * says whether the whole body had gone out (`mayHaveBeenAccepted`): such a request is never resent.
 */
function graphRequest(transport, request) {
    const clientRequestId = (0,external_node_crypto_.randomUUID)();
    const url = new URL(request.url);
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers = {
        'client-request-id': clientRequestId,
        'return-client-request-id': 'true',
        'user-agent': 'exchange-online-mail-action',
        ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
        ...(body ? { 'content-length': String(body.length) } : {}),
        ...request.headers
    };
    transport.debug(`Graph: ${request.method} ${url.origin}${url.pathname} (client-request-id ${clientRequestId})`);
    return new Promise((resolve, reject) => {
        let sent = false;
        const failed = (err) => {
            const code = err.code ?? (err.name === 'AbortError' ? 'ABORTED' : 'ECONNRESET');
            reject(noAnswer(request, clientRequestId, code, err.message, sent && request.method !== 'GET'));
        };
        const req = external_node_https_default().request(url, {
            method: request.method,
            headers,
            agent: transport.agent,
            timeout: transport.timeoutMs(),
            signal: transport.signal
        });
        req.once('finish', () => (sent = true));
        req.once('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${transport.timeoutMs()} ms`), { code: 'ETIMEDOUT' })));
        req.once('error', failed);
        req.once('response', (res) => {
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                if (size < MAX_ANSWER_BYTES)
                    chunks.push(chunk);
                size += chunk.length;
            });
            res.once('error', failed);
            res.once('end', () => {
                const answer = {
                    status: res.statusCode ?? 0,
                    headers: flatHeaders(res.headers),
                    text: Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES).toString('utf8'),
                    clientRequestId
                };
                transport.debug(`Graph: HTTP ${answer.status}${requestIdNote(answer)}`);
                resolve(answer);
            });
        });
        req.end(body);
    });
}
/**
 * The answer when it has the status the step needs; otherwise the GraphError it is, with Graph's
 * code and message (bounded), its request-id, the date and any Retry-After.
 */
function expectStatus(answer, expected, operation) {
    if (typeof expected === 'number' ? answer.status === expected : expected.includes(answer.status))
        return answer;
    throw graphRefusal(answer, operation);
}
/** A Graph answer that is not the one a step needed, as a GraphError. */
function graphRefusal(answer, operation) {
    const error = parseGraphError(answer.text);
    const requestId = answer.headers['request-id'] ?? error.requestId;
    const date = answer.headers.date ?? error.date;
    const retryAfterMs = parseRetryAfter(answer.headers['retry-after']);
    const location = answer.status >= 300 && answer.status < 400 ? answer.headers.location : undefined;
    const code = error.code || (location ? 'Redirected' : `HTTP${answer.status}`);
    const graphMessage = (0,bounded_text/* excerpt */.K)(error.message || (location ? `redirect to ${location}, not followed` : answer.text.replace(/\s+/g, ' ')), 300);
    const facts = {
        status: answer.status,
        code,
        graphMessage,
        operation,
        clientRequestId: answer.clientRequestId,
        mayHaveBeenAccepted: false,
        ...(requestId ? { requestId } : {}),
        ...(date ? { date } : {}),
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {})
    };
    return new graph_error/* GraphError */.h(`Microsoft Graph refused ${operation}: HTTP ${answer.status} ${code}: ${graphMessage} ${supportIds(facts)}`, facts);
}
/** A request that got no answer: cut, refused or timed out. */
function noAnswer(request, clientRequestId, code, cause, mayHaveBeenAccepted) {
    const host = new URL(request.url).host;
    const message = mayHaveBeenAccepted
        ? `The ${request.operation} request was sent in full to ${host}, but its answer was lost (${code}: ${(0,bounded_text/* excerpt */.K)(cause, 200)}). Graph may have accepted it, so it is not sent again: the message may have been delivered.`
        : `No answer from ${host} to ${request.operation} (${code}: ${(0,bounded_text/* excerpt */.K)(cause, 200)}).`;
    return new graph_error/* GraphError */.h(`${message} (client-request-id ${clientRequestId})`, {
        status: 0,
        code,
        graphMessage: '',
        operation: request.operation,
        clientRequestId,
        mayHaveBeenAccepted
    });
}
/** Graph's error JSON: `{ error: { code, message, innerError: { date, request-id } } }`; anything else gives nothing. */
function parseGraphError(text) {
    try {
        const parsed = JSON.parse(text);
        const error = parsed.error ?? {};
        const inner = (error.innerError ?? error.innererror ?? {});
        const str = (value) => typeof value === 'string' && /^[\x20-\x7e]{1,100}$/.test(value) ? value : undefined;
        return {
            code: str(error.code) ?? '',
            message: typeof error.message === 'string' ? error.message : '',
            ...(str(inner['request-id']) ? { requestId: str(inner['request-id']) } : {}),
            ...(str(inner.date) ? { date: str(inner.date) } : {})
        };
    }
    catch {
        return { code: '', message: '' };
    }
}
/** Retry-After as seconds or an HTTP date, in milliseconds from now. */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** What Microsoft support asks for about a failed request. */
function supportIds(facts) {
    const ids = [
        ...(facts.requestId ? [`request-id ${facts.requestId}`] : []),
        `client-request-id ${facts.clientRequestId}`,
        ...(facts.date ? [`date ${facts.date}`] : [])
    ];
    return `(${ids.join(', ')})`;
}
function flatHeaders(headers) {
    const flat = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return flat;
}
function requestIdNote(answer) {
    const id = answer.headers['request-id'];
    return id ? ` (request-id ${(0,bounded_text/* excerpt */.K)(id, 80)})` : '';
}

// EXTERNAL MODULE: ./src/delivery/retry-policy.ts
var retry_policy = __webpack_require__(5065);
;// CONCATENATED MODULE: ./src/graph/retries.ts




/** Milliseconds a request needs at least, beyond the wait before it. */
const ATTEMPT_MARGIN_MS = 2000;
/** TLS and name failures that another attempt cannot mend. */
const NEVER_RETRIED = /^(ENOTFOUND|EPROXY|CERT_|ERR_TLS|ERR_SSL|DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|ERR_INVALID)/;
/**
 * The requests of one send, each retried as far as that is safe. `sendMail` is not idempotent,
 * so a request is sent again only when Graph surely did not take it: it answered 429 or 503
 * (throttled: waited out, as Retry-After asks, within timeout-seconds and not counted against
 * max-attempts), or the connection failed before the whole body had gone out. A request whose
 * answer was lost, and every other answer (400, 401, 403, 404, 413 …), ends the send.
 */
class GraphCalls {
    deps;
    counted = 0;
    throttled = 0;
    sleep;
    constructor(deps) {
        this.deps = deps;
        this.sleep = deps.sleep ?? ((ms) => sleepFor(ms, deps.budget.signal));
    }
    /** Sends the request `make` builds (with the current token) until it gets `expected`, or may not try again. */
    async call(make, expected) {
        for (let attempt = 1;; attempt++) {
            let operation;
            try {
                const token = await this.deps.tokens.get(false);
                const request = make(token.token);
                operation = request.operation;
                const send = this.deps.send ?? graphRequest;
                return expectStatus(await send(this.deps.transport, request), expected, request.operation);
            }
            catch (caught) {
                await this.retryAfter(this.deps.tokens.error() ?? caught, attempt, operation);
            }
        }
    }
    /** Waits before the next attempt; throws `err` when none may follow. */
    async retryAfter(err, attempt, operation) {
        const { budget, log, maxAttempts } = this.deps;
        const decision = decide(err);
        if (!decision.retry) {
            log.debug(`Not retried: ${decision.reason}`);
            throw err;
        }
        if (decision.throttled)
            this.throttled++;
        else if (++this.counted >= maxAttempts) {
            log.info(`Attempt ${attempt} of ${maxAttempts} failed (${decision.reason}); no attempts left.`);
            throw err;
        }
        const wait = decision.throttled
            ? (decision.waitMs ?? (0,retry_policy/* throttleBackoffMs */.rU)(this.throttled))
            : Math.max(decision.waitMs ?? 0, (0,retry_policy/* backoffMs */.jo)(this.counted));
        if (!budget.allows(wait, ATTEMPT_MARGIN_MS)) {
            const left = Math.round(budget.remainingMs() / 1000);
            if (decision.throttled && err instanceof graph_error/* GraphError */.h)
                throw throttledBeyondBudget(err, wait, left);
            log.info(`Attempt ${attempt} failed (${decision.reason}); ${left} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
            throw err;
        }
        log.info(decision.throttled
            ? `Microsoft Graph throttled ${operation ?? 'the request'} (${decision.reason}); waiting ${formatWait(wait)} as it asked, within timeout-seconds (not counted against max-attempts).`
            : `Attempt ${attempt} of ${maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`);
        await this.sleep(wait);
        if (budget.signal.aborted)
            throw err;
    }
}
/** Whether and how long to wait before trying a failed Graph request again. Pure. */
function decide(err) {
    if (!(err instanceof graph_error/* GraphError */.h)) {
        // the token request: the same rules as for SMTP
        const decision = (0,retry_policy/* retryDecision */.PQ)(err);
        return { ...decision, reason: (0,bounded_text/* excerpt */.K)(decision.reason, 300) };
    }
    const wait = err.retryAfterMs !== undefined ? { waitMs: err.retryAfterMs } : {};
    if (err.mayHaveBeenAccepted)
        return { retry: false, reason: 'the request was sent in full and its answer lost' };
    if (err.status === 429 || err.status === 503) {
        return { retry: true, throttled: true, reason: `HTTP ${err.status} ${err.code}`, ...wait };
    }
    if (err.status === 0 && !NEVER_RETRIED.test(err.code)) {
        return { retry: true, reason: `connection failed before the request was sent (${err.code})` };
    }
    return { retry: false, reason: err.status ? `HTTP ${err.status} ${err.code}` : err.code };
}
/** A throttling wait longer than the step has left: fail now, saying so and for how long. */
function throttledBeyondBudget(err, waitMs, leftSeconds) {
    return new graph_error/* GraphError */.h(`Microsoft Graph throttled ${err.operation} (HTTP ${err.status} ${err.code}) and asked to wait ${formatWait(waitMs)} (Retry-After); only ${leftSeconds} s of timeout-seconds are left, so the action stops now instead of waiting. Nothing was sent. ${supportIds(err)}`, err);
}
function formatWait(ms) {
    return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}
/** Waits `ms`, or less when the signal aborts. */
function sleepFor(ms, signal) {
    return new Promise((resolve) => {
        if (signal.aborted)
            return resolve();
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
        }, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/graph/large-message.ts



/** The largest piece of one upload request: Graph takes at most 4 MB per request. */
const CHUNK_BYTES = 3 * 1024 * 1024;
/**
 * Microsoft documents upload sessions for files of 3 MB to 150 MB, and one POST of the attachment
 * for smaller ones; a file this small also fits, base64 in JSON, in one request.
 */
const UPLOAD_SESSION_FROM_BYTES = 3_000_000;
/**
 * A message over the limit of one request goes as a draft: the MIME with the attachments that
 * fit (`POST /messages`), the others added one by one — under 3 MB with one `POST …/attachments`,
 * larger through an upload session, in order, in chunks with Content-Range and without the token
 * (the upload URL is pre-authenticated) — then
 * `POST /messages/{id}/send`. Drafts need Mail.ReadWrite. Whether the app holds it is learned from
 * Graph's answer to the draft, never from the token's roles alone (an app granted it through
 * Exchange RBAC for Applications carries no role): a refused draft fails before any upload.
 */
async function sendLargeMessage(plan, calls, bodyBytes) {
    const { settings, log, message } = plan;
    if (!plan.draft || plan.draft.attachments.length === 0) {
        throw tooLarge(bodyBytes, 'this message has no attachment to upload separately');
    }
    const { draft, uploads } = await splitAttachments(plan.draft, message.messageId);
    const mb = megabytes;
    log.info(`The message is ${mb(bodyBytes)} as a Graph request, over the ${mb(GRAPH_REQUEST_LIMIT)} of one request: sending it as a draft (${mb(draft.length)}) with ${uploads.length} attachment(s) uploaded separately.`);
    const base = `${mailboxUrl(settings)}/messages`;
    let id;
    try {
        const created = await calls.call((token) => ({
            operation: 'createDraft',
            method: 'POST',
            url: base,
            token,
            headers: { 'content-type': 'text/plain' },
            body: draft
        }), 201);
        id = draftId(created);
    }
    catch (err) {
        if (err instanceof graph_error/* GraphError */.h && err.status === 403)
            throw tooLarge(bodyBytes, refusedDraft(err, plan));
        throw err;
    }
    let sending = false;
    try {
        for (const attachment of uploads) {
            const messageUrl = `${base}/${encodeURIComponent(id)}`;
            if (attachment.content.length < UPLOAD_SESSION_FROM_BYTES)
                await attach(calls, messageUrl, attachment);
            else
                await upload(calls, messageUrl, attachment);
        }
        sending = true;
        return await calls.call((token) => ({
            operation: 'send',
            method: 'POST',
            url: `${base}/${encodeURIComponent(id)}/send`,
            token,
            body: ''
        }), 202);
    }
    catch (err) {
        // A draft left behind would sit in the mailbox; one whose send may have gone through stays.
        if (!(sending && err instanceof graph_error/* GraphError */.h && err.mayHaveBeenAccepted))
            await discardDraft(calls, `${base}/${encodeURIComponent(id)}`);
        throw err;
    }
}
/**
 * The draft's MIME (base64, Bcc header included) with the smallest attachments that fit in one
 * request, and the others to upload, largest last. Measured on the final body, not estimated.
 */
async function splitAttachments(source, messageId) {
    const bySize = [...source.attachments].sort((a, b) => a.content.length - b.content.length);
    // a first guess from the sizes (base64 twice, with line breaks: about 1.85×), then measured
    let kept = 0;
    let estimate = 0;
    for (const a of bySize) {
        estimate += a.content.length * 1.85 + 1000;
        if (estimate > GRAPH_REQUEST_LIMIT * 0.9)
            break;
        kept++;
    }
    for (;; kept--) {
        const composed = await source.compose(bySize.slice(0, kept), messageId);
        const draft = mimeBody(composed.withBcc ?? composed.raw);
        if (draft.length <= GRAPH_REQUEST_LIMIT || kept === 0) {
            if (draft.length > GRAPH_REQUEST_LIMIT)
                throw tooLarge(draft.length, 'even without its attachments the message is over the limit');
            return { draft, uploads: bySize.slice(kept) };
        }
    }
}
/** A file under 3 MB: one POST of the attachment to the draft, as Microsoft documents for that size. */
async function attach(calls, messageUrl, attachment) {
    await calls.call((token) => ({
        operation: 'addAttachment',
        method: 'POST',
        url: `${messageUrl}/attachments`,
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
            '@odata.type': '#microsoft.graph.fileAttachment',
            name: attachment.filename,
            contentBytes: attachment.content.toString('base64')
        })
    }), 201);
}
/** One attachment through its upload session: PUTs in order, each ≤ 4 MB, never with the token. */
async function upload(calls, messageUrl, attachment) {
    const size = attachment.content.length;
    const session = await calls.call((token) => ({
        operation: 'createUploadSession',
        method: 'POST',
        url: `${messageUrl}/attachments/createUploadSession`,
        token,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ AttachmentItem: { attachmentType: 'file', name: attachment.filename, size } })
    }), 201);
    const uploadUrl = field(session, 'uploadUrl');
    if (!/^https:\/\//i.test(uploadUrl)) {
        throw new graph_error/* GraphError */.h(`Microsoft Graph's upload session has no https uploadUrl.`, {
            status: session.status,
            code: 'InvalidUploadSession',
            graphMessage: '',
            operation: 'createUploadSession',
            clientRequestId: session.clientRequestId,
            mayHaveBeenAccepted: false
        });
    }
    for (let start = 0; start < size; start += CHUNK_BYTES) {
        const end = Math.min(size, start + CHUNK_BYTES) - 1;
        await calls.call(() => ({
            operation: 'upload',
            method: 'PUT',
            url: uploadUrl,
            // no token: the URL is pre-authenticated, and a token there is refused (401)
            headers: { 'content-type': 'application/octet-stream', 'content-range': `bytes ${start}-${end}/${size}` },
            body: attachment.content.subarray(start, end + 1)
        }), end + 1 < size ? [200, 202] : [200, 201]);
    }
}
/** Removes a draft that will not be sent; a failure here changes nothing about the one reported. */
async function discardDraft(calls, messageUrl) {
    await calls
        .call((token) => ({ operation: 'createDraft', method: 'DELETE', url: messageUrl, token }), 204)
        .catch(() => undefined);
}
function draftId(answer) {
    return field(answer, 'id');
}
function field(answer, name) {
    try {
        const value = JSON.parse(answer.text)[name];
        return typeof value === 'string' ? value : '';
    }
    catch {
        return '';
    }
}
/** Why the draft was refused, with what the token's roles say (they never decide). */
function refusedDraft(err, plan) {
    const roles = plan.roles();
    const held = !roles?.length
        ? 'its token carries no role (with Exchange RBAC for Applications, Mail.ReadWrite needs an "Application Mail.ReadWrite" role assignment besides "Application Mail.Send")'
        : roles.includes('Mail.ReadWrite')
            ? `its token carries Mail.ReadWrite, so the mailbox is outside the app's scope for it`
            : `its token carries ${roles.join(', ')} but not Mail.ReadWrite`;
    return `Graph refused to create the draft (HTTP ${err.status} ${err.code}) for ${plan.settings.smtpUser}: ${held} ${supportIds(err)}`;
}
function megabytes(n) {
    return `${(n / 1_000_000).toFixed(1)} MB`;
}
/**
 * The action's own refusal of a message too large for one request when no draft may be made: not
 * an answer of Graph's (none was asked, or it refused the draft), so its text is the whole account,
 * with both sizes and the ways out.
 */
class GraphMessageTooLargeError extends Error {
    bodyBytes;
    limitBytes;
    constructor(
    /** The final request body, in bytes. */
    bodyBytes, 
    /** What one request may carry. */
    limitBytes, why) {
        super(`The message is ${megabytes(bodyBytes)} as a Microsoft Graph request, over the ${megabytes(limitBytes)} Graph takes in one request (the body is base64 of the MIME, whose attachments are base64 already). Larger messages go as a draft with their attachments uploaded, which needs the Mail.ReadWrite permission; ${why}. Nothing was sent. Ways out: smaller attachments (about 2.2 MB of files fit in one request), the Microsoft Graph Mail.ReadWrite application permission scoped to the sending mailbox like Mail.Send, or 'transport: smtp'.`);
        this.bodyBytes = bodyBytes;
        this.limitBytes = limitBytes;
        this.name = 'GraphMessageTooLargeError';
    }
}
function tooLarge(bodyBytes, why) {
    return new GraphMessageTooLargeError(bodyBytes, GRAPH_REQUEST_LIMIT, why);
}

;// CONCATENATED MODULE: ./src/graph/send.ts


/**
 * Graph's limit of one request, applied to the final request body (base64 of the MIME, whose
 * attachments are base64 already: only about 2.2 MB of raw attachments fit). Graph says "4MB";
 * the exact byte count is not documented, so the action stays just under four million bytes.
 */
const GRAPH_REQUEST_LIMIT = 4_000_000;
/**
 * `{graph-host}/v1.0/users/{mailbox}`: the sending mailbox's resource. The UPN is encoded as a path
 * segment (a guest's `#EXT#` would otherwise end the path), with `@` kept as Microsoft writes it.
 */
function mailboxUrl(settings) {
    return `${settings.graphHost}/v1.0/users/${encodeURIComponent(settings.smtpUser).replace(/%40/g, '@')}`;
}
/** The request body of `sendMail` and of a MIME draft: the whole message, base64, Bcc header included. */
function mimeBody(raw) {
    return raw.toString('base64');
}
/**
 * Sends the message with `POST /users/{mailbox}/sendMail`: the MIME the SMTP path sends (with
 * its Bcc header, as Graph reads recipients from the headers only), base64, as text/plain. Only
 * 202 is success, and it means Graph accepted the message for every recipient. A message over the
 * limit of one request goes as a draft with its attachments uploaded (large-message.ts).
 */
async function sendOverGraph(plan) {
    const { settings, message, ledger, log } = plan;
    const calls = new GraphCalls(plan);
    const body = mimeBody(message.withBcc ?? message.raw);
    let answer;
    if (body.length > GRAPH_REQUEST_LIMIT) {
        answer = await sendLargeMessage(plan, calls, body.length);
    }
    else {
        log.info(`Posting the message to ${settings.graphHost} as ${settings.smtpUser} (${body.length} bytes).`);
        answer = await calls.call((token) => ({
            operation: 'sendMail',
            method: 'POST',
            url: `${mailboxUrl(settings)}/sendMail`,
            token,
            headers: { 'content-type': 'text/plain' },
            body
        }), 202);
    }
    const requestId = answer.headers['request-id'];
    const response = `202 Accepted${requestId ? ` (request-id ${requestId})` : ''}`;
    ledger.record({ delivered: true, messageId: message.messageId, accepted: message.envelope.to, refused: [], response });
    return { messageId: message.messageId, accepted: ledger.accepted(), rejected: [], response, transactions: 1 };
}


/***/ })

};
