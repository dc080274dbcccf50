export const id = 256;
export const ids = [256];
export const modules = {

/***/ 256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deliverWithRetries: () => (/* binding */ deliverWithRetries),
  startTokens: () => (/* binding */ startTokens),
  xoauth2Blob: () => (/* binding */ xoauth2Blob)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: ./src/claims.ts
var src_claims = __webpack_require__(3678);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/mail.ts + 4 modules
var mail = __webpack_require__(4546);
// EXTERNAL MODULE: ./src/diagnose.ts + 1 modules
var diagnose = __webpack_require__(2080);
;// CONCATENATED MODULE: ./src/retry.ts

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
 * Decides whether a failure is worth another attempt. Transient: token endpoint 429 and 5xx,
 * network errors, SMTP 4xx replies, a dropped connection. Never: permanent 5xx replies, input
 * errors, certificate errors, a server without STARTTLS. A 535 5.7.3 is retried once with a
 * renewed token. Pure.
 */
function retryDecision(err, state) {
    const f = (0,diagnose.failureFromError)(err);
    if (f.source === 'input')
        return { retry: false, reason: 'invalid input' };
    // Certificate errors are recognised once, by the diagnosis catalogue.
    const untrusted = (0,diagnose.diagnose)(f, {}).entry?.id === 'TLS certificate';
    if (f.source === 'unknown')
        return { retry: false, reason: f.message };
    if (f.source === 'entra') {
        if (f.errorCode === 'network_error') {
            const cause = f.networkCause ?? '';
            if (untrusted)
                return { retry: false, reason: `certificate error: ${cause}` };
            if (/ENOTFOUND/.test(cause))
                return { retry: false, reason: `host not found: ${cause}` };
            return { retry: true, reason: `token endpoint unreachable: ${cause || 'network error'}` };
        }
        const status = f.status ?? 0;
        const wait = f.retryAfterMs !== undefined ? { waitMs: f.retryAfterMs } : {};
        if (status === 429 || /AADSTS50196\b/.test(f.description)) {
            return { retry: true, reason: `token endpoint throttled the request (HTTP ${status || 429})`, ...wait };
        }
        if (status >= 500 || f.errorCode === 'temporarily_unavailable' || f.errorCode === 'service_unavailable') {
            return { retry: true, reason: `token endpoint answered HTTP ${status || f.errorCode}`, ...wait };
        }
        return { retry: false, reason: `token request refused (${f.errorCode})` };
    }
    // SMTP and transport
    const code = f.originalCode ?? f.code;
    if (untrusted) {
        return { retry: false, reason: 'TLS certificate not trusted' };
    }
    if (f.code === 'ETLS')
        return { retry: false, reason: 'TLS could not be established' };
    const reply = f.response ?? '';
    const basic = f.responseCode ?? (Number(reply.slice(0, 3)) || 0);
    if (basic === 535 && (0,diagnose.enhancedCode)(reply) === '5.7.3') {
        return state.renewed
            ? { retry: false, reason: 'token rejected again after renewal' }
            : { retry: true, reason: 'the server rejected the token (535 5.7.3); renewing it', renewToken: true };
    }
    if (basic >= 400 && basic < 500)
        return { retry: true, reason: `temporary SMTP reply: ${reply.split(/\r?\n/)[0]}` };
    if (basic >= 500)
        return { retry: false, reason: `permanent SMTP reply: ${reply.split(/\r?\n/)[0]}` };
    if (f.code === 'ENOTFOUND' || code === 'ENOTFOUND')
        return { retry: false, reason: 'host not found' };
    if (f.code === 'ECONNECTION' || f.code === 'ESOCKET' || f.code === 'ETIMEDOUT' || TRANSIENT_NETWORK.includes(code)) {
        return { retry: true, reason: `connection problem: ${f.message}` };
    }
    return { retry: false, reason: f.message };
}
/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … (× 0.5–1.0), at most 15 s. */
function backoffMs(attempt, random = Math.random) {
    const ceiling = Math.min(15_000, 500 * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling * (0.5 + random() * 0.5));
}

;// CONCATENATED MODULE: ./src/deliver.ts





/** The XOAUTH2 SASL string nodemailer sends; masked like the token it contains. */
function xoauth2Blob(user, token) {
    return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64');
}
/** Starts the first token request now; msal-node is loaded only now, off the critical path. */
function startTokens(settings, timeoutMs) {
    const started = Date.now();
    let failure;
    let requests = () => [];
    let claims;
    const provider = Promise.all(/* import() */[__webpack_require__.e(669), __webpack_require__.e(737)]).then(__webpack_require__.bind(__webpack_require__, 8737)).then(({ createTokenProvider }) => createTokenProvider(settings, {
        getIdToken: (audience) => core.getIDToken(audience),
        mask: (secret) => core.setSecret(secret),
        debug: (line) => core.debug(line)
    }, timeoutMs()));
    const acquire = (renew) => {
        failure = undefined;
        const pending = provider
            .then((p) => {
            requests = () => p.requests.map((r) => `${r.method} ${r.url}`);
            return p.getToken(renew);
        })
            .then((t) => {
            core.setSecret(xoauth2Blob(settings.smtpUser, t.token));
            claims = (0,src_claims/* readClaims */.Ip)(t.token);
            core.debug((0,src_claims/* formatClaims */.fq)(claims));
            core.info(`Token acquired ${Date.now() - started} ms after start (expires ${t.expiresOn?.toISOString() ?? '?'}).`);
            return t.token;
        }, (err) => {
            if (err instanceof errors/* TokenError */.gz)
                failure = err;
            throw err;
        });
        pending.catch(() => undefined); // awaited at AUTH; a failure is reported there
        return pending;
    };
    let current = acquire(false);
    let failed = false;
    let handedOut = false;
    current.catch(() => (failed = true));
    return {
        get(renew) {
            // A fresh request on renewal, or when the token already handed to an attempt had failed.
            if (renew || (failed && handedOut)) {
                failed = false;
                current = acquire(true);
                current.catch(() => (failed = true));
            }
            handedOut = true;
            const askedAt = Date.now();
            return current.then((token) => {
                core.debug(`Token wait at AUTH: ${Date.now() - askedAt} ms`);
                return token;
            });
        },
        error: () => failure,
        requests: () => requests(),
        claims: () => claims
    };
}
/** Waits `ms`, or less when the signal aborts. */
function sleepFor(ms, signal) {
    return new Promise((resolve) => {
        const timer = setTimeout(resolve, ms);
        signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
        });
    });
}
/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Once the server has accepted the message data the result is final: it is never sent twice.
 */
async function deliverWithRetries(plan) {
    const { settings, tokens, message } = plan;
    const sleep = plan.sleep ?? ((ms) => sleepFor(ms, plan.signal));
    let session = plan.firstSession;
    let renewNext = false;
    let renewed = false;
    const onAbort = () => session.abort();
    plan.signal?.addEventListener('abort', onAbort);
    try {
        return await attempts();
    }
    finally {
        plan.signal?.removeEventListener('abort', onAbort);
        session.close();
    }
    async function attempts() {
        for (let attempt = 1;; attempt++) {
            try {
                const renew = renewNext;
                renewNext = false;
                await session.login((renewAfterRejection) => tokens.get(renew || renewAfterRejection));
                core.info(`Authenticated as ${settings.smtpUser} with XOAUTH2.`);
                const delivery = await session.send(message);
                if (attempt > 1)
                    core.info(`Delivered on attempt ${attempt}.`);
                return delivery;
            }
            catch (caught) {
                // nodemailer reports a failed token request as EAUTH: the token error has the facts.
                const err = tokens.error() ?? caught;
                const decision = retryDecision(err, { renewed });
                const left = plan.remaining();
                if (!decision.retry) {
                    core.debug(`Not retried: ${decision.reason}`);
                    throw err;
                }
                if (attempt >= settings.maxAttempts) {
                    core.info(`Attempt ${attempt} of ${settings.maxAttempts} failed (${decision.reason}); no attempts left.`);
                    throw err;
                }
                const wait = Math.max(decision.waitMs ?? 0, backoffMs(attempt));
                if (wait + 2000 > left) {
                    core.info(`Attempt ${attempt} failed (${decision.reason}); ${Math.round(left / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
                    throw err;
                }
                core.info(`Attempt ${attempt} of ${settings.maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`);
                if (decision.renewToken) {
                    renewNext = true;
                    renewed = true;
                }
                await sleep(wait);
                session.close();
                if (plan.signal?.aborted)
                    throw err;
                session = mail/* SmtpSession */.f.open(settings, plan.timeouts(), { debug: plan.log });
            }
            finally {
                core.debug(`Identity requests so far: ${tokens.requests().join(', ') || 'none'}`);
            }
        }
    }
}


/***/ })

};
