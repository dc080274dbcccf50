export const id = 118;
export const ids = [118];
export const modules = {

/***/ 5007:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ GraphError)
/* harmony export */ });
/**
 * A refusal or failure of Microsoft Graph: the one shape the Graph transport raises and the
 * diagnosis reads, as smtp-errors.ts is for SMTP. Graph answers errors as
 * `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 */
/** A Graph request that did not end in the status it needed. */
class GraphError extends Error {
    status;
    code;
    graphMessage;
    operation;
    requestId;
    clientRequestId;
    date;
    retryAfterMs;
    mayHaveBeenAccepted;
    constructor(message, facts) {
        super(message);
        this.name = 'GraphError';
        this.status = facts.status;
        this.code = facts.code;
        this.graphMessage = facts.graphMessage;
        this.operation = facts.operation;
        if (facts.requestId !== undefined)
            this.requestId = facts.requestId;
        this.clientRequestId = facts.clientRequestId;
        if (facts.date !== undefined)
            this.date = facts.date;
        if (facts.retryAfterMs !== undefined)
            this.retryAfterMs = facts.retryAfterMs;
        this.mayHaveBeenAccepted = facts.mayHaveBeenAccepted;
    }
}


/***/ }),

/***/ 8503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GraphSendTransport: () => (/* reexport */ GraphSendTransport),
  graphRetryRules: () => (/* reexport */ retries/* graphRetryRules */.i),
  openGraph: () => (/* binding */ openGraph)
});

// EXTERNAL MODULE: ./src/shared/connection-agent.ts
var connection_agent = __webpack_require__(9965);
// EXTERNAL MODULE: ./src/graph/send.ts + 2 modules
var send = __webpack_require__(6320);
;// CONCATENATED MODULE: ./src/graph/transport.ts

/**
 * Microsoft Graph as a transport. There is no session: the connection is the keep-alive agent of
 * `plan.transport` (opened at start, closed by whoever made it), and each request presents a bearer
 * token of its own, fetched as it goes. A send may take several requests (a large message goes as
 * a draft), so each request is retried by itself (`plan.retry`, delivery's loop with Graph's rules)
 * and what the send throws is final. One request carries every recipient: Graph reads them from the
 * headers, and accepts all of them at once or none.
 */
class GraphSendTransport {
    plan;
    retries = 'request';
    recipientsPerSend = Number.POSITIVE_INFINITY;
    constructor(plan) {
        this.plan = plan;
    }
    /** Nothing to open: a request that finds no connection opens one. */
    open() { }
    /** Nothing to log in to: each request presents the token it fetched (a failed fetch is that request's). */
    authenticate() {
        return Promise.resolve();
    }
    send(message, _recipients) {
        return (0,send/* postMessage */.u)(this.plan, message);
    }
    /** Requests end on their own; the agent's connections close with the agent. */
    close() { }
    /** A request under way ends with the budget's signal it carries. */
    abort() { }
}

// EXTERNAL MODULE: ./src/graph/retries.ts
var retries = __webpack_require__(9854);
;// CONCATENATED MODULE: ./src/graph/open.ts



/**
 * `transport: graph`, before the token is even requested: the TLS connection to graph-host opened
 * at start is adopted (or one is opened now), so the send pays no handshake. No SMTP connection
 * at all. The caller closes it when the run is over, whatever happened.
 */
function openGraph(early, settings, budget, log) {
    const agent = new connection_agent/* ConnectionAgent */.a(() => Math.min(30_000, budget.remainingMs()));
    if (early)
        agent.adopt(early);
    else
        agent.preconnect(settings.graphHost);
    const requests = {
        agent,
        // Ends a request before the step's deadline does, so that a send whose answer never comes is
        // reported as what it is: sent in full, perhaps delivered (not as a timeout of the step).
        timeoutMs: () => Math.max(1000, Math.min(60_000, budget.remainingMs() - 1500)),
        signal: budget.signal,
        // with `debug: true` the requests show in the log, as the SMTP conversation does
        debug: (line) => (settings.debug ? log.info(line) : log.debug(line))
    };
    return {
        requests,
        close: () => {
            log.debug(`Graph connections: ${agent.opened.join(', ') || 'none'}`);
            agent.destroy();
        }
    };
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

/***/ 9783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ getProxyUrl)
/* harmony export */ });
/* unused harmony export checkBypass */
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map

/***/ })

};
