export const id = 35;
export const ids = [35];
export const modules = {

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

/***/ 3035:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createTokenProvider: () => (/* binding */ createTokenProvider)
});

// EXTERNAL MODULE: ./node_modules/@azure/msal-node/dist/index.mjs + 115 modules
var dist = __webpack_require__(2669);
// EXTERNAL MODULE: ./src/auth/token-error.ts
var token_error = __webpack_require__(1888);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/shared/retry-after.ts
var retry_after = __webpack_require__(1424);
// EXTERNAL MODULE: ./src/shared/connection-agent.ts
var connection_agent = __webpack_require__(9965);
;// CONCATENATED MODULE: ./src/auth/identity-http-client.ts



const USER_AGENT = 'exchange-online-mail-action';
/** A token response is a few KB: an answer past this is none, and is not read further. */
const MAX_ANSWER_BYTES = 1024 * 1024;
/**
 * msal-node's network client, on the same connection agent as Graph: its first request takes the
 * TLS connection opened at start, HTTPS_PROXY and NO_PROXY are honoured like every other action
 * (a CONNECT tunnel), each request is bounded by a timeout, requests are counted, and the cause of
 * a network failure is kept (msal-node reports only `network_error`). Not @actions/http-client: its
 * index loads undici (some 900 KB to parse) on every run, for a tunnel node's https makes as well.
 */
class IdentityNetworkClient {
    timeoutMs;
    /** Requests sent, in order (method and URL, never bodies). */
    requests = [];
    /** The last transport-level failure (DNS, refused, TLS, timeout), if any. */
    lastError;
    /** Retry-After of the last response, in milliseconds, if it had one. */
    lastRetryAfterMs;
    /** What the last response was instead of a token response: a redirect or an HTML page. */
    lastOddity;
    /** Keep-alive, so a renewal reuses the connection; its first is the one opened at start. */
    agent;
    /**
     * @param timeoutMs time limit of one request, connection included
     * @param connection the TLS connection to the authority opened at start, for the first request to take
     */
    constructor(timeoutMs, connection) {
        this.timeoutMs = timeoutMs;
        this.agent = new connection_agent/* ConnectionAgent */.a(() => timeoutMs);
        if (connection)
            this.agent.adopt(connection);
    }
    sendGetRequestAsync(url, options) {
        return this.send('GET', url, options);
    }
    sendPostRequestAsync(url, options) {
        return this.send('POST', url, options);
    }
    async send(method, url, options) {
        this.requests.push({ method, url });
        this.lastOddity = undefined;
        try {
            const answer = await this.request(method, new URL(url), options?.body, options?.headers ?? {});
            const { status, text } = answer;
            const headers = {};
            for (const [name, value] of Object.entries(answer.headers)) {
                if (value !== undefined)
                    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
            }
            let body;
            if (status >= 300 && status < 400) {
                // Never followed: the client secret or assertion stays with the configured host. msal gets
                // an OAuth-shaped error; the facts stay here for the diagnosis.
                const location = (headers.location ?? '(no Location header)').slice(0, 200);
                this.lastOddity = { kind: 'redirected', status, location };
                body = { error: 'redirected', error_description: `HTTP ${status} redirect to ${location}` };
            }
            else if (answer.oversized) {
                body = { error: 'invalid_response', error_description: `HTTP ${status} with a body over 1 MiB` };
            }
            else {
                try {
                    body = text ? JSON.parse(text) : {};
                }
                catch {
                    // Not JSON (a proxy's or load balancer's error page): give msal an OAuth-shaped body.
                    const html = /html/i.test(headers['content-type'] ?? '') || /^\s*</.test(text);
                    const excerpt = html ? htmlText(text) : text.slice(0, 300);
                    if (html)
                        this.lastOddity = { kind: 'html_response', status, excerpt };
                    body = {
                        error: html ? 'html_response' : 'invalid_response',
                        error_description: `HTTP ${status} with a non-JSON body: ${excerpt}`
                    };
                }
            }
            this.lastRetryAfterMs = (0,retry_after/* parseRetryAfter */.m)(headers['retry-after']);
            return { status, headers, body: body };
        }
        catch (err) {
            this.lastError = err instanceof Error ? err : new Error(String(err));
            throw this.lastError;
        }
    }
    /** One request; redirects are never followed (node's https does not). */
    request(method, url, body, headers) {
        return new Promise((resolve, reject) => {
            const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
            const request = external_node_https_default().request(url, {
                method,
                agent: this.agent,
                headers: { 'user-agent': USER_AGENT, ...length, ...headers }
            });
            // Worded as @actions/http-client words a timeout, so the logs of earlier versions still compare.
            request.setTimeout(this.timeoutMs, () => request.destroy(new Error(`Request timeout: ${url.pathname}${url.search}`)));
            request.once('error', reject);
            request.once('response', (response) => void readAnswer(response).then(resolve, reject));
            request.end(body);
        });
    }
}
/** Reads an answer whole, or up to MAX_ANSWER_BYTES and no further. */
function readAnswer(response) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let bytes = 0;
        const answer = (oversized) => ({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
            oversized
        });
        response.on('data', (chunk) => {
            bytes += chunk.length;
            if (bytes <= MAX_ANSWER_BYTES)
                return void chunks.push(chunk);
            response.destroy();
            resolve(answer(true));
        });
        response.once('error', reject);
        response.once('end', () => resolve(answer(false)));
    });
}
/** The readable text of an HTML page, tags, scripts and styles stripped, at most 300 characters. */
function htmlText(html, max = 300) {
    const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
    const text = html
        .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
        .replace(/<!--[\s\S]*?-->/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&(#\d+|[a-z]+);/gi, (whole, name) => name.startsWith('#') ? String.fromCharCode(Number(name.slice(1)) || 32) : (entities[name.toLowerCase()] ?? whole))
        .replace(/\s+/g, ' ')
        .trim();
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

;// CONCATENATED MODULE: ./src/auth/token-provider.ts



/**
 * The OpenID metadata msal-node would otherwise GET (and instance discovery it would otherwise
 * ask login.microsoftonline.com for), built from the authority host so that the token POST is
 * the only request, for Microsoft's hosts and any other HTTPS host alike.
 */
function authorityConfig(authorityHost, tenantId) {
    const authority = `${authorityHost}/${tenantId}`;
    const host = new URL(authorityHost).host;
    return {
        authority,
        knownAuthorities: [host],
        authorityMetadata: JSON.stringify({
            token_endpoint: `${authority}/oauth2/v2.0/token`,
            authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
            end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
            issuer: `${authority}/v2.0`,
            jwks_uri: `${authority}/discovery/v2.0/keys`
        }),
        cloudDiscoveryMetadata: JSON.stringify({
            tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
            'api-version': '1.1',
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }]
        })
    };
}
/** Decodes a JWT's claims for diagnosis. Never verifies, never returns the token. */
function decodeClaims(jwt) {
    const payload = jwt.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return claims && typeof claims === 'object' ? claims : undefined;
    }
    catch {
        return undefined;
    }
}
/** Creates the token provider for the settings' credential. */
function createTokenProvider(settings, deps, timeoutMs) {
    const network = new IdentityNetworkClient(timeoutMs, deps.connection);
    const credential = settings.credential;
    const oidc = credential.kind === 'oidc' ? new OidcAssertion(credential.audience, deps) : undefined;
    const configuration = msalConfiguration(settings, network, deps, oidc);
    // A fresh application on renewal: msal-node answers a request it saw throttled from a cache
    // without sending it, and the renewed token must come from the network.
    let app = new dist/* ConfidentialClientApplication */.WR(configuration);
    return {
        requests: network.requests,
        async getToken(renew) {
            if (renew) {
                app = new dist/* ConfidentialClientApplication */.WR(configuration);
                oidc?.forget();
            }
            try {
                const result = await app.acquireTokenByClientCredential({ scopes: [settings.scope], skipCache: renew });
                if (!result?.accessToken) {
                    throw new token_error/* TokenError */.g({
                        errorCode: 'empty_response',
                        description: 'The token endpoint answered without an access token.',
                        credentialKind: credential.kind
                    });
                }
                deps.mask(result.accessToken);
                return { token: result.accessToken, expiresOn: result.expiresOn ?? undefined };
            }
            catch (err) {
                throw tokenFailure(err, network, credential.kind, oidc?.presentedClaims);
            }
        }
    };
}
/** msal-node's configuration: the credential, the one-request authority, our HTTP client and log. */
function msalConfiguration(settings, network, deps, oidc) {
    const auth = {
        clientId: settings.clientId,
        ...authorityConfig(settings.authorityHost, settings.tenantId)
    };
    const credential = settings.credential;
    if (credential.kind === 'secret') {
        auth.clientSecret = credential.secret;
    }
    else if (credential.kind === 'certificate') {
        auth.clientCertificate = {
            thumbprintSha256: credential.thumbprintSha256,
            privateKey: credential.privateKeyPem,
            x5c: credential.chainPem
        };
    }
    else if (oidc) {
        auth.clientAssertion = () => oidc.token();
    }
    return {
        auth,
        system: {
            networkClient: network,
            loggerOptions: {
                logLevel: dist/* LogLevel */.$b.Warning,
                piiLoggingEnabled: false,
                loggerCallback: (_level, message) => deps.debug(`msal: ${message}`)
            }
        }
    };
}
/** The runner's OIDC token as the client assertion: fetched once, again after `forget` (renewal). */
class OidcAssertion {
    audience;
    deps;
    pending;
    /** Claims of the presented GitHub OIDC token, for the diagnosis (never the token itself). */
    presentedClaims;
    constructor(audience, deps) {
        this.audience = audience;
        this.deps = deps;
    }
    /** msal-node asks on every acquire. */
    token() {
        return (this.pending ??= this.fetch());
    }
    forget() {
        this.pending = undefined;
    }
    async fetch() {
        let token;
        try {
            token = await this.deps.getIdToken(this.audience);
        }
        catch (err) {
            throw new token_error/* TokenError */.g({
                errorCode: 'oidc_token_unavailable',
                description: `The runner did not issue a GitHub OIDC token: ${err instanceof Error ? err.message : String(err)}`,
                credentialKind: 'oidc'
            });
        }
        this.deps.mask(token);
        const claims = decodeClaims(token);
        this.presentedClaims = claims;
        this.deps.debug(`GitHub OIDC token: iss=${String(claims?.iss)} sub=${String(claims?.sub)} aud=${String(claims?.aud)}`);
        return token;
    }
}
/** A failed acquisition as a TokenError, with what our HTTP client saw that msal-node does not keep. */
function tokenFailure(err, network, credentialKind, presentedClaims) {
    if (err instanceof token_error/* TokenError */.g)
        return err;
    const e = err;
    const oddity = network.lastOddity;
    const errorCode = oddity?.kind ?? (e.errorCode || 'unknown_error');
    return new token_error/* TokenError */.g({
        errorCode,
        description: e.errorMessage || e.message || '',
        status: e.status ?? oddity?.status,
        ...(oddity?.kind === 'redirected' ? { location: oddity.location } : {}),
        ...(oddity?.kind === 'html_response' ? { htmlExcerpt: oddity.excerpt } : {}),
        networkCause: errorCode === 'network_error' ? describeNetworkError(network.lastError) : undefined,
        credentialKind,
        presentedClaims,
        retryAfterMs: network.lastRetryAfterMs
    });
}
/** A one-line account of a transport failure, e.g. "ECONNREFUSED connect ECONNREFUSED 127.0.0.1:1". */
function describeNetworkError(err) {
    if (!err)
        return undefined;
    const code = err.code;
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
}


/***/ }),

/***/ 9965:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ ConnectionAgent)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9783);




/**
 * The HTTPS connections of the token request and of the Graph transport: a keep-alive agent whose
 * first connection to its origin is the one opened at start (`adopt`, boot/early.ts) or opened
 * ahead of the first request (`preconnect`), so that request pays no TCP and TLS handshake.
 * `HTTPS_PROXY`/`NO_PROXY` are honoured as by every other action (@actions/http-client decides
 * which proxy applies), through an HTTP CONNECT tunnel; TLS is always end to end with the origin.
 */
class ConnectionAgent extends (node_https__WEBPACK_IMPORTED_MODULE_1___default().Agent) {
    timeoutMs;
    early;
    /** Every connection opened, as host:port and through which proxy, for the debug log. */
    opened = [];
    /** @param timeoutMs the limit of one connection attempt (TCP, proxy and TLS together) */
    constructor(timeoutMs) {
        super({ keepAlive: true, maxSockets: 4 });
        this.timeoutMs = timeoutMs;
    }
    /**
     * Takes the connection opened at start (boot/early.ts) as the first to its origin, as if
     * `preconnect` had opened it: a failure of it is the first request's, retried as any other.
     */
    adopt(early) {
        this.opened.push(keyOf({ host: early.host, port: early.port }));
        this.early = { key: keyOf({ host: early.host, port: early.port }), socket: early.socket };
    }
    /** Opens the connection to `origin` now; the first request to it takes it. */
    preconnect(origin) {
        const endpoint = endpointOf(new URL(origin));
        const socket = this.connect(endpoint);
        socket.catch(() => undefined); // the request that takes it reports the failure
        this.early = { key: keyOf(endpoint), socket };
    }
    createConnection(options, callback) {
        const endpoint = {
            host: String(options.host ?? options.hostname ?? 'localhost'),
            port: Number(options.port ?? 443)
        };
        const early = this.early?.key === keyOf(endpoint) ? this.early : undefined;
        if (early)
            this.early = undefined;
        const socket = early
            ? // closed meanwhile (an idle limit on the far side): a fresh one
                early.socket.then((s) => (s.destroyed || !s.writable ? this.connect(endpoint) : s))
            : this.connect(endpoint);
        socket.then((s) => callback?.(null, s), (err) => callback?.(err, undefined));
        return undefined;
    }
    /** Closes every connection, the early one included: nothing keeps the process alive. */
    destroy() {
        const early = this.early;
        this.early = undefined;
        early?.socket.then((s) => s.destroy()).catch(() => undefined);
        super.destroy();
    }
    async connect(endpoint) {
        const proxy = (0,_actions_http_client_lib_proxy__WEBPACK_IMPORTED_MODULE_3__/* .getProxyUrl */ .s)(new URL(`https://${hostForUrl(endpoint.host)}:${endpoint.port}`))?.href;
        this.opened.push(`${keyOf(endpoint)}${proxy ? ` through ${new URL(proxy).host}` : ''}`);
        const timeoutMs = this.timeoutMs();
        const tunnel = proxy ? await connectThrough(new URL(proxy), endpoint, timeoutMs) : undefined;
        return new Promise((resolve, reject) => {
            const socket = node_tls__WEBPACK_IMPORTED_MODULE_2___default().connect({
                ...(tunnel ? { socket: tunnel } : { host: endpoint.host, port: endpoint.port }),
                ...(isIp(endpoint.host) ? {} : { servername: endpoint.host }),
                minVersion: 'TLSv1.2',
                ALPNProtocols: ['http/1.1']
            });
            const timer = setTimeout(() => socket.destroy(codedError('ETIMEDOUT', `no TLS connection to ${keyOf(endpoint)} within ${timeoutMs} ms`)), timeoutMs);
            socket.once('secureConnect', () => {
                clearTimeout(timer);
                resolve(socket);
            });
            socket.once('error', (err) => {
                clearTimeout(timer);
                reject(err);
            });
        });
    }
}
/** A tunnel to `endpoint` through an HTTP CONNECT proxy (an http:// or https:// proxy URL). */
function connectThrough(proxy, endpoint, timeoutMs) {
    const target = `${hostForUrl(endpoint.host)}:${endpoint.port}`;
    const headers = { host: target };
    if (proxy.username || proxy.password) {
        const user = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
        headers['proxy-authorization'] = `Basic ${Buffer.from(user).toString('base64')}`;
    }
    const request = (proxy.protocol === 'https:' ? (node_https__WEBPACK_IMPORTED_MODULE_1___default()) : (node_http__WEBPACK_IMPORTED_MODULE_0___default())).request({
        host: proxy.hostname.replace(/^\[|\]$/g, ''),
        port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
        method: 'CONNECT',
        path: target,
        headers,
        agent: false,
        timeout: timeoutMs
    });
    return new Promise((resolve, reject) => {
        request.once('connect', (response, socket) => {
            if (response.statusCode === 200)
                return resolve(socket);
            socket.destroy();
            reject(codedError('EPROXY', `the proxy ${proxy.host} refused CONNECT ${target}: HTTP ${response.statusCode}`));
        });
        request.once('timeout', () => request.destroy(codedError('ETIMEDOUT', `no answer from the proxy ${proxy.host} within ${timeoutMs} ms`)));
        request.once('error', reject);
        request.end();
    });
}
function endpointOf(url) {
    return { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) };
}
function keyOf(endpoint) {
    return `${hostForUrl(endpoint.host)}:${endpoint.port}`;
}
function hostForUrl(host) {
    return host.includes(':') ? `[${host}]` : host;
}
function isIp(host) {
    return /^[\d.]+$/.test(host) || host.includes(':');
}
function codedError(code, message) {
    return Object.assign(new Error(message), { code });
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
