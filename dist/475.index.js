export const id = 475;
export const ids = [475];
export const modules = {

/***/ 9061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ip: () => (/* binding */ readClaims),
/* harmony export */   fq: () => (/* binding */ formatClaims),
/* harmony export */   oD: () => (/* binding */ EXCHANGE_APP_ID),
/* harmony export */   om: () => (/* binding */ assessClaims),
/* harmony export */   wh: () => (/* binding */ SEND_ROLE)
/* harmony export */ });
/**
 * The facts an Exchange Online access token carries about the set-up: which resource it is for
 * (`aud`), which tenant issued it (`tid`), which app (`appid`) and service principal (`oid`) it
 * speaks for, and which application roles admin consent gave it (`roles`). Read for diagnosis
 * only: the signature is never checked (Exchange checks it; the action only explains a refusal)
 * and the token itself is never kept or printed. Node's Buffer decodes base64url; no library.
 */
/** The application permission SMTP AUTH needs in the token (or from Exchange's RBAC for Applications). */
const SEND_ROLE = 'SMTP.SendAsApp';
/** The application ID of the Office 365 Exchange Online API (the resource of SMTP.SendAsApp). */
const EXCHANGE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
/**
 * The claims of a JWT access token, or undefined when the token is not a JWT (opaque tokens are
 * allowed: the diagnosis then says less). Never throws, never verifies.
 */
function readClaims(token) {
    const parts = token.split('.');
    if (parts.length !== 3 || !parts[1])
        return undefined;
    let payload;
    try {
        payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    }
    catch {
        return undefined;
    }
    if (!payload || typeof payload !== 'object' || Array.isArray(payload))
        return undefined;
    const p = payload;
    // IDs and role names are short printable ASCII; anything else is not a claim worth repeating
    // in a log line (and could carry line breaks into it).
    const text = (value) => typeof value === 'string' && /^[\x21-\x7e]{1,200}$/.test(value) ? value : undefined;
    const claims = {};
    const aud = Array.isArray(p.aud) ? text(p.aud[0]) : text(p.aud);
    if (aud)
        claims.aud = aud;
    for (const name of ['tid', 'appid', 'oid', 'idtyp']) {
        const value = text(p[name]) ?? (name === 'appid' ? text(p.azp) : undefined);
        if (value)
            claims[name] = value;
    }
    if (Array.isArray(p.roles))
        claims.roles = p.roles.map(text).filter((r) => r !== undefined);
    return claims;
}
/** One line for the debug log: IDs only (they identify objects, they grant nothing). */
function formatClaims(claims) {
    if (!claims)
        return 'Access token: not a JWT; its claims cannot be read.';
    const show = (value) => value ?? '(absent)';
    const roles = claims.roles ? claims.roles.join(',') || '(none)' : '(absent)';
    return `Access token claims: aud=${show(claims.aud)} tid=${show(claims.tid)} appid=${show(claims.appid)} oid=${show(claims.oid)} roles=${roles} idtyp=${show(claims.idtyp)}`;
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The Exchange Online audiences of each cloud, by the SMTP host that cloud's mailboxes use. */
const CLOUD_AUDIENCES = [
    {
        smtpHosts: ['smtp.office365.com', 'outlook.office365.com'],
        audiences: ['https://outlook.office365.com', 'https://outlook.office.com'],
        label: 'Microsoft 365 worldwide'
    },
    {
        smtpHosts: ['smtp.office365.us', 'outlook.office365.us'],
        audiences: ['https://outlook.office365.us'],
        label: 'GCC High'
    },
    {
        smtpHosts: ['outlook-dod.office365.us'],
        audiences: ['https://outlook-dod.office365.us'],
        label: 'DoD'
    },
    {
        smtpHosts: ['smtp.partner.outlook.cn', 'partner.outlook.cn'],
        audiences: ['https://partner.outlook.cn'],
        label: '21Vianet'
    }
];
const trimSlash = (value) => value.replace(/\/+$/, '').toLowerCase();
/** The resource part of a `/.default` scope: https://outlook.office365.com/.default → https://outlook.office365.com. */
function scopeResource(scope) {
    return scope.replace(/\/\.default$/i, '');
}
/**
 * Compares the claims with the run's settings. The audience is checked against the SMTP host's
 * cloud when the host is one of Microsoft's, else against the requested scope; a tenant given as
 * a domain cannot be compared with `tid` (that needs a lookup the action does not make).
 */
function assessClaims(claims, expected) {
    return {
        audience: assessAudience(claims.aud, expected),
        tenant: assessTenant(claims.tid, expected.tenant),
        role: assessRole(claims.roles)
    };
}
function assessAudience(aud, expected) {
    if (!aud)
        return { state: 'unknown', note: 'the token has no aud claim' };
    const cloud = CLOUD_AUDIENCES.find((c) => c.smtpHosts.includes(expected.smtpHost.toLowerCase()));
    const wanted = cloud ? cloud.audiences : [scopeResource(expected.scope)];
    // The Exchange API's application ID is an equivalent audience in every cloud.
    if ([...wanted, EXCHANGE_APP_ID].map(trimSlash).includes(trimSlash(aud))) {
        return { state: 'ok', note: `aud ${aud}` };
    }
    const where = cloud
        ? `${expected.smtpHost} (${cloud.label}) expects ${wanted.join(' or ')}`
        : `the requested scope ${expected.scope} is for ${wanted[0]}`;
    return { state: 'fail', note: `the token is for ${aud}, but ${where}` };
}
function assessTenant(tid, tenant) {
    if (!tid)
        return { state: 'unknown', note: 'the token has no tid claim' };
    if (!GUID.test(tenant)) {
        return {
            state: 'unknown',
            note: `tid ${tid}; 'tenant-id' is the domain ${tenant}, which cannot be compared with it`
        };
    }
    if (tid.toLowerCase() === tenant.toLowerCase())
        return { state: 'ok', note: `tid ${tid}` };
    return { state: 'fail', note: `the token was issued by tenant ${tid}, not by the configured tenant ${tenant}` };
}
function assessRole(roles) {
    if (roles?.includes(SEND_ROLE))
        return { state: 'ok', note: `roles include ${SEND_ROLE}` };
    const found = roles?.length ? `roles: ${roles.join(', ')}` : 'no roles claim';
    return { state: 'warn', note: `${found}; ${SEND_ROLE} is missing` };
}


/***/ }),

/***/ 1888:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ TokenError)
/* harmony export */ });
/** The facts of a failed token request, kept for the diagnosis. */
class TokenError extends Error {
    /** OAuth `error` (e.g. invalid_client), or msal's own code (e.g. network_error). */
    errorCode;
    /** Entra's error text (AADSTS… description, trace and correlation IDs). */
    description;
    /** HTTP status of the token response, when there was one. */
    status;
    /** Transport-level cause (DNS, refused, TLS, timeout) msal-node does not keep. */
    networkCause;
    /** The credential kind that was presented. */
    credentialKind;
    /** Claims of the presented GitHub OIDC token (never the token itself). */
    presentedClaims;
    /** How long the token endpoint asked us to wait (Retry-After), in milliseconds. */
    retryAfterMs;
    /** Where the token endpoint redirected the request (never followed). */
    location;
    /** The text of an HTML error page, tags stripped and bounded. */
    htmlExcerpt;
    constructor(init) {
        super(`Token request failed: ${init.errorCode}${init.description ? `: ${init.description}` : ''}`);
        this.name = 'TokenError';
        this.errorCode = init.errorCode;
        this.description = init.description;
        this.status = init.status;
        this.networkCause = init.networkCause;
        this.credentialKind = init.credentialKind;
        this.presentedClaims = init.presentedClaims;
        this.retryAfterMs = init.retryAfterMs;
        this.location = init.location;
        this.htmlExcerpt = init.htmlExcerpt;
    }
}


/***/ }),

/***/ 9475:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startTokens: () => (/* binding */ startTokens),
  tokenTimeout: () => (/* binding */ tokenTimeout),
  xoauth2Blob: () => (/* binding */ xoauth2Blob)
});

;// CONCATENATED MODULE: ./src/auth/certificate-expiry.ts
/** How long before a certificate's end the step starts to warn: time to get a new one uploaded. */
const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The warning for a `client-certificate` that has expired or expires within
 * EXPIRY_WARNING_DAYS, else undefined. Entra ID refuses an expired certificate (AADSTS700027),
 * and a rotation takes an administrator: the warning comes while there is still time.
 */
function certificateExpiryWarning(credential, now) {
    if (credential.kind !== 'certificate')
        return undefined;
    const end = Date.parse(credential.notAfter);
    if (Number.isNaN(end))
        return undefined;
    const which = `The certificate in 'client-certificate' (${credential.subject}, SHA-256 thumbprint ${credential.thumbprintSha256.toUpperCase()})`;
    const rotate = "upload a new certificate in App registrations → Certificates & secrets → Certificates, then put its key and certificate in the secret that holds 'client-certificate'";
    const left = end - now.getTime();
    if (left <= 0) {
        const ago = Math.floor(-left / DAY_MS);
        return `${which} expired on ${credential.notAfter}${ago > 0 ? `, ${days(ago)} ago` : ''}: Entra ID refuses it (AADSTS700027). To sign in again, ${rotate}.`;
    }
    if (left > EXPIRY_WARNING_DAYS * DAY_MS)
        return undefined;
    const inDays = Math.ceil(left / DAY_MS);
    return `${which} expires on ${credential.notAfter}, in ${days(inDays)}; after that Entra ID refuses it (AADSTS700027). Before then, ${rotate}.`;
}
function days(n) {
    return n === 1 ? '1 day' : `${n} days`;
}

// EXTERNAL MODULE: ./src/auth/claims.ts
var auth_claims = __webpack_require__(9061);
// EXTERNAL MODULE: ./src/auth/token-error.ts
var token_error = __webpack_require__(1888);
// EXTERNAL MODULE: ./src/shared/bounded-text.ts
var bounded_text = __webpack_require__(5322);
// EXTERNAL MODULE: ./src/smtp/sasl.ts
var sasl = __webpack_require__(1493);
;// CONCATENATED MODULE: ./src/auth/tokens.ts





/** The XOAUTH2 SASL string AUTH sends; masked like the token it contains. */
function xoauth2Blob(user, token) {
    return (0,sasl/* xoauth2Response */.bG)(user, token);
}
/**
 * Starts the first token request now; msal-node is loaded only now, off the critical path.
 * `requestMs` bounds each request to the token endpoint.
 */
function startTokens(settings, deps, requestMs) {
    const { log } = deps;
    const started = Date.now();
    const expiry = certificateExpiryWarning(settings.credential, new Date(started));
    if (expiry)
        log.warning(expiry);
    let failure;
    let inFlight = 0;
    let requests = () => [];
    let claims;
    const provider = deps.loadClient().then(({ createTokenProvider }) => createTokenProvider(settings, {
        getIdToken: deps.getIdToken,
        mask: (secret) => log.mask(secret),
        debug: (line) => log.debug((0,bounded_text/* excerpt */.K)(line)),
        ...(deps.connection ? { connection: deps.connection } : {})
    }, requestMs()));
    const acquire = (renew) => {
        failure = undefined;
        inFlight++;
        const pending = provider
            .then((p) => {
            requests = () => p.requests.map((r) => `${r.method} ${r.url}`);
            return p.getToken(renew);
        })
            .then((t) => {
            log.mask(xoauth2Blob(settings.smtpUser, t.token));
            claims = (0,auth_claims/* readClaims */.Ip)(t.token);
            log.debug((0,auth_claims/* formatClaims */.fq)(claims));
            log.info(`Token acquired ${Date.now() - started} ms after start (expires ${t.expiresOn?.toISOString() ?? '?'}).`);
            return { token: t.token, acquiredAt: Date.now(), expiresOn: t.expiresOn };
        }, (err) => {
            if (err instanceof token_error/* TokenError */.g)
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
                log.debug(`Token wait at AUTH: ${Date.now() - askedAt} ms`);
                return token;
            });
        },
        error: () => failure,
        pending: () => inFlight > 0,
        requests: () => requests(),
        claims: () => claims
    };
}
/** The failure to report when the step's time ran out while a token request was unanswered. */
function tokenTimeout(settings, seconds) {
    return new token_error/* TokenError */.g({
        errorCode: 'token_timeout',
        description: `No answer from the token endpoint within timeout-seconds (${seconds} s).`,
        credentialKind: settings.credential.kind
    });
}


/***/ }),

/***/ 5322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ excerpt),
/* harmony export */   Y: () => (/* binding */ boundedList)
/* harmony export */ });
/**
 * Bounds for outside text in reports: a server reply, an error page or a list of thousands of
 * recipients stays readable, and a hostile peer cannot flood the job log.
 */
/** The longest piece of outside text (a server reply, an error page) printed in one place. */
const EXCERPT_CHARS = 2000;
/** At most `max` characters of `text`, marked when cut. */
function excerpt(text, max = EXCERPT_CHARS) {
    if (text.length <= max)
        return text;
    return `${text.slice(0, max)}… [cut: ${text.length - max} more characters not shown]`;
}
/** At most `max` items, then "and N more": reports stay readable with thousands of recipients. */
function boundedList(items, max = 5, separator = ', ') {
    if (items.length <= max)
        return items.join(separator);
    return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`;
}


/***/ }),

/***/ 1493:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fk: () => (/* binding */ presentToken),
/* harmony export */   aY: () => (/* binding */ mayBeStale),
/* harmony export */   bG: () => (/* binding */ xoauth2Response),
/* harmony export */   ie: () => (/* binding */ advertisedMechanisms)
/* harmony export */ });
/* unused harmony exports STALE_AFTER_MS, decodeChallenge */
/** A token older than this, or expiring within it, could be refused for being stale. */
const STALE_AFTER_MS = 5 * 60_000;
/**
 * Whether a refused token could have been refused for its age, so that a renewed one might be
 * accepted: only a token acquired before this connection attempt began, and issued more than
 * five minutes ago or expiring within five minutes. A token from this same attempt is as fresh
 * as a renewed one would be; presenting another would only add a failed login, which Dovecot
 * and Postfix answer with growing delays. Pure.
 */
function mayBeStale(token, attemptStartedAt, now) {
    if (token.acquiredAt >= attemptStartedAt)
        return false;
    if (now - token.acquiredAt > STALE_AFTER_MS)
        return true;
    return token.expiresOn !== undefined && token.expiresOn.getTime() - now < STALE_AFTER_MS;
}
/** The SASL mechanisms an EHLO reply advertises (`AUTH LOGIN XOAUTH2`, `AUTH=PLAIN`), upper-cased. */
function advertisedMechanisms(ehloLines) {
    const found = new Set();
    for (const line of ehloLines) {
        const m = /^AUTH[\s=](.*)$/i.exec(line.trim());
        if (m)
            for (const mechanism of (m[1] ?? '').split(/[\s=]+/).filter(Boolean))
                found.add(mechanism.toUpperCase());
    }
    return [...found];
}
/**
 * The text of a `334` XOAUTH2 challenge, decoded: servers other than Exchange (Gmail, Dovecot)
 * answer a refused token with base64 JSON such as {"status":"401","schemes":"bearer","scope":"mail"}.
 * Bounded, and only printable characters. Pure.
 */
function decodeChallenge(text) {
    const decoded = Buffer.from(text.trim(), 'base64').toString('utf8');
    return decoded
        .replace(/[^\x20-\x7e]+/g, ' ')
        .trim()
        .slice(0, 300);
}
/** XOAUTH2's initial response: base64 of `user=…^Aauth=Bearer …^A^A`. */
function xoauth2Response(user, token) {
    return Buffer.from(`user=${user}\x01auth=Bearer ${token}\x01\x01`, 'utf8').toString('base64');
}
/**
 * Presents one token: `AUTH XOAUTH2 <response>`; a `334` challenge is answered with the empty
 * line the SASL mechanism requires (RFC 7628 §3.2.3), and the server's final reply is returned.
 * nodemailer's own XOAUTH2 would instead answer the challenge with a second AUTH and a renewed
 * token, whatever the token's age. nodemailer logs the command with the token masked.
 */
async function presentToken(ctx, user, token) {
    const response = xoauth2Response(user, token);
    let first = await ctx.sendCommand(`AUTH XOAUTH2 ${response}`);
    // Dovecot 2.3.19 refuses an AUTH line over 1 KiB (500 5.5.2 Line too long): the same response
    // after a bare AUTH and its 334 is accepted. A syntax reply is no failed login.
    if (first.status === 500 || first.status === 501) {
        const ready = await ctx.sendCommand('AUTH XOAUTH2');
        if (ready.status !== 334)
            return { reply: ready };
        first = await ctx.sendCommand(response);
    }
    if (first.status !== 334)
        return { reply: first };
    const challenge = decodeChallenge(first.text || first.response.replace(/^334[ -]?/, ''));
    const reply = await ctx.sendCommand('');
    return challenge ? { reply, challenge } : { reply };
}


/***/ })

};
