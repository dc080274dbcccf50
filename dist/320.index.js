export const id = 320;
export const ids = [320];
export const modules = {

/***/ 7729:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Up: () => (/* binding */ graphRequest),
/* harmony export */   gW: () => (/* binding */ supportIds),
/* harmony export */   oi: () => (/* binding */ expectStatus)
/* harmony export */ });
/* unused harmony export graphRefusal */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _graph_error_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5007);
/* harmony import */ var _shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5322);
/* harmony import */ var _shared_retry_after_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1424);





const MAX_ANSWER_BYTES = 64 * 1024;
/**
 * Sends one request and resolves with the answer, whatever its status. Every request carries a
 * fresh `client-request-id`. A redirect is never followed (node's https does not), so the token
 * stays with graph-host. A failure without an answer rejects with a GraphError of status 0 that
 * says whether the whole body had gone out (`mayHaveBeenAccepted`): such a request is never resent.
 */
function graphRequest(transport, request) {
    const clientRequestId = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
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
        const req = node_https__WEBPACK_IMPORTED_MODULE_1___default().request(url, {
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
    const retryAfterMs = (0,_shared_retry_after_js__WEBPACK_IMPORTED_MODULE_3__/* .parseRetryAfter */ .m)(answer.headers['retry-after']);
    const location = answer.status >= 300 && answer.status < 400 ? answer.headers.location : undefined;
    const code = error.code || (location ? 'Redirected' : `HTTP${answer.status}`);
    const graphMessage = (0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .K)(error.message || (location ? `redirect to ${location}, not followed` : answer.text.replace(/\s+/g, ' ')), 300);
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
    return new _graph_error_js__WEBPACK_IMPORTED_MODULE_2__/* .GraphError */ .h(`Microsoft Graph refused ${operation}: HTTP ${answer.status} ${code}: ${graphMessage} ${supportIds(facts)}`, facts);
}
/** A request that got no answer: cut, refused or timed out. */
function noAnswer(request, clientRequestId, code, cause, mayHaveBeenAccepted) {
    const host = new URL(request.url).host;
    const message = mayHaveBeenAccepted
        ? `The ${request.operation} request was sent in full to ${host}, but its answer was lost (${code}: ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .K)(cause, 200)}). Graph may have accepted it, so it is not sent again: the message may have been delivered.`
        : `No answer from ${host} to ${request.operation} (${code}: ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .K)(cause, 200)}).`;
    return new _graph_error_js__WEBPACK_IMPORTED_MODULE_2__/* .GraphError */ .h(`${message} (client-request-id ${clientRequestId})`, {
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
    return id ? ` (request-id ${(0,_shared_bounded_text_js__WEBPACK_IMPORTED_MODULE_4__/* .excerpt */ .K)(id, 80)})` : '';
}


/***/ }),

/***/ 9854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ GraphCalls),
/* harmony export */   i: () => (/* binding */ graphRetryRules)
/* harmony export */ });
/* harmony import */ var _request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7729);
/* harmony import */ var _graph_error_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5007);


/**
 * How Graph's throttling is waited out and told, where it differs from SMTP's: exactly as
 * Retry-After asks, within timeout-seconds and not counted against max-attempts. Whether a failed
 * request may go again is the retry policy's (delivery/retry-policy.ts), for Graph as for SMTP.
 */
const graphRetryRules = {
    waitAsAsked: true,
    throttledLine: (err, _attempt, reason, wait) => `Microsoft Graph throttled ${err instanceof _graph_error_js__WEBPACK_IMPORTED_MODULE_1__/* .GraphError */ .h ? err.operation : 'the request'} (${reason}); waiting ${formatWait(wait)} as it asked, within timeout-seconds (not counted against max-attempts).`,
    beyondBudget: (err, wait, left) => (err instanceof _graph_error_js__WEBPACK_IMPORTED_MODULE_1__/* .GraphError */ .h ? throttledBeyondBudget(err, wait, left) : undefined)
};
/** The requests of one send, each retried by delivery's loop as far as that is safe (graphRetryRules). */
class GraphCalls {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    /** Sends the request `make` builds (with the current token) until it gets `expected`, or may not try again. */
    call(make, expected) {
        const { tokens, transport } = this.deps;
        const send = this.deps.send ?? _request_js__WEBPACK_IMPORTED_MODULE_0__/* .graphRequest */ .Up;
        return this.deps.retry(async () => {
            try {
                const token = await tokens.get(false);
                const request = make(token.token);
                return (0,_request_js__WEBPACK_IMPORTED_MODULE_0__/* .expectStatus */ .oi)(await send(transport, request), expected, request.operation);
            }
            catch (caught) {
                throw tokens.error() ?? caught;
            }
        });
    }
}
/** A throttling wait longer than the step has left: fail now, saying so and for how long. */
function throttledBeyondBudget(err, waitMs, leftSeconds) {
    return new _graph_error_js__WEBPACK_IMPORTED_MODULE_1__/* .GraphError */ .h(`Microsoft Graph throttled ${err.operation} (HTTP ${err.status} ${err.code}) and asked to wait ${formatWait(waitMs)} (Retry-After); only ${leftSeconds} s of timeout-seconds are left, so the action stops now instead of waiting. Nothing was sent. ${(0,_request_js__WEBPACK_IMPORTED_MODULE_0__/* .supportIds */ .gW)(err)}`, err);
}
function formatWait(ms) {
    return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}


/***/ }),

/***/ 6320:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ postMessage),
  z: () => (/* binding */ sendOverGraph)
});

// EXTERNAL MODULE: ./src/graph/graph-error.ts
var graph_error = __webpack_require__(5007);
// EXTERNAL MODULE: ./src/graph/request.ts
var request = __webpack_require__(7729);
;// CONCATENATED MODULE: ./src/graph/mailbox-requests.ts
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
async function sendLargeMessage(plan, message, calls, bodyBytes) {
    const { settings, log } = plan;
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
    return `Graph refused to create the draft (HTTP ${err.status} ${err.code}) for ${plan.settings.smtpUser}: ${held} ${(0,request/* supportIds */.gW)(err)}`;
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

// EXTERNAL MODULE: ./src/graph/retries.ts
var retries = __webpack_require__(9854);
;// CONCATENATED MODULE: ./src/graph/send.ts



/**
 * Sends the message with `POST /users/{mailbox}/sendMail`: the MIME the SMTP path sends (with
 * its Bcc header, as Graph reads recipients from the headers only), base64, as text/plain. Only
 * 202 is success, and it means Graph accepted the message for every recipient. A message over the
 * limit of one request goes as a draft with its attachments uploaded (large-message.ts).
 */
async function postMessage(plan, message) {
    const { settings, log } = plan;
    const calls = new retries/* GraphCalls */.E(plan);
    const body = mimeBody(message.withBcc ?? message.raw);
    let answer;
    if (body.length > GRAPH_REQUEST_LIMIT) {
        answer = await sendLargeMessage(plan, message, calls, body.length);
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
    return { delivered: true, messageId: message.messageId, accepted: [...message.envelope.to], refused: [], response };
}
/** Sends one message outside a delivery (the set-up check's test message), and records it in the ledger. */
async function sendOverGraph(plan) {
    const { message, ledger } = plan;
    const transaction = await postMessage(plan, message);
    ledger.record(transaction);
    const response = transaction.delivered ? transaction.response : '';
    return { messageId: message.messageId, accepted: ledger.accepted(), rejected: [], response, transactions: 1 };
}


/***/ }),

/***/ 1424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ parseRetryAfter)
/* harmony export */ });
/**
 * Retry-After (RFC 9110) as seconds or an HTTP date, in milliseconds from now; undefined when absent
 * or unreadable. Entra's token endpoint and Microsoft Graph both send it with 429 and 503.
 */
function parseRetryAfter(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}


/***/ })

};
