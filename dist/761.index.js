export const id = 761;
export const ids = [761];
export const modules = {

/***/ 2761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runGraph: () => (/* binding */ runGraph)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
var external_node_tls_default = /*#__PURE__*/__webpack_require__.n(external_node_tls_);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
;// CONCATENATED MODULE: ./src/graph/connection.ts




/**
 * The connections of the Graph transport: a keep-alive agent for graph-host and the upload URLs
 * Graph hands out. Its first connection to graph-host is opened early (`preconnect`, while the
 * token is on its way) and taken by the first request, so the send pays no TCP and TLS handshake.
 * `HTTPS_PROXY`/`NO_PROXY` are honoured as by every other action (@actions/http-client decides
 * which proxy applies), through an HTTP CONNECT tunnel; TLS is always end to end with Graph.
 */
class GraphAgent extends (external_node_https_default()).Agent {
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
        const proxy = (0,lib/* getProxyUrl */.s_)(`https://${hostForUrl(endpoint.host)}:${endpoint.port}`);
        this.opened.push(`${keyOf(endpoint)}${proxy ? ` through ${new URL(proxy).host}` : ''}`);
        const timeoutMs = this.timeoutMs();
        const tunnel = proxy ? await connectThrough(new URL(proxy), endpoint, timeoutMs) : undefined;
        return new Promise((resolve, reject) => {
            const socket = external_node_tls_default().connect({
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
    const request = (proxy.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default())).request({
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

// EXTERNAL MODULE: ./src/graph/send.ts + 3 modules
var send = __webpack_require__(7261);
// EXTERNAL MODULE: ./src/delivery/recipient-ledger.ts
var recipient_ledger = __webpack_require__(2114);
// EXTERNAL MODULE: ./src/stages.ts + 1 modules
var stages = __webpack_require__(474);
;// CONCATENATED MODULE: ./src/graph/run.ts




/**
 * `transport: graph`: token ∥ connection → message → sendMail → report, with no SMTP connection
 * at all. The token request (with Graph's audience) and the TLS connection to graph-host start
 * together; the send takes that connection. Failures are thrown to main.ts, which diagnoses them
 * like any other and saves the undelivered message.
 */
async function runGraph(run) {
    const { booted, settings, core, log, progress } = run;
    const { budget } = booted;
    const agent = new GraphAgent(() => Math.min(30_000, budget.remainingMs()));
    if (booted.graphConnection)
        agent.adopt(booted.graphConnection);
    else
        agent.preconnect(settings.graphHost);
    try {
        const { startTokens, tokenTimeout } = await stages/* stages */._.tokens();
        const tokens = startTokens(settings, { log, getIdToken: (audience) => core.getIDToken(audience), connection: booted.tokenConnection }, () => budget.tokenRequestMs());
        progress.claims = () => tokens.claims();
        log.info(`Connecting to ${settings.graphHost} and requesting a token from ${settings.authorityHost}…`);
        const transport = {
            agent,
            // Ends a request before the step's deadline does, so that a send whose answer never comes is
            // reported as what it is: sent in full, perhaps delivered (not as a timeout of the step).
            timeoutMs: () => Math.max(1000, Math.min(60_000, budget.remainingMs() - 1500)),
            signal: budget.signal,
            // with `debug: true` the requests show in the log, as the SMTP conversation does
            debug: (line) => (settings.debug ? log.info(line) : log.debug(line))
        };
        const stalled = () => tokens.pending() ? tokenTimeout(settings, Math.round(settings.timeoutMs / 1000)) : undefined;
        const deps = { transport, tokens, budget, log, maxAttempts: settings.maxAttempts };
        if (settings.checkSetup) {
            const { runGraphSetupCheck } = await stages/* stages */._.graphCheckSetup();
            const check = runGraphSetupCheck({ settings, ...deps }, { log, setOutput: core.setOutput, summary: core.summary });
            await budget.enforce(check, stalled, 'set-up check');
            return;
        }
        const mime = stages/* stages */._.mime();
        mime.catch(() => undefined); // awaited below, after rendering, which may fail first
        const message = await (await stages/* stages */._.message()).prepareMessage({ ...booted, settings, log });
        const { composeMessage } = await mime;
        progress.composed = await composeMessage(settings, message.rendered, message.extras, { graph: true });
        progress.ledger = new recipient_ledger/* RecipientLedger */.d(progress.composed.envelope.to);
        const { rendered, extras } = message;
        const plan = {
            ...deps,
            settings,
            message: progress.composed,
            ledger: progress.ledger,
            roles: () => tokens.claims()?.roles,
            draft: {
                attachments: extras.attachments,
                compose: (attachments, messageId) => composeMessage(settings, rendered, { ...extras, attachments }, { graph: true, messageId })
            }
        };
        const delivery = await log.group('Send', () => budget.enforce((0,send/* sendOverGraph */.zY)(plan), stalled));
        await (await stages/* stages */._.report()).reportDelivery(core, log, settings, message.rendered, delivery);
    }
    finally {
        log.debug(`Graph connections: ${agent.opened.join(', ') || 'none'}`);
        agent.destroy();
    }
}


/***/ })

};
