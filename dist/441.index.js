export const id = 441;
export const ids = [441,80];
export const modules = {

/***/ 2441:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RecipientLedger: () => (/* reexport */ RecipientLedger),
  deliverWithRetries: () => (/* binding */ deliverWithRetries),
  startTokens: () => (/* binding */ startTokens),
  tokenTimeout: () => (/* binding */ tokenTimeout),
  xoauth2Blob: () => (/* binding */ xoauth2Blob)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 12 modules
var core = __webpack_require__(143);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/mail.ts + 4 modules
var mail = __webpack_require__(4546);
;// CONCATENATED MODULE: ./src/recipients.ts
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
    /** The next transaction's recipients: at most `max` of the open ones. */
    nextBatch(max = MAX_RECIPIENTS_PER_TRANSACTION) {
        return this.open().slice(0, max);
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
    const enhanced = (0,diagnose/* enhancedCode */.Kf)(reply) ?? '';
    return ['4.3.2', '4.4.5'].includes(enhanced) || /\b4\.7\.[56]\d\d\b/.test(reply);
}
/**
 * Decides whether a failure is worth another attempt. Transient: token endpoint 429 and 5xx,
 * network errors, SMTP 4xx replies, a dropped connection. Throttling among them is marked so
 * that it is waited out. Never: permanent 5xx replies (a refused token included: a token from
 * this run is as fresh as a renewed one, see sasl.ts), input errors, certificate errors, a
 * server without STARTTLS or XOAUTH2, a message above the server's SIZE. Pure.
 */
function retryDecision(err) {
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
    if (untrusted) {
        return { retry: false, reason: 'TLS certificate not trusted' };
    }
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

// EXTERNAL MODULE: ./src/sasl.ts
var sasl = __webpack_require__(3856);
;// CONCATENATED MODULE: ./src/deliver.ts






/** The XOAUTH2 SASL string AUTH sends; masked like the token it contains. */
function xoauth2Blob(user, token) {
    return (0,sasl/* xoauth2Response */.bG)(user, token);
}
/** Starts the first token request now; msal-node is loaded only now, off the critical path. */
function startTokens(settings, timeoutMs) {
    const started = Date.now();
    let failure;
    let inFlight = 0;
    let requests = () => [];
    const provider = Promise.all(/* import() */[__webpack_require__.e(669), __webpack_require__.e(737)]).then(__webpack_require__.bind(__webpack_require__, 8737)).then(({ createTokenProvider }) => createTokenProvider(settings, {
        getIdToken: (audience) => core.getIDToken(audience),
        mask: (secret) => core.setSecret(secret),
        debug: (line) => core.debug(line)
    }, timeoutMs()));
    const acquire = (renew) => {
        failure = undefined;
        inFlight++;
        const pending = provider
            .then((p) => {
            requests = () => p.requests.map((r) => `${r.method} ${r.url}`);
            return p.getToken(renew);
        })
            .then((t) => {
            core.setSecret(xoauth2Blob(settings.smtpUser, t.token));
            core.info(`Token acquired ${Date.now() - started} ms after start (expires ${t.expiresOn?.toISOString() ?? '?'}).`);
            return { token: t.token, acquiredAt: Date.now(), expiresOn: t.expiresOn };
        }, (err) => {
            if (err instanceof errors/* TokenError */.gz)
                failure = err;
            throw err;
        })
            .finally(() => inFlight--);
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
        pending: () => inFlight > 0,
        requests: () => requests()
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

/** The failure to report when the step's time ran out while a token request was unanswered. */
function tokenTimeout(settings, seconds) {
    return new errors/* TokenError */.gz({
        errorCode: 'token_timeout',
        description: `No answer from the token endpoint within timeout-seconds (${seconds} s).`,
        credentialKind: settings.credential.kind
    });
}
/** Milliseconds an attempt needs at least, beyond the wait before it. */
const ATTEMPT_MARGIN_MS = 2000;
/**
 * Delivers the message, retrying transient failures with backoff within the step's budget.
 * Recipients go in transactions of at most 500; those deferred with a 4xx reply go again in a
 * later transaction. A recipient whose transaction the server accepted is never sent the message
 * again, whatever fails afterwards (the ledger keeps track across attempts). Throttling replies
 * are waited out for as long as the budget allows; other failures end after max-attempts.
 */
async function deliverWithRetries(plan) {
    const { settings, tokens, message } = plan;
    const ledger = plan.ledger ?? new RecipientLedger(message.envelope.to);
    const sleep = plan.sleep ?? ((ms) => sleepFor(ms, plan.signal));
    let session = plan.firstSession;
    let last;
    let transactions = 0;
    const onAbort = () => session.abort();
    plan.signal?.addEventListener('abort', onAbort);
    try {
        await attempts();
    }
    finally {
        plan.signal?.removeEventListener('abort', onAbort);
        session.close();
    }
    return outcome();
    function outcome() {
        const accepted = ledger.accepted();
        const rejected = [...ledger.rejected(), ...ledger.deferred()];
        if (!last || accepted.length === 0) {
            // nodemailer's shape for "all recipients were rejected", so that it is diagnosed alike
            const first = rejected.find((r) => !r.response.startsWith('4')) ?? rejected[0];
            throw Object.assign(new Error("Can't send mail - all recipients were rejected"), {
                code: 'EENVELOPE',
                command: 'RCPT TO',
                response: first?.response ?? '',
                rejectedErrors: rejected.map((r) => ({ recipient: r.address, response: r.response }))
            });
        }
        return { messageId: last.messageId, accepted, rejected, response: last.response, transactions };
    }
    /** Transactions on this session until no recipient is open; waits out deferrals. */
    async function transact() {
        for (let round = 1; ledger.open().length > 0;) {
            const batch = ledger.nextBatch();
            const result = await session.send(message, batch);
            const accepted = ledger.record(result);
            if (result.delivered) {
                transactions++;
                last = { messageId: result.messageId, response: result.response };
            }
            const deferred = result.refused.filter((r) => r.code < 500).length;
            if (transactions > 1 || ledger.size > batch.length || deferred > 0) {
                core.info(`Transaction ${transactions}: ${accepted} of ${batch.length} recipients accepted${deferred ? `, ${deferred} deferred (${firstLine(result.refused.find((r) => r.code < 500)?.response)})` : ''}; ${ledger.open().length} still to go.`);
            }
            if (accepted > 0 || ledger.open().length === 0) {
                round = 1;
                continue;
            }
            // Nothing taken this round: the server defers everyone left. Wait before asking again.
            const wait = throttleBackoffMs(round++);
            if (wait + ATTEMPT_MARGIN_MS > plan.remaining()) {
                core.info(`${ledger.open().length} recipient(s) still deferred; ${Math.round(plan.remaining() / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
                return;
            }
            core.info(`Every remaining recipient was deferred; asking again in ${wait} ms.`);
            await sleep(wait);
            if (plan.signal?.aborted)
                return;
        }
    }
    async function attempts() {
        let counted = 0;
        let throttled = 0;
        for (let attempt = 1;; attempt++) {
            // Every token of the first attempt comes from this run: never stale (see mayBeStale).
            const attemptStartedAt = attempt === 1 ? 0 : Date.now();
            try {
                await session.login((renew) => tokens.get(renew), attemptStartedAt);
                core.info(`Authenticated as ${settings.smtpUser} with XOAUTH2.`);
                await transact();
                if (attempt > 1)
                    core.info(`Delivered on attempt ${attempt}.`);
                return;
            }
            catch (caught) {
                // nodemailer reports a failed token request as EAUTH: the token error has the facts.
                const err = tokens.error() ?? caught;
                const decision = retryDecision(err);
                const left = plan.remaining();
                if (!decision.retry) {
                    core.debug(`Not retried: ${decision.reason}`);
                    throw err;
                }
                if (decision.throttled)
                    throttled++;
                else
                    counted++;
                if (!decision.throttled && counted >= settings.maxAttempts) {
                    core.info(`Attempt ${attempt} of ${settings.maxAttempts} failed (${decision.reason}); no attempts left.`);
                    throw err;
                }
                const wait = Math.max(decision.waitMs ?? 0, decision.throttled ? throttleBackoffMs(throttled) : backoffMs(counted));
                if (wait + ATTEMPT_MARGIN_MS > left) {
                    core.info(`Attempt ${attempt} failed (${decision.reason}); ${Math.round(left / 1000)} s left of timeout-seconds, not enough to wait ${wait} ms and retry.`);
                    throw err;
                }
                core.info(decision.throttled
                    ? `Attempt ${attempt} failed: ${decision.reason}. Waited out within timeout-seconds (not counted against max-attempts). Retrying in ${wait} ms.`
                    : `Attempt ${attempt} of ${settings.maxAttempts} failed: ${decision.reason}. Retrying in ${wait} ms.`);
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
function firstLine(text) {
    return (text ?? '').split(/\r?\n/)[0] ?? '';
}


/***/ }),

/***/ 2080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diagnose: () => (/* binding */ diagnose),
  Kf: () => (/* binding */ enhancedCode),
  failureFromError: () => (/* binding */ failureFromError),
  formatDiagnosis: () => (/* binding */ formatDiagnosis)
});

// UNUSED EXPORTS: aadstsCodes, entraText, fillIn

;// CONCATENATED MODULE: ./src/catalogue.ts
/**
 * The diagnosis catalogue: every known failure, what it means, and what an administrator does
 * about it. Data only; src/diagnose.ts matches failures against it. In `fix` lines the
 * placeholders {tenant}, {clientId}, {mailbox}, {from}, {cloud}, {authorityHost}, {smtpHost},
 * {smtpPort}, {scope}, {audience}, {subject}, {issuer}, {thumbprint} are filled in from the run.
 */
const ENTRA_CODES = 'https://learn.microsoft.com/entra/identity-platform/reference-error-codes';
const SMTP_OAUTH = 'https://learn.microsoft.com/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth';
const SMTP_AUTH_ENABLE = 'https://learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/authenticated-client-smtp-submission';
const CREDENTIALS = 'https://learn.microsoft.com/entra/identity-platform/how-to-add-credentials';
const FEDERATION = 'https://learn.microsoft.com/entra/workload-id/workload-identity-federation-create-trust';
const NATIONAL_CLOUDS = 'https://learn.microsoft.com/entra/identity-platform/authentication-national-cloud';
const LIMITS = 'https://learn.microsoft.com/office365/servicedescriptions/exchange-online-service-description/exchange-online-limits';
const NDR = 'https://learn.microsoft.com/exchange/mail-flow-best-practices/non-delivery-reports-in-exchange-online/non-delivery-reports-in-exchange-online';
const FEDERATED_FIX = [
    'In the Entra admin center open App registrations → (app {clientId}) → Certificates & secrets → Federated credentials → Add credential → "GitHub Actions deploying Azure resources" (or "Other issuer").',
    'Issuer: {issuer} · Subject identifier: {subject} · Audience: {audience} — the exact values this run presented (Entra compares them character for character; the subject changes with branch, tag, environment or pull_request).',
    'Or with the Azure CLI: az ad app federated-credential create --id {clientId} --parameters \'{"name":"github","issuer":"{issuer}","subject":"{subject}","audiences":["{audience}"]}\''
];
/** Every known failure, Entra ID first, then Exchange Online SMTP, then the transport. */
const CATALOGUE = [
    // ── Entra ID (token endpoint) ──────────────────────────────────────────────────────────
    {
        id: 'AADSTS7000215',
        match: { entra: [7000215] },
        meaning: 'The client secret is wrong — most often the secret\'s "Secret ID" was stored instead of its "Value".',
        fix: [
            'In App registrations → (app {clientId}) → Certificates & secrets → Client secrets, create a new secret and copy its Value (shown only once), not the Secret ID.',
            "Store it as the repository or environment secret passed to 'client-secret'.",
            'Better: drop the secret and use GitHub OIDC federation (no stored secret) or a certificate.'
        ],
        docs: CREDENTIALS
    },
    {
        id: 'AADSTS7000222',
        match: { entra: [7000222] },
        meaning: 'The client secret has expired.',
        fix: [
            "In App registrations → (app {clientId}) → Certificates & secrets, add a new client secret and update the secret passed to 'client-secret' with its Value.",
            'Secrets expire by design (at most 24 months): switch to GitHub OIDC federation to stop rotating them.'
        ],
        docs: CREDENTIALS
    },
    {
        id: 'AADSTS700016',
        match: { entra: [700016] },
        meaning: "No application with this client ID exists in tenant '{tenant}'.",
        fix: [
            "Check 'client-id': copy the Application (client) ID from the app registration's Overview page.",
            "Check 'tenant-id': it must be the Directory (tenant) ID of the tenant where the app is registered.",
            'For a multi-tenant app registered elsewhere, an administrator of {tenant} must consent to it first.'
        ],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS90002',
        match: { entra: [90002] },
        meaning: "Tenant '{tenant}' was not found at {authorityHost} — a wrong tenant ID or domain, or the tenant lives in another cloud.",
        fix: [
            "Check 'tenant-id': copy the Directory (tenant) ID from Entra admin center → Overview.",
            "Check 'cloud' (now '{cloud}'): GCC High and DoD tenants need 'usgov' or 'usgov-dod', 21Vianet tenants 'china'."
        ],
        docs: NATIONAL_CLOUDS
    },
    {
        id: 'AADSTS900023',
        match: { entra: [900023] },
        meaning: "'{tenant}' is not a valid tenant ID or domain name.",
        fix: [
            "Set 'tenant-id' to the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com."
        ],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS70011',
        match: { entra: [70011, 1002012] },
        meaning: "The requested scope '{scope}' is invalid for an app-only token.",
        fix: [
            "Leave 'token-scope' empty to use the cloud's Exchange Online scope, or set it to https://outlook.office365.com/.default (public cloud) — app-only tokens need the /.default form.",
            "Check that 'cloud' matches the tenant's cloud."
        ],
        docs: SMTP_OAUTH
    },
    {
        id: 'AADSTS500011',
        match: { entra: [500011] },
        meaning: "Exchange Online (the resource of '{scope}') is not available in tenant '{tenant}' — the tenant has no Exchange Online, or it is in another cloud.",
        fix: [
            'Check that the tenant has Exchange Online licences and mailboxes.',
            "Check 'cloud' (now '{cloud}') and 'token-scope' against the tenant's cloud."
        ],
        docs: NATIONAL_CLOUDS
    },
    {
        id: 'AADSTS700027',
        match: { entra: [700027, 50012] },
        meaning: 'Entra rejected the certificate assertion: the certificate (SHA-256 thumbprint {thumbprint}) is not registered on the app, or the signature did not verify.',
        fix: [
            'Upload the certificate (the public .cer/.pem part, never the key) in App registrations → (app {clientId}) → Certificates & secrets → Certificates → Upload certificate.',
            'Compare the SHA-256 thumbprint shown there with {thumbprint}; they must match.',
            "Check that 'client-certificate' holds the private key of that same certificate."
        ],
        docs: 'https://learn.microsoft.com/entra/identity-platform/certificate-credentials'
    },
    {
        id: 'AADSTS700024',
        match: { entra: [700024] },
        meaning: 'The client assertion is outside its valid time window (expired or not yet valid).',
        fix: [
            "Check the runner's clock (self-hosted runners: enable NTP).",
            'With OIDC federation, the GitHub token lives a few minutes: run the step again.'
        ],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS70021',
        match: { entra: [70021, 700211, 700212, 700213] },
        meaning: 'No federated credential on the app matches the GitHub OIDC token this run presented (issuer, subject or audience differ).',
        fix: FEDERATED_FIX,
        docs: FEDERATION
    },
    {
        id: 'AADSTS7000112',
        match: { entra: [7000112] },
        meaning: 'The application is disabled in tenant {tenant}.',
        fix: ['In Enterprise applications → (app {clientId}) → Properties, set "Enabled for users to sign-in?" to Yes.'],
        docs: ENTRA_CODES
    },
    {
        id: 'AADSTS53003',
        match: { entra: [53003] },
        meaning: 'A Conditional Access policy blocked the token request.',
        fix: [
            'In Entra admin center → Protection → Conditional Access → Sign-in logs, find the failed service principal sign-in of app {clientId} and the policy that blocked it.',
            "Exclude this workload identity from the policy, or allow the runner's network location."
        ],
        docs: 'https://learn.microsoft.com/entra/identity/conditional-access/workload-identity'
    },
    {
        id: 'AADSTS50196',
        match: { entra: [50196], status: [429] },
        meaning: 'Entra ID throttled the token requests (too many identical requests in a short time).',
        fix: ['Wait a minute and run the step again; avoid many parallel jobs requesting tokens for the same app.'],
        docs: ENTRA_CODES
    },
    {
        id: 'Token endpoint timeout',
        match: { detected: ['token_timeout'] },
        meaning: 'The token endpoint {authorityHost} accepted the connection (or not) but gave no answer before the step ran out of time.',
        fix: [
            'Self-hosted runners: allow outbound HTTPS (443) to {authorityHost}; behind a proxy, set HTTPS_PROXY (and NO_PROXY) for the step.',
            "Check 'authority-host' (or 'cloud', now '{cloud}') points at Entra ID; a larger 'timeout-seconds' helps only with a slow network."
        ],
        docs: NATIONAL_CLOUDS
    },
    {
        id: 'HTML from the token endpoint',
        match: { detected: ['html_response'] },
        meaning: 'Something between the runner and Entra ID (a proxy, a firewall, a load balancer) answered with an error page instead of a token response.',
        fix: [
            'The page text above names who answered. A corporate proxy: allow {authorityHost} for this runner, or set NO_PROXY for it if the runner can reach it directly.',
            'HTTP 502/503/504 pages from a proxy are retried like any 5xx; a persistent one is the proxy failing to reach {authorityHost}.'
        ],
        docs: 'https://docs.github.com/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#communication-requirements'
    },
    {
        id: 'Token endpoint redirect',
        match: { detected: ['redirected'] },
        meaning: 'The token request was redirected. A credential is only ever sent to the configured authority host, so the redirect was not followed.',
        fix: [
            "Check 'authority-host' (now {authorityHost}): it must be the Entra ID host itself, e.g. https://login.microsoftonline.com, without a path.",
            'A captive portal or a proxy login page redirects too: the runner needs direct (or HTTPS_PROXY) access to {authorityHost}.'
        ],
        docs: NATIONAL_CLOUDS
    },
    // ── Exchange Online SMTP ─────────────────────────────────────────────────────────────
    {
        id: '535 5.7.139',
        match: { smtp: { enhanced: ['5.7.139'] } },
        meaning: 'SMTP AUTH is disabled for the mailbox {mailbox} or for the whole tenant (security defaults also turn it off).',
        fix: [
            'In Exchange Online PowerShell: Set-CASMailbox -Identity {mailbox} -SmtpClientAuthenticationDisabled $false',
            'Or in the Microsoft 365 admin center → Users → (the mailbox) → Mail → Manage email apps → tick "Authenticated SMTP".',
            'If security defaults are on, the per-mailbox setting above overrides the tenant-wide one (Get-TransportConfig | Format-List SmtpClientAuthenticationDisabled).'
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: '535 5.7.3',
        match: { smtp: { reply: [535], enhanced: ['5.7.3'] } },
        meaning: 'Exchange Online rejected the token for mailbox {mailbox}.',
        fix: [
            "The app's service principal is not registered in Exchange: Connect-ExchangeOnline, then New-ServicePrincipal -AppId {clientId} -ObjectId <Object ID from Entra → Enterprise applications → (this app)> — the enterprise application's object ID, not the app registration's.",
            'The service principal has no access to the mailbox: Add-MailboxPermission -Identity {mailbox} -User <service principal ID> -AccessRights FullAccess',
            'SMTP.SendAsApp is not granted: App registrations → (app {clientId}) → API permissions → Add a permission → APIs my organization uses → Office 365 Exchange Online → Application permissions → SMTP.SendAsApp, then "Grant admin consent".',
            "The token is for another cloud: check 'cloud' (now '{cloud}').",
            'Permissions were changed in the last hour: Exchange can take up to an hour to apply them; run the step again later.'
        ],
        docs: SMTP_OAUTH
    },
    {
        id: '535 5.7.8',
        match: { smtp: { reply: [535], enhanced: ['5.7.8'] } },
        meaning: 'The server refused the token (535 5.7.8 is how Dovecot, Postfix with Dovecot SASL and Gmail say it; Exchange Online says 535 5.7.3), so {smtpHost} is probably not Exchange Online.',
        fix: [
            "Check 'smtp-host' and 'smtp-port': for Exchange Online they are {smtpHost} = smtp.office365.com (or your cloud's host) and 587.",
            "If this server is meant to take Entra ID tokens, its token check (e.g. Dovecot's oauth2 passdb introspection) must accept tokens for '{scope}' issued to app {clientId}; the decoded challenge above shows what it expected."
        ],
        docs: 'https://www.rfc-editor.org/rfc/rfc7628#section-3.2.2'
    },
    {
        id: '454 4.7.0',
        match: { smtp: { reply: [454], enhanced: ['4.7.0'] } },
        meaning: 'The server could not check the token for now: its authentication back end failed, or it is slowing down logins after earlier failures from this address. This is temporary, not a refused token.',
        fix: [
            'The action retried it within max-attempts and timeout-seconds; run the step again later.',
            "If it persists, the server's token check (its identity provider or introspection endpoint) is failing: the server's administrator sees why in its logs."
        ],
        docs: 'https://www.rfc-editor.org/rfc/rfc4954#section-6'
    },
    {
        id: 'XOAUTH2 not offered',
        match: { detected: ['no_xoauth2'] },
        meaning: 'After STARTTLS the server at {smtpHost}:{smtpPort} does not offer AUTH XOAUTH2, so it cannot take an Entra ID token; the action sent no AUTH at all.',
        fix: [
            "Set 'smtp-host' to an Exchange Online submission endpoint, with 'smtp-port' 587: smtp.office365.com (public cloud), smtp.office365.us (GCC High), outlook-dod.office365.us (DoD), smtp.partner.outlook.cn (21Vianet) — or just 'cloud'.",
            "An MX endpoint (*.mail.protection.outlook.com) or an on-premises relay does not take OAuth: use Exchange Online's SMTP AUTH endpoint."
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: 'SIZE exceeded',
        match: { detected: ['size_exceeded'] },
        meaning: 'The encoded message is larger than the server takes (Exchange Online: 35 MB by default; base64 makes attachments about a third larger), so it was refused before upload.',
        fix: [
            "Attach less (check 'attachments' and 'max-attachment-size'), or compress the files, or upload them as a workflow artifact and link to it.",
            "An Exchange administrator can raise the mailbox's limit: Set-Mailbox -Identity {mailbox} -MaxSendSize 150MB"
        ],
        docs: LIMITS
    },
    {
        id: '530 5.7.57',
        match: { smtp: { enhanced: ['5.7.57'] } },
        meaning: 'The server required authentication before MAIL FROM: the session was not authenticated.',
        fix: [
            "Check 'smtp-host' and 'smtp-port' point at Exchange Online SMTP AUTH ({smtpHost}:587), not at a relay or MX endpoint."
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: '5.7.60 SendAsDenied',
        match: { smtp: { enhanced: ['5.7.60', '5.2.252'], text: /SendAsDenied/i } },
        meaning: 'The authenticated mailbox {mailbox} may not send as {from}.',
        fix: [
            "Send from the authenticated mailbox itself (set 'from' to {mailbox}), or",
            'grant the service principal SendAs on the From address: Add-RecipientPermission -Identity {from} -Trustee <service principal ID> -AccessRights SendAs'
        ],
        docs: 'https://learn.microsoft.com/exchange/recipients-in-exchange-online/manage-permissions-for-recipients'
    },
    {
        id: '432 4.3.2',
        match: { smtp: { enhanced: ['4.3.2'] } },
        meaning: 'Too many concurrent connections to mailbox {mailbox} (Exchange Online allows 3).',
        fix: ['Limit parallel jobs that send from this mailbox (a concurrency group), or use one mailbox per workflow.'],
        docs: LIMITS
    },
    {
        id: '554 5.2.2 SubmissionQuotaExceeded',
        match: { smtp: { enhanced: ['5.2.2', '5.1.90'], text: /SubmissionQuotaExceeded/i } },
        meaning: 'Mailbox {mailbox} reached a sending limit: 30 messages a minute or 10,000 recipients a day.',
        fix: ['Send fewer messages (e.g. one summary instead of one per job), spread them out, or use another mailbox.'],
        docs: LIMITS
    },
    {
        id: '421 4.7.66',
        match: { smtp: { enhanced: ['4.7.66'] } },
        meaning: 'The TLS version was refused: Exchange Online requires TLS 1.2 or newer.',
        fix: [
            'The action always offers TLS 1.2+; a TLS-intercepting proxy or firewall between the runner and {smtpHost} is downgrading the connection.'
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: '451 4.7.500-699',
        match: { smtp: { text: /\b4\.7\.[5-6]\d\d\b/ } },
        meaning: 'Exchange Online temporarily restricted sending from this tenant or IP address.',
        fix: [
            'Run the step again later; if it persists, check Microsoft 365 admin center → Health → Service health and message center.'
        ],
        docs: NDR
    },
    {
        id: '550 5.1.8',
        match: { smtp: { enhanced: ['5.1.8'] } },
        meaning: 'Mailbox {mailbox} is blocked from sending (usually after suspected spam).',
        fix: [
            'Microsoft Defender portal → Email & collaboration → Review → Restricted entities: unblock the mailbox, and check it is not compromised.'
        ],
        docs: 'https://learn.microsoft.com/defender-office-365/outbound-spam-restore-restricted-users'
    },
    {
        id: '550 5.7.705/5.7.708',
        match: { smtp: { enhanced: ['5.7.705', '5.7.708'] } },
        meaning: 'The tenant or the sending IP has a poor reputation and outbound mail is blocked.',
        fix: ['Open a Microsoft 365 support request; check the tenant for compromised accounts sending spam.'],
        docs: NDR
    },
    {
        id: '550 5.7.750',
        match: { smtp: { enhanced: ['5.7.750'] } },
        meaning: 'The sender domain of {from} is not a registered (accepted) domain of the tenant.',
        fix: [
            'Use a From address in an accepted domain (Exchange admin center → Mail flow → Accepted domains), or add and verify the domain.'
        ],
        docs: NDR
    },
    {
        id: '550 5.1.10',
        match: { smtp: { enhanced: ['5.1.10', '5.1.1'] } },
        meaning: 'A recipient address does not exist.',
        fix: ["Check the spelling of the addresses in 'to', 'cc' and 'bcc'."],
        docs: NDR
    },
    {
        id: '550 5.7.520',
        match: { smtp: { enhanced: ['5.7.520'] } },
        meaning: 'External forwarding or sending is blocked by an outbound spam policy.',
        fix: [
            'Microsoft Defender portal → Policies → Anti-spam → Outbound policy: allow external forwarding/sending for {mailbox}, or send to internal recipients.'
        ],
        docs: 'https://learn.microsoft.com/defender-office-365/outbound-spam-policies-external-email-forwarding'
    },
    // ── Transport ────────────────────────────────────────────────────────────────────────
    {
        id: 'DNS',
        match: { transport: ['ENOTFOUND', 'EAI_AGAIN', 'EDNS'] },
        meaning: 'The host name could not be resolved.',
        fix: [
            "Check 'smtp-host' / 'authority-host' and the runner's DNS (self-hosted runners behind a proxy may resolve only internal names)."
        ],
        docs: 'https://docs.github.com/actions/hosting-your-own-runners/managing-self-hosted-runners/about-self-hosted-runners#communication-requirements'
    },
    {
        id: 'ECONNREFUSED',
        match: { transport: ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH'] },
        meaning: 'The connection was refused or reset.',
        fix: [
            'Check the host and port; on self-hosted runners, allow outbound TCP {smtpPort} to {smtpHost} and 443 to {authorityHost} in the firewall.'
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: 'ETIMEDOUT',
        match: { transport: ['ETIMEDOUT', 'ECONNECTION_TIMEOUT', 'ESOCKETTIMEDOUT', 'EGREETING'] },
        meaning: 'The server did not answer in time.',
        fix: [
            'Outbound port {smtpPort} is often blocked on self-hosted and corporate networks: allow TCP {smtpPort} to {smtpHost} and 443 to {authorityHost}, or run the job on a GitHub-hosted runner.',
            "Behind an HTTP proxy, set HTTPS_PROXY for the token request and 'smtp-proxy' for the SMTP connection."
        ],
        docs: SMTP_AUTH_ENABLE
    },
    {
        id: 'TLS certificate',
        match: {
            transport: [
                'CERT_HAS_EXPIRED',
                'DEPTH_ZERO_SELF_SIGNED_CERT',
                'SELF_SIGNED_CERT_IN_CHAIN',
                'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
                'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
                'ERR_TLS_CERT_ALTNAME_INVALID'
            ]
        },
        meaning: "The server's TLS certificate is not trusted (unknown CA, self-signed, expired, or issued for another name).",
        fix: [
            'A TLS-inspecting proxy signs with a private CA: add it with the environment variable NODE_EXTRA_CA_CERTS=/path/to/ca.pem on the step or runner.',
            "A name mismatch means 'smtp-host' / 'authority-host' differs from the certificate's name: use the official host name."
        ],
        docs: 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile'
    },
    {
        id: 'STARTTLS',
        match: { transport: ['ETLS_REQUIRED'] },
        meaning: 'The server did not offer STARTTLS, and the action never authenticates or sends in the clear.',
        fix: [
            "Use Exchange Online's SMTP AUTH endpoint ({smtpHost}:587), or port 465 for implicit TLS; a proxy stripping STARTTLS must be bypassed."
        ],
        docs: SMTP_AUTH_ENABLE
    }
];

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/diagnose.ts


/** Reduces any thrown value to the plain facts of a Failure. */
function failureFromError(err) {
    if (err instanceof errors/* InputError */.dz)
        return { source: 'input', message: err.message };
    if (err instanceof errors/* NoXoauth2Error */.HB) {
        return { source: 'smtp', code: err.code, command: err.command, message: err.message, offered: err.offered };
    }
    if (err instanceof errors/* MessageTooLargeError */.$h) {
        const size = { message: err.size, limit: err.limit };
        return { source: 'smtp', code: err.code, command: err.command, message: err.message, size };
    }
    if (err instanceof errors/* PartialDeliveryError */.em) {
        const first = err.rejected.find((r) => !r.response.startsWith('4')) ?? err.rejected[0];
        const failure = {
            source: 'smtp',
            code: 'EENVELOPE',
            response: first?.response,
            responseCode: first ? Number(first.response.slice(0, 3)) || undefined : undefined,
            command: 'RCPT TO',
            message: err.message,
            rejected: err.rejected,
            accepted: err.accepted
        };
        const deferred = err.rejected.filter((r) => r.response.startsWith('4'));
        if (deferred.length)
            failure.deferred = deferred;
        return failure;
    }
    if (err instanceof errors/* TokenError */.gz) {
        return {
            source: 'entra',
            errorCode: err.errorCode,
            description: err.description,
            status: err.status,
            networkCause: err.networkCause,
            claims: err.presentedClaims,
            credentialKind: err.credentialKind,
            retryAfterMs: err.retryAfterMs,
            ...(err.location !== undefined ? { location: err.location } : {}),
            ...(err.htmlExcerpt !== undefined ? { htmlExcerpt: err.htmlExcerpt } : {})
        };
    }
    const e = (err ?? {});
    if (typeof e.code === 'string' && (e.code.startsWith('E') || typeof e.responseCode === 'number')) {
        const rejected = rejectedRecipients(e);
        const first = rejected[0];
        // "All recipients were rejected" carries no reply of its own: take the first recipient's.
        const response = typeof e.response === 'string' ? e.response : first?.response;
        const failure = {
            source: 'smtp',
            code: e.code,
            originalCode: typeof e.originalCode === 'string' ? e.originalCode : undefined,
            response,
            responseCode: typeof e.responseCode === 'number'
                ? e.responseCode
                : response
                    ? Number(response.slice(0, 3)) || undefined
                    : undefined,
            command: typeof e.command === 'string' ? e.command : first ? 'RCPT TO' : undefined,
            message: String(e.message ?? e.code)
        };
        if (rejected.length)
            failure.rejected = rejected;
        if (typeof e.challenge === 'string')
            failure.challenge = e.challenge;
        return failure;
    }
    return { source: 'unknown', message: err instanceof Error ? err.message : String(err) };
}
/** The rejected recipients nodemailer attaches to an envelope error. */
function rejectedRecipients(e) {
    const errors = Array.isArray(e.rejectedErrors) ? e.rejectedErrors : [];
    return errors.map((r) => ({
        address: String(r.recipient ?? ''),
        response: String(r.response ?? r.message ?? '')
    }));
}
/** The AADSTS numbers in an Entra error text, first one first. */
function aadstsCodes(text) {
    return [...text.matchAll(/AADSTS(\d+)/g)].map((m) => Number(m[1]));
}
/** The enhanced status code (RFC 3463) of an SMTP reply, e.g. 5.7.3. */
function enhancedCode(reply) {
    return /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})\b/.exec(reply.trim())?.[1];
}
function matches(entry, f, transportCodes) {
    const m = entry.match;
    if ('entra' in m) {
        if (f.source !== 'entra')
            return false;
        return (aadstsCodes(f.description).some((code) => m.entra.includes(code)) ||
            (f.status !== undefined && (m.status ?? []).includes(f.status)));
    }
    if ('transport' in m)
        return transportCodes.some((code) => m.transport.includes(code));
    if ('detected' in m)
        return detectedCode(f) !== undefined && m.detected.includes(detectedCode(f));
    if (f.source !== 'smtp' || !f.response)
        return false;
    const reply = f.response;
    const enhanced = enhancedCode(reply);
    const basic = f.responseCode ?? Number(reply.slice(0, 3));
    const { reply: replies, enhanced: codes, text } = m.smtp;
    if (replies && !replies.includes(basic))
        return false;
    if (codes && text)
        return (enhanced !== undefined && codes.includes(enhanced)) || text.test(reply);
    if (codes)
        return enhanced !== undefined && codes.includes(enhanced);
    if (text)
        return text.test(reply);
    return replies !== undefined;
}
/** The code of a failure the action itself recognised (see Match `detected`). */
function detectedCode(f) {
    if (f.source === 'entra') {
        if (f.errorCode === 'network_error' && /timeout|ETIMEDOUT/i.test(f.networkCause ?? ''))
            return 'token_timeout';
        return ['token_timeout', 'html_response', 'redirected'].includes(f.errorCode) ? f.errorCode : undefined;
    }
    if (f.source !== 'smtp')
        return undefined;
    if (f.offered)
        return 'no_xoauth2';
    if (f.size)
        return 'size_exceeded';
    return undefined;
}
/** System and TLS codes of a failure, most specific first. */
function transportCodesOf(f) {
    if (f.source === 'entra') {
        const cause = f.networkCause ?? '';
        return [...cause.matchAll(/\b(E[A-Z_]{3,}|[A-Z_]*CERT[A-Z_]*|UNABLE_TO_[A-Z_]+)\b/g)].map((m) => m[1]);
    }
    if (f.source !== 'smtp')
        return [];
    const codes = [];
    if (f.originalCode)
        codes.push(f.originalCode);
    const certCode = /\b(DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_[A-Z_]+|CERT_[A-Z_]+|ERR_TLS_CERT_ALTNAME_INVALID)\b/.exec(f.message);
    if (certCode)
        codes.push(certCode[1]);
    if (/self[- ]signed certificate|unable to verify|certificate has expired|altnames|Hostname\/IP does not match/i.test(f.message)) {
        codes.push('UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    }
    if (f.code === 'ETLS' && /STARTTLS/i.test(`${f.message} ${f.command ?? ''}`))
        codes.push('ETLS_REQUIRED');
    if (f.code === 'ETIMEDOUT' || /Greeting never received|timeout/i.test(f.message))
        codes.push('ETIMEDOUT');
    if (f.code === 'EDNS')
        codes.push('EDNS');
    codes.push(f.code);
    return codes;
}
/** Fills {placeholders} with the run's values; unknown ones stay visible. */
function fillIn(text, values) {
    return text.replace(/\{(\w+)\}/g, (whole, key) => {
        const value = values[key];
        return value === undefined || value === '' ? whole : String(value);
    });
}
/** Finds what went wrong and what to do about it. Pure. */
function diagnose(f, ctx) {
    if (f.source === 'input')
        return { headline: f.message, fix: [], details: [] };
    const claims = f.source === 'entra' ? f.claims : undefined;
    const values = {
        ...ctx,
        issuer: claimText(claims?.iss) ?? 'https://token.actions.githubusercontent.com',
        subject: claimText(claims?.sub),
        audience: claimText(claims?.aud) ?? ctx.audience
    };
    const transportCodes = transportCodesOf(f);
    const entry = CATALOGUE.find((e) => matches(e, f, transportCodes));
    const details = [];
    let headline;
    let serverText;
    let correlationId;
    let traceId;
    if (f.source === 'entra') {
        serverText = entraText(f.description) || undefined;
        correlationId = /Correlation ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1];
        traceId = /Trace ID:\s*([0-9a-f-]{36})/i.exec(f.description)?.[1];
        const code = aadstsCodes(f.description)[0];
        const at = ctx.authorityHost ?? 'the authority host';
        if (detectedCode(f) === 'token_timeout') {
            headline = `The Entra ID token endpoint at ${at} did not answer within the step's time budget (timeout-seconds); no token, so nothing was sent.`;
            serverText = undefined;
        }
        else if (f.errorCode === 'network_error') {
            headline = `Could not reach the Entra ID token endpoint at ${at}${f.networkCause ? `: ${f.networkCause}` : ''}.`;
            serverText = undefined;
        }
        else if (f.errorCode === 'html_response') {
            headline = `The token endpoint at ${at} (or a proxy in front of it) answered HTTP ${f.status ?? '?'} with an HTML page, not a token response.`;
            serverText = f.htmlExcerpt || undefined;
        }
        else if (f.errorCode === 'redirected') {
            headline = `The token endpoint at ${at} redirected the request (HTTP ${f.status ?? '?'}) to ${f.location ?? 'another address'}; the action does not follow redirects, so the credential was not sent there.`;
            serverText = undefined;
        }
        else if (f.errorCode === 'oidc_token_unavailable') {
            headline = 'The runner could not issue a GitHub OIDC token.';
        }
        else {
            headline = `Entra ID refused the token request${code ? ` (AADSTS${code})` : ` (${f.errorCode}${f.status ? `, HTTP ${f.status}` : ''})`}.`;
        }
        if (claims) {
            details.push(`Presented GitHub OIDC token: iss=${claimText(claims.iss) ?? '?'} sub=${claimText(claims.sub) ?? '?'} aud=${claimText(claims.aud) ?? '?'}`);
        }
        if (ctx.thumbprint && f.credentialKind === 'certificate') {
            details.push(`Presented certificate: SHA-256 thumbprint ${ctx.thumbprint.toUpperCase()}`);
        }
    }
    else if (f.source === 'smtp') {
        serverText = f.response?.replace(/\s*\r?\n\s*/g, ' ').trim() || undefined;
        const where = `${ctx.smtpHost ?? 'the SMTP server'}:${ctx.smtpPort ?? ''}`.replace(/:$/, '');
        const basic = f.responseCode ?? 0;
        if (f.offered) {
            headline = `The SMTP server ${where} does not offer XOAUTH2 after STARTTLS (it offers ${f.offered.length ? f.offered.join(', ') : 'no authentication at all'}); no AUTH was sent. 'smtp-host' must be an Exchange Online submission endpoint, such as smtp.office365.com port 587.`;
        }
        else if (f.size) {
            headline = `The message is ${f.size.message} bytes, larger than the ${f.size.limit} bytes the SMTP server ${where} accepts (its EHLO SIZE); it was not uploaded.`;
        }
        else if (f.rejected?.length && f.accepted?.length) {
            headline = `Delivered to ${counted(f.accepted.length)}${(0,errors/* boundedList */.Y4)(f.accepted)}, but the SMTP server ${where} rejected ${counted(f.rejected.length)}${describeRefusals(f.rejected)}`;
        }
        else if (f.rejected?.length) {
            headline = `The SMTP server ${where} rejected every recipient: ${counted(f.rejected.length)}${describeRefusals(f.rejected)}`;
        }
        else if (f.response && /^AUTH/i.test(f.command ?? '') && basic >= 400 && basic < 500) {
            headline = `The SMTP server ${where} could not check the token for now (a temporary failure, retried until the attempts or the time ran out): ${f.response.split(/\r?\n/)[0]}`;
        }
        else if (f.response) {
            headline = `The SMTP server ${where} refused ${commandName(f.command)}: ${f.response.split(/\r?\n/)[0]}`;
        }
        else {
            headline = `SMTP to ${where} failed: ${f.message}`;
        }
        if (f.challenge)
            details.push(`The server's XOAUTH2 challenge (decoded): ${f.challenge}`);
    }
    else {
        headline = f.message;
    }
    const diagnosis = { headline, fix: [], details };
    if (serverText !== undefined)
        diagnosis.serverText = serverText;
    if (correlationId !== undefined)
        diagnosis.correlationId = correlationId;
    if (traceId !== undefined)
        diagnosis.traceId = traceId;
    if (entry) {
        diagnosis.entry = entry;
        diagnosis.meaning = fillIn(entry.meaning, values);
        diagnosis.fix = entry.fix.map((line) => fillIn(line, values));
    }
    return diagnosis;
}
/**
 * Entra's own words out of msal-node's error message ("Error(s): … - Description: AADSTS…:
 * … Trace ID: … Correlation ID: … - Correlation ID: …"): the description, on one line, without
 * the IDs that the diagnosis prints on their own line.
 */
function entraText(message) {
    const oneLine = message.replace(/\s*\r?\n\s*/g, ' ').trim();
    const description = /Description:\s*(.*?)(?:\s+-\s+(?:Correlation|Trace) ID:.*)?$/.exec(oneLine)?.[1] ?? oneLine;
    return description.replace(/\s*(?:Trace ID|Correlation ID|Timestamp):.*$/, '').trim();
}
function claimText(value) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value))
        return value.map(String).join(',');
    return undefined;
}
/** "1000 recipients: " before a list that will be cut short, nothing before a short one. */
function counted(n) {
    return n > 5 ? `${n} recipients: ` : '';
}
/** "a@x (550 …); b@x (550 …); … and 998 more", the deferred ones said to be so. */
function describeRefusals(refused) {
    const deferred = refused.filter((r) => r.response.startsWith('4')).length;
    const list = (0,errors/* boundedList */.Y4)(refused.map((r) => `${r.address} (${r.response.split(/\r?\n/)[0]})`), 5, '; ');
    return deferred ? `${list} — ${deferred} of them only deferred (4xx) until the time ran out` : list;
}
function commandName(command) {
    if (!command)
        return 'the request';
    if (/^AUTH/i.test(command))
        return 'authentication';
    if (/^MAIL/i.test(command))
        return 'the sender (MAIL FROM)';
    if (/^RCPT/i.test(command))
        return 'a recipient (RCPT TO)';
    if (/^DATA|^\./i.test(command))
        return 'the message';
    if (command === 'CONN')
        return 'the connection';
    return command;
}
/** The failure message: what failed, the server's words, the correlation ID, then the diagnosis. */
function formatDiagnosis(d) {
    const lines = [d.headline];
    if (d.serverText)
        lines.push('', `Server said: ${d.serverText}`);
    if (d.correlationId)
        lines.push(`Correlation ID: ${d.correlationId}${d.traceId ? ` (trace ID ${d.traceId})` : ''}`);
    for (const detail of d.details)
        lines.push(detail);
    if (d.entry) {
        lines.push('', `Diagnosis (${d.entry.id}): ${d.meaning ?? d.entry.meaning}`);
        if (d.fix.length > 0) {
            lines.push('How to fix:');
            for (const step of d.fix)
                lines.push(`  - ${step}`);
        }
        lines.push(`See ${d.entry.docs}`);
    }
    else if (d.serverText || d.correlationId) {
        lines.push('', "This failure is not in the diagnosis catalogue; the server's own text above is the best lead.");
    }
    return lines.join('\n');
}


/***/ })

};
